package org.accord.cli.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import org.accord.cli.CliRun;
import org.accord.cli.Main;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code accord bench replicas} refuses clearly without PostgreSQL, and its help has an example. Its
 * measurements start real processes, so they run by hand and in the failsafe kill test's seam
 * ({@code ReplicaCluster}), not here (ADR 0154).
 */
class BenchReplicasCommandTest {
  @Test
  void withoutPostgresqlItSaysSoAndExits() {
    String bench = System.getenv("ACCORD_BENCH_PG_URL");
    Assumptions.assumeTrue(bench == null || bench.isBlank(), "ACCORD_BENCH_PG_URL is set");
    CliRun run = CliRun.run("bench", "replicas", "--json");
    assertThat(run.exit()).as(run.all()).isEqualTo(Main.USER_ERROR);
    assertThat(run.err()).contains("bench replicas needs PostgreSQL").contains("ACCORD_BENCH_PG_URL");
  }

  @Test
  void aSqliteDatabaseIsRefusedToo() {
    CliRun run = CliRun.run("--db", "jdbc:sqlite:/tmp/nowhere.db", "bench", "replicas");
    assertThat(run.exit()).as(run.all()).isEqualTo(Main.USER_ERROR);
    assertThat(run.err()).contains("needs PostgreSQL");
  }

  @Test
  void badParametersNameTheOption() {
    String url = System.getenv("ACCORD_TEST_PG_URL");
    Assumptions.assumeTrue(url != null && !url.isBlank(), "ACCORD_TEST_PG_URL is not set");
    CliRun run = CliRun.run("--db", url, "bench", "replicas", "--seconds", "0");
    assertThat(run.exit()).as(run.all()).isEqualTo(Main.USER_ERROR);
    assertThat(run.err()).contains("--seconds");
  }

  @Test
  void helpHasAnExampleAndTheJsonFields() {
    CliRun run = CliRun.run("bench", "replicas", "--help");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("Example:").contains("apply_lag_p99_ms").contains("failover_s").contains("requests_per_s");
  }
}
