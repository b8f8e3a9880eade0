package org.accord.accountability.indicators;

/**
 * Householder and Spring's skill for one ordering, with a 95% interval. Pure and thread-safe.
 *
 * <p>Skill is {@code α_d = (f_obs − f_d) / (1 − f_d)} ("Discriminating Skill and Luck in
 * Observations", {@code docs/topics/measuring_cvd/discriminating_skill_and_luck.md}): 0 for a record no
 * better than luck, 1 when the ordering always held, negative when worse than luck. The interval is the
 * Wilson score interval [1] for the binomial proportion {@code f_obs = met / trials} at z = 1.959964,
 * mapped through {@code α}, which is increasing in {@code f_obs}, so the bounds map to bounds. Vultron
 * uses the Beta(met, trials − met) credible interval from scipy; Wilson is closed-form, needs no
 * library, and stays defined when every trial met or none did (where Beta(0, n) is not), and it is
 * what Brown, Cai and DasGupta [1], whom Vultron cites, recommend for small samples. Its width shrinks
 * as about {@code 1/√trials}.
 *
 * <p>[1] L. D. Brown, T. T. Cai, A. DasGupta, "Interval Estimation for a Binomial Proportion",
 * Statistical Science 16(2), 2001, §4.1.2.
 *
 * @param share {@code f_obs}
 * @param skill {@code α}
 * @param low the interval's lower bound on {@code α}
 * @param high its upper bound
 */
public record Skill(double share, double skill, double low, double high) {
  /** The two-sided 95% normal quantile. */
  static final double Z95 = 1.959963984540054;

  /**
   * The skill of {@code met} successes in {@code trials}.
   *
   * @throws IllegalArgumentException unless {@code 0 <= met <= trials} and {@code trials > 0}
   */
  public static Skill of(Ordering ordering, long met, long trials) {
    if (trials <= 0 || met < 0 || met > trials) {
      throw new IllegalArgumentException("need 0 <= met <= trials and trials > 0, got " + met + " of " + trials);
    }
    double n = trials;
    double p = met / n;
    double z2 = Z95 * Z95;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = Z95 / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    double low = Math.max(0, centre - half);
    double high = Math.min(1, centre + half);
    return new Skill(p, alpha(ordering, p), alpha(ordering, low), alpha(ordering, high));
  }

  /** {@code α} of an observed share. */
  public static double alpha(Ordering ordering, double share) {
    return (share - ordering.luck()) / (1 - ordering.luck());
  }
}
