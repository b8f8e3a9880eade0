package org.accord.cli.replicas;


import java.util.Locale;
import java.util.Map;
import org.accord.bench.replicas.ReplicaCluster;
import org.accord.bench.replicas.ReplicasBenchmark;
import org.accord.cli.AccordCommand;
import org.accord.cli.Main;
import org.accord.cli.StorelessCommand;
import org.accord.cli.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code accord bench replicas}: apply lag, failover and where-used throughput of real replica processes (ADR 0154). */
@Command(
    name = "replicas",
    description = {
      "Measure replicas: apply lag, failover, where-used throughput.",
      "",
      "Needs PostgreSQL: ACCORD_BENCH_PG_URL, or the global --db with a PostgreSQL JDBC URL (a scratch schema is"
          + " created there and dropped). Starts 'accord serve' processes of this jar on loopback ports. First the"
          + " single-process baseline: one SQLite serve, --products SBOMs, where-used from --clients threads for --seconds."
          + " Then three replicas over the scratch schema: the same where-used load round 1, 2 and 3 replicas; the apply"
          + " lag of --lag-samples uploads (from the writer's answer to another replica's /healthz reporting the change"
          + " applied; target p99 <= 200 ms); and the failover time from kill -9 of the log writer's leader to another"
          + " replica leading it (target <= 10 s). On a machine with few cores every replica and the clients share them:"
          + " throughput shows overhead, not scaling.",
      "--json gives apply_lag_p50_ms, apply_lag_p99_ms, apply_lag_max_ms, failover_s, where_used (single_process, 1, 2, 3:"
          + " store, requests, requests_per_s, p99_ms), the targets, pass and the failover timeline."
    },
    footer = {"", "Example:", "  export ACCORD_BENCH_PG_URL='jdbc:postgresql://localhost/accord?user=accord'",
        "  accord bench replicas --json"})
public final class BenchReplicasCommand extends AccordCommand implements StorelessCommand {
  static final double LAG_TARGET_MS = 200;
  static final double FAILOVER_TARGET_S = 10;

  @Option(names = "--products", paramLabel = "N", defaultValue = "50", description = "SBOMs loaded first. Default: ${DEFAULT-VALUE}.")
  int products;

  @Option(names = "--lag-samples", paramLabel = "N", defaultValue = "100", description = "Uploads whose apply lag is timed. Default: ${DEFAULT-VALUE}.")
  int lagSamples;

  @Option(names = "--seconds", paramLabel = "S", defaultValue = "10", description = "Length of each throughput run. Default: ${DEFAULT-VALUE}.")
  double seconds;

  @Option(names = "--clients", paramLabel = "N", defaultValue = "4", description = "Client threads. Default: ${DEFAULT-VALUE}.")
  int clients;

  @Option(names = "--replica-heap", paramLabel = "SIZE", defaultValue = "384m", description = "-Xmx of each replica. Default: ${DEFAULT-VALUE}.")
  String heap;

  @Override
  protected int execute() throws Exception {
    String db = System.getenv("ACCORD_BENCH_PG_URL");
    for (picocli.CommandLine.ParseResult parse = spec.root().commandLine().getParseResult(); parse != null; parse = parse.subcommand()) {
      if (parse.hasMatchedOption("--db")) {
        db = root().dbUrl();
      }
    }
    if (db == null || db.isBlank() || !db.startsWith("jdbc:postgresql:")) {
      throw new UserException("bench replicas needs PostgreSQL: set ACCORD_BENCH_PG_URL or give --db jdbc:postgresql://… (replicas share"
          + " one PostgreSQL; SQLite serves one process)");
    }
    ReplicasBenchmark.Result result;
    try {
      result = ReplicasBenchmark.run(new ReplicasBenchmark.Options(db, products, lagSamples, seconds, clients, ReplicaCluster.thisJar(heap)),
          progressLines());
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
    Map<String, Object> body = ReplicasBenchmark.json(result, LAG_TARGET_MS, FAILOVER_TARGET_S);
    if (json) {
      printJson(body);
      return Main.OK;
    }
    out().printf(Locale.ROOT, "apply lag: p50 %.1f ms, p99 %.1f ms, max %.1f ms over %d uploads; target p99 <= %.0f ms: %s%n",
        result.applyLagP50Ms(), result.applyLagP99Ms(), result.applyLagMaxMs(), result.lagSamples(), LAG_TARGET_MS,
        result.applyLagP99Ms() <= LAG_TARGET_MS ? "PASS" : "FAIL");
    out().printf(Locale.ROOT, "failover (kill -9 of the log leader to a new leader): %.2f s; target <= %.0f s: %s%n",
        result.failoverS(), FAILOVER_TARGET_S, result.failoverS() <= FAILOVER_TARGET_S ? "PASS" : "FAIL");
    for (ReplicasBenchmark.Throughput t : result.throughput()) {
      out().printf(Locale.ROOT, "where-used, %s: %.0f requests/s (p99 %.1f ms)%n",
          t.replicas() == 0 ? "single process (SQLite), baseline" : t.replicas() + " replica" + (t.replicas() == 1 ? "" : "s") + " (PostgreSQL)",
          t.requestsPerS(), t.p99Ms());
    }
    for (String line : result.timeline()) {
      out().println("  " + line);
    }
    return Main.OK;
  }



}
