package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.accord.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdvisoryValidateCommandTest {
  private static final String MANDATORY = "csaf/csaf_2.0/test/validator/data/mandatory/";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path temp;

  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  private static String suite(String name) {
    return TestData.resolve(MANDATORY + name).toString();
  }

  /** A CSAF Base document without a finding of any level (its URLs are not resolved offline). */
  static final String CLEAN =
      """
      {
        "document": {
          "category": "csaf_base",
          "csaf_version": "2.0",
          "distribution": {"tlp": {"label": "WHITE"}},
          "lang": "en",
          "publisher": {"category": "vendor", "name": "Accord tests", "namespace": "%s"},
          "references": [{"category": "self", "summary": "Canonical URL.", "url": "%s/csaf/accord-test-1.json"}],
          "title": "Minimal advisory",
          "tracking": {
            "current_release_date": "2024-01-02T00:00:00.000Z",
            "id": "ACCORD-TEST-1",
            "initial_release_date": "2024-01-01T00:00:00.000Z",
            "revision_history": [{"date": "2024-01-01T00:00:00.000Z", "number": "1", "summary": "Initial version."}],
            "status": "final",
            "version": "1"
          }
        }
      }
      """;

  @Test
  void validDocumentExitsZeroAndShowsItsWarningsAndInformation() {
    String example = TestData.resolve("csaf/csaf_2.0/examples/csaf/bsi-2022-0001.json").toString();
    Run run = run("advisory", "validate", example);
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines())
        .containsExactly(
            example + ": valid, 1 optional and 3 informative findings",
            "6.2.11 (optional) $.document.references no reference of category self is the canonical URL: an https:// URL "
                + "ending in /bsi-2022-0001.json",
            "6.3.8 (informative) $.document.publisher.name possible spelling mistakes (en_US): Bundesamt, für, Sicherheit, "
                + "Informationstechnik",
            "6.3.8 (informative) $.document.tracking.generator.engine.name possible spelling mistake (en_US): Secvisogram",
            "6.3.8 (informative) $.vulnerabilities[0].acknowledgments[0].names[0] possible spelling mistake (en_US): Pfammatter",
            "not checked: 6.3.6 (3): URLs are not resolved offline; --resolve-urls requests them");

    Run basic = run("advisory", "validate", "--tests", "basic", example);
    assertThat(basic.exitCode()).isZero();
    assertThat(basic.out()).isEqualTo(example + ": valid" + System.lineSeparator());
  }

  @Test
  void strictFailsOnAnyFindingOfAnyLevel() throws IOException {
    String example = TestData.resolve("csaf/csaf_2.0/examples/csaf/bsi-2022-0001.json").toString();
    Run warned = run("advisory", "validate", "--strict", example);
    assertThat(warned.exitCode()).isEqualTo(1);
    assertThat(warned.out()).startsWith(example + ": valid, 1 optional and 3 informative findings");
    assertThat(run("advisory", "validate", "--strict", "--tests", "basic", example).exitCode()).isZero();

    Path clean = Files.writeString(temp.resolve("accord-test-1.json"), CLEAN.formatted("https://accord.example", "https://accord.example"));
    Run strict = run("advisory", "validate", "--strict", clean.toString());
    assertThat(strict.exitCode()).as(strict.out()).isZero();
    assertThat(strict.out().lines())
        .containsExactly(
            clean + ": valid",
            "not checked: 6.3.6 (1): URLs are not resolved offline; --resolve-urls requests them",
            "not checked: 6.3.7 (1): URLs are not resolved offline; --resolve-urls requests them");
  }

  @Test
  void invalidDocumentPrintsOneLinePerFindingAndExitsOne() {
    String file = suite("oasis_csaf_tc-csaf_2_0-2021-6-1-01-01.json");
    Run run = run("advisory", "validate", file);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out().lines())
        .containsExactly(
            file + ": invalid, 2 mandatory and 3 optional findings",
            "6.1.1 $.product_tree.product_groups[0].product_ids[0] product ID 'CSAFPID-9080700' is not defined in the product tree",
            "6.1.1 $.product_tree.product_groups[0].product_ids[1] product ID 'CSAFPID-9080701' is not defined in the product tree",
            "6.2.10 (optional) $.document.distribution.tlp.label the document has no TLP label",
            "6.2.11 (optional) $.document.references no reference of category self is the canonical URL: an https:// URL "
                + "ending in /oasis_csaf_tc-csaf_2_0-2021-6-1-01-01.json",
            "6.2.12 (optional) $.document.lang the document language is not set",
            "not checked: 6.3.6 (1): URLs are not resolved offline; --resolve-urls requests them",
            "not checked: 6.3.8 (1): no document language, so no spell check (as §6.3.8 says)");

    Run basic = run("advisory", "validate", "--tests", "basic", file);
    assertThat(basic.out().lines())
        .containsExactly(
            file + ": invalid, 2 findings",
            "6.1.1 $.product_tree.product_groups[0].product_ids[0] product ID 'CSAFPID-9080700' is not defined in the product tree",
            "6.1.1 $.product_tree.product_groups[0].product_ids[1] product ID 'CSAFPID-9080701' is not defined in the product tree");
  }

  @Test
  void resolveUrlsRequestsEveryUrl() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/") ? 200 : 404, -1);
      exchange.close();
    });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      Path document = Files.writeString(temp.resolve("accord-test-1.json"), CLEAN.formatted(base + "/", base));
      Run offline = run("advisory", "validate", document.toString());
      assertThat(offline.out()).doesNotContain("6.3.7 (informative)").contains("not checked: 6.3.7 (1)");
      Run online = run("advisory", "validate", "--resolve-urls", document.toString());
      assertThat(online.exitCode()).isZero();
      assertThat(online.out().lines())
          .contains(
              "6.2.11 (optional) $.document.references no reference of category self is the canonical URL: an https:// URL "
                  + "ending in /accord-test-1.json",
              "6.3.7 (informative) $.document.references[0].url '" + base + "/csaf/accord-test-1.json' answers with HTTP "
                  + "status 404 (2xx or 3xx expected)")
          .noneMatch(line -> line.startsWith("not checked"))
          .noneMatch(line -> line.startsWith("6.3.6"));
    } finally {
      server.stop(0);
    }
  }

  @Test
  void jsonOutputForOneFileIsAnObject() throws IOException {
    String file = suite("oasis_csaf_tc-csaf_2_0-2021-6-1-08-01.json");
    Run run = run("advisory", "validate", "--json", file);
    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode report = MAPPER.readTree(run.out());
    assertThat(report.get("file").asText()).isEqualTo(file);
    assertThat(report.get("valid").asBoolean()).isFalse();
    assertThat(report.has("error")).isFalse();
    assertThat(report.get("findings").get(0).get("test").asText()).isEqualTo("6.1.8");
    assertThat(report.get("findings").get(0).get("path").asText()).isEqualTo("$.vulnerabilities[0].scores[0].cvss_v3");
    assertThat(report.get("findings").get(0).get("message").asText()).contains("baseSeverity");
    assertThat(report.get("findings").get(0).get("level").asText()).isEqualTo("mandatory");
    JsonNode optional = report.get("findings").get(report.get("findings").size() - 1);
    assertThat(optional.get("level").asText()).isIn("optional", "informative");
    assertThat(report.get("unchecked").get(0).get("test").asText()).isEqualTo("6.3.6");
    assertThat(report.get("unchecked").get(0).get("reason").asText()).isEqualTo("URLs are not resolved offline");
  }

  @Test
  void severalFilesAreAllCheckedAndAnyFailureExitsOne() throws IOException {
    Path malformed = Files.writeString(temp.resolve("broken.json"), "{\n  \"document\": ,\n}");
    String valid = TestData.resolve("csaf/csaf_2.0/examples/csaf/csaf_vex/2022-evd-uc-01-a-001.json").toString();
    String invalid = suite("oasis_csaf_tc-csaf_2_0-2021-6-1-12-01.json");
    Run run = run("advisory", "validate", valid, malformed.toString(), invalid, temp.resolve("missing.json").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(valid + ": valid")
        .contains(malformed + ": error")
        .contains(invalid + ": invalid, 1 mandatory, 2 optional and 1 informative findings")
        .contains("6.1.12 $.document.lang 'EZ' is not a valid language tag")
        .contains("1 of 4 documents valid")
        .contains("findings by test: 6.1.12=1");
    assertThat(run.err())
        .contains("accord: " + malformed + ": line 2, column 15: malformed JSON")
        .contains("accord: " + temp.resolve("missing.json") + ": no such file");

    Run json = run("advisory", "validate", "--json", valid, malformed.toString());
    JsonNode reports = MAPPER.readTree(json.out());
    assertThat(reports.isArray()).isTrue();
    assertThat(reports.get(0).get("valid").asBoolean()).isTrue();
    assertThat(reports.get(1).get("valid").asBoolean()).isFalse();
    assertThat(reports.get(1).get("error").asText()).startsWith("line 2, column 15: malformed JSON");
    assertThat(json.exitCode()).isEqualTo(1);
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(run("advisory").exitCode()).isEqualTo(2);
    Run noFile = run("advisory", "validate");
    assertThat(noFile.exitCode()).isEqualTo(2);
    assertThat(noFile.err()).contains("Missing required parameter: 'FILE'");
  }

  @Test
  void helpExplainsOutputAndExitCodes() {
    Run help = run("advisory", "validate", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out())
        .contains("6.1.1", "6.2.1", "6.3.11", "schema", "(optional)", "--json", "level", "--strict", "--resolve-urls", "--tests")
        .contains("Exit code", "Examples:");
  }
}
