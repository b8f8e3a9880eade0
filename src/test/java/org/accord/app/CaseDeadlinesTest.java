package org.accord.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.accord.InvalidInputException;
import org.accord.disclosure.EmState;
import org.accord.disclosure.IllegalTransitionException;
import org.accord.disclosure.PecState;
import org.accord.party.OrgKind;
import org.accord.party.Principal;
import org.accord.testing.InstanceOnEngine;
import org.accord.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RSVP deadlines (ADR 0116) through {@link CaseDeadlines} and {@link Cases}, in simulated time: the
 * sweep before, at and after a deadline, its idempotence, late answers, and answers racing the sweep
 * while the ledger runs.
 */
class CaseDeadlinesTest extends InstanceOnEngine {
  static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");
  static final Instant DEADLINE = NOW.plus(Duration.ofDays(7));
  static final Duration MS = Duration.ofMillis(1);
  Principal libra;
  Principal finder;
  Principal acme;

  void open(String engine) {
    open(engine, NOW);
    libra = member("Libra", OrgKind.VENDOR);
    finder = member("Finder Lab", OrgKind.RESEARCHER);
    acme = member("Acme", OrgKind.VENDOR);
  }

  /** Libra's case with Finder Lab and Acme invited, and Libra's proposal at {@link #NOW}: the deadline is {@link #DEADLINE}. */
  String proposedCase() {
    Cases cases = accord.cases();
    String id = cases.create(libra, "LibraCore", null, List.of("vendor")).row().id().toString();
    cases.invite(coordinator, id, "Finder Lab", List.of("finder"), null);
    cases.invite(coordinator, id, "Acme", List.of("vendor"), null);
    cases.propose(libra, id, "45d", null);
    return id;
  }

  Map<String, PecState> consents(String id) {
    Map<String, PecState> out = new LinkedHashMap<>();
    accord.cases().show(coordinator, id).participants().forEach(p -> out.put(p.organizationName(), p.consent()));
    return out;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> participant(Map<String, Object> described, String organization) {
    return ((List<Map<String, Object>>) described.get("participants")).stream()
        .filter(p -> p.get("organization").equals(organization)).findFirst().orElseThrow();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> data(Map<String, Object> event) {
    return (Map<String, Object>) event.get("data");
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  @SuppressWarnings("unchecked")
  void aSweepAtTheDeadlineChangesNothingAndOneJustAfterItLapsesEachSilentInviteeOnce(String engine) {
    open(engine);
    Cases cases = accord.cases();
    CaseDeadlines deadlines = accord.caseDeadlines();
    String id = proposedCase();
    // Each invitee sees its deadline; the owner decides the terms and has none.
    Map<String, Object> shown = Cases.describe(cases.show(finder, id));
    assertThat(participant(shown, "Finder Lab")).containsEntry("rsvp_deadline", DEADLINE.toString());
    assertThat(participant(shown, "Acme")).containsEntry("rsvp_deadline", DEADLINE.toString());
    assertThat(participant(shown, "Libra")).containsEntry("rsvp_deadline", null);
    // An organization invited six days later gets its own seven days.
    clock.advance(Duration.ofDays(6));
    member("Late Co", OrgKind.VENDOR);
    cases.invite(coordinator, id, "Late Co", List.of("vendor"), null);
    Instant lateDeadline = NOW.plus(Duration.ofDays(13));
    assertThat(participant(Cases.describe(cases.show(coordinator, id)), "Late Co")).containsEntry("rsvp_deadline", lateDeadline.toString());

    long log = accord.ledger().size();
    int history = cases.events(coordinator, id).size();
    clock.advance(Duration.ofDays(1).minus(MS));
    assertThat(deadlines.sweep()).isEmpty();
    clock.advance(MS); // exactly at the deadline: still on time
    assertThat(deadlines.sweep()).isEmpty();
    assertThat(consents(id)).containsEntry("Finder Lab", PecState.INVITED).containsEntry("Acme", PecState.INVITED);
    assertThat(accord.ledger().size()).isEqualTo(log);

    clock.advance(MS);
    List<CaseDeadlines.Lapsed> lapsed = deadlines.sweep();
    assertThat(lapsed).hasSize(1);
    assertThat(lapsed.get(0).id()).isEqualTo(id);
    assertThat(lapsed.get(0).organizations()).containsExactlyInAnyOrder("Finder Lab", "Acme");
    assertThat(consents(id)).containsEntry("Finder Lab", PecState.DECLINED).containsEntry("Acme", PecState.DECLINED)
        .containsEntry("Late Co", PecState.INVITED).containsEntry("Libra", PecState.SIGNATORY); // proposing is consenting
    assertThat(consents(id).get("Finder Lab").bound()).isFalse();
    List<Map<String, Object>> events = cases.events(finder, id);
    assertThat(events).hasSize(history + 1);
    Map<String, Object> event = events.get(events.size() - 1);
    assertThat(event).containsEntry("type", "case.rsvp_lapsed").containsEntry("at", DEADLINE.plus(MS).toString());
    // The instance applied the deadline: its coordinator is the actor, not a participant.
    assertThat(event.get("actor")).isEqualTo(Map.of("organization", "local"));
    assertThat((List<Object>) data(event).get("organizations")).containsExactlyInAnyOrder("Finder Lab", "Acme");
    assertThat(data(event).get("lapsed").toString()).contains("rsvp_deadline=" + DEADLINE);
    assertThat(accord.ledger().size()).isEqualTo(log + 1);
    assertThat(participant(Cases.describe(cases.show(finder, id)), "Finder Lab")).containsEntry("rsvp_deadline", null);

    // Idempotent: a second sweep at the same time, and one later, change and write nothing.
    long revision = cases.show(coordinator, id).row().revision();
    assertThat(deadlines.sweep()).isEmpty();
    clock.advance(Duration.ofDays(1));
    assertThat(deadlines.sweep()).isEmpty();
    assertThat(cases.show(coordinator, id).row().revision()).isEqualTo(revision);
    assertThat(cases.events(coordinator, id)).hasSize(history + 1);
    assertThat(accord.ledger().size()).isEqualTo(log + 1);

    // The late invitee's own deadline: at it nothing, just after it its own event.
    clock.advance(Duration.ofDays(5).minus(MS)); // NOW + 13 days
    assertThat(deadlines.sweep()).isEmpty();
    clock.advance(MS);
    assertThat(deadlines.sweep()).extracting(CaseDeadlines.Lapsed::organizations).containsExactly(List.of("Late Co"));
    assertThat(consents(id)).containsEntry("Late Co", PecState.DECLINED).containsEntry("Libra", PecState.SIGNATORY);
    assertThat(accord.ledger().size()).isEqualTo(log + 2);
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void anAnswerAtTheDeadlineIsOnTimeAndOneAfterItIsALateAcceptance(String engine) {
    open(engine);
    Cases cases = accord.cases();
    String id = proposedCase();
    clock.advance(Duration.ofDays(7)); // at the deadline
    cases.accept(finder, id);
    clock.advance(MS); // after it, before any sweep
    cases.accept(acme, id);
    List<Map<String, Object>> events = cases.events(coordinator, id);
    Map<String, Object> onTime = events.get(events.size() - 2);
    Map<String, Object> late = events.get(events.size() - 1);
    assertThat(onTime).containsEntry("type", "case.embargo_consented");
    assertThat(data(onTime)).doesNotContainKey("late");
    assertThat(data(late)).containsEntry("late", true).containsEntry("rsvp_deadline", DEADLINE.toString())
        .containsEntry("consent", "signatory");
    assertThat(consents(id)).containsEntry("Finder Lab", PecState.SIGNATORY).containsEntry("Acme", PecState.SIGNATORY);
    // Nobody is left waiting: the sweep has nothing to do.
    assertThat(accord.caseDeadlines().sweep()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void aLapsedInviteeIsNotBoundMayStillAcceptAndNewTermsInviteItAgain(String engine) {
    open(engine);
    Cases cases = accord.cases();
    String id = proposedCase();
    clock.advance(Duration.ofDays(1));
    cases.reject(acme, id); // Acme declines by its own answer
    clock.advance(Duration.ofDays(6).plus(MS));
    assertThat(accord.caseDeadlines().sweep()).extracting(CaseDeadlines.Lapsed::organizations).containsExactly(List.of("Finder Lab"));

    // The owner puts the terms in force: the lapsed invitee is not bound by them.
    Cases.View active = cases.accept(libra, id);
    assertThat(active.row().em()).isEqualTo(EmState.ACTIVE);
    assertThat(consents(id)).containsEntry("Libra", PecState.SIGNATORY).containsEntry("Finder Lab", PecState.DECLINED);
    assertThat(consents(id).get("Finder Lab").bound()).isFalse();

    // Declining again is refused, naming the deadline; nothing is written.
    int history = cases.events(coordinator, id).size();
    assertThatThrownBy(() -> cases.reject(finder, id)).isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("lapsed at its RSVP deadline " + DEADLINE);
    // Acme declined itself: it is invited again before it may accept (MSM-07-002), unlike a lapse.
    assertThatThrownBy(() -> cases.accept(acme, id)).isInstanceOf(IllegalTransitionException.class).hasMessageContaining("MSM-07-002");
    assertThat(cases.events(coordinator, id)).hasSize(history);

    // A late acceptance of the terms in force is honoured (Vultron EMB-17-002).
    clock.advance(Duration.ofDays(2));
    cases.accept(finder, id);
    assertThat(consents(id).get("Finder Lab")).isEqualTo(PecState.SIGNATORY);
    assertThat(consents(id).get("Finder Lab").bound()).isTrue();
    Map<String, Object> late = cases.events(coordinator, id).get(history);
    assertThat(data(late)).containsEntry("late", true).containsEntry("rsvp_deadline", DEADLINE.toString());

    // A revision invites whoever is not bound with a new deadline (ADR 0123): Acme, which proposed it,
    // accepted the revision but is not bound by the terms in force; the signatories stay bound.
    cases.propose(acme, id, "30d", null);
    Instant revision = clock.instant().plus(Duration.ofDays(7));
    assertThat(consents(id)).containsEntry("Finder Lab", PecState.SIGNATORY).containsEntry("Acme", PecState.INVITED);
    assertThat(participant(Cases.describe(cases.show(acme, id)), "Acme")).containsEntry("rsvp_deadline", revision.toString())
        .containsEntry("revision", "accepted");
    assertThat(participant(Cases.describe(cases.show(acme, id)), "Finder Lab")).containsEntry("rsvp_deadline", null)
        .containsEntry("revision", "asked");
    cases.reject(finder, id); // refuses the revision, stays bound
    assertThat(consents(id)).containsEntry("Finder Lab", PecState.SIGNATORY);
    assertThatThrownBy(() -> cases.reject(finder, id)).isInstanceOf(IllegalTransitionException.class).hasMessageContaining("already declined");
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void answersRacingTheSweepGiveOneOutcomePerParticipantAndOneEventPerChange(String engine) throws Exception {
    open(engine);
    Cases cases = accord.cases();
    int caseCount = 4;
    int invitees = 6;
    List<Principal> orgs = new ArrayList<>();
    for (int i = 0; i < invitees; i++) {
      orgs.add(member("Org" + i, OrgKind.VENDOR));
    }
    List<String> ids = new ArrayList<>();
    for (int c = 0; c < caseCount; c++) {
      String id = cases.create(libra, "Race " + c, null, List.of("vendor")).row().id().toString();
      for (int i = 0; i < invitees; i++) {
        cases.invite(libra, id, "Org" + i, List.of("vendor"), null);
      }
      cases.propose(libra, id, "45d", null);
      ids.add(id);
    }
    long logBefore = accord.ledger().size(); // the ledger's threads run from here on
    Map<String, Integer> historyBefore = new HashMap<>();
    ids.forEach(id -> historyBefore.put(id, cases.events(coordinator, id).size()));
    clock.advance(Duration.ofDays(7).plus(MS)); // every deadline has passed

    // Org i accepts when i % 3 == 0, declines when i % 3 == 1 and stays silent otherwise.
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    AtomicInteger refusedDeclines = new AtomicInteger();
    List<Future<?>> work = new ArrayList<>();
    try {
      for (String id : ids) {
        for (int i = 0; i < invitees; i += 3) {
          Principal accepting = orgs.get(i);
          Principal declining = orgs.get(i + 1);
          work.add(pool.submit(() -> {
            start.await();
            return cases.accept(accepting, id);
          }));
          work.add(pool.submit(() -> {
            start.await();
            try {
              return cases.reject(declining, id);
            } catch (IllegalTransitionException e) {
              // The sweep came first: the deadline already declined for it.
              assertThat(e.getMessage()).contains("lapsed at its RSVP deadline");
              refusedDeclines.incrementAndGet();
              return null;
            }
          }));
        }
      }
      for (int s = 0; s < 3; s++) {
        work.add(pool.submit(() -> {
          start.await();
          return accord.caseDeadlines().sweep();
        }));
      }
      start.countDown();
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    accord.caseDeadlines().sweep(); // whatever the order, the silent ones lapse by now

    int newEvents = 0;
    for (String id : ids) {
      Map<String, PecState> stored = consents(id);
      for (int i = 0; i < invitees; i++) {
        assertThat(stored.get("Org" + i)).as(id + " Org" + i).isEqualTo(i % 3 == 0 ? PecState.SIGNATORY : PecState.DECLINED);
      }
      assertThat(stored.get("Libra")).isEqualTo(PecState.SIGNATORY);
      // Replaying the history reaches the stored consents, each event changing what it names.
      Map<String, PecState> replay = new HashMap<>();
      orgs.forEach(o -> replay.put(o.organization().name(), PecState.INVITED));
      List<Map<String, Object>> events = cases.events(coordinator, id);
      for (Map<String, Object> e : events.subList(historyBefore.get(id), events.size())) {
        String org = String.valueOf(((Map<?, ?>) e.get("actor")).get("organization"));
        switch ((String) e.get("type")) {
          case "case.embargo_consented" -> {
            assertThat(replay.get(org)).as(e.toString()).isIn(PecState.INVITED, PecState.DECLINED);
            assertThat(data(e).containsKey("late")).isTrue();
            replay.put(org, PecState.SIGNATORY);
          }
          case "case.embargo_declined" -> {
            assertThat(replay.get(org)).as(e.toString()).isEqualTo(PecState.INVITED);
            replay.put(org, PecState.DECLINED);
          }
          case "case.rsvp_lapsed" -> {
            assertThat(org).isEqualTo("local");
            List<?> named = (List<?>) data(e).get("organizations");
            assertThat(named).isNotEmpty();
            for (Object n : named) {
              assertThat(replay.get(n)).as(e.toString()).isEqualTo(PecState.INVITED);
              replay.put((String) n, PecState.DECLINED);
            }
          }
          default -> throw new AssertionError("unexpected event " + e);
        }
        newEvents++;
      }
      Map<String, PecState> invitedOnly = new HashMap<>(stored);
      invitedOnly.remove("Libra");
      assertThat(replay).isEqualTo(invitedOnly);
    }
    // Every decline either changed the consent (its event) or was refused (nothing written).
    int declineEvents = 0;
    for (String id : ids) {
      declineEvents += (int) cases.events(coordinator, id).stream().filter(e -> e.get("type").equals("case.embargo_declined")).count();
    }
    assertThat(declineEvents + refusedDeclines.get()).isEqualTo(caseCount * invitees / 3);
    // Each event reached the log exactly once; a further sweep writes nothing.
    assertThat(accord.ledger().size() - logBefore).isEqualTo(newEvents);
    assertThat(accord.caseDeadlines().sweep()).isEmpty();
    assertThat(accord.ledger().size() - logBefore).isEqualTo(newEvents);
  }

  @Test
  void theBackgroundSweepRunsUntilClose() throws Exception {
    open("sqlite");
    String id = proposedCase();
    clock.advance(Duration.ofDays(7).plus(MS));
    CaseDeadlines deadlines = accord.caseDeadlines();
    long before = deadlines.sweeps();
    deadlines.start(Duration.ofMillis(20));
    assertThat(deadlines.isRunning()).isTrue();
    assertThat(deadlines.awaitSweeps(before + 2, Duration.ofSeconds(60))).isTrue();
    assertThat(consents(id)).containsEntry("Finder Lab", PecState.DECLINED).containsEntry("Acme", PecState.DECLINED);
    assertThat(accord.cases().events(coordinator, id).stream().filter(e -> e.get("type").equals("case.rsvp_lapsed"))).hasSize(1);
    deadlines.close();
    assertThat(deadlines.isRunning()).isFalse();
    deadlines.start(Duration.ofMillis(20)); // after close: nothing starts
    assertThat(deadlines.isRunning()).isFalse();
    assertThatThrownBy(() -> deadlines.start(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void thePeriodComesFromTheEnvironment() {
    assertThat(CaseDeadlines.period(Map.of())).contains(Duration.ofSeconds(60));
    assertThat(CaseDeadlines.period(Map.of("ACCORD_RSVP_SWEEP_SECONDS", "15"))).contains(Duration.ofSeconds(15));
    assertThat(CaseDeadlines.period(Map.of("ACCORD_RSVP_SWEEP_SECONDS", "0"))).isEqualTo(Optional.empty());
    for (String bad : List.of("-1", "soon", "86401", "1.5")) {
      assertThatThrownBy(() -> CaseDeadlines.period(Map.of("ACCORD_RSVP_SWEEP_SECONDS", bad))).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("ACCORD_RSVP_SWEEP_SECONDS").hasMessageContaining("'" + bad + "'");
    }
  }
}
