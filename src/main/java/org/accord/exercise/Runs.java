package org.accord.exercise;

/**
 * The raw outcome of a simulation: per strategy and run, the scalar measures and the curves. Rows are
 * written by one run each (so runs may fill them in parallel) and read once all runs are done.
 */
public final class Runs {
  static final int EXPOSURE_DAYS = 0;
  static final int EXPOSURE_DAYS_ESSENTIAL = 1;
  static final int EXPLOITABLE_DAYS = 2;
  static final int EXPLOITABLE_DAYS_ESSENTIAL = 3;
  static final int ESSENTIAL_BEFORE_EXPLOIT = 4;
  static final int ESSENTIAL_BEFORE_ATTACKS = 5;
  static final int NOTIFIED_BEFORE_PUBLICATION = 6;
  static final int ESSENTIAL = 7;
  static final int FIX_READY = 8;
  static final int PUBLICATION = 9;
  static final int EXPLOIT_PUBLIC = 10;
  static final int ATTACKS = 11;
  static final int DEPLOYED = 12;
  static final int ORDERINGS = 13;
  static final int METRICS = 14;

  final Scenario scenario;
  final AffectedWorld world;
  final int runs;
  final int series;
  final int points;
  private final double[][][] metrics;
  private final int[][][] curves;

  Runs(Scenario scenario, AffectedWorld world, int strategies, int runs, int series, int points) {
    this.scenario = scenario;
    this.world = world;
    this.runs = runs;
    this.series = series;
    this.points = points;
    metrics = new double[strategies][runs][];
    curves = new int[strategies][runs][];
  }

  /** The row of measures of strategy {@code k} in run {@code run}, allocated on first use. */
  double[] metrics(int k, int run) {
    if (metrics[k][run] == null) {
      metrics[k][run] = new double[METRICS];
    }
    return metrics[k][run];
  }

  /** The curves of strategy {@code k} in run {@code run}: series-major, {@code points} per series. */
  int[] curve(int k, int run) {
    if (curves[k][run] == null) {
      curves[k][run] = new int[series * points];
    }
    return curves[k][run];
  }

  /** How many runs. */
  public int runs() {
    return runs;
  }
}
