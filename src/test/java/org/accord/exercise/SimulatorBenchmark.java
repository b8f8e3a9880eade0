package org.accord.exercise;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.accord.exposure.ExposureGraph;
import org.accord.synthetic.SyntheticWorld;
import org.accord.synthetic.WorldGraph;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The simulator's runs alone, on the demo world and the shipped scenario: {@code runs} is 100 runs of all
 * three strategies on one thread, after the affected subgraph was computed; {@code walk} is what the
 * per-run baseline of {@code accord bench simulate} adds, the affected subgraph computed again. The
 * end-to-end figure is {@code accord bench simulate} (ADR 0149).
 *
 * <p>Run: {@code mvn -q test-compile exec:exec -Pjmh -Djmh.args=SimulatorBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@State(Scope.Benchmark)
public class SimulatorBenchmark {
  private ExposureGraph graph;
  private Scenario scenario;
  private Simulator simulator;
  private long seed;

  @Setup(Level.Trial)
  public void build() throws Exception {
    graph = WorldGraph.of(SyntheticWorld.generate(SyntheticWorld.Spec.demo()));
    Path file = Path.of("scenarios", "libracore-geneva.yaml");
    scenario = ScenarioReader.read(file.toString(), Files.readAllBytes(file));
    simulator = new Simulator(scenario, AffectedWorld.of(graph, scenario));
  }

  @Benchmark
  public Runs runs() {
    return simulator.run(100, seed++, 1);
  }

  @Benchmark
  public AffectedWorld walk() {
    return AffectedWorld.of(graph, scenario);
  }
}
