package org.accord.web;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.accord.store.Tokens;

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
  record Session(String id, String csrf, Tokens.Principal principal, long expiresAt) {}

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final java.time.Clock clock;

  /** Sessions whose lifetimes run on {@code clock}, the instance's one clock. */
  Sessions(java.time.Clock clock) {
    this.clock = clock;
  }

  Session create(Tokens.Principal principal) {
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
