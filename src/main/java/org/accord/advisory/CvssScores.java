package org.accord.advisory;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Computes the base, temporal and environmental scores of a CVSS v2.0, v3.0 or v3.1 vector, as the
 * FIRST specifications define them. Used by CSAF 2.0 §6.1.9 to check the scores a document states.
 *
 * @param base the base score
 * @param temporal the temporal score (equal to the base score when no temporal metric is set)
 * @param environmental the environmental score (equal to the temporal score when no environmental
 *     metric is set)
 */
record CvssScores(BigDecimal base, BigDecimal temporal, BigDecimal environmental) {
  /*
   * How and why.
   *
   * The equations are transcribed from the specifications: CVSS v2 [1] §3.2.1-3.2.3, CVSS v3.0 [2]
   * §8.1-8.3 and CVSS v3.1 [3] §7.1-7.3 with Appendix A. They are evaluated in decimal arithmetic
   * (BigDecimal, 34 significant digits) rather than binary doubles. The v3.0 "round up" is a ceiling
   * to one decimal, which binary arithmetic gets wrong whenever an exact product such as 4.0 comes out
   * as 4.000000000000001 (the reason v3.1 redefined Roundup, Appendix A); decimal arithmetic makes the
   * v3.0 results match reference implementations that also compute in decimals, such as Red Hat's
   * cvss library, whose 2592-vector v3.0 and v3.1 suites the tests run.
   *
   * The differences between v3.0 and v3.1 are exactly two: Roundup (ceiling vs. the integer-based
   * Appendix A function) and the Modified Impact for a changed modified scope (v3.1 multiplies MISS by
   * 0.9731 and raises to the 13th power, v3.0 raises MISS - 0.02 to the 15th). Modified metrics left at
   * X take the corresponding base value; the privileges-required weight depends on the (modified)
   * scope. In v2, the environmental score recomputes the temporal score with the impact replaced by
   * the adjusted impact, and rounds half up at each step (round_to_1_decimal).
   *
   * This is hand-written although CVSS libraries exist: the one on Maven Central that a Java project
   * would pick (us.springett:cvss-calculator) computes no environmental score for v2.0 or v3.0, which
   * CSAF documents carry. See ADR 0041.
   *
   * [1] P. Mell, K. Scarfone, S. Romanosky, "A Complete Guide to the Common Vulnerability Scoring
   *     System Version 2.0", FIRST, 2007.
   * [2] FIRST, "Common Vulnerability Scoring System v3.0: Specification Document", 2015.
   * [3] FIRST, "Common Vulnerability Scoring System v3.1: Specification Document", revision 1, 2019.
   */

  private static final MathContext MATH = MathContext.DECIMAL128;
  private static final BigDecimal ZERO = BigDecimal.ZERO;
  private static final BigDecimal ONE = BigDecimal.ONE;
  private static final BigDecimal TEN = BigDecimal.TEN;

  // CVSS v3 weights, v3.1 §7.4 (identical in v3.0 §8.4).
  private static final Map<String, BigDecimal> V3_ATTACK_VECTOR = weights("N", "0.85", "A", "0.62", "L", "0.55", "P", "0.2");
  private static final Map<String, BigDecimal> V3_ATTACK_COMPLEXITY = weights("L", "0.77", "H", "0.44");
  private static final Map<String, BigDecimal> V3_PRIVILEGES_UNCHANGED = weights("N", "0.85", "L", "0.62", "H", "0.27");
  private static final Map<String, BigDecimal> V3_PRIVILEGES_CHANGED = weights("N", "0.85", "L", "0.68", "H", "0.5");
  private static final Map<String, BigDecimal> V3_USER_INTERACTION = weights("N", "0.85", "R", "0.62");
  private static final Map<String, BigDecimal> V3_IMPACT = weights("H", "0.56", "L", "0.22", "N", "0");
  private static final Map<String, BigDecimal> V3_EXPLOIT_MATURITY =
      weights("X", "1", "H", "1", "F", "0.97", "P", "0.94", "U", "0.91");
  private static final Map<String, BigDecimal> V3_REMEDIATION =
      weights("X", "1", "U", "1", "W", "0.97", "T", "0.96", "O", "0.95");
  private static final Map<String, BigDecimal> V3_CONFIDENCE = weights("X", "1", "C", "1", "R", "0.96", "U", "0.92");
  private static final Map<String, BigDecimal> V3_REQUIREMENT = weights("X", "1", "H", "1.5", "M", "1", "L", "0.5");

  // CVSS v2 weights, guide §3.2.
  private static final Map<String, BigDecimal> V2_ACCESS_VECTOR = weights("L", "0.395", "A", "0.646", "N", "1.0");
  private static final Map<String, BigDecimal> V2_ACCESS_COMPLEXITY = weights("H", "0.35", "M", "0.61", "L", "0.71");
  private static final Map<String, BigDecimal> V2_AUTHENTICATION = weights("M", "0.45", "S", "0.56", "N", "0.704");
  private static final Map<String, BigDecimal> V2_IMPACT = weights("N", "0.0", "P", "0.275", "C", "0.660");
  private static final Map<String, BigDecimal> V2_EXPLOITABILITY =
      weights("U", "0.85", "POC", "0.9", "F", "0.95", "H", "1.00", "ND", "1.00");
  private static final Map<String, BigDecimal> V2_REMEDIATION =
      weights("OF", "0.87", "TF", "0.90", "W", "0.95", "U", "1.00", "ND", "1.00");
  private static final Map<String, BigDecimal> V2_CONFIDENCE = weights("UC", "0.90", "UR", "0.95", "C", "1.00", "ND", "1.00");
  private static final Map<String, BigDecimal> V2_COLLATERAL_DAMAGE =
      weights("N", "0", "L", "0.1", "LM", "0.3", "MH", "0.4", "H", "0.5", "ND", "0");
  private static final Map<String, BigDecimal> V2_TARGET_DISTRIBUTION =
      weights("N", "0", "L", "0.25", "M", "0.75", "H", "1.0", "ND", "1.0");
  private static final Map<String, BigDecimal> V2_REQUIREMENT = weights("L", "0.5", "M", "1.0", "H", "1.51", "ND", "1.0");

  /** Scores a parsed vector. */
  static CvssScores of(CvssVector vector) {
    return vector.isV2() ? v2(vector) : v3(vector);
  }

  /** The qualitative severity of a v3 score: NONE, LOW, MEDIUM, HIGH or CRITICAL (v3.1 §5). */
  static String severity(BigDecimal score) {
    if (score.signum() == 0) {
      return "NONE";
    }
    if (score.compareTo(new BigDecimal("4.0")) < 0) {
      return "LOW";
    }
    if (score.compareTo(new BigDecimal("7.0")) < 0) {
      return "MEDIUM";
    }
    return score.compareTo(new BigDecimal("9.0")) < 0 ? "HIGH" : "CRITICAL";
  }

  private static CvssScores v3(CvssVector vector) {
    boolean v31 = vector.version().equals("3.1");
    boolean changed = vector.get("S").equals("C");
    BigDecimal iss =
        ONE.subtract(
            product(
                ONE.subtract(V3_IMPACT.get(vector.get("C"))),
                ONE.subtract(V3_IMPACT.get(vector.get("I"))),
                ONE.subtract(V3_IMPACT.get(vector.get("A")))));
    BigDecimal impact =
        changed
            ? d("7.52").multiply(iss.subtract(d("0.029")), MATH)
                .subtract(d("3.25").multiply(iss.subtract(d("0.02")).pow(15, MATH), MATH))
            : d("6.42").multiply(iss, MATH);
    BigDecimal exploitability =
        product(
            d("8.22"),
            V3_ATTACK_VECTOR.get(vector.get("AV")),
            V3_ATTACK_COMPLEXITY.get(vector.get("AC")),
            (changed ? V3_PRIVILEGES_CHANGED : V3_PRIVILEGES_UNCHANGED).get(vector.get("PR")),
            V3_USER_INTERACTION.get(vector.get("UI")));
    BigDecimal base =
        impact.signum() <= 0 ? ZERO : roundUp(v31, scopeSum(changed, impact, exploitability));
    BigDecimal temporalFactor =
        product(
            V3_EXPLOIT_MATURITY.get(vector.get("E")),
            V3_REMEDIATION.get(vector.get("RL")),
            V3_CONFIDENCE.get(vector.get("RC")));
    BigDecimal temporal = roundUp(v31, base.multiply(temporalFactor, MATH));

    boolean modifiedChanged = modified(vector, "MS", "S").equals("C");
    BigDecimal miss =
        ONE.subtract(
                product(
                    ONE.subtract(product(V3_REQUIREMENT.get(vector.get("CR")), V3_IMPACT.get(modified(vector, "MC", "C")))),
                    ONE.subtract(product(V3_REQUIREMENT.get(vector.get("IR")), V3_IMPACT.get(modified(vector, "MI", "I")))),
                    ONE.subtract(product(V3_REQUIREMENT.get(vector.get("AR")), V3_IMPACT.get(modified(vector, "MA", "A"))))))
            .min(d("0.915"));
    BigDecimal modifiedImpact;
    if (!modifiedChanged) {
      modifiedImpact = d("6.42").multiply(miss, MATH);
    } else if (v31) {
      modifiedImpact =
          d("7.52").multiply(miss.subtract(d("0.029")), MATH)
              .subtract(d("3.25").multiply(miss.multiply(d("0.9731"), MATH).subtract(d("0.02")).pow(13, MATH), MATH));
    } else {
      modifiedImpact =
          d("7.52").multiply(miss.subtract(d("0.029")), MATH)
              .subtract(d("3.25").multiply(miss.subtract(d("0.02")).pow(15, MATH), MATH));
    }
    BigDecimal modifiedExploitability =
        product(
            d("8.22"),
            V3_ATTACK_VECTOR.get(modified(vector, "MAV", "AV")),
            V3_ATTACK_COMPLEXITY.get(modified(vector, "MAC", "AC")),
            (modifiedChanged ? V3_PRIVILEGES_CHANGED : V3_PRIVILEGES_UNCHANGED).get(modified(vector, "MPR", "PR")),
            V3_USER_INTERACTION.get(modified(vector, "MUI", "UI")));
    BigDecimal environmental =
        modifiedImpact.signum() <= 0
            ? ZERO
            : roundUp(
                v31,
                roundUp(v31, scopeSum(modifiedChanged, modifiedImpact, modifiedExploitability))
                    .multiply(temporalFactor, MATH));
    return new CvssScores(base, temporal, environmental);
  }

  private static BigDecimal scopeSum(boolean changed, BigDecimal impact, BigDecimal exploitability) {
    BigDecimal sum = impact.add(exploitability, MATH);
    return (changed ? d("1.08").multiply(sum, MATH) : sum).min(TEN);
  }

  private static String modified(CvssVector vector, String modifiedKey, String baseKey) {
    String value = vector.get(modifiedKey);
    return value.equals("X") ? vector.get(baseKey) : value;
  }

  /** Roundup: v3.0 §8.5 (ceiling to one decimal) or v3.1 Appendix A (integer-based). */
  static BigDecimal roundUp(boolean v31, BigDecimal value) {
    if (!v31) {
      return value.setScale(1, RoundingMode.CEILING);
    }
    BigDecimal scaled = value.multiply(BigDecimal.valueOf(100_000)).setScale(0, RoundingMode.HALF_UP);
    BigDecimal[] tenThousands = scaled.divideAndRemainder(BigDecimal.valueOf(10_000));
    if (tenThousands[1].signum() == 0) {
      return scaled.movePointLeft(5).setScale(1, RoundingMode.UNNECESSARY);
    }
    return tenThousands[0].add(ONE).movePointLeft(1).setScale(1, RoundingMode.UNNECESSARY);
  }

  private static CvssScores v2(CvssVector vector) {
    BigDecimal exploitability =
        product(
            d("20"),
            V2_ACCESS_VECTOR.get(vector.get("AV")),
            V2_ACCESS_COMPLEXITY.get(vector.get("AC")),
            V2_AUTHENTICATION.get(vector.get("Au")));
    BigDecimal impact =
        d("10.41")
            .multiply(
                ONE.subtract(
                    product(
                        ONE.subtract(V2_IMPACT.get(vector.get("C"))),
                        ONE.subtract(V2_IMPACT.get(vector.get("I"))),
                        ONE.subtract(V2_IMPACT.get(vector.get("A"))))),
                MATH);
    BigDecimal temporalFactor =
        product(
            V2_EXPLOITABILITY.get(vector.get("E")),
            V2_REMEDIATION.get(vector.get("RL")),
            V2_CONFIDENCE.get(vector.get("RC")));
    BigDecimal base = v2Base(impact, exploitability);
    BigDecimal temporal = round1(base.multiply(temporalFactor, MATH));
    BigDecimal adjustedImpact =
        d("10.41")
            .multiply(
                ONE.subtract(
                    product(
                        ONE.subtract(product(V2_IMPACT.get(vector.get("C")), V2_REQUIREMENT.get(vector.get("CR")))),
                        ONE.subtract(product(V2_IMPACT.get(vector.get("I")), V2_REQUIREMENT.get(vector.get("IR")))),
                        ONE.subtract(product(V2_IMPACT.get(vector.get("A")), V2_REQUIREMENT.get(vector.get("AR")))))),
                MATH)
            .min(TEN);
    BigDecimal adjustedTemporal = round1(v2Base(adjustedImpact, exploitability).multiply(temporalFactor, MATH));
    BigDecimal collateral = V2_COLLATERAL_DAMAGE.get(vector.get("CDP"));
    BigDecimal environmental =
        round1(
            adjustedTemporal
                .add(TEN.subtract(adjustedTemporal).multiply(collateral, MATH))
                .multiply(V2_TARGET_DISTRIBUTION.get(vector.get("TD")), MATH));
    return new CvssScores(base, temporal, environmental);
  }

  private static BigDecimal v2Base(BigDecimal impact, BigDecimal exploitability) {
    BigDecimal f = impact.signum() == 0 ? ZERO : d("1.176");
    return round1(
        d("0.6").multiply(impact, MATH).add(d("0.4").multiply(exploitability, MATH)).subtract(d("1.5")).multiply(f, MATH));
  }

  private static BigDecimal round1(BigDecimal value) {
    return value.setScale(1, RoundingMode.HALF_UP);
  }

  private static BigDecimal product(BigDecimal... factors) {
    BigDecimal result = ONE;
    for (BigDecimal factor : factors) {
      result = result.multiply(factor, MATH);
    }
    return result;
  }

  private static BigDecimal d(String value) {
    return new BigDecimal(value);
  }

  private static Map<String, BigDecimal> weights(String... codesAndWeights) {
    Map<String, BigDecimal> weights = new java.util.HashMap<>();
    for (int index = 0; index < codesAndWeights.length; index += 2) {
      weights.put(codesAndWeights[index], new BigDecimal(codesAndWeights[index + 1]));
    }
    return Map.copyOf(weights);
  }
}
