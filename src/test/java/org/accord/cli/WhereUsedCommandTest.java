package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.accord.testing.Documents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WhereUsedCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String LIB = "pkg:maven/org.libra/libracore";
  @TempDir Path dir;

  /** Runs the command line on this test's data directory. */
  CliRun run(String... args) {
    List<String> all = new ArrayList<>(List.of("--data", dir.resolve("data").toString()));
    all.addAll(List.of(args));
    return CliRun.run(all.toArray(String[]::new));
  }

  static JsonNode json(CliRun run) throws Exception {
    return JSON.readTree(run.out());
  }

  @BeforeEach
  void world() throws Exception {
    Path sbom = Files.writeString(dir.resolve("scada.cdx.json"), Documents.cycloneDx("scada", "2.3.3"));
    assertThat(run("org", "create", "Acme", "--kind", "vendor").exit()).isZero();
    assertThat(run("ingest", "sbom", "--org", "Acme", sbom.toString()).exit()).isZero();
    for (String[] command : Documents.inventoryCommands(dir, "scada")) {
      assertThat(run(command).exit()).isZero();
    }
  }

  @Test
  void comparatorRangesWorkForMaven() throws Exception {
    for (String range : List.of(">=2.0", ">=2.0 <2.3.4", ">=2.0,<2.3.4", "[2.0,2.3.4)", "vers:maven/>=2.0|<2.3.4")) {
      CliRun answer = run("where-used", LIB, "--range", range, "--json");
      assertThat(answer.exit()).as(range + ": " + answer.err()).isZero();
      assertThat(json(answer).path("matched").get(0).asText()).as(range).isEqualTo(LIB + "@2.3.3");
      assertThat(json(answer).path("deployments")).as(range).hasSize(3);
    }
    CliRun text = run("where-used", LIB, "--range", ">=2.0");
    assertThat(text.out()).startsWith(LIB + " vers:maven/>=2.0: 1 matched versions").contains("Affected products: 1");
  }

  @Test
  void eachProductSaysWhoseSbomItRestsOn() throws Exception {
    String scada = "pkg:generic/acme/scada@1.0";
    CliRun before = run("where-used", LIB);
    assertThat(before.out()).as("no one owns scada yet").contains(" -> " + LIB + "@2.3.3 [third-party SBOM: Acme]");
    assertThat(json(run("where-used", LIB, "--json")).path("productSources").path(scada).path("sbomSource").asText())
        .isEqualTo("third_party");
    CliRun claim = run("product", "claim", "pkg:generic/acme/scada", "--org", "Acme", "--json");
    assertThat(claim.exit()).as(claim.err()).isZero();
    assertThat(run("product", "approve", json(claim).path("id").asText()).exit()).isZero();
    assertThat(run("where-used", LIB).out()).contains(" -> " + LIB + "@2.3.3 [owner SBOM: Acme]");
    JsonNode source = json(run("where-used", LIB, "--json")).path("productSources").path(scada);
    assertThat(source.path("sbomSource").asText()).isEqualTo("owner");
    assertThat(source.path("sbomUploaders").get(0).asText()).isEqualTo("Acme");
  }

  @Test
  void aBadRangeIsOneLineNamingTheCharacter() {
    CliRun bad = run("where-used", LIB, "--range", ">=2.0 && <3");
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.err()).contains("'&' at position 7").contains("accepted for maven:").doesNotContain("Exception");
    assertThat(bad.out()).isEmpty();
  }

  @Test
  void anUnknownPackageIsANoteWithSuggestionsAndExitZero() throws Exception {
    CliRun text = run("where-used", "pkg:maven/org.libra/libracor");
    assertThat(text.exit()).isZero();
    assertThat(text.out()).startsWith("NOTE: Accord has no package pkg:maven/org.libra/libracor; did you mean " + LIB);
    CliRun asJson = run("where-used", "pkg:maven/org.libra/libracor", "--json");
    assertThat(json(asJson).path("known").asBoolean(true)).isFalse();
    assertThat(json(asJson).path("suggestions").get(0).asText()).isEqualTo(LIB);
    CliRun outside = run("where-used", LIB, "--range", ">=3");
    assertThat(outside.exit()).isZero();
    assertThat(outside.out()).startsWith("NOTE: No known version of " + LIB + " is in vers:maven/>=3: Accord knows 1 version (2.3.3)");
  }

  @Test
  void sortFilterLimitAndCsv() throws Exception {
    CliRun filtered = run("where-used", LIB, "--filter", "hamburg", "--sort", "-site", "--json");
    assertThat(filtered.exit()).as(filtered.err()).isZero();
    assertThat(json(filtered).path("deployments")).hasSize(2);
    assertThat(json(filtered).path("deployments").get(0).path("site").asText()).isEqualTo("Hamburg South");
    assertThat(json(filtered).path("totals").path("deployments").asInt()).isEqualTo(2);
    assertThat(json(filtered).path("aggregateTotals").path("all").asInt()).isEqualTo(3);
    assertThat(json(filtered).has("cursors")).isFalse();

    CliRun text = run("where-used", LIB, "--limit", "1", "--sort", "site");
    assertThat(text.out()).contains("GridCo / Hamburg North").doesNotContain("Hamburg South").contains("… 2 more");
    assertThat(text.out()).contains("all:        3");

    CliRun csv = run("where-used", LIB, "--csv", "deployments", "--sort", "site");
    assertThat(csv.exit()).isZero();
    assertThat(csv.out()).startsWith("operator,site,sector,country,criticality,product,depth,path\r\n"
        + "GridCo,Hamburg North,energy,DE,essential,pkg:generic/acme/scada@1.0,2,");
    assertThat(csv.out().split("\r\n")).hasSize(4);
    assertThat(run("where-used", LIB, "--csv", "sites").exit()).as("not a list: usage error").isEqualTo(2);
    CliRun badSort = run("where-used", LIB, "--sort", "colour");
    assertThat(badSort.exit()).isEqualTo(1);
    assertThat(badSort.err()).contains("accepted: purl, depth, operator");
  }
}
