package org.accord.app;

import static org.accord.app.AdvisoryFixtures.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.accord.NotFoundException;
import org.accord.testing.Documents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Findings and VEX on a small graph: scada@1.0 and gateway@1.0 embed affected libracore versions
 * (2.1.0, 2.2.1) through an adapter, portal@1.0 a fixed one (2.4.0); scada runs at two GridCo sites and
 * one AquaNet site.
 */
class FindingsTest {
  static final String ADVISORY = "GHSA-lib1-2345-6789";
  static final String CVE = "CVE-2025-10001";
  

  @TempDir Path dir;
  Accord accord;

  @BeforeEach
  void graph() {
    accord = Accord.open(new Accord.Config(dir, null));
    accord.ingestSbom(stream(AdvisoryFixtures.sbom("scada", "2.1.0")), org.accord.TestPrincipals.member(accord, "Acme"));
    accord.ingestSbom(stream(AdvisoryFixtures.sbom("gateway", "2.2.1")), org.accord.TestPrincipals.member(accord, "Acme"));
    accord.ingestSbom(stream(AdvisoryFixtures.sbom("portal", "2.4.0")), org.accord.TestPrincipals.member(accord, "Borealis"));
    org.accord.TestPrincipals.ingestInventory(accord, Documents.inventory("scada"));
    org.accord.TestPrincipals.owner(accord, "Acme", "pkg:generic/acme/scada");
    org.accord.TestPrincipals.owner(accord, "Acme", "pkg:generic/acme/gateway");
    org.accord.TestPrincipals.owner(accord, "Borealis", "pkg:generic/acme/portal");
  }

  @AfterEach
  void close() {
    accord.close();
  }

  Findings.AdvisoryFindings findings(Viewer viewer) {
    return accord.findings().findings(ADVISORY, null, viewer).advisories().get(0);
  }

  static Findings.Finding finding(Findings.AdvisoryFindings findings, String product) {
    return findings.findings().stream().filter(f -> f.product().equals(product)).findFirst().orElseThrow();
  }

  @Test
  void anAdvisoryFindsTheAffectedProductsWithTheirPathsAndNoStatementMeansUnknown() {
    Advisories.Imported imported = accord.advisories().ingest(stream(AdvisoryFixtures.libraAdvisory(ADVISORY, CVE)), org.accord.TestPrincipals.coordinator(accord, "local"), false);
    assertThat(imported.matched()).isEqualTo(2);
    Findings.AdvisoryFindings findings = findings(Viewer.local(false));
    assertThat(findings.matched()).containsExactly("pkg:maven/org.libra/libracore@2.1.0", "pkg:maven/org.libra/libracore@2.2.1");
    assertThat(findings.findings()).extracting(Findings.Finding::product)
        .containsExactlyInAnyOrder("pkg:generic/acme/scada@1.0", "pkg:generic/acme/gateway@1.0");
    Findings.Finding scada = finding(findings, "pkg:generic/acme/scada@1.0");
    assertThat(scada.path()).containsExactly(
        "pkg:generic/acme/scada@1.0", "pkg:maven/org.acme/adapter-scada@1.0", "pkg:maven/org.libra/libracore@2.1.0");
    assertThat(scada.status()).isEqualTo("unknown");
    assertThat(scada.statement()).isNull();
    assertThat(scada.supplier()).isEqualTo("Acme");
    assertThat(scada.deployments()).hasSize(3);
    // The same advisory, found by its CVE alias.
    assertThat(accord.findings().findings(CVE, null, Viewer.local(false)).findings()).isEqualTo(2);
  }

  @Test
  void aStatementDecidesForItsProductOnlyAndTheLatestWins() {
    accord.advisories().ingest(stream(AdvisoryFixtures.libraAdvisory(ADVISORY, CVE)), org.accord.TestPrincipals.coordinator(accord, "local"), false);
    Advisories.Imported vex = accord.advisories().ingest(stream(AdvisoryFixtures.openVex(CVE, "pkg:generic/acme/scada@1.0", "not_affected",
        ", \"justification\": \"vulnerable_code_not_in_execute_path\"", "2025-08-02T00:00:00Z")), org.accord.TestPrincipals.coordinator(accord, "local"), false);
    assertThat(vex.format()).isEqualTo("openvex");
    assertThat(vex.statements()).isEqualTo(1);
    Findings.AdvisoryFindings findings = findings(Viewer.local(false));
    assertThat(finding(findings, "pkg:generic/acme/scada@1.0").status()).isEqualTo("not_affected");
    assertThat(finding(findings, "pkg:generic/acme/scada@1.0").statement().justification()).isEqualTo("vulnerable_code_not_in_execute_path");
    assertThat(finding(findings, "pkg:generic/acme/gateway@1.0").status()).as("another product keeps its status").isEqualTo("unknown");

    // CycloneDX VEX: the gateway BOM's libracore component is exploitable.
    accord.advisories().ingest(stream(AdvisoryFixtures.cycloneDxVex(CVE, "pkg:generic/acme/gateway@1.0", "2.2.1")), org.accord.TestPrincipals.coordinator(accord, "local"), false);
    findings = findings(Viewer.local(false));
    Findings.Finding gateway = finding(findings, "pkg:generic/acme/gateway@1.0");
    assertThat(gateway.status()).isEqualTo("affected");
    assertThat(gateway.statement().actionStatement()).contains("Upgrade to 4.3.0");
    assertThat(gateway.statement().subcomponents()).containsExactly("pkg:maven/org.libra/libracore@2.2.1");

    // A later statement about scada replaces the earlier one; an older one does not.
    accord.advisories().ingest(stream(AdvisoryFixtures.openVex(CVE, "pkg:generic/acme/scada@1.0", "affected",
        ", \"action_statement\": \"disable the message bus\"", "2025-08-05T00:00:00Z")), org.accord.TestPrincipals.coordinator(accord, "local"), false);
    accord.advisories().ingest(stream(AdvisoryFixtures.openVex(CVE, "pkg:generic/acme/scada@1.0", "fixed", "", "2025-07-01T00:00:00Z")), org.accord.TestPrincipals.coordinator(accord, "local"), false);
    assertThat(finding(findings(Viewer.local(false)), "pkg:generic/acme/scada@1.0").status()).isEqualTo("affected");

    // A statement about another version of the product, or another subcomponent, does not apply.
    accord.advisories().ingest(stream(AdvisoryFixtures.openVex(CVE, "pkg:generic/acme/gateway@2.0", "fixed", "", "2025-09-01T00:00:00Z")), org.accord.TestPrincipals.coordinator(accord, "local"), false);
    assertThat(finding(findings(Viewer.local(false)), "pkg:generic/acme/gateway@1.0").status()).isEqualTo("affected");

    Findings.View all = accord.findings().findings(null, null, Viewer.local(false));
    assertThat(all.findings()).isEqualTo(2);
    assertThat(all.open()).isEqualTo(2);
  }

  @Test
  void onlyTheSupplierOrACoordinatorMayDecideAProductsStatus() {
    accord.advisories().ingest(stream(AdvisoryFixtures.libraAdvisory(ADVISORY, CVE)), org.accord.TestPrincipals.coordinator(accord, "local"), false);
    // Mallory is neither scada's supplier nor a coordinator: its statement is stored but decides nothing.
    accord.advisories().ingest(stream(AdvisoryFixtures.openVex(CVE, "pkg:generic/acme/scada@1.0", "not_affected",
        ", \"justification\": \"component_not_present\"", "2025-08-02T00:00:00Z")), org.accord.TestPrincipals.of(accord, "Mallory", false), false);
    assertThat(finding(findings(Viewer.local(false)), "pkg:generic/acme/scada@1.0").status()).isEqualTo("unknown");
    // Acme supplied scada's SBOM: its statement decides.
    accord.advisories().ingest(stream(AdvisoryFixtures.openVex(CVE, "pkg:generic/acme/scada@1.0", "fixed", "", "2025-08-03T00:00:00Z")),
        org.accord.TestPrincipals.of(accord, "Acme", false), false);
    Findings.Finding scada = finding(findings(Viewer.local(false)), "pkg:generic/acme/scada@1.0");
    assertThat(scada.status()).isEqualTo("fixed");
    assertThat(scada.statement().uploader()).isEqualTo("Acme");
    // But not for Borealis's portal.
    accord.advisories().ingest(stream(AdvisoryFixtures.openVex(CVE, "pkg:generic/acme/gateway@1.0", "fixed", "", "2025-08-03T00:00:00Z")),
        org.accord.TestPrincipals.of(accord, "Borealis", false), false);
    assertThat(finding(findings(Viewer.local(false)), "pkg:generic/acme/gateway@1.0").status()).isEqualTo("unknown");
  }

  @Test
  void findingsFollowTheGraphIncrementally() {
    accord.advisories().ingest(stream(AdvisoryFixtures.libraAdvisory(ADVISORY, CVE)), org.accord.TestPrincipals.coordinator(accord, "local"), false);
    assertThat(findings(Viewer.local(false)).findings()).hasSize(2);
    // A new SBOM with an affected version: matched on ingest, found at once.
    accord.ingestSbom(stream(AdvisoryFixtures.sbom("historian", "2.0.0")), org.accord.TestPrincipals.member(accord, "Borealis"));
    assertThat(findings(Viewer.local(false)).findings()).extracting(Findings.Finding::product).contains("pkg:generic/acme/historian@1.0");
    // A new SBOM for scada that upgrades libracore out of the range replaces its edges: the finding goes.
    accord.ingestSbom(stream(AdvisoryFixtures.sbom("scada", "2.3.4")), org.accord.TestPrincipals.member(accord, "Acme"));
    assertThat(findings(Viewer.local(false)).findings()).extracting(Findings.Finding::product).doesNotContain("pkg:generic/acme/scada@1.0");
  }

  @Test
  void operatorsSeeTheirOwnSitesAndOnlyKAnonymousCountsOfOthers() {
    accord.advisories().ingest(stream(AdvisoryFixtures.libraAdvisory(ADVISORY, CVE)), org.accord.TestPrincipals.coordinator(accord, "local"), false);
    Viewer aquanet = new Viewer("AquaNet", false, false, Viewer.DEFAULT_K);
    Findings.AdvisoryFindings findings = findings(aquanet);
    Findings.Finding scada = finding(findings, "pkg:generic/acme/scada@1.0");
    assertThat(scada.deployments()).extracting(d -> d.operator()).containsExactly("AquaNet");
    // issue 8: GridCo's two sites are one operator's: the count is as k-anonymous as the cells ("<3"), never 2
    assertThat(scada.hiddenDeployments().json()).isEqualTo("<3");
    assertThat(findings.hiddenDeployments().json()).isEqualTo("<3");
    for (Map<String, Object> cell : findings.aggregates()) {
      assertThat(cell.get("deployments")).isEqualTo("<3");
      assertThat(cell).doesNotContainKey("operators");
    }
    // The coordinator sees everything.
    assertThat(finding(findings(Viewer.local(false)), "pkg:generic/acme/scada@1.0").deployments()).hasSize(3);
    // Filter by organization: GridCo operates scada; Borealis supplies portal, which is not affected.
    assertThat(accord.findings().findings(ADVISORY, "GridCo", Viewer.local(false)).advisories().get(0).findings())
        .extracting(Findings.Finding::product).containsExactly("pkg:generic/acme/scada@1.0");
    assertThat(accord.findings().findings(null, "Borealis", Viewer.local(false)).advisories()).isEmpty();
  }

  @Test
  void aPrivateAdvisoryIsInvisibleToOtherOrganizations() {
    accord.advisories().ingest(stream(AdvisoryFixtures.libraAdvisory(ADVISORY, CVE)), org.accord.TestPrincipals.of(accord, "LibraCore", false), true);
    Viewer owner = new Viewer("LibraCore", false, false, Viewer.DEFAULT_K);
    Viewer other = new Viewer("AquaNet", false, false, Viewer.DEFAULT_K);
    Viewer coordinator = new Viewer("CERT", true, false, Viewer.DEFAULT_K);
    assertThat(accord.findings().findings(ADVISORY, null, owner).findings()).isEqualTo(2);
    assertThatThrownBy(() -> accord.findings().findings(ADVISORY, null, other)).isInstanceOf(NotFoundException.class);
    // issue 8: the coordinator sees private advisories; its shared view does not
    assertThat(accord.advisories().show(CVE, coordinator).records().get(0).visibility()).isEqualTo("private");
    assertThatThrownBy(() -> accord.advisories().show(CVE, new Viewer("CERT", true, true, Viewer.DEFAULT_K)))
        .isInstanceOf(NotFoundException.class);
    assertThat(accord.findings().findings(null, null, other).advisories()).isEmpty();
    assertThat(accord.advisories().list(other, null, 10)).isEmpty();
    assertThat(accord.advisories().list(owner, null, 10)).extracting(Advisories.Summary::visibility).containsExactly("private");
    // Another organization may publish the same id publicly without learning of the private one.
    accord.advisories().ingest(stream(AdvisoryFixtures.libraAdvisory(ADVISORY, CVE)), org.accord.TestPrincipals.of(accord, "AquaNet", false), false);
    assertThat(accord.advisories().show(ADVISORY, other).records()).extracting(Advisories.View::visibility).containsExactly("public");
    // The owner sees both records side by side (ADR 0100), its own first; AquaNet, an operator others may
    // not know takes part, is a source without its name.
    assertThat(accord.advisories().show(ADVISORY, owner).records()).extracting(v -> v.source() + "/" + v.visibility())
        .as("its own comes first").containsExactly("LibraCore/private", "unlisted #1/public");
  }

  @Test
  void aWithdrawnAdvisoryMatchesNothingAndAPublicOneIsReplacedOnlyByItsSource() {
    accord.advisories().ingest(stream(AdvisoryFixtures.libraAdvisory(ADVISORY, CVE)), org.accord.TestPrincipals.of(accord, "LibraCore", false), false);
    // Another organization's import of the id is kept beside LibraCore's, never refused (ADR 0100).
    Advisories.Imported beside = accord.advisories().ingest(
        stream(AdvisoryFixtures.libraAdvisory(ADVISORY, CVE).replace("2.3.4", "2.9")), org.accord.TestPrincipals.of(accord, "Mallory", false), false);
    assertThat(beside.replaced()).isFalse();
    assertThat(beside.source()).isEqualTo("Mallory");
    String withdrawn = AdvisoryFixtures.libraAdvisory(ADVISORY, CVE).replace("\"published\"", "\"withdrawn\": \"2025-08-09T00:00:00Z\", \"published\"");
    Advisories.Imported imported = accord.advisories().ingest(stream(withdrawn), org.accord.TestPrincipals.of(accord, "LibraCore", false), false);
    assertThat(imported.replaced()).isTrue();
    assertThat(imported.withdrawn()).isTrue();
    assertThat(imported.matched()).isZero();
    // LibraCore withdrew only its own record; Mallory's (wider range: 3 findings) stands, under its name.
    assertThat(accord.findings().findings(ADVISORY, null, Viewer.local(false)).advisories())
        .extracting(f -> f.source() + ":" + f.findings().size()).containsExactlyInAnyOrder("LibraCore:0", "Mallory:3");
    assertThat(accord.advisories().list(Viewer.local(false), null, 10)).extracting(s -> s.source() + ":" + s.withdrawn())
        .containsExactlyInAnyOrder("LibraCore:true", "Mallory:false");
  }

  @Test
  void matchesSurviveARestartAndNewComponentsAreCaughtUp() {
    accord.advisories().ingest(stream(AdvisoryFixtures.libraAdvisory(ADVISORY, CVE)), org.accord.TestPrincipals.coordinator(accord, "local"), false);
    accord.close();
    accord = Accord.open(new Accord.Config(dir, null));
    assertThat(findings(Viewer.local(false)).findings()).hasSize(2);
    accord.ingestSbom(stream(AdvisoryFixtures.sbom("historian", "2.0.0")), org.accord.TestPrincipals.member(accord, "Borealis"));
    assertThat(findings(Viewer.local(false)).matched()).hasSize(3);
    Advisories.Rematch rematch = accord.advisories().rematchAll();
    assertThat(rematch.matches()).isEqualTo(3);
    assertThat(rematch.checks()).as("one check per libracore version: 2.0.0, 2.1.0, 2.2.1, 2.4.0").isEqualTo(4);
    assertThat(List.of(findings(Viewer.local(false)).matched().size())).containsExactly(3);
  }
}
