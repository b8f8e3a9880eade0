package org.accord.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.accord.disclosure.EmState;
import org.accord.disclosure.IllegalTransitionException;
import org.accord.disclosure.PecState;
import org.accord.disclosure.RevisionAnswer;
import org.accord.party.OrgKind;
import org.accord.party.Principal;
import org.accord.store.Cases.ParticipantRow;
import org.accord.testing.TestClock;
import org.accord.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Embargo consent through proposals and revisions (ADR 0123), in simulated time with the RSVP sweep:
 * a proposer is not pocket-vetoed out of its own terms, a revision keeps every signatory bound, a
 * rejected revision keeps them, an accepted one carries them over or lapses them by its terms, and
 * answers racing the owner's decision and the sweep give one outcome per participant.
 */
class CaseConsentTest {
  static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");
  static final Duration MS = Duration.ofMillis(1);
  @TempDir Path dir;
  Accord accord;
  TestClock clock;
  Principal coordinator;
  Principal libra;
  Principal finder;
  Principal acme;

  void open(String engine) {
    String url = engine.equals("postgresql") ? TestDatabases.freshPostgresUrl() : null;
    clock = new TestClock(NOW);
    accord = Accord.open(new Accord.Config(dir, url), clock);
    coordinator = new Principal.Coordinator(accord.parties().ensure("CERT", OrgKind.CERT), null, null);
    libra = member("Libra", OrgKind.VENDOR);
    finder = member("Finder Lab", OrgKind.RESEARCHER);
    acme = member("Acme", OrgKind.VENDOR);
  }

  @AfterEach
  void close() {
    if (accord != null) {
      accord.close();
    }
  }

  Principal member(String name, OrgKind kind) {
    accord.parties().createOrganization(coordinator, name, kind, null, null);
    return new Principal.OrgMember(accord.parties().actingFor(coordinator, name).organization(), null, null);
  }

  Map<String, PecState> consents(String id) {
    Map<String, PecState> out = new LinkedHashMap<>();
    accord.cases().show(coordinator, id).participants().forEach(p -> out.put(p.organizationName(), p.consent()));
    return out;
  }

  Map<String, RevisionAnswer> answers(String id) {
    Map<String, RevisionAnswer> out = new LinkedHashMap<>();
    accord.cases().show(coordinator, id).participants().forEach(p -> out.put(p.organizationName(), p.revision()));
    return out;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> data(Map<String, Object> event) {
    return (Map<String, Object>) event.get("data");
  }

  Map<String, Object> lastEvent(String id) {
    List<Map<String, Object>> events = accord.cases().events(coordinator, id);
    return events.get(events.size() - 1);
  }

  /** Libra's case with Finder Lab and Acme. */
  String newCase() {
    Cases cases = accord.cases();
    String id = cases.create(libra, "LibraCore", null, List.of("vendor")).row().id().toString();
    cases.invite(coordinator, id, "Finder Lab", List.of("finder"), null);
    cases.invite(coordinator, id, "Acme", List.of("vendor"), null);
    return id;
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void theFinderProposingTheShortestTermsIsStillTheirSignatoryAfterTheDeadlineAndTheSweep(String engine) {
    open(engine);
    Cases cases = accord.cases();
    String id = newCase();
    cases.propose(libra, id, "90d", null);
    assertThat(consents(id)).containsEntry("Libra", PecState.SIGNATORY).containsEntry("Finder Lab", PecState.INVITED);
    cases.propose(finder, id, "45d", null);
    assertThat(data(lastEvent(id))).containsEntry("consent", "signatory");
    // Libra's 90 days contain the finder's 45: nobody lapses on a counter-proposal.
    assertThat(consents(id)).containsEntry("Libra", PecState.SIGNATORY).containsEntry("Finder Lab", PecState.SIGNATORY)
        .containsEntry("Acme", PecState.INVITED);

    clock.advance(Duration.ofDays(8));
    assertThat(accord.caseDeadlines().sweep()).extracting(CaseDeadlines.Lapsed::organizations).containsExactly(List.of("Acme"));
    assertThat(consents(id)).containsEntry("Finder Lab", PecState.SIGNATORY).containsEntry("Acme", PecState.DECLINED);
    assertThat(consents(id).get("Finder Lab").bound()).isTrue();

    // A proposer of longer terms while shorter ones are open is invited to those like everyone else.
    cases.propose(acme, id, "60d", null);
    assertThat(data(lastEvent(id))).containsEntry("consent", "invited");
    assertThat(consents(id)).containsEntry("Acme", PecState.INVITED).containsEntry("Finder Lab", PecState.SIGNATORY);

    Cases.View active = cases.accept(libra, id);
    assertThat(active.row().em()).isEqualTo(EmState.ACTIVE);
    assertThat(active.row().terms().orElseThrow().end()).isEqualTo(NOW.plus(Duration.ofDays(45)));
    assertThat(consents(id)).containsEntry("Finder Lab", PecState.SIGNATORY).containsEntry("Libra", PecState.SIGNATORY)
        .containsEntry("Acme", PecState.INVITED);
    assertThatThrownBy(() -> cases.accept(finder, id)).isInstanceOf(IllegalTransitionException.class).hasMessageContaining("already accepted");
    // Later sweeps never take the finder out of its own terms.
    clock.advance(Duration.ofDays(10));
    accord.caseDeadlines().sweep();
    assertThat(consents(id)).containsEntry("Finder Lab", PecState.SIGNATORY).containsEntry("Acme", PecState.DECLINED);
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void aRevisionKeepsSignatoriesBoundARejectKeepsThemAndAnAcceptAppliesItsTerms(String engine) {
    open(engine);
    Cases cases = accord.cases();
    String id = newCase();
    Principal delta = member("Delta", OrgKind.VENDOR);
    cases.invite(coordinator, id, "Delta", List.of("vendor"), null);
    cases.propose(libra, id, "45d", null);
    cases.accept(libra, id);
    cases.accept(finder, id);
    cases.accept(acme, id);
    cases.accept(delta, id);
    assertThat(consents(id).values()).containsOnly(PecState.SIGNATORY);
    Instant inForce = NOW.plus(Duration.ofDays(45));

    // 1. A longer revision: everyone stays bound by the 45 days and is asked; its proposer accepted it.
    cases.propose(acme, id, "60d", null);
    assertThat(consents(id).values()).containsOnly(PecState.SIGNATORY);
    assertThat(answers(id)).containsEntry("Acme", RevisionAnswer.ACCEPTED).containsEntry("Finder Lab", RevisionAnswer.ASKED)
        .containsEntry("Libra", RevisionAnswer.ASKED).containsEntry("Delta", RevisionAnswer.ASKED);
    assertThat(data(lastEvent(id))).containsEntry("consent", "signatory").containsEntry("revision", "accepted");
    // Past the revision's deadline, the sweep lapses nobody: a signatory is not waiting to be bound.
    clock.advance(Duration.ofDays(8));
    assertThat(accord.caseDeadlines().sweep()).isEmpty();
    assertThat(consents(id).values()).containsOnly(PecState.SIGNATORY);
    cases.reject(finder, id); // refuses the revision, not the embargo in force
    assertThat(data(lastEvent(id))).containsEntry("consent", "signatory").containsEntry("revision", "declined");
    assertThat(lastEvent(id)).containsEntry("type", "case.embargo_declined");
    assertThat(consents(id)).containsEntry("Finder Lab", PecState.SIGNATORY);
    // The owner rejects it: the 45 days stay, and so does every signatory.
    Cases.View rejected = cases.reject(libra, id);
    assertThat(rejected.row().em()).isEqualTo(EmState.ACTIVE);
    assertThat(rejected.row().terms().orElseThrow().end()).isEqualTo(inForce);
    assertThat(consents(id).values()).containsOnly(PecState.SIGNATORY);
    assertThat(answers(id).values()).containsOnly(RevisionAnswer.NONE);
    assertThat(Cases.describe(rejected).get("participants").toString()).contains("revision=null").doesNotContain("revision=asked");
    clock.advance(Duration.ofDays(8));
    assertThat(accord.caseDeadlines().sweep()).isEmpty();

    // 2. The longer revision again; the finder accepts it, Delta stays silent; the owner accepts it:
    // Delta, which did not accept the longer terms, lapses (EP-05-001, MSM-07-005).
    Instant proposed = clock.instant();
    cases.propose(acme, id, "60d", null);
    cases.accept(finder, id);
    assertThat(answers(id)).containsEntry("Finder Lab", RevisionAnswer.ACCEPTED);
    assertThatThrownBy(() -> cases.accept(finder, id)).isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("already accepted the open revision");
    Cases.View accepted = cases.accept(libra, id);
    assertThat(accepted.row().em()).isEqualTo(EmState.ACTIVE);
    assertThat(accepted.row().terms().orElseThrow().end()).isEqualTo(proposed.plus(Duration.ofDays(60)));
    assertThat(consents(id)).containsEntry("Libra", PecState.SIGNATORY).containsEntry("Finder Lab", PecState.SIGNATORY)
        .containsEntry("Acme", PecState.SIGNATORY).containsEntry("Delta", PecState.LAPSED);
    assertThat(data(lastEvent(id)).get("lapsed")).isEqualTo(List.of("Delta"));
    assertThat(answers(id).values()).containsOnly(RevisionAnswer.NONE);
    // Delta may still sign the terms now in force.
    cases.accept(delta, id);
    assertThat(consents(id)).containsEntry("Delta", PecState.SIGNATORY);

    // 3. A shorter revision carries every signatory over, answered or not.
    cases.propose(finder, id, "50d", null);
    Cases.View shorter = cases.accept(libra, id);
    assertThat(shorter.row().terms().orElseThrow().end()).isEqualTo(clock.instant().plus(Duration.ofDays(50)));
    assertThat(consents(id).values()).containsOnly(PecState.SIGNATORY);
    assertThat(data(lastEvent(id))).doesNotContainKey("lapsed");
  }

  /**
   * On four cases under an embargo with a longer revision open past its deadline, participants answer
   * while the owner accepts the revision on two and rejects it on two and three sweeps run, with the
   * ledger's threads running: whatever the order, each participant ends in one state, no signatory of
   * a rejected revision is ever unbound, every event is a change, and each is in the log once.
   */
  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void answersRacingTheOwnersDecisionAndTheSweepGiveOneOutcomePerParticipant(String engine) throws Exception {
    open(engine);
    Cases cases = accord.cases();
    int caseCount = 4;
    int orgCount = 6;
    List<Principal> orgs = new ArrayList<>();
    for (int i = 0; i < orgCount; i++) {
      orgs.add(member("Org" + i, OrgKind.VENDOR));
    }
    List<String> ids = new ArrayList<>();
    for (int c = 0; c < caseCount; c++) {
      String id = cases.create(libra, "Race " + c, null, List.of("vendor")).row().id().toString();
      cases.invite(coordinator, id, "Finder Lab", List.of("finder"), null);
      for (int i = 0; i < orgCount; i++) {
        cases.invite(libra, id, "Org" + i, List.of("vendor"), null);
      }
      cases.propose(libra, id, "45d", null);
      cases.accept(libra, id);
      cases.accept(finder, id);
      for (Principal o : orgs) {
        cases.accept(o, id);
      }
      cases.propose(finder, id, "60d", null);
      ids.add(id);
    }
    long logBefore = accord.ledger().size();
    Map<String, Integer> historyBefore = new LinkedHashMap<>();
    ids.forEach(id -> historyBefore.put(id, cases.events(coordinator, id).size()));
    clock.advance(Duration.ofDays(7).plus(MS)); // the revision's deadline has passed

    // Org i accepts when i % 3 == 0, declines (only where the owner accepts) when i % 3 == 1, else is silent.
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    AtomicInteger refused = new AtomicInteger();
    List<Future<?>> work = new ArrayList<>();
    try {
      for (int c = 0; c < caseCount; c++) {
        String id = ids.get(c);
        boolean ownerAccepts = c < 2;
        work.add(pool.submit(() -> {
          start.await();
          return ownerAccepts ? cases.accept(libra, id) : cases.reject(libra, id);
        }));
        for (int i = 0; i < orgCount; i++) {
          Principal org = orgs.get(i);
          boolean accepts = i % 3 == 0;
          if (!accepts && !(i % 3 == 1 && ownerAccepts)) {
            continue;
          }
          work.add(pool.submit(() -> {
            start.await();
            try {
              return accepts ? cases.accept(org, id) : cases.reject(org, id);
            } catch (IllegalTransitionException e) {
              // Already answered in effect: a signatory once the revision is decided, or declined by its deadline.
              assertThat(e.getMessage()).containsAnyOf("already accepted", "lapsed at its RSVP deadline");
              refused.incrementAndGet();
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
    accord.caseDeadlines().sweep(); // whatever the order, lapsed signatories of accepted revisions decline by now

    int newEvents = 0;
    for (int c = 0; c < caseCount; c++) {
      String id = ids.get(c);
      boolean ownerAccepted = c < 2;
      Cases.View view = cases.show(coordinator, id);
      assertThat(view.row().em()).isEqualTo(EmState.ACTIVE);
      assertThat(view.row().terms().orElseThrow().end()).isEqualTo(NOW.plus(Duration.ofDays(ownerAccepted ? 60 : 45)));
      Map<String, PecState> stored = consents(id);
      assertThat(stored).containsEntry("Libra", PecState.SIGNATORY).containsEntry("Finder Lab", PecState.SIGNATORY);
      for (int i = 0; i < orgCount; i++) {
        PecState expected = !ownerAccepted || i % 3 == 0 ? PecState.SIGNATORY : PecState.DECLINED;
        assertThat(stored.get("Org" + i)).as(id + " Org" + i).isEqualTo(expected);
      }
      assertThat(view.participants()).extracting(ParticipantRow::revision).containsOnly(RevisionAnswer.NONE);
      List<Map<String, Object>> events = cases.events(coordinator, id);
      for (Map<String, Object> e : events.subList(historyBefore.get(id), events.size())) {
        String type = (String) e.get("type");
        assertThat(type).isIn("case.embargo_accepted", "case.embargo_rejected", "case.embargo_consented", "case.embargo_declined",
            "case.rsvp_lapsed");
        if (!ownerAccepted) {
          assertThat(type).as("a rejected revision lapses no signatory").isNotEqualTo("case.rsvp_lapsed");
          assertThat(data(e).get("consent")).as(e.toString()).isIn(null, "signatory");
        }
        newEvents++;
      }
    }
    assertThat(refused.get()).isLessThanOrEqualTo(caseCount * 4);
    // Each event reached the log exactly once; a further sweep writes nothing.
    assertThat(accord.ledger().size() - logBefore).isEqualTo(newEvents);
    assertThat(accord.caseDeadlines().sweep()).isEmpty();
    assertThat(accord.ledger().size() - logBefore).isEqualTo(newEvents);
  }
}
