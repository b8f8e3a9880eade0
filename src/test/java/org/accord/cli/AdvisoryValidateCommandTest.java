package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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

  @Test
  void validDocumentExitsZero() {
    String example = TestData.resolve("csaf/csaf_2.0/examples/csaf/bsi-2022-0001.json").toString();
    Run run = run("advisory", "validate", example);
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo(example + ": valid" + System.lineSeparator());
  }

  @Test
  void invalidDocumentPrintsOneLinePerFindingAndExitsOne() {
    String file = suite("oasis_csaf_tc-csaf_2_0-2021-6-1-01-01.json");
    Run run = run("advisory", "validate", file);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out().lines())
        .containsExactly(
            file + ": invalid, 2 findings",
            "6.1.1 $.product_tree.product_groups[0].product_ids[0] product ID 'CSAFPID-9080700' is not defined in the product tree",
            "6.1.1 $.product_tree.product_groups[0].product_ids[1] product ID 'CSAFPID-9080701' is not defined in the product tree");
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
        .contains(invalid + ": invalid, 1 finding")
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
    assertThat(help.out()).contains("6.1.1", "schema", "--json", "Exit code", "Examples:");
  }
}
