package org.accord.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Samples used heap every few milliseconds on a daemon thread and keeps the peak. Coarser than GC
 * logs but needs no JVM flags, and the peak of a streaming ingest is what a user sizing -Xmx needs.
 * Thread-safe.
 */
public final class HeapSampler implements AutoCloseable {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long peak;

  private HeapSampler() {
    peak = used();
    thread =
        new Thread(
            () -> {
              while (running) {
                long now = used();
                if (now > peak) {
                  peak = now;
                }
                try {
                  Thread.sleep(5);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "accord-heap-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  /** Collects garbage, then starts sampling. */
  public static HeapSampler start() {
    settle();
    return new HeapSampler();
  }

  /** The peak used heap seen so far, in MiB. */
  public double peakMiB() {
    return Math.max(peak, used()) / 1048576.0;
  }

  /** Used heap after a collection, in MiB: what a structure that is still referenced really holds. */
  public static double retainedMiB() {
    settle();
    return used() / 1048576.0;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }

  private static long used() {
    return MEMORY.getHeapMemoryUsage().getUsed();
  }

  private static void settle() {
    for (int i = 0; i < 3; i++) {
      System.gc();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
