package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.accord.synthetic.DemoDocuments;
import org.accord.synthetic.SyntheticWorld;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code accord demo --no-serve}, loaded once: what the demo world holds, and that loading it again changes nothing. */
class DemoCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  private static CliRun first;
  private static DemoDocuments documents;

  @BeforeAll
  static void loadTheDemo() {
    first = demo();
    documents = DemoDocuments.of(SyntheticWorld.generate(SyntheticWorld.Spec.demo()));
  }

  private static CliRun demo() {
    return CliRun.run("--data", dir.resolve("data").toString(), "demo", "--no-serve");
  }

  private static JsonNode json(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("--data", dir.resolve("data").toString()));
    all.addAll(List.of(args));
    all.add("--json");
    CliRun run = CliRun.run(all.toArray(String[]::new));
    assertThat(run.exit()).as(run.err()).isZero();
    return JSON.readTree(run.out());
  }

  @Test
  void theDemoSaysWhatItLoaded() {
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out())
        .contains("300 products (300 new)")
        .contains("Advisory " + DemoDocuments.CVE + ": " + DemoDocuments.OSV_ID + " (OSV) and " + DemoDocuments.CSAF_ID + " (CSAF)")
        .contains(documents.vexProduct().vendor() + " says " + documents.vexProduct().purl() + " is not affected")
        .contains("KEV and EPSS feeds loaded")
        .contains("Token (coordinator): accord_");
  }

  /**
   * Issue 9's scenario step: a report on libracore [2.0,2.3.4) suggests the demo world's maintainers,
   * affected vendors, operators and national CERTs, the same way twice, in well under a second.
   */
  @Test
  void libracoreSuggestsTheDemosMaintainersVendorsOperatorsAndCerts() {
    try (org.accord.app.Accord accord = org.accord.app.Accord.open(new org.accord.app.Accord.Config(dir.resolve("data"), null))) {
      List<org.accord.disclosure.ReportedPackage> libracore = List.of(new org.accord.disclosure.ReportedPackage(
          org.accord.identity.Purl.parse(SyntheticWorld.LIBRACORE),
          org.accord.identity.RangeNotation.parse(org.accord.identity.Ecosystem.MAVEN, "[2.0,2.3.4)")));
      org.accord.app.Viewer coordinator = org.accord.app.Viewer.local(false);
      var result = accord.suggestions().suggest(libracore, coordinator);
      long started = System.nanoTime();
      var again = accord.suggestions().suggest(libracore, coordinator);
      long millis = (System.nanoTime() - started) / 1_000_000;
      assertThat(again).isEqualTo(result);
      assertThat(millis).as("a second answer reuses the cached where-used").isLessThan(2_000);

      assertThat(result.of(org.accord.disclosure.SuggestionKind.MAINTAINER))
          .extracting(org.accord.disclosure.Suggestion::organization).containsExactly(DemoDocuments.MAINTAINERS);
      var vendors = result.of(org.accord.disclosure.SuggestionKind.VENDOR);
      assertThat(vendors).isNotEmpty().allMatch(org.accord.disclosure.Suggestion::verified)
          .allMatch(v -> !v.evidence().paths().isEmpty() && v.evidence().paths().get(0).path().get(
              v.evidence().paths().get(0).path().size() - 1).startsWith(SyntheticWorld.LIBRACORE + "@2."));
      assertThat(vendors).extracting(org.accord.disclosure.Suggestion::organization).isSorted().doesNotHaveDuplicates();
      var operators = result.of(org.accord.disclosure.SuggestionKind.OPERATOR);
      assertThat(operators).isNotEmpty().allMatch(o -> o.evidence().deploymentTotal() > 0);
      var certs = result.of(org.accord.disclosure.SuggestionKind.CERT);
      assertThat(certs).isNotEmpty().allMatch(c -> c.reason().startsWith("CERT for ")
          && c.organization().equals(DemoDocuments.nationalCert(c.reason().substring(9, 11))));
      int deployments = operators.stream().mapToInt(o -> o.evidence().deploymentTotal()).sum();
      assertThat(certs.stream().mapToInt(c -> c.evidence().deploymentTotal()).sum())
          .as("every affected deployment is in one CERT's country").isEqualTo(deployments);
      assertThat(result.withheld()).isEmpty();
      System.out.printf("suggestions for libracore [2.0,2.3.4) on the demo: %d vendors, %d operators (%d deployments),"
          + " %d CERTs; second answer %d ms%n", vendors.size(), operators.size(), deployments, certs.size(), millis);
    }
  }

  @Test
  void findingsShowBothAdvisoriesAndTheSuppliersStatement() throws Exception {
    JsonNode view = json("findings");
    List<String> advisories = new ArrayList<>();
    for (JsonNode advisory : view.get("advisories")) {
      advisories.add(advisory.get("advisory").asText());
      assertThat(advisory.get("aliases").toString()).contains(DemoDocuments.CVE);
      assertThat(advisory.get("findings").size()).as(advisory.get("advisory").asText()).isPositive();
      JsonNode vendors = null;
      for (JsonNode finding : advisory.get("findings")) {
        if (finding.get("product").asText().equals(documents.vexProduct().purl())) {
          vendors = finding;
        }
      }
      assertThat(vendors).as("the VEX product's finding in " + advisory.get("advisory")).isNotNull();
      assertThat(vendors.get("status").asText()).isEqualTo("not_affected");
      assertThat(vendors.at("/statement/uploader").asText()).isEqualTo(documents.vexProduct().vendor());
      assertThat(vendors.at("/statement/justification").asText()).isEqualTo(DemoDocuments.JUSTIFICATION);
    }
    assertThat(advisories).containsExactlyInAnyOrder(DemoDocuments.OSV_ID, DemoDocuments.CSAF_ID);
    assertThat(view.get("open").asInt()).isPositive();
    assertThat(view.get("suppressed").asInt()).isEqualTo(2);
  }

  @Test
  void triageTakesExploitationFromTheKevEvidence() throws Exception {
    JsonNode view = json("triage", "--advisory", DemoDocuments.CVE, "--as", "deployer");
    JsonNode exploitation = view.get("exploitation");
    assertThat(exploitation.get("value").asText()).isEqualTo("active");
    assertThat(exploitation.get("source").asText()).isEqualTo("evidence");
    assertThat(exploitation.get("reason").asText()).contains(DemoDocuments.CVE).contains("cisa-kev 2026.11.20");
    assertThat(view.get("ranked").size()).isPositive();
    for (JsonNode unit : view.get("ranked")) {
      assertThat(unit.get("product").asText()).as("a not-affected product is left out").isNotEqualTo(documents.vexProduct().purl());
    }
  }

  @Test
  void loadingTheDemoAgainChangesNothing() throws Exception {
    JsonNode before = json("findings");
    CliRun again = demo();
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out()).contains("300 products (0 new)").contains("KEV and EPSS feeds loaded");
    assertThat(json("findings")).isEqualTo(before);
    assertThat(json("advisory", "list")).hasSize(2);

    // A newer feed loaded since (here the same catalog, released an hour later) is kept, and the demo still starts.
    Path newer = Files.writeString(dir.resolve("kev.json"), documents.kev().replace("2026-11-20T17:00:00.000Z", "2026-11-20T18:00:00.000Z"));
    assertThat(json("ingest", "kev", newer.toString()).toString()).contains("2026-11-20T18:00:00Z");
    CliRun third = demo();
    assertThat(third.exit()).as(third.err()).isZero();
    assertThat(third.out()).contains("kept the newer cisa-kev 2026.11.20 (2026-11-20T18:00:00Z) already loaded");
  }
}
