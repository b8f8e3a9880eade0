package org.accord.app;

import org.accord.disclosure.CaseEventType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.accord.ForbiddenException;
import org.accord.InvalidInputException;
import org.accord.NotFoundException;
import org.accord.TestPrincipals;
import org.accord.disclosure.IllegalTransitionException;
import org.accord.disclosure.plan.NotificationPlan;
import org.accord.disclosure.plan.Recipient;
import org.accord.disclosure.plan.ShippedStrategy;
import org.accord.disclosure.plan.Wave;
import org.accord.disclosure.plan.WaveKind;
import org.accord.notification.NotificationKind;
import org.accord.party.MemberRole;
import org.accord.party.OrgKind;
import org.accord.party.Principal;
import org.accord.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Notification plans on the {@link SuggestionsTest} world (ADRs 0133, 0134): {@link Plans#compute}
 * gathers the case facts and the exposure; drafts, adoption and the diff; the waves going out in
 * simulated time through {@link PlanWaves}, with invitations notified to the invited members.
 */
class PlansTest {
  static final Instant START = Instant.parse("2027-03-01T10:00:00Z");
  @TempDir Path dir;
  SuggestionsTest world = new SuggestionsTest();
  Accord accord;
  TestClock clock;
  Principal coordinator;
  String engine;

  @AfterEach
  void close() {
    if (accord != null) {
      accord.close();
    }
  }

  /** The world, members in the organizations to notify, and a case the coordinator opened on libracore [1.0,2.3.4). */
  String open(String engine) {
    this.engine = engine;
    clock = new TestClock(START);
    world.dir = dir;
    world.world(engine, clock);
    accord = world.accord;
    coordinator = TestPrincipals.coordinator(accord, "Coordination Center");
    for (String org : List.of("Coordination Center", "Libra Maintainers", "OldCo", "Acme", "Borealis", "GridCo", "AquaNet")) {
      accord.parties().addMember(coordinator, org, "m@" + org.toLowerCase().replace(' ', '-') + ".example", MemberRole.MEMBER);
    }
    String id = accord.cases().create(coordinator, "libracore parser flaw", null, List.of("coordinator")).row().id().toString();
    accord.cases().addVulnerability(coordinator, id, "CVE-2027-0001", List.of(SuggestionsTest.LIBRACORE + " [1.0,2.3.4)"), null, null);
    return id;
  }

  static List<String> names(Wave w) {
    return w.recipients().stream().map(Recipient::organization).toList();
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Object value) {
    return (List<Map<String, Object>>) value;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  long events(String id, CaseEventType type) {
    return accord.cases().events(coordinator, id).stream().filter(e -> type.label().equals(e.get("type"))).count();
  }

  /** The organizations whose members got an invitation notification to the case, in order. */
  List<String> invitedAndNotified(String id) {
    List<String> out = new ArrayList<>();
    for (var row : accord.notifications().all()) {
      if (row.notice().kind() == NotificationKind.INVITATION && row.notice().caseId().equals(id)) {
        String name = orgName(row.org());
        if (!out.contains(name)) {
          out.add(name);
        }
      }
    }
    return out;
  }

  String orgName(long organization) {
    return accord.database().jdbi().withHandle(h -> org.accord.store.Organizations.byId(h, organization).name());
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void computeGathersTheExposureAndTheCaseFacts(String engine) {
    String id = open(engine);
    NotificationPlan plan = accord.plans().compute(coordinator, id, ShippedStrategy.COORDINATED);
    assertThat(plan.waves()).extracting(Wave::kind).containsExactly(
        WaveKind.COORDINATION, WaveKind.DIRECT_VENDORS, WaveKind.ALL_VENDORS, WaveKind.OPERATORS, WaveKind.PUBLICATION);
    assertThat(names(plan.waves().get(0))).containsExactly("Coordination Center", "Libra Maintainers");
    assertThat(plan.waves().get(0).recipients().get(0).participant()).as("the coordinator opened the case").isTrue();
    assertThat(names(plan.waves().get(1))).containsExactly("OldCo");
    assertThat(names(plan.waves().get(2))).containsExactly("Acme", "Borealis", "GridCo");
    assertThat(names(plan.waves().get(3))).containsExactly("AquaNet", "Bundesamt", "CERT-DE", "CERT-FR");
    assertThat(plan.waves().get(1).due()).isEqualTo(START.plus(ShippedStrategy.VENDOR_LEAD));
    assertThat(plan.waves().get(2).gate()).contains(Wave.Gate.FIX_READY);
    // GridCo ships the meter and runs an essential deployment: one wave, both reasons
    assertThat(plan.waves().get(2).recipients().get(2).reasons()).hasAtLeastOneElementOfType(Recipient.Ships.class)
        .hasAtLeastOneElementOfType(Recipient.Runs.class);

    // the case facts: an embargo in force sets the operators' and the publication's due times; attacks lift the gates
    accord.cases().propose(coordinator, id, "30d", null);
    accord.cases().accept(coordinator, id);
    NotificationPlan embargoed = accord.plans().compute(coordinator, id, ShippedStrategy.COORDINATED);
    Instant end = START.plus(Duration.ofDays(30));
    assertThat(embargoed.waves().get(3).due()).isEqualTo(end.minus(ShippedStrategy.OPERATOR_LEAD));
    assertThat(embargoed.waves().get(4).due()).isEqualTo(end);
    accord.cases().transition(coordinator, id, "attacks_observed", null);
    NotificationPlan attacked = accord.plans().compute(coordinator, id, ShippedStrategy.COORDINATED);
    assertThat(attacked.waves()).allMatch(w -> w.gate().isEmpty());
    assertThat(attacked.waves().get(2).due()).isEqualTo(START);

    // immediate: everyone at once
    NotificationPlan immediate = accord.plans().compute(coordinator, id, ShippedStrategy.IMMEDIATE);
    assertThat(immediate.waves()).extracting(Wave::kind).containsExactly(WaveKind.EVERYONE, WaveKind.PUBLICATION);
    assertThat(immediate.waves().get(0).recipients()).hasSize(10);
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void onlyTheOwnerOrTheCoordinatorPlansAndBadInputChangesNothing(String engine) {
    String id = open(engine);
    Principal libra = TestPrincipals.member(accord, "Libra Maintainers");
    Principal acme = TestPrincipals.member(accord, "Acme");
    accord.cases().invite(coordinator, id, "Libra Maintainers", List.of("vendor"), null);
    assertThatThrownBy(() -> accord.plans().draft(libra, id, null)).isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("only the case owner or the coordinator");
    assertThatThrownBy(() -> accord.plans().show(libra, id)).isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> accord.plans().adopt(libra, id, 1L)).isInstanceOf(ForbiddenException.class);
    // hidden is missing, with the same message
    String missing = "ACC-2027-0999";
    NotFoundException hidden = org.junit.jupiter.api.Assertions.assertThrows(NotFoundException.class, () -> accord.plans().draft(acme, id, null));
    NotFoundException absent = org.junit.jupiter.api.Assertions.assertThrows(NotFoundException.class, () -> accord.plans().draft(acme, missing, null));
    assertThat(hidden.getMessage()).isEqualTo(absent.getMessage().replace(missing, id));
    assertThatThrownBy(() -> accord.plans().draft(coordinator, id, "staged")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("coordinated, immediate").extracting(e -> ((InvalidInputException) e).location()).isEqualTo("strategy");
    assertThatThrownBy(() -> accord.plans().adopt(coordinator, id, null)).isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).location()).isEqualTo("draft");
    assertThatThrownBy(() -> accord.plans().adopt(coordinator, id, 1L)).isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("has no draft plan");
    Map<String, Object> shown = accord.plans().show(coordinator, id);
    assertThat(shown.get("draft")).isNull();
    assertThat(shown.get("adopted")).isNull();
    assertThat(events(id, Plans.ADOPTED_EVENT)).isZero();
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void adoptingExactlyTheDraftSupersedesTheAdoptedPlanAndRecomputingShowsTheDiff(String engine) {
    String id = open(engine);
    Map<String, Object> first = accord.plans().draft(coordinator, id, "coordinated");
    long one = ((Number) first.get("id")).longValue();
    assertThat(first.get("state")).isEqualTo("draft");
    assertThat(first.get("diff")).as("nothing adopted yet").isNull();
    assertThat(list(first.get("waves")).get(0)).containsKeys("rules", "conflicts");
    Map<String, Object> second = accord.plans().draft(coordinator, id, null);
    long two = ((Number) second.get("id")).longValue();
    assertThat(two).isGreaterThan(one);
    // the first draft was replaced: its id is stale, and the answer names the current draft
    assertThatThrownBy(() -> accord.plans().adopt(coordinator, id, one)).isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("draft " + one + " is not the current draft of " + id + "; the current draft is " + two);
    Map<String, Object> adopted = accord.plans().adopt(coordinator, id, two);
    assertThat(adopted.get("draft")).isNull();
    assertThat(map(adopted.get("adopted")).get("id")).isEqualTo(two);
    assertThat(map(adopted.get("adopted")).get("adopted_by")).isEqualTo("Coordination Center");
    assertThat(list(map(adopted.get("adopted")).get("waves"))).allSatisfy(w -> assertThat(w).containsEntry("sent_at", null));
    // one event, counts and no organization's name
    List<Map<String, Object>> adoptions = accord.cases().events(coordinator, id).stream()
        .filter(e -> Plans.ADOPTED_EVENT.label().equals(e.get("type"))).toList();
    assertThat(adoptions).hasSize(1);
    String data = String.valueOf(adoptions.get(0).get("data"));
    assertThat(data).contains("plan=" + two).contains("recipients=4").doesNotContain("Acme").doesNotContain("AquaNet")
        .doesNotContain("Libra");

    // the facts change: attacks observed; the recomputed draft moves waves, the adopted plan stays as it was
    accord.cases().transition(coordinator, id, "attacks_observed", null);
    Map<String, Object> third = accord.plans().draft(coordinator, id, "coordinated");
    Map<String, Object> diff = map(third.get("diff"));
    assertThat(list(diff.get("added"))).isEmpty();
    assertThat(list(diff.get("removed"))).isEmpty();
    assertThat(list(diff.get("due_moved"))).extracting(d -> d.get("kind"))
        .containsExactly("direct_vendors", "all_vendors", "operators", "publication");
    assertThat(list(diff.get("due_moved")).get(1)).containsEntry("gated_before", true).containsEntry("gated_now", false);
    Map<String, Object> both = accord.plans().show(coordinator, id);
    assertThat(map(both.get("adopted")).get("id")).isEqualTo(two);
    assertThat(list(map(both.get("adopted")).get("waves")).get(2).get("gate")).as("never silently rewritten").isEqualTo("fix_ready");
    assertThat(map(both.get("draft")).get("id")).isEqualTo(third.get("id"));
    assertThat(both.get("diff")).isEqualTo(third.get("diff"));

    // a new vendor joins the exposure: recomputing shows it added
    world.sbom("gateway", "2.3.1", TestPrincipals.member(accord, "Newco"));
    Map<String, Object> fourth = accord.plans().draft(coordinator, id, null);
    assertThat(list(map(fourth.get("diff")).get("added"))).extracting(a -> a.get("organization")).contains("Newco");
    accord.plans().adopt(coordinator, id, ((Number) fourth.get("id")).longValue());
    long superseded = accord.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM case_plans WHERE state = 'superseded'")
        .mapTo(Long.class).one());
    assertThat(superseded).isEqualTo(1);
    assertThat(events(id, Plans.ADOPTED_EVENT)).isEqualTo(2);
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void theOwnerIsNotShownOperatorsTheCoordinatorsPlanNames(String engine) {
    open(engine);
    Principal libra = TestPrincipals.member(accord, "Libra Maintainers");
    String id = accord.cases().create(libra, "libracore owned by its maintainers", null, List.of("vendor")).row().id().toString();
    accord.cases().addVulnerability(libra, id, null, List.of(SuggestionsTest.LIBRACORE + " [1.0,2.3.4)"), null, null);
    accord.plans().draft(coordinator, id, null);
    String asOwner = String.valueOf(accord.plans().show(libra, id));
    assertThat(asOwner).doesNotContain("GridCo").doesNotContain("AquaNet").contains("Acme").contains("CERT-DE");
    Map<String, Object> draftAsOwner = map(accord.plans().show(libra, id).get("draft"));
    assertThat(list(draftAsOwner.get("conflicts"))).as("conflicts name parties the owner may not see").isEmpty();
    assertThat(String.valueOf(draftAsOwner.get("rule_notes"))).contains("Conflicts are not shown");
    assertThat(String.valueOf(map(accord.plans().show(coordinator, id).get("draft")).get("rule_notes"))).doesNotContain("Conflicts are not shown");
    assertThat(String.valueOf(accord.plans().show(coordinator, id))).contains("GridCo").contains("AquaNet");
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void theCoordinatorsCalendarHasTheWavesStillToGoOutAndParticipantsSeeNone(String engine) {
    String id = open(engine);
    accord.plans().adopt(coordinator, id, ((Number) accord.plans().draft(coordinator, id, null).get("id")).longValue());

    List<org.accord.disclosure.Deadline> before = accord.calendars().deadlines(coordinator, id);
    assertThat(before).filteredOn(d -> d instanceof org.accord.disclosure.Deadline.PlanWave)
        .extracting(d -> ((org.accord.disclosure.Deadline.PlanWave) d).wave(), org.accord.disclosure.Deadline::tentative)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(WaveKind.COORDINATION, false), org.assertj.core.groups.Tuple.tuple(WaveKind.DIRECT_VENDORS, false),
            org.assertj.core.groups.Tuple.tuple(WaveKind.ALL_VENDORS, true), org.assertj.core.groups.Tuple.tuple(WaveKind.OPERATORS, true),
            org.assertj.core.groups.Tuple.tuple(WaveKind.PUBLICATION, true));
    assertThat(accord.calendars().deadlines(coordinator)).as("and in the all-cases calendar, though the case has no embargo")
        .filteredOn(d -> d instanceof org.accord.disclosure.Deadline.PlanWave).hasSize(5);

    accord.planWaves().sweep();
    assertThat(accord.calendars().deadlines(coordinator, id)).as("a wave that went out leaves the calendar")
        .filteredOn(d -> d instanceof org.accord.disclosure.Deadline.PlanWave).hasSize(4)
        .noneMatch(d -> ((org.accord.disclosure.Deadline.PlanWave) d).wave() == WaveKind.COORDINATION);
    Principal libra = TestPrincipals.member(accord, "Libra Maintainers");
    assertThat(accord.calendars().deadlines(libra, id)).as("the invited maintainer does not see the plan")
        .noneMatch(d -> d instanceof org.accord.disclosure.Deadline.PlanWave);
    String ics = accord.calendars().calendar(coordinator, id, CaseCalendars.DEFAULT_PUBLIC_URL);
    assertThat(ics).contains("plan-wave/direct-vendors").contains("notification wave (direct vendors)").doesNotContain("Acme");
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void wavesGoOutInSimulatedTimeAndWaitForTheFix(String engine) throws Exception {
    String id = open(engine);
    long draft = ((Number) accord.plans().draft(coordinator, id, null).get("id")).longValue();
    accord.plans().adopt(coordinator, id, draft);

    // now: wave 1 (the maintainers; the coordinator already takes part)
    List<PlanWaves.Sent> now = accord.planWaves().sweep();
    assertThat(now).singleElement().satisfies(s -> {
      assertThat(s.wave()).isEqualTo(1);
      assertThat(s.invited()).isEqualTo(1);
      assertThat(s.participants()).isEqualTo(1);
    });
    assertThat(invitedAndNotified(id)).containsExactly("Libra Maintainers");
    assertThat(accord.planWaves().sweep()).as("a second sweep sends nothing").isEmpty();

    // two days later: wave 2; waves 3-5 wait for the fix
    clock.advance(Duration.ofDays(2).minusMillis(1));
    assertThat(accord.planWaves().sweep()).isEmpty();
    clock.advance(Duration.ofMillis(1));
    assertThat(accord.planWaves().sweep()).extracting(PlanWaves.Sent::wave).containsExactly(2);
    assertThat(invitedAndNotified(id)).containsExactly("Libra Maintainers", "OldCo");
    clock.advance(Duration.ofDays(10));
    assertThat(accord.planWaves().sweep()).as("fix_ready gates waves 3-5").isEmpty();

    // the maintainer's fix is ready: waves 3 and 4 go out, the owner is told the publication is due
    Principal libra = TestPrincipals.member(accord, "Libra Maintainers");
    accord.cases().transition(libra, id, "vendor_aware", "Libra Maintainers");
    clock.advance(Duration.ofMinutes(1));
    assertThat(accord.planWaves().sweep()).as("aware is not fixed").isEmpty();
    accord.cases().transition(libra, id, "fix_ready", "Libra Maintainers");
    List<PlanWaves.Sent> fixed = accord.planWaves().sweep();
    assertThat(fixed).extracting(PlanWaves.Sent::wave).containsExactly(3, 4, 5);
    assertThat(fixed.get(0).invited()).isEqualTo(3);
    assertThat(fixed.get(1).invited()).isEqualTo(4);
    assertThat(fixed.get(2).ownerTold()).isTrue();
    assertThat(invitedAndNotified(id)).containsExactly("Libra Maintainers", "OldCo", "Acme", "Borealis", "GridCo", "AquaNet");
    assertThat(accord.notifications().all()).filteredOn(r -> r.notice().kind() == NotificationKind.REMINDER).isNotEmpty()
        .allSatisfy(r -> assertThat(orgName(r.org())).isEqualTo("Coordination Center"));
    // roles by reason
    Map<String, Object> shown = accord.cases().describe(accord.cases().show(coordinator, id));
    String participants = String.valueOf(shown.get("participants"));
    assertThat(participants).contains("GridCo").contains("deployer").contains("observer");
    assertThat(events(id, PlanWaves.SENT_EVENT)).isEqualTo(4);
    assertThat(accord.cases().events(coordinator, id)).filteredOn(e -> PlanWaves.SENT_EVENT.label().equals(e.get("type")))
        .allSatisfy(e -> assertThat(String.valueOf(e.get("data"))).doesNotContain("Acme").doesNotContain("GridCo").doesNotContain("OldCo")
            .doesNotContain("Libra").contains("invited="));
    assertThat(accord.planWaves().sweep()).isEmpty();

    // published: the publication wave is sent
    accord.publication().publish(coordinator, id);
    List<Map<String, Object>> waves = list(map(accord.plans().show(coordinator, id).get("adopted")).get("waves"));
    assertThat(waves).allSatisfy(w -> assertThat(w.get("sent_at")).isNotNull());
    assertThat(waves.get(4)).containsKey("owner_told_at");
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void twoSweepsBesideCaseWritersAndTheLedgerSendEachWaveOnceAndARestartSendsNothingAgain(String engine) throws Exception {
    String id = open(engine);
    accord.ledger(); // the log's background threads run
    accord.plans().adopt(coordinator, id, ((Number) accord.plans().draft(coordinator, id, null).get("id")).longValue());
    accord.cases().invite(coordinator, id, "Libra Maintainers", List.of("vendor"), null);
    accord.cases().transition(TestPrincipals.member(accord, "Libra Maintainers"), id, "vendor_aware", "Libra Maintainers");
    accord.cases().transition(TestPrincipals.member(accord, "Libra Maintainers"), id, "fix_ready", "Libra Maintainers");
    clock.advance(Duration.ofDays(3));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<PlanWaves.Sent>>> sweeps = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        sweeps.add(pool.submit(() -> {
          List<PlanWaves.Sent> all = new ArrayList<>();
          for (int j = 0; j < 5; j++) {
            all.addAll(accord.planWaves().sweep());
          }
          return all;
        }));
      }
      // case writers at the same time: an embargo proposed, statuses set
      Future<?> writer = pool.submit(() -> {
        for (int j = 0; j < 5; j++) {
          accord.cases().addVulnerability(coordinator, id, "CVE-2027-10" + j, List.of("pkg:generic/other/thing [1.0,2.0)"), null, null);
        }
        return null;
      });
      writer.get();
      List<PlanWaves.Sent> all = new ArrayList<>();
      for (Future<List<PlanWaves.Sent>> f : sweeps) {
        all.addAll(f.get());
      }
      assertThat(all).extracting(PlanWaves.Sent::wave).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
    } finally {
      pool.shutdownNow();
    }
    assertThat(events(id, PlanWaves.SENT_EVENT)).isEqualTo(4);
    assertThat(events(id, CaseEventType.PARTICIPANT_INVITED)).as("Libra by hand, then 1+3+4 by the plan").isEqualTo(1 + 1 + 3 + 4);
    long notified = accord.notifications().all().stream().filter(r -> r.notice().kind() == NotificationKind.INVITATION).count();

    // restart: nothing is sent again, the background sweep runs at once and finds nothing
    accord.close();
    String url = engine.equals("postgresql") ? accord.config().dbUrl() : null;
    accord = Accord.open(new Accord.Config(dir, url), clock);
    accord.planWaves().start(Duration.ofMinutes(10));
    assertThat(accord.planWaves().awaitSweeps(1, Duration.ofSeconds(30))).isTrue();
    assertThat(accord.planWaves().sweep()).isEmpty();
    assertThat(events(id, PlanWaves.SENT_EVENT)).isEqualTo(4);
    assertThat(accord.notifications().all().stream().filter(r -> r.notice().kind() == NotificationKind.INVITATION).count()).isEqualTo(notified);
  }

  @org.junit.jupiter.api.Test
  void thePeriodComesFromTheEnvironment() {
    assertThat(PlanWaves.period(Map.of())).contains(PlanWaves.DEFAULT_PERIOD);
    assertThat(PlanWaves.period(Map.of(PlanWaves.PERIOD_VARIABLE, "0"))).isEmpty();
    assertThat(PlanWaves.period(Map.of(PlanWaves.PERIOD_VARIABLE, "5"))).contains(Duration.ofSeconds(5));
    assertThatThrownBy(() -> PlanWaves.period(Map.of(PlanWaves.PERIOD_VARIABLE, "soon"))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(PlanWaves.PERIOD_VARIABLE);
  }
}
