package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code accord rules list|show|validate} (ADR 0130, 0131). */
class RulesCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  static final String OUR_LIST = """
      {"id": "our-list", "kind": "sanctions", "title": "Our sanctions list", "jurisdictions": [],
       "source": {"title": "Council Regulation (EU) No 833/2014"}, "checked": "2026-12-03",
       "blocked": [{"country": "RU", "source": "Council Regulation (EU) No 833/2014"}]}
      """;

  CliRun accord(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--data";
    all[1] = dir.resolve("data").toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return CliRun.run(all);
  }

  Path write(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void listAndShowWorkWithoutAStore() throws Exception {
    CliRun list = accord("rules", "list");
    assertThat(list.exit()).as(list.all()).isZero();
    assertThat(list.out().lines()).hasSize(5);
    assertThat(list.out()).contains("eu-cra").contains("law").contains("2026-12-03").contains("shipped");
    assertThat(Files.exists(dir.resolve("data/accord.db"))).as("reading packs opens no store").isFalse();

    CliRun cra = accord("rules", "show", "eu-cra");
    assertThat(cra.exit()).isZero();
    assertThat(cra.out())
        .contains("Source: Regulation (EU) 2024/2847")
        .contains("cra-14-early-warning (Art. 14(1) and 14(2)(a))")
        .contains("when actively_exploited, binds vendor in EU")
        .contains("notify the CSIRT designated as coordinator and ENISA: early warning within PT24H of exploitation_observed")
        .contains("final report within P14D of corrective_measure_available");
    CliRun rmsv = accord("rules", "show", "cn-rmsv");
    assertThat(rmsv.out()).contains("do not share unpublished details with parties outside CN, except product_provider");
    CliRun policies = accord("rules", "show", "disclosure-policies");
    assertThat(policies.out()).contains("project-zero: Google Project Zero (90+30): 90 days (+30); 7 days when exploited in the wild")
        .contains("embargo at most 14 days");
    assertThat(accord("rules", "show", "sanctions").out()).contains("Blocked: none (an empty template)");

    JsonNode shown = JSON.readTree(accord("rules", "show", "eu-nis2", "--json").out());
    assertThat(shown.path("pack").path("rules").get(2).path("obligation").path("within").asText()).isEqualTo("P1M");
    CliRun missing = accord("rules", "show", "xx-gone");
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).contains("no rule pack 'xx-gone'");
  }

  @Test
  void instancePacksAreListedAndABadOneIsAClearError() throws Exception {
    write("data/rules/our-list.json", OUR_LIST);
    assertThat(accord("org", "create", "Vendora", "--kind", "vendor").exit()).as("an instance opens with a good pack").isZero();
    JsonNode listed = JSON.readTree(accord("rules", "list", "--json").out());
    assertThat(listed.path("packs")).extracting(p -> p.path("id").asText()).contains("our-list");

    write("data/rules/eu-cra.json", Files.readString(dir.resolve("data/rules/our-list.json")).replace("our-list", "eu-cra"));
    CliRun refused = accord("rules", "list");
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err()).contains("eu-cra.json#/id").contains("\"overrides\": true");
    CliRun open = accord("org", "list");
    assertThat(open.exit()).as("the instance does not open with a bad pack").isEqualTo(1);
    assertThat(open.err()).contains("rule pack").contains("eu-cra.json#/id");
  }

  @Test
  void validateNamesFileAndPointerForEachProblem() throws Exception {
    Path good = write("our-list.json", OUR_LIST);
    CliRun ok = accord("rules", "validate", good.toString());
    assertThat(ok.exit()).as(ok.all()).isZero();
    assertThat(ok.out()).isEqualTo(good + ": valid (our-list, sanctions)\n");

    Path bad = write("bad.json", """
        {"id": "bad", "kind": "law", "title": "Bad", "jurisdictions": ["EU"], "source": {"title": "x"},
         "checked": "2026-12-03", "rules": [{"id": "r1", "trigger": "full_moon", "binds": {"kinds": ["vendor"],
         "countries": ["EU"]}, "obligation": {"type": "fine", "amount": 1}, "source": "Art. 1"}]}
        """);
    Path yaml = write("wrong-name.yaml", "id: other\nkind: policies\n");
    Path absent = dir.resolve("absent.json");
    CliRun refused = accord("rules", "validate", good.toString(), bad.toString(), yaml.toString(), absent.toString());
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.out())
        .contains(bad + ": invalid")
        .contains(bad + "#/rules/0/trigger: ")
        .contains(bad + "#/rules/0/obligation/type: ")
        .contains(yaml + ": invalid")
        .contains(absent + ": invalid\n  " + absent + ": no such file");

    JsonNode report = JSON.readTree(accord("rules", "validate", "--json", bad.toString()).out());
    assertThat(report.path("valid").asBoolean()).isFalse();
    assertThat(report.path("problems")).extracting(p -> p.path("pointer").asText())
        .contains("/rules/0/trigger", "/rules/0/obligation/type");

    Path misnamed = write("mine.json", OUR_LIST);
    CliRun name = accord("rules", "validate", misnamed.toString());
    assertThat(name.out()).contains(misnamed + "#/id: the pack's id 'our-list' must be the file's name");
  }

  @Test
  void helpHasExamples() {
    CliRun help = CliRun.run("rules", "validate", "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("Examples:").contains("accord rules validate acme.json").doesNotContain("--data");
  }
}
