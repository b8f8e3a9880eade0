package org.accord.app;

import static org.accord.app.AdvisoryFixtures.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.accord.InvalidInputException;
import org.accord.testing.Documents;
import org.accord.testing.TestData;
import org.accord.triage.SsvcTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exposure-weighted priority on the LibraCore test graph: scada@1.0 (Acme) runs at two essential GridCo
 * energy sites and one important AquaNet water site; gateway@1.0 (Acme) runs nowhere; both embed an
 * affected libracore. The advisory aliases CVE-2021-44228, which the real KEV catalog lists.
 */
class PrioritiesTest {
  static final String ADVISORY = "GHSA-prio-2345-6789";
  static final String CVE = "CVE-2021-44228";

  @TempDir Path dir;
  Accord accord;

  @BeforeEach
  void graph() throws IOException {
    accord = Accord.open(new Accord.Config(dir, null));
    accord.ingestSbom(stream(AdvisoryFixtures.sbom("scada", "2.1.0")), org.accord.TestPrincipals.member(accord, "Acme"));
    accord.ingestSbom(stream(AdvisoryFixtures.sbom("gateway", "2.2.1")), org.accord.TestPrincipals.member(accord, "Acme"));
    org.accord.TestPrincipals.ingestInventory(accord, Documents.inventory("scada"));
    org.accord.TestPrincipals.owner(accord, "Acme", "pkg:generic/acme/scada");
    org.accord.TestPrincipals.owner(accord, "Acme", "pkg:generic/acme/gateway");
    accord.advisories().ingest(stream(AdvisoryFixtures.libraAdvisory(ADVISORY, CVE)), org.accord.TestPrincipals.of(accord, "local", true), false);
    try (InputStream kev = Files.newInputStream(TestData.resolve("kev/known_exploited_vulnerabilities.json"))) {
      Advisories.FeedImported imported = accord.advisories().ingestKev(kev);
      assertThat(imported.version()).isEqualTo("2025.08.25");
      assertThat(imported.entries()).isEqualTo(1404);
    }
  }

  @AfterEach
  void close() {
    accord.close();
  }

  Priorities.View triage(Priorities.Role role, String org, Map<String, String> assumptions, Viewer viewer) {
    return accord.priorities().triage(new Priorities.Request(ADVISORY, role, org, assumptions, 0.1, null), viewer);
  }

  @Test
  void aDeployerGetsOneDecisionPerDeploymentFromEvidenceAndExposure() {
    Priorities.View view = triage(Priorities.Role.DEPLOYER, "GridCo", Map.of(), Viewer.local(false));
    assertThat(view.table()).isEqualTo("deployer");
    assertThat(view.exploitation().value()).isEqualTo("active");
    assertThat(view.exploitation().evidence()).extracting(e -> e.get("version")).containsExactly("2025.08.25");
    assertThat(view.ranked()).hasSize(2).allSatisfy(unit -> {
      assertThat(unit.kind()).isEqualTo("deployment");
      assertThat(unit.inputs()).containsEntry("human-impact", "very-high").containsEntry("automatable", "yes")
          .containsEntry("system-exposure", "open").containsEntry("exploitation", "active");
      assertThat(unit.derived()).containsEntry("human-impact", "exposure").containsEntry("automatable", "cvss")
          .containsEntry("system-exposure", "assumed");
      assertThat(unit.outcome()).isEqualTo("immediate");
    });
    assertThat(view.ranked()).extracting(Priorities.Unit::subject)
        .containsExactly("GridCo / Hamburg North", "GridCo / Hamburg South");
    // The same decision as the table gives for these inputs, looked up independently.
    assertThat(SsvcTable.builtin("deployer").decide(view.ranked().get(0).inputs()).outcome()).isEqualTo("immediate");

    Priorities.View aquanet = triage(Priorities.Role.DEPLOYER, "AquaNet", Map.of("system-exposure", "small"), Viewer.local(false));
    Priorities.Unit lyon = aquanet.ranked().get(0);
    assertThat(lyon.inputs()).containsEntry("human-impact", "medium").containsEntry("system-exposure", "small");
    assertThat(lyon.derived()).containsEntry("system-exposure", "assumed");
    assertThat(lyon.outcome()).isEqualTo(SsvcTable.builtin("deployer").decide(lyon.inputs()).outcome());
    assertThat(lyon.rationale()).anyMatch(line -> line.startsWith("system-exposure=small: given by the request"));
  }

  @Test
  void aSupplierGetsOneDecisionPerProductRankedByOutcomeAndExposure() {
    Priorities.View view = triage(Priorities.Role.SUPPLIER, "Acme", Map.of(), Viewer.local(false));
    assertThat(view.ranked()).extracting(Priorities.Unit::product)
        .containsExactly("pkg:generic/acme/scada@1.0", "pkg:generic/acme/gateway@1.0");
    Priorities.Unit scada = view.ranked().get(0);
    assertThat(scada.rank()).isEqualTo(1);
    assertThat(scada.inputs()).containsEntry("public-safety-impact", "significant").containsEntry("technical-impact", "total")
        .containsEntry("utility", "super-effective");
    assertThat(scada.deployments()).isEqualTo(3);
    Priorities.Unit gateway = view.ranked().get(1);
    assertThat(gateway.inputs()).containsEntry("public-safety-impact", "minimal");
    assertThat(gateway.deployments()).isEqualTo(0);
  }

  @Test
  void aCoordinatorDecidesPerProductAndOverall() {
    Priorities.View view = triage(Priorities.Role.COORDINATOR, null, Map.of(), Viewer.local(false));
    assertThat(view.table()).isEqualTo("cisa-coordinator");
    assertThat(view.ranked()).extracting(Priorities.Unit::kind).containsExactlyInAnyOrder("product", "product", "overall");
    Priorities.Unit overall = view.ranked().stream().filter(u -> u.kind().equals("overall")).findFirst().orElseThrow();
    assertThat(overall.inputs()).containsEntry("mission-and-well-being-impact", "high");
    assertThat(overall.entities()).isEqualTo(2);
  }

  @Test
  void otherOperatorsStayPseudonymousAndSmallCountsHidden() throws Exception {
    Viewer acme = new Viewer("Acme", false, false, Viewer.DEFAULT_K);
    Priorities.View view = triage(Priorities.Role.SUPPLIER, "Acme", Map.of(), acme);
    String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(view);
    assertThat(json).doesNotContain("GridCo").doesNotContain("AquaNet").doesNotContain("Hamburg");
    Priorities.Unit scada = view.ranked().stream().filter(u -> u.product().equals("pkg:generic/acme/scada@1.0")).findFirst().orElseThrow();
    assertThat(scada.inputs()).as("hidden deployments still weigh in").containsEntry("public-safety-impact", "significant");
    assertThat(scada.deployments()).isEqualTo("<3");
    assertThat(scada.entities()).isEqualTo("<3");
    // A deployer sees only its own deployments.
    Priorities.View asAquaNet = triage(Priorities.Role.DEPLOYER, null, Map.of(), new Viewer("AquaNet", false, false, Viewer.DEFAULT_K));
    assertThat(asAquaNet.ranked()).extracting(Priorities.Unit::subject).containsExactly("AquaNet / Lyon Plant");
    // issue 8: the explanation says others' deployments are not shown, never how many (GridCo has 2: one operator)
    assertThat(asAquaNet.notes()).anyMatch(note -> note.contains("affected deployments of other operators are not shown"))
        .noneMatch(note -> note.matches(".*\\d.*"));
    // where the counts are "<3", no rationale line states them ("2 essential deployment(s)", "at 2 entities")
    assertThat(scada.rationale()).noneMatch(line -> line.matches(".*\\d+ (essential )?(deployment|entit).*"))
        .anyMatch(line -> line.contains("counts withheld for k-anonymity"));
  }

  @Test
  void notAffectedFindingsAreLeftOutAndCounted() {
    accord.advisories().ingest(stream(AdvisoryFixtures.openVex(CVE, "pkg:generic/acme/scada@1.0", "not_affected",
        ", \"justification\": \"component_not_present\"", "2025-08-02T00:00:00Z")), org.accord.TestPrincipals.of(accord, "Acme", false), false);
    Priorities.View view = triage(Priorities.Role.SUPPLIER, "Acme", Map.of(), Viewer.local(false));
    assertThat(view.suppressed()).isEqualTo(1);
    assertThat(view.ranked()).extracting(Priorities.Unit::product).containsExactly("pkg:generic/acme/gateway@1.0");
  }

  @Test
  void epssAboveTheThresholdIsPublicPocWithItsModelVersion() {
    String other = "GHSA-epss-2345-6789";
    accord.advisories().ingest(stream(AdvisoryFixtures.libraAdvisory(other, "CVE-2099-0001")), org.accord.TestPrincipals.of(accord, "local", true), false);
    String csv = "#model_version:v2025.03.14,score_date:2025-08-25T12:55:00Z\ncve,epss,percentile\nCVE-2099-0001,0.42,0.97\n";
    accord.advisories().ingestEpss(stream(csv));
    Priorities.View view = accord.priorities().triage(
        new Priorities.Request(other, Priorities.Role.COORDINATOR, null, Map.of(), 0.1, null), Viewer.local(false));
    assertThat(view.exploitation().value()).isEqualTo("public-poc");
    assertThat(view.exploitation().evidence()).extracting(e -> e.get("version")).contains("v2025.03.14", "2025.08.25");
    Priorities.View strict = accord.priorities().triage(
        new Priorities.Request(other, Priorities.Role.COORDINATOR, null, Map.of(), 0.5, null), Viewer.local(false));
    assertThat(strict.exploitation().value()).isEqualTo("none");
    // An older feed is refused and nothing changes.
    assertThatThrownBy(() -> accord.advisories().ingestEpss(stream(csv.replace("2025-08-25", "2025-08-01").replace("0.42", "0.01"))))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("older than the stored");
  }

  @Test
  void assumptionsAndCustomTablesAreChecked() throws IOException {
    assertThatThrownBy(() -> triage(Priorities.Role.DEPLOYER, "GridCo", Map.of("report-public", "yes"), Viewer.local(false)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("has no decision point 'report-public'");
    assertThatThrownBy(() -> triage(Priorities.Role.DEPLOYER, "GridCo", Map.of("system-exposure", "galactic"), Viewer.local(false)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("galactic");
    // The coordinator-triage table needs coordinator facts no data gives.
    SsvcTable triageTable = SsvcTable.builtin("coordinator-triage");
    assertThatThrownBy(() -> accord.priorities().triage(
            new Priorities.Request(ADVISORY, Priorities.Role.COORDINATOR, null, Map.of(), 0.1, triageTable), Viewer.local(false)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("--assume");
    Priorities.View view = accord.priorities().triage(
        new Priorities.Request(ADVISORY, Priorities.Role.COORDINATOR, null,
            Map.of("report-public", "no", "supplier-contacted", "yes", "report-credibility", "credible", "supplier-engagement", "active"),
            0.1, triageTable), Viewer.local(false));
    assertThat(view.table()).isEqualTo("coordinator-triage");
    assertThat(view.ranked()).allSatisfy(unit -> assertThat(unit.inputs()).containsKey("supplier-cardinality"));
  }

  @Test
  void anAdvisoryWithoutCveHasNoFeedEvidenceSoActiveIsAssumed() {
    String id = "GHSA-nocv-2345-6789";
    accord.advisories().ingest(stream(AdvisoryFixtures.libraAdvisory(id, "GHSA-xxxx-2345-6789")), org.accord.TestPrincipals.of(accord, "local", true), false);
    Priorities.View view = accord.priorities().triage(
        new Priorities.Request(id, Priorities.Role.DEPLOYER, null, Map.of(), 0.1, null), Viewer.local(false));
    assertThat(view.exploitation().value()).isEqualTo("active");
    assertThat(view.exploitation().source()).isEqualTo("assumed");
    assertThat(view.exploitation().reason()).contains("names no CVE");
    assertThat(view.ranked()).allSatisfy(unit -> assertThat(unit.derived()).containsEntry("exploitation", "assumed"));
    assertThat(List.of(view.ranked().size())).containsExactly(3);
  }
}
