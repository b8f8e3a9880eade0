package org.accord.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.accord.jurisdiction.Obligation.RestrictSharing.Exemption;
import org.accord.party.OrgKind;
import org.junit.jupiter.api.Test;

/**
 * How a plan evaluates a rule: against an organization's kind and country, the case facts and the
 * clocks of the case (ADR 0130, "How a plan evaluates a rule").
 */
class RuleTest {
  private static final RuleBook BOOK = RuleBook.shippedOnly();
  private static final Instant A = Instant.parse("2027-03-03T10:00:00Z");
  private static final CaseFacts EXPLOITED = new CaseFacts(true, true, false, false);

  private static Rule rule(String pack, String id) {
    return BOOK.pack(pack).orElseThrow().pack().rule(id).orElseThrow();
  }

  @Test
  void theCraClockStartsWithTheAEventForAnEuManufacturerOnly() {
    Rule early = rule("eu-cra", "cra-14-early-warning");
    assertThat(early.appliesTo(OrgKind.VENDOR, "DE", EXPLOITED)).isTrue();
    assertThat(early.appliesTo(OrgKind.VENDOR, "GR", EXPLOITED)).isTrue();
    assertThat(early.appliesTo(OrgKind.VENDOR, "CN", EXPLOITED)).isFalse();
    assertThat(early.appliesTo(OrgKind.VENDOR, null, EXPLOITED)).as("unknown country binds nothing").isFalse();
    assertThat(early.appliesTo(OrgKind.OPERATOR, "DE", EXPLOITED)).isFalse();
    assertThat(early.appliesTo(OrgKind.VENDOR, "DE", new CaseFacts(false, true, false, false)))
        .as("no A event, no CRA reporting clock").isFalse();

    Obligation.Notify notify = (Obligation.Notify) early.obligation();
    Map<ClockStart, Instant> clocks = new EnumMap<>(ClockStart.class);
    assertThat(notify.dueAt(clocks)).as("the clock has not started").isEmpty();
    clocks.put(ClockStart.EXPLOITATION_OBSERVED, A);
    assertThat(notify.dueAt(clocks)).contains(Instant.parse("2027-03-04T10:00:00Z"));
    Obligation.Notify finalReport = (Obligation.Notify) rule("eu-cra", "cra-14-final-report").obligation();
    assertThat(finalReport.dueAt(clocks)).as("no corrective measure yet").isEmpty();
    clocks.put(ClockStart.CORRECTIVE_MEASURE_AVAILABLE, Instant.parse("2027-03-10T00:00:00Z"));
    assertThat(finalReport.dueAt(clocks)).contains(Instant.parse("2027-03-24T00:00:00Z"));
    Obligation.Notify component = (Obligation.Notify) rule("eu-cra", "cra-13-6-component").obligation();
    clocks.put(ClockStart.AWARENESS, A);
    assertThat(component.dueAt(clocks)).as("Art. 13(6) states no term").isEmpty();
  }

  @Test
  void theNis2FinalReportCountsAMonthFromTheNotification() {
    Obligation.Notify finalReport = (Obligation.Notify) rule("eu-nis2", "nis2-23-final-report").obligation();
    assertThat(finalReport.clock()).isEqualTo(ClockStart.AFTER_RULE);
    assertThat(finalReport.dueAt(Map.of(ClockStart.AFTER_RULE, Instant.parse("2027-01-31T09:00:00Z"))))
        .contains(Instant.parse("2027-02-28T09:00:00Z"));
    assertThat(rule("eu-nis2", "nis2-23-early-warning").appliesTo(OrgKind.OPERATOR, "FR", new CaseFacts(false, false, false, true)))
        .isTrue();
    assertThat(rule("eu-nis2", "nis2-23-early-warning").appliesTo(OrgKind.OPERATOR, "FR", EXPLOITED)).isFalse();
  }

  @Test
  void theChineseStateFirstDeadlineIsTwoDays() {
    Rule report = rule("cn-rmsv", "rmsv-7-report");
    assertThat(report.appliesTo(OrgKind.VENDOR, "CN", CaseFacts.NONE)).as("only for network products").isFalse();
    assertThat(report.appliesTo(OrgKind.VENDOR, "CN", EXPLOITED)).isTrue();
    assertThat(report.appliesTo(OrgKind.RESEARCHER, "CN", EXPLOITED)).isFalse();
    assertThat(((Obligation.Notify) report.obligation()).dueAt(Map.of(ClockStart.AWARENESS, A)))
        .contains(Instant.parse("2027-03-05T10:00:00Z"));
  }

  @Test
  void unpublishedDetailsStayInChinaExceptForTheProductsProvider() {
    Rule restriction = rule("cn-rmsv", "rmsv-9-no-foreign-sharing");
    assertThat(restriction.appliesTo(OrgKind.RESEARCHER, "CN", EXPLOITED)).isTrue();
    Obligation.RestrictSharing sharing = (Obligation.RestrictSharing) restriction.obligation();
    assertThat(sharing.forbids("DE", Set.of())).as("a foreign maintainer that is not the provider").isTrue();
    assertThat(sharing.forbids("DE", Set.of(Exemption.PRODUCT_PROVIDER))).as("the product's provider").isFalse();
    assertThat(sharing.forbids("CN", Set.of())).isFalse();
    assertThat(sharing.forbids(null, Set.of())).as("an unknown country counts as outside").isTrue();
  }

  @Test
  void everyTriggerReadsItsOwnFact() {
    assertThat(Trigger.ANY_VULNERABILITY.holds(CaseFacts.NONE)).isTrue();
    for (Trigger trigger : Trigger.values()) {
      if (trigger != Trigger.ANY_VULNERABILITY) {
        assertThat(trigger.holds(CaseFacts.NONE)).as(trigger.name()).isFalse();
      }
    }
    assertThat(Trigger.FLAW_IN_INTEGRATED_COMPONENT.holds(new CaseFacts(false, false, true, false))).isTrue();
    assertThat(Trigger.SIGNIFICANT_INCIDENT.holds(new CaseFacts(true, true, true, false))).isFalse();
  }

  @Test
  void policiesUseTheShorterDeadlineWhenExploited() {
    DisclosurePolicy zero = BOOK.pack("disclosure-policies").orElseThrow().pack().policies().get(0);
    assertThat(zero.deadlineDays(false)).contains(90);
    assertThat(zero.deadlineDays(true)).contains(7);
    DisclosurePolicy distros = BOOK.pack("disclosure-policies").orElseThrow().pack().policies().get(3);
    assertThat(distros.deadlineDays(true)).isEmpty();
  }
}
