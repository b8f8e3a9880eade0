package org.accord.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.accord.InvalidInputException;
import org.accord.jurisdiction.DisclosurePolicy;
import org.accord.jurisdiction.RuleBook;
import org.junit.jupiter.api.Test;

/** The shipped policies' deadlines, read as {@link PolicyDeadline} documents each clause. */
class PolicyDeadlineTest {
  private static final RuleBook BOOK = RuleBook.shippedOnly();
  private static final Instant REPORTED = Instant.parse("2027-01-04T09:00:00Z");
  private static final Instant ADOPTED = Instant.parse("2027-01-06T12:00:00Z");

  private static DisclosurePolicy policy(String id) {
    return BOOK.policy(id).orElseThrow();
  }

  private static Instant day(int n) {
    return REPORTED.plus(Duration.ofDays(n));
  }

  @Test
  void aPlainDeadlineCountsFromTheReport() {
    PolicyDeadline certCc = PolicyDeadline.of(policy("cert-cc"), REPORTED, ADOPTED, Optional.empty(), Optional.empty());
    assertThat(certCc.at()).isEqualTo(day(45));
    assertThat(certCc.reason()).contains("CERT Coordination Center", "45 days after the report");
    assertThat(PolicyDeadline.of(policy("zdi"), REPORTED, ADOPTED, Optional.of(day(3)), Optional.empty()).at())
        .as("ZDI has no +30: a fix does not move it").isEqualTo(day(120));
  }

  @Test
  void projectZeroDisclosesThirtyDaysAfterAFixInTime() {
    DisclosurePolicy p0 = policy("project-zero");
    assertThat(PolicyDeadline.of(p0, REPORTED, ADOPTED, Optional.empty(), Optional.empty()).at()).isEqualTo(day(90));
    PolicyDeadline early = PolicyDeadline.of(p0, REPORTED, ADOPTED, Optional.of(day(10)), Optional.empty());
    assertThat(early.at()).isEqualTo(day(40));
    assertThat(early.reason()).contains("30 days after the fix");
    assertThat(PolicyDeadline.of(p0, REPORTED, ADOPTED, Optional.of(day(85)), Optional.empty()).at()).isEqualTo(day(115));
    assertThat(PolicyDeadline.of(p0, REPORTED, ADOPTED, Optional.of(day(91)), Optional.empty()).at())
        .as("a fix after the deadline earns no extension").isEqualTo(day(90));
  }

  @Test
  void exploitationInTheWildShortensItFromWhenItWasSeen() {
    DisclosurePolicy p0 = policy("project-zero");
    PolicyDeadline seen = PolicyDeadline.of(p0, REPORTED, ADOPTED, Optional.empty(), Optional.of(day(20)));
    assertThat(seen.at()).isEqualTo(day(27));
    assertThat(seen.reason()).contains("exploited in the wild", "7 days");
    assertThat(PolicyDeadline.of(p0, REPORTED, ADOPTED, Optional.empty(), Optional.of(day(88))).at())
        .as("the usual deadline still holds when it is earlier").isEqualTo(day(90));
  }

  @Test
  void theLongestEmbargoCountsFromAdoption() {
    PolicyDeadline distros = PolicyDeadline.of(policy("linux-distros"), REPORTED, ADOPTED, Optional.empty(), Optional.empty());
    assertThat(distros.at()).isEqualTo(ADOPTED.plus(Duration.ofDays(14)));
    assertThat(distros.reason()).contains("at most 14 days");
  }

  @Test
  void termsEndingLaterAreRefusedNamingTheEndAndTheReason() {
    PolicyDeadline certCc = PolicyDeadline.of(policy("cert-cc"), REPORTED, ADOPTED, Optional.empty(), Optional.empty());
    certCc.check(new EmbargoTerms(day(45), Optional.empty()));
    assertThatThrownBy(() -> certCc.check(new EmbargoTerms(day(46), Optional.empty())))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("45 days after the report")
        .hasMessageContaining("end it by " + day(45))
        .extracting(e -> ((InvalidInputException) e).location()).isEqualTo("end");
  }

  @Test
  void unknownPoliciesAreNotFound() {
    assertThat(BOOK.policy("project-one")).isEmpty();
    assertThat(BOOK.policy("eu-cra")).as("a rule pack is no policy").isEmpty();
  }
}
