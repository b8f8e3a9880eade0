package org.accord.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.accord.store.Tokens;
import org.junit.jupiter.api.Test;

class RecentPrincipalsTest {
  static final Tokens.Principal CERT = new Tokens.Principal(1, "CERT", "cert", "coordinator");

  @Test
  void aKnownTokenIsLookedUpOnceAndAnUnknownOneEveryTime() {
    RecentPrincipals recent = new RecentPrincipals();
    AtomicInteger lookups = new AtomicInteger();
    for (int i = 0; i < 5; i++) {
      assertThat(recent.authenticate("accord_good", token -> {
        lookups.incrementAndGet();
        return Optional.of(CERT);
      })).contains(CERT);
    }
    assertThat(lookups).hasValue(1);
    for (int i = 0; i < 3; i++) {
      assertThat(recent.authenticate("accord_bad", token -> {
        lookups.incrementAndGet();
        return Optional.empty();
      })).isEmpty();
    }
    assertThat(lookups).as("failures are not remembered").hasValue(4);
    recent.clear();
    recent.authenticate("accord_good", token -> {
      lookups.incrementAndGet();
      return Optional.of(CERT);
    });
    assertThat(lookups).hasValue(5);
    assertThat(recent.authenticate(null, token -> Optional.of(CERT))).isEmpty();
  }
}
