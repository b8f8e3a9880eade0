package org.accord.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.accord.app.Accord;
import org.accord.app.Viewer;
import org.accord.app.WhereUsedView;
import org.accord.exposure.ComponentNode;
import org.accord.exposure.WhereUsed;
import org.accord.store.BulkLoad;
import org.accord.store.Database;
import org.accord.store.GraphStore;
import org.accord.synthetic.SyntheticWorld;

/**
 * {@code accord bench where-used}: the graph index against the recursive-CTE answer on the same store.
 *
 * <p>Steps: generate a world, bulk-load it into a fresh store (SQLite in a temporary directory, or a
 * fresh schema of the PostgreSQL database in {@code ACCORD_BENCH_PG_URL}), open Accord on it (which
 * builds the graph from the store: build time and retained heap are measured), run random ranges
 * biased to popular packages through the full query path, then answer a sample of the same ranges
 * with SQL (candidate versions by package, range check in Java, recursive CTE for reachability) and
 * check that both give the same products and deployments.
 *
 * <p>{@link #run} is static and uses its own fresh store and temporary files, which it removes;
 * progress lines go to the given consumer on the calling thread. Runs are not meant to overlap in one
 * JVM, since they measure time and heap.
 */
public final class WhereUsedBenchmark {
  private static final int WARMUP = 500;

  private WhereUsedBenchmark() {}

  /**
   * What to run.
   *
   * @param versions library versions
   * @param edges dependency edges
   * @param deployments deployments
   * @param seed random seed for the world and the ranges
   * @param queries timed where-used queries
   * @param sqlSample how many of those ranges the SQL baseline also answers
   * @param pgUrl a PostgreSQL URL for the store, or null for SQLite
   */
  public record Options(int versions, long edges, int deployments, long seed, int queries, int sqlSample, String pgUrl) {}

  /** The figures. Times in milliseconds, heap in MiB. */
  public record Result(
      String store, int versions, long edges, int deployments, int products, double generateS, double loadS,
      double buildS, double heapMb, int queries, double p50Ms, double p99Ms, double meanMs, int avgProducts,
      int sqlSample, double sqlMeanMs, double sqlP50Ms, double graphSampleMeanMs, double sqlReachabilityMeanMs,
      double reachabilitySpeedup, boolean identical, double speedup) {}

  /** Runs the benchmark; progress lines go to {@code log}. */
  public static Result run(Options options, Consumer<String> log) throws IOException {
    long started = System.nanoTime();
    SyntheticWorld world =
        SyntheticWorld.generate(SyntheticWorld.Spec.scaled(options.versions(), options.edges(), options.deployments(), options.seed()));
    double generateS = seconds(started);
    log.accept(String.format(Locale.ROOT, "generated %,d versions, %,d edges, %,d products, %,d deployments in %.1f s",
        world.versionCount(), world.edgeCount(), world.products().size(), world.sites().size(), generateS));

    try (ScratchStore store = ScratchStore.create("accord-bench-", options.pgUrl())) {
      started = System.nanoTime();
      try (Database database = store.openDatabase()) {
        BulkLoad.load(database, world, System.currentTimeMillis());
      }
      double loadS = seconds(started);
      log.accept(String.format(Locale.ROOT, "loaded the store (%s) in %.1f s", store.label(), loadS));

      double heapBefore = HeapSampler.retainedMiB();
      started = System.nanoTime();
      try (Accord accord = Accord.open(store.config())) {
        double buildS = seconds(started);
        double heapMb = HeapSampler.retainedMiB() - heapBefore;
        log.accept(String.format(Locale.ROOT, "built the graph index in %.1f s, %.0f MiB of heap", buildS, heapMb));
        return measure(options, world, accord, store.kind(), generateS, loadS, buildS, heapMb, log);
      }
    }
  }

  private static Result measure(
      Options options, SyntheticWorld world, Accord accord, String store, double generateS, double loadS, double buildS,
      double heapMb, Consumer<String> log) {
    SplittableRandom random = new SplittableRandom(options.seed() ^ 0x5DEECE66DL);
    List<String[]> ranges = new ArrayList<>();
    while (ranges.size() < options.queries() + WARMUP) {
      String[] range = randomRange(world, accord, random);
      if (range != null) {
        ranges.add(range);
      }
    }
    Viewer viewer = Viewer.local(false);
    for (int i = 0; i < WARMUP; i++) {
      accord.exposure().whereUsedUncached(ranges.get(i)[0], ranges.get(i)[1], viewer);
    }
    List<String[]> timed = ranges.subList(WARMUP, ranges.size());
    long[] nanos = new long[timed.size()];
    long products = 0;
    for (int i = 0; i < timed.size(); i++) {
      long t0 = System.nanoTime();
      WhereUsedView view = accord.exposure().whereUsedUncached(timed.get(i)[0], timed.get(i)[1], viewer);
      nanos[i] = System.nanoTime() - t0;
      products += view.products().size();
    }
    Percentiles graph = new Percentiles(nanos);
    log.accept(String.format(Locale.ROOT, "where-used over %d ranges: p50 %.2f ms, p99 %.2f ms, %,d products per answer on average",
        timed.size(), graph.millis(50), graph.millis(99), products / timed.size()));

    int sample = Math.min(options.sqlSample(), timed.size());
    long[] sqlNanos = new long[sample];
    long[] reachNanos = new long[sample];
    long[] graphNanos = new long[sample];
    boolean identical = true;
    for (int i = 0; i < sample; i++) {
      String purl = timed.get(i)[0];
      String range = timed.get(i)[1];
      long t0 = System.nanoTime();
      WhereUsedView view = accord.exposure().whereUsedUncached(purl, range, viewer);
      graphNanos[i] = System.nanoTime() - t0;

      t0 = System.nanoTime();
      Set<String> matchedVersions = new HashSet<>();
      for (String matched : view.matched()) {
        matchedVersions.add(matched);
      }
      // The SQL tool's way: candidates by package in SQL, the range check in Java, reachability by CTE.
      List<Long> ids = new ArrayList<>();
      java.util.function.Predicate<String> inRange = accord.exposure().select(purl, range).filter();
      for (ComponentNode candidate : GraphStore.versionsOf(accord.database(), view.packageKey())) {
        if (inRange.test(candidate.version())) {
          ids.add(candidate.id());
        }
      }
      long candidates = System.nanoTime() - t0;
      GraphStore.SqlAnswer sql = GraphStore.whereUsedBySql(accord.database(), ids);
      sqlNanos[i] = System.nanoTime() - t0;
      t0 = System.nanoTime();
      java.util.Set<String> reachable = GraphStore.reachableProductsBySql(accord.database(), ids);
      reachNanos[i] = System.nanoTime() - t0 + candidates;

      // Identical means: the same products and deployments, each at the same shortest-path length.
      Map<String, Integer> graphProducts = new HashMap<>();
      for (WhereUsed.ProductHit hit : view.products()) {
        graphProducts.put(hit.purl(), hit.path().size() - 1);
      }
      Map<String, Integer> graphDeployments = new HashMap<>();
      for (WhereUsed.DeploymentHit hit : view.deployments()) {
        graphDeployments.put(hit.operator() + "|" + hit.site() + "|" + hit.product(), hit.path().size() - 1);
      }
      if (!graphProducts.equals(sql.products()) || !graphDeployments.equals(sql.deployments())
          || !graphProducts.keySet().equals(reachable) || ids.size() != matchedVersions.size()) {
        identical = false;
        log.accept("MISMATCH for " + purl + " " + range + ": graph " + graphProducts.size() + " products / "
            + graphDeployments.size() + " deployments, SQL " + sql.products().size() + " / " + sql.deployments().size());
      }
    }
    Percentiles sqlTimes = new Percentiles(sqlNanos);
    Percentiles reachTimes = new Percentiles(reachNanos);
    Percentiles graphSample = new Percentiles(graphNanos);
    double speedup = sqlTimes.meanMillis() / graphSample.meanMillis();
    double reachSpeedup = reachTimes.meanMillis() / graphSample.meanMillis();
    log.accept(String.format(Locale.ROOT,
        "SQL recursive CTE with shortest-path depths over %d of the ranges: mean %.1f ms, p50 %.1f ms; graph on the same: mean %.2f ms; answers %s",
        sample, sqlTimes.meanMillis(), sqlTimes.millis(50), graphSample.meanMillis(), identical ? "identical" : "DIFFER"));
    log.accept(String.format(Locale.ROOT,
        "SQL reachability-only CTE (products without paths) on the same ranges: mean %.1f ms, %.1fx the graph",
        reachTimes.meanMillis(), reachSpeedup));
    return new Result(
        store, world.versionCount(), world.edgeCount(), world.sites().size(), world.products().size(), generateS, loadS,
        buildS, heapMb, timed.size(), graph.millis(50), graph.millis(99), graph.meanMillis(), (int) (products / timed.size()),
        sample, sqlTimes.meanMillis(), sqlTimes.millis(50), graphSample.meanMillis(), reachTimes.meanMillis(), reachSpeedup,
        identical, speedup);
  }

  /**
   * A random range over a popular package: the package is the target of a random dependency edge,
   * so it is chosen in proportion to its fan-in; the range is a random interval of its versions.
   */
  private static String[] randomRange(SyntheticWorld world, Accord accord, SplittableRandom random) {
    int version = random.nextInt(world.versionCount());
    int[] deps = world.dependenciesOf(version);
    int target = deps.length == 0 ? version : deps[random.nextInt(deps.length)];
    String key = world.packageOf(target).key();
    List<String> versions = accord.graph().versionsOf(org.accord.identity.Purl.parse(key).packageKey());
    if (versions.isEmpty()) {
      return null;
    }
    int from = random.nextInt(versions.size());
    int to = from + 1 + random.nextInt(versions.size() - from);
    String range = "[" + versions.get(from) + "," + (to < versions.size() ? versions.get(to) + ")" : "]");
    return new String[] {key, range};
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
