package org.accord.sbom;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one SBOM file in a fresh JVM and prints what {@link LargeBomIT} checks: counts, elapsed time,
 * components per second, the peak heap (garbage included, so it depends on the collector) and the live
 * heap after a full collection with the {@link Bom} still held. Run as {@code java -Xmx1g -cp … LargeBomProbe FILE}; exits
 * with 1 (and the message) if the reader refuses the file, and with the JVM's error if memory runs out.
 */
public final class LargeBomProbe {
  private LargeBomProbe() {}

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    Bom bom;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(Path.of(args[0])), 1 << 16)) {
      bom = BomReader.read(in, ReadLimits.defaults());
    } catch (org.accord.InvalidInputException e) {
      System.out.println("refused: " + e.describe());
      System.exit(1);
      return;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.gc();
    Runtime runtime = Runtime.getRuntime();
    long live = runtime.totalMemory() - runtime.freeMemory();
    System.out.printf(
        "components=%d edges=%d seconds=%.2f componentsPerSecond=%.0f peakHeapMiB=%d liveHeapMiB=%d maxHeapMiB=%d%n",
        bom.components().size(),
        bom.edges().size(),
        seconds,
        bom.components().size() / seconds,
        peak >> 20,
        live >> 20,
        runtime.maxMemory() >> 20);
    if (bom.components().isEmpty()) {
      System.exit(2); // keeps bom reachable until after the measurement
    }
  }
}
