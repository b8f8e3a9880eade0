package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.accord.app.Accord;
import org.accord.testing.Documents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  /** The result of one command-line run. */
  record Run(int code, String out, String err) {
    JsonNode json() throws Exception {
      return JSON.readTree(out);
    }
  }

  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of("--data", dir.resolve("data").toString()));
    all.addAll(List.of(args));
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void everyCommandHasHelp() {
    List<String> missing = new ArrayList<>();
    walk(new CommandLine(new Main()), new ArrayList<>(), missing);
    assertThat(missing).isEmpty();
  }

  private void walk(CommandLine command, List<String> path, List<String> missing) {
    List<String> args = new ArrayList<>(path);
    args.add("--help");
    Run help = run(args.toArray(String[]::new));
    if (help.code() != 0 || !help.out().contains("Usage:") || command.getCommandSpec().usageMessage().description().length == 0) {
      missing.add(String.join(" ", path) + " (exit " + help.code() + ")");
    }
    for (var entry : command.getSubcommands().entrySet()) {
      if (!entry.getKey().equals("help")) {
        List<String> next = new ArrayList<>(path);
        next.add(entry.getKey());
        walk(entry.getValue(), next, missing);
      }
    }
  }

  @Test
  void usageErrorsExitTwoAndUserErrorsExitOne() {
    assertThat(run("where-used").code()).isEqualTo(2);
    assertThat(run("no-such-command").code()).isEqualTo(2);
    Run noStore = run("where-used", "pkg:maven/org.libra/libracore");
    assertThat(noStore.code()).isEqualTo(1);
    assertThat(noStore.err()).contains("no Accord data in").contains("accord demo");
    assertThat(dir.resolve("data").resolve("accord.db")).as("a read command creates no store").doesNotExist();
    assertThat(run("org", "create", "CERT", "--kind", "cert").code()).isZero();
    assertThat(run("token", "create", "--org", "CERT").code()).isZero();
    Run badPurl = run("where-used", "maven:org.libra/libracore");
    assertThat(badPurl.code()).isEqualTo(1);
    assertThat(badPurl.err()).contains("maven:org.libra/libracore").doesNotContain("Exception");
    Run missingFile = run("ingest", "sbom", dir.resolve("nope.json").toString());
    assertThat(missingFile.code()).isEqualTo(1);
    assertThat(missingFile.err()).contains("no such file");
  }

  /** Issue 7, item 3: demo shares the common data directory, and will not mix its world into other data. */
  @Test
  void demoRefusesADirectoryThatHoldsOtherData() throws Exception {
    Path sbom = Files.writeString(dir.resolve("scada.cdx.json"), Documents.cycloneDx("scada", "2.3.3"));
    assertThat(run("ingest", "sbom", sbom.toString()).code()).isZero();
    Run refused = run("demo", "--no-serve");
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).contains("holds data that is not the demo world").contains("--data");
    assertThat(dir.resolve("data").resolve("accord.demo")).doesNotExist();
    com.fasterxml.jackson.databind.JsonNode answer = JSON.readTree(run("where-used", "pkg:maven/org.libra/libracore", "--json").out());
    assertThat(answer.path("totals").path("products").asInt()).as("nothing of the demo world went in").isEqualTo(1);
  }

  @Test
  void ingestThenWhereUsedAsJson() throws Exception {
    Path sbom = Files.writeString(dir.resolve("scada.cdx.json"), Documents.cycloneDx("scada", "2.3.3"));
    Run unknown = run("ingest", "sbom", "--org", "Acme", "--json", sbom.toString());
    assertThat(unknown.code()).as("an upload never creates its organization").isEqualTo(1);
    assertThat(unknown.err()).contains("no organization named 'Acme'").contains("accord org create");
    assertThat(run("org", "create", "Acme", "--kind", "vendor").code()).isZero();
    Run ingest = run("ingest", "sbom", "--org", "Acme", "--json", sbom.toString());
    assertThat(ingest.code()).as(ingest.err()).isZero();
    assertThat(ingest.json().get(0).path("result").path("components").asInt()).isEqualTo(4);
    for (String[] command : Documents.inventoryCommands(dir, "scada")) {
      assertThat(run(command).code()).isZero();
    }

    Run answer = run("where-used", "pkg:maven/org.libra/libracore", "--range", "[2.0,2.3.4)", "--json");
    assertThat(answer.code()).as(answer.err()).isZero();
    JsonNode json = answer.json();
    for (String field : List.of("matched", "products", "deployments", "aggregates")) {
      assertThat(json.path(field).isArray()).as(field).isTrue();
    }
    assertThat(json.path("matched").get(0).asText()).isEqualTo("pkg:maven/org.libra/libracore@2.3.3");
    assertThat(json.path("deployments")).hasSize(3);
    assertThat(json.path("deployments").get(0).path("path")).hasSize(3);

    Run shared = run("where-used", "pkg:maven/org.libra/libracore", "--shared", "--json");
    assertThat(shared.json().path("deployments")).isEmpty();
    assertThat(shared.json().path("aggregates").get(0).path("deployments").asText()).isEqualTo("<3");

    Run text = run("where-used", "pkg:maven/org.libra/libracore@2.3.3");
    assertThat(text.out()).contains("Affected products: 1").contains("GridCo");
  }

  @Test
  @SuppressWarnings("try") // the holder is held, not used
  void aSecondProcessOnTheDataDirectoryFailsClearly() {
    try (Accord holder = Accord.open(new Accord.Config(dir.resolve("data"), null))) {
      Run second = run("token", "create", "--org", "local");
      assertThat(second.code()).isEqualTo(1);
      assertThat(second.err()).contains("in use by another Accord process");
    }
    Run token = run("token", "create", "--org", "local");
    assertThat(token.code()).isZero();
    assertThat(token.out().strip()).startsWith("accord_");
  }
}
