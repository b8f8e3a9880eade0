package org.accord.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.accord.ForbiddenException;
import org.accord.NotFoundException;
import org.accord.disclosure.CaseId;
import org.accord.disclosure.CaseRevealVerifier;
import org.accord.disclosure.EmState;
import org.accord.disclosure.IllegalTransitionException;
import org.accord.disclosure.RevealBundle;
import org.accord.ledger.LedgerEvent;
import org.accord.party.OrgKind;
import org.accord.party.Principal;
import org.accord.testing.InstanceOnEngine;
import org.accord.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Publishing a case and its reveal bundle through {@link CasePublication}, with other cases written meanwhile. */
class CasePublicationTest extends InstanceOnEngine {
  static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");

  void open(String engine) {
    open(engine, NOW);
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void publishedHistoryVerifiesWhileOtherCasesAreWritten(String engine) throws Exception {
    open(engine);
    Cases cases = accord.cases();
    CasePublication publication = accord.publication();
    Principal vendor = member("Libra", OrgKind.VENDOR);
    Principal finder = member("Finder Lab", OrgKind.RESEARCHER);
    Principal outsider = member("Outsider", OrgKind.VENDOR);
    String id = cases.create(vendor, "LibraCore", null, List.of("vendor")).row().id().toString();
    cases.invite(coordinator, id, "Finder Lab", List.of("finder"), null);
    cases.addVulnerability(vendor, id, "CVE-2026-1111", List.of("pkg:maven/org.libra/libracore [2.0,2.3.4)"), null, null);
    cases.addVulnerability(vendor, id, "SECRET-RED-ALIAS", List.of("pkg:maven/org.libra/libratools [1.0,1.2)"), null, "TLP:RED");
    cases.propose(vendor, id, "45d", null);
    cases.accept(vendor, id);
    assertThat(cases.show(vendor, id).row().em()).isEqualTo(EmState.ACTIVE);

    // Before publication the bundle answers exactly like a missing case; only the owner or coordinator publishes.
    assertThatThrownBy(() -> publication.reveal(id)).isInstanceOf(NotFoundException.class).hasMessage("no case " + id);
    assertThatThrownBy(() -> publication.reveal("ACC-2026-0999")).isInstanceOf(NotFoundException.class).hasMessage("no case ACC-2026-0999");
    assertThatThrownBy(() -> publication.publish(outsider, id)).isInstanceOf(NotFoundException.class).hasMessage("no case " + id);
    assertThatThrownBy(() -> publication.publish(finder, id)).isInstanceOf(ForbiddenException.class);

    // Writers on other cases keep the log busy while the case is published, twice at once.
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(5);
    List<Future<Integer>> writers = new ArrayList<>();
    for (int w = 0; w < 3; w++) {
      int n = w;
      writers.add(pool.submit(() -> {
        int written = 0;
        while (!stop.get() || written < 3) {
          String other = cases.create(vendor, "other " + n + "." + written, null, null).row().id().toString();
          cases.propose(vendor, other, "30d", null);
          written++;
        }
        return written;
      }));
    }
    Thread.sleep(50);
    List<Future<Object>> publishers = new ArrayList<>();
    for (int p = 0; p < 2; p++) {
      publishers.add(pool.submit((Callable<Object>) () -> {
        try {
          return publication.publish(vendor, id);
        } catch (IllegalTransitionException e) {
          return e;
        }
      }));
    }
    List<Object> outcomes = new ArrayList<>();
    for (Future<Object> f : publishers) {
      outcomes.add(f.get());
    }
    stop.set(true);
    int written = 0;
    for (Future<Integer> f : writers) {
      written += f.get();
    }
    pool.shutdown();
    assertThat(written).isGreaterThanOrEqualTo(9);
    assertThat(outcomes).filteredOn(o -> o instanceof Map).hasSize(1);
    assertThat(outcomes).filteredOn(o -> o instanceof IllegalTransitionException).singleElement()
        .satisfies(e -> assertThat(((Exception) e).getMessage()).contains("was published"));
    @SuppressWarnings("unchecked")
    Map<String, Object> published = (Map<String, Object>) outcomes.stream().filter(o -> o instanceof Map).findFirst().orElseThrow();

    // Publication set P, which ended the embargo; the history shows the P change, the alert to the
    // signatories that the embargo ended (ADR 0114), then case.published.
    Cases.View after = cases.show(vendor, id);
    assertThat(after.row().pxa().publicAware()).isTrue();
    assertThat(after.row().em()).isEqualTo(EmState.EXITED);
    List<Object> types = cases.events(vendor, id).stream().map(e -> e.get("type")).toList();
    assertThat(types).endsWith("case.state_changed", "case.embargo_alert", "case.published");
    assertThat(published.get("events")).isEqualTo(types.size() - 1);

    // The bundle verifies offline with the key alone; the RED item is withheld, its alias nowhere in it.
    cases.transition(vendor, id, "exploit_public", null); // a later event is not part of the published chain
    RevealBundle bundle = RevealBundle.parse(publication.reveal(id).toJson());
    CaseRevealVerifier.Result result = CaseRevealVerifier.verify(bundle, CaseId.parse(id), accord.ledger().verifierKey(), Optional.empty());
    assertThat(result.events()).isEqualTo(types.size() - 1);
    assertThat(result.publishedIndex()).isEqualTo(((Number) published.get("index")).longValue());
    assertThat(result.checkpoint().size()).isEqualTo(((Number) published.get("checkpoint")).longValue()).isLessThanOrEqualTo(result.publishedIndex());
    // The RED item, and the invitation naming the researcher, which asked for no credit (ADR 0115).
    assertThat(result.withheld()).hasSize(2);
    assertThat(result.reasons()).containsEntry(org.accord.disclosure.RevealPolicy.Reason.ITEM_TLP, 1)
        .containsEntry(org.accord.disclosure.RevealPolicy.Reason.UNNAMED_PARTY, 1);
    assertThat(bundle.toJson()).doesNotContain("Finder Lab");
    assertThat(bundle.toJson()).doesNotContain("SECRET-RED-ALIAS");
    List<String> revealed = new ArrayList<>();
    for (RevealBundle.Event e : bundle.events()) {
      if (e.reveal().isPresent()) {
        revealed.add(LedgerEvent.decode(e.reveal().get().event()).event().type());
      }
    }
    assertThat(revealed).contains("case.created", "case.embargo_accepted", "case.vulnerability_added").doesNotContain("case.published");
    // The public entry names the organization, never a person, and is not a commitment.
    assertThat(bundle.published()).contains("\"organization\":\"Libra\"");

    // After publication anyone reads the bundle; publishing again is refused.
    assertThatThrownBy(() -> publication.publish(coordinator, id)).isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("was published");
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void anOrganizationThePublicLogDoesNotNameAsksTheCoordinator(String engine) throws Exception {
    open(engine);
    Principal finder = member("Finder Lab", OrgKind.RESEARCHER);
    String id = accord.cases().create(finder, "found it", "TLP:RED", null).row().id().toString();
    assertThatThrownBy(() -> accord.publication().publish(finder, id)).isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("the coordinator publishes");
    assertThatThrownBy(() -> accord.publication().reveal(id)).isInstanceOf(NotFoundException.class);
    // Nothing was written by the refusal.
    assertThat(accord.cases().events(finder, id)).hasSize(1);
  }
}
