package org.accord.exercise;

import java.util.Objects;

/**
 * A delay in days, drawn from a log-normal distribution given by its median and 90th percentile, with
 * the published source it was fitted to. A median of 0 is no delay at all.
 *
 * <p>Immutable and thread-safe. Sampling is a table look-up: {@link #table()} holds {@link #QUANTILES}
 * equally likely quantiles (the midpoints of equal-probability slices), so one draw costs one random int
 * and one array read instead of a Gaussian and an exponential. The discretisation error is below the
 * width of one slice (1/4096 of the probability mass), far under the uncertainty of the fitted data.
 *
 * @param medianDays the median delay, at least 0
 * @param p90Days the 90th percentile, at least the median
 * @param source where the figures come from; "assumption" when no published figure was found
 */
public record Lag(double medianDays, double p90Days, String source) {
  /** How many quantiles a table holds: a power of two, so a draw is a masked random int. */
  public static final int QUANTILES = 4096;
  /** z of the 90th percentile of the standard normal distribution. */
  private static final double Z90 = 1.2815515655446004;

  public Lag {
    Objects.requireNonNull(source, "source");
    if (!(medianDays >= 0) || !(p90Days >= medianDays) || Double.isInfinite(p90Days)) {
      throw new IllegalArgumentException("need 0 <= median <= p90 < infinity, got " + medianDays + " and " + p90Days);
    }
  }

  /** No delay. */
  public static Lag zero(String source) {
    return new Lag(0, 0, source);
  }

  /** The σ of the underlying normal: ln(p90 / median) / z90. */
  public double sigma() {
    return medianDays == 0 ? 0 : Math.log(p90Days / medianDays) / Z90;
  }

  /** The delay at cumulative probability {@code u} in (0, 1). */
  public double quantile(double u) {
    return medianDays == 0 ? 0 : medianDays * Math.exp(sigma() * inverseNormal(u));
  }

  /** {@link #QUANTILES} delays, the i-th at probability (i + 0.5) / QUANTILES; a fresh array. */
  public double[] table() {
    double[] table = new double[QUANTILES];
    for (int i = 0; i < QUANTILES; i++) {
      table[i] = quantile((i + 0.5) / QUANTILES);
    }
    return table;
  }

  /**
   * The standard normal quantile function, by Acklam's rational approximation (relative error below
   * 1.15e-9), which is ample for a table of 4096 quantiles.
   *
   * <p>P. J. Acklam, "An algorithm for computing the inverse normal cumulative distribution function"
   * (2003); the coefficients are his.
   */
  static double inverseNormal(double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("p must be in (0, 1): " + p);
    }
    double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
        -3.066479806614716e+01, 2.506628277459239e+00};
    double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
        -1.328068155288572e+01};
    double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
        4.374664141464968e+00, 2.938163982698783e+00};
    double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
    double low = 0.02425;
    if (p < low) {
      double q = Math.sqrt(-2 * Math.log(p));
      return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
          / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    if (p > 1 - low) {
      return -inverseNormal(1 - p);
    }
    double q = p - 0.5;
    double r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
        / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  }
}
