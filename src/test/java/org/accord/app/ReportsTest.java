package org.accord.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
import org.accord.disclosure.IllegalTransitionException;
import org.accord.disclosure.RmState;
import org.accord.party.OrgKind;
import org.accord.party.Principal;
import org.accord.testing.TestClock;
import org.accord.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Report intake through {@link Reports}: submit, visibility, RM transitions, accept and duplicate, concurrent writers. */
class ReportsTest {
  static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");
  static final String MARKDOWN = "# Heap overflow in LibraCore\nA crafted frame overflows the buffer.\n## Affected\n"
      + "- pkg:maven/org.libra/libracore [2.0,2.3.4)\n";
  @TempDir Path dir;
  Accord accord;
  Principal coordinator;
  TestClock clock;

  void open(String engine) {
    String url = engine.equals("postgresql") ? TestDatabases.freshPostgresUrl() : null;
    clock = new TestClock(NOW);
    accord = Accord.open(new Accord.Config(dir, url), clock);
    coordinator = accord.parties().localCoordinator();
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

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void submitAcceptDuplicateAndHiddenLooksMissing(String engine) {
    open(engine);
    Reports reports = accord.reports();
    Principal finder = member("Finder Lab", OrgKind.RESEARCHER);
    Principal outsider = member("Outsider", OrgKind.VENDOR);
    long logBefore = accord.ledger().size();

    Reports.View received = reports.submit(finder, bytes(MARKDOWN));
    String id = received.row().id();
    assertThat(id).matches("RPT-[0-9a-f]{24}");
    assertThat(received.state()).isEqualTo(RmState.RECEIVED);
    assertThat(accord.ledger().size() - logBefore).as("one report.received event").isEqualTo(1);
    Map<String, Object> shown = Reports.describe(reports.show(finder, id));
    assertThat(shown).containsEntry("state", "received").containsEntry("reporter", "Finder Lab");

    // Bad bodies name line and field and store nothing.
    assertThatThrownBy(() -> reports.submit(finder, bytes(MARKDOWN.replace("[2.0,2.3.4)", "[2.0,2.3.4"))))
        .isInstanceOf(InvalidInputException.class).satisfies(e -> assertThat(((InvalidInputException) e).location()).contains("line", "affected"));
    assertThatThrownBy(() -> reports.submit(finder, bytes("{\"title\": \"t\"}"))).isInstanceOf(InvalidInputException.class);
    assertThat(reports.list(coordinator)).hasSize(1);

    // Hidden answers exactly like missing; only the coordinator moves a report.
    String missing = "RPT-000000000000000000000000";
    String hidden = messageOf(() -> reports.show(outsider, id));
    assertThat(hidden.replace(id, missing)).isEqualTo(messageOf(() -> reports.show(outsider, missing)));
    assertThat(reports.list(outsider)).isEmpty();
    assertThatThrownBy(() -> reports.transition(finder, id, "validate", null)).isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> reports.transition(coordinator, id, "accept", null)).isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("RMB-09-001");
    assertThatThrownBy(() -> reports.transition(coordinator, id, "frobnicate", null)).isInstanceOf(InvalidInputException.class);

    // Accepting a valid report opens a case with the reporter in it, and links it.
    reports.transition(coordinator, id, "validate", null);
    Reports.View accepted = reports.transition(coordinator, id, "accept", null);
    assertThat(accepted.state()).isEqualTo(RmState.ACCEPTED);
    String caseId = accepted.row().caseId().orElseThrow();
    Cases.View opened = accord.cases().show(finder, caseId);
    assertThat(opened.row().title()).isEqualTo("Heap overflow in LibraCore");
    assertThat(opened.row().tlp().label()).isEqualTo("TLP:AMBER");
    assertThat(opened.participants()).extracting(p -> p.organizationName()).contains("Finder Lab");

    // A second report attached as a duplicate: valid then deferred, never invalid; it opens no case.
    String second = reports.submit(finder, bytes(MARKDOWN)).row().id();
    reports.transition(coordinator, second, "invalidate", null);
    assertThatThrownBy(() -> reports.transition(coordinator, second, "duplicate", null)).isInstanceOf(InvalidInputException.class);
    Reports.View duplicate = reports.transition(coordinator, second, "duplicate", caseId);
    assertThat(duplicate.state()).isEqualTo(RmState.DEFERRED);
    assertThat(duplicate.row().duplicate()).isTrue();
    assertThat(duplicate.row().caseId()).contains(caseId);
    assertThat(accord.cases().list(coordinator)).hasSize(1);
    assertThat(accord.ledger().size() - logBefore)
        .as("received, validated, case.created, case.participant_invited, case.vulnerability_added, accepted, received, invalid,"
            + " duplicate").isEqualTo(9);
  }

  /**
   * The maintainer with the approved claim receives the report beside the coordinator, each moves its
   * own RM state; eight threads then accept the same report at once, half as the maintainer and half
   * as the coordinator, while the ledger's threads run. Exactly one case opens, owned by the maintainer
   * whoever came first, with the reporter and the report's packages, in one transaction with its
   * events; each party's accept succeeds once and every later one is refused by RM. A participant
   * invited afterwards receives the report (its own RM state) and sees it.
   */
  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void theMaintainerReceivesTheReportAndConcurrentAcceptsOpenOneCaseAtomically(String engine) throws Exception {
    open(engine);
    Reports reports = accord.reports();
    Principal finder = member("Finder Lab", OrgKind.RESEARCHER);
    Principal maintainer = member("LibraCore Project", OrgKind.MAINTAINER);
    Principal vendor = member("Vendor Co", OrgKind.VENDOR);
    Principal outsider = member("Outsider", OrgKind.VENDOR);
    accord.claims().approve(coordinator, accord.claims().claim(maintainer, "pkg:maven/org.libra/libracore", null).id());
    String coordinatorOrg = coordinator.organization().name();

    String id = reports.submit(finder, bytes(MARKDOWN)).row().id();
    Reports.View seen = reports.show(maintainer, id);
    assertThat(seen.states()).containsOnlyKeys(coordinatorOrg, "LibraCore Project");
    assertThat(seen.party()).isEqualTo("LibraCore Project");
    assertThat(reports.list(maintainer)).hasSize(1);
    assertThat(reports.list(outsider)).isEmpty();
    assertThat(messageOf(() -> reports.show(outsider, id))).isEqualTo("no report " + id);
    assertThat(reports.transition(maintainer, id, "validate", null).state()).isEqualTo(RmState.VALID);
    assertThat(reports.show(coordinator, id).state()).as("the coordinator's own state is untouched").isEqualTo(RmState.RECEIVED);
    reports.transition(coordinator, id, "validate", null);

    long logBefore = accord.ledger().size();
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    List<Future<String>> futures = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Principal who = i % 2 == 0 ? maintainer : coordinator;
      futures.add(pool.submit(() -> {
        start.await();
        try {
          return reports.transition(who, id, "accept", null).row().caseId().orElseThrow();
        } catch (IllegalTransitionException e) {
          return "refused";
        }
      }));
    }
    start.countDown();
    List<String> answers = new ArrayList<>();
    for (Future<String> f : futures) {
      answers.add(f.get());
    }
    pool.shutdown();
    assertThat(answers.stream().filter(a -> !a.equals("refused")).distinct()).as("one case").hasSize(1);
    assertThat(answers.stream().filter(a -> a.equals("refused"))).as("each party accepts once").hasSize(threads - 2);
    assertThat(accord.cases().list(coordinator)).hasSize(1);
    String caseId = accord.cases().list(coordinator).get(0).row().id().toString();
    Cases.View opened = accord.cases().show(maintainer, caseId);
    assertThat(Cases.describe(opened)).containsEntry("owner", "LibraCore Project");
    assertThat(opened.participants()).extracting(p -> p.organizationName()).containsExactlyInAnyOrder("LibraCore Project", "Finder Lab");
    assertThat(accord.cases().vulnerabilities(maintainer, caseId)).singleElement()
        .satisfies(v -> assertThat(v.get("affected").toString()).contains("pkg:maven/org.libra/libracore", "vers:maven/>=2.0|<2.3.4"));
    assertThat(reports.show(coordinator, id).states()).containsEntry(coordinatorOrg, RmState.ACCEPTED)
        .containsEntry("LibraCore Project", RmState.ACCEPTED);
    assertThat(accord.cases().events(maintainer, caseId)).extracting(e -> e.get("type"))
        .containsExactly("case.created", "case.participant_invited", "case.vulnerability_added");
    accord.ledger().publish();
    assertThat(accord.ledger().size() - logBefore).as("3 case events and 2 report.accepted, nothing twice").isEqualTo(5);

    // An invited participant receives the report: its own RM state, and it may read it and move it.
    accord.cases().invite(coordinator, caseId, "Vendor Co", List.of("vendor"), null);
    assertThat(reports.show(vendor, id).party()).isEqualTo("Vendor Co");
    assertThat(reports.show(vendor, id).state()).isEqualTo(RmState.RECEIVED);
    assertThat(reports.transition(vendor, id, "validate", null).state()).isEqualTo(RmState.VALID);
    assertThat(reports.transition(vendor, id, "accept", null).row().caseId()).contains(caseId);
    assertThat(accord.cases().list(coordinator)).as("an accept of a linked report opens nothing").hasSize(1);
    assertThatThrownBy(() -> reports.transition(finder, id, "validate", null)).isInstanceOf(ForbiddenException.class);
  }

  /** Eight threads submit while the ledger's threads run: every report is stored with exactly one event. */
  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void concurrentSubmitsEachStoreOneReportAndOneEvent(String engine) throws Exception {
    open(engine);
    Principal finder = member("Finder Lab", OrgKind.RESEARCHER);
    long logBefore = accord.ledger().size();
    int threads = 8;
    int each = 5;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<String>> futures = new ArrayList<>();
    for (int i = 0; i < threads * each; i++) {
      futures.add(pool.submit(() -> accord.reports().submit(finder, bytes(MARKDOWN)).row().id()));
    }
    List<String> ids = new ArrayList<>();
    for (Future<String> f : futures) {
      ids.add(f.get());
    }
    pool.shutdown();
    assertThat(ids).doesNotHaveDuplicates().hasSize(threads * each);
    assertThat(accord.reports().list(coordinator)).hasSize(threads * each);
    assertThat(accord.ledger().size() - logBefore).isEqualTo(threads * each);
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void anonymousReportsHaveASecretFollowUpLinkStoredOnlyAsItsHashAndAreRateLimited(String engine) {
    open(engine);
    Reports reports = accord.reports();
    Reports.Anonymous sent = reports.submitAnonymous("203.0.113.7", bytes(MARKDOWN));
    assertThat(sent.secret()).hasSize(43);
    assertThat(sent.view().row().reporterOrg()).isEmpty();
    assertThat(Reports.describe(reports.follow(sent.secret()))).containsEntry("reporter", "anonymous").containsEntry("state", "received");
    String wrong = sent.secret().substring(0, 42) + (sent.secret().endsWith("A") ? "B" : "A");
    assertThat(messageOf(() -> reports.follow(wrong))).isEqualTo(messageOf(() -> reports.follow("x")));
    // The store holds the hash, never the secret.
    List<String> stored = accord.database().jdbi().withHandle(h -> h.createQuery("SELECT follow_hash FROM reports").mapTo(String.class).list());
    assertThat(stored).containsExactly(Reports.sha256(sent.secret()));
    String everything = accord.database().jdbi().withHandle(h -> h.createQuery(
        "SELECT public_id || follow_hash || title || body FROM reports").mapTo(String.class).one());
    assertThat(everything).doesNotContain(sent.secret());

    reports.finderMessage(sent.secret(), "Any news?");
    reports.reply(coordinator, sent.view().row().id(), "Validating it now.");
    assertThat(reports.messages(reports.follow(sent.secret()))).extracting(m -> m.body()).containsExactly("Any news?", "Validating it now.");

    for (int i = 0; i < 4; i++) {
      reports.submitAnonymous("203.0.113.7", bytes(MARKDOWN));
    }
    assertThatThrownBy(() -> reports.submitAnonymous("203.0.113.7", bytes(MARKDOWN))).isInstanceOf(Reports.RateLimited.class)
        .satisfies(e -> assertThat(((Reports.RateLimited) e).retryAfterSeconds()).isEqualTo(3600));
    reports.submitAnonymous("198.51.100.1", bytes(MARKDOWN));
    clock.advance(java.time.Duration.ofMinutes(61));
    reports.submitAnonymous("203.0.113.7", bytes(MARKDOWN));
    assertThat(reports.list(coordinator)).hasSize(7);
  }

  static String messageOf(Runnable call) {
    try {
      call.run();
    } catch (NotFoundException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected not found");
  }
}
