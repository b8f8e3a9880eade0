package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.accord.advisory.AdvisoryFormat;
import org.accord.advisory.ExportSchemas;
import org.accord.testing.Documents;
import org.accord.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code accord ingest advisory|kev|epss}, {@code advisory export|show|list}, {@code findings} and {@code triage --advisory}. */
class AdvisoryCommandsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String LOG4SHELL = "osv/advisories/github-reviewed/2021/12/GHSA-jfh8-c2jp-5v3q/GHSA-jfh8-c2jp-5v3q.json";
  @TempDir Path dir;

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

  void graph() throws Exception {
    Path sbom = Files.writeString(dir.resolve("scada.cdx.json"), Documents.cycloneDx("scada", "2.1.0")
        .replace("pkg:maven/org.libra/libracore@2.1.0", "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"));
    assertThat(run("org", "create", "Acme", "--kind", "vendor").code()).isZero();
    assertThat(run("ingest", "sbom", "--org", "Acme", sbom.toString()).code()).isZero();
    for (String[] command : Documents.inventoryCommands(dir, "scada")) {
      assertThat(run(command).code()).isZero();
    }
  }

  @Test
  void ingestFilesDirectoriesAndZipsAndReportEachRefusal() throws Exception {
    graph();
    Path folder = Files.createDirectories(dir.resolve("feed"));
    Files.copy(TestData.resolve(LOG4SHELL), folder.resolve("GHSA-jfh8-c2jp-5v3q.json"));
    Files.writeString(folder.resolve("broken.json"), "{\"id\": \"GHSA-x\", \"modified\": ");
    Files.writeString(folder.resolve("README.md"), "not read: a directory is walked for *.json");
    Path zip = dir.resolve("advisories.zip");
    try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
      for (String path : List.of(
          "osv/advisories/github-reviewed/2022/03/GHSA-36p3-wjmg-h94x/GHSA-36p3-wjmg-h94x.json",
          "osv/osv-schema/tools/osv-linter/testdata/CVE-2023-41045.json")) {
        out.putNextEntry(new ZipEntry("dump/" + Path.of(path).getFileName()));
        out.write(Files.readAllBytes(TestData.resolve(path)));
        out.closeEntry();
      }
    }
    Run ingest = run("ingest", "advisory", "--json", folder.toString(), zip.toString());
    assertThat(ingest.code()).as("one document was refused").isEqualTo(1);
    JsonNode results = ingest.json();
    assertThat(results).hasSize(4);
    // Files in name order: GHSA-… before broken.json; then the archive's entries in name order.
    assertThat(results.get(0).path("result").path("advisory").asText()).isEqualTo("GHSA-jfh8-c2jp-5v3q");
    assertThat(results.get(0).path("result").path("matched").asInt()).isEqualTo(1);
    assertThat(results.get(1).path("error").asText()).contains("malformed JSON");
    assertThat(results.get(1).path("location").asText()).startsWith("line 1");
    assertThat(results.get(2).path("file").asText()).endsWith("advisories.zip!dump/CVE-2023-41045.json");
    assertThat(results.get(2).path("result").path("warnings").get(0).asText()).contains("GIT range");
    assertThat(results.get(3).path("result").path("advisory").asText()).isEqualTo("GHSA-36p3-wjmg-h94x");

    Run text = run("ingest", "advisory", folder.resolve("GHSA-jfh8-c2jp-5v3q.json").toString());
    assertThat(text.code()).isZero();
    assertThat(text.out()).contains("GHSA-jfh8-c2jp-5v3q (osv, public)").contains("already imported");

    Run findings = run("findings", "--advisory", "CVE-2021-44228", "--json");
    assertThat(findings.code()).as(findings.err()).isZero();
    JsonNode finding = findings.json().path("advisories").get(0).path("findings").get(0);
    assertThat(finding.path("product").asText()).isEqualTo("pkg:generic/acme/scada@1.0");
    assertThat(finding.path("status").asText()).isEqualTo("unknown");
    assertThat(finding.path("deployments")).hasSize(3);
    assertThat(finding.path("supplier").asText()).as("uploading the SBOM makes no one the supplier").isEmpty();
    // Acme owns scada once the coordinator (the local command line) approves its claim.
    String claim = run("product", "claim", "pkg:generic/acme/scada", "--org", "Acme", "--json").json().path("id").asText();
    assertThat(run("product", "approve", claim).code()).isZero();
    Run human = run("findings");
    assertThat(human.out()).contains("[unknown] pkg:generic/acme/scada@1.0 (Acme)").contains("runs at GridCo / Hamburg North");

    assertThat(run("advisory", "list").out()).contains("GHSA-jfh8-c2jp-5v3q");
    assertThat(run("advisory", "show", "CVE-2021-44228").out()).contains("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
    Run missing = run("advisory", "show", "GHSA-none-none-none");
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).contains("no advisory GHSA-none-none-none");
  }

  @Test
  void exportWritesEveryFormatValidAgainstItsSchema() throws Exception {
    graph();
    assertThat(run("ingest", "advisory", TestData.resolve(LOG4SHELL).toString()).code()).isZero();
    for (AdvisoryFormat format : AdvisoryFormat.values()) {
      Run export = run("advisory", "export", "GHSA-jfh8-c2jp-5v3q", "--format", format.label(), "--author", "Example CERT",
          "--namespace", "https://cert.example.org");
      assertThat(export.code()).as(format.label() + ": " + export.err()).isZero();
      assertThat(ExportSchemas.problems(format, JSON.readTree(export.out()))).as(format.label()).isEmpty();
    }
    Path output = dir.resolve("vex.json");
    assertThat(run("advisory", "export", "CVE-2021-44228", "--format", "csaf", "--output", output.toString()).code()).isZero();
    assertThat(Files.readString(output, StandardCharsets.UTF_8)).contains("\"csaf_vex\"");
    Run bad = run("advisory", "export", "CVE-2021-44228", "--format", "pdf");
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err()).contains("unknown format 'pdf'");
  }

  @Test
  void triageAnAdvisoryPerRoleWithStoredEvidence() throws Exception {
    graph();
    assertThat(run("ingest", "advisory", TestData.resolve(LOG4SHELL).toString()).code()).isZero();
    Run kev = run("ingest", "kev", TestData.resolve("kev/known_exploited_vulnerabilities.json").toString());
    assertThat(kev.code()).as(kev.err()).isZero();
    assertThat(kev.out()).contains("cisa-kev 2025.08.25").contains("1404 entries");
    Path epss = Files.writeString(dir.resolve("epss.csv"),
        "#model_version:v2025.03.14,score_date:2025-08-25T12:55:00Z\ncve,epss,percentile\nCVE-2021-44228,0.94358,0.99957\n");
    assertThat(run("ingest", "epss", epss.toString()).code()).isZero();

    Run deployer = run("triage", "--advisory", "CVE-2021-44228", "--as", "deployer", "--org", "GridCo", "--json");
    assertThat(deployer.code()).as(deployer.err()).isZero();
    JsonNode view = deployer.json();
    assertThat(view.path("exploitation").path("value").asText()).isEqualTo("active");
    assertThat(view.path("exploitation").path("evidence").toString()).contains("2025.08.25").contains("v2025.03.14");
    assertThat(view.path("ranked")).hasSize(2);
    assertThat(view.path("ranked").get(0).path("outcome").asText()).isEqualTo("immediate");
    Run text = run("triage", "--advisory", "CVE-2021-44228", "--as", "coordinator");
    assertThat(text.code()).isZero();
    assertThat(text.out()).contains("table cisa-coordinator").contains("1. ");
    // The offline subcommands still work beside the options.
    assertThat(run("triage", "cvss", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H").out()).contains("9.8");
    assertThat(run("triage").code()).isEqualTo(2);
    assertThat(run("triage", "--advisory", "CVE-2021-44228").code()).isEqualTo(2);
    assertThat(run("triage", "--advisory", "CVE-2021-44228", "--as", "tourist").code()).isEqualTo(2);
    Run wrongPoint = run("triage", "--advisory", "CVE-2021-44228", "--as", "deployer", "--assume", "utility=laborious");
    assertThat(wrongPoint.code()).isEqualTo(1);
    assertThat(wrongPoint.err()).contains("has no decision point 'utility'");
  }
}
