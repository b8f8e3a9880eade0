package org.accord.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.function.Consumer;
import org.accord.exercise.AffectedWorld;
import org.accord.exercise.Report;
import org.accord.exercise.Runs;
import org.accord.exercise.Scenario;
import org.accord.exercise.Simulator;
import org.accord.exposure.ExposureGraph;
import org.accord.synthetic.SyntheticWorld;
import org.accord.synthetic.WorldGraph;

/**
 * {@code accord bench simulate}: exercise runs per second on a generated world, against a naive baseline
 * measured in the same run (ADR 0149).
 *
 * <p>Steps: generate a world with LibraCore planted, build its graph in memory, compute the scenario's
 * affected subgraph once, then time {@code runs} runs (every strategy of the scenario in each) on
 * {@code threads} threads, and the summary (bands, comparison) separately. The baseline is the same
 * simulation without the precomputation: each run walks the graph again (the where-used search and the
 * path tree), as a simulator that works on the graph per run would; it runs {@code baselineRuns} runs on
 * the same threads' worth of one thread each in turn, and its rate is per run. Static; not meant to
 * overlap with other benchmarks in one JVM, since it measures time.
 */
public final class SimulateBenchmark {
  private SimulateBenchmark() {}

  /**
   * What to run.
   *
   * @param versions library versions of the world
   * @param edges dependency edges
   * @param deployments deployments
   * @param seed the world's and the runs' seed
   * @param runs timed runs
   * @param baselineRuns runs of the naive baseline
   * @param threads worker threads
   */
  public record Options(int versions, long edges, int deployments, long seed, int runs, int baselineRuns, int threads) {}

  /** The figures; times in seconds. */
  public record Result(
      int deployments, int affectedDeployments, int pathNodes, int strategies, int runs, double generateS, double precomputeS,
      double seconds, double cpuSeconds, double runsPerS, double summaryS, int baselineRuns, double baselineS, double baselineRunsPerS,
      double speedup) {}

  /** Runs the benchmark over {@code scenario} (its world is replaced by the generated one). */
  public static Result run(Options options, Scenario scenario, Consumer<String> log) {
    long started = System.nanoTime();
    SyntheticWorld world = SyntheticWorld.generate(
        SyntheticWorld.Spec.scaled(options.versions(), options.edges(), options.deployments(), options.seed()).withLibraCore());
    ExposureGraph graph = WorldGraph.of(world);
    double generateS = seconds(started);
    log.accept(String.format(Locale.ROOT, "world: %,d versions, %,d edges, %,d deployments, built in %.1f s",
        world.versionCount(), world.edgeCount(), world.sites().size(), generateS));

    started = System.nanoTime();
    AffectedWorld affected = AffectedWorld.of(graph, scenario);
    double precomputeS = seconds(started);
    log.accept(String.format(Locale.ROOT, "affected: %,d deployments through %,d path nodes (depth %d), precomputed in %.3f s",
        affected.deployments(), affected.nodes(), affected.depth(), precomputeS));
    Simulator simulator = new Simulator(scenario, affected);
    simulator.run(Math.min(options.runs(), 500), options.seed() + 1, options.threads()); // warm-up: JIT

    long cpuBefore = processCpuNanos();
    started = System.nanoTime();
    Runs runs = simulator.run(options.runs(), options.seed(), options.threads());
    double seconds = seconds(started);
    double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
    started = System.nanoTime();
    Report.of(runs, options.seed(), java.util.Optional.empty());
    double summaryS = seconds(started);
    log.accept(String.format(Locale.ROOT, "simulated %,d runs x %d strategies in %.2f s (%.2f s CPU), %,.0f runs/s; summary in %.2f s",
        options.runs(), scenario.strategies().size(), seconds, cpuSeconds, options.runs() / seconds, summaryS));

    // Baseline: the graph walked again in every run.
    started = System.nanoTime();
    for (int r = 0; r < options.baselineRuns(); r++) {
      AffectedWorld perRun = AffectedWorld.of(graph, scenario);
      new Simulator(scenario, perRun).run(1, options.seed() + r, 1);
    }
    double baselineS = seconds(started);
    double baselineRate = options.baselineRuns() / baselineS;
    double rate = options.runs() / seconds;
    log.accept(String.format(Locale.ROOT, "baseline (graph walked per run): %d runs in %.2f s, %,.1f runs/s", options.baselineRuns(), baselineS,
        baselineRate));
    return new Result(world.sites().size(), affected.deployments(), affected.nodes(), scenario.strategies().size(), options.runs(),
        generateS, precomputeS, seconds, cpuSeconds, rate, summaryS, options.baselineRuns(), baselineS, baselineRate, rate / baselineRate);
  }

  private static long processCpuNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }
}
