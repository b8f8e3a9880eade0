package org.accord.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.accord.exposure.WhereUsed;
import org.accord.identity.Ecosystem;
import org.accord.identity.Purl;
import org.accord.identity.RangeNotation;
import org.accord.party.OrgKind;
import org.accord.party.Organization;
import org.junit.jupiter.api.Test;

/** The rules of {@link ParticipantSuggestions} on hand-made where-used answers, no store. */
class ParticipantSuggestionsTest {
  static final Organization CERT_DE = new Organization(1, "CERT-DE", OrgKind.CERT, "DE", null);

  static WhereUsed.DeploymentHit hit(String operator, String site, String sector) {
    return new WhereUsed.DeploymentHit(operator, site, sector, "DE", "essential", "pkg:generic/acme/router@1.0",
        List.of("pkg:generic/acme/router@1.0", "pkg:maven/org.libra/libracore@2.1.0"));
  }

  static ParticipantSuggestions.Affected affected(String purl, List<WhereUsed.DeploymentHit> hits) {
    WhereUsed whereUsed = new WhereUsed(purl, List.of(purl + "@2.1.0"),
        List.of(new WhereUsed.ProductHit("pkg:generic/acme/router@1.0", List.of("pkg:generic/acme/router@1.0", purl + "@2.1.0"))),
        hits, List.of());
    return new ParticipantSuggestions.Affected(
        new ReportedPackage(Purl.parse(purl), RangeNotation.parse(Ecosystem.MAVEN, "[2.0,2.3.4)")), whereUsed, null);
  }

  /** Five operators in DE: three in energy (shown), two in water (below k = 3, suppressed). */
  static final List<WhereUsed.DeploymentHit> HITS = List.of(
      hit("A", "a1", "energy"), hit("B", "b1", "energy"), hit("C", "c1", "energy"), hit("C", "c2", "energy"),
      hit("D", "d1", "water"), hit("E", "e1", "water"));

  @Test
  void aDeploymentReachedThroughTwoPackagesCountsOnce() {
    var result = ParticipantSuggestions.suggest(
        List.of(affected("pkg:maven/org.libra/libracore", HITS), affected("pkg:maven/org.libra/libracore-net", HITS)),
        List.of(), Map.of(), List.of(CERT_DE), new ParticipantSuggestions.Audience("", true, true, 3));
    assertThat(result.of(SuggestionKind.OPERATOR)).hasSize(5);
    assertThat(result.of(SuggestionKind.CERT)).singleElement().extracting(Suggestion::reason)
        .isEqualTo("CERT for DE: 6 affected deployments");
    // no owner, no uploader: said, not silently dropped
    assertThat(result.of(SuggestionKind.VENDOR)).isEmpty();
    assertThat(result.notes()).containsExactly("1 affected product version with no owner and no SBOM uploader you may know of");
  }

  @Test
  void anotherOperatorsCountsAreKAnonymousAndTheCertTotalDoesNotRevealASuppressedCell() {
    var result = ParticipantSuggestions.suggest(List.of(affected("pkg:maven/org.libra/libracore", HITS)),
        List.of(), Map.of(), List.of(CERT_DE), new ParticipantSuggestions.Audience("A", false, false, 3));
    assertThat(result.of(SuggestionKind.OPERATOR)).extracting(Suggestion::organization).containsExactly("A");
    assertThat(result.withheld()).containsExactly(
        new Suggestion.DeploymentCount("energy", "DE", "", null), // B and C only: two operators
        new Suggestion.DeploymentCount("water", "DE", "", null));
    // the country has five operators, so its CERT is suggested, but with the shown cells' total only
    Suggestion cert = result.of(SuggestionKind.CERT).get(0);
    assertThat(cert.reason()).isEqualTo("CERT for DE: at least 4 affected deployments");
    assertThat(cert.evidence().deployments()).containsExactly(
        new Suggestion.DeploymentCount("energy", "DE", "", 4), new Suggestion.DeploymentCount("water", "DE", "", null));
    assertThat(result.toString()).doesNotContain("b1").doesNotContain("\"B\"").doesNotContain("organization=B");
  }
}
