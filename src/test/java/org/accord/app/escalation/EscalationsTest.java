package org.accord.app.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.accord.accountability.commitment.CommitmentDeadline;
import org.accord.accountability.commitment.PledgeKind;
import org.accord.accountability.escalation.AlertKind;
import org.accord.accountability.escalation.Level;
import org.accord.app.Accord;
import org.accord.ledger.LedgerEvent;
import org.accord.notification.NotificationKind;
import org.accord.party.Member;
import org.accord.party.MemberRole;
import org.accord.party.OrgKind;
import org.accord.party.Principal;
import org.accord.testing.TestClock;
import org.accord.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The LibraCore scenario in simulated time, three variants (issue 12, "Done means"): the maintainer
 * meets its pledges (nothing climbs), misses them (each rung once, a scorecard mark, a silent-participant
 * alert, a late keeping kept late), and exploitation is seen under embargo (an alert to every
 * participant); with concurrent sweeps and an outsider who must see nothing.
 */
class EscalationsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant START = Instant.parse("2027-03-01T00:00:00Z");
  static final String PLEDGE = "{'title': 'LibraCore response pledge', 'terms': [{'kind': 'acknowledge-report', 'within': 'P3D'},"
      + " {'kind': 'fix-ready', 'within': 'P30D'}], 'scope': {'products': ['pkg:maven/org.libracore/']}}";

  @TempDir Path dir;
  Accord accord;
  TestClock clock;
  Principal coordinator;
  Principal finder;
  Principal libra;
  Principal libraMember;
  Principal outsider;
  String id;

  void open(String engine) throws Exception {
    String url = engine.equals("postgresql") ? TestDatabases.freshPostgresUrl() : null;
    clock = new TestClock(START);
    accord = Accord.open(new Accord.Config(dir, url), clock);
    coordinator = new Principal.Coordinator(accord.parties().ensure("Coordination", OrgKind.CERT), null, null);
    finder = admin("FinderLab", OrgKind.CERT);
    libra = admin("LibraCore", OrgKind.VENDOR);
    Member m = accord.parties().addMember(coordinator, "LibraCore", "dev@libracore.example", MemberRole.MEMBER);
    libraMember = new Principal.OrgMember(m.organization(), m, null);
    outsider = admin("Outsider", OrgKind.VENDOR);
    accord.commitments().publish(libra, JSON.readTree(PLEDGE.replace('\'', '"')));
    clock.advance(Duration.ofHours(1));
    id = accord.cases().create(finder, "LibraCore parser flaw", null, List.of("finder")).row().id().toString();
    accord.cases().addVulnerability(finder, id, "", List.of("pkg:maven/org.libracore/libracore [1.0,1.4)"),
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", null);
    accord.cases().invite(finder, id, "LibraCore", List.of("vendor"), null);
  }

  Principal admin(String org, OrgKind kind) {
    accord.parties().createOrganization(coordinator, org, kind, "DE", null);
    Member member = accord.parties().addMember(coordinator, org, "admin@" + org.toLowerCase() + ".example", MemberRole.ADMIN);
    return new Principal.OrgAdmin(member.organization(), member, null);
  }

  @AfterEach
  void close() {
    if (accord != null) {
      accord.close();
    }
  }

  /** The escalation events of the case for the acknowledge-report pledge, as levels in order. */
  List<String> ackLevels() {
    return accord.cases().events(finder, id).stream().filter(e -> "case.escalated".equals(e.get("type")))
        .map(e -> (Map<?, ?>) e.get("data")).filter(d -> String.valueOf(d.get("what")).startsWith("acknowledge-report"))
        .map(d -> String.valueOf(d.get("level"))).toList();
  }

  List<Level> ackSteps(List<Escalations.Taken> taken) {
    return taken.stream().filter(t -> t.deadline().contains(":acknowledge-report")).map(Escalations.Taken::level).toList();
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void aVendorThatMeetsItsPledgesClimbsNothing(String engine) throws Exception {
    open(engine);
    clock.advance(Duration.ofDays(1));
    accord.cases().acknowledge(libra, id);
    clock.advance(Duration.ofDays(10));
    accord.cases().transition(libra, id, "vendor_aware", "LibraCore");
    accord.cases().transition(libra, id, "fix_ready", "LibraCore");
    clock.advance(Duration.ofDays(100));
    assertThat(accord.escalations().sweep()).isEmpty();
    assertThat(accord.alerts().sweep()).isEmpty();
    assertThat(accord.commitments().ofCase(finder, id)).extracting(CommitmentDeadline::state).containsOnly(CommitmentDeadline.State.MET);
    assertThat(ackLevels()).isEmpty();
    assertThat(accord.alerts().list(finder, 100)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void aVendorThatMissesItsPledgesClimbsEachRungOnceAndAMarkIsPublic(String engine) throws Exception {
    open(engine);
    Instant due = START.plus(Duration.ofHours(1)).plus(Duration.ofDays(3)); // invited at START + 1h, within P3D
    clock.advance(Duration.between(clock.instant(), due.minus(Duration.ofDays(1)).minusSeconds(1)));
    assertThat(ackSteps(accord.escalations().sweep())).as("not yet near").isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(ackSteps(accord.escalations().sweep())).containsExactly(Level.REMINDER);
    assertThat(ackSteps(accord.escalations().sweep())).as("a step is taken once").isEmpty();
    clock.advance(Duration.ofDays(2));
    assertThat(ackSteps(accord.escalations().sweep())).containsExactly(Level.ORGANIZATION);
    clock.advance(Duration.ofDays(2));
    assertThat(ackSteps(accord.escalations().sweep())).containsExactly(Level.CASE_OWNER);
    clock.advance(Duration.ofDays(4));
    assertThat(ackSteps(accord.escalations().sweep())).containsExactly(Level.SCORECARD);
    clock.advance(Duration.ofDays(30));
    assertThat(ackSteps(accord.escalations().sweep())).isEmpty();
    assertThat(ackLevels()).containsExactly("reminder", "organization", "case_owner", "scorecard");

    // The organization step tells LibraCore's admins, not its other members.
    List<org.accord.store.Notifications.Row> admins = accord.notifications().all().stream()
        .filter(n -> n.notice().kind() == NotificationKind.ESCALATION && n.notice().text().startsWith("Escalated to your organization"))
        .toList();
    assertThat(admins).isNotEmpty().allMatch(n -> n.member().isPresent() && n.member().getAsLong() == libra.member().id());
    assertThat(accord.notifications().all()).filteredOn(n -> n.notice().kind() == NotificationKind.ESCALATION
        && n.notice().text().startsWith("Escalated to the case owner"))
        .extracting(n -> n.member().getAsLong()).containsOnly(finder.member().id());

    // The scorecard mark is a public event naming the organization and the promise, not the case.
    List<LedgerEvent> marks = new ArrayList<>();
    for (long index : accord.ledger().indexesOf("org:LibraCore", false)) {
      LedgerEvent event = LedgerEvent.decode(accord.ledger().entry(index).orElseThrow()).event();
      if (event.type().equals("scorecard.marked")) {
        marks.add(event);
      }
    }
    assertThat(marks).as("acknowledge and fix-ready").hasSize(2);
    assertThat(marks.toString()).doesNotContain(id).doesNotContain("parser flaw").contains("acknowledge-report");

    // Silent past its pledge: one alert per missed promise, to every participant, once.
    List<Alerts.Raised> raised = accord.alerts().sweep();
    assertThat(raised).extracting(Alerts.Raised::kind).containsOnly(AlertKind.SILENT_PARTICIPANT).hasSize(2);
    assertThat(accord.alerts().sweep()).isEmpty();
    assertThat(accord.alerts().list(libraMember, 100)).hasSize(2);
    assertThat(accord.alerts().list(outsider, 100)).as("hidden means hidden").isEmpty();

    // Kept late: recorded as late, the steps stay, nothing more climbs.
    accord.cases().acknowledge(libra, id);
    assertThat(accord.commitments().ofCase(finder, id)).filteredOn(d -> d.kind() == PledgeKind.ACKNOWLEDGE_REPORT)
        .extracting(CommitmentDeadline::state).containsExactly(CommitmentDeadline.State.LATE);
    clock.advance(Duration.ofDays(1));
    assertThat(ackSteps(accord.escalations().sweep())).isEmpty();
    assertThat(ackLevels()).hasSize(4);
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void concurrentSweepsTakeEachStepOnce(String engine) throws Exception {
    open(engine);
    clock.advance(Duration.ofDays(60)); // every rung of both promises reached at once
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Integer>> work = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        work.add(() -> accord.escalations().sweep().size() + accord.alerts().sweep().size());
      }
      int total = 0;
      for (Future<Integer> f : pool.invokeAll(work)) {
        total += f.get();
      }
      assertThat(total).as("8 steps (4 rungs × 2 promises) and 2 alerts, each taken by one sweep").isEqualTo(10);
    } finally {
      pool.shutdown();
    }
    assertThat(ackLevels()).containsExactly("reminder", "organization", "case_owner", "scorecard");
    assertThat(accord.cases().events(finder, id)).filteredOn(e -> "case.escalated".equals(e.get("type"))).hasSize(8);
    assertThat(accord.cases().events(finder, id)).filteredOn(e -> "case.anomaly_alert".equals(e.get("type"))).hasSize(2);
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void exploitationSeenUnderEmbargoAlertsEveryParticipant(String engine) throws Exception {
    open(engine);
    accord.cases().acknowledge(libra, id);
    accord.cases().propose(finder, id, "90d", null);
    accord.cases().accept(finder, id);
    clock.advance(Duration.ofDays(2));
    accord.cases().transition(finder, id, "attacks_observed", null);
    List<Alerts.Raised> raised = accord.alerts().sweep();
    assertThat(raised).extracting(Alerts.Raised::kind).containsExactly(AlertKind.EMBARGO_BREACH);
    assertThat(accord.alerts().sweep()).as("raised once").isEmpty();
    for (Principal p : List.of(finder, libra, libraMember)) {
      assertThat(accord.alerts().list(p, 100)).extracting(a -> a.get("kind"), a -> a.get("case"))
          .containsExactly(org.assertj.core.api.Assertions.tuple("embargo_breach", id));
    }
    assertThat(accord.alerts().list(outsider, 100)).as("another organization sees no alert of a case it is not in").isEmpty();
    assertThat(accord.alerts().list(coordinator, 100)).hasSize(1);
    assertThat(accord.notifications().all()).filteredOn(n -> n.notice().kind() == NotificationKind.ANOMALY_ALERT)
        .extracting(n -> n.member().getAsLong())
        .containsExactlyInAnyOrder(finder.member().id(), libra.member().id(), libraMember.member().id());
  }
}
