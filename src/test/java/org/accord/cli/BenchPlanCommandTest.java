package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code accord bench plan} on a tiny generated world: every figure is there, the plan has waves and
 * recipients, and the real path and the naive baseline agree (no timing assertions).
 */
class BenchPlanCommandTest {
  @Test
  void tinyRunGivesTheFiguresAndBothPathsAgree() throws Exception {
    CliRun run = CliRun.run("bench", "plan", "--versions", "3000", "--edges", "9000", "--deployments", "800", "--seed", "7",
        "--runs", "3", "--warmups", "1", "--baseline-runs", "1", "--json");
    assertThat(run.exit()).as(run.all()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    for (String field : List.of("plan_s", "plan_max_s", "plan_uncached_s", "baseline_s", "plan_cpu_s", "baseline_cpu_s", "speedup", "speedup_uncached", "deployments",
        "products", "affected_products", "affected_deployments", "recipients")) {
      assertThat(json.has(field)).as(field + " in " + run.out()).isTrue();
      assertThat(json.get(field).asDouble()).as(field).isPositive();
    }
    assertThat(json.get("deployments").asInt()).isEqualTo(800);
    assertThat(json.get("plan_max_s").asDouble()).isGreaterThanOrEqualTo(json.get("plan_s").asDouble());
    assertThat(json.get("agree").asBoolean()).as(run.out()).isTrue();
    assertThat(json.has("disagreement")).isFalse();
    assertThat(json.get("pass").isBoolean()).isTrue();
    assertThat(json.get("store").asText()).isEqualTo("sqlite");
    // the coordinated strategy: coordination first, publication last, vendors and operators between
    List<String> waves = new java.util.ArrayList<>();
    json.get("waves").forEach(w -> waves.add(w.asText()));
    assertThat(waves.get(0)).startsWith("1 coordination");
    assertThat(waves.get(waves.size() - 1)).contains("publication");
    assertThat(waves).anyMatch(w -> w.contains("vendors")).anyMatch(w -> w.contains("operators"));
  }

  @Test
  void onPostgresqlTheScratchSchemaTakesTheBulkLoadAndTheSetupAndBothPathsAgree() throws Exception {
    String url = System.getenv("ACCORD_TEST_PG_URL");
    org.junit.jupiter.api.Assumptions.assumeTrue(url != null && !url.isBlank(), "ACCORD_TEST_PG_URL is not set");
    // the setup creates organizations after the bulk load's explicit ids: the identities must have moved past them
    CliRun run = CliRun.run("--db", url, "bench", "plan", "--versions", "2000", "--edges", "6000", "--deployments", "400",
        "--runs", "2", "--warmups", "0", "--baseline-runs", "1", "--json");
    assertThat(run.exit()).as(run.all()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("store").asText()).isEqualTo("postgresql");
    assertThat(json.get("agree").asBoolean()).as(run.out()).isTrue();
    assertThat(json.get("recipients").asInt()).isPositive();
  }

  @Test
  void badParametersAreAUserErrorNamingThem() {
    CliRun run = CliRun.run("bench", "plan", "--runs", "0", "--versions", "100");
    assertThat(run.exit()).as(run.all()).isEqualTo(Main.USER_ERROR);
    assertThat(run.err()).contains("--runs");
  }
}
