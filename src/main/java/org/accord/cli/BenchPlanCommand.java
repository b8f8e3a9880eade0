package org.accord.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.accord.bench.PlanBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code accord bench plan}: a case's notification plan on a full-size world, against a naive baseline (ADR 0135). */
@Command(
    name = "plan",
    description = {
      "Time a case's notification plan against per-product SQL.",
      "",
      "Generates a world with LibraCore planted (--versions, --edges, --deployments), bulk-loads it into a scratch store"
          + " (SQLite in a temporary directory, or a scratch schema in the PostgreSQL database of the global --db, only when"
          + " typed), adds a national CERT per country, the LibraCore maintainers' claim and vendor claims, and opens a case"
          + " on LibraCore in --range. Then times the case's plan (default strategy, the real path: where-used on the graph"
          + " index, the suggestions' inputs in one read transaction) --runs times after --warmups plans of a warm-up case;"
          + " the first timed plan computes the where-used answer, the others find it cached. The baseline in the same run"
          + " computes the same plan with its inputs read per product version by SQL (affected products by a recursive CTE,"
          + " then each one's owner claim, SBOM uploaders and deployments). Both must give the same waves with the same"
          + " organizations; exit 1 if they do not. Prints PASS/FAIL against the target (the median timed plan <= 2 s; the slowest and the first are reported beside it).",
      "--json gives plan_s (median), plan_max_s, plan_uncached_s, baseline_s, speedup (baseline_s / plan_s),"
          + " speedup_uncached, plan_cpu_s and baseline_cpu_s (the calling thread's CPU time), deployments, products, affected_products, recipients, waves, agree and pass."
    },
    footer = {"", "Full size (several minutes, give it heap):", "  java -Xmx6g -jar target/accord.jar bench plan --json",
        "A quick run:", "  accord bench plan --versions 20000 --edges 100000 --deployments 5000"})
final class BenchPlanCommand extends AccordCommand implements StorelessCommand {
  static final double TARGET_S = 2;

  @Option(names = "--versions", paramLabel = "N", defaultValue = "1000000", description = "Library versions. Default: ${DEFAULT-VALUE}.")
  int versions;

  @Option(names = "--edges", paramLabel = "N", defaultValue = "10000000", description = "Dependency edges. Default: ${DEFAULT-VALUE}.")
  long edges;

  @Option(names = "--deployments", paramLabel = "N", defaultValue = "100000", description = "Deployments. Default: ${DEFAULT-VALUE}.")
  int deployments;

  @Option(names = "--seed", paramLabel = "SEED", defaultValue = "42", description = "Random seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--range", paramLabel = "RANGE", defaultValue = "[2.0,2.3.4)", description = "Affected LibraCore range of the case. Default: ${DEFAULT-VALUE}.")
  String range;

  @Option(names = "--warmup-range", paramLabel = "RANGE", defaultValue = "[1.0,2.0)",
      description = "LibraCore range of the warm-up case, disjoint from --range. Default: ${DEFAULT-VALUE}.")
  String warmupRange;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "7", description = "Timed plans. Default: ${DEFAULT-VALUE}.")
  int runs;

  @Option(names = "--warmups", paramLabel = "N", defaultValue = "3", description = "Untimed plans of the warm-up case before. Default: ${DEFAULT-VALUE}.")
  int warmups;

  @Option(names = "--baseline-runs", paramLabel = "N", defaultValue = "3", description = "Timed naive plans. Default: ${DEFAULT-VALUE}.")
  int baselineRuns;

  @Override
  protected int execute() throws Exception {
    // The global --db names the PostgreSQL database for the scratch schema; only when typed, never from $ACCORD_DB_URL.
    String db = null;
    for (picocli.CommandLine.ParseResult parse = spec.root().commandLine().getParseResult(); parse != null;
        parse = parse.subcommand()) {
      if (parse.hasMatchedOption("--db")) {
        db = root().dbUrl();
      }
    }
    PlanBenchmark.Result result;
    try {
      result = PlanBenchmark.run(new PlanBenchmark.Options(versions, edges, deployments, seed, range, warmupRange, runs, warmups,
          baselineRuns, BenchCommand.benchPgUrl(db)), progressLines());
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
    boolean pass = result.planS() <= TARGET_S;
    if (json) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("store", result.store());
      body.put("versions", result.versions());
      body.put("edges", result.edges());
      body.put("deployments", result.deployments());
      body.put("products", result.products());
      body.put("range", range);
      body.put("affected_products", result.affectedProducts());
      body.put("affected_deployments", result.affectedDeployments());
      body.put("recipients", result.recipients());
      body.put("waves", result.waves());
      body.put("runs", runs);
      body.put("generate_s", result.generateS());
      body.put("load_s", result.loadS());
      body.put("setup_s", result.setupS());
      body.put("plan_s", result.planS());
      body.put("plan_max_s", result.planMaxS());
      body.put("plan_uncached_s", result.planUncachedS());
      body.put("baseline_s", result.baselineS());
      body.put("baseline_max_s", result.baselineMaxS());
      body.put("plan_cpu_s", result.planCpuS());
      body.put("baseline_cpu_s", result.baselineCpuS());
      body.put("speedup", result.speedup());
      body.put("speedup_uncached", result.speedupUncached());
      body.put("target_s", TARGET_S);
      body.put("pass", pass);
      body.put("agree", result.disagreement().isEmpty());
      result.disagreement().ifPresent(d -> body.put("disagreement", d));
      printJson(body);
    } else {
      out().printf(Locale.ROOT, "world: %,d deployments, %,d products; the plan names %,d recipients in %d waves (%,d affected products)%n",
          result.deployments(), result.products(), result.recipients(), result.waves().size(), result.affectedProducts());
      out().printf(Locale.ROOT, "plan: median %.3f s, max %.3f s (first, where-used computed: %.3f s); target %.0f s: %s%n",
          result.planS(), result.planMaxS(), result.planUncachedS(), TARGET_S, pass ? "PASS" : "FAIL");
      out().printf(Locale.ROOT, "baseline (per-product SQL): median %.3f s%n", result.baselineS());
      out().printf(Locale.ROOT, "CPU time of the calling thread, median: plan %.3f s, baseline %.3f s%n", result.planCpuS(), result.baselineCpuS());
      out().printf(Locale.ROOT, "speedup: %.1f (%.1f over the first plan)%n", result.speedup(), result.speedupUncached());
    }
    if (result.disagreement().isPresent()) {
      err().println("error: the real path and the naive baseline disagree: " + result.disagreement().get());
      return Main.USER_ERROR;
    }
    return Main.OK;
  }
}
