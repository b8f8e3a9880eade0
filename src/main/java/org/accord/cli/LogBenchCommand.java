package org.accord.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.accord.bench.LogBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code accord bench log}: the transparency log's throughput, proof latency and verification cost. */
@Command(
    name = "log",
    description = {
      "Time the transparency log: appends, proofs, verification.",
      "",
      "Measures append throughput with a checkpoint published each second (SQLite, and PostgreSQL"
          + " when --pg or ACCORD_BENCH_PG_URL is set), inclusion-proof latency p50/p99 at 1M and 10M entries"
          + " (trees built by a bulk path, tiles only), and the time to verify one proof.",
      "Baselines in the same run: one entry per transaction; a proof recomputed from all leaves; the root"
          + " recomputed from all leaves. Stores live in a temporary directory, deleted afterwards.",
      "The last line is 'appends/s: <x>'."
    },
    footer = {"", "Example:", "  java -jar target/accord.jar bench log --json"})
final class LogBenchCommand extends AccordCommand implements StorelessCommand {
  @Option(names = "--appends", paramLabel = "N", defaultValue = "200000", description = "Events in the throughput run. Default: ${DEFAULT-VALUE}.")
  int appends;

  @Option(names = "--baseline-appends", paramLabel = "N", defaultValue = "300", description = "Events appended one per transaction. Default: ${DEFAULT-VALUE}.")
  int baselineAppends;

  @Option(names = "--proof-sizes", paramLabel = "N", defaultValue = "1000000,10000000", split = ",",
      description = "Tree sizes for proof latency. Default: ${DEFAULT-VALUE}.")
  List<Long> proofSizes;

  @Option(names = "--proofs", paramLabel = "N", defaultValue = "20000", description = "Timed proofs per size. Default: ${DEFAULT-VALUE}.")
  int proofs;

  @Option(names = "--pg", paramLabel = "JDBC_URL", defaultValue = "${env:ACCORD_BENCH_PG_URL}",
      description = "PostgreSQL for a second append run. Default: $ACCORD_BENCH_PG_URL.")
  String pgUrl;

  @Option(names = "--work-dir", paramLabel = "DIR", defaultValue = "${java.io.tmpdir}",
      description = "Where the temporary stores go (about 350 MB at 10M entries). Default: ${DEFAULT-VALUE}.")
  Path workDir;

  @Override
  protected int execute() throws Exception {
    if (appends < 1000 || baselineAppends < 1 || proofs < 1) {
      throw new UserException("--appends must be at least 1000, --baseline-appends and --proofs at least 1");
    }
    LogBenchmark.Result result = LogBenchmark.run(
        new LogBenchmark.Options(appends, baselineAppends, proofSizes, proofs,
            BenchCommand.benchPgUrl(pgUrl), workDir),
        progressLines());
    if (json) {
      printJson(result.json());
      return Main.OK;
    }
    out().printf(Locale.ROOT, "total: %.0f s%n", result.totalS());
    out().printf(Locale.ROOT, "appends/s: %.0f%n", result.appendsPerS());
    return Main.OK;
  }
}
