package org.accord.accountability.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.accord.accountability.commitment.CaseFacts.Fact;
import org.accord.accountability.commitment.CommitmentDeadline.State;
import org.accord.accountability.commitment.CommitmentDeadlines.Binding;
import org.accord.sbom.Sector;
import org.accord.triage.Severity;
import org.junit.jupiter.api.Test;

class CommitmentDeadlinesTest {
  private static final Instant T0 = Instant.parse("2027-03-01T00:00:00Z");
  private static final long VENDORA = 1;
  private static final long GRIDCO = 2;

  private static Instant day(double days) {
    return T0.plus(Duration.ofMinutes(Math.round(days * 24 * 60)));
  }

  private static Scope scope(Set<Severity> severities, List<String> products, Set<Sector> sectors) {
    return new Scope(severities, products, sectors);
  }

  private static PledgeVersion version(String id, int v, long org, Pledge pledge, Instant published, Optional<Instant> superseded) {
    return new PledgeVersion(id, v, org, org == VENDORA ? "Vendora" : "GridCo", pledge, published, superseded);
  }

  private static final Pledge VENDORA_PLEDGE = new Pledge(CommitmentKind.PLEDGE, "Vendora pledge", List.of(
      new Term(PledgeKind.ACKNOWLEDGE_REPORT, Optional.empty(), Duration.ofDays(3)),
      new Term(PledgeKind.FIX_READY, Optional.of(Severity.CRITICAL), Duration.ofDays(30)),
      new Term(PledgeKind.FIX_READY, Optional.of(Severity.HIGH), Duration.ofDays(90)),
      new Term(PledgeKind.NOTIFY_DOWNSTREAM, Optional.empty(), Duration.ofHours(24)),
      new Term(PledgeKind.PUBLISH_VEX, Optional.empty(), Duration.ofDays(7)),
      new Term(PledgeKind.JOIN_EMBARGO, Optional.empty(), Duration.ofDays(2))),
      scope(EnumSet.of(Severity.CRITICAL, Severity.HIGH), List.of("pkg:maven/com.vendora/"), Set.of()),
      day(-100), Optional.empty());

  private static CaseFacts facts(Optional<Severity> severity, Set<String> products, List<Fact> facts) {
    return new CaseFacts(T0, severity, products, List.of(
        new CaseFacts.Party(VENDORA, "Vendora", true, T0, Optional.of(day(2)), Set.of()),
        new CaseFacts.Party(GRIDCO, "GridCo", false, day(1), Optional.empty(), Set.of(Sector.ENERGY))), facts);
  }

  @Test
  void scopeMatchesEveryNamedDimensionAndAnyValueWithinOne() {
    Scope s = scope(EnumSet.of(Severity.CRITICAL), List.of("pkg:maven/com.vendora/", "pkg:generic/acme/router"), Set.of(Sector.ENERGY, Sector.WATER));
    Set<String> vendoraRouter = Set.of("pkg:maven/com.vendora/router@2.1.0", "pkg:npm/left-pad");
    assertThat(s.matches(Optional.of(Severity.CRITICAL), vendoraRouter, Set.of(Sector.WATER))).isTrue();
    assertThat(s.matches(Optional.of(Severity.CRITICAL), Set.of("pkg:generic/acme/router"), Set.of(Sector.ENERGY))).isTrue();
    assertThat(s.matches(Optional.of(Severity.HIGH), vendoraRouter, Set.of(Sector.WATER))).as("severity outside").isFalse();
    assertThat(s.matches(Optional.empty(), vendoraRouter, Set.of(Sector.WATER))).as("no severity known").isFalse();
    assertThat(s.matches(Optional.of(Severity.CRITICAL), Set.of("pkg:maven/com.vendoraX/router"), Set.of(Sector.WATER)))
        .as("a prefix ends at a segment").isFalse();
    assertThat(s.matches(Optional.of(Severity.CRITICAL), Set.of("pkg:generic/acme/router-pro"), Set.of(Sector.WATER))).isFalse();
    assertThat(s.matches(Optional.of(Severity.CRITICAL), vendoraRouter, Set.of(Sector.HEALTH))).as("sector outside").isFalse();
    assertThat(s.matches(Optional.of(Severity.CRITICAL), vendoraRouter, Set.of())).as("no sector").isFalse();
    Scope sectorsOnly = scope(Set.of(), List.of(), Set.of(Sector.ENERGY));
    assertThat(sectorsOnly.matches(Optional.empty(), Set.of(), Set.of(Sector.ENERGY))).as("empty dimensions admit anything").isTrue();
  }

  @Test
  void aMatchingPledgeAttachesWithDeadlinesFromTheCaseEvents() {
    PledgeVersion v1 = version("cmt_00000000000000a1", 1, VENDORA, VENDORA_PLEDGE, day(-100), Optional.empty());
    CaseFacts facts = facts(Optional.of(Severity.CRITICAL), Set.of("pkg:maven/com.vendora/router@2.1.0"), List.of(
        new Fact.EmbargoProposed(GRIDCO, day(1)),
        new Fact.EmbargoJoined(VENDORA, day(4)),
        new Fact.FixReady(VENDORA, day(35)),
        new Fact.Notified(VENDORA, day(34)), // before the fix: does not keep notify-downstream
        new Fact.Notified(VENDORA, day(35.5)),
        new Fact.StatusSet(VENDORA, day(20)),
        new Fact.Published(day(40))));
    List<CommitmentDeadline> deadlines = CommitmentDeadlines.of(facts, List.of(new Binding(v1, VENDORA, day(-100))), day(50));
    assertThat(deadlines).extracting(CommitmentDeadline::kind, d -> d.due().orElse(null), d -> d.kept().orElse(null), CommitmentDeadline::state)
        .containsExactly(
            tuple(PledgeKind.ACKNOWLEDGE_REPORT, day(3), day(2), State.MET),
            tuple(PledgeKind.JOIN_EMBARGO, day(3), day(4), State.LATE),
            tuple(PledgeKind.FIX_READY, day(30), day(35), State.LATE),
            tuple(PledgeKind.NOTIFY_DOWNSTREAM, day(36), day(35.5), State.MET),
            tuple(PledgeKind.PUBLISH_VEX, day(47), day(40), State.MET));
    assertThat(deadlines.get(2).severity()).contains(Severity.CRITICAL);
    assertThat(deadlines).allSatisfy(d -> assertThat(d.organization()).isEqualTo("Vendora"));
  }

  @Test
  void clocksWaitForTheirStartAndMissAfterTheirDue() {
    PledgeVersion v1 = version("cmt_00000000000000a1", 1, VENDORA, VENDORA_PLEDGE, day(-100), Optional.empty());
    CaseFacts facts = facts(Optional.of(Severity.HIGH), Set.of("pkg:maven/com.vendora/router"), List.of());
    List<CommitmentDeadline> at95 = CommitmentDeadlines.of(facts, List.of(new Binding(v1, VENDORA, day(-100))), day(95));
    assertThat(at95).extracting(CommitmentDeadline::kind, CommitmentDeadline::state).containsExactly(
        tuple(PledgeKind.ACKNOWLEDGE_REPORT, State.MET),
        tuple(PledgeKind.FIX_READY, State.MISSED),
        tuple(PledgeKind.NOTIFY_DOWNSTREAM, State.WAITING),
        tuple(PledgeKind.PUBLISH_VEX, State.WAITING),
        tuple(PledgeKind.JOIN_EMBARGO, State.WAITING));
    assertThat(at95.get(1).due()).contains(day(90));
    assertThat(CommitmentDeadlines.of(facts, List.of(new Binding(v1, VENDORA, day(-100))), day(10)).get(1).state()).isEqualTo(State.OPEN);
  }

  @Test
  void nothingAttachesOutsideTheScopeTheBindingOrTheVersionInForce() {
    PledgeVersion v1 = version("cmt_00000000000000a1", 1, VENDORA, VENDORA_PLEDGE, day(-100), Optional.empty());
    Binding bound = new Binding(v1, VENDORA, day(-100));
    Set<String> vendora = Set.of("pkg:maven/com.vendora/router");
    assertThat(CommitmentDeadlines.of(facts(Optional.of(Severity.MEDIUM), vendora, List.of()), List.of(bound), day(1))).as("medium").isEmpty();
    assertThat(CommitmentDeadlines.of(facts(Optional.empty(), vendora, List.of()), List.of(bound), day(1))).as("no CVSS").isEmpty();
    assertThat(CommitmentDeadlines.of(facts(Optional.of(Severity.HIGH), Set.of("pkg:maven/org.libra/libracore"), List.of()), List.of(bound), day(1)))
        .as("another vendor's product").isEmpty();
    CaseFacts high = facts(Optional.of(Severity.HIGH), vendora, List.of());
    assertThat(CommitmentDeadlines.of(high, List.of(new Binding(v1, VENDORA, day(0.5))), day(1))).as("bound after the case opened").isEmpty();
    PledgeVersion later = version("cmt_00000000000000a1", 1, VENDORA, VENDORA_PLEDGE, day(0.5), Optional.empty());
    assertThat(CommitmentDeadlines.of(high, List.of(new Binding(later, VENDORA, day(-1))), day(1))).as("published after").isEmpty();
    PledgeVersion superseded = version("cmt_00000000000000a1", 1, VENDORA, VENDORA_PLEDGE, day(-100), Optional.of(day(-1)));
    assertThat(CommitmentDeadlines.of(high, List.of(new Binding(superseded, VENDORA, day(-100))), day(1))).as("superseded").isEmpty();
    assertThat(CommitmentDeadlines.of(high, List.of(new Binding(v1, GRIDCO, day(-100))), day(1)))
        .as("GridCo is not a vendor: only kinds it can keep").extracting(CommitmentDeadline::kind)
        .containsExactly(PledgeKind.ACKNOWLEDGE_REPORT, PledgeKind.PUBLISH_VEX, PledgeKind.JOIN_EMBARGO);
  }

  @Test
  void anArrangementBindsAJoinerBySectorAndTheEmbargoClockStartsAtItsInvitation() {
    Pledge arrangement = new Pledge(CommitmentKind.ARRANGEMENT, "EU energy CVD arrangement",
        List.of(new Term(PledgeKind.JOIN_EMBARGO, Optional.empty(), Duration.ofDays(1)),
            new Term(PledgeKind.ACKNOWLEDGE_REPORT, Optional.empty(), Duration.ofHours(24))),
        scope(Set.of(), List.of(), Set.of(Sector.ENERGY)), day(-10), Optional.of(day(300)));
    PledgeVersion v = new PledgeVersion("cmt_00000000000000b2", 1, 9, "EnergyISAC", arrangement, day(-10), Optional.empty());
    CaseFacts facts = facts(Optional.empty(), Set.of(), List.of(new Fact.EmbargoProposed(VENDORA, day(0.2))));
    List<CommitmentDeadline> deadlines = CommitmentDeadlines.of(facts,
        List.of(new Binding(v, GRIDCO, day(-5)), new Binding(v, VENDORA, day(-5))), day(3));
    assertThat(deadlines).extracting(CommitmentDeadline::organization, CommitmentDeadline::kind, d -> d.due().orElseThrow(), CommitmentDeadline::state)
        .as("Vendora has no energy deployments; GridCo's clocks start at its invitation (day 1)")
        .containsExactly(
            tuple("GridCo", PledgeKind.ACKNOWLEDGE_REPORT, day(2), State.MISSED),
            tuple("GridCo", PledgeKind.JOIN_EMBARGO, day(2), State.MISSED));
    assertThat(deadlines.get(0).publisher()).isEqualTo("EnergyISAC");
  }
}
