package org.accord.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.accord.ForbiddenException;
import org.accord.InvalidInputException;
import org.accord.NotFoundException;
import org.accord.disclosure.EmState;
import org.accord.disclosure.EmbargoManagement;
import org.accord.disclosure.IllegalTransitionException;
import org.accord.disclosure.PecState;
import org.accord.party.OrgKind;
import org.accord.party.Principal;
import org.accord.testing.InstanceOnEngine;
import org.accord.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Disclosure cases through {@link Cases}: visibility, the embargo, the case state, the log, concurrent writers. */
class CasesTest extends InstanceOnEngine {
  static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");

  void open(String engine) {
    open(engine, NOW);
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void createInviteAndOnlyParticipantsSeeTheCase(String engine) {
    open(engine);
    Cases cases = accord.cases();
    Principal finder = member("Finder Lab", OrgKind.RESEARCHER);
    Principal vendor = member("Libra", OrgKind.VENDOR);
    Principal outsider = member("Outsider", OrgKind.VENDOR);
    long logBefore = accord.ledger().size();

    Cases.View created = cases.create(finder, " LibraCore deserialization ", null, List.of("finder", "reporter"));
    String id = created.row().id().toString();
    assertThat(id).isEqualTo("ACC-2026-0001");
    assertThat(cases.create(finder, "second", "TLP:RED", null).row().id().toString()).isEqualTo("ACC-2026-0002");
    Map<String, Object> shown = Cases.describe(cases.show(finder, id));
    assertThat(shown).containsEntry("title", "LibraCore deserialization").containsEntry("tlp", "TLP:AMBER")
        .containsEntry("owner", "Finder Lab").containsEntry("em", "none");

    // Hidden answers exactly like missing.
    String hidden = messageOf(() -> cases.show(outsider, id));
    String missing = messageOf(() -> cases.show(outsider, "ACC-2026-0999"));
    assertThat(hidden).isEqualTo(missing.replace("ACC-2026-0999", id)).isEqualTo("no case " + id);
    assertThatThrownBy(() -> cases.invite(outsider, id, "Outsider", List.of("vendor"), null)).isInstanceOf(NotFoundException.class);
    assertThat(cases.list(outsider)).isEmpty();

    cases.invite(finder, id, "Libra", List.of("vendor"), null);
    assertThat(cases.list(vendor)).extracting(v -> v.row().id().toString()).containsExactly(id);
    assertThat(Cases.describe(cases.show(vendor, id)).get("participants").toString()).contains("vendor", "vfd");
    assertThatThrownBy(() -> cases.invite(vendor, id, "Outsider", List.of("vendor"), null)).isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> cases.invite(finder, id, "Libra", List.of("vendor"), null)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("already takes part");
    assertThatThrownBy(() -> cases.invite(finder, id, "Nobody", List.of("vendor"), null)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> cases.create(finder, " ", null, null)).isInstanceOf(InvalidInputException.class);
    // The coordinator sees the AMBER case but not the RED one it is not named on.
    assertThat(cases.list(coordinator)).extracting(v -> v.row().id().toString()).containsExactly(id);
    // 2 created + 1 invitation: one event each, in the log and in the case's history.
    assertThat(accord.ledger().size() - logBefore).isEqualTo(3);
    assertThat(cases.events(vendor, id)).extracting(e -> e.get("type")).containsExactly("case.created", "case.participant_invited");
    assertThatThrownBy(() -> cases.events(outsider, id)).isInstanceOf(NotFoundException.class).hasMessage("no case " + id);
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void shortestProposalWinsAndAPublicExploitEndsTheEmbargo(String engine) {
    open(engine);
    Cases cases = accord.cases();
    Principal vendor = member("Libra", OrgKind.VENDOR);
    Principal finder = member("Finder Lab", OrgKind.RESEARCHER);
    String id = cases.create(vendor, "LibraCore", null, List.of("vendor")).row().id().toString();
    // A researcher is hidden from vendors (ADR 0081), so the coordinator invites it.
    cases.invite(coordinator, id, "Finder Lab", List.of("finder"), null);

    assertThatThrownBy(() -> cases.propose(vendor, id, "120d", null)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("justification");
    assertThatThrownBy(() -> cases.propose(vendor, id, "400d", "long")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("more than one year");
    cases.propose(vendor, id, "90d", null);
    Cases.View countered = cases.propose(finder, id, "45d", null);
    assertThat(countered.row().em()).isEqualTo(EmState.PROPOSED);
    // Proposing is consenting (ADR 0123): each signed its own terms, and 90 days contain 45.
    assertThat(countered.participants()).allMatch(p -> p.consent() == PecState.SIGNATORY);
    Cases.View accepted = cases.accept(vendor, id);
    assertThat(accepted.row().em()).isEqualTo(EmState.ACTIVE);
    assertThat(accepted.row().terms().orElseThrow().end()).isEqualTo(NOW.plus(Duration.ofDays(45)));
    assertThat(Cases.describe(accepted).get("embargo").toString()).contains("proposed_by=Finder Lab");
    assertThat(accepted.participants()).allMatch(p -> p.consent() == PecState.SIGNATORY);
    assertThatThrownBy(() -> cases.accept(finder, id)).isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("already accepted");

    // Illegal: an embargo in force is not accepted again, nor a fix ready before the vendor is aware.
    assertThatThrownBy(() -> cases.accept(vendor, id)).isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("EM: cannot ACCEPT from ACTIVE");
    assertThatThrownBy(() -> cases.transition(vendor, id, "fix_ready", "Libra")).isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("F implies V");
    long logBefore = accord.ledger().size();
    cases.transition(vendor, id, "vendor_aware", "Libra");
    Cases.View attacked = cases.transition(finder, id, "A", null);
    assertThat(attacked.alert()).isTrue();
    assertThat(attacked.row().em()).isEqualTo(EmState.ACTIVE);
    clock.advance(Duration.ofDays(10));
    Cases.View exploited = cases.transition(finder, id, "exploit_public", null);
    assertThat(exploited.consequence()).isEqualTo(EmbargoManagement.Consequence.TERMINATE);
    assertThat(exploited.row().em()).isEqualTo(EmState.EXITED);
    assertThat(exploited.row().pxa().code()).isEqualTo("PXA");
    assertThat(exploited.participants()).allMatch(p -> p.consent() == PecState.NO_EMBARGO);
    assertThatThrownBy(() -> cases.propose(vendor, id, "30d", null)).isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> cases.terminate(vendor, id)).isInstanceOf(IllegalTransitionException.class);
    assertThat(accord.ledger().size() - logBefore).as("one event per accepted change and per alert, none for refusals").isEqualTo(5);
    assertThat(cases.events(finder, id)).extracting(e -> e.get("type")).containsExactly("case.created",
        "case.participant_invited", "case.embargo_proposed", "case.embargo_proposed", "case.embargo_accepted",
        "case.state_changed", "case.state_changed", "case.embargo_alert", "case.state_changed",
        "case.embargo_alert");
    // Both signatories are alerted: to end the embargo after A, that it ended after X.
    assertThat(cases.alerts(finder, id)).extracting(e -> (Object) ((Map<?, ?>) e.get("data")).get("kind")).containsExactly("recommend_ending", "ended");
    assertThat(cases.alerts(vendor, id)).allSatisfy(e -> assertThat(((Map<?, ?>) e.get("data")).get("recipients"))
        .isEqualTo(List.of("Finder Lab", "Libra")));
  }

  /**
   * Eight threads open cases and move them through proposals and case-state events while the ledger's
   * writer and checkpoint threads run: the ids of the year are unique and without gaps, and the log
   * holds exactly one event per change.
   */
  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void concurrentCasesGetGaplessIdsAndOneEventPerChange(String engine) throws Exception {
    open(engine);
    Cases cases = accord.cases();
    int threads = 8;
    int perThread = 4;
    List<Principal> members = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      members.add(member("Vendor" + t, OrgKind.VENDOR));
    }
    long logBefore = accord.ledger().size();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    Set<String> ids = ConcurrentHashMap.newKeySet();
    AtomicInteger changes = new AtomicInteger();
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Principal me = members.get(t);
      futures.add(pool.submit(() -> {
        for (int i = 0; i < perThread; i++) {
          String id = cases.create(me, "case " + i, null, List.of("vendor")).row().id().toString();
          ids.add(id);
          cases.propose(me, id, "30d", null);
          cases.accept(me, id);
          cases.transition(me, id, "vendor_aware", me.organization().name());
          cases.transition(me, id, "public_aware", null);
          changes.addAndGet(6); // five changes, and the alert that P ended the embargo the owner signed
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    List<String> expected = new ArrayList<>();
    for (int n = 1; n <= threads * perThread; n++) {
      expected.add(String.format("ACC-2026-%04d", n));
    }
    assertThat(ids).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(accord.ledger().size() - logBefore).as("one event per change").isEqualTo(changes.get());
    assertThat(cases.list(coordinator)).hasSize(threads * perThread)
        .allMatch(v -> v.row().em() == EmState.EXITED && v.row().eventCount() == 6);
  }

  private static String messageOf(Runnable call) {
    try {
      call.run();
    } catch (NotFoundException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected NotFoundException");
  }
}
