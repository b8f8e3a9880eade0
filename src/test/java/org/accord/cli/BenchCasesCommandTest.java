package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code accord bench cases} with tiny parameters: the figures are there and positive (no timing assertions). */
class BenchCasesCommandTest {
  @Test
  void tinyRunGivesEveryFigureWithItsBaseline() throws Exception {
    CliRun run = CliRun.run("bench", "cases", "--cases", "12", "--participants", "5", "--events", "60", "--readers", "3",
        "--writers", "2", "--seconds", "0.5", "--warmup", "0", "--json");
    assertThat(run.exit()).as(run.all()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    for (String field : List.of("list_p99_ms", "view_p99_ms", "transition_p99_ms", "list_p50_ms", "view_p50_ms", "transition_p50_ms",
        "list_baseline_p99_ms", "view_baseline_p99_ms", "transition_floor_p99_ms", "list_ratio", "view_ratio", "transition_ratio",
        "list_bytes", "view_bytes", "transitions")) {
      assertThat(json.has(field)).as(field + " in " + run.out()).isTrue();
      assertThat(json.get(field).asDouble()).as(field).isPositive();
    }
    assertThat(json.get("errors").asLong()).isZero();
    assertThat(json.get("list_pass").isBoolean()).isTrue();
    assertThat(json.get("store").asText()).isEqualTo("sqlite");
  }

  @Test
  void badParametersAreAUserErrorNamingThem() {
    CliRun run = CliRun.run("bench", "cases", "--cases", "1");
    assertThat(run.exit()).as(run.all()).isEqualTo(Main.USER_ERROR);
    assertThat(run.err()).contains("--cases must be at least 2");
  }
}
