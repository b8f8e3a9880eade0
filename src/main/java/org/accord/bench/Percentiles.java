package org.accord.bench;

import java.util.Arrays;

/**
 * Nearest-rank percentiles over a sample of durations in nanoseconds. Immutable and thread-safe (the
 * sample is copied); an empty sample is refused with {@link IllegalArgumentException}.
 */
public final class Percentiles {
  private final long[] sorted;

  public Percentiles(long[] nanos) {
    if (nanos.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
    sorted = nanos.clone();
    Arrays.sort(sorted);
  }

  /** The p-th percentile (0 < p ≤ 100) in milliseconds, by the nearest-rank method. */
  public double millis(double p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
  }

  /** The mean in milliseconds. */
  public double meanMillis() {
    double sum = 0;
    for (long value : sorted) {
      sum += value;
    }
    return sum / sorted.length / 1e6;
  }
}
