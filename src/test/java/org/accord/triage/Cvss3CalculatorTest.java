package org.accord.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CVSS 3.0 and 3.1 against Red Hat's vectors: all 2592 base-metric combinations per version, each
 * checked for its base, temporal and environmental score. No case is skipped.
 */
class Cvss3CalculatorTest {

  static List<CvssConformance.Case> v31() {
    return CvssConformance.redHat("vectors_simple31");
  }

  static List<CvssConformance.Case> v30() {
    return CvssConformance.redHat("vectors_simple3");
  }

  @Test
  void suitesAreComplete() {
    assertThat(v31()).hasSize(2592);
    assertThat(v30()).hasSize(2592);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("v31")
  void cvss31(CvssConformance.Case testCase) {
    check(testCase);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("v30")
  void cvss30(CvssConformance.Case testCase) {
    check(testCase);
  }

  private static void check(CvssConformance.Case testCase) {
    BigDecimal[] scores = Cvss3Calculator.scores(CvssVector.parse(testCase.vector()));
    assertThat(scores).extracting(BigDecimal::toPlainString).as("base, temporal, environmental").containsExactlyElementsOf(testCase.expected());
    // The public API gives the base score for a base-only vector.
    CvssScore score = Cvss.parse(testCase.vector());
    assertThat(score.score()).isEqualTo(Double.parseDouble(testCase.expected().get(0)));
    assertThat(score.severity()).isEqualTo(Severity.of(score.score()));
  }

  @Test
  void roundUpFollowsEachVersion() {
    // 3.1 Appendix A: rounded to 5 decimals first, so 4.000001 is 4.0; 3.0 takes the plain ceiling.
    assertThat(Cvss3Calculator.roundUp(new BigDecimal("4.000001"), true)).isEqualByComparingTo("4.0");
    assertThat(Cvss3Calculator.roundUp(new BigDecimal("4.000001"), false)).isEqualByComparingTo("4.1");
    assertThat(Cvss3Calculator.roundUp(new BigDecimal("4.02"), true)).isEqualByComparingTo("4.1");
    assertThat(Cvss3Calculator.roundUp(new BigDecimal("4.00"), false)).isEqualByComparingTo("4.0");
  }
}
