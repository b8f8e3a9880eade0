package org.accord.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScenarioReaderTest {
  static final String MINIMAL = """
      scenario: tiny
      world:
        generate: demo
      vulnerable:
        package: pkg:maven/org.libra/libracore
        range: "vers:maven/>=2.0.0|<2.3.4"
      clock:
        start: 2026-11-22
      strategies: [coordinated, immediate]
      """;

  static Scenario read(String yaml) {
    return ScenarioReader.read("s.yaml", yaml.getBytes(StandardCharsets.UTF_8));
  }

  static ScenarioException refused(String yaml) {
    try {
      read(yaml);
    } catch (ScenarioException e) {
      return e;
    }
    throw new AssertionError("accepted: " + yaml);
  }

  @Test
  void theShippedScenarioReadsWithBothRoundsAndCitedDefaults() throws Exception {
    Path file = Path.of("scenarios", "libracore-geneva.yaml");
    Scenario scenario = ScenarioReader.read(file.toString(), Files.readAllBytes(file));
    assertThat(scenario.strategies()).containsExactly(Strategy.COORDINATED, Strategy.IMMEDIATE, Strategy.FOUNDATION_MEDIATED);
    assertThat(scenario.injects()).extracting(Inject::kind).contains(Inject.Kind.values());
    assertThat(scenario.injects().get(0).line()).isGreaterThan(20);
    Behaviour b = scenario.behaviour();
    assertThat(b.deployOther().medianDays()).isEqualTo(90);
    assertThat(b.kevFactor()).isEqualTo(0.28);
    assertThat(b.release().source()).contains("13%");
    for (Lag lag : new Lag[] {b.acknowledge(), b.fix(), b.release(), b.exploit(), b.attacks(), b.relay(), b.deployEssential(),
        b.deployImportant(), b.deployOther()}) {
      assertThat(lag.source()).as("every default names its source").matches("(?s).*(https://|Assumption).*");
    }
  }

  @Test
  void defaultsAreOverriddenField() {
    Scenario s = read(MINIMAL + "behaviour:\n  fix: {median_days: 10, p90_days: 20, source: test}\n");
    assertThat(s.behaviour().fix().medianDays()).isEqualTo(10);
    assertThat(s.behaviour().deployOther().medianDays()).isEqualTo(90);
    assertThat(s.horizonDays()).isEqualTo(365);
  }

  @Test
  void schemaFailureNamesFileLineAndField() {
    ScenarioException e = refused(MINIMAL.replace("  start: 2026-11-22", "  start: 2026-11-22\n  speed: fast"));
    assertThat(e.file()).isEqualTo("s.yaml");
    assertThat(e.location()).startsWith("s.yaml:");
    assertThat(e.getMessage()).contains("speed");
  }

  @Test
  void negativeDurationNamesItsLineAndPointer() {
    ScenarioException e = refused(MINIMAL + "injects:\n  - type: leak\n    at_day: -3\n");
    assertThat(e.pointer()).isEqualTo("/injects/0/at_day");
    assertThat(e.line()).isEqualTo(12);
    assertThat(e.location()).isEqualTo("s.yaml:12#/injects/0/at_day");
  }

  @Test
  void negativeDelayAndBadLagAreRefused() {
    assertThat(refused(MINIMAL + "injects:\n  - {type: sovereign_fork, at_day: 3, countries: [PL], delay_days: -1}\n").pointer())
        .startsWith("/injects/0");
    ScenarioException lag = refused(MINIMAL + "behaviour:\n  fix: {median_days: 10, p90_days: 5, source: x}\n");
    assertThat(lag.pointer()).isEqualTo("/behaviour/fix/p90_days");
    assertThat(lag.line()).isEqualTo(11);
  }

  @Test
  void unknownStrategyIsRefusedAtItsLine() {
    ScenarioException e = refused(MINIMAL.replace("[coordinated, immediate]", "[coordinated, sneaky]"));
    assertThat(e.pointer()).isEqualTo("/strategies/1");
    assertThat(e.line()).isEqualTo(9);
  }

  @Test
  void injectsMustFitTheirKind() {
    assertThat(refused(MINIMAL + "injects:\n  - {type: sanctions, at_day: 3}\n").getMessage()).contains("needs countries");
    assertThat(refused(MINIMAL + "injects:\n  - {type: leak, on: exploit_public}\n").pointer()).isEqualTo("/injects/0/on");
    assertThat(refused(MINIMAL + "injects:\n  - {type: leak, at_day: 1, countries: [DE]}\n").pointer()).isEqualTo("/injects/0/countries");
    assertThat(refused(MINIMAL + "injects:\n  - {type: sovereign_fork, at_day: 1, countries: [DE]}\n").getMessage()).contains("delay_days");
    assertThat(refused(MINIMAL + "injects:\n  - {type: leak, at_day: 1, on: fix_ready}\n").pointer()).startsWith("/injects/0");
  }

  @Test
  void malformedAndBadRangeAreRefused() {
    assertThat(refused("scenario: [unclosed\n").getMessage()).contains("not well-formed YAML");
    assertThat(refused(MINIMAL.replace("vers:maven/>=2.0.0|<2.3.4", "vers:maven/>=2.0.0|>=1")).pointer()).isEqualTo("/vulnerable/range");
  }

  @Test
  void jsonScenariosAreReadToo() {
    String json = """
        {"scenario": "j", "world": {"store": true}, "vulnerable": {"package": "pkg:npm/left-pad", "range": "vers:npm/<1.3.0"},
         "clock": {"start": "2026-01-01", "horizon_days": 30, "step_days": 1}, "strategies": ["immediate"]}
        """;
    Scenario s = ScenarioReader.read("s.json", json.getBytes(StandardCharsets.UTF_8));
    assertThat(s.world()).isInstanceOf(Scenario.World.Store.class);
    assertThat(s.horizonDays()).isEqualTo(30);
  }
}
