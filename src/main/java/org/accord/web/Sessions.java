package org.accord.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.accord.party.Principal;

/**
 * Browser sessions, obtained by presenting an API token on the login form (or by signing in with
 * OpenID Connect). Held in memory only: a restart logs everyone out, which is the safe failure.
 *
 * <p>A session ends at the first of: its lifetime, its idle timeout, logout, eviction (at most {@code
 * maxSessions} live at once; the least recently used goes first, ADR 0088) or the revocation of the
 * token it came from ({@link #removeToken(String)}; each request also asks {@code Parties.stillValid}). Each session has its own CSRF token for
 * state-changing requests; before login, a browser holds a pre-login cookie whose HMAC under this
 * server's random key is the login form's CSRF token.
 *
 * <p>Thread-safe: every method locks the one map; none blocks on I/O.
 */
public final class Sessions {
  public static final String COOKIE = "accord_session";
  public static final String PRE_LOGIN_COOKIE = "accord_login";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A logged-in browser; {@code principal().tokenId()} names the API token it came from, if any. */
  public record Session(String id, String csrf, Principal principal, long createdAt) {}

  private final LinkedHashMap<String, Session> sessions = new LinkedHashMap<>(16, 0.75f, true);
  private final Map<String, Long> lastSeen = new java.util.HashMap<>();
  private final Clock clock;
  private final int maxSessions;
  private final long idleMillis;
  private final long lifetimeMillis;
  private final byte[] loginKey = new byte[32];

  /** Sessions whose times run on {@code clock}, the instance's one clock, within the options' limits. */
  Sessions(Clock clock, WebOptions options) {
    this.clock = clock;
    this.maxSessions = options.maxSessions();
    this.idleMillis = options.sessionIdle().toMillis();
    this.lifetimeMillis = options.sessionLifetime().toMillis();
    RANDOM.nextBytes(loginKey);
  }

  /** The longest a session cookie needs to live, in seconds. */
  int cookieSeconds() {
    return (int) Math.min(Integer.MAX_VALUE, lifetimeMillis / 1000);
  }

  /** A new session; the least recently used one is evicted if the cap is reached. */
  synchronized Session create(Principal principal) {
    long now = clock.millis();
    Session session = new Session(randomId(), randomId(), principal, now);
    while (sessions.size() >= maxSessions) {
      Iterator<String> oldest = sessions.keySet().iterator();
      lastSeen.remove(oldest.next());
      oldest.remove();
    }
    sessions.put(session.id(), session);
    lastSeen.put(session.id(), now);
    return session;
  }

  /** The live session with this id, marking it used; empty when unknown, expired or idle too long. */
  public synchronized Optional<Session> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Session session = sessions.get(id);
    if (session == null) {
      return Optional.empty();
    }
    long now = clock.millis();
    if (now - session.createdAt() >= lifetimeMillis || now - lastSeen.get(id) >= idleMillis) {
      remove(id);
      return Optional.empty();
    }
    lastSeen.put(id, now);
    return Optional.of(session);
  }

  synchronized void remove(String id) {
    if (id != null) {
      sessions.remove(id);
      lastSeen.remove(id);
    }
  }

  /** Ends every session opened with the API token {@code tokenId}; returns how many. */
  synchronized int removeToken(String tokenId) {
    int ended = 0;
    for (Iterator<Session> it = sessions.values().iterator(); it.hasNext(); ) {
      Session session = it.next();
      if (tokenId.equals(session.principal().tokenId())) {
        lastSeen.remove(session.id());
        it.remove();
        ended++;
      }
    }
    return ended;
  }

  /** How many sessions are held, live or not yet noticed as expired. */
  synchronized int size() {
    return sessions.size();
  }

  /** A new random pre-login cookie value. */
  public static String newPreLoginId() {
    return randomId();
  }

  /** The login form's CSRF token for the pre-login cookie {@code preLoginId}. */
  public String loginCsrf(String preLoginId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(loginKey, "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(("login\0" + preLoginId).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
    }
  }

  /** Whether {@code token} is the login CSRF token of the pre-login cookie, compared in constant time. */
  boolean loginCsrfMatches(String preLoginId, String token) {
    return preLoginId != null && !preLoginId.isEmpty() && token != null
        && MessageDigest.isEqual(loginCsrf(preLoginId).getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
  }

  /** Whether {@code token} is the session's CSRF token, compared in constant time. */
  static boolean csrfMatches(Session session, String token) {
    return token != null && MessageDigest.isEqual(session.csrf().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
  }

  static String randomId() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
