package org.accord.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.accord.InvalidInputException;
import org.accord.advisory.Advisory;
import org.accord.advisory.AdvisoryFormat;
import org.accord.advisory.AffectedPackage;
import org.accord.advisory.EventRange;
import org.accord.advisory.Matcher;
import org.accord.app.Accord;
import org.accord.app.Advisories;
import org.accord.identity.Ecosystem;
import org.accord.identity.OsvEvent;
import org.accord.identity.Version;
import org.accord.identity.VersionScheme;
import org.accord.store.AdvisoryStore;
import org.accord.store.BulkLoad;
import org.accord.store.Database;
import org.accord.synthetic.SyntheticWorld;

/**
 * {@code accord bench match}: advisory matching on the graph index against the SQL way, on a generated
 * world and generated advisories with realistic OSV ranges.
 *
 * <p>Steps: generate a world and bulk-load it into a fresh store (SQLite in a temporary directory, or a
 * fresh schema of {@code ACCORD_BENCH_PG_URL}); open Accord on it; generate advisories over packages
 * chosen by popularity (the target of a random dependency edge), with the range shapes real advisory
 * databases use (introduced/fixed, several intervals, last_affected, open-ended, explicit version lists,
 * a fix version the graph lacks, a second affected package); store them and index them. Then:
 *
 * <ul>
 *   <li>range checks per second: the full match of every advisory against the graph, on one thread,
 *       median of several rounds after a warm-up; a check is one (package version, range) test;
 *   <li>full rematch: {@link Advisories#rematchAll()}, which matches and replaces every stored match;
 *   <li>the SQL baseline, the way Dependency-Track matches: for each affected package, fetch the
 *       candidate versions by package from SQL, parse each and test it against the range in Java. Both
 *       must find the same (advisory, package version) pairs; the speedup is baseline time over the
 *       graph matcher's median time for the same checks.
 * </ul>
 *
 * <p>{@link #run} is static and uses its own fresh store and temporary files, which it removes;
 * progress lines go to the given consumer on the calling thread. Runs are not meant to overlap in one
 * JVM, since they measure time and heap.
 */
public final class MatchBenchmark {
  private static final int WARMUP_ROUNDS = 3;
  private static final double WARMUP_SECONDS = 2.0;

  private MatchBenchmark() {}

  /**
   * What to run.
   *
   * @param versions library versions in the world
   * @param edges dependency edges
   * @param deployments deployments
   * @param advisories generated advisories
   * @param rounds timed rounds of the full in-memory match
   * @param seed random seed for the world and the advisories
   * @param pgUrl a PostgreSQL URL for the store, or null for SQLite
   */
  public record Options(int versions, long edges, int deployments, int advisories, int rounds, long seed, String pgUrl) {
    public Options {
      if (advisories < 1 || rounds < 1) {
        throw new InvalidInputException("--advisories and --rounds must be at least 1");
      }
    }
  }

  /**
   * The figures.
   *
   * @param store sqlite or postgresql
   * @param versions library versions in the graph
   * @param advisories advisories generated
   * @param affectedPackages affected package entries in them
   * @param checks range checks in one full match
   * @param matches (advisory, package version) matches found
   * @param matchS median seconds of one full in-memory match
   * @param checksPerS range checks per second on one thread
   * @param rematchS seconds for a full rematch, matching and replacing the stored matches
   * @param baselineS seconds for the SQL baseline to match everything
   * @param baselineChecksPerS the baseline's range checks per second
   * @param identical whether both found the same matches
   * @param speedup baseline seconds over the graph matcher's median seconds
   */
  public record Result(
      String store, int versions, int advisories, int affectedPackages, long checks, long matches, double matchS,
      double checksPerS, double rematchS, double baselineS, double baselineChecksPerS, boolean identical, double speedup) {}

  /** Runs the benchmark; progress lines go to {@code log}. */
  public static Result run(Options options, Consumer<String> log) throws IOException {
    long started = System.nanoTime();
    SyntheticWorld world =
        SyntheticWorld.generate(SyntheticWorld.Spec.scaled(options.versions(), options.edges(), options.deployments(), options.seed()));
    log.accept(String.format(Locale.ROOT, "generated %,d versions in %,d packages, %,d edges in %.1f s",
        world.versionCount(), world.packages().size(), world.edgeCount(), seconds(started)));

    try (ScratchStore store = ScratchStore.create("accord-bench-match-", options.pgUrl())) {
      started = System.nanoTime();
      try (Database database = store.openDatabase()) {
        BulkLoad.load(database, world, System.currentTimeMillis());
      }
      log.accept(String.format(Locale.ROOT, "loaded the store (%s) in %.1f s", store.label(), seconds(started)));
      started = System.nanoTime();
      try (Accord accord = Accord.open(store.config())) {
        log.accept(String.format(Locale.ROOT, "built the graph index in %.1f s", seconds(started)));
        return measure(options, world, accord, store.kind(), log);
      }
    }
  }

  private static Result measure(Options options, SyntheticWorld world, Accord accord, String store, Consumer<String> log) {
    long started = System.nanoTime();
    List<Advisory> advisories = generate(world, options.advisories(), new SplittableRandom(options.seed() ^ 0x9E3779B97F4A7C15L));
    int affectedPackages = advisories.stream().mapToInt(a -> a.affected().size()).sum();
    double generateS = seconds(started);
    started = System.nanoTime();
    Matcher matcher = accord.advisories().matcher();
    Map<Long, Advisory> byKey = new HashMap<>();
    accord.database().jdbi().useTransaction(
        handle -> {
          for (Advisory advisory : advisories) {
            long pk = AdvisoryStore.store(handle, advisory, Integer.toHexString(advisory.document().hashCode()), AdvisoryStore.PUBLIC, 1, 0).pk();
            byKey.put(pk, advisory);
          }
        });
    byKey.forEach(matcher::put);
    log.accept(String.format(Locale.ROOT, "generated %,d advisories with %,d affected packages in %.1f s, stored and indexed them in %.1f s",
        advisories.size(), affectedPackages, generateS, seconds(started)));

    // The graph matcher, on this thread: warm up, then the median of the timed rounds.
    Matcher.Result result = null;
    long warmup = System.nanoTime();
    for (int i = 0; i < WARMUP_ROUNDS || seconds(warmup) < WARMUP_SECONDS; i++) {
      result = matcher.matchAll(accord.graph());
    }
    double[] times = new double[options.rounds()];
    for (int i = 0; i < options.rounds(); i++) {
      long t0 = System.nanoTime();
      result = matcher.matchAll(accord.graph());
      times[i] = seconds(t0);
    }
    Arrays.sort(times);
    double matchS = times[times.length / 2];
    double checksPerS = result.checks() / matchS;
    log.accept(String.format(Locale.ROOT,
        "graph matcher: %,d range checks and %,d matches per full match; median %.3f s over %d rounds = %,.0f checks/s on one thread",
        result.checks(), result.matches(), matchS, options.rounds(), checksPerS));

    Advisories.Rematch rematch = accord.advisories().rematchAll();
    log.accept(String.format(Locale.ROOT, "full rematch: %.2f s (%.3f s matching, the rest replacing %,d stored matches)",
        rematch.totalSeconds(), rematch.matchSeconds(), rematch.matches()));

    // The SQL baseline: candidates by package in SQL, each version parsed and tested in Java.
    Set<Long> baselinePairs = new HashSet<>();
    long[] baselineChecks = {0};
    started = System.nanoTime();
    accord.database().jdbi().useHandle(
        handle -> {
          for (Map.Entry<Long, Advisory> entry : byKey.entrySet()) {
            for (AffectedPackage affected : entry.getValue().affected()) {
              VersionScheme scheme = affected.ecosystem().scheme();
              for (AdvisoryStore.Component candidate : AdvisoryStore.versionsOf(handle, affected.packageKey())) {
                baselineChecks[0]++;
                Version version;
                try {
                  version = scheme.parse(candidate.version());
                } catch (InvalidInputException unparsable) {
                  continue;
                }
                if (affected.range().contains(version)) {
                  baselinePairs.add(pair(entry.getKey(), candidate.id()));
                }
              }
            }
          }
        });
    double baselineS = seconds(started);
    Set<Long> graphPairs = new HashSet<>();
    result.componentIds().forEach((key, ids) -> {
      for (long id : ids) {
        graphPairs.add(pair(key, id));
      }
    });
    boolean identical = graphPairs.equals(baselinePairs) && baselineChecks[0] == result.checks();
    double speedup = baselineS / matchS;
    log.accept(String.format(Locale.ROOT, "SQL baseline (%s): %.2f s for %,d checks = %,.0f checks/s; matches %s",
        store, baselineS, baselineChecks[0], baselineChecks[0] / baselineS, identical ? "identical" : "DIFFER"));
    return new Result(
        store, world.versionCount(), advisories.size(), affectedPackages, result.checks(), result.matches(), matchS, checksPerS,
        rematch.totalSeconds(), baselineS, baselineChecks[0] / baselineS, identical, speedup);
  }

  private static long pair(long advisory, long component) {
    return advisory << 32 | component;
  }

  /** Advisories over packages chosen by popularity, with the range shapes of real advisory databases. */
  static List<Advisory> generate(SyntheticWorld world, int count, SplittableRandom random) {
    List<Advisory> advisories = new ArrayList<>(count);
    for (int n = 0; n < count; n++) {
      int packages = random.nextDouble() < 0.2 ? 2 : 1;
      Set<SyntheticWorld.Package> chosen = new LinkedHashSet<>();
      while (chosen.size() < packages) {
        chosen.add(popularPackage(world, random));
      }
      List<AffectedPackage> affected = new ArrayList<>();
      StringBuilder json = new StringBuilder("{\"schema_version\":\"1.6.0\",\"id\":\"OSV-BENCH-").append(n)
          .append("\",\"modified\":\"2025-01-01T00:00:00Z\",\"affected\":[");
      for (SyntheticWorld.Package pkg : chosen) {
        Ecosystem ecosystem = Ecosystem.fromPurlType(pkg.ecosystem());
        List<String> versions = new ArrayList<>();
        for (String version : pkg.versions()) {
          versions.add(ecosystem == Ecosystem.GOLANG && version.startsWith("v") ? version.substring(1) : version);
        }
        List<EventRange> ranges = new ArrayList<>();
        List<String> listed = new ArrayList<>();
        shape(random, versions, ranges, listed);
        affected.add(AffectedPackage.of(ecosystem.osvName(), ecosystem, pkg.key(), pkg.key(), ranges, listed, List.of()));
        json.append("{\"package\":{\"ecosystem\":\"").append(ecosystem.osvName()).append("\",\"purl\":\"").append(pkg.key()).append("\"}},");
      }
      json.setLength(json.length() - 1);
      json.append("]}");
      advisories.add(new Advisory(
          "OSV-BENCH-" + n, AdvisoryFormat.OSV, "generated", "", List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
          List.of(), List.of(), affected, json.toString()));
    }
    return advisories;
  }

  private static SyntheticWorld.Package popularPackage(SyntheticWorld world, SplittableRandom random) {
    int version = random.nextInt(world.versionCount());
    int[] deps = world.dependenciesOf(version);
    int target = deps.length == 0 ? version : deps[random.nextInt(deps.length)];
    return world.packageOf(target);
  }

  /** One of the range shapes, over the package's versions (oldest first). */
  private static void shape(SplittableRandom random, List<String> versions, List<EventRange> ranges, List<String> listed) {
    int size = versions.size();
    double shape = random.nextDouble();
    int a = random.nextInt(size);
    int b = a + 1 + random.nextInt(Math.max(1, size - a));
    String upper = b < size ? versions.get(b) : bump(versions.get(size - 1));
    if (shape < 0.40) {
      ranges.add(range(OsvEvent.introduced("0"), OsvEvent.fixed(upper)));
    } else if (shape < 0.65) {
      ranges.add(range(OsvEvent.introduced(versions.get(a)), OsvEvent.fixed(upper)));
    } else if (shape < 0.75) {
      int c = Math.min(size - 1, b + random.nextInt(Math.max(1, size - b)));
      ranges.add(range(OsvEvent.introduced("0"), OsvEvent.fixed(versions.get(a))));
      ranges.add(range(OsvEvent.introduced(versions.get(c)), OsvEvent.fixed(bump(versions.get(size - 1)))));
    } else if (shape < 0.85) {
      ranges.add(range(OsvEvent.introduced(versions.get(a)), OsvEvent.lastAffected(versions.get(Math.min(size - 1, b)))));
    } else if (shape < 0.90) {
      ranges.add(range(OsvEvent.introduced(versions.get(a))));
    } else if (shape < 0.95) {
      for (int i = 0; i < 1 + random.nextInt(3); i++) {
        String version = versions.get(random.nextInt(size));
        if (!listed.contains(version)) {
          listed.add(version);
        }
      }
    } else {
      ranges.add(range(OsvEvent.introduced(versions.get(a)), OsvEvent.fixed(bump(versions.get(a)))));
    }
  }

  private static EventRange range(OsvEvent... events) {
    return new EventRange(EventRange.Type.ECOSYSTEM, "", List.of(events));
  }

  /** The next patch version, such as 1.2.4 for 1.2.3: a fix the graph does not hold. */
  private static String bump(String version) {
    int dot = version.lastIndexOf('.');
    return version.substring(0, dot + 1) + (Integer.parseInt(version.substring(dot + 1)) + 1);
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
