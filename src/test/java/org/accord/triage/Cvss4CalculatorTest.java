package org.accord.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CVSS 4.0 against Red Hat's vectors (base, supplemental, security requirements, threat) and FIRST's
 * macro-score vectors (score and severity). No case is skipped.
 */
class Cvss4CalculatorTest {

  static List<CvssConformance.Case> redHat() {
    List<CvssConformance.Case> cases = new java.util.ArrayList<>();
    for (String file : List.of("vectors_simple4", "vectors_supplemental4", "vectors_security4", "vectors_threat4")) {
      cases.addAll(CvssConformance.redHat(file));
    }
    return cases;
  }

  static List<CvssConformance.Case> first() {
    return CvssConformance.firstMacroScores();
  }

  @Test
  void suitesAreComplete() {
    assertThat(CvssConformance.redHat("vectors_simple4")).hasSize(1058);
    assertThat(CvssConformance.redHat("vectors_supplemental4")).hasSize(576);
    assertThat(CvssConformance.redHat("vectors_security4")).hasSize(54);
    assertThat(CvssConformance.redHat("vectors_threat4")).hasSize(6);
    assertThat(first()).hasSize(270);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("redHat")
  void redHatVector(CvssConformance.Case testCase) {
    CvssScore score = Cvss.parse(testCase.vector());
    assertThat(score.version()).isEqualTo("4.0");
    assertThat(score.score()).isEqualTo(Double.parseDouble(testCase.expected().get(0)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("first")
  void firstMacroScore(CvssConformance.Case testCase) {
    CvssScore score = Cvss.parse(testCase.vector());
    assertThat(score.score()).isEqualTo(Double.parseDouble(testCase.expected().get(0)));
    assertThat(score.severity().label()).isEqualTo(testCase.expected().get(1));
  }

  @Test
  void macroVectorTableMatchesFirstCalculator() {
    Map<String, Double> expected = new HashMap<>();
    for (String line : CvssConformance.lines("cvss/first-cvss-v4-calculator/cvss_lookup_macro.txt")) {
      if (line.isBlank()) {
        continue;
      }
      String[] parts = line.replace("\"", "").replace(",", "").split(":");
      expected.put(parts[0].trim(), Double.parseDouble(parts[1].trim()));
    }
    assertThat(expected).hasSize(270);
    assertThat(Cvss4Calculator.macroVectorScores()).isEqualTo(expected);
  }
}
