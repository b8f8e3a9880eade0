package org.accord.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.accord.InvalidInputException;
import org.accord.party.OrgKind;
import org.accord.party.Principal;
import org.accord.testing.InstanceOnEngine;
import org.accord.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The paged case list and the view cache (ADR 0111): pages, hidden cases, invalidation, concurrent writers. */
class CaseListAndViewsTest extends InstanceOnEngine {

  void open(String engine) {
    open(engine, Instant.parse("2026-12-03T09:00:00Z"));
  }

  /** Every id of the viewer's list, walked a page of {@code limit} at a time; checks each page's total. */
  static List<String> walk(Cases cases, Principal viewer, int limit, int expectedTotal) {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    do {
      ListPage<Cases.Summary> page = cases.list(viewer, limit, cursor);
      assertThat(page.total()).isEqualTo(expectedTotal);
      assertThat(page.items().size()).isLessThanOrEqualTo(limit);
      page.items().forEach(s -> ids.add(s.row().id().toString()));
      cursor = page.cursor();
    } while (cursor != null);
    return ids;
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void pagesListOnlyWhatTheViewerSeesAndCountNothingElse(String engine) {
    open(engine);
    Cases cases = accord.cases();
    Principal finder = member("Finder Lab", OrgKind.RESEARCHER);
    Principal libra = member("Libra", OrgKind.VENDOR);
    // a RED case is shared with named people (ADR 0112), so Libra takes part through a person
    Principal vendor = new Principal.OrgMember(libra.organization(),
        accord.parties().addMember(coordinator, "Libra", "lee@libra.example", org.accord.party.MemberRole.MEMBER), null);
    Principal outsider = member("Outsider", OrgKind.VENDOR);
    List<String> finders = new ArrayList<>();
    List<String> coordinatorSees = new ArrayList<>();
    String[] labels = {"TLP:AMBER", "TLP:RED", "TLP:AMBER+STRICT", "TLP:GREEN", "TLP:CLEAR"};
    for (int i = 0; i < 11; i++) {
      String tlp = labels[i % labels.length];
      String id = cases.create(finder, "case " + i, tlp, null).row().id().toString();
      finders.add(id);
      if (tlp.equals("TLP:AMBER") || tlp.equals("TLP:GREEN") || tlp.equals("TLP:CLEAR")) {
        coordinatorSees.add(id);
      }
    }
    cases.invite(finder, finders.get(1), "Libra", List.of("vendor"), "lee@libra.example");
    cases.invite(finder, finders.get(7), "Libra", List.of("vendor"), null);
    String vendorsOwn = cases.create(vendor, "vendor's own", "TLP:RED", null).row().id().toString();

    assertThat(walk(cases, finder, 3, 11)).containsExactlyElementsOf(finders);
    assertThat(walk(cases, finder, 500, 11)).containsExactlyElementsOf(finders);
    // Libra: the two it was invited to (one RED) and its own; no other case is listed or counted.
    assertThat(walk(cases, vendor, 2, 3)).containsExactly(finders.get(1), finders.get(7), vendorsOwn);
    assertThat(walk(cases, outsider, 5, 0)).isEmpty();
    assertThat(cases.list(outsider, 5, null).cursor()).isNull();
    // The coordinator: what the TLP lets it see, not RED or AMBER+STRICT cases it takes no part in.
    assertThat(walk(cases, coordinator, 4, coordinatorSees.size())).containsExactlyElementsOf(coordinatorSees);

    // The list is exactly what show lets each viewer see: nothing hidden is listed, nothing visible left out.
    List<String> every = new ArrayList<>(finders);
    every.add(vendorsOwn);
    for (Principal viewer : List.of(finder, vendor, outsider, coordinator)) {
      List<String> showable = every.stream().filter(id -> {
        try {
          cases.show(viewer, id);
          return true;
        } catch (org.accord.NotFoundException hidden) {
          return false;
        }
      }).toList();
      assertThat(walk(cases, viewer, 4, showable.size())).containsExactlyElementsOf(showable);
    }

    ListPage<Cases.Summary> first = cases.list(vendor, 1, null);
    Cases.Summary red = first.items().get(0);
    assertThat(red.participants()).isEqualTo(2);
    assertThat(red.roles()).extracting(r -> r.label()).containsExactly("vendor");
    assertThat(Cases.describe(red)).containsEntry("participant_count", 2).containsEntry("tlp", "TLP:RED")
        .containsEntry("embargo_end", null).containsKeys("id", "title", "em", "pxa", "roles", "updated");
    assertThat(cases.list(coordinator, 50, null).items().get(0).roles()).isEmpty();

    // A page is kept while no case changes; any write, to any case, or a new case, replaces it.
    ListPage<Cases.Summary> kept = cases.list(finder, 3, null);
    assertThat(cases.list(finder, 3, null)).isSameAs(kept);
    cases.invite(finder, finders.get(0), "Libra", List.of("vendor"), null);
    ListPage<Cases.Summary> invited = cases.list(finder, 3, null);
    assertThat(invited).isNotSameAs(kept);
    assertThat(invited.items().get(0).participants()).isEqualTo(2);
    cases.transition(vendor, vendorsOwn, "public_aware", null);
    assertThat(cases.list(finder, 3, null)).as("another viewer's case changed: kept pages are dropped").isNotSameAs(invited);
    cases.create(outsider, "outsider's", null, null);
    assertThat(cases.list(outsider, 5, null).total()).isEqualTo(1);
    assertThat(cases.list(finder, 3, null).total()).isEqualTo(11);

    // A cursor pages only the list and viewer it came from.
    assertThatThrownBy(() -> cases.list(finder, 3, first.cursor()))
        .isInstanceOf(InvalidInputException.class).hasFieldOrPropertyWithValue("location", "cursor");
    assertThatThrownBy(() -> cases.list(finder, 0, null))
        .isInstanceOf(InvalidInputException.class).hasFieldOrPropertyWithValue("location", "limit");
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void everyKindOfWriteAndAFirstViewReplaceTheKeptView(String engine) {
    open(engine);
    Cases cases = accord.cases();
    Principal finder = member("Finder Lab", OrgKind.RESEARCHER);
    Principal vendor = member("Libra", OrgKind.VENDOR);
    member("Gamma", OrgKind.VENDOR);
    String id = cases.create(finder, "LibraCore", null, null).row().id().toString();
    Cases.View before = cases.show(finder, id);
    assertThat(cases.show(finder, id)).as("an unchanged case is served from memory").isSameAs(before);

    List<Supplier<Cases.View>> writes = List.of(
        () -> cases.invite(finder, id, "Libra", List.of("vendor"), null),
        () -> cases.invite(finder, id, "Gamma", List.of("vendor"), null),
        () -> cases.propose(vendor, id, "30d", null),
        () -> cases.accept(finder, id),
        () -> cases.transition(vendor, id, "vendor_aware", "Libra"),
        () -> cases.acknowledge(vendor, id),
        () -> {
          cases.addVulnerability(finder, id, "CVE-2026-1", List.of("pkg:maven/org.libra/libracore [2.0,2.3.4)"), null, null);
          return null;
        },
        () -> {
          cases.setStatus(vendor, id, null, "pkg:maven/org.libra/libracore", "not_affected", "component_not_present", null, null);
          return null;
        },
        () -> cases.propose(finder, id, "40d", null),
        () -> cases.reject(finder, id),
        () -> cases.terminate(finder, id),
        () -> cases.transition(finder, id, "public_aware", null));
    for (Supplier<Cases.View> write : writes) {
      Cases.View kept = cases.show(finder, id);
      Cases.View written = write.get();
      Cases.View after = cases.show(finder, id);
      assertThat(after).isNotSameAs(kept);
      assertThat(after.row().revision()).isGreaterThan(kept.row().revision());
      if (written != null) {
        assertThat(Cases.describe(after)).isEqualTo(Cases.describe(written));
      }
    }

    // A first view records no event but changes the view: the reader after it sees the time.
    Cases.View kept = cases.show(finder, id);
    assertThat(kept.participants().get(2).viewed()).isEmpty();
    accord.parties().createOrganization(coordinator, "Late", OrgKind.VENDOR, null, null);
    Principal late = new Principal.OrgMember(accord.parties().actingFor(coordinator, "Late").organization(), null, null);
    cases.invite(finder, id, "Late", List.of("vendor"), null);
    assertThat(cases.show(finder, id).participants().get(3).viewed()).isEmpty();
    cases.show(late, id);
    Cases.View seen = cases.show(finder, id);
    assertThat(seen.participants().get(3).viewed()).isPresent();
    assertThat(Cases.describe(seen)).isEqualTo(Cases.describe(cases.show(vendor, id)));
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void readersNeverSeeAnOlderViewWhileWritersInvite(String engine) throws Exception {
    open(engine);
    Cases cases = accord.cases();
    Principal finder = member("Finder Lab", OrgKind.RESEARCHER);
    int invited = 24;
    for (int i = 0; i < invited; i++) {
      accord.parties().ensure("Vendor " + i, OrgKind.VENDOR);
    }
    String id = cases.create(finder, "busy", null, null).row().id().toString();
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(7);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < 3; w++) {
        int first = w;
        writers.add(pool.submit(() -> {
          for (int i = first; i < invited; i += 3) {
            cases.invite(finder, id, "Vendor " + i, List.of("vendor"), null);
          }
          return null;
        }));
      }
      List<Future<Integer>> readers = new ArrayList<>();
      for (int r = 0; r < 4; r++) {
        readers.add(pool.submit(() -> {
          int reads = 0;
          int seen = 0;
          long revision = -1;
          while (writing.get() || reads == 0) {
            Cases.View view = cases.show(finder, id);
            // Each invite is one event: a view has at least the participants its row's events attest,
            // and a reader never goes back.
            assertThat(view.participants().size()).isGreaterThanOrEqualTo((int) view.row().eventCount());
            assertThat(view.participants().size()).isGreaterThanOrEqualTo(seen);
            assertThat(view.row().revision()).isGreaterThanOrEqualTo(revision);
            seen = view.participants().size();
            revision = view.row().revision();
            reads++;
          }
          return reads;
        }));
      }
      for (Future<?> writer : writers) {
        writer.get();
      }
      writing.set(false);
      for (Future<Integer> reader : readers) {
        assertThat(reader.get()).isPositive();
      }
    } finally {
      pool.shutdownNow();
    }
    Cases.View last = cases.show(finder, id);
    assertThat(last.participants()).hasSize(invited + 1);
    assertThat(last.row().eventCount()).isEqualTo(invited + 1);
    assertThat(accord.ledger().outboxSize()).isZero();
    assertThat(Map.of("total", cases.list(finder, 10, null).total())).containsEntry("total", 1);
  }
}
