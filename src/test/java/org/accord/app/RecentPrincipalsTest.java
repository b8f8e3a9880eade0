package org.accord.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.accord.party.ApiToken;
import org.accord.party.OrgKind;
import org.accord.party.Organization;
import org.junit.jupiter.api.Test;

class RecentPrincipalsTest {
  static final ApiToken CERT = new ApiToken(
      "tok_1", new Organization(1, "CERT", OrgKind.CERT, null, null), null, true, "", java.time.Instant.EPOCH, null, null);

  @Test
  void aKnownTokenIsLookedUpOnceAndAnUnknownOneEveryTime() {
    java.util.concurrent.atomic.AtomicLong millis = new java.util.concurrent.atomic.AtomicLong(1_000_000L);
    java.time.Clock clock = new java.time.Clock() {
      @Override
      public java.time.ZoneId getZone() {
        return java.time.ZoneOffset.UTC;
      }

      @Override
      public java.time.Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public java.time.Instant instant() {
        return java.time.Instant.ofEpochMilli(millis.get());
      }
    };
    RecentPrincipals recent = new RecentPrincipals(clock);
    AtomicInteger lookups = new AtomicInteger();
    for (int i = 0; i < 5; i++) {
      assertThat(recent.authenticate("accord_good", token -> {
        lookups.incrementAndGet();
        return Optional.of(CERT);
      })).contains(CERT.principal());
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
    millis.addAndGet(RecentPrincipals.TTL_MILLIS - 1);
    recent.authenticate("accord_good", token -> {
      lookups.incrementAndGet();
      return Optional.of(CERT);
    });
    assertThat(lookups).as("still remembered just before a minute of the instance's clock").hasValue(5);
    millis.addAndGet(1);
    recent.authenticate("accord_good", token -> {
      lookups.incrementAndGet();
      return Optional.of(CERT);
    });
    assertThat(lookups).as("looked up again once the minute is over").hasValue(6);
    assertThat(recent.authenticate(null, token -> Optional.of(CERT))).isEmpty();
  }
}
