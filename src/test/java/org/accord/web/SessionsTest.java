package org.accord.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.accord.party.OrgKind;
import org.accord.party.Organization;
import org.accord.party.Principal;
import org.junit.jupiter.api.Test;

/** Session limits: the cap evicts the least recently used, idle and total lifetimes, token revocation. */
class SessionsTest {
  static final Organization AQUANET = new Organization(1, "AquaNet", OrgKind.OPERATOR, null, null);

  static Principal viaToken(String tokenId) {
    return Principal.of(AQUANET, null, false, tokenId);
  }

  /** A clock the test moves. */
  static final class TestClock extends Clock {
    volatile long millis = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis);
    }

    void advance(Duration by) {
      millis += by.toMillis();
    }
  }

  final TestClock clock = new TestClock();

  @Test
  void theCapEvictsTheLeastRecentlyUsedSession() {
    Sessions sessions = new Sessions(clock, WebOptions.DEFAULTS.withSessions(3, Duration.ofHours(1), Duration.ofHours(8)));
    Sessions.Session first = sessions.create(viaToken("t1"));
    Sessions.Session second = sessions.create(viaToken("t1"));
    Sessions.Session third = sessions.create(viaToken("t1"));
    assertThat(sessions.find(first.id())).isPresent(); // first is now the most recently used
    Sessions.Session fourth = sessions.create(viaToken("t1"));
    assertThat(sessions.size()).isEqualTo(3);
    assertThat(sessions.find(second.id())).as("least recently used").isEmpty();
    assertThat(sessions.find(first.id())).isPresent();
    assertThat(sessions.find(third.id())).isPresent();
    assertThat(sessions.find(fourth.id())).isPresent();
  }

  @Test
  void anIdleSessionEndsAndSoDoesAnOldOne() {
    Sessions sessions = new Sessions(clock, WebOptions.DEFAULTS.withSessions(10, Duration.ofMinutes(30), Duration.ofHours(2)));
    Sessions.Session idle = sessions.create(viaToken("t1"));
    Sessions.Session busy = sessions.create(viaToken("t1"));
    for (int i = 0; i < 4; i++) {
      clock.advance(Duration.ofMinutes(20));
      assertThat(sessions.find(busy.id())).isPresent();
    }
    assertThat(sessions.find(idle.id())).as("idle for 80 minutes").isEmpty();
    clock.advance(Duration.ofMinutes(20));
    assertThat(sessions.find(busy.id())).isPresent();
    clock.advance(Duration.ofMinutes(20));
    assertThat(sessions.find(busy.id())).as("used all along, but two hours old").isEmpty();
  }

  @Test
  void revokingATokenEndsEverySessionOpenedWithIt() {
    Sessions sessions = new Sessions(clock, WebOptions.DEFAULTS);
    Sessions.Session a = sessions.create(viaToken("t1"));
    Sessions.Session b = sessions.create(viaToken("t1"));
    Sessions.Session other = sessions.create(viaToken("t2"));
    Sessions.Session oidc = sessions.create(viaToken(null));
    assertThat(sessions.removeToken("t1")).isEqualTo(2);
    assertThat(sessions.find(a.id())).isEmpty();
    assertThat(sessions.find(b.id())).isEmpty();
    assertThat(sessions.find(other.id())).isPresent();
    assertThat(sessions.find(oidc.id())).isPresent();
  }

  @Test
  void theLoginCsrfTokenIsBoundToItsCookieAndThisServer() {
    Sessions sessions = new Sessions(clock, WebOptions.DEFAULTS);
    String cookie = Sessions.newPreLoginId();
    String token = sessions.loginCsrf(cookie);
    assertThat(sessions.loginCsrfMatches(cookie, token)).isTrue();
    assertThat(sessions.loginCsrfMatches(Sessions.newPreLoginId(), token)).isFalse();
    assertThat(sessions.loginCsrfMatches(cookie, null)).isFalse();
    assertThat(sessions.loginCsrfMatches(null, token)).isFalse();
    assertThat(new Sessions(clock, WebOptions.DEFAULTS).loginCsrfMatches(cookie, token)).as("another server's key").isFalse();
  }

  @Test
  void concurrentLoginsNeverExceedTheCap() throws Exception {
    Sessions sessions = new Sessions(clock, WebOptions.DEFAULTS.withSessions(50, Duration.ofHours(1), Duration.ofHours(8)));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        work.add(pool.submit(() -> {
          for (int i = 0; i < 500; i++) {
            sessions.find(sessions.create(viaToken("t")).id());
          }
        }));
      }
      for (Future<?> future : work) {
        future.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(sessions.size()).isEqualTo(50);
  }
}
