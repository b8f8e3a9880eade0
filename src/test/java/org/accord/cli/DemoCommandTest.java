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
