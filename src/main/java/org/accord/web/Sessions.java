package org.accord.web;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.accord.party.Principal;

/**
 * Browser sessions, obtained by presenting an API token on the login form. Held in memory only: a
 * restart logs everyone out, which is the safe failure. Each session has its own CSRF token for
 * state-changing requests. Thread-safe.
 */
final class Sessions {
  static final String COOKIE = "accord_session";
  static final Duration LIFETIME = Duration.ofHours(8);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A logged-in browser. */
  record Session(String id, String csrf, Principal principal, long expiresAt) {}

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final java.time.Clock clock;

  /** Sessions whose lifetimes run on {@code clock}, the instance's one clock. */
  Sessions(java.time.Clock clock) {
    this.clock = clock;
  }

  Session create(Principal principal) {
    Session session =
        new Session(randomId(), randomId(), principal, clock.millis() + LIFETIME.toMillis());
    sessions.put(session.id(), session);
    return session;
  }

  Optional<Session> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Session session = sessions.get(id);
    if (session == null) {
      return Optional.empty();
    }
    if (session.expiresAt() < clock.millis()) {
      sessions.remove(id);
      return Optional.empty();
    }
    return Optional.of(session);
  }

  /** Ends every session obtained with the token {@code tokenId}. */
  void removeToken(String tokenId) {
    sessions.values().removeIf(s -> tokenId.equals(s.principal().tokenId()));
  }

  void remove(String id) {
    if (id != null) {
      sessions.remove(id);
    }
  }

  private static String randomId() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
