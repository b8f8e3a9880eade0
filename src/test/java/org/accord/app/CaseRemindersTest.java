package org.accord.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.accord.InvalidInputException;
import org.accord.disclosure.EmState;
import org.accord.disclosure.Reminders;
import org.accord.disclosure.Reminders.Kind;
import org.accord.notification.Channel;
import org.accord.notification.NotificationKind;
import org.accord.party.MemberRole;
import org.accord.party.OrgKind;
import org.accord.party.Principal;
import org.accord.store.Notifications.Row;
import org.accord.testing.InstanceOnEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reminder scheduler (ADR 0126) through {@link CaseReminders}, in simulated time on SQLite and
 * PostgreSQL: each of the five reminders goes out once, at its instant and not a millisecond before;
 * a restarted instance sends nothing again; concurrent sweeps beside writers and the ledger send each
 * once; a reminder reaches only the members who see the case.
 */
class CaseRemindersTest extends InstanceOnEngine {
  static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");
  static final Duration MS = Duration.ofMillis(1);
  static final String TITLE = "LibraCore deserialization RCE CVE-2026-4242";
  Principal libra;
  Principal acme;
  Principal finder;
  String id;

  /**
   * Libra (l1) owns a case with Acme (ac1, ac2; a vendor) and Finder Lab (f1) invited at {@link #NOW};
   * Libra proposes 30 days (RSVP deadline NOW + 7 d). A day later Acme opens the case, accepts and
   * gives a status, and Libra puts the terms in force; Finder Lab never opens it nor answers.
   */
  void scenario(String engine) {
    open(engine, NOW);
    libra = person("Libra", OrgKind.VENDOR, "l1@libra.example");
    acme = person("Acme", OrgKind.VENDOR, "ac1@acme.example");
    accord.parties().addMember(coordinator, "Acme", "ac2@acme.example", MemberRole.MEMBER);
    finder = person("Finder Lab", OrgKind.RESEARCHER, "f1@finder.example");
    Cases cases = accord.cases();
    id = cases.create(libra, TITLE, null, List.of("vendor")).row().id().toString();
    cases.invite(coordinator, id, "Acme", List.of("vendor"), null);
    cases.invite(coordinator, id, "Finder Lab", List.of("finder"), null);
    cases.propose(libra, id, "30d", null);
    clock.advance(Duration.ofDays(1));
    cases.show(acme, id);
    cases.accept(acme, id);
    cases.setStatus(acme, id, null, "pkg:generic/acme/router", "affected", null, null, null);
    assertThat(cases.accept(libra, id).row().em()).isEqualTo(EmState.ACTIVE);
  }

  /** Moves the clock to {@code at} (never back). */
  void at(Instant at) {
    clock.advance(Duration.between(clock.instant(), at));
    assertThat(clock.instant()).isEqualTo(at);
  }

  static List<String> described(List<CaseReminders.Reminded> sent) {
    return sent.stream().map(r -> r.kind() + " " + r.organization() + " " + r.about()).sorted().toList();
  }

  /** The sweep's reminders at {@code at} and one millisecond before it: nothing before, {@code expected} at it. */
  void expectAt(Instant at, String... expected) {
    at(at.minus(MS));
    assertThat(accord.reminders().sweep()).as("a millisecond before " + at).isEmpty();
    at(at);
    assertThat(described(accord.reminders().sweep())).as("at " + at).containsExactlyInAnyOrder(expected);
    assertThat(accord.reminders().sweep()).as("again at " + at).isEmpty();
  }

  List<Row> reminderRows() {
    return accord.notifications().all().stream()
        .filter(r -> r.notice().kind() == NotificationKind.REMINDER && r.channel() == Channel.INBOX).toList();
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void eachReminderFiresOnceAtItsInstantAndARestartSendsNothingAgain(String engine) {
    scenario(engine);
    Instant rsvp = NOW.plus(Duration.ofDays(7));
    Instant end = NOW.plus(Duration.ofDays(30));
    assertThat(accord.reminders().sweep()).isEmpty();

    expectAt(rsvp.minus(Reminders.RSVP_BEFORE), "RSVP_DEADLINE Finder Lab " + rsvp);
    expectAt(NOW.plus(Reminders.UNSEEN_AFTER), "UNSEEN Finder Lab " + NOW.plus(Reminders.UNSEEN_AFTER));
    expectAt(NOW.plus(Reminders.NO_STATUS_AFTER), "NO_STATUS Libra " + NOW.plus(Reminders.NO_STATUS_AFTER));
    expectAt(end.minus(Reminders.EMBARGO_FIRST), "EMBARGO_END_72H Acme " + end, "EMBARGO_END_72H Libra " + end);

    // A restart: a new instance on the same database sends none of them again.
    int rows = accord.notifications().all().size();
    Accord.Config config = accord.config();
    accord.close();
    accord = Accord.open(config, clock);
    assertThat(accord.reminders().sweep()).isEmpty();
    assertThat(accord.notifications().all()).hasSize(rows);

    expectAt(end.minus(Reminders.EMBARGO_LAST), "EMBARGO_END_24H Acme " + end, "EMBARGO_END_24H Libra " + end);
    at(end);
    assertThat(accord.reminders().sweep()).isEmpty();
    at(end.plus(Duration.ofDays(30)));
    assertThat(accord.reminders().sweep()).isEmpty();

    // The record: seven reminders, nine inbox rows (Acme's two members each), each key once.
    assertThat(accord.reminders().sent()).hasSize(7).allSatisfy(s -> assertThat(s.caseId()).isEqualTo(id));
    assertThat(NotificationsTest.recipients(reminderRows(), accord))
        .containsExactly("ac1@acme.example", "ac2@acme.example", "f1@finder.example", "l1@libra.example");
    assertThat(reminderRows()).hasSize(9);
    assertThat(reminderRows().stream().map(Row::key).distinct().count()).isEqualTo(9);
    assertThat(reminderRows()).allMatch(r -> r.key().matches("reminder-" + id + "-[a-z_0-9]+-org[0-9]+-[0-9]+:member-[0-9]+:inbox"));
    assertThat(reminderRows()).allSatisfy(r -> {
      assertThat(r.notice().subject()).isEqualTo("[Accord] Activity on case " + id);
      assertThat(r.notice().text()).doesNotContain("Libra", "Acme", "Finder");
    });
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void concurrentSweepsBesideWritersAndTheLedgerSendEachReminderOnce(String engine) throws Exception {
    scenario(engine);
    accord.ledger();
    Instant end = NOW.plus(Duration.ofDays(30));
    // The instance was down from day 1 to day 27: four reminders are due at once (the RSVP one is moot).
    at(end.minus(Reminders.EMBARGO_FIRST));
    ExecutorService pool = Executors.newFixedThreadPool(5);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<List<CaseReminders.Reminded>>> sweeps = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      sweeps.add(pool.submit(() -> {
        go.await();
        List<CaseReminders.Reminded> sent = new ArrayList<>();
        for (int j = 0; j < 3; j++) {
          sent.addAll(accord.reminders().sweep());
        }
        return sent;
      }));
    }
    Future<Integer> writer = pool.submit(() -> {
      go.await();
      for (int i = 0; i < 5; i++) {
        accord.messages().post(libra, id, new CaseMessages.Draft(null, null, null, null, "status update " + i, null));
      }
      return 5;
    });
    go.countDown();
    List<CaseReminders.Reminded> all = new ArrayList<>();
    for (Future<List<CaseReminders.Reminded>> f : sweeps) {
      all.addAll(f.get());
    }
    assertThat(writer.get()).isEqualTo(5);
    pool.shutdown();
    assertThat(described(all)).containsExactlyInAnyOrder("UNSEEN Finder Lab " + NOW.plus(Reminders.UNSEEN_AFTER),
        "NO_STATUS Libra " + NOW.plus(Reminders.NO_STATUS_AFTER), "EMBARGO_END_72H Acme " + end, "EMBARGO_END_72H Libra " + end);
    assertThat(accord.reminders().sent()).hasSize(4);
    // f1 once, l1 twice (no status, embargo), ac1 and ac2 once each.
    assertThat(reminderRows()).hasSize(5);
    assertThat(reminderRows().stream().map(Row::key).distinct().count()).isEqualTo(5);
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void aReminderReachesOnlyTheMembersWhoSeeTheCase(String engine) {
    open(engine, NOW);
    libra = person("Libra", OrgKind.VENDOR, "l1@libra.example");
    acme = person("Acme", OrgKind.VENDOR, "ac1@acme.example");
    accord.parties().addMember(coordinator, "Acme", "ac2@acme.example", MemberRole.MEMBER);
    person("Gamma", OrgKind.VENDOR, "g1@gamma.example");
    accord.parties().addMember(coordinator, "Gamma", "g2@gamma.example", MemberRole.MEMBER);
    Cases cases = accord.cases();
    // A RED case: Acme takes part through ac1 only; an AMBER case: Gamma through g1 only.
    String red = cases.create(libra, TITLE, "TLP:RED", List.of("vendor"), List.of()).row().id().toString();
    cases.invite(libra, red, "Acme", List.of("vendor"), "ac1@acme.example");
    String amber = cases.create(libra, "Other case", null, List.of("vendor")).row().id().toString();
    cases.invite(libra, amber, "Gamma", List.of("deployer"), "g1@gamma.example");
    at(NOW.plus(Reminders.UNSEEN_AFTER));
    assertThat(described(accord.reminders().sweep()))
        .containsExactlyInAnyOrder("UNSEEN Acme " + NOW.plus(Reminders.UNSEEN_AFTER), "UNSEEN Gamma " + NOW.plus(Reminders.UNSEEN_AFTER));
    assertThat(NotificationsTest.recipients(reminderRows(), accord)).containsExactly("ac1@acme.example", "g1@gamma.example");
    Row toAcme = reminderRows().stream().filter(r -> r.notice().caseId().equals(red)).findFirst().orElseThrow();
    assertThat(toAcme.notice().text()).doesNotContain("Libra", "CVE").isEqualTo(Kind.UNSEEN.text(NOW.plus(Reminders.UNSEEN_AFTER)));

    // Fourteen days on: the vendors without a status (Libra twice, one per case; Acme); Gamma deploys.
    at(NOW.plus(Reminders.NO_STATUS_AFTER));
    assertThat(described(accord.reminders().sweep())).containsExactlyInAnyOrder(
        "NO_STATUS Acme " + NOW.plus(Reminders.NO_STATUS_AFTER), "NO_STATUS Libra " + NOW.plus(Reminders.NO_STATUS_AFTER),
        "NO_STATUS Libra " + NOW.plus(Reminders.NO_STATUS_AFTER));
    assertThat(NotificationsTest.recipients(reminderRows(), accord)).containsExactly("ac1@acme.example", "g1@gamma.example",
        "l1@libra.example");
  }

  @Test
  void theBackgroundSweepRunsOnItsThreadAndStopsOnClose() throws Exception {
    open("sqlite", NOW);
    libra = person("Libra", OrgKind.VENDOR, "l1@libra.example");
    acme = person("Acme", OrgKind.VENDOR, "ac1@acme.example");
    String other = accord.cases().create(libra, TITLE, null, List.of("vendor")).row().id().toString();
    accord.cases().invite(libra, other, "Acme", List.of("vendor"), null);
    at(NOW.plus(Reminders.UNSEEN_AFTER));
    accord.reminders().start(Duration.ofMillis(20));
    assertThat(accord.reminders().isRunning()).isTrue();
    assertThat(accord.reminders().awaitSweeps(2, Duration.ofSeconds(30))).isTrue();
    assertThat(accord.reminders().sent()).extracting(s -> s.kind() + " " + s.organization()).containsExactly("UNSEEN Acme");
    accord.reminders().close();
    assertThat(accord.reminders().isRunning()).isFalse();
  }

  @Test
  void thePeriodComesFromTheEnvironmentAndABadOneNamesTheVariable() {
    assertThat(CaseReminders.period(Map.of())).contains(Duration.ofSeconds(60));
    assertThat(CaseReminders.period(Map.of("ACCORD_REMINDER_SWEEP_SECONDS", "15"))).contains(Duration.ofSeconds(15));
    assertThat(CaseReminders.period(Map.of("ACCORD_REMINDER_SWEEP_SECONDS", "0"))).isEmpty();
    assertThatThrownBy(() -> CaseReminders.period(Map.of("ACCORD_REMINDER_SWEEP_SECONDS", "soon")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("ACCORD_REMINDER_SWEEP_SECONDS")
        .satisfies(e -> assertThat(((InvalidInputException) e).location()).isEqualTo("ACCORD_REMINDER_SWEEP_SECONDS"));
    assertThat(Set.of(CaseReminders.DEFAULT_PERIOD)).containsExactly(Duration.ofSeconds(60));
  }
}
