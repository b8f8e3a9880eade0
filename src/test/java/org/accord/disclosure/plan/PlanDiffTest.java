package org.accord.disclosure.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.accord.disclosure.ParticipantRole;
import org.accord.disclosure.Suggestion;
import org.accord.disclosure.Tlp;
import org.accord.party.OrgKind;
import org.junit.jupiter.api.Test;

class PlanDiffTest {
  static final Instant T = Instant.parse("2027-03-01T10:00:00Z");

  static Recipient r(String org, OrgKind kind, Recipient.Reason... reasons) {
    return new Recipient(org, kind, "DE", false, List.of(reasons));
  }

  static Recipient vendor(String org) {
    return r(org, OrgKind.VENDOR, new Recipient.Ships(new Suggestion.ProductPath("pkg:generic/x@1", List.of("pkg:generic/x@1", "pkg:maven/a/b@1"))));
  }

  static Wave wave(int n, WaveKind kind, Instant due, boolean gated, Recipient... recipients) {
    return new Wave(n, kind, due, gated ? Optional.of(Wave.Gate.FIX_READY) : Optional.empty(), WaveChannel.INVITATION, Tlp.AMBER_STRICT,
        List.of(recipients));
  }

  static NotificationPlan plan(Wave... waves) {
    return new NotificationPlan("coordinated", T, List.of(waves), List.of(), List.of());
  }

  @Test
  void samePlanHasNoDiff() {
    NotificationPlan p = plan(wave(1, WaveKind.COORDINATION, T, false, vendor("Libra")), wave(2, WaveKind.DIRECT_VENDORS, T.plus(Duration.ofDays(2)), false, vendor("Acme")));
    assertThat(PlanDiff.between(p, p).isEmpty()).isTrue();
  }

  @Test
  void addedRemovedMovedAndDueMovedAreEachFound() {
    NotificationPlan adopted = plan(
        wave(1, WaveKind.COORDINATION, T, false, vendor("Libra")),
        wave(2, WaveKind.DIRECT_VENDORS, T.plus(Duration.ofDays(2)), false, vendor("Acme"), vendor("Gone")),
        wave(3, WaveKind.ALL_VENDORS, T.plus(Duration.ofDays(2)), true, vendor("Borealis")));
    // recomputed after attacks: no gate, all due now; Borealis moved up; New is added; Gone removed;
    // the direct vendors' wave empties out, so numbers shift and waves are matched by kind
    NotificationPlan draft = plan(
        wave(1, WaveKind.COORDINATION, T, false, vendor("libra")),
        wave(2, WaveKind.DIRECT_VENDORS, T, false, vendor("Borealis"), vendor("New")),
        wave(3, WaveKind.ALL_VENDORS, T, false, vendor("Acme")));
    PlanDiff diff = PlanDiff.between(adopted, draft);
    assertThat(diff.added()).containsExactly(new PlanDiff.Placed("New", 2, WaveKind.DIRECT_VENDORS));
    assertThat(diff.removed()).containsExactly(new PlanDiff.Placed("Gone", 2, WaveKind.DIRECT_VENDORS));
    assertThat(diff.moved()).containsExactly(
        new PlanDiff.Moved("Borealis", 3, WaveKind.ALL_VENDORS, 2, WaveKind.DIRECT_VENDORS),
        new PlanDiff.Moved("Acme", 2, WaveKind.DIRECT_VENDORS, 3, WaveKind.ALL_VENDORS));
    assertThat(diff.dueMoved()).containsExactly(
        new PlanDiff.DueMoved(WaveKind.DIRECT_VENDORS, T.plus(Duration.ofDays(2)), T, false, false),
        new PlanDiff.DueMoved(WaveKind.ALL_VENDORS, T.plus(Duration.ofDays(2)), T, true, false));
    assertThat(diff.isEmpty()).isFalse();
  }

  @Test
  void aGateLiftedAtTheSameDueTimeIsAChange() {
    NotificationPlan a = plan(wave(1, WaveKind.OPERATORS, T, true, vendor("Op")));
    NotificationPlan b = plan(wave(1, WaveKind.OPERATORS, T, false, vendor("Op")));
    assertThat(PlanDiff.between(a, b).dueMoved()).containsExactly(new PlanDiff.DueMoved(WaveKind.OPERATORS, T, T, true, false));
  }

  @Test
  void rolesFollowTheReasons() {
    Suggestion.DeploymentCount cell = new Suggestion.DeploymentCount("energy", "DE", "essential", 1);
    assertThat(vendor("Acme").roles()).containsExactly(ParticipantRole.VENDOR);
    assertThat(r("Libra", OrgKind.MAINTAINER, new Recipient.Maintains(List.of("pkg:maven/a/b"))).roles()).containsExactly(ParticipantRole.VENDOR);
    assertThat(r("GridCo", OrgKind.OPERATOR, new Recipient.Runs(List.of(cell))).roles()).containsExactly(ParticipantRole.DEPLOYER);
    assertThat(r("CC", OrgKind.CERT, new Recipient.Coordinates()).roles()).containsExactly(ParticipantRole.COORDINATOR);
    assertThat(r("CERT-DE", OrgKind.CERT, new Recipient.NationalCert("DE", true)).roles()).containsExactly(ParticipantRole.COORDINATOR);
    assertThat(r("Bundesamt", OrgKind.GOVERNMENT, new Recipient.NationalCert("DE", true)).roles()).containsExactly(ParticipantRole.OBSERVER);
    assertThat(r("Both", OrgKind.VENDOR, new Recipient.Maintains(List.of("p")), new Recipient.Runs(List.of(cell))).roles())
        .containsExactly(ParticipantRole.VENDOR, ParticipantRole.DEPLOYER);
  }

  @Test
  void aWaveIsReleasableFromItsDueTimeOnceItsGateIsMet() {
    Wave open = wave(1, WaveKind.DIRECT_VENDORS, T, false, vendor("Acme"));
    Wave gated = wave(2, WaveKind.ALL_VENDORS, T, true, vendor("Borealis"));
    assertThat(open.releasable(T.minusMillis(1), false)).isFalse();
    assertThat(open.releasable(T, false)).isTrue();
    assertThat(gated.releasable(T.plusSeconds(3600), false)).isFalse();
    assertThat(gated.releasable(T.plusSeconds(3600), true)).isTrue();
    assertThat(gated.releasable(T.minusMillis(1), true)).isFalse();
  }
}
