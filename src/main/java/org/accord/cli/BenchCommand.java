package org.accord.cli;

import java.io.IOException;
import java.util.Locale;
import org.accord.bench.ApiBenchmark;
import org.accord.bench.IngestBenchmark;
import org.accord.bench.MatchBenchmark;
import org.accord.bench.WhereUsedBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code accord bench …}: measurements on generated data, each with an in-run baseline. */
@Command(
    name = "bench",
    description = {
      "Run benchmarks on generated data, with in-run baselines.",
      "",
      "Each prints its figures with a baseline measured in the same run, on the same machine."
    },
    subcommands = {
      BenchCommand.WhereUsed.class, BenchCommand.Api.class, BenchCommand.Ingest.class, BenchCommand.Match.class,
      LogBenchCommand.class, BenchCasesCommand.class, BenchMessagesCommand.class, BenchPlanCommand.class, BenchIndicatorsCommand.class,
      org.accord.cli.exercise.BenchSimulateCommand.class, org.accord.cli.replicas.BenchReplicasCommand.class,
      BenchWitnessCommand.class
    })
final class BenchCommand implements StorelessCommand {

  /** The PostgreSQL URL a benchmark's store goes to, or null (SQLite) when {@code url} is unset or blank. */
  static String benchPgUrl(String url) {
    return url == null || url.isBlank() ? null : url;
  }

  @Command(
      name = "where-used",
      description = {
        "Time where-used on the graph index against SQL.",
        "",
        "Generates a world, bulk-loads it into a fresh store (PostgreSQL when ACCORD_BENCH_PG_URL is set, "
            + "else SQLite in a temporary directory), builds the index, times random ranges biased to popular "
            + "packages, answers a sample of them in SQL (a recursive CTE carrying the depth, so it finds the "
            + "same products, deployments and shortest-path lengths) and checks the answers are identical.",
        "The last line is 'speedup: <x>' (SQL mean / graph mean on the same ranges)."
      },
      footer = {"", "Full size (about 10 minutes, give it heap):", "  java -Xmx8g -jar target/accord.jar bench where-used"})
  static final class WhereUsed extends AccordCommand implements StorelessCommand {
    @Option(names = "--versions", paramLabel = "N", defaultValue = "1000000", description = "Library versions. Default: ${DEFAULT-VALUE}.")
    int versions;

    @Option(names = "--edges", paramLabel = "N", defaultValue = "10000000", description = "Dependency edges. Default: ${DEFAULT-VALUE}.")
    long edges;

    @Option(names = "--deployments", paramLabel = "N", defaultValue = "100000", description = "Deployments. Default: ${DEFAULT-VALUE}.")
    int deployments;

    @Option(names = "--queries", paramLabel = "N", defaultValue = "1000", description = "Timed ranges. Default: ${DEFAULT-VALUE}.")
    int queries;

    @Option(names = "--sql-sample", paramLabel = "N", defaultValue = "50", description = "Ranges the SQL baseline answers. Default: ${DEFAULT-VALUE}.")
    int sqlSample;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "42", description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    protected int execute() throws IOException {
      WhereUsedBenchmark.Result result =
          WhereUsedBenchmark.run(
              new WhereUsedBenchmark.Options(
                  versions, edges, deployments, seed, queries, sqlSample, benchPgUrl(System.getenv("ACCORD_BENCH_PG_URL"))),
              progressLines());
      if (json) {
        printJson(result);
        return Main.OK;
      }
      out().printf(Locale.ROOT, "index build: %.1f s, heap %.0f MiB%n", result.buildS(), result.heapMb());
      out().printf(Locale.ROOT, "where-used p50: %.2f ms, p99: %.2f ms (%d ranges)%n", result.p50Ms(), result.p99Ms(), result.queries());
      out().printf(Locale.ROOT, "sql (%s) mean: %.1f ms over %d ranges (recursive CTE with shortest-path depths); answers %s%n",
          result.store(), result.sqlMeanMs(), result.sqlSample(), result.identical() ? "identical" : "DIFFER");
      out().printf(Locale.ROOT, "speedup over a reachability-only CTE (less work than the answer): %.1f%n", result.reachabilitySpeedup());
      out().printf(Locale.ROOT, "speedup: %.1f%n", result.speedup());
      return result.identical() ? Main.OK : Main.USER_ERROR;
    }
  }

  @Command(
      name = "api",
      description = {
        "Time the where-used API under load on loopback.",
        "",
        "The first page (limit=50) of a popular answer against the whole answer, the in-run baseline. "
            + "Builds the LibraCore demo world in a temporary directory (or opens the existing store of --data DIR, "
            + "which no server may hold), serves it on an ephemeral loopback port, creates a coordinator token, and "
            + "runs a closed-loop HTTP/1.1 load generator (one keep-alive connection per thread, like wrk) against "
            + "each request in turn. Prints requests/s, p50 and p99 for both and their ratio; --json gives "
            + "requests_per_s, p50_ms, p99_ms and baseline_*. Exit 1 if any request failed."
      },
      footer = {"", "Example:", "  accord bench api --connections 16 --seconds 10 --warmup 3"})
  static final class Api extends AccordCommand {
    @Option(names = "--purl", paramLabel = "PURL", defaultValue = "pkg:maven/org.libra/libracore", description = "Package. Default: ${DEFAULT-VALUE}.")
    String purl;

    @Option(names = "--range", paramLabel = "RANGE", defaultValue = "[2.0,2.3.4)", description = "Range. Default: ${DEFAULT-VALUE}.")
    String range;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "Rows per page of the paged request. Default: ${DEFAULT-VALUE}.")
    int limit;

    @Option(names = "--connections", paramLabel = "N", defaultValue = "16", description = "Concurrent connections. Default: ${DEFAULT-VALUE}.")
    int connections;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "10", description = "Measured seconds per request kind. Default: ${DEFAULT-VALUE}.")
    double seconds;

    @Option(names = "--warmup", paramLabel = "S", defaultValue = "3", description = "Warm-up seconds before each. Default: ${DEFAULT-VALUE}.")
    double warmup;

    @Option(names = "--cli-runs", paramLabel = "N", defaultValue = "5",
        description = "Whole 'accord where-used' command-line runs through the server to time, JVM start included, "
            + "against 'accord --version'; 0 for none. Default: ${DEFAULT-VALUE}.")
    int cliRuns;

    @Override
    protected int execute() throws IOException, InterruptedException {
      if (connections < 1 || seconds <= 0 || warmup < 0 || limit < 1 || limit > org.accord.app.WhereUsedQuery.MAX_LIMIT || cliRuns < 0) {
        throw new UserException(
            "--connections must be at least 1, --seconds above 0, --warmup at least 0, --limit 1 to 1000, --cli-runs at least 0");
      }
      boolean ownData = spec.root().commandLine().getParseResult().hasMatchedOption("--data");
      java.nio.file.Path data = ownData ? root().dataDir() : null;
      ApiBenchmark.Result result;
      try {
        result = ApiBenchmark.run(
            new ApiBenchmark.Options(data, purl, range, limit, connections, seconds, warmup, cliRuns),
            accord -> {
              org.accord.web.WebServer server = org.accord.web.WebServer.start(accord, "127.0.0.1", 0);
              return new ApiBenchmark.Server(server.port(), server::close);
            },
            progressLines());
      } catch (IllegalArgumentException e) {
        throw new UserException(e.getMessage());
      }
      long errors = result.firstPage().errors() + result.baseline().errors();
      if (json) {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("world", result.world());
        body.put("request", result.path());
        body.put("connections", result.connections());
        body.put("seconds", result.seconds());
        body.put("limit", limit);
        body.put("products", result.products());
        body.put("deployments", result.deployments());
        body.put("requests_per_s", result.firstPage().requestsPerS());
        body.put("p50_ms", result.firstPage().p50Ms());
        body.put("p99_ms", result.firstPage().p99Ms());
        body.put("bytes", result.firstPage().bytes());
        body.put("errors", result.firstPage().errors());
        body.put("baseline_requests_per_s", result.baseline().requestsPerS());
        body.put("baseline_p50_ms", result.baseline().p50Ms());
        body.put("baseline_p99_ms", result.baseline().p99Ms());
        body.put("baseline_bytes", result.baseline().bytes());
        body.put("baseline_errors", result.baseline().errors());
        body.put("ratio", result.ratio());
        if (result.cli() != null) {
          body.put("cli_median_ms", result.cli().medianMs());
          body.put("cli_runs_ms", result.cli().runsMs());
          body.put("cli_version_median_ms", result.cli().versionMedianMs());
          body.put("cli_appcds", result.cli().archive());
        }
        printJson(body);
      } else {
        out().printf(Locale.ROOT, "first page: %.0f requests/s, p99 %.2f ms; whole answer: %.0f requests/s, p99 %.2f ms%n",
            result.firstPage().requestsPerS(), result.firstPage().p99Ms(), result.baseline().requestsPerS(), result.baseline().p99Ms());
        out().printf(Locale.ROOT, "ratio: %.1f%n", result.ratio());
        if (result.cli() != null) {
          out().printf(Locale.ROOT, "accord where-used (whole run, JVM start included): median %.0f ms; accord --version: %.0f ms%n",
              result.cli().medianMs(), result.cli().versionMedianMs());
        }
      }
      return errors == 0 ? Main.OK : Main.USER_ERROR;
    }
  }

  @Command(
      name = "ingest",
      description = {
        "Time the ingest of one very large generated SBOM.",
        "",
        "Ingests a generated CycloneDX JSON SBOM into a fresh SQLite store, through the normal ingest path "
            + "(after a smaller warm-up ingest; median of three runs), and reports components/s and peak heap; "
            + "the baseline parses the same file into a Jackson tree. Run with -Xmx1g to check the streaming "
            + "claim."
      },
      footer = {"", "Example:", "  java -Xmx1g -jar target/accord.jar bench ingest --components 300000"})
  static final class Ingest extends AccordCommand implements StorelessCommand {
    @Option(names = "--components", paramLabel = "N", defaultValue = "300000", description = "Components. Default: ${DEFAULT-VALUE}.")
    int components;

    @Option(names = "--edges", paramLabel = "N", defaultValue = "450000",
        description = "Dependency edges among them. Default: ${DEFAULT-VALUE} (1.5 per component; the real SBOMs in the test data have 1.0 to 1.8).")
    long edges;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "42", description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    protected int execute() throws IOException {
      IngestBenchmark.Result result =
          IngestBenchmark.run(new IngestBenchmark.Options(components, edges, seed), progressLines());
      if (json) {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("components", result.components());
        body.put("edges", result.edges());
        body.put("file_mb", result.fileMb());
        body.put("ingest_s", result.ingestS());
        body.put("components_per_s", result.componentsPerS());
        body.put("peak_heap_mb", result.peakHeapMb());
        body.put("peak_live_heap_mb", result.peakLiveHeapMb());
        body.put("baseline_parse_s", result.baselineParseS());
        body.put("baseline_live_heap_mb", result.baselineLiveHeapMb());
        body.put("baseline_out_of_memory", result.baselineOutOfMemory());
        body.put("heap_ratio", result.heapRatio());
        printJson(body);
        return Main.OK;
      }
      out().printf(Locale.ROOT, "heap ratio (baseline tree live / ingest peak live): %.1f%n", result.heapRatio());
      out().printf(Locale.ROOT, "components/s: %.0f%n", result.componentsPerS());
      return Main.OK;
    }
  }

  @Command(
      name = "match",
      description = {
        "Time advisory matching against a SQL baseline.",
        "",
        "Matches a generated graph (1M versions by default) against generated advisories "
            + "(10,000) with realistic OSV ranges. Reports range checks per second (the full match on one "
            + "thread, median of --rounds), the time of a full rematch (matching and replacing the stored "
            + "matches), and the SQL baseline in the same run: candidate versions by package from SQL, each "
            + "parsed and range-checked in Java, the way Dependency-Track matches. Both must find the same "
            + "matches (exit 1 otherwise). The store is SQLite in a temporary directory, or PostgreSQL when "
            + "ACCORD_BENCH_PG_URL is set. The last line is 'speedup: <x>' (baseline time / graph matcher time "
            + "for the same checks)."
      },
      footer = {"", "Full size (a few minutes, give it heap):", "  java -Xmx4g -jar target/accord.jar bench match"})
  static final class Match extends AccordCommand implements StorelessCommand {
    @Option(names = "--versions", paramLabel = "N", defaultValue = "1000000", description = "Library versions. Default: ${DEFAULT-VALUE}.")
    int versions;

    @Option(names = "--edges", paramLabel = "N", defaultValue = "2000000", description = "Dependency edges (matching does not walk them). Default: ${DEFAULT-VALUE}.")
    long edges;

    @Option(names = "--deployments", paramLabel = "N", defaultValue = "20000", description = "Deployments. Default: ${DEFAULT-VALUE}.")
    int deployments;

    @Option(names = "--advisories", paramLabel = "N", defaultValue = "10000", description = "Generated advisories. Default: ${DEFAULT-VALUE}.")
    int advisories;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "5", description = "Timed rounds of the full match. Default: ${DEFAULT-VALUE}.")
    int rounds;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "42", description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    protected int execute() throws IOException {
      MatchBenchmark.Result result =
          MatchBenchmark.run(
              new MatchBenchmark.Options(
                  versions, edges, deployments, advisories, rounds, seed, benchPgUrl(System.getenv("ACCORD_BENCH_PG_URL"))),
              progressLines());
      if (json) {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("store", result.store());
        body.put("versions", result.versions());
        body.put("advisories", result.advisories());
        body.put("affected_packages", result.affectedPackages());
        body.put("checks", result.checks());
        body.put("matches", result.matches());
        body.put("match_s", result.matchS());
        body.put("checks_per_s", result.checksPerS());
        body.put("rematch_s", result.rematchS());
        body.put("baseline_s", result.baselineS());
        body.put("baseline_checks_per_s", result.baselineChecksPerS());
        body.put("identical", result.identical());
        body.put("speedup", result.speedup());
        printJson(body);
        return result.identical() ? Main.OK : Main.USER_ERROR;
      }
      out().printf(Locale.ROOT, "checks/s: %.0f (one thread)%n", result.checksPerS());
      out().printf(Locale.ROOT, "full rematch: %.2f s%n", result.rematchS());
      out().printf(Locale.ROOT, "speedup: %.1f%n", result.speedup());
      return result.identical() ? Main.OK : Main.USER_ERROR;
    }
  }
}
