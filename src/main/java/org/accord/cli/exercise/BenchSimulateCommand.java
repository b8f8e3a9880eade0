package org.accord.cli.exercise;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.accord.bench.SimulateBenchmark;
import org.accord.cli.AccordCommand;
import org.accord.cli.Main;
import org.accord.cli.StorelessCommand;
import org.accord.cli.UserException;
import org.accord.exercise.Scenario;
import org.accord.exercise.ScenarioReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code accord bench simulate}: exercise runs per second, against a per-run graph walk (ADR 0149). */
@Command(
    name = "simulate",
    description = {
      "Time exercise runs against a per-run graph walk.",
      "",
      "Generates a world with LibraCore planted (--versions, --edges, --deployments), computes the scenario's affected "
          + "subgraph once, then times --runs runs of every strategy of --scenario on --threads threads (after a warm-up), "
          + "and the summary apart. The baseline in the same run walks the graph again in each run (the where-used search "
          + "and the path tree), as a simulator without the precomputation would, for --baseline-runs runs. Prints "
          + "PASS/FAIL against the target (--runs runs in 10 s or less).",
      "--json gives runs_per_s, seconds, cpu_seconds, speedup (runs_per_s / baseline_runs_per_s), summary_s, "
          + "affected_deployments and pass."
    },
    footer = {"", "Example (the issue's figure: 10,000 runs, 100,000 deployments):", "  accord bench simulate --json",
        "A quick run:", "  accord bench simulate --deployments 5000 --runs 1000"})
public final class BenchSimulateCommand extends AccordCommand implements StorelessCommand {
  static final double TARGET_S = 10;

  @Option(names = "--versions", paramLabel = "N", defaultValue = "200000", description = "Library versions. Default: ${DEFAULT-VALUE}.")
  int versions;

  @Option(names = "--edges", paramLabel = "N", defaultValue = "2000000", description = "Dependency edges. Default: ${DEFAULT-VALUE}.")
  long edges;

  @Option(names = "--deployments", paramLabel = "N", defaultValue = "100000", description = "Deployments. Default: ${DEFAULT-VALUE}.")
  int deployments;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "10000", description = "Timed runs. Default: ${DEFAULT-VALUE}.")
  int runs;

  @Option(names = "--baseline-runs", paramLabel = "N", defaultValue = "50", description = "Runs of the baseline. Default: ${DEFAULT-VALUE}.")
  int baselineRuns;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "2", description = "Worker threads. Default: ${DEFAULT-VALUE}.")
  int threads;

  @Option(names = "--seed", paramLabel = "SEED", defaultValue = "42", description = "Random seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--scenario", paramLabel = "FILE", defaultValue = "scenarios/libracore-geneva.yaml",
      description = "The scenario whose injects and strategies run; its world is replaced. Default: ${DEFAULT-VALUE}.")
  Path scenarioFile;

  @Override
  protected int execute() throws Exception {
    if (runs < 1 || baselineRuns < 1 || threads < 1) {
      throw new UserException("--runs, --baseline-runs and --threads must be at least 1");
    }
    if (!Files.isRegularFile(scenarioFile)) {
      throw new UserException("no such file: " + scenarioFile + " (give --scenario)");
    }
    Scenario scenario = ScenarioReader.read(scenarioFile.toString(), Files.readAllBytes(scenarioFile));
    SimulateBenchmark.Result result;
    try {
      result = SimulateBenchmark.run(new SimulateBenchmark.Options(versions, edges, deployments, seed, runs, baselineRuns, threads),
          scenario, progressLines());
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
    boolean pass = result.seconds() <= TARGET_S;
    if (json) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("deployments", result.deployments());
      body.put("affected_deployments", result.affectedDeployments());
      body.put("path_nodes", result.pathNodes());
      body.put("strategies", result.strategies());
      body.put("runs", result.runs());
      body.put("threads", threads);
      body.put("generate_s", result.generateS());
      body.put("precompute_s", result.precomputeS());
      body.put("seconds", result.seconds());
      body.put("cpu_seconds", result.cpuSeconds());
      body.put("runs_per_s", result.runsPerS());
      body.put("summary_s", result.summaryS());
      body.put("baseline_runs", result.baselineRuns());
      body.put("baseline_s", result.baselineS());
      body.put("baseline_runs_per_s", result.baselineRunsPerS());
      body.put("speedup", result.speedup());
      body.put("target_s", TARGET_S);
      body.put("pass", pass);
      printJson(body);
    } else {
      out().printf(Locale.ROOT, "%,d runs in %.2f s (target %.0f s): %s%n", result.runs(), result.seconds(), TARGET_S, pass ? "PASS" : "FAIL");
      out().printf(Locale.ROOT, "speedup: %.1f%n", result.speedup());
    }
    return Main.OK;
  }
}
