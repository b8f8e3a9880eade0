package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.accord.testing.TestData;
import org.accord.triage.SsvcTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TriageCommandTest {

  @TempDir Path dir;

  record Result(int code, String out, String err) {
    JsonNode json() {
      try {
        return new ObjectMapper().readTree(out);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + out, e);
      }
    }
  }

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void cvssPrintsScoreAndSeverity() {
    Result text = run("triage", "cvss", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
    assertThat(text.code()).isZero();
    assertThat(text.out()).isEqualTo("9.8 Critical (CVSS 3.1) CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\n");

    Result json = run("triage", "cvss", "--json", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N");
    assertThat(json.code()).isZero();
    List<String> fields = new ArrayList<>();
    json.json().fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("version", "score", "severity");
    assertThat(json.json().get("version").asText()).isEqualTo("4.0");
    assertThat(json.json().get("score").asDouble()).isEqualTo(9.3);
    assertThat(json.json().get("severity").asText()).isEqualTo("CRITICAL");
  }

  @Test
  void cvssRefusesABadVectorNamingTheMetric() {
    Result result = run("triage", "cvss", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/A:L");
    assertThat(result.code()).isEqualTo(Main.USER_ERROR);
    assertThat(result.err()).startsWith("accord: metric A: metric A appears more than once");
    assertThat(result.out()).isEmpty();
    assertThat(run("triage", "cvss").code()).isEqualTo(Main.USAGE);
  }

  @Test
  void ssvcDecidesWithOneOptionPerDecisionPoint() {
    Result result =
        run("triage", "ssvc", "--table", "deployer", "--exploitation", "active", "--system-exposure=open",
            "--automatable", "Y", "--human-impact", "very high", "--json");
    assertThat(result.code()).as(result.err()).isZero();
    JsonNode json = result.json();
    assertThat(json.get("outcome").asText()).isEqualTo("immediate");
    assertThat(json.get("table").asText()).isEqualTo("deployer");
    assertThat(json.get("tableDigest").asText()).isEqualTo(SsvcTable.builtin("deployer").digest());
    assertThat(json.get("inputs").toString())
        .isEqualTo("{\"exploitation\":\"active\",\"system-exposure\":\"open\",\"automatable\":\"yes\",\"human-impact\":\"very-high\"}");
    assertThat(json.get("evidence")).isEmpty();

    Result text = run("triage", "ssvc", "--table", "coordinator-publish", "--supplier-involvement", "fix-ready",
        "--exploitation", "none", "--public-value-added", "precedence");
    assertThat(text.code()).isZero();
    assertThat(text.out()).startsWith("outcome:  publish (Publish, Do Not Publish)\n");
  }

  @Test
  void ssvcNamesMissingUnknownAndInvalidOptions() {
    Result missing = run("triage", "ssvc", "--table", "deployer", "--automatable", "yes");
    assertThat(missing.code()).isEqualTo(Main.USAGE);
    assertThat(missing.err())
        .contains("table deployer needs --exploitation, --system-exposure, --human-impact (or --cve with evidence for exploitation)");

    Result unknown = run("triage", "ssvc", "--table", "deployer", "--utility", "efficient");
    assertThat(unknown.code()).isEqualTo(Main.USAGE);
    assertThat(unknown.err()).contains("unknown option --utility; table deployer has --exploitation, --system-exposure");

    Result invalid = run("triage", "ssvc", "--table", "deployer", "--exploitation", "likely");
    assertThat(invalid.code()).isEqualTo(Main.USAGE);
    assertThat(invalid.err()).contains("invalid value 'likely' for --exploitation (one of none, public-poc, active)");

    assertThat(run("triage", "ssvc", "--table", "deployer", "--exploitation").err()).contains("--exploitation needs a value");
    assertThat(run("triage", "ssvc", "--table", "deployer", "--exploitation", "none", "--exploitation", "none").err())
        .contains("--exploitation is given twice");
    assertThat(run("triage", "ssvc", "--exploitation", "none").code()).isEqualTo(Main.USAGE); // no table
    assertThat(run("triage", "ssvc", "--table", "deployer", "--table-file", "x.json").code()).isEqualTo(Main.USAGE);
    Result noTable = run("triage", "ssvc", "--table", "cvss-v4");
    assertThat(noTable.code()).isEqualTo(Main.USER_ERROR);
    assertThat(noTable.err()).contains("no built-in SSVC table 'cvss-v4'");
  }

  @Test
  void ssvcDerivesExploitationFromKevAndRecordsTheFeed() {
    String kev = TestData.resolve("kev/known_exploited_vulnerabilities.json").toString();
    Result result =
        run("triage", "ssvc", "--table", "cisa-coordinator", "--cve", "CVE-2021-44228", "--kev", kev,
            "--automatable", "no", "--technical-impact", "total", "--mission-and-well-being-impact", "medium", "--json");
    assertThat(result.code()).as(result.err()).isZero();
    JsonNode json = result.json();
    assertThat(json.get("inputs").get("exploitation").asText()).isEqualTo("active");
    assertThat(json.get("outcome").asText()).isEqualTo("attend");
    assertThat(json.get("evidence").get(0).get("feed").asText()).isEqualTo("cisa-kev");
    assertThat(json.get("evidence").get(0).get("version").asText()).isEqualTo("2025.08.25");
    assertThat(json.get("evidence").get(0).get("published").asText()).isEqualTo("2025-08-25T17:04:19.979600Z");
    assertThat(json.get("rationale").get(0).asText()).contains("added 2021-12-10");

    Result both = run("triage", "ssvc", "--table", "cisa-coordinator", "--cve", "CVE-2021-44228", "--kev", kev,
        "--exploitation", "none", "--automatable", "no", "--technical-impact", "total", "--mission-and-well-being-impact", "medium");
    assertThat(both.code()).isEqualTo(Main.USAGE);
    assertThat(both.err()).contains("not both");
    assertThat(run("triage", "ssvc", "--table", "deployer", "--kev", kev).err()).contains("need --cve");
  }

  @Test
  void ssvcAndExploitationReadEpssFromFile() throws IOException {
    Path epss = dir.resolve("epss.csv");
    Files.writeString(epss, "#model_version:v2025.03.14,score_date:2025-08-25T12:55:00Z\ncve,epss,percentile\nCVE-2025-12345,0.3,0.97\n");
    Result result = run("triage", "exploitation", "--cve", "cve-2025-12345", "--epss", epss.toString(), "--json");
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.json().get("exploitation").asText()).isEqualTo("public-poc");
    assertThat(result.json().get("evidence").get(0).get("version").asText()).isEqualTo("v2025.03.14");
    Result strict = run("triage", "exploitation", "--cve", "CVE-2025-12345", "--epss", epss.toString(), "--epss-threshold", "0.5");
    assertThat(strict.out()).startsWith("none: ");

    Files.writeString(epss, "cve,epss,percentile\n");
    Result bad = run("triage", "exploitation", "--cve", "CVE-2025-12345", "--epss", epss.toString());
    assertThat(bad.code()).isEqualTo(Main.USER_ERROR);
    assertThat(bad.err()).contains(epss + " line 1: expected the comment '#model_version:");
    Result absent = run("triage", "exploitation", "--cve", "CVE-2025-12345", "--epss", dir.resolve("nope.csv").toString());
    assertThat(absent.code()).isEqualTo(Main.USER_ERROR);
    assertThat(absent.err()).contains("no such file");
    assertThat(run("triage", "exploitation", "--cve", "CVE-2025-12345").code()).isEqualTo(Main.USAGE);
  }

  @Test
  void customTablesComeFromTheTemplateAndBadOnesNameTheRow() throws IOException {
    Result template = run("triage", "tables", "deployer");
    assertThat(template.code()).isZero();
    Path file = dir.resolve("appetite.json");
    // A more cautious appetite: out-of-cycle where CERT/CC says scheduled for an open, non-automatable, low-impact system.
    String cautious =
        template.out().replace("\"id\": \"deployer\"", "\"id\": \"cautious\"")
            .replace("[\"none\", \"open\", \"no\", \"low\", \"defer\"]", "[\"none\", \"open\", \"no\", \"low\", \"out-of-cycle\"]");
    assertThat(cautious).isNotEqualTo(template.out());
    Files.writeString(file, cautious);
    Result decided = run("triage", "ssvc", "--table-file", file.toString(), "--exploitation", "none", "--system-exposure", "open",
        "--automatable", "no", "--human-impact", "low", "--json");
    assertThat(decided.code()).as(decided.err()).isZero();
    assertThat(decided.json().get("table").asText()).isEqualTo("cautious");
    assertThat(decided.json().get("outcome").asText()).isEqualTo("out-of-cycle");

    Files.writeString(file, cautious.replace("[\"none\", \"open\", \"no\", \"low\", \"out-of-cycle\"]", "[\"none\", \"open\", \"no\", \"low\", \"later\"]"));
    Result bad = run("triage", "ssvc", "--table-file", file.toString(), "--exploitation", "none");
    assertThat(bad.code()).isEqualTo(Main.USER_ERROR);
    assertThat(bad.err()).startsWith("accord: " + file + " $.rows[").contains("'later' is not a value of priority");
  }

  @Test
  void tablesListsEveryBuiltInTable() {
    Result text = run("triage", "tables");
    assertThat(text.code()).isZero();
    for (String id : SsvcTable.builtinIds()) {
      assertThat(text.out()).contains(id + ": ");
    }
    Result json = run("triage", "tables", "--json");
    assertThat(json.json()).hasSize(5);
    assertThat(json.json().get(0).get("decisionPoints").get(0).get("values").toString()).isEqualTo("[\"none\",\"public-poc\",\"active\"]");
  }

  /** The ssvc help footer lists the options by hand; it must name every decision point of every built-in table. */
  @Test
  void ssvcHelpNamesEveryBuiltInDecisionPoint() {
    Result help = run("triage", "ssvc", "--help");
    assertThat(help.code()).isZero();
    List<String> ids = SsvcTable.builtinIds();
    for (int t = 0; t < ids.size(); t++) {
      String id = ids.get(t);
      int start = help.out().indexOf("  " + id + " ");
      int end = t + 1 < ids.size() ? help.out().indexOf("  " + ids.get(t + 1) + " ") : help.out().indexOf("A custom table (--table-file)");
      assertThat(start).as(id).isPositive();
      String section = help.out().substring(start, end);
      for (SsvcTable.DecisionPoint point : SsvcTable.builtin(id).decisionPoints()) {
        assertThat(help.out()).contains("--" + point.id());
        assertThat(section).as("%s section", id).contains("--" + point.id());
      }
    }
    assertThat(run("triage").code()).isEqualTo(Main.USAGE);
    assertThat(run("triage", "--help").out()).contains("cvss", "ssvc", "tables", "exploitation");
  }

  /**
   * Issue 7, item 5: with no KEV catalog and no EPSS scores loaded, Exploitation is the most severe
   * value, marked assumed, with the reason; once a catalog is loaded, a CVE it does not list is none
   * from that catalog (named with its date), and a CVE it lists is active from it.
   */
  @Test
  void exploitationWithoutFeedsIsAssumedActiveThenDecidedByTheFeeds() throws Exception {
    String data = dir.resolve("data").toString();
    Path sbom = Files.writeString(dir.resolve("scada.cdx.json"), org.accord.testing.Documents.cycloneDx("scada", "2.1.0"));
    Path advisory = Files.writeString(dir.resolve("osv.json"), org.accord.testing.Documents.osv("GHSA-asum-2345-6789", "CVE-2099-0001"));
    for (String[] ingest : List.of(new String[] {"sbom", sbom.toString()}, new String[] {"advisory", advisory.toString()})) {
      assertThat(run("--data", data, "ingest", ingest[0], ingest[1]).code()).isZero();
    }
    for (String[] command : org.accord.testing.Documents.inventoryCommands(dir, "scada")) {
      String[] withData = new String[command.length + 2];
      withData[0] = "--data";
      withData[1] = data;
      System.arraycopy(command, 0, withData, 2, command.length);
      assertThat(run(withData).code()).isZero();
    }
    String[] triage = {"--data", data, "triage", "--advisory", "CVE-2099-0001", "--as", "deployer", "--org", "GridCo"};

    Result text = run(triage);
    assertThat(text.code()).as(text.err()).isZero();
    assertThat(text.out()).contains("exploitation: active (assumed: CVE-2099-0001: no KEV catalog or EPSS scores are loaded")
        .contains("exploitation=active*");
    JsonNode assumed = run(withJson(triage)).json();
    assertThat(assumed.path("exploitation").path("value").asText()).isEqualTo("active");
    assertThat(assumed.path("exploitation").path("source").asText()).isEqualTo("assumed");
    assertThat(assumed.path("exploitation").path("evidence")).isEmpty();
    assertThat(assumed.path("ranked")).isNotEmpty().allSatisfy(unit -> {
      assertThat(unit.path("derived").path("exploitation").asText()).isEqualTo("assumed");
      assertThat(unit.path("outcome").asText()).isEqualTo("immediate");
    });

    Path without = Files.writeString(dir.resolve("kev-1.json"), org.accord.testing.Documents.kev("2025.01.02", "CVE-2024-0001"));
    assertThat(run("--data", data, "ingest", "kev", without.toString()).code()).isZero();
    JsonNode absent = run(withJson(triage)).json();
    assertThat(absent.path("exploitation").path("value").asText()).isEqualTo("none");
    assertThat(absent.path("exploitation").path("source").asText()).isEqualTo("evidence");
    assertThat(absent.path("exploitation").path("reason").asText()).contains("not in cisa-kev 2025.01.02 (2025-01-02T10:00:00Z)");
    assertThat(absent.path("ranked").get(0).path("derived").path("exploitation").asText()).isEqualTo("evidence");

    Path listed = Files.writeString(dir.resolve("kev-2.json"), org.accord.testing.Documents.kev("2025.02.03", "CVE-2024-0001", "CVE-2099-0001"));
    assertThat(run("--data", data, "ingest", "kev", listed.toString()).code()).isZero();
    JsonNode active = run(withJson(triage)).json();
    assertThat(active.path("exploitation").path("value").asText()).isEqualTo("active");
    assertThat(active.path("exploitation").path("source").asText()).isEqualTo("evidence");
    assertThat(active.path("exploitation").path("reason").asText()).contains("CVE-2099-0001 is in cisa-kev 2025.02.03");
  }

  private static String[] withJson(String[] args) {
    String[] json = java.util.Arrays.copyOf(args, args.length + 1);
    json[args.length] = "--json";
    return json;
  }
}
