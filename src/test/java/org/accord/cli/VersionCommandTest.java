package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code accord version ...} through {@link Main#run}, with standard input swapped where needed. */
class VersionCommandTest {
  private final InputStream originalIn = System.in;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @AfterEach
  void restoreStdin() {
    System.setIn(originalIn);
  }

  private int run(String... args) {
    return Main.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  private int runWithStdin(String stdin, String... args) {
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    return run(args);
  }

  @ParameterizedTest
  @CsvSource({
    "deb, 1:1.0-1, 1.0-2, >",
    "deb, 1.0~rc1, 1.0, <",
    "maven, 1.0, 1.0.0, =",
    "PyPI, 1.0.post1, 1.0, >",
    "crates.io, 0.2.23, 0.2.7, >",
    "Debian:12, 2.36-9+deb12u4, 2.36-9, >",
    "rpm, 1.0^git1, 1.0.1, <",
    "npm, 1.0.0-alpha.10, 1.0.0-alpha.9, >",
    "npm, 1.0.0-alpha10, 1.0.0-alpha9, <"
  })
  void compares(String ecosystem, String a, String b, String expected) {
    assertThat(run("version", "compare", ecosystem, a, b)).isZero();
    assertThat(out.toString().strip()).isEqualTo(expected);
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void comparesAsJson() throws Exception {
    assertThat(run("version", "compare", "--json", "maven", "1.0", "1.0.0")).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.path("ecosystem").asText()).isEqualTo("maven");
    assertThat(json.path("a").asText()).isEqualTo("1.0");
    assertThat(json.path("b").asText()).isEqualTo("1.0.0");
    assertThat(json.path("result").asText()).isEqualTo("=");
  }

  @Test
  void refusesAnInvalidVersionOrAnUnknownEcosystem() {
    assertThat(run("version", "compare", "pypi", "1.0", "not-a-version")).isEqualTo(1);
    assertThat(err.toString()).contains("pypi").contains("'not-a-version'").doesNotContain("Exception");
    assertThat(out.toString()).isEmpty();
    err.getBuffer().setLength(0);
    assertThat(run("version", "compare", "cobol", "1", "2")).isEqualTo(1);
    assertThat(err.toString()).contains("unknown ecosystem 'cobol'");
    err.getBuffer().setLength(0);
    assertThat(run("version", "compare", "Hex", "1.0.0", "2.0.0")).isEqualTo(1);
    assertThat(err.toString()).contains("'Hex'");
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(run("version", "compare", "npm", "1.0.0")).isEqualTo(2);
    assertThat(run("version")).isEqualTo(2);
  }

  @Test
  void sortsStandardInput() {
    assertThat(runWithStdin("1.10\n\n1.9\n  \n1.9.1\n1.0.0-rc.1\n", "version", "sort", "npm")).isZero();
    assertThat(out.toString().lines().toList()).containsExactly("1.0.0-rc.1", "1.9", "1.9.1", "1.10");
  }

  @Test
  void sortsInReverseAndAsJson() throws Exception {
    assertThat(runWithStdin("1.0~rc1\n1.0\n1:0.9\n0.9\n", "version", "sort", "deb", "--reverse", "--json")).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.isArray()).isTrue();
    assertThat(json.toString()).isEqualTo("[\"1:0.9\",\"1.0\",\"1.0~rc1\",\"0.9\"]");
  }

  @Test
  void sortKeepsEqualVersionsInInputOrder() {
    assertThat(runWithStdin("1.0.0\n1.0\n1\n0.9\n", "version", "sort", "maven")).isZero();
    assertThat(out.toString().lines().toList()).containsExactly("0.9", "1.0.0", "1.0", "1");
  }

  @Test
  void sortNamesTheBadLine() {
    assertThat(runWithStdin("1.0\n\n2.0\nnot a version\n", "version", "sort", "pypi")).isEqualTo(1);
    assertThat(err.toString()).contains("line 4").contains("'not a version'");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void containsAVersion() throws Exception {
    String log4shell = "vers:maven/<2.3.1|>=2.4|<2.12.2|>=2.13.0|<2.15.0";
    assertThat(run("version", "contains", log4shell, "2.14.1")).isZero();
    assertThat(out.toString().strip()).isEqualTo("true");
    out.getBuffer().setLength(0);
    assertThat(run("version", "contains", "--json", log4shell, "2.15.0")).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.path("contains").asBoolean()).isFalse();
    assertThat(json.path("range").asText()).isEqualTo(log4shell);
  }

  @Test
  void containsRefusesNonCanonicalRangesUnlessLenient() {
    assertThat(run("version", "contains", "vers:pypi/>=2.0|<1.0", "1.5")).isEqualTo(1);
    assertThat(err.toString()).contains("not sorted");
    assertThat(run("version", "contains", "--lenient", "vers:pypi/1.0|0.5", "0.5")).isZero();
    assertThat(out.toString().strip()).isEqualTo("true");
  }

  @Test
  void convertsNativeRanges() {
    assertThat(run("version", "vers", "npm", "^1.2.3 || >=2.0.1")).isZero();
    assertThat(out.toString().strip()).isEqualTo("vers:npm/>=1.2.3|<2.0.0|>=2.0.1");
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : new String[] {"compare", "sort", "contains", "vers"}) {
      StringWriter help = new StringWriter();
      assertThat(Main.run(new PrintWriter(help), new PrintWriter(err), "version", command, "--help")).isZero();
      assertThat(help.toString()).contains("Usage: accord version " + command).contains("--json");
    }
  }
}
