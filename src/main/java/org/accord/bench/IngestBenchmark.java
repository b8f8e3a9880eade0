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
 * <p>The in-run baseline parses the same file into a Jackson tree, which is what a reader that is not
 * streaming holds in memory before it can do anything; it is run second so that, if it runs out of
 * memory under a small {@code -Xmx}, the ingest figures are already in hand.
 */
public final class IngestBenchmark {
  private IngestBenchmark() {}

  /** What to run: the number of components, dependency edges among them, and the seed. */
  public record Options(int components, long edges, long seed) {}

  /** The figures. */
  public record Result(
      int components, long edges, double fileMb, double ingestS, double componentsPerS, double peakHeapMb,
      double baselineParseS, double baselinePeakHeapMb, boolean baselineOutOfMemory, double heapRatio) {}

  public static Result run(Options options, Consumer<String> log) throws IOException {
    SyntheticWorld world =
        SyntheticWorld.generate(SyntheticWorld.Spec.scaled(options.components(), options.edges(), 1, options.seed()));
    Path dir = Files.createTempDirectory("accord-bench-ingest-");
    try {
      Path file = dir.resolve("big.cdx.json");
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
        WorldWriter.writeCatalogueSbom(world, 50, out);
      }
      double fileMb = Files.size(file) / 1048576.0;
      log.accept(String.format(Locale.ROOT, "wrote a CycloneDX JSON SBOM of %,d components and %,d edges (%.0f MiB)",
          world.versionCount(), world.edgeCount(), fileMb));

      IngestResults.Sbom result;
      double ingestS;
      double peak;
      try (Accord accord = Accord.open(new Accord.Config(dir.resolve("data"), null))) {
        try (HeapSampler heap = HeapSampler.start(); InputStream in = Files.newInputStream(file)) {
          long started = System.nanoTime();
          result = accord.ingestSbom(new java.io.BufferedInputStream(in, 1 << 16), "accord-bench");
          ingestS = (System.nanoTime() - started) / 1e9;
          peak = heap.peakMiB();
        }
      }
      double rate = result.components() / ingestS;
      log.accept(String.format(Locale.ROOT, "ingested %,d components and %,d edges in %.2f s: %,.0f components/s, peak heap %.0f MiB",
          result.components(), result.edges(), ingestS, rate, peak));

      double baselineS = Double.NaN;
      double baselinePeak;
      boolean outOfMemory = false;
      try (HeapSampler heap = HeapSampler.start()) {
        long started = System.nanoTime();
        JsonNode tree = null;
        try {
          tree = new ObjectMapper().readTree(file.toFile());
          baselineS = (System.nanoTime() - started) / 1e9;
        } catch (OutOfMemoryError e) {
          outOfMemory = true;
        }
        baselinePeak = heap.peakMiB();
        if (tree != null && tree.size() == 0) {
          log.accept("baseline tree is empty?");
        }
      }
      log.accept(outOfMemory
          ? String.format(Locale.ROOT, "baseline (Jackson tree of the whole document, parse only): out of memory at %.0f MiB", baselinePeak)
          : String.format(Locale.ROOT, "baseline (Jackson tree of the whole document, parse only): %.2f s, peak heap %.0f MiB", baselineS, baselinePeak));
      return new Result(
          result.components(), result.edges(), fileMb, ingestS, rate, peak, baselineS, baselinePeak, outOfMemory,
          baselinePeak / peak);
    } finally {
      WhereUsedBenchmark.deleteTree(dir);
    }
  }
}
