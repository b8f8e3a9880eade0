package org.accord.exercise;

import java.util.Arrays;

/**
 * A measure over the runs: its 5th, 50th and 95th percentiles (a 90% band) and its mean. Infinite values
 * (an event that never happens) sort last and leave the mean infinite.
 */
public record Band(double p5, double p50, double p95, double mean) {
  /** The band of {@code values}, which it sorts in place; nearest-rank percentiles. */
  static Band of(double[] values) {
    Arrays.sort(values);
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return new Band(rank(values, 0.05), rank(values, 0.5), rank(values, 0.95), sum / values.length);
  }

  /** The nearest-rank percentile of sorted values. */
  static double rank(double[] sorted, double q) {
    int index = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  static int rank(int[] sorted, double q) {
    int index = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  /** The width of the band. */
  public double width() {
    return p95 - p5;
  }
}
