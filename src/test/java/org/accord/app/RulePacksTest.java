package org.accord.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.accord.EnvironmentException;
import org.accord.jurisdiction.RuleBook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ADR 0131: where an instance's packs live, and a bad pack stopping the instance before it claims anything. */
class RulePacksTest {
  @TempDir Path dir;

  static final String OURS = """
      {"id": "ours", "kind": "sanctions", "title": "Ours", "jurisdictions": [], "source": {"title": "x"},
       "checked": "2026-12-03", "blocked": [{"country": "RU", "source": "Council Regulation (EU) No 833/2014"}]}
      """;

  @Test
  void theDirectoryIsTheVariablesElseRulesInTheDataDirectory() throws Exception {
    Path data = dir.resolve("data");
    assertThat(RulePacks.directory(data, Map.of())).isEqualTo(data.resolve("rules"));
    assertThat(RulePacks.directory(data, Map.of(RulePacks.DIRECTORY_VARIABLE, "/etc/accord/rules"))).isEqualTo(Path.of("/etc/accord/rules"));
    assertThat(RulePacks.load(data, Map.of()).book().packs()).as("no directory: the shipped packs").hasSize(RuleBook.SHIPPED_IDS.size());
    assertThatThrownBy(() -> RulePacks.load(data, Map.of(RulePacks.DIRECTORY_VARIABLE, dir.resolve("none").toString())))
        .isInstanceOf(EnvironmentException.class)
        .hasMessageContaining("ACCORD_RULES_DIR");

    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Files.writeString(elsewhere.resolve("ours.json"), OURS, StandardCharsets.UTF_8);
    Files.writeString(elsewhere.resolve("README.md"), "not a pack", StandardCharsets.UTF_8);
    RulePacks packs = RulePacks.load(data, Map.of(RulePacks.DIRECTORY_VARIABLE, elsewhere.toString()));
    assertThat(packs.book().pack("ours")).isPresent();
    assertThat(RulePacks.summary(packs.book().pack("ours").orElseThrow()))
        .containsEntry("origin", "instance").containsEntry("file", "ours.json").containsEntry("blocked", 1);
  }

  @Test
  void aBadPackStopsTheInstanceBeforeItClaimsTheDirectory() throws Exception {
    Path data = dir.resolve("data");
    Path rules = Files.createDirectories(data.resolve("rules"));
    Files.writeString(rules.resolve("ours.json"), OURS.replace("\"RU\"", "\"R1\""), StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Accord.open(new Accord.Config(data, null)))
        .isInstanceOf(EnvironmentException.class)
        .hasMessageContaining("rule pack " + rules.resolve("ours.json") + "#/blocked/0/country");
    assertThat(Files.exists(data.resolve("accord.db"))).as("nothing was opened").isFalse();

    Files.writeString(rules.resolve("ours.json"), OURS, StandardCharsets.UTF_8);
    try (Accord accord = Accord.open(new Accord.Config(data, null))) {
      assertThat(accord.rulePacks().book().pack("ours")).isPresent();
      assertThat(accord.rulePacks().directory()).isEqualTo(rules);
    }
  }
}
