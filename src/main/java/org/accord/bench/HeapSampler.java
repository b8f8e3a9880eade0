package org.accord.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Watches the heap while a piece of work runs: the peak of used heap sampled every few milliseconds
 * (which includes garbage not yet collected, so it tracks -Xmx pressure), and the peak of heap still
 * in use after each garbage collection (the live set, what the work really holds). Needs no JVM flags.
 * Thread-safe.
 */
public final class HeapSampler implements AutoCloseable {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long peak;
  private volatile long peakLive;
  private final javax.management.NotificationListener onGc;

  private HeapSampler() {
    peak = used();
    peakLive = peak;
    onGc =
        (notification, handback) -> {
          if (com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            var info =
                com.sun.management.GarbageCollectionNotificationInfo.from(
                    (javax.management.openmbean.CompositeData) notification.getUserData());
            long after = 0;
            for (var usage : info.getGcInfo().getMemoryUsageAfterGc().values()) {
              after += usage.getUsed();
            }
            if (after > peakLive) {
              peakLive = after;
            }
          }
        };
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof javax.management.NotificationEmitter emitter) {
        emitter.addNotificationListener(onGc, null, null);
      }
    }
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

  /**
   * The peak heap in use after a collection while sampling, in MiB: the largest live set seen. Only
   * collections that happened during the work count, so call {@link #retainedMiB} at the end as well.
   */
  public double peakLiveMiB() {
    return peakLive / 1048576.0;
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
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof javax.management.NotificationEmitter emitter) {
        try {
          emitter.removeNotificationListener(onGc);
        } catch (javax.management.ListenerNotFoundException e) {
          // never added to this one
        }
      }
    }
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
