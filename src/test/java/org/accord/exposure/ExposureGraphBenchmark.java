package org.accord.exposure;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.accord.identity.Purl;
import org.accord.synthetic.SyntheticWorld;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Where-used on an in-memory graph built from a generated world (no store), for the search alone:
 * {@code popular} queries a package chosen in proportion to its fan-in, as {@code accord bench
 * where-used} does; {@code rare} a uniformly random package. The end-to-end figure with the SQL
 * baseline is {@code accord bench where-used}.
 *
 * <p>Run: {@code mvn -q test-compile exec:exec -Pjmh -Djmh.args=ExposureGraphBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
@State(Scope.Benchmark)
public class ExposureGraphBenchmark {
  @Param({"200000"})
  public int versions;

  private ExposureGraph graph;
  private String[] popular;
  private String[] rare;
  private int next;

  @Setup(Level.Trial)
  public void build() {
    SyntheticWorld world = SyntheticWorld.generate(SyntheticWorld.Spec.scaled(versions, versions * 10L, versions / 10, 42));
    int n = world.versionCount();
    graph = org.accord.synthetic.WorldGraph.of(world);
    SplittableRandom random = new SplittableRandom(7);
    popular = new String[1024];
    rare = new String[1024];
    for (int i = 0; i < popular.length; i++) {
      int[] deps = world.dependenciesOf(random.nextInt(n));
      int target = deps.length == 0 ? random.nextInt(n) : deps[random.nextInt(deps.length)];
      popular[i] = Purl.parse(world.packageOf(target).key()).packageKey();
      rare[i] = Purl.parse(world.packageOf(random.nextInt(n)).key()).packageKey();
    }
  }

  @Benchmark
  public int popular() {
    return graph.whereUsed(popular[next++ & 1023], version -> true).deployments().size();
  }

  @Benchmark
  public int rare() {
    return graph.whereUsed(rare[next++ & 1023], version -> true).deployments().size();
  }
}
