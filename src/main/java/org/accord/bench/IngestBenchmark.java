package org.accord.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import org.accord.app.Accord;
import org.accord.app.IngestResults;
import org.accord.synthetic.SyntheticWorld;
import org.accord.synthetic.WorldWriter;

/**
 * {@code accord bench ingest}: one very large CycloneDX JSON SBOM into a fresh SQLite store, through
 * the same path as {@code accord ingest sbom}, with its peak heap.
 *
 * <p>A smaller document is ingested first into a throwaway store, so the measured ingest runs on
 * compiled code as a long-running server's would; the measured one then goes into a fresh store.
 *
 * <p>The in-run baseline parses the same file into a Jackson tree, which is what a reader that is not
 * streaming holds in memory before it can do anything; it is run second so that, if it runs out of
 * memory under a small {@code -Xmx}, the ingest figures are already in hand.
 *
 * <p>{@link #run} is static and uses its own fresh store and temporary files, which it removes;
 * progress lines go to the given consumer on the calling thread. Runs are not meant to overlap in one
 * JVM, since they measure time and heap.
 */
public final class IngestBenchmark {
  private static final int RUNS = 3;

  private IngestBenchmark() {}

  /** What to run: the number of components, dependency edges among them, and the seed. */
  public record Options(int components, long edges, long seed) {}

  /** The figures. */
  public record Result(
      int components, long edges, double fileMb, double ingestS, double componentsPerS, double peakHeapMb,
      double peakLiveHeapMb, double baselineParseS, double baselineLiveHeapMb, boolean baselineOutOfMemory,
      double heapRatio) {}

  private static void warmUp(Path dir, Options options, Consumer<String> log) throws IOException {
    int components = Math.max(1_000, options.components() / 10);
    SyntheticWorld small =
        SyntheticWorld.generate(SyntheticWorld.Spec.scaled(components, options.edges() / 10, 1, options.seed() + 1));
    Path file = dir.resolve("warm-up.cdx.json");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      WorldWriter.writeCatalogueSbom(small, out);
    }
    long started = System.nanoTime();
    try (Accord accord = Accord.open(new Accord.Config(dir.resolve("warm-up"), null));
        InputStream in = Files.newInputStream(file)) {
      accord.ingestSbom(new java.io.BufferedInputStream(in, 1 << 16), accord.parties().localCoordinator());
    }
    log.accept(String.format(Locale.ROOT, "warm-up: ingested %,d components into a throwaway store in %.2f s",
        small.versionCount(), (System.nanoTime() - started) / 1e9));
  }

  public static Result run(Options options, Consumer<String> log) throws IOException {
    SyntheticWorld world =
        SyntheticWorld.generate(SyntheticWorld.Spec.scaled(options.components(), options.edges(), 1, options.seed()));
    Path dir = Files.createTempDirectory("accord-bench-ingest-");
    try {
      Path file = dir.resolve("big.cdx.json");
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
        WorldWriter.writeCatalogueSbom(world, out);
      }
      double fileMb = Files.size(file) / 1048576.0;
      log.accept(String.format(Locale.ROOT, "wrote a CycloneDX JSON SBOM of %,d components and %,d edges (%.0f MiB)",
          world.versionCount(), world.edgeCount(), fileMb));

      warmUp(dir, options, log);
      // Three measured runs, each into a fresh store; the median rate is reported.
      double[] rates = new double[RUNS];
      IngestResults.Sbom result = null;
      double ingestS = 0;
      double peak = 0;
      double peakLive = 0;
      for (int run = 0; run < RUNS; run++) {
        try (Accord accord = Accord.open(new Accord.Config(dir.resolve("data-" + run), null))) {
          try (HeapSampler heap = HeapSampler.start(); InputStream in = Files.newInputStream(file)) {
            long started = System.nanoTime();
            result = accord.ingestSbom(new java.io.BufferedInputStream(in, 1 << 16), accord.parties().localCoordinator());
            double seconds = (System.nanoTime() - started) / 1e9;
            rates[run] = result.components() / seconds;
            peak = Math.max(peak, heap.peakMiB());
            peakLive = Math.max(peakLive, heap.peakLiveMiB());
            log.accept(String.format(Locale.ROOT, "run %d: ingested %,d components and %,d edges in %.2f s: %,.0f components/s",
                run + 1, result.components(), result.edges(), seconds, rates[run]));
          }
        }
      }
      double[] sorted = rates.clone();
      java.util.Arrays.sort(sorted);
      double rate = sorted[RUNS / 2];
      ingestS = result.components() / rate;
      log.accept(String.format(Locale.ROOT,
          "median %,.0f components/s; heap: peak used %.0f MiB (garbage included), peak live after GC %.0f MiB",
          rate, peak, peakLive));

      double baselineS = Double.NaN;
      double baselineLive = Double.NaN;
      boolean outOfMemory = false;
      try (HeapSampler heap = HeapSampler.start()) {
        long started = System.nanoTime();
        try {
          JsonNode tree = new ObjectMapper().readTree(file.toFile());
          baselineS = (System.nanoTime() - started) / 1e9;
          baselineLive = HeapSampler.retainedMiB(); // the tree is still referenced here
          if (tree.size() == 0) {
            log.accept("baseline tree is empty?");
          }
        } catch (OutOfMemoryError e) {
          outOfMemory = true;
          baselineLive = heap.peakMiB();
        }
      }
      log.accept(outOfMemory
          ? String.format(Locale.ROOT, "baseline (Jackson tree of the whole document, parse only): out of memory at %.0f MiB", baselineLive)
          : String.format(Locale.ROOT, "baseline (Jackson tree of the whole document, parse only): %.2f s, %.0f MiB live for the tree alone", baselineS, baselineLive));
      return new Result(
          result.components(), result.edges(), fileMb, ingestS, rate, peak, peakLive, baselineS, baselineLive, outOfMemory,
          baselineLive / peakLive);
    } finally {
      ScratchStore.deleteTree(dir);
    }
  }
}
