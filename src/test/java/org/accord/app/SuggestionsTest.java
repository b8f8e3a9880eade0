package org.accord.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.accord.InvalidInputException;
import org.accord.TestPrincipals;
import org.accord.disclosure.ParticipantRole;
import org.accord.disclosure.ParticipantSuggestions;
import org.accord.disclosure.ReportedPackage;
import org.accord.disclosure.Suggestion;
import org.accord.disclosure.SuggestionKind;
import org.accord.identity.Ecosystem;
import org.accord.identity.Purl;
import org.accord.identity.RangeNotation;
import org.accord.party.OrgKind;
import org.accord.party.Principal;
import org.accord.testing.Documents;
import org.accord.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Participants suggested from the exposure ({@link Suggestions}, ADR 0105) on a small world: a
 * maintainer claim on libracore, a vendor with an approved claim on its router, a third-party SBOM of an
 * unclaimed hub, an operator's SBOM of an unclaimed meter, a vendor whose product holds an unaffected
 * libracore, two operators with deployments in DE and FR, a CERT per country and a government body in DE.
 */
class SuggestionsTest {
  static final String LIBRACORE = "pkg:maven/org.libra/libracore";
  @TempDir Path dir;
  Accord accord;

  @AfterEach
  void close() {
    if (accord != null) {
      accord.close();
    }
  }

  void world(String engine) {
    world(engine, java.time.Clock.systemUTC());
  }

  /** The world on {@code engine}, its instance on {@code clock} (PlansTest runs it in simulated time). */
  void world(String engine, java.time.Clock clock) {
    String url = engine.equals("postgresql") ? TestDatabases.freshPostgresUrl() : null;
    accord = Accord.open(new Accord.Config(dir, url), clock);
    Principal coordinator = TestPrincipals.coordinator(accord, "Coordination Center");
    accord.parties().createOrganization(coordinator, "CERT-DE", OrgKind.CERT, "DE", null);
    accord.parties().createOrganization(coordinator, "CERT-FR", OrgKind.CERT, "FR", null);
    accord.parties().createOrganization(coordinator, "Bundesamt", OrgKind.GOVERNMENT, "DE", null);
    accord.parties().createOrganization(coordinator, "CERT-IT", OrgKind.CERT, "IT", null);
    accord.parties().ensure("Libra Maintainers", OrgKind.MAINTAINER);
    TestPrincipals.owner(accord, "Libra Maintainers", LIBRACORE);
    sbom("router", "2.3.1", TestPrincipals.member(accord, "Acme"));
    TestPrincipals.owner(accord, "Acme", "pkg:generic/acme/router");
    sbom("hub", "2.2.0", TestPrincipals.member(accord, "Borealis"));
    // legacy depends on libracore 1.9.0 directly (the adapter of the other SBOMs would bring in 2.3.1)
    accord.ingestSbom(new ByteArrayInputStream("""
        {"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
         "metadata": {"component": {"type": "application", "bom-ref": "root", "name": "legacy", "version": "1.0",
                                    "purl": "pkg:generic/acme/legacy@1.0"}},
         "components": [{"type": "library", "bom-ref": "libra", "name": "libracore", "version": "1.9.0",
                         "purl": "pkg:maven/org.libra/libracore@1.9.0"}],
         "dependencies": [{"ref": "root", "dependsOn": ["libra"]}]}
        """.getBytes(StandardCharsets.UTF_8)), TestPrincipals.member(accord, "OldCo"));
    TestPrincipals.owner(accord, "OldCo", "pkg:generic/acme/legacy");
    TestPrincipals.ingestInventory(accord, """
        operator,site,sector,country,criticality,product
        GridCo,Hamburg North,energy,DE,essential,pkg:generic/acme/router@1.0
        GridCo,Hamburg South,energy,DE,important,pkg:generic/acme/router@1.0
        AquaNet,Lyon Plant,water,FR,important,pkg:generic/acme/hub@1.0
        AquaNet,Nice Plant,water,FR,essential,pkg:generic/acme/legacy@1.0
        """);
    // an operator's SBOM of a product nobody claims: an unverified vendor only the coordinator may know of
    sbom("meter", "2.1.0", TestPrincipals.member(accord, "GridCo", OrgKind.OPERATOR));
  }

  void sbom(String product, String libra, Principal uploader) {
    accord.ingestSbom(new ByteArrayInputStream(Documents.cycloneDx(product, libra).getBytes(StandardCharsets.UTF_8)), uploader);
  }

  static ReportedPackage libracore(String range) {
    return new ReportedPackage(Purl.parse(LIBRACORE), RangeNotation.parse(Ecosystem.MAVEN, range));
  }

  static Viewer coordinator() {
    return new Viewer("Coordination Center", true, false, Viewer.DEFAULT_K);
  }

  static Suggestion one(ParticipantSuggestions.Result result, SuggestionKind kind, String organization) {
    return result.of(kind).stream().filter(s -> s.organization().equals(organization)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " suggestion for " + organization + " in " + result));
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void theCoordinatorGetsEachKindWithItsReasonAndEvidence(String engine) {
    world(engine);
    ParticipantSuggestions.Result result = accord.suggestions().suggest(List.of(libracore("[2.0,2.3.4)")), coordinator());

    Suggestion maintainer = one(result, SuggestionKind.MAINTAINER, "Libra Maintainers");
    assertThat(maintainer.roles()).containsExactly(ParticipantRole.VENDOR);
    assertThat(maintainer.reason()).contains("approved claim on " + LIBRACORE);
    assertThat(maintainer.evidence().claims()).containsExactly(LIBRACORE);
    assertThat(result.of(SuggestionKind.MAINTAINER)).hasSize(1);

    // vendors: Acme by its claim, Borealis and GridCo unverified by their uploads; OldCo's 1.9.0 is not affected
    assertThat(result.of(SuggestionKind.VENDOR)).extracting(Suggestion::organization).containsExactly("Acme", "Borealis", "GridCo");
    Suggestion acme = one(result, SuggestionKind.VENDOR, "Acme");
    assertThat(acme.verified()).isTrue();
    assertThat(acme.roles()).containsExactly(ParticipantRole.VENDOR);
    // one path (the graph is the union of SBOMs, so the adapter may lead to any affected version it is seen with)
    assertThat(acme.evidence().paths()).singleElement().satisfies(p -> {
      assertThat(p.product()).isEqualTo("pkg:generic/acme/router@1.0");
      assertThat(p.path()).hasSize(3).startsWith("pkg:generic/acme/router@1.0", "pkg:maven/org.acme/adapter@1.0");
      assertThat(p.path().get(2)).isIn(LIBRACORE + "@2.3.1", LIBRACORE + "@2.2.0", LIBRACORE + "@2.1.0");
    });
    assertThat(acme.reason()).contains("owns 1 affected product version").contains("router@1.0 via").contains("approved claim on pkg:generic/acme/router");
    Suggestion borealis = one(result, SuggestionKind.VENDOR, "Borealis");
    assertThat(borealis.verified()).isFalse();
    assertThat(borealis.reason()).contains("unverified");
    assertThat(borealis.evidence().paths()).extracting(Suggestion.ProductPath::product).containsExactly("pkg:generic/acme/hub@1.0");

    // operators, with sector, country and criticality
    assertThat(result.of(SuggestionKind.OPERATOR)).extracting(Suggestion::organization).containsExactly("AquaNet", "GridCo");
    Suggestion gridco = one(result, SuggestionKind.OPERATOR, "GridCo");
    assertThat(gridco.roles()).containsExactly(ParticipantRole.DEPLOYER);
    assertThat(gridco.evidence().deployments()).containsExactly(
        new Suggestion.DeploymentCount("energy", "DE", "essential", 1), new Suggestion.DeploymentCount("energy", "DE", "important", 1));
    assertThat(gridco.reason()).isEqualTo("runs 2 affected deployments (1 essential, 1 important) in DE, sector energy");
    Suggestion aquanet = one(result, SuggestionKind.OPERATOR, "AquaNet");
    assertThat(aquanet.evidence().deploymentTotal()).as("the legacy plant runs an unaffected version").isEqualTo(1);

    // CERTs and the government body of the countries involved; none for IT, which has no deployment
    assertThat(result.of(SuggestionKind.CERT)).extracting(Suggestion::organization).containsExactly("CERT-DE", "CERT-FR");
    assertThat(one(result, SuggestionKind.CERT, "CERT-DE").reason()).isEqualTo("CERT for DE: 2 affected deployments");
    assertThat(one(result, SuggestionKind.CERT, "CERT-DE").roles()).containsExactly(ParticipantRole.COORDINATOR);
    assertThat(one(result, SuggestionKind.CERT, "CERT-FR").reason()).isEqualTo("CERT for FR: 1 affected deployment");
    assertThat(one(result, SuggestionKind.AUTHORITY, "Bundesamt").roles()).containsExactly(ParticipantRole.OBSERVER);
    assertThat(result.withheld()).isEmpty();
    assertThat(result.notes()).isEmpty();

    // deterministic: the same answer again, in the same order
    assertThat(accord.suggestions().suggest(List.of(libracore("[2.0,2.3.4)")), coordinator())).isEqualTo(result);
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void anUnaffectedRangeSuggestsNoVendorAndAnUnknownPackageIsSaidSo(String engine) {
    world(engine);
    ParticipantSuggestions.Result old = accord.suggestions().suggest(List.of(libracore("[1.0,1.5)")), coordinator());
    assertThat(old.of(SuggestionKind.VENDOR)).isEmpty();
    assertThat(old.of(SuggestionKind.OPERATOR)).isEmpty();
    assertThat(old.of(SuggestionKind.CERT)).isEmpty();
    assertThat(old.notes()).singleElement().asString().startsWith("No known version of " + LIBRACORE + " is in");
    // the maintainer owns the package whatever the range
    assertThat(old.of(SuggestionKind.MAINTAINER)).extracting(Suggestion::organization).containsExactly("Libra Maintainers");

    ReportedPackage unknown = new ReportedPackage(Purl.parse("pkg:maven/org.libra/libracorx"), RangeNotation.parse(Ecosystem.MAVEN, "[2.0,3)"));
    ParticipantSuggestions.Result none = accord.suggestions().suggest(List.of(unknown), coordinator());
    assertThat(none.suggestions()).isEmpty();
    assertThat(none.notes()).singleElement().asString()
        .startsWith("Accord has no package pkg:maven/org.libra/libracorx").contains("did you mean " + LIBRACORE);

    assertThatThrownBy(() -> accord.suggestions().suggest(List.of(), coordinator()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least one affected package");
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void aNonCoordinatorNeverSeesAnotherOperatorsName(String engine) {
    world(engine);
    Viewer aquanet = new Viewer("AquaNet", false, false, Viewer.DEFAULT_K);
    ParticipantSuggestions.Result result = accord.suggestions().suggest(List.of(libracore("[2.0,2.3.4)")), aquanet);

    assertThat(result.toString()).doesNotContain("GridCo").doesNotContain("Hamburg");
    assertThat(result.of(SuggestionKind.OPERATOR)).extracting(Suggestion::organization).containsExactly("AquaNet");
    // GridCo's uploads are not named either: an operator is not listed to others
    assertThat(result.of(SuggestionKind.VENDOR)).extracting(Suggestion::organization).containsExactly("Acme", "Borealis");
    assertThat(result.notes()).anyMatch(n -> n.contains("1 affected product version with no owner and no SBOM uploader you may know of"));
    // the others' deployments only as k-anonymous cells: one operator in DE energy is below k
    assertThat(result.withheld()).containsExactly(new Suggestion.DeploymentCount("energy", "DE", "", null));
    // no CERT for a country where the viewer has nothing and fewer than k operators run affected deployments
    assertThat(result.of(SuggestionKind.CERT)).extracting(Suggestion::organization).containsExactly("CERT-FR");
    assertThat(one(result, SuggestionKind.CERT, "CERT-FR").reason()).isEqualTo("CERT for FR: 1 affected deployment of yours");
    assertThat(result.of(SuggestionKind.AUTHORITY)).isEmpty();

    // the coordinator asking for the shared view is treated the same way for operators
    ParticipantSuggestions.Result shared = accord.suggestions().suggest(
        List.of(libracore("[2.0,2.3.4)")), new Viewer("Coordination Center", true, true, Viewer.DEFAULT_K));
    assertThat(shared.of(SuggestionKind.OPERATOR)).isEmpty();
    assertThat(shared.withheld()).hasSize(2).allMatch(c -> c.deployments() == null);
  }
}
