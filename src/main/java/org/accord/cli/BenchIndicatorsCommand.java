package org.accord.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.accord.bench.IndicatorBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code accord bench indicators}: the indicators over many cases against per-case SQL (ADR 0142). */
@Command(
    name = "indicators",
    description = {
      "Time the indicators over many cases against per-case SQL.",
      "",
      "Writes --cases cases with about --events case events in all into a scratch store (SQLite in a temporary directory, or a"
          + " scratch schema in the PostgreSQL database of the global --db, only when typed; not measured), then computes every"
          + " indicator the real way (one scan of the case events ordered by case, each case folded as its rows end) --runs times"
          + " after one warm-up, and once the naive way (seven queries per case, one per event type the fold reads). Both must"
          + " give the same report; exit 1 if they do not. PASS when the median is at most 5 s and at least 10 times faster.",
      "--json gives indicators_s (median), baseline_s, speedup (baseline_s / indicators_s), indicators_cpu_s and baseline_cpu_s "
          + "(process CPU time, what the work costs when the machine is shared), cases, events, setup_s, agree and pass."
    },
    footer = {"", "Full size:", "  java -jar target/accord.jar bench indicators --json", "A quick run:",
        "  accord bench indicators --cases 1000 --events 100000"})
final class BenchIndicatorsCommand extends AccordCommand implements StorelessCommand {
  static final double TARGET_S = 5;
  static final double TARGET_SPEEDUP = 10;

  @Option(names = "--cases", paramLabel = "N", defaultValue = "10000", description = "Cases. Default: ${DEFAULT-VALUE}.")
  int cases;

  @Option(names = "--events", paramLabel = "N", defaultValue = "1000000", description = "Case events in all. Default: ${DEFAULT-VALUE}.")
  long events;

  @Option(names = "--seed", paramLabel = "SEED", defaultValue = "42", description = "Random seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "5", description = "Timed runs of the real path. Default: ${DEFAULT-VALUE}.")
  int runs;

  @Override
  protected int execute() throws Exception {
    String db = null;
    for (picocli.CommandLine.ParseResult parse = spec.root().commandLine().getParseResult(); parse != null; parse = parse.subcommand()) {
      if (parse.hasMatchedOption("--db")) {
        db = root().dbUrl();
      }
    }
    IndicatorBenchmark.Result result;
    try {
      result = IndicatorBenchmark.run(new IndicatorBenchmark.Options(cases, events, seed, runs, BenchCommand.benchPgUrl(db)), progressLines());
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
    boolean pass = result.agree() && result.indicatorsS() <= TARGET_S && result.speedup() >= TARGET_SPEEDUP;
    if (json) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("store", result.store());
      body.put("cases", result.cases());
      body.put("events", result.events());
      body.put("setup_s", result.setupS());
      body.put("indicators_s", result.indicatorsS());
      body.put("baseline_s", result.baselineS());
      body.put("speedup", result.speedup());
      body.put("indicators_cpu_s", result.indicatorsCpuS());
      body.put("baseline_cpu_s", result.baselineCpuS());
      body.put("target_s", TARGET_S);
      body.put("target_speedup", TARGET_SPEEDUP);
      body.put("agree", result.agree());
      body.put("pass", pass);
      printJson(body);
    } else {
      out().printf(Locale.ROOT, "%,d cases, %,d events (%s)%n", result.cases(), result.events(), result.store());
      out().printf(Locale.ROOT, "indicators: median %.3f s; baseline (per-case SQL) %.3f s; speedup %.1f; target <= %.0f s and >= %.0fx: %s%n",
          result.indicatorsS(), result.baselineS(), result.speedup(), TARGET_S, TARGET_SPEEDUP, pass ? "PASS" : "FAIL");
    }
    if (!result.agree()) {
      err().println("error: the real path and the naive baseline disagree");
      return Main.USER_ERROR;
    }
    return Main.OK;
  }
}
