package org.accord.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.accord.InvalidInputException;
import org.junit.jupiter.api.Test;

class ReportReaderTest {
  static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");

  static final String MARKDOWN = """
      # Heap overflow in LibraCore's frame decoder

      A crafted frame overflows the decode buffer.

      ### Reproduction
      ```
      ## not a heading: inside a fence
      ```

      ## Affected
      - pkg:maven/org.libra/libracore [2.0,2.3.4)
      - pkg:npm/libra-js vers:npm/>=1.0.0|<1.3.0
      - pkg:pypi/libra introduced=2.0 fixed=2.3.4
      * pkg:cargo/libra@2.1.0

      ## CVSS
      CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H

      ## Embargo
      2027-01-17T17:00:00+01:00

      ## Credit
      named: Ada Lovelace
      """;

  static final String JSON = """
      {
        "title": "Heap overflow in LibraCore's frame decoder",
        "description": "A crafted frame overflows the decode buffer.",
        "affected": [
          {"purl": "pkg:maven/org.libra/libracore", "range": "[2.0,2.3.4)"},
          {"purl": "pkg:pypi/libra", "events": [{"introduced": "2.0"}, {"fixed": "2.3.4"}]}
        ],
        "cvss": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        "embargo": {"end": "2027-06-01T00:00:00Z", "justification": "firmware ships quarterly"},
        "credit": {"preference": "none"}
      }
      """;

  static void refused(String body, String location, String message) {
    assertThatThrownBy(() -> ReportReader.read(body.getBytes(StandardCharsets.UTF_8), NOW))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining(message)
        .satisfies(e -> assertThat(((InvalidInputException) e).location()).isEqualTo(location));
  }

  @Test
  void readsTheMarkdownForm() {
    Report report = ReportReader.read(MARKDOWN.getBytes(StandardCharsets.UTF_8), NOW);
    assertThat(report.title()).isEqualTo("Heap overflow in LibraCore's frame decoder");
    assertThat(report.description()).startsWith("A crafted frame").contains("### Reproduction", "## not a heading");
    assertThat(report.affected()).extracting(p -> p.purl().canonical()).containsExactly(
        "pkg:maven/org.libra/libracore", "pkg:npm/libra-js", "pkg:pypi/libra", "pkg:cargo/libra");
    ReportedPackage libracore = report.affected().get(0);
    assertThat(libracore.range().contains("2.0")).isTrue();
    assertThat(libracore.range().contains("2.3.3")).isTrue();
    assertThat(libracore.range().contains("2.3.4")).isFalse();
    assertThat(report.affected().get(1).range().contains("1.2.9")).isTrue();
    assertThat(report.affected().get(2).range().contains("2.3.4")).as("OSV fixed is exclusive").isFalse();
    assertThat(report.affected().get(2).range().contains("2.2")).isTrue();
    assertThat(report.affected().get(3).range().contains("2.1.0")).isTrue();
    assertThat(report.affected().get(3).range().contains("2.1.1")).isFalse();
    assertThat(report.cvssVector()).contains("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
    assertThat(report.embargo()).get().extracting(EmbargoTerms::end).isEqualTo(Instant.parse("2027-01-17T16:00:00Z"));
    assertThat(report.credit()).isEqualTo(Credit.named("Ada Lovelace"));
  }

  @Test
  void readsTheJsonForm() {
    Report report = ReportReader.read(JSON.getBytes(StandardCharsets.UTF_8), NOW);
    assertThat(report.affected()).hasSize(2);
    assertThat(report.affected().get(1).range().contains("2.3.3")).isTrue();
    assertThat(report.embargo()).get().extracting(t -> t.justification().orElseThrow()).isEqualTo("firmware ships quarterly");
    assertThat(report.credit().preference()).isEqualTo(Credit.Preference.NONE);
  }

  @Test
  void creditIsAnonymousUnlessStated() {
    String minimal = "# T\nD\n## Affected\n- pkg:maven/org.libra/libracore [2.0,2.3.4)\n";
    Report report = ReportReader.read(minimal.getBytes(StandardCharsets.UTF_8), NOW);
    assertThat(report.credit()).isEqualTo(Credit.anonymous());
    assertThat(report.embargo()).isEmpty();
    assertThat(report.cvssVector()).isEmpty();
  }

  @Test
  void markdownErrorsNameTheLineAndField() {
    refused(MARKDOWN.replace("[2.0,2.3.4)", "[2.0,2.3.4"), "line 11, field affected", "is not closed");
    refused(MARKDOWN.replace("pkg:maven/org.libra/libracore", "maven:org.libra/libracore"), "line 11, field affected",
        "package URL");
    refused(MARKDOWN.replace("fixed=2.3.4", "patched=2.3.4"), "line 13, field affected", "unknown OSV event 'patched'");
    refused(MARKDOWN.replace("CVSS:3.1/AV:N", "CVSS:9/AV:N"), "line 17, field cvss", "not a CVSS vector");
    refused(MARKDOWN.replace("2027-01-17T17:00:00+01:00", "2027-01-17"), "line 20, field embargo.end",
        "not an instant with its offset");
    refused(MARKDOWN.replace("2027-01-17T17:00:00+01:00", "2026-12-01T00:00:00Z"), "line 20, field embargo.end",
        "not in the future");
    refused(MARKDOWN.replace("2027-01-17T17:00:00+01:00", "2027-06-01T00:00:00Z"), "line 20, field embargo.justification",
        "needs a written justification");
    refused(MARKDOWN.replace("2027-01-17T17:00:00+01:00", "2028-01-01T00:00:00Z\nlong story"), "line 20, field embargo.end",
        "more than one year");
    refused(MARKDOWN.replace("named: Ada Lovelace", "famous"), "line 23, field credit", "'famous'");
    refused(MARKDOWN.replace("named: Ada Lovelace", "named:"), "line 23, field credit.name", "needs the name");
    refused(MARKDOWN.replace("## CVSS", "## Severity"), "line 16, field heading", "unknown section 'Severity'");
    refused(MARKDOWN.replace("## Credit", "## Affected"), "line 22, field affected", "twice");
    refused("Heap overflow\n", "line 1, field title", "starts with '# '");
    refused("# T\n\n## Affected\n- pkg:maven/a/b [1.0]\n", "line 2, field description", "missing");
    refused("# T\nD\n", "line 3, field affected", "section is missing");
    refused("# T\nD\n## Affected\n- pkg:maven/a/b\n", "line 4, field affected", "versions are missing");
    refused("# T\nD\n## Affected\n- pkg:maven/a/b [1.0]\n- pkg:maven/a/b [2.0]\n", "line 3, field affected", "twice");
  }

  @Test
  void jsonErrorsNameTheLineAndField() {
    refused(JSON.replace("[2.0,2.3.4)", "[2.3.4,2.0)"), "line 5, field affected[0].range", "is empty");
    refused(JSON.replace("{\"introduced\": \"2.0\"}, ", ""), "line 6, field affected[1].events", "no 'introduced'");
    refused(JSON.replace("\"purl\": \"pkg:maven", "\"url\": \"pkg:maven"), "line 5, field affected[0].url",
        "unknown field");
    refused(JSON.replace("\"cvss\"", "\"severity\""), "line 8, field severity", "unknown field");
    refused(JSON.replace("2027-06-01T00:00:00Z", "2028-06-01T00:00:00Z"), "line 9, field embargo.end", "one year");
    refused(JSON.replace("\"none\"", "\"loud\""), "line 10, field credit.preference", "'loud'");
    refused(JSON.replace("\"title\": \"Heap overflow in LibraCore's frame decoder\",", "\"title\": 7,"),
        "line 2, field title", "a string is required");
    refused(JSON.replace("],\n  \"cvss\"", "]\n  \"cvss\""), "line 8", "was expecting comma");
    refused(JSON.replace("\"title\"", "\"description\""), "line 3", "appears twice");
    refused("{\"title\": \"T\", \"description\": \"D\"}", "line 1, field affected", "array of packages is required");
    refused("{\"title\": \"T\", \"description\": \"D\", \"affected\": []}", "line 1, field affected", "at least one");
  }

  @Test
  void sizeAndEncodingAreBounded() {
    byte[] big = ("# T\n" + "x".repeat(ReportReader.MAX_BYTES)).getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ReportReader.read(big, NOW)).hasMessageContaining("at most 65536")
        .satisfies(e -> assertThat(((InvalidInputException) e).location()).isEqualTo("body"));
    assertThatThrownBy(() -> ReportReader.read(new byte[] {'#', ' ', (byte) 0xC3, (byte) 0x28}, NOW))
        .hasMessageContaining("not UTF-8");
    assertThatThrownBy(() -> ReportReader.read(" \n ".getBytes(StandardCharsets.UTF_8), NOW)).hasMessageContaining("empty");
    String longTitle = "# " + "t".repeat(Report.MAX_TITLE_CHARS + 1) + "\nD\n## Affected\n- pkg:maven/a/b [1.0]\n";
    refused(longTitle, "line 1, field title", "at most 200");
    refused("[" + "[".repeat(40) + "]".repeat(41), "line 1, field title", "starts with '# '");
    refused("{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}", "line 1", "nested deeper");
  }
}
