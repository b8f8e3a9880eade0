package org.accord.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.accord.ForbiddenException;
import org.accord.InvalidInputException;
import org.accord.NotFoundException;
import org.accord.party.OrgKind;
import org.accord.party.Principal;
import org.accord.testing.TestClock;
import org.accord.testing.TestDatabases;
import org.accord.TestPrincipals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A case's vulnerabilities, suggestions and statuses per participant and product through {@link Cases} (ADR 0107). */
class CaseItemsTest {
  static final String LIBRACORE = "pkg:maven/org.libra/libracore";
  @TempDir Path dir;
  Accord accord;

  @AfterEach
  void close() {
    if (accord != null) {
      accord.close();
    }
  }

  void open(String engine) {
    String url = engine.equals("postgresql") ? TestDatabases.freshPostgresUrl() : null;
    accord = Accord.open(new Accord.Config(dir, url), new TestClock(CasesTest.NOW));
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Map<String, Object> map, String key) {
    return (List<Map<String, Object>>) map.get(key);
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void addAndListVulnerabilitiesWithTheirTlpAndCheckedInput(String engine) {
    open(engine);
    Principal coordinator = TestPrincipals.coordinator(accord, "CERT");
    Principal owner = TestPrincipals.member(accord, "Libra Maintainers", OrgKind.MAINTAINER);
    Principal outsider = TestPrincipals.member(accord, "Outsider");
    Cases cases = accord.cases();
    String id = cases.create(owner, "LibraCore", null, List.of("vendor")).row().id().toString();
    long logBefore = accord.ledger().size();

    List<Map<String, Object>> added = cases.addVulnerability(owner, id, "CVE-2026-1234", List.of(LIBRACORE + " [2.0,2.3.4)"),
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", null);
    assertThat(added).singleElement().satisfies(v -> {
      assertThat(v).containsEntry("alias", "CVE-2026-1234").containsEntry("tlp", "TLP:AMBER").containsEntry("added_by", "Libra Maintainers");
      assertThat(list(v, "affected")).singleElement().satisfies(p -> assertThat(p).containsEntry("purl", LIBRACORE)
          .hasEntrySatisfying("range", r -> assertThat((String) r).startsWith("vers:maven/")));
    });
    // An AMBER+STRICT item of the owner: the coordinator sees the case but not the item.
    cases.addVulnerability(owner, id, null, List.of("pkg:npm/left-pad vers:npm/>=1.0.0|<1.3.0"), null, "TLP:AMBER+STRICT");
    assertThat(cases.vulnerabilities(owner, id)).hasSize(2);
    assertThat(cases.vulnerabilities(coordinator, id)).hasSize(1);
    assertThat(accord.ledger().size() - logBefore).as("one case.vulnerability_added each").isEqualTo(2);
    assertThat(cases.events(owner, id)).extracting(e -> e.get("type")).endsWith("case.vulnerability_added", "case.vulnerability_added");

    // Hidden like missing; bad input names its field and writes nothing.
    String missing = messageOf(() -> cases.vulnerabilities(outsider, "ACC-2026-0999")).replace("0999", "0001");
    assertThat(messageOf(() -> cases.vulnerabilities(outsider, id))).isEqualTo(missing);
    assertThatThrownBy(() -> cases.addVulnerability(outsider, id, null, List.of(LIBRACORE + " [2.0,3)"), null, null))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> cases.addVulnerability(owner, id, null, List.of(LIBRACORE + " [2.0,3)"), "CVSS:3.1/AV:Q", null))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> cases.addVulnerability(owner, id, null, List.of(LIBRACORE), null, null))
        .isInstanceOf(InvalidInputException.class).satisfies(e -> assertThat(((InvalidInputException) e).location()).isEqualTo("affected[0]"));
    assertThatThrownBy(() -> cases.addVulnerability(owner, id, null, List.of("libracore [2.0,3)"), null, null))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("PURL");
    Principal vendor = TestPrincipals.member(accord, "Acme");
    cases.invite(owner, id, "Acme", List.of("vendor"), null);
    assertThatThrownBy(() -> cases.addVulnerability(vendor, id, null, List.of(LIBRACORE + " [2.0,3)"), null, null))
        .isInstanceOf(ForbiddenException.class);
    assertThat(cases.vulnerabilities(owner, id)).hasSize(2);
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void suggestionsNameTheVendorWithAPathAndTheCertAndMarkParticipants(String engine) {
    SuggestionsTest world = new SuggestionsTest();
    world.dir = dir;
    world.world(engine);
    accord = world.accord;
    Principal coordinator = TestPrincipals.coordinator(accord, "Coordination Center");
    Principal owner = TestPrincipals.member(accord, "Libra Maintainers");
    Principal outsider = TestPrincipals.member(accord, "Outsider");
    Cases cases = accord.cases();
    String id = cases.create(owner, "LibraCore", null, List.of("vendor")).row().id().toString();
    assertThatThrownBy(() -> cases.suggest(owner, id, accord.suggestions())).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no vulnerability");
    cases.addVulnerability(owner, id, "CVE-2026-1234", List.of(LIBRACORE + " [2.0,2.3.4)"), null, null);
    cases.invite(owner, id, "Coordination Center", List.of("coordinator"), null);

    Map<String, Object> answer = cases.suggest(coordinator, id, accord.suggestions());
    List<Map<String, Object>> suggestions = list(answer, "suggestions");
    Map<String, Object> acme = suggestions.stream().filter(s -> s.get("organization").equals("Acme") && s.get("kind").equals("vendor"))
        .findFirst().orElseThrow();
    assertThat(acme).containsEntry("verified", true).containsEntry("participant", false).containsEntry("roles", List.of("vendor"));
    @SuppressWarnings("unchecked")
    Map<String, Object> evidence = (Map<String, Object>) acme.get("evidence");
    assertThat(list(evidence, "paths")).singleElement().satisfies(p -> assertThat((List<?>) p.get("path")).hasSize(3));
    assertThat(suggestions).anySatisfy(s -> assertThat(s).containsEntry("organization", "CERT-DE").containsEntry("kind", "cert")
        .containsEntry("reason", "CERT for DE: 2 affected deployments"));
    assertThat(suggestions).anySatisfy(s -> assertThat(s).containsEntry("organization", "Libra Maintainers")
        .containsEntry("kind", "maintainer").containsEntry("participant", true));

    // Non-participants: the answer for a missing case.
    assertThatThrownBy(() -> cases.suggest(outsider, id, accord.suggestions())).isInstanceOf(NotFoundException.class)
        .hasMessage("no case " + id);
    // Inviting from a suggestion is the invite call with its organization and roles.
    cases.invite(owner, id, "Acme", List.of("vendor"), null);
    assertThat(list(cases.suggest(coordinator, id, accord.suggestions()), "suggestions"))
        .anySatisfy(s -> assertThat(s).containsEntry("organization", "Acme").containsEntry("participant", true));
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void notYetCheckedAndNotAffectedStayDistinctAndFirstViewIsSetOnce(String engine) {
    open(engine);
    TestClock clock = (TestClock) accord.clock();
    Principal coordinator = TestPrincipals.coordinator(accord, "CERT");
    Principal owner = TestPrincipals.member(accord, "Libra Maintainers", OrgKind.MAINTAINER);
    Principal acme = TestPrincipals.member(accord, "Acme");
    Principal outsider = TestPrincipals.member(accord, "Outsider");
    Cases cases = accord.cases();
    String id = cases.create(owner, "LibraCore", null, List.of("vendor")).row().id().toString();
    cases.invite(owner, id, "Acme", List.of("vendor"), null);

    cases.setStatus(acme, id, null, "pkg:generic/acme/router", null, null, null, null);
    cases.setStatus(acme, id, null, "pkg:generic/acme/hub", "not_affected", "vulnerable_code_not_present", "completed", null);
    List<Map<String, Object>> statuses = cases.statuses(owner, id);
    assertThat(statuses).hasSize(2);
    Map<String, Object> router = statuses.stream().filter(s -> s.get("product").equals("pkg:generic/acme/router")).findFirst().orElseThrow();
    Map<String, Object> hub = statuses.stream().filter(s -> s.get("product").equals("pkg:generic/acme/hub")).findFirst().orElseThrow();
    assertThat(router).containsEntry("checked", false).containsEntry("vexStatus", null).containsEntry("involvement", "open");
    assertThat(hub).containsEntry("checked", true).containsEntry("vexStatus", "not_affected")
        .containsEntry("justification", "vulnerable_code_not_present").containsEntry("involvement", "completed");

    // Who sets what.
    assertThatThrownBy(() -> cases.setStatus(acme, id, "Libra Maintainers", "pkg:generic/x", null, null, null, null))
        .isInstanceOf(ForbiddenException.class);
    cases.setStatus(coordinator, id, "Libra Maintainers", "pkg:maven/org.libra/libracore", "affected", null, "in_progress", null);
    assertThatThrownBy(() -> cases.setStatus(acme, id, null, "pkg:generic/x", "not_yet_checked", "component_not_present", null, null))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> cases.setStatus(acme, id, null, "pkg:generic/x", "broken", null, null, null))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> cases.statuses(outsider, id)).isInstanceOf(NotFoundException.class).hasMessage("no case " + id);
    assertThat(cases.statuses(owner, id)).hasSize(3);

    // First viewed: set by the first show by a member of the participant, never moved.
    assertThat(router).containsEntry("firstViewed", null);
    java.time.Instant first = clock.instant();
    cases.show(acme, id);
    clock.advance(Duration.ofHours(3));
    cases.show(acme, id);
    cases.show(coordinator, id); // not a participant: records nothing
    assertThat(cases.statuses(owner, id)).filteredOn(s -> s.get("organization").equals("Acme"))
        .allSatisfy(s -> assertThat(s).containsEntry("firstViewed", first.toString()).containsEntry("acknowledged", null));
    cases.acknowledge(acme, id);
    java.time.Instant ack = clock.instant();
    clock.advance(Duration.ofHours(1));
    cases.acknowledge(acme, id);
    assertThat(cases.statuses(owner, id)).filteredOn(s -> s.get("organization").equals("Acme"))
        .allSatisfy(s -> assertThat(s).containsEntry("acknowledged", ack.toString()));
  }

  /** Four participants set statuses at once while the ledger's threads run: one event each, none lost. */
  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void concurrentStatusWritesGetOneEventEach(String engine) throws Exception {
    open(engine);
    Principal owner = TestPrincipals.member(accord, "Libra Maintainers", OrgKind.MAINTAINER);
    Cases cases = accord.cases();
    String id = cases.create(owner, "LibraCore", null, List.of("vendor")).row().id().toString();
    List<Principal> vendors = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      vendors.add(TestPrincipals.member(accord, "Vendor" + t));
      cases.invite(owner, id, "Vendor" + t, List.of("vendor"), null);
    }
    long logBefore = accord.ledger().size();
    int perThread = 5;
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> futures = new ArrayList<>();
    for (Principal me : vendors) {
      futures.add(pool.submit(() -> {
        for (int i = 0; i < perThread; i++) {
          cases.setStatus(me, id, null, "pkg:generic/product-" + i, i % 2 == 0 ? "not_yet_checked" : "under_investigation", null, null, null);
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    assertThat(accord.ledger().size() - logBefore).isEqualTo(4 * perThread);
    assertThat(cases.statuses(owner, id)).hasSize(4 * perThread);
    assertThat(cases.events(owner, id)).filteredOn(e -> e.get("type").equals("case.status_set")).hasSize(4 * perThread);
  }

  static String messageOf(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    throw new AssertionError("no exception");
  }
}
