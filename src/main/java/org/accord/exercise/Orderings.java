package org.accord.exercise;

import java.util.ArrayList;
import java.util.List;

/**
 * The twelve desired orderings of the CVD events V (vendor aware), F (fix ready), D (fix deployed), P
 * (public), X (exploit public), A (attacks), and the skill of a strategy at achieving them.
 *
 * <p>From Householder and Spring [1], §4: a desideratum such as "F before X" is met when its first event
 * happens strictly before the second (or the second never happens). Skill is how much more often a
 * process meets it than luck would: {@code (observed - baseline) / (1 - baseline)}, 0 for chance, 1 for
 * always, negative for worse than chance. The baseline here is the share of the 120 orders of the six
 * events with V before F before D (the causal constraint) that meet it, each order equally likely; [1]
 * derives its baseline from its own set of possible histories, with further causal constraints, so the
 * values here approximate its table (ADR 0148). Stateless.
 *
 * <p>[1] A. D. Householder, J. Spring, "Are We Skillful or Just Lucky? Interpreting the Possible Histories
 * of Vulnerability Disclosures", Digital Threats: Research and Practice 3(4), 2022, doi:10.1145/3477431;
 * the event set is Vultron's (CERT/CC Vultron protocol, case states VFDPXA).
 */
public final class Orderings {
  /** The desiderata, as pairs of event letters. */
  public static final List<String> DESIDERATA =
      List.of("V<P", "F<P", "D<P", "V<X", "F<X", "D<X", "V<A", "F<A", "D<A", "P<X", "P<A", "X<A");
  private static final String EVENTS = "VFDPXA";
  private static final double[] BASELINE = baseline();

  private Orderings() {}

  /** The desiderata met, one bit each in {@link #DESIDERATA} order, as a double (the runs' metric column). */
  static double achieved(double v, double f, double d, double p, double x, double a) {
    double[] at = {v, f, d, p, x, a};
    int bits = 0;
    for (int i = 0; i < DESIDERATA.size(); i++) {
      String pair = DESIDERATA.get(i);
      double first = at[EVENTS.indexOf(pair.charAt(0))];
      double second = at[EVENTS.indexOf(pair.charAt(2))];
      if (first < second) {
        bits |= 1 << i;
      }
    }
    return bits;
  }

  /** The chance share of each desideratum. */
  public static double baseline(int desideratum) {
    return BASELINE[desideratum];
  }

  /** Skill at a desideratum met in {@code observed} of the runs. */
  public static double skill(int desideratum, double observed) {
    return (observed - BASELINE[desideratum]) / (1 - BASELINE[desideratum]);
  }

  private static double[] baseline() {
    List<int[]> orders = new ArrayList<>();
    permute(new int[6], new boolean[6], 0, orders);
    double[] share = new double[DESIDERATA.size()];
    int valid = 0;
    for (int[] position : orders) {
      if (!(position[0] < position[1] && position[1] < position[2])) {
        continue;
      }
      valid++;
      int bits = (int) achieved(position[0], position[1], position[2], position[3], position[4], position[5]);
      for (int i = 0; i < share.length; i++) {
        share[i] += (bits >> i) & 1;
      }
    }
    for (int i = 0; i < share.length; i++) {
      share[i] /= valid;
    }
    return share;
  }

  private static void permute(int[] position, boolean[] used, int event, List<int[]> out) {
    if (event == 6) {
      out.add(position.clone());
      return;
    }
    for (int slot = 0; slot < 6; slot++) {
      if (!used[slot]) {
        used[slot] = true;
        position[event] = slot;
        permute(position, used, event + 1, out);
        used[slot] = false;
      }
    }
  }
}
