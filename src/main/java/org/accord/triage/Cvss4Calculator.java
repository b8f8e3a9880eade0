package org.accord.triage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The CVSS 4.0 scoring algorithm: MacroVector lookup and interpolation. Stateless and thread-safe. */
final class Cvss4Calculator {

  /*
   * How ([1] section 8, [2]):
   *   1. Every metric is resolved to its effective value: a modified metric overrides its base metric;
   *      E undefined counts as A (Attacked), CR/IR/AR undefined count as H.
   *   2. If all six impact metrics (VC VI VA SC SI SA, after modification) are N, the score is 0.0.
   *   3. The vector falls into one MacroVector: six equivalence classes EQ1..EQ6 (0 = most severe).
   *      Its score comes from the 270-entry table FIRST published with the specification
   *      (cvss4-macrovectors.txt).
   *   4. Within its MacroVector, the vector sits some "severity distance" below the MacroVector's
   *      highest-severity vectors. For each EQ (EQ3 and EQ6 taken together) the distance, relative to
   *      the depth of that EQ class, is a fraction of the score drop to the next lower MacroVector.
   *      The mean of those drops, over the EQs that have a lower neighbour, is subtracted.
   *   5. The result is clamped to 0..10, lifted by an epsilon of 1e-6 and rounded half-up to one
   *      decimal.
   *
   * Why doubles, evaluated in this exact order: the specification defines the score by its reference
   * implementation, and the conformance vectors come from it and from Red Hat's port of it [3], both of
   * which compute in IEEE doubles. The interpolation can land one ulp below an x.x5 tie (5.6499999999999995
   * for 5.65), so the reference implementations add an epsilon of 1e-6 before rounding half-up (Red Hat
   * cvss-v4-calculator issue #66, fixed 2024-11-01). Rounding without the epsilon gets 14 of the 1694
   * Red Hat vectors wrong by 0.1; that is also what the 6 failures of us.springett:cvss-calculator 1.5.1
   * have in common. We mirror the reference operation by operation, and round the exact decimal
   * expansion of (value + 1e-6) half-up.
   *
   * Cost: the max-vector parts are pre-parsed into level arrays and the MacroVector table into a
   * base-4-indexed array, so scoring is at most 45 candidates x 14 subtractions plus a handful of
   * lookups; parsing dominates. CvssBenchmark measures about 2-5 microseconds per vector, parse included.
   *
   * [1] FIRST, Common Vulnerability Scoring System v4.0: Specification Document, rev. 1.2 (2024).
   * [2] FIRST CVSS SIG, cvss-v4-calculator (github.com/FIRSTdotorg/cvss-v4-calculator), cvss_score.js.
   * [3] Red Hat Product Security, "cvss" Python library, cvss4.py.
   */

  private static final Map<String, Double> MACROVECTOR_SCORES = loadMacroVectorScores();
  /** MACROVECTOR_SCORES indexed by the EQ digits in base 4 (so that "one below the last class" fits); NaN if absent. */
  private static final double[] SCORE_BY_INDEX = indexScores(MACROVECTOR_SCORES);

  // Severity levels within a MacroVector (distance from the most severe value), as in [2] and [3].
  private static final Map<String, Double> AV_LEVELS = levels("N", 0.0, "A", 0.1, "L", 0.2, "P", 0.3);
  private static final Map<String, Double> PR_LEVELS = levels("N", 0.0, "L", 0.1, "H", 0.2);
  private static final Map<String, Double> UI_LEVELS = levels("N", 0.0, "P", 0.1, "A", 0.2);
  private static final Map<String, Double> AC_LEVELS = levels("L", 0.0, "H", 0.1);
  private static final Map<String, Double> AT_LEVELS = levels("N", 0.0, "P", 0.1);
  private static final Map<String, Double> VULNERABLE_LEVELS = levels("H", 0.0, "L", 0.1, "N", 0.2);
  private static final Map<String, Double> SC_LEVELS = levels("H", 0.1, "L", 0.2, "N", 0.3);
  private static final Map<String, Double> SUBSEQUENT_LEVELS = levels("S", 0.0, "H", 0.1, "L", 0.2, "N", 0.3);
  private static final Map<String, Double> REQUIREMENT_LEVELS = levels("H", 0.0, "M", 0.1, "L", 0.2);

  // The highest-severity vectors of each EQ class ([1] Table 25; [2] max_composed).
  private static final List<List<String>> EQ1_MAX =
      List.of(List.of("AV:N/PR:N/UI:N"), List.of("AV:A/PR:N/UI:N", "AV:N/PR:L/UI:N", "AV:N/PR:N/UI:P"),
          List.of("AV:P/PR:N/UI:N", "AV:A/PR:L/UI:P"));
  private static final List<List<String>> EQ2_MAX = List.of(List.of("AC:L/AT:N"), List.of("AC:H/AT:N", "AC:L/AT:P"));
  /** Indexed [eq3][eq6]; eq3 = 2 with eq6 = 0 cannot occur. */
  private static final List<List<List<String>>> EQ3_EQ6_MAX =
      List.of(
          List.of(List.of("VC:H/VI:H/VA:H/CR:H/IR:H/AR:H"),
              List.of("VC:H/VI:H/VA:L/CR:M/IR:M/AR:H", "VC:H/VI:H/VA:H/CR:M/IR:M/AR:M")),
          List.of(List.of("VC:L/VI:H/VA:H/CR:H/IR:H/AR:H", "VC:H/VI:L/VA:H/CR:H/IR:H/AR:H"),
              List.of("VC:L/VI:H/VA:L/CR:H/IR:M/AR:H", "VC:L/VI:H/VA:H/CR:H/IR:M/AR:M",
                  "VC:H/VI:L/VA:H/CR:M/IR:H/AR:M", "VC:H/VI:L/VA:L/CR:M/IR:H/AR:H",
                  "VC:L/VI:L/VA:H/CR:H/IR:H/AR:M")),
          List.of(List.of(), List.of("VC:L/VI:L/VA:L/CR:H/IR:H/AR:H")));
  private static final List<List<String>> EQ4_MAX =
      List.of(List.of("SC:H/SI:S/SA:S"), List.of("SC:H/SI:H/SA:H"), List.of("SC:L/SI:L/SA:L"));

  // Depth of each EQ class in severity-distance steps ([2] max_severity).
  private static final int[] EQ1_DEPTH = {1, 4, 5};
  private static final int[] EQ2_DEPTH = {1, 2};
  private static final int[][] EQ3_EQ6_DEPTH = {{7, 6}, {8, 8}, {0, 10}};
  private static final int[] EQ4_DEPTH = {6, 5, 4};
  private static final double STEP = 0.1;
  /** Lifts values one ulp below an x.x5 tie before rounding, as the reference calculators do. */
  private static final double ROUNDING_EPSILON = 1e-6;

  private static final List<String> IMPACT_METRICS = List.of("VC", "VI", "VA", "SC", "SI", "SA");
  private static final List<String> DISTANCE_METRICS =
      List.of("AV", "PR", "UI", "AC", "AT", "VC", "VI", "VA", "SC", "SI", "SA", "CR", "IR", "AR");

  private Cvss4Calculator() {}

  static CvssScore score(CvssVector vector) {
    double score = compute(vector);
    return new CvssScore("4.0", score, Severity.of(score), vector.canonical());
  }

  /** The effective value of a metric, as [3]'s m(): modified overrides base, defaults for E and CR/IR/AR. */
  private static String effective(CvssVector vector, String metric) {
    String selected = vector.get(metric);
    if (metric.equals("E") && selected.equals("X")) {
      return "A";
    }
    if ((metric.equals("CR") || metric.equals("IR") || metric.equals("AR")) && selected.equals("X")) {
      return "H";
    }
    String modified = vector.get("M" + metric);
    if (!modified.equals("X")) {
      return modified;
    }
    return selected;
  }

  static int[] macroVector(CvssVector v) {
    String av = effective(v, "AV");
    String pr = effective(v, "PR");
    String ui = effective(v, "UI");
    int eq1;
    if (av.equals("N") && pr.equals("N") && ui.equals("N")) {
      eq1 = 0;
    } else if ((av.equals("N") || pr.equals("N") || ui.equals("N")) && !av.equals("P")) {
      eq1 = 1;
    } else {
      eq1 = 2;
    }
    int eq2 = effective(v, "AC").equals("L") && effective(v, "AT").equals("N") ? 0 : 1;
    String vc = effective(v, "VC");
    String vi = effective(v, "VI");
    String va = effective(v, "VA");
    int eq3;
    if (vc.equals("H") && vi.equals("H")) {
      eq3 = 0;
    } else if (vc.equals("H") || vi.equals("H") || va.equals("H")) {
      eq3 = 1;
    } else {
      eq3 = 2;
    }
    // MSI/MSA: the effective subsequent integrity/availability (S only exists as a modified value).
    String msi = effective(v, "SI");
    String msa = effective(v, "SA");
    int eq4;
    if (msi.equals("S") || msa.equals("S")) {
      eq4 = 0;
    } else if (effective(v, "SC").equals("H") || msi.equals("H") || msa.equals("H")) {
      eq4 = 1;
    } else {
      eq4 = 2;
    }
    int eq5 =
        switch (effective(v, "E")) {
          case "A" -> 0;
          case "P" -> 1;
          default -> 2;
        };
    boolean eq6High =
        (effective(v, "CR").equals("H") && vc.equals("H"))
            || (effective(v, "IR").equals("H") && vi.equals("H"))
            || (effective(v, "AR").equals("H") && va.equals("H"));
    int eq6 = eq6High ? 0 : 1;
    return new int[] {eq1, eq2, eq3, eq4, eq5, eq6};
  }

  static double compute(CvssVector v) {
    boolean noImpact = true;
    for (String metric : IMPACT_METRICS) {
      if (!effective(v, metric).equals("N")) {
        noImpact = false;
        break;
      }
    }
    if (noImpact) {
      return 0.0;
    }
    int[] eq = macroVector(v);
    double value = lookup(eq[0], eq[1], eq[2], eq[3], eq[4], eq[5]);

    double nextLowerEq1 = lookup(eq[0] + 1, eq[1], eq[2], eq[3], eq[4], eq[5]);
    double nextLowerEq2 = lookup(eq[0], eq[1] + 1, eq[2], eq[3], eq[4], eq[5]);
    double nextLowerEq3Eq6;
    if (eq[2] == 0 && eq[5] == 0) {
      // Two ways down: take the higher of the two neighbours.
      double left = lookup(eq[0], eq[1], eq[2], eq[3], eq[4], eq[5] + 1);
      double right = lookup(eq[0], eq[1], eq[2] + 1, eq[3], eq[4], eq[5]);
      nextLowerEq3Eq6 = pythonMax(left, right);
    } else if (eq[5] == 1 && (eq[2] == 0 || eq[2] == 1)) {
      nextLowerEq3Eq6 = lookup(eq[0], eq[1], eq[2] + 1, eq[3], eq[4], eq[5]);
    } else if (eq[2] == 1 && eq[5] == 0) {
      nextLowerEq3Eq6 = lookup(eq[0], eq[1], eq[2], eq[3], eq[4], eq[5] + 1);
    } else {
      nextLowerEq3Eq6 = lookup(eq[0], eq[1], eq[2] + 1, eq[3], eq[4], eq[5] + 1);
    }
    double nextLowerEq4 = lookup(eq[0], eq[1], eq[2], eq[3] + 1, eq[4], eq[5]);
    double nextLowerEq5 = lookup(eq[0], eq[1], eq[2], eq[3], eq[4] + 1, eq[5]);

    // Find the first max vector the vector is not more severe than, in [3]'s nested-loop order; if
    // none qualifies, the last one tried is used, as in [3].
    double[] current = new double[DISTANCE_METRICS.size()];
    for (int i = 0; i < current.length; i++) {
      String metric = DISTANCE_METRICS.get(i);
      current[i] = levelsOf(metric).get(effective(v, metric));
    }
    double[] distance = new double[current.length];
    search:
    for (double[] eq1Max : EQ1_MAX_LEVELS.get(eq[0])) {
      for (double[] eq2Max : EQ2_MAX_LEVELS.get(eq[1])) {
        for (double[] eq3Eq6Max : EQ3_EQ6_MAX_LEVELS.get(eq[2]).get(eq[5])) {
          for (double[] eq4Max : EQ4_MAX_LEVELS.get(eq[3])) {
            boolean anyNegative = false;
            for (int i = 0; i < current.length; i++) {
              // Each metric's max level comes from the one EQ part that fixes it (NaN in the others).
              double max = !Double.isNaN(eq1Max[i]) ? eq1Max[i] : !Double.isNaN(eq2Max[i]) ? eq2Max[i]
                  : !Double.isNaN(eq3Eq6Max[i]) ? eq3Eq6Max[i] : eq4Max[i];
              distance[i] = current[i] - max;
              if (distance[i] < 0) {
                anyNegative = true;
              }
            }
            if (!anyNegative) {
              break search;
            }
          }
        }
      }
    }
    double av = distance[0], pr = distance[1], ui = distance[2], ac = distance[3], at = distance[4];
    double vc = distance[5], vi = distance[6], va = distance[7], sc = distance[8], si = distance[9];
    double sa = distance[10], cr = distance[11], ir = distance[12], ar = distance[13];
    double currentEq1 = av + pr + ui;
    double currentEq2 = ac + at;
    double currentEq3Eq6 = vc + vi + va + cr + ir + ar;
    double currentEq4 = sc + si + sa;

    double availableEq1 = value - nextLowerEq1;
    double availableEq2 = value - nextLowerEq2;
    double availableEq3Eq6 = value - nextLowerEq3Eq6;
    double availableEq4 = value - nextLowerEq4;
    double availableEq5 = value - nextLowerEq5;

    int existingLower = 0;
    double normalizedEq1 = 0;
    double normalizedEq2 = 0;
    double normalizedEq3Eq6 = 0;
    double normalizedEq4 = 0;
    double normalizedEq5 = 0;
    double maxSeverityEq1 = EQ1_DEPTH[eq[0]] * STEP;
    double maxSeverityEq2 = EQ2_DEPTH[eq[1]] * STEP;
    double maxSeverityEq3Eq6 = EQ3_EQ6_DEPTH[eq[2]][eq[5]] * STEP;
    double maxSeverityEq4 = EQ4_DEPTH[eq[3]] * STEP;
    if (availableEq1 >= 0) {
      existingLower++;
      normalizedEq1 = availableEq1 * (currentEq1 / maxSeverityEq1);
    }
    if (availableEq2 >= 0) {
      existingLower++;
      normalizedEq2 = availableEq2 * (currentEq2 / maxSeverityEq2);
    }
    if (availableEq3Eq6 >= 0) {
      existingLower++;
      normalizedEq3Eq6 = availableEq3Eq6 * (currentEq3Eq6 / maxSeverityEq3Eq6);
    }
    if (availableEq4 >= 0) {
      existingLower++;
      normalizedEq4 = availableEq4 * (currentEq4 / maxSeverityEq4);
    }
    if (availableEq5 >= 0) {
      // EQ5 has a single value per class, so the vector is always at its top: no distance.
      existingLower++;
      normalizedEq5 = availableEq5 * 0;
    }
    double meanDistance =
        existingLower == 0
            ? 0
            : (normalizedEq1 + normalizedEq2 + normalizedEq3Eq6 + normalizedEq4 + normalizedEq5) / existingLower;
    value -= meanDistance;
    value = Math.max(0.0, value);
    value = Math.min(10.0, value);
    return new BigDecimal(value + ROUNDING_EPSILON).setScale(1, RoundingMode.HALF_UP).doubleValue();
  }

  /** Python's max(a, b): returns a unless b > a, so a NaN first argument wins. */
  private static double pythonMax(double a, double b) {
    return b > a ? b : a;
  }

  private static double lookup(int eq1, int eq2, int eq3, int eq4, int eq5, int eq6) {
    return SCORE_BY_INDEX[((((eq1 * 4 + eq2) * 4 + eq3) * 4 + eq4) * 4 + eq5) * 4 + eq6];
  }

  private static double[] indexScores(Map<String, Double> scores) {
    double[] byIndex = new double[4096];
    java.util.Arrays.fill(byIndex, Double.NaN);
    scores.forEach(
        (macroVector, score) -> {
          int index = 0;
          for (int i = 0; i < 6; i++) {
            index = index * 4 + (macroVector.charAt(i) - '0');
          }
          byIndex[index] = score;
        });
    return byIndex;
  }

  private static Map<String, Double> levelsOf(String metric) {
    return switch (metric) {
      case "AV" -> AV_LEVELS;
      case "PR" -> PR_LEVELS;
      case "UI" -> UI_LEVELS;
      case "AC" -> AC_LEVELS;
      case "AT" -> AT_LEVELS;
      case "VC", "VI", "VA" -> VULNERABLE_LEVELS;
      case "SC" -> SC_LEVELS;
      case "SI", "SA" -> SUBSEQUENT_LEVELS;
      default -> REQUIREMENT_LEVELS;
    };
  }

  private static final List<List<double[]>> EQ1_MAX_LEVELS = maxLevels(EQ1_MAX);
  private static final List<List<double[]>> EQ2_MAX_LEVELS = maxLevels(EQ2_MAX);
  private static final List<List<List<double[]>>> EQ3_EQ6_MAX_LEVELS =
      EQ3_EQ6_MAX.stream().map(Cvss4Calculator::maxLevels).toList();
  private static final List<List<double[]>> EQ4_MAX_LEVELS = maxLevels(EQ4_MAX);

  /** Each max-vector part as levels per DISTANCE_METRICS position; NaN for metrics the part does not fix. */
  private static List<List<double[]>> maxLevels(List<List<String>> classes) {
    List<List<double[]>> out = new java.util.ArrayList<>();
    for (List<String> parts : classes) {
      List<double[]> levels = new java.util.ArrayList<>();
      for (String part : parts) {
        double[] row = new double[DISTANCE_METRICS.size()];
        java.util.Arrays.fill(row, Double.NaN);
        for (String metricValue : part.split("/")) {
          int colon = metricValue.indexOf(':');
          String metric = metricValue.substring(0, colon);
          row[DISTANCE_METRICS.indexOf(metric)] = levelsOf(metric).get(metricValue.substring(colon + 1));
        }
        levels.add(row);
      }
      out.add(levels);
    }
    return out;
  }

  private static Map<String, Double> levels(Object... pairs) {
    Map<String, Double> map = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], (Double) pairs[i + 1]);
    }
    return Map.copyOf(map);
  }

  /** The MacroVector score table, for the conformance test. */
  static Map<String, Double> macroVectorScores() {
    return MACROVECTOR_SCORES;
  }

  private static Map<String, Double> loadMacroVectorScores() {
    Map<String, Double> scores = new HashMap<>();
    try (InputStream in = Cvss4Calculator.class.getResourceAsStream("cvss4-macrovectors.txt")) {
      if (in == null) {
        throw new IllegalStateException("resource cvss4-macrovectors.txt is missing from the build");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        for (String entry : line.trim().split("\\s+")) {
          int eqSign = entry.indexOf('=');
          scores.put(entry.substring(0, eqSign), Double.parseDouble(entry.substring(eqSign + 1)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (scores.size() != 270) {
      throw new IllegalStateException("cvss4-macrovectors.txt holds " + scores.size() + " entries, not 270");
    }
    return Map.copyOf(scores);
  }
}
