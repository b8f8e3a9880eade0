package org.accord.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.accord.disclosure.Tlp;
import org.accord.disclosure.plan.NotificationPlan;
import org.accord.disclosure.plan.Recipient;
import org.accord.disclosure.plan.Wave;
import org.accord.disclosure.plan.WaveChannel;
import org.accord.disclosure.plan.WaveKind;
import org.accord.party.OrgKind;
import org.junit.jupiter.api.Test;

/** The comparison that makes {@code accord bench plan} fail when its two paths disagree (ADR 0135). */
class PlanBenchmarkTest {
  static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

  static Recipient recipient(String name, int reasons) {
    return new Recipient(name, OrgKind.VENDOR, "DE", false,
        java.util.Collections.nCopies(reasons, (Recipient.Reason) new Recipient.Coordinates()));
  }

  static NotificationPlan plan(Instant at, WaveKind second, Recipient... vendors) {
    return new NotificationPlan("coordinated", at, List.of(
        new Wave(1, WaveKind.COORDINATION, at, Optional.empty(), WaveChannel.INVITATION, Tlp.AMBER_STRICT, List.of(recipient("Coord", 1))),
        new Wave(2, second, at, Optional.empty(), WaveChannel.INVITATION, Tlp.AMBER_STRICT, List.of(vendors))), List.of(), List.of());
  }

  @Test
  void plansWithTheSameOrganizationsPerWaveAgreeWhateverTheirDueTimes() {
    assertThat(PlanBenchmark.disagreement(
        plan(NOW, WaveKind.DIRECT_VENDORS, recipient("Acme", 2), recipient("Borealis", 1)),
        plan(NOW.plusSeconds(5), WaveKind.DIRECT_VENDORS, recipient("Acme", 2), recipient("Borealis", 1)))).isEmpty();
  }

  @Test
  void aMissingOrganizationAWrongWaveOrAReasonCountIsNamed() {
    NotificationPlan real = plan(NOW, WaveKind.DIRECT_VENDORS, recipient("Acme", 2), recipient("Borealis", 1));
    assertThat(PlanBenchmark.disagreement(real, plan(NOW, WaveKind.DIRECT_VENDORS, recipient("Acme", 2))))
        .hasValueSatisfying(d -> assertThat(d).contains("wave 2").contains("only on the real path 1 such as Borealis"));
    assertThat(PlanBenchmark.disagreement(real, plan(NOW, WaveKind.ALL_VENDORS, recipient("Acme", 2), recipient("Borealis", 1))))
        .hasValueSatisfying(d -> assertThat(d).contains("direct_vendors on the real path, all_vendors on the naive one"));
    assertThat(PlanBenchmark.disagreement(real, plan(NOW, WaveKind.DIRECT_VENDORS, recipient("Acme", 3), recipient("Borealis", 1))))
        .hasValueSatisfying(d -> assertThat(d).contains("Acme (2 reasons vs 3)"));
  }
}
