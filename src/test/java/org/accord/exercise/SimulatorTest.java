package org.accord.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.accord.exposure.ExposureGraph;
import org.accord.synthetic.SyntheticWorld;
import org.accord.synthetic.WorldGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SimulatorTest {
  static ExposureGraph demo;

  @BeforeAll
  static void world() {
    demo = WorldGraph.of(SyntheticWorld.generate(SyntheticWorld.Spec.demo()));
  }

  static Scenario shipped() throws Exception {
    Path file = Path.of("scenarios", "libracore-geneva.yaml");
    return ScenarioReader.read(file.toString(), Files.readAllBytes(file));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> measure(Report report, String strategy, String measure) {
    return (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) report.tree().get("strategies")).get(strategy)).get(measure);
  }

  static double p50(Report report, String strategy, String measure) {
    return ((Number) measure(report, strategy, measure).get("p50")).doubleValue();
  }

  @Test
  @SuppressWarnings("unchecked")
  void theShippedScenarioRunsOverTheDemoWorld() throws Exception {
    Report report = Simulator.report(demo, shipped(), 300, 7, 2);
    Map<String, Object> world = (Map<String, Object>) report.tree().get("world");
    assertThat((Integer) world.get("affected_deployments")).isGreaterThan(100);
    // Coordinated disclosure keeps essential deployments out of reach of a public exploit longer than immediate publication.
    assertThat(p50(report, "coordinated", "exploitable_days_essential")).isLessThan(p50(report, "immediate", "exploitable_days_essential"));
    assertThat(p50(report, "coordinated", "exploit_public_day")).isGreaterThan(p50(report, "immediate", "exploit_public_day") + 30);
    assertThat(p50(report, "immediate", "notified_before_publication")).isZero();
    // Essential operators are told before publication in the runs where neither a leak nor a late fix takes the wave away.
    assertThat(((Number) measure(report, "coordinated", "notified_before_publication").get("mean")).doubleValue()).isGreaterThan(0.01);
    // The fork costs exposure-days in every strategy.
    Map<String, Object> fork = (Map<String, Object>) report.tree().get("sovereign_fork_cost");
    for (String strategy : List.of("coordinated", "immediate", "foundation-mediated")) {
      Map<String, Object> cost = (Map<String, Object>) ((Map<String, Object>) fork.get(strategy)).get("exposure_days");
      assertThat(((Number) cost.get("p50")).doubleValue()).as(strategy).isGreaterThan(0);
    }
    assertThat((List<Object>) report.tree().get("comparison")).hasSize(7);
    assertThat(report.html()).contains("<svg", "<polyline", "coordinated", "foundation-mediated").doesNotContain("<script");
  }

  @Test
  void theSameSeedGivesTheSameBytesWhateverTheThreads() throws Exception {
    Scenario scenario = shipped();
    String one = Simulator.report(demo, scenario, 120, 42, 1).json();
    String two = Simulator.report(demo, scenario, 120, 42, 2).json();
    assertThat(two).isEqualTo(one);
    assertThat(Simulator.report(demo, scenario, 120, 43, 2).json()).isNotEqualTo(one);
  }

  @Test
  void moreRunsNarrowTheBandsOfTheEstimates() throws Exception {
    // The spread of the estimated median over independent seeds shrinks as the runs grow (about as 1/sqrt(runs)).
    Scenario scenario = shipped().withStrategies(List.of(Strategy.COORDINATED));
    AffectedWorld world = AffectedWorld.of(demo, scenario);
    double few = spreadOfMedians(scenario, world, 20);
    double many = spreadOfMedians(scenario, world, 640);
    assertThat(many).isLessThan(few / 2);
  }

  private static double spreadOfMedians(Scenario scenario, AffectedWorld world, int runs) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (long seed = 1; seed <= 8; seed++) {
      Report report = Report.of(new Simulator(scenario, world).run(runs, seed, 2), seed, java.util.Optional.empty());
      double median = p50(report, "coordinated", "exposure_days");
      min = Math.min(min, median);
      max = Math.max(max, median);
    }
    return max - min;
  }

  @Test
  @SuppressWarnings("unchecked")
  void aStrategyWithZeroLagPatchesEverythingAtOnce() {
    StringBuilder yaml = new StringBuilder(ScenarioReaderTest.MINIMAL.replace("[coordinated, immediate]", "[immediate]")).append("behaviour:\n");
    for (String lag : List.of("acknowledge", "fix", "release", "exploit", "attacks", "relay")) {
      yaml.append("  ").append(lag).append(": {median_days: 0, source: test}\n");
    }
    yaml.append("  deploy:\n");
    for (String crit : List.of("essential", "important", "other")) {
      yaml.append("    ").append(crit).append(": {median_days: 0, source: test}\n");
    }
    Scenario scenario = ScenarioReaderTest.read(yaml.toString());
    Report report = Simulator.report(demo, scenario, 50, 3, 2);
    Map<String, Object> curves = measure(report, "immediate", "vulnerable_deployments");
    for (Map.Entry<String, Object> series : curves.entrySet()) {
      if (!series.getKey().equals("days")) {
        assertThat((List<Integer>) ((Map<String, Object>) series.getValue()).get("p95")).as(series.getKey()).containsOnly(0);
      }
    }
    assertThat(p50(report, "immediate", "exposure_days")).isZero();
    assertThat(p50(report, "immediate", "deployed_day")).isZero();
  }

  @Test
  void aScenarioThatDoesNotFitTheWorldNamesItsLine() {
    ScenarioException country = org.assertj.core.api.Assertions.catchThrowableOfType(
        () -> AffectedWorld.of(demo, ScenarioReaderTest.read(ScenarioReaderTest.MINIMAL
            + "injects:\n  - type: sanctions\n    at_day: 3\n    countries: [DE, XX]\n")), ScenarioException.class);
    assertThat(country.location()).isEqualTo("s.yaml:13#/injects/0/countries/1");
    assertThat(country.getMessage()).contains("XX");
    assertThatThrownBy(() -> AffectedWorld.of(demo, ScenarioReaderTest.read(ScenarioReaderTest.MINIMAL.replace("org.libra/libracore", "org.libra/libracorx"))))
        .isInstanceOf(ScenarioException.class).hasMessageContaining("no package")
        .satisfies(e -> assertThat(((ScenarioException) e).location()).isEqualTo("s.yaml:5#/vulnerable/package"));
  }
}
