package org.accord.accountability.indicators;

/**
 * The twelve desirable orderings of Vultron's case events, {@code 𝔻} of "Desirable Histories"
 * ({@code docs/topics/measuring_cvd/desirable_histories.md}), each with {@code f_d}, its expected
 * frequency when every possible next event is equally likely: the upper right of Table 4.1 in
 * "Reasoning over Possible Histories" ({@code docs/topics/measuring_cvd/reasoning_over_histories.md}),
 * from Householder and Spring, "Are We Skillfully Disclosing It?" (CERT/CC, 2021). The table gives three
 * decimals; so do we.
 */
public enum Ordering {
  V_BEFORE_P(Milestone.VENDOR_AWARE, Milestone.PUBLIC, 0.333),
  F_BEFORE_P(Milestone.FIX_READY, Milestone.PUBLIC, 0.111),
  D_BEFORE_P(Milestone.FIX_DEPLOYED, Milestone.PUBLIC, 0.037),
  V_BEFORE_X(Milestone.VENDOR_AWARE, Milestone.EXPLOIT_PUBLIC, 0.667),
  F_BEFORE_X(Milestone.FIX_READY, Milestone.EXPLOIT_PUBLIC, 0.333),
  D_BEFORE_X(Milestone.FIX_DEPLOYED, Milestone.EXPLOIT_PUBLIC, 0.167),
  V_BEFORE_A(Milestone.VENDOR_AWARE, Milestone.ATTACKS, 0.750),
  F_BEFORE_A(Milestone.FIX_READY, Milestone.ATTACKS, 0.375),
  D_BEFORE_A(Milestone.FIX_DEPLOYED, Milestone.ATTACKS, 0.187),
  P_BEFORE_X(Milestone.PUBLIC, Milestone.EXPLOIT_PUBLIC, 0.500),
  P_BEFORE_A(Milestone.PUBLIC, Milestone.ATTACKS, 0.667),
  X_BEFORE_A(Milestone.EXPLOIT_PUBLIC, Milestone.ATTACKS, 0.500);

  private final Milestone first;
  private final Milestone then;
  private final double luck;

  Ordering(Milestone first, Milestone then, double luck) {
    this.first = first;
    this.then = then;
    this.luck = luck;
  }

  /** The event that should come first. */
  public Milestone first() {
    return first;
  }

  /** The event that should come after it. */
  public Milestone then() {
    return then;
  }

  /** {@code f_d}: how often the ordering holds by luck alone. */
  public double luck() {
    return luck;
  }

  /** The label as the issue and the JSON write it, such as {@code F<P}. */
  public String label() {
    return name().charAt(0) + "<" + name().charAt(name().length() - 1);
  }

  /**
   * Whether this ordering held in a history, as a trial: {@link Outcome#MET} when {@code first} came
   * strictly before {@code then}, or {@code first} happened and {@code then} has not (every history
   * ends with all six events, so {@code then} can only come later); {@link Outcome#MISSED} when {@code
   * then} happened and {@code first} did not come before it (a tie is a miss: the log cannot show which
   * came first); {@link Outcome#NOT_YET} when neither happened, which is no trial.
   *
   * @param first the time of {@code first} in epoch ms, or {@link Timeline#NONE}
   * @param then the time of {@code then}, or {@link Timeline#NONE}
   */
  static Outcome judge(long first, long then) {
    if (first == Timeline.NONE) {
      return then == Timeline.NONE ? Outcome.NOT_YET : Outcome.MISSED;
    }
    return then == Timeline.NONE || first < then ? Outcome.MET : Outcome.MISSED;
  }

  /** How one history stands on one ordering. */
  enum Outcome {
    MET,
    MISSED,
    NOT_YET
  }
}
