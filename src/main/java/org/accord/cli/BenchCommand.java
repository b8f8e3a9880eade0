package org.accord.cli;

import java.io.IOException;
import java.util.Locale;
import org.accord.bench.IngestBenchmark;
import org.accord.bench.WhereUsedBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code accord bench …}: measurements on generated data, each with an in-run baseline. */
@Command(
    name = "bench",
    description = "Benchmarks on generated data; each prints its figures with a baseline measured in the same run.",
    subcommands = {BenchCommand.WhereUsed.class, BenchCommand.Ingest.class, LogBenchCommand.class})
final class BenchCommand {

  @Command(
      name = "where-used",
      description = {
        "Where-used on the graph index against a recursive CTE on the same store.",
        "Generates a world, bulk-loads it into a fresh store (PostgreSQL when ACCORD_BENCH_PG_URL is set,",
        "else SQLite in a temporary directory), builds the index, times random ranges biased to popular",
        "packages, answers a sample of them in SQL and checks the answers are identical.",
        "The last line is 'speedup: <x>' (SQL mean / graph mean on the same ranges)."
      },
      footer = {"", "Full size (about 10 minutes, give it heap):", "  java -Xmx8g -jar target/accord.jar bench where-used"})
  static final class WhereUsed extends AccordCommand {
    @Option(names = "--versions", defaultValue = "1000000", description = "Library versions. Default: ${DEFAULT-VALUE}.")
    int versions;

    @Option(names = "--edges", defaultValue = "10000000", description = "Dependency edges. Default: ${DEFAULT-VALUE}.")
    long edges;

    @Option(names = "--deployments", defaultValue = "100000", description = "Deployments. Default: ${DEFAULT-VALUE}.")
    int deployments;

    @Option(names = "--queries", defaultValue = "1000", description = "Timed ranges. Default: ${DEFAULT-VALUE}.")
    int queries;

    @Option(names = "--sql-sample", defaultValue = "50", description = "Ranges the SQL baseline answers. Default: ${DEFAULT-VALUE}.")
    int sqlSample;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    protected int execute() throws IOException {
      String pg = System.getenv("ACCORD_BENCH_PG_URL");
      WhereUsedBenchmark.Result result =
          WhereUsedBenchmark.run(
              new WhereUsedBenchmark.Options(versions, edges, deployments, seed, queries, sqlSample, pg == null || pg.isBlank() ? null : pg),
              line -> {
                if (!json) {
                  out().println(line);
                  out().flush();
                }
              });
      if (json) {
        printJson(result);
        return Main.OK;
      }
      out().printf(Locale.ROOT, "index build: %.1f s, heap %.0f MiB%n", result.buildS(), result.heapMb());
      out().printf(Locale.ROOT, "where-used p50: %.2f ms, p99: %.2f ms (%d ranges)%n", result.p50Ms(), result.p99Ms(), result.queries());
      out().printf(Locale.ROOT, "sql (%s) mean: %.1f ms over %d ranges; answers %s%n", result.store(), result.sqlMeanMs(), result.sqlSample(), result.identical() ? "identical" : "DIFFER");
      out().printf(Locale.ROOT, "speedup: %.1f%n", result.speedup());
      return result.identical() ? Main.OK : Main.USER_ERROR;
    }
  }

  @Command(
      name = "ingest",
      description = {
        "Ingest one very large generated CycloneDX JSON SBOM into a fresh SQLite store, through the normal",
        "ingest path, and report components/s and peak heap; the baseline parses the same file into a",
        "Jackson tree. Run with -Xmx1g to check the streaming claim."
      },
      footer = {"", "Example:", "  java -Xmx1g -jar target/accord.jar bench ingest --components 300000"})
  static final class Ingest extends AccordCommand {
    @Option(names = "--components", defaultValue = "300000", description = "Components. Default: ${DEFAULT-VALUE}.")
    int components;

    @Option(names = "--edges", defaultValue = "900000", description = "Dependency edges among them. Default: ${DEFAULT-VALUE}.")
    long edges;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    protected int execute() throws IOException {
      IngestBenchmark.Result result =
          IngestBenchmark.run(new IngestBenchmark.Options(components, edges, seed), line -> {
            if (!json) {
              out().println(line);
              out().flush();
            }
          });
      if (json) {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("components", result.components());
        body.put("edges", result.edges());
        body.put("file_mb", result.fileMb());
        body.put("ingest_s", result.ingestS());
        body.put("components_per_s", result.componentsPerS());
        body.put("peak_heap_mb", result.peakHeapMb());
        body.put("baseline_parse_s", result.baselineParseS());
        body.put("baseline_peak_heap_mb", result.baselinePeakHeapMb());
        body.put("baseline_out_of_memory", result.baselineOutOfMemory());
        body.put("heap_ratio", result.heapRatio());
        printJson(body);
        return Main.OK;
      }
      out().printf(Locale.ROOT, "heap ratio (baseline peak / ingest peak): %.1f%n", result.heapRatio());
      out().printf(Locale.ROOT, "components/s: %.0f%n", result.componentsPerS());
      return Main.OK;
    }
  }
}
