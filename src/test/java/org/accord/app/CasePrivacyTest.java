package org.accord.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.accord.ForbiddenException;
import org.accord.InvalidInputException;
import org.accord.NotFoundException;
import org.accord.disclosure.CaseId;
import org.accord.disclosure.CaseRevealVerifier;
import org.accord.disclosure.IllegalTransitionException;
import org.accord.disclosure.RevealBundle;
import org.accord.disclosure.RevealPolicy.Reason;
import org.accord.ledger.LedgerEvent;
import org.accord.party.OrgKind;
import org.accord.party.Principal;
import org.accord.testing.InstanceOnEngine;
import org.accord.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a published case reveals of its parties (ADR 0115): no person, no operator or researcher that did
 * not agree to be named, the vendor's events in full, and a chain that still verifies.
 */
class CasePrivacyTest extends InstanceOnEngine {
  static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");
  static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

  void open(String engine) {
    open(engine, NOW);
  }

  /** A report from {@code finder} with this credit line, accepted by the coordinator: the case it opened. */
  String reported(Principal finder, String credit) {
    String body = "# LibraCore frame overflow\nA crafted frame overflows the buffer.\n## Affected\n"
        + "- pkg:maven/org.libra/libracore [2.0,2.3.4)\n## Credit\n" + credit + "\n";
    String report = accord.reports().submit(finder, body.getBytes(StandardCharsets.UTF_8)).row().id();
    accord.reports().transition(coordinator, report, "validate", null);
    return accord.reports().transition(coordinator, report, "accept", null).row().caseId().orElseThrow();
  }

  /** The vendor and the operator join, talk, set statuses; the vendor's fix is ready. */
  void coordinate(String id, Principal vendor, Principal operator) {
    Cases cases = accord.cases();
    cases.invite(coordinator, id, vendor.organization().name(), List.of("vendor"), null);
    cases.invite(coordinator, id, operator.organization().name(), List.of("deployer"), null);
    cases.propose(vendor, id, "45d", null);
    cases.accept(coordinator, id);
    cases.accept(operator, id);
    cases.setStatus(vendor, id, null, "pkg:generic/libra-gateway", "affected", null, null, null);
    cases.setStatus(operator, id, null, "pkg:generic/grid-scada", "under_investigation", null, null, null);
    cases.acknowledge(operator, id);
    cases.transition(vendor, id, "vendor_aware", vendor.organization().name());
    cases.transition(vendor, id, "fix_ready", vendor.organization().name());
  }

  /** A case event as written before ADR 0115: its actor names the person, in the log and the history. */
  void writtenBefore(Principal actor, String id) {
    EventOutbox old = new EventOutbox(accord.database(), accord::ledger);
    accord.cases().locked(() -> old.inTransaction((handle, events) -> {
      long pk = org.accord.store.Cases.byId(handle, CaseId.parse(id)).orElseThrow().pk();
      Map<String, Object> data = new LinkedHashMap<>(Map.of("case", id, "organization", actor.organization().name()));
      org.accord.store.Cases.addEvent(handle, pk, "case.acknowledged", NOW.toEpochMilli(), actor.organization().name(),
          actor.member().email(), data);
      events.stage(actor, "case.acknowledged", "case:" + id, NOW.toEpochMilli(), data, true);
      return null;
    }));
  }

  /** The bundle's JSON and the text of every revealed event, checked offline with the key. */
  record Revealed(RevealBundle bundle, CaseRevealVerifier.Result result, List<LedgerEvent> events, String text) {}

  Revealed reveal(String id) throws Exception {
    String json = accord.publication().reveal(id).toJson();
    RevealBundle bundle = RevealBundle.parse(json);
    CaseRevealVerifier.Result result = CaseRevealVerifier.verify(bundle, CaseId.parse(id), accord.ledger().verifierKey(), Optional.empty());
    List<LedgerEvent> events = new ArrayList<>();
    StringBuilder text = new StringBuilder(json);
    for (RevealBundle.Event e : bundle.events()) {
      if (e.reveal().isPresent()) {
        byte[] bytes = e.reveal().get().event();
        events.add(LedgerEvent.decode(bytes).event());
        text.append('\n').append(new String(bytes, StandardCharsets.UTF_8));
      }
    }
    return new Revealed(bundle, result, events, text.toString());
  }

  static List<String> revealedOf(Revealed revealed, String organization) {
    return revealed.events().stream()
        .filter(e -> organization.equals(((Map<?, ?>) e.data().get("actor")).get("organization")) || organization.equals(e.data().get("organization")))
        .map(LedgerEvent::type).toList();
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void theBundleNamesNoPersonNoOperatorAndNoUncreditedResearcher(String engine) throws Exception {
    open(engine);
    Principal vendor = person("Libra", OrgKind.VENDOR, "alice@libra.example");
    Principal operator = person("Grid Power", OrgKind.OPERATOR, "ops@grid.example");
    Principal finder = person("Finder Lab", OrgKind.RESEARCHER, "eve@finder.example");
    String id = reported(finder, "none");
    coordinate(id, vendor, operator);
    writtenBefore(vendor, id);
    accord.publication().publish(coordinator, id);

    Revealed revealed = reveal(id);
    // Nowhere in the bundle, its base64 or the revealed events' bytes: the operator, the researcher, any address.
    assertThat(revealed.text()).doesNotContainIgnoringCase("Grid Power").doesNotContainIgnoringCase("Finder Lab")
        .doesNotContain("alice@libra.example", "ops@grid.example", "eve@finder.example");
    assertThat(EMAIL.matcher(revealed.text()).find()).as("an e-mail address in the bundle").isFalse();
    // The vendor's part is revealed, naming the organization only; the coordinator's invitation of it too.
    assertThat(revealedOf(revealed, "Libra")).contains("case.participant_invited", "case.embargo_proposed", "case.status_set",
        "case.state_changed");
    assertThat(revealed.events()).allSatisfy(e -> assertThat(List.copyOf(((Map<?, ?>) e.data().get("actor")).keySet())).isEqualTo(List.of("organization")));
    assertThat(revealed.events()).extracting(LedgerEvent::type).contains("case.created", "case.embargo_accepted");
    // The chain verifies through the withheld events; the auditor learns how many were withheld and why, not who.
    assertThat(revealed.result().events()).isEqualTo(revealed.bundle().events().size());
    assertThat(revealed.result().reasons()).containsEntry(Reason.PERSON, 1).containsEntry(Reason.ITEM_TLP, 0)
        // Finder Lab's invitation; Grid Power's invitation, consent, status and acknowledgement, and the alert to
        // Grid Power, the one signatory, when publication ended the embargo
        .containsEntry(Reason.UNNAMED_PARTY, 6);
    assertThat(revealed.result().withheld()).hasSize(7);
    // The participants' own history still says who acted.
    assertThat(accord.cases().events(vendor, id)).anySatisfy(e ->
        assertThat(((Map<?, ?>) e.get("actor")).get("member")).isEqualTo("alice@libra.example"));
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void aPartyThatChoosesPublicCreditIsRevealed(String engine) throws Exception {
    open(engine);
    Principal vendor = person("Libra", OrgKind.VENDOR, "alice@libra.example");
    Principal operator = person("Grid Power", OrgKind.OPERATOR, "ops@grid.example");
    Principal finder = person("Finder Lab", OrgKind.RESEARCHER, "eve@finder.example");
    Principal second = person("Second Lab", OrgKind.RESEARCHER, "sam@second.example");
    Principal outsider = person("Outsider", OrgKind.VENDOR, "olga@outsider.example");
    CasePublication publication = accord.publication();
    // Finder Lab asked for named credit in its report; Second Lab says so in the case.
    String id = reported(finder, "named: Eve of Finder Lab");
    coordinate(id, vendor, operator);
    accord.cases().invite(coordinator, id, "Second Lab", List.of("finder"), null);
    assertThat(publication.credit(second, id, "public")).containsEntry("organization", "Second Lab").containsEntry("credit", "public");
    // The operator changes its mind: the last choice before publication counts.
    publication.credit(operator, id, "public");
    publication.credit(operator, id, "anonymous");

    // Its own choice only: the coordinator sees a vendor's case it takes no part in, an outsider does not see the case,
    // a bad value names the field.
    String vendors = accord.cases().create(vendor, "the vendor's own", null, null).row().id().toString();
    assertThatThrownBy(() -> publication.credit(coordinator, vendors, "public")).isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("only a participant chooses its own credit");
    assertThatThrownBy(() -> publication.credit(outsider, id, "public")).isInstanceOf(NotFoundException.class).hasMessage("no case " + id);
    assertThatThrownBy(() -> publication.credit(second, id, "named")).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).location()).isEqualTo("credit"));
    publication.publish(coordinator, id);
    int published = accord.cases().events(coordinator, id).size();
    assertThatThrownBy(() -> publication.credit(operator, id, "public")).isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("was published");
    assertThat(accord.cases().events(coordinator, id)).hasSize(published); // the refused choice wrote nothing

    Revealed revealed = reveal(id);
    assertThat(revealedOf(revealed, "Finder Lab")).contains("case.participant_invited");
    assertThat(revealedOf(revealed, "Second Lab")).contains("case.participant_invited", "case.credit_set");
    assertThat(revealed.text()).doesNotContainIgnoringCase("Grid Power");
    assertThat(EMAIL.matcher(revealed.text()).find()).isFalse();
    // Grid Power's invitation, consent, status, acknowledgement, both its choices and the alert addressed to it.
    assertThat(revealed.result().reasons()).containsEntry(Reason.UNNAMED_PARTY, 7).containsEntry(Reason.PERSON, 0);
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void aChoiceRacingThePublicationCountsExactlyWhenItCameFirst(String engine) throws Exception {
    open(engine);
    Principal vendor = person("Libra", OrgKind.VENDOR, "alice@libra.example");
    Principal operator = person("Grid Power", OrgKind.OPERATOR, "ops@grid.example");
    Principal finder = person("Finder Lab", OrgKind.RESEARCHER, "eve@finder.example");
    Cases cases = accord.cases();
    for (int round = 0; round < 3; round++) {
      String id = reported(finder, "anonymous");
      coordinate(id, vendor, operator);
      // Other cases are written, invited to and credited while the log runs; the operator chooses public credit as
      // the coordinator publishes.
      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<Integer>> writers = new ArrayList<>();
      for (int w = 0; w < 2; w++) {
        int n = w;
        writers.add(pool.submit(() -> {
          int written = 0;
          while (!stop.get() || written < 2) {
            String other = cases.create(vendor, "other " + n + "." + written, null, null).row().id().toString();
            cases.invite(coordinator, other, "Grid Power", List.of("deployer"), null);
            accord.publication().credit(operator, other, written % 2 == 0 ? "public" : "anonymous");
            written++;
          }
          return written;
        }));
      }
      Future<Object> choice = pool.submit(() -> {
        try {
          return accord.publication().credit(operator, id, "public");
        } catch (IllegalTransitionException e) {
          return e;
        }
      });
      Future<Map<String, Object>> published = pool.submit(() -> accord.publication().publish(coordinator, id));
      Object chosen = choice.get();
      published.get();
      stop.set(true);
      for (Future<Integer> f : writers) {
        assertThat(f.get()).isGreaterThanOrEqualTo(2);
      }
      pool.shutdown();

      Revealed revealed = reveal(id);
      List<Object> types = cases.events(coordinator, id).stream().map(e -> e.get("type")).toList();
      if (chosen instanceof IllegalTransitionException) {
        // After the publication: nothing written, the operator stays unnamed.
        assertThat(types).doesNotContain("case.credit_set");
        assertThat(revealed.text()).doesNotContain("Grid Power");
      } else {
        // Before it: the choice is in the published chain and the operator's events are revealed.
        assertThat(types.indexOf("case.credit_set")).isLessThan(types.indexOf(RevealBundle.PUBLISHED));
        assertThat(revealedOf(revealed, "Grid Power")).contains("case.credit_set", "case.status_set", "case.acknowledged");
      }
      assertThat(revealed.text()).doesNotContain("Finder Lab");
      assertThat(EMAIL.matcher(revealed.text()).find()).isFalse();
    }
  }
}
