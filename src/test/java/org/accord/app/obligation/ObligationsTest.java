package org.accord.app.obligation;

import org.accord.disclosure.CaseEventType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.accord.ForbiddenException;
import org.accord.InvalidInputException;
import org.accord.NotFoundException;
import org.accord.TestPrincipals;
import org.accord.app.Accord;
import org.accord.app.Plans;
import org.accord.disclosure.Deadline;
import org.accord.disclosure.IllegalTransitionException;
import org.accord.party.Principal;
import org.accord.testing.LibraCorePlanWorld;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Obligations tracked per participant (ADR 0138) on the LibraCore world of issue 11's "Done means"
 * ({@link LibraCorePlanWorld}): adopting the plan gives the EU manufacturer its CRA early warning (24 h)
 * and notification (72 h) and the CN vendor its MIIT report (2 days); the waves go out in simulated time;
 * one is met with evidence, the others missed by the sweep, one of those then recorded late. Plus who may
 * see and record what, conflicts acknowledged, calendars, and fulfilments racing sweeps with the ledger
 * running. SQLite and PostgreSQL.
 */
class ObligationsTest {
  static final Instant START = LibraCorePlanWorld.START;
  @TempDir Path dir;
  Accord accord;
  LibraCorePlanWorld world;
  Principal coordinator;

  @AfterEach
  void close() {
    if (accord != null) {
      accord.close();
    }
  }

  /** The world with its plan adopted and the waves sent at START; the case id. */
  String adopted(String engine) throws Exception {
    world = LibraCorePlanWorld.open(dir, engine);
    accord = world.accord();
    coordinator = TestPrincipals.coordinator(accord, "Coordination Center");
    String id = world.caseId();
    long draft = ((Number) accord.plans().draft(coordinator, id, null).get("id")).longValue();
    accord.plans().adopt(coordinator, id, draft);
    return id;
  }

  List<Map<String, Object>> obligations(Principal viewer, String id) {
    return list(accord.obligations().list(viewer, id).get("obligations"));
  }

  static Map<String, Object> find(List<Map<String, Object>> obligations, String organization, String rule) {
    return obligations.stream().filter(o -> o.get("organization").equals(organization) && o.get("rule").equals(rule)).findFirst().orElseThrow();
  }

  long events(String id, CaseEventType type) {
    return accord.cases().events(coordinator, id).stream().filter(e -> type.label().equals(e.get("type"))).count();
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Object value) {
    return (List<Map<String, Object>>) value;
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void aFactDeclaredFalseLiftsTheObligationsThatAssumeIt(String engine) throws Exception {
    String id = adopted(engine);
    accord.planWaves().sweep();
    Map<String, Object> miit = find(obligations(coordinator, id), "Shenzhen Gridware", "rmsv-7-report");
    assertThat(miit).containsEntry("applies", "if").containsEntry("state", "open");
    Principal shenzhen = TestPrincipals.member(accord, "Shenzhen Gridware");
    assertThat(accord.calendars().deadlines(shenzhen, id)).filteredOn(d -> d instanceof Deadline.ObligationDue)
        .allMatch(Deadline::tentative).isNotEmpty();

    // the coordinator declares the product is no network product (ADR 0152): the MIIT report does not bind
    accord.caseTerms().declare(coordinator, id, org.accord.app.CaseTerms.Change.keep(), org.accord.app.CaseTerms.Change.to(false),
        org.accord.app.CaseTerms.Change.keep());
    assertThat(find(obligations(coordinator, id), "Shenzhen Gridware", "rmsv-7-report"))
        .containsEntry("applies", "no").containsEntry("state", "not_applicable");
    assertThat(accord.calendars().deadlines(shenzhen, id)).noneMatch(d -> d.subject().equals(miit.get("id")));
    world.clock().advance(Duration.ofDays(3));
    assertThat(accord.obligations().sweep()).extracting(Obligations.Missed::obligation).doesNotContain((String) miit.get("id"));

    // declared a network product after all: it binds outright, and the sweep marks it missed
    accord.caseTerms().declare(coordinator, id, org.accord.app.CaseTerms.Change.keep(), org.accord.app.CaseTerms.Change.to(true),
        org.accord.app.CaseTerms.Change.keep());
    assertThat(find(obligations(coordinator, id), "Shenzhen Gridware", "rmsv-7-report")).containsEntry("applies", "yes");
    assertThat(accord.obligations().sweep()).extracting(Obligations.Missed::obligation).contains((String) miit.get("id"));
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void adoptingTheLibraCorePlanGivesTheCraAndMiitObligationsOneMetOneMissedOneLate(String engine) throws Exception {
    String id = adopted(engine);
    Principal berlin = TestPrincipals.member(accord, "Berlin Devices");
    Principal shenzhen = TestPrincipals.member(accord, "Shenzhen Gridware");

    // adopted, not told yet: the clocks that start at awareness wait for the waves
    Map<String, Object> warning = find(obligations(coordinator, id), "Berlin Devices", "cra-14-early-warning");
    assertThat(warning).containsEntry("state", "waiting").containsEntry("within", "PT24H").containsEntry("wave", 3)
        .containsEntry("citation", "eu-cra Art. 14(1) and 14(2)(a)").containsEntry("clock", "exploitation_observed");
    assertThat(list(accord.cases().events(coordinator, id)).stream().filter(e -> Plans.ADOPTED_EVENT.label().equals(e.get("type")))
        .map(e -> ((Map<?, ?>) e.get("data")).get("obligations_added")).toList()).allSatisfy(n -> assertThat(((Number) n).intValue()).isPositive());

    // the waves go out at START (attacks lifted the fix gates): each party is told, its clocks start
    accord.planWaves().sweep();
    List<Map<String, Object>> all = obligations(coordinator, id);
    assertThat(find(all, "Berlin Devices", "cra-14-early-warning")).containsEntry("due", START.plus(Duration.ofHours(24)).toString())
        .containsEntry("state", "open").containsEntry("to", List.of("CERT-Bund", "ENISA"));
    assertThat(find(all, "Berlin Devices", "cra-14-notification")).containsEntry("due", START.plus(Duration.ofHours(72)).toString());
    Map<String, Object> miit = find(all, "Shenzhen Gridware", "rmsv-7-report");
    assertThat(miit).containsEntry("due", START.plus(Duration.ofDays(2)).toString()).containsEntry("to", List.of("MIIT Cybersecurity Threat and Vulnerability Information Sharing Platform"))
        .containsEntry("assumes", List.of("network_product"));
    assertThat((String) miit.get("text")).contains("Shenzhen Gridware must send its", "MIIT", "if an affected product is a network product");

    // each participant sees only its own; the owner and the coordinator see all
    assertThat(obligations(berlin, id)).extracting(o -> o.get("organization")).containsOnly("Berlin Devices").isNotEmpty();
    assertThat(obligations(shenzhen, id)).extracting(o -> o.get("organization")).containsOnly("Shenzhen Gridware").isNotEmpty();
    assertThat(obligations(TestPrincipals.member(accord, "Beijing Sec Lab"), id))
        .extracting(o -> o.get("organization")).doesNotContain("Berlin Devices", "Shenzhen Gridware");

    // the calendar: Berlin's own open obligations, none of Shenzhen's
    world.clock().advance(Duration.ofHours(21));
    List<Deadline> berlinDates = accord.calendars().deadlines(berlin, id);
    assertThat(berlinDates).filteredOn(d -> d instanceof Deadline.ObligationDue).extracting(Deadline::subject)
        .contains((String) warning.get("id")).doesNotContain((String) miit.get("id"));
    assertThat(accord.calendars().deadlines(shenzhen, id)).filteredOn(d -> d instanceof Deadline.ObligationDue)
        .extracting(Deadline::subject).containsExactly((String) miit.get("id"));
    assertThat(accord.calendars().calendar(berlin, id, java.net.URI.create("https://accord.example"))).contains(
        "your organization's reporting obligation is due").doesNotContain("ENISA", "Berlin", "CRA", "eu-cra");

    // Berlin records its early warning, done 20 h after it was told: met
    String warningId = (String) warning.get("id");
    Map<String, Object> met = accord.obligations().fulfil(berlin, id, warningId, "ENISA-2027-0042", START.plus(Duration.ofHours(20)).toString());
    assertThat(met).containsEntry("state", "met").containsEntry("reference", "ENISA-2027-0042")
        .containsEntry("recorded_at", START.plus(Duration.ofHours(21)).toString());
    assertThat(events(id, Obligations.MET_EVENT)).isOne();
    assertThatThrownBy(() -> accord.obligations().fulfil(berlin, id, warningId, "again", null))
        .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("never replaced");

    // simulated time: 73 h after the waves the 72 h notification and the 2-day MIIT report have passed
    world.clock().advance(Duration.ofHours(52));
    List<Obligations.Missed> missed = accord.obligations().sweep();
    assertThat(missed).extracting(m -> m.organization() + " " + m.due()).contains(
        "Berlin Devices " + START.plus(Duration.ofHours(72)), "Shenzhen Gridware " + START.plus(Duration.ofDays(2)));
    assertThat(missed).extracting(Obligations.Missed::obligation).doesNotContain(warningId);
    assertThat(accord.obligations().sweep()).as("marked once").isEmpty();
    assertThat(events(id, Obligations.MISSED_EVENT)).isEqualTo(missed.size());
    assertThat(find(obligations(coordinator, id), "Berlin Devices", "cra-14-notification")).containsEntry("state", "missed");
    assertThat(find(obligations(coordinator, id), "Berlin Devices", "cra-14-early-warning")).containsEntry("state", "met");

    // Shenzhen records its MIIT report afterwards, claiming it was on time: late, and the missed mark stays
    Map<String, Object> late = accord.obligations().fulfil(shenzhen, id, (String) miit.get("id"), "MIIT-NVDB-2027-7",
        START.plus(Duration.ofHours(30)).toString());
    assertThat(late).containsEntry("state", "late").containsEntry("done_at", START.plus(Duration.ofHours(30)).toString());
    assertThat(late.get("missed_at")).isNotNull();
    assertThat(events(id, Obligations.MET_EVENT)).isEqualTo(2);
    assertThat(events(id, Obligations.MISSED_EVENT)).isEqualTo(missed.size());
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void nobodyElseRecordsAnObligationAndWhatIsHiddenAnswersAsMissing(String engine) throws Exception {
    String id = adopted(engine);
    accord.planWaves().sweep();
    Principal berlin = TestPrincipals.member(accord, "Berlin Devices");
    Principal shenzhen = TestPrincipals.member(accord, "Shenzhen Gridware");
    String warning = (String) find(obligations(coordinator, id), "Berlin Devices", "cra-14-early-warning").get("id");
    String absent = "obl_" + "0".repeat(warning.length() - 4);

    // another organization taking part: Berlin's obligation answers exactly as one that is not there
    Throwable hidden = org.assertj.core.api.Assertions.catchThrowable(() -> accord.obligations().fulfil(shenzhen, id, warning, "forged", null));
    Throwable missing = org.assertj.core.api.Assertions.catchThrowable(() -> accord.obligations().fulfil(shenzhen, id, absent, "forged", null));
    assertThat(hidden).isInstanceOf(NotFoundException.class);
    assertThat(missing).isInstanceOf(NotFoundException.class);
    assertThat(hidden.getMessage().replace(warning, absent)).isEqualTo(missing.getMessage());
    // the case owner and coordinator sees it, and still may not record it
    assertThatThrownBy(() -> accord.obligations().fulfil(coordinator, id, warning, "owner", null)).isInstanceOf(ForbiddenException.class);
    // a non-participant: the case is missing, for the list and the record alike
    Principal moskva = TestPrincipals.member(accord, "Moskva Teplo");
    String nowhere = "ACC-2027-9999";
    Throwable listHidden = org.assertj.core.api.Assertions.catchThrowable(() -> accord.obligations().list(moskva, id));
    Throwable listMissing = org.assertj.core.api.Assertions.catchThrowable(() -> accord.obligations().list(moskva, nowhere));
    assertThat(listHidden).isInstanceOf(NotFoundException.class);
    assertThat(listHidden.getMessage().replace(id, nowhere)).isEqualTo(listMissing.getMessage());
    assertThatThrownBy(() -> accord.obligations().fulfil(moskva, id, warning, "x", null)).isInstanceOf(NotFoundException.class)
        .hasMessage(listHidden.getMessage());
    // bad evidence names its field, and nothing is written
    assertThatThrownBy(() -> accord.obligations().fulfil(berlin, id, warning, " ", null)).isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).location()).isEqualTo("reference");
    assertThatThrownBy(() -> accord.obligations().fulfil(berlin, id, warning, "r", "yesterday")).isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).location()).isEqualTo("done_at");
    assertThatThrownBy(() -> accord.obligations().fulfil(berlin, id, warning, "r", START.plus(Duration.ofDays(1)).toString()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("future");
    assertThat(events(id, Obligations.MET_EVENT)).isZero();
    assertThat(find(obligations(berlin, id), "Berlin Devices", "cra-14-early-warning")).containsEntry("state", "open");
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void theOwnerAcknowledgesAConflictOnce(String engine) throws Exception {
    String id = adopted(engine);
    Map<String, Object> answer = accord.plans().acknowledge(coordinator, id, "1");
    Map<?, ?> first = (Map<?, ?>) ((List<?>) ((Map<?, ?>) answer.get("adopted")).get("conflicts")).get(0);
    assertThat(first.get("acknowledged_at")).isEqualTo(START.toString());
    assertThat(first.get("acknowledged_by")).isEqualTo("Coordination Center");
    assertThatThrownBy(() -> accord.plans().acknowledge(coordinator, id, "1")).isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("already acknowledged");
    assertThatThrownBy(() -> accord.plans().acknowledge(coordinator, id, "99")).isInstanceOf(NotFoundException.class)
        .hasMessage("no conflict 99 in the adopted plan of " + id);
    assertThatThrownBy(() -> accord.plans().acknowledge(coordinator, id, "first")).isInstanceOf(NotFoundException.class)
        .hasMessage("no conflict first in the adopted plan of " + id);
    accord.planWaves().sweep();
    assertThatThrownBy(() -> accord.plans().acknowledge(TestPrincipals.member(accord, "Berlin Devices"), id, "2"))
        .isInstanceOf(ForbiddenException.class);
    assertThat(events(id, Plans.CONFLICT_ACKNOWLEDGED_EVENT)).isOne();
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void concurrentFulfilmentsAndSweepsWithTheLedgerRunningRecordExactlyOneOutcomeEach(String engine) throws Exception {
    String id = adopted(engine);
    accord.ledger(); // the log's background threads run
    accord.planWaves().sweep();
    Principal berlin = TestPrincipals.member(accord, "Berlin Devices");
    Principal shenzhen = TestPrincipals.member(accord, "Shenzhen Gridware");
    List<Map<String, Object>> all = obligations(coordinator, id);
    String warning = (String) find(all, "Berlin Devices", "cra-14-early-warning").get("id");
    String miit = (String) find(all, "Shenzhen Gridware", "rmsv-7-report").get("id");
    world.clock().advance(Duration.ofHours(23)); // the early warning is still open; the MIIT report too
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Boolean>> fulfils = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        int n = i;
        fulfils.add(pool.submit(() -> {
          go.await();
          try {
            accord.obligations().fulfil(berlin, id, warning, "ENISA-" + n, null);
            return true;
          } catch (IllegalTransitionException e) {
            return false;
          }
        }));
      }
      List<Future<List<Obligations.Missed>>> sweeps = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        sweeps.add(pool.submit(() -> {
          go.await();
          List<Obligations.Missed> done = new ArrayList<>();
          for (int j = 0; j < 5; j++) {
            done.addAll(accord.obligations().sweep());
          }
          return done;
        }));
      }
      go.countDown();
      world.clock().advance(Duration.ofHours(30)); // meanwhile the MIIT report passes its due time
      int won = 0;
      for (Future<Boolean> f : fulfils) {
        won += f.get() ? 1 : 0;
      }
      List<Obligations.Missed> marked = new ArrayList<>();
      for (Future<List<Obligations.Missed>> f : sweeps) {
        marked.addAll(f.get());
      }
      marked.addAll(accord.obligations().sweep());
      assertThat(won).as("exactly one fulfilment").isOne();
      assertThat(marked).extracting(Obligations.Missed::obligation).containsOnlyOnce(miit);
      assertThat(marked).extracting(Obligations.Missed::obligation).doesNotHaveDuplicates();
      // the early warning was either recorded before it passed (met), or marked missed and recorded late: never both lost
      Map<String, Object> after = find(obligations(berlin, id), "Berlin Devices", "cra-14-early-warning");
      assertThat(after.get("state")).isIn("met", "late");
      assertThat(events(id, Obligations.MET_EVENT)).isOne();
      assertThat(events(id, Obligations.MISSED_EVENT)).isEqualTo(marked.size());
      assertThat(accord.obligations().fulfil(shenzhen, id, miit, "MIIT-1", null)).containsEntry("state", "late");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void thePeriodComesFromTheEnvironment() {
    assertThat(Obligations.period(Map.of())).contains(Obligations.DEFAULT_PERIOD);
    assertThat(Obligations.period(Map.of(Obligations.PERIOD_VARIABLE, "0"))).isEmpty();
    assertThatThrownBy(() -> Obligations.period(Map.of(Obligations.PERIOD_VARIABLE, "soon"))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(Obligations.PERIOD_VARIABLE);
  }
}
