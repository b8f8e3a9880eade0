package org.accord.advisory;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;

/**
 * The base, temporal and environmental scores of a CVSS v2.0, v3.0 or v3.1 vector, as the FIRST
 * specifications define them. Used by CSAF 2.0 §6.1.9 to check the scores a document states.
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
   * §8.1-8.3 and CVSS v3.1 [3] §7.1-7.3 with Appendix A. They are written once, over an Arithmetic,
   * and evaluated twice:
   *
   * - exactly, in decimal (BigDecimal, 34 significant digits), which is what the equations mean and
   *   what decimal implementations such as Red Hat's cvss library compute;
   * - in IEEE 754 binary doubles, which is what FIRST's own JavaScript calculators and most tools
   *   compute.
   *
   * Products are formed left to right in the order the specifications write them (BaseScore x E x RL
   * x RC, not BaseScore x (E x RL x RC)), since in binary the order changes the result.
   *
   * The two differ only where a rounding step meets a value that is exactly on a boundary in decimal
   * but not in binary: v3.0's Roundup is a plain ceiling, so 5.0 x 0.92 = 4.6 rounds to 4.6 exactly
   * but 4.6000000000000005 rounds to 4.7 in doubles; v2's round_to_1_decimal turns 8.55 into 8.6, and
   * 8.549999999999999 into 8.5. (This is why v3.1 redefined Roundup in Appendix A; for v3.1 both
   * evaluations agree.) Both results occur in published advisories, so §6.1.9 accepts either and
   * reports the exact one.
   *
   * v3.0 and v3.1 differ in exactly two places: Roundup (ceiling vs. the integer-based Appendix A
   * function) and the Modified Impact for a changed modified scope (v3.1 multiplies MISS by 0.9731
   * and raises to the 13th power, v3.0 raises MISS - 0.02 to the 15th). Modified metrics left at X
   * take the base value; the privileges-required weight depends on the (modified) scope. In v2 the
   * environmental score recomputes the temporal score with the impact replaced by the adjusted
   * impact.
   *
   * Hand-written although CVSS libraries exist: the one a Java project would pick from Maven Central
   * (us.springett:cvss-calculator) computes no environmental score for v2.0 or v3.0, and only the
   * binary evaluation. The tests check the v3.1 results against it on random vectors. See ADR 0041.
   *
   * [1] P. Mell, K. Scarfone, S. Romanosky, "A Complete Guide to the Common Vulnerability Scoring
   *     System Version 2.0", FIRST, 2007.
   * [2] FIRST, "Common Vulnerability Scoring System v3.0: Specification Document", 2015.
   * [3] FIRST, "Common Vulnerability Scoring System v3.1: Specification Document", revision 1, 2019.
   */

  // CVSS v3 weights, v3.1 §7.4 (identical in v3.0 §8.4).
  private static final Map<String, String> V3_ATTACK_VECTOR = weights("N", "0.85", "A", "0.62", "L", "0.55", "P", "0.2");
  private static final Map<String, String> V3_ATTACK_COMPLEXITY = weights("L", "0.77", "H", "0.44");
  private static final Map<String, String> V3_PRIVILEGES_UNCHANGED = weights("N", "0.85", "L", "0.62", "H", "0.27");
  private static final Map<String, String> V3_PRIVILEGES_CHANGED = weights("N", "0.85", "L", "0.68", "H", "0.5");
  private static final Map<String, String> V3_USER_INTERACTION = weights("N", "0.85", "R", "0.62");
  private static final Map<String, String> V3_IMPACT = weights("H", "0.56", "L", "0.22", "N", "0");
  private static final Map<String, String> V3_EXPLOIT_MATURITY =
      weights("X", "1", "H", "1", "F", "0.97", "P", "0.94", "U", "0.91");
  private static final Map<String, String> V3_REMEDIATION =
      weights("X", "1", "U", "1", "W", "0.97", "T", "0.96", "O", "0.95");
  private static final Map<String, String> V3_CONFIDENCE = weights("X", "1", "C", "1", "R", "0.96", "U", "0.92");
  private static final Map<String, String> V3_REQUIREMENT = weights("X", "1", "H", "1.5", "M", "1", "L", "0.5");

  // CVSS v2 weights, guide §3.2.
  private static final Map<String, String> V2_ACCESS_VECTOR = weights("L", "0.395", "A", "0.646", "N", "1.0");
  private static final Map<String, String> V2_ACCESS_COMPLEXITY = weights("H", "0.35", "M", "0.61", "L", "0.71");
  private static final Map<String, String> V2_AUTHENTICATION = weights("M", "0.45", "S", "0.56", "N", "0.704");
  private static final Map<String, String> V2_IMPACT = weights("N", "0.0", "P", "0.275", "C", "0.660");
  private static final Map<String, String> V2_EXPLOITABILITY =
      weights("U", "0.85", "POC", "0.9", "F", "0.95", "H", "1.00", "ND", "1.00");
  private static final Map<String, String> V2_REMEDIATION =
      weights("OF", "0.87", "TF", "0.90", "W", "0.95", "U", "1.00", "ND", "1.00");
  private static final Map<String, String> V2_CONFIDENCE = weights("UC", "0.90", "UR", "0.95", "C", "1.00", "ND", "1.00");
  private static final Map<String, String> V2_COLLATERAL_DAMAGE =
      weights("N", "0", "L", "0.1", "LM", "0.3", "MH", "0.4", "H", "0.5", "ND", "0");
  private static final Map<String, String> V2_TARGET_DISTRIBUTION =
      weights("N", "0", "L", "0.25", "M", "0.75", "H", "1.0", "ND", "1.0");
  private static final Map<String, String> V2_REQUIREMENT = weights("L", "0.5", "M", "1.0", "H", "1.51", "ND", "1.0");

  /** Scores a vector in exact decimal arithmetic. */
  static CvssScores exact(CvssVector vector) {
    return score(new Decimal(), vector);
  }

  /** Scores a vector in IEEE 754 double arithmetic, as FIRST's JavaScript calculators do. */
  static CvssScores binary(CvssVector vector) {
    return score(new Binary(), vector);
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

  private static <T> CvssScores score(Arithmetic<T> math, CvssVector vector) {
    return vector.isV2() ? v2(math, vector) : v3(math, vector);
  }

  private static <T> CvssScores v3(Arithmetic<T> math, CvssVector vector) {
    boolean v31 = vector.version().equals("3.1");
    boolean changed = vector.get("S").equals("C");
    T one = math.of("1");
    T iss =
        math.sub(
            one,
            math.mul(
                math.sub(one, w(math, V3_IMPACT, vector.get("C"))),
                math.sub(one, w(math, V3_IMPACT, vector.get("I"))),
                math.sub(one, w(math, V3_IMPACT, vector.get("A")))));
    T impact =
        changed
            ? math.sub(
                math.mul(math.of("7.52"), math.sub(iss, math.of("0.029"))),
                math.mul(math.of("3.25"), math.pow(math.sub(iss, math.of("0.02")), 15)))
            : math.mul(math.of("6.42"), iss);
    T exploitability =
        math.mul(
            math.of("8.22"),
            w(math, V3_ATTACK_VECTOR, vector.get("AV")),
            w(math, V3_ATTACK_COMPLEXITY, vector.get("AC")),
            w(math, changed ? V3_PRIVILEGES_CHANGED : V3_PRIVILEGES_UNCHANGED, vector.get("PR")),
            w(math, V3_USER_INTERACTION, vector.get("UI")));
    T base = math.signum(impact) <= 0 ? math.of("0") : roundUp(math, v31, scopeSum(math, changed, impact, exploitability));
    T exploitMaturity = w(math, V3_EXPLOIT_MATURITY, vector.get("E"));
    T remediation = w(math, V3_REMEDIATION, vector.get("RL"));
    T confidence = w(math, V3_CONFIDENCE, vector.get("RC"));
    T temporal = roundUp(math, v31, math.mul(base, exploitMaturity, remediation, confidence));

    boolean modifiedChanged = modified(vector, "MS", "S").equals("C");
    T miss =
        math.min(
            math.sub(
                one,
                math.mul(
                    math.sub(one, math.mul(w(math, V3_REQUIREMENT, vector.get("CR")), w(math, V3_IMPACT, modified(vector, "MC", "C")))),
                    math.sub(one, math.mul(w(math, V3_REQUIREMENT, vector.get("IR")), w(math, V3_IMPACT, modified(vector, "MI", "I")))),
                    math.sub(one, math.mul(w(math, V3_REQUIREMENT, vector.get("AR")), w(math, V3_IMPACT, modified(vector, "MA", "A")))))),
            math.of("0.915"));
    T modifiedImpact;
    if (!modifiedChanged) {
      modifiedImpact = math.mul(math.of("6.42"), miss);
    } else if (v31) {
      modifiedImpact =
          math.sub(
              math.mul(math.of("7.52"), math.sub(miss, math.of("0.029"))),
              math.mul(math.of("3.25"), math.pow(math.sub(math.mul(miss, math.of("0.9731")), math.of("0.02")), 13)));
    } else {
      modifiedImpact =
          math.sub(
              math.mul(math.of("7.52"), math.sub(miss, math.of("0.029"))),
              math.mul(math.of("3.25"), math.pow(math.sub(miss, math.of("0.02")), 15)));
    }
    T modifiedExploitability =
        math.mul(
            math.of("8.22"),
            w(math, V3_ATTACK_VECTOR, modified(vector, "MAV", "AV")),
            w(math, V3_ATTACK_COMPLEXITY, modified(vector, "MAC", "AC")),
            w(math, modifiedChanged ? V3_PRIVILEGES_CHANGED : V3_PRIVILEGES_UNCHANGED, modified(vector, "MPR", "PR")),
            w(math, V3_USER_INTERACTION, modified(vector, "MUI", "UI")));
    T environmental =
        math.signum(modifiedImpact) <= 0
            ? math.of("0")
            : roundUp(
                math,
                v31,
                math.mul(
                    roundUp(math, v31, scopeSum(math, modifiedChanged, modifiedImpact, modifiedExploitability)),
                    exploitMaturity,
                    remediation,
                    confidence));
    return new CvssScores(math.decimal(base), math.decimal(temporal), math.decimal(environmental));
  }

  private static <T> T scopeSum(Arithmetic<T> math, boolean changed, T impact, T exploitability) {
    T sum = math.add(impact, exploitability);
    return math.min(changed ? math.mul(math.of("1.08"), sum) : sum, math.of("10"));
  }

  private static <T> T roundUp(Arithmetic<T> math, boolean v31, T value) {
    return v31 ? math.roundUp31(value) : math.roundUp30(value);
  }

  private static String modified(CvssVector vector, String modifiedKey, String baseKey) {
    String value = vector.get(modifiedKey);
    return value.equals("X") ? vector.get(baseKey) : value;
  }

  private static <T> CvssScores v2(Arithmetic<T> math, CvssVector vector) {
    T one = math.of("1");
    T exploitability =
        math.mul(
            math.of("20"),
            w(math, V2_ACCESS_VECTOR, vector.get("AV")),
            w(math, V2_ACCESS_COMPLEXITY, vector.get("AC")),
            w(math, V2_AUTHENTICATION, vector.get("Au")));
    T impact =
        math.mul(
            math.of("10.41"),
            math.sub(
                one,
                math.mul(
                    math.sub(one, w(math, V2_IMPACT, vector.get("C"))),
                    math.sub(one, w(math, V2_IMPACT, vector.get("I"))),
                    math.sub(one, w(math, V2_IMPACT, vector.get("A"))))));
    T exploitCode = w(math, V2_EXPLOITABILITY, vector.get("E"));
    T remediation = w(math, V2_REMEDIATION, vector.get("RL"));
    T confidence = w(math, V2_CONFIDENCE, vector.get("RC"));
    T base = v2Base(math, impact, exploitability);
    T temporal = math.round1(math.mul(base, exploitCode, remediation, confidence));
    T adjustedImpact =
        math.min(
            math.mul(
                math.of("10.41"),
                math.sub(
                    one,
                    math.mul(
                        math.sub(one, math.mul(w(math, V2_IMPACT, vector.get("C")), w(math, V2_REQUIREMENT, vector.get("CR")))),
                        math.sub(one, math.mul(w(math, V2_IMPACT, vector.get("I")), w(math, V2_REQUIREMENT, vector.get("IR")))),
                        math.sub(one, math.mul(w(math, V2_IMPACT, vector.get("A")), w(math, V2_REQUIREMENT, vector.get("AR"))))))),
            math.of("10"));
    T adjustedTemporal =
        math.round1(math.mul(v2Base(math, adjustedImpact, exploitability), exploitCode, remediation, confidence));
    T environmental =
        math.round1(
            math.mul(
                math.add(
                    adjustedTemporal,
                    math.mul(math.sub(math.of("10"), adjustedTemporal), w(math, V2_COLLATERAL_DAMAGE, vector.get("CDP")))),
                w(math, V2_TARGET_DISTRIBUTION, vector.get("TD"))));
    return new CvssScores(math.decimal(base), math.decimal(temporal), math.decimal(environmental));
  }

  private static <T> T v2Base(Arithmetic<T> math, T impact, T exploitability) {
    T f = math.signum(impact) == 0 ? math.of("0") : math.of("1.176");
    return math.round1(
        math.mul(
            math.sub(math.add(math.mul(math.of("0.6"), impact), math.mul(math.of("0.4"), exploitability)), math.of("1.5")),
            f));
  }

  private static <T> T w(Arithmetic<T> math, Map<String, String> weights, String code) {
    return math.of(weights.get(code));
  }

  private static Map<String, String> weights(String... codesAndWeights) {
    Map<String, String> weights = new HashMap<>();
    for (int index = 0; index < codesAndWeights.length; index += 2) {
      weights.put(codesAndWeights[index], codesAndWeights[index + 1]);
    }
    return Map.copyOf(weights);
  }

  /** The number operations the equations need, so they can be evaluated in decimal or in binary. */
  private interface Arithmetic<T> {
    T of(String literal);

    T add(T left, T right);

    T sub(T left, T right);

    T mul(T left, T right);

    /** Products of three to five factors, multiplied left to right as the specifications write them. */
    default T mul(T a, T b, T c) {
      return mul(mul(a, b), c);
    }

    default T mul(T a, T b, T c, T d) {
      return mul(mul(a, b, c), d);
    }

    default T mul(T a, T b, T c, T d, T e) {
      return mul(mul(a, b, c, d), e);
    }

    T pow(T base, int exponent);

    T min(T left, T right);

    int signum(T value);

    /** v3.0 §8.5 Roundup: the smallest number with one decimal that is not less than the value. */
    T roundUp30(T value);

    /** v3.1 Appendix A Roundup, on an integer scaled by 100 000. */
    T roundUp31(T value);

    /** v2 round_to_1_decimal: half up. */
    T round1(T value);

    BigDecimal decimal(T value);
  }

  private static final class Decimal implements Arithmetic<BigDecimal> {
    private static final MathContext MATH = MathContext.DECIMAL128;

    @Override
    public BigDecimal of(String literal) {
      return new BigDecimal(literal);
    }

    @Override
    public BigDecimal add(BigDecimal left, BigDecimal right) {
      return left.add(right, MATH);
    }

    @Override
    public BigDecimal sub(BigDecimal left, BigDecimal right) {
      return left.subtract(right, MATH);
    }

    @Override
    public BigDecimal mul(BigDecimal left, BigDecimal right) {
      return left.multiply(right, MATH);
    }

    @Override
    public BigDecimal pow(BigDecimal base, int exponent) {
      return base.pow(exponent, MATH);
    }

    @Override
    public BigDecimal min(BigDecimal left, BigDecimal right) {
      return left.min(right);
    }

    @Override
    public int signum(BigDecimal value) {
      return value.signum();
    }

    @Override
    public BigDecimal roundUp30(BigDecimal value) {
      return value.setScale(1, RoundingMode.CEILING);
    }

    @Override
    public BigDecimal roundUp31(BigDecimal value) {
      BigDecimal scaled = value.multiply(BigDecimal.valueOf(100_000)).setScale(0, RoundingMode.HALF_UP);
      BigDecimal[] tenThousands = scaled.divideAndRemainder(BigDecimal.valueOf(10_000));
      if (tenThousands[1].signum() == 0) {
        return scaled.movePointLeft(5).setScale(1, RoundingMode.UNNECESSARY);
      }
      return tenThousands[0].add(BigDecimal.ONE).movePointLeft(1).setScale(1, RoundingMode.UNNECESSARY);
    }

    @Override
    public BigDecimal round1(BigDecimal value) {
      return value.setScale(1, RoundingMode.HALF_UP);
    }

    @Override
    public BigDecimal decimal(BigDecimal value) {
      return value.setScale(1, RoundingMode.UNNECESSARY);
    }
  }

  private static final class Binary implements Arithmetic<Double> {
    @Override
    public Double of(String literal) {
      return Double.parseDouble(literal);
    }

    @Override
    public Double add(Double left, Double right) {
      return left + right;
    }

    @Override
    public Double sub(Double left, Double right) {
      return left - right;
    }

    @Override
    public Double mul(Double left, Double right) {
      return left * right;
    }

    @Override
    public Double pow(Double base, int exponent) {
      return Math.pow(base, exponent);
    }

    @Override
    public Double min(Double left, Double right) {
      return Math.min(left, right);
    }

    @Override
    public int signum(Double value) {
      return (int) Math.signum(value);
    }

    @Override
    public Double roundUp30(Double value) {
      return Math.ceil(value * 10) / 10;
    }

    @Override
    public Double roundUp31(Double value) {
      long scaled = Math.round(value * 100_000);
      return scaled % 10_000 == 0 ? scaled / 100_000.0 : (Math.floor(scaled / 10_000.0) + 1) / 10.0;
    }

    @Override
    public Double round1(Double value) {
      return Math.round(value * 10) / 10.0;
    }

    @Override
    public BigDecimal decimal(Double value) {
      return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
    }
  }
}
