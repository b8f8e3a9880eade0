package org.accord.cli.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.accord.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExerciseCommandsTest {
  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void validateAcceptsTheShippedScenario() {
    Run run = run("scenario", "validate", "scenarios/libracore-geneva.yaml");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("valid scenario libracore-geneva", "8 injects", "affected deployments");
  }

  @Test
  void validateNamesFileLineAndField() throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, Files.readString(Path.of("scenarios", "libracore-geneva.yaml")).replace("countries: [EE]", "countries: [ZZ]"));
    Run run = run("scenario", "validate", bad.toString());
    assertThat(run.exit()).isEqualTo(Main.USER_ERROR);
    assertThat(run.err()).containsPattern("bad\\.yaml:\\d+#/injects/5/countries/0: sanctions names ZZ");
    Files.writeString(bad, Files.readString(Path.of("scenarios", "libracore-geneva.yaml")).replace("after_days: 30", "after_days: -30"));
    run = run("scenario", "validate", "--json", bad.toString());
    assertThat(run.exit()).isEqualTo(Main.USER_ERROR);
    assertThat(run.err()).containsPattern("bad\\.yaml:\\d+#/injects/1/after_days");
  }

  @Test
  void simulateWritesTheReportAndPrintsTheComparison() throws Exception {
    Run run = run("simulate", "scenarios/libracore-geneva.yaml", "--runs", "60", "--seed", "5", "--out", dir.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("exploitable_days_essential", "sovereign fork costs", "coordinated saves");
    assertThat(Files.readString(dir.resolve("libracore-geneva.html"))).contains("<svg");
    String first = Files.readString(dir.resolve("libracore-geneva.json"));
    Run again = run("simulate", "scenarios/libracore-geneva.yaml", "--runs", "60", "--seed", "5", "--out", dir.toString(), "--threads", "1", "--json");
    assertThat(again.exit()).isZero();
    assertThat(again.out()).isEqualTo(first);
  }

  @Test
  void simulateRefusesAnUnknownStrategy() {
    Run run = run("simulate", "scenarios/libracore-geneva.yaml", "--runs", "10", "--strategy", "sneaky", "--out", dir.toString());
    assertThat(run.exit()).isEqualTo(Main.USER_ERROR);
    assertThat(run.err()).contains("strategy", "'sneaky' is not a strategy");
  }

  @Test
  void benchSimulateGivesItsFigures() throws Exception {
    Run run = run("bench", "simulate", "--versions", "3000", "--edges", "9000", "--deployments", "2000", "--runs", "200",
        "--baseline-runs", "3", "--json");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("\"runs_per_s\"", "\"seconds\"", "\"speedup\"");
  }
}
