package org.accord.triage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/** The CVSS 3.0 and 3.1 base, temporal and environmental equations. Stateless and thread-safe. */
final class Cvss3Calculator {

  /*
   * How: the equations of [1] section 7 (3.1) and [2] section 8 (3.0), evaluated in exact decimal
   * arithmetic (BigDecimal) instead of doubles. The metric weights are decimal constants, so every
   * intermediate value is exact and rounding happens only where the specification says so. That makes
   * the "Roundup" function simple and makes results independent of floating-point evaluation order,
   * which is what tripped up calculators before [1] Appendix A redefined Roundup.
   *
   * Roundup: 3.0 defines it as the smallest number with one decimal that is >= the input ([2] 8.4),
   * i.e. a decimal ceiling. 3.1 ([1] Appendix A) first rounds the input to 5 decimals and then takes the
   * ceiling to one decimal, so values within 0.000005 above a boundary round down to it; we implement
   * exactly that, on the exact value.
   *
   * Differences between the versions, all in the environmental equation ([1] 7.3, [2] 8.3):
   *   - 3.1 ModifiedImpact (scope changed) = 7.52 x (MISS - 0.029) - 3.25 x (MISS x 0.9731 - 0.02)^13;
   *     3.0 uses (MISS - 0.02)^15 as in the base equation. With no environmental metrics this is why a
   *     3.1 environmental score can exceed the base score by 0.1 (80 of the 2592 base vectors).
   *   - the Roundup above.
   * Privileges Required weighs more when the (modified) scope is changed: L 0.68, H 0.5 instead of
   * 0.62, 0.27. An undefined modified metric (X) takes the base metric's value; MPR's weight then
   * follows the modified scope, as in the reference calculators.
   *
   * Cost: a few dozen BigDecimal operations; the largest is a 15th power of a number with at most seven
   * decimals (about 100 digits). Well under 10 microseconds per vector.
   *
   * [1] FIRST, Common Vulnerability Scoring System v3.1: Specification Document, rev. 1 (2019).
   * [2] FIRST, Common Vulnerability Scoring System v3.0: Specification Document (2015).
   * [3] Red Hat Product Security, "cvss" Python library, cvss3.py (the conformance vectors' origin).
   */

  private static final BigDecimal ONE = BigDecimal.ONE;
  private static final BigDecimal TEN = BigDecimal.TEN;
  private static final BigDecimal ZERO = BigDecimal.ZERO;
  private static final BigDecimal IMPACT_UNCHANGED = new BigDecimal("6.42");
  private static final BigDecimal IMPACT_CHANGED = new BigDecimal("7.52");
  private static final BigDecimal IMPACT_CHANGED_OFFSET = new BigDecimal("0.029");
  private static final BigDecimal IMPACT_CHANGED_PENALTY = new BigDecimal("3.25");
  private static final BigDecimal IMPACT_CHANGED_PENALTY_OFFSET = new BigDecimal("0.02");
  private static final BigDecimal MODIFIED_IMPACT_FACTOR_31 = new BigDecimal("0.9731");
  private static final BigDecimal EXPLOITABILITY = new BigDecimal("8.22");
  private static final BigDecimal SCOPE_CHANGED = new BigDecimal("1.08");
  private static final BigDecimal MISS_CAP = new BigDecimal("0.915");
  private static final int PENALTY_POWER_30 = 15;
  private static final int MODIFIED_PENALTY_POWER_31 = 13;

  private static final Map<String, BigDecimal> AV = weights("N", "0.85", "A", "0.62", "L", "0.55", "P", "0.2");
  private static final Map<String, BigDecimal> AC = weights("L", "0.77", "H", "0.44");
  private static final Map<String, BigDecimal> PR_UNCHANGED = weights("N", "0.85", "L", "0.62", "H", "0.27");
  private static final Map<String, BigDecimal> PR_CHANGED = weights("N", "0.85", "L", "0.68", "H", "0.5");
  private static final Map<String, BigDecimal> UI = weights("N", "0.85", "R", "0.62");
  private static final Map<String, BigDecimal> CIA = weights("H", "0.56", "L", "0.22", "N", "0");
  private static final Map<String, BigDecimal> E = weights("X", "1", "H", "1", "F", "0.97", "P", "0.94", "U", "0.91");
  private static final Map<String, BigDecimal> RL = weights("X", "1", "U", "1", "W", "0.97", "T", "0.96", "O", "0.95");
  private static final Map<String, BigDecimal> RC = weights("X", "1", "C", "1", "R", "0.96", "U", "0.92");
  private static final Map<String, BigDecimal> REQUIREMENT = weights("X", "1", "H", "1.5", "M", "1", "L", "0.5");

  private Cvss3Calculator() {}

  /** Scores a 3.0 or 3.1 vector, choosing the most refined score the vector supports. */
  static CvssScore score(CvssVector vector) {
    BigDecimal[] scores = scores(vector);
    BigDecimal chosen;
    if (vector.anyDefined(CvssVector.V3_ENVIRONMENTAL)) {
      chosen = scores[2];
    } else if (vector.anyDefined(CvssVector.V3_TEMPORAL)) {
      chosen = scores[1];
    } else {
      chosen = scores[0];
    }
    double score = chosen.doubleValue();
    return new CvssScore(vector.version(), score, Severity.of(score), vector.canonical());
  }

  /** The base, temporal and environmental scores, each with one decimal. */
  static BigDecimal[] scores(CvssVector vector) {
    boolean v31 = vector.version().equals("3.1");
    BigDecimal temporalFactor =
        E.get(vector.get("E")).multiply(RL.get(vector.get("RL"))).multiply(RC.get(vector.get("RC")));

    // Base ([1] 7.1).
    boolean changed = vector.get("S").equals("C");
    BigDecimal iss =
        ONE.subtract(
            ONE.subtract(CIA.get(vector.get("C")))
                .multiply(ONE.subtract(CIA.get(vector.get("I"))))
                .multiply(ONE.subtract(CIA.get(vector.get("A")))));
    BigDecimal impact =
        changed
            ? IMPACT_CHANGED.multiply(iss.subtract(IMPACT_CHANGED_OFFSET))
                .subtract(IMPACT_CHANGED_PENALTY.multiply(iss.subtract(IMPACT_CHANGED_PENALTY_OFFSET).pow(PENALTY_POWER_30)))
            : IMPACT_UNCHANGED.multiply(iss);
    BigDecimal exploitability =
        EXPLOITABILITY
            .multiply(AV.get(vector.get("AV")))
            .multiply(AC.get(vector.get("AC")))
            .multiply((changed ? PR_CHANGED : PR_UNCHANGED).get(vector.get("PR")))
            .multiply(UI.get(vector.get("UI")));
    BigDecimal base = ZERO;
    if (impact.signum() > 0) {
      BigDecimal sum = impact.add(exploitability);
      base = roundUp(min10(changed ? SCOPE_CHANGED.multiply(sum) : sum), v31);
    }

    // Temporal ([1] 7.2).
    BigDecimal temporal = roundUp(base.multiply(temporalFactor), v31);

    // Environmental ([1] 7.3).
    boolean modifiedChanged = modified(vector, "MS", "S").equals("C");
    BigDecimal miss =
        ONE.subtract(
                ONE.subtract(REQUIREMENT.get(vector.get("CR")).multiply(CIA.get(modified(vector, "MC", "C"))))
                    .multiply(ONE.subtract(REQUIREMENT.get(vector.get("IR")).multiply(CIA.get(modified(vector, "MI", "I")))))
                    .multiply(ONE.subtract(REQUIREMENT.get(vector.get("AR")).multiply(CIA.get(modified(vector, "MA", "A"))))))
            .min(MISS_CAP);
    BigDecimal modifiedImpact;
    if (!modifiedChanged) {
      modifiedImpact = IMPACT_UNCHANGED.multiply(miss);
    } else if (v31) {
      modifiedImpact =
          IMPACT_CHANGED.multiply(miss.subtract(IMPACT_CHANGED_OFFSET))
              .subtract(IMPACT_CHANGED_PENALTY.multiply(
                  miss.multiply(MODIFIED_IMPACT_FACTOR_31).subtract(IMPACT_CHANGED_PENALTY_OFFSET).pow(MODIFIED_PENALTY_POWER_31)));
    } else {
      modifiedImpact =
          IMPACT_CHANGED.multiply(miss.subtract(IMPACT_CHANGED_OFFSET))
              .subtract(IMPACT_CHANGED_PENALTY.multiply(miss.subtract(IMPACT_CHANGED_PENALTY_OFFSET).pow(PENALTY_POWER_30)));
    }
    BigDecimal modifiedExploitability =
        EXPLOITABILITY
            .multiply(AV.get(modified(vector, "MAV", "AV")))
            .multiply(AC.get(modified(vector, "MAC", "AC")))
            .multiply((modifiedChanged ? PR_CHANGED : PR_UNCHANGED).get(modified(vector, "MPR", "PR")))
            .multiply(UI.get(modified(vector, "MUI", "UI")));
    BigDecimal environmental = ZERO;
    if (modifiedImpact.signum() > 0) {
      BigDecimal sum = modifiedImpact.add(modifiedExploitability);
      BigDecimal capped = roundUp(min10(modifiedChanged ? SCOPE_CHANGED.multiply(sum) : sum), v31);
      environmental = roundUp(capped.multiply(temporalFactor), v31);
    }
    return new BigDecimal[] {base.setScale(1), temporal.setScale(1), environmental.setScale(1)};
  }

  private static String modified(CvssVector vector, String modifiedMetric, String baseMetric) {
    String value = vector.get(modifiedMetric);
    return value.equals("X") ? vector.get(baseMetric) : value;
  }

  private static BigDecimal min10(BigDecimal value) {
    return value.min(TEN);
  }

  /** Roundup of [2] 8.4 (3.0) or [1] Appendix A (3.1), on an exact value. */
  static BigDecimal roundUp(BigDecimal value, boolean v31) {
    BigDecimal exact = v31 ? value.setScale(5, RoundingMode.HALF_UP) : value;
    return exact.setScale(1, RoundingMode.CEILING);
  }

  private static Map<String, BigDecimal> weights(String... pairs) {
    java.util.LinkedHashMap<String, BigDecimal> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], new BigDecimal(pairs[i + 1]));
    }
    return Map.copyOf(map);
  }
}
