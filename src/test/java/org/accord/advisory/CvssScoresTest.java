package org.accord.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accord.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import us.springett.cvss.Cvss;
import us.springett.cvss.Score;

class CvssScoresTest {
  private static final Pattern RED_HAT_LINE = Pattern.compile("(\\S+) - \\(([\\d.]+), ([\\d.]+), ([\\d.]+)\\)");

  /** Red Hat's cvss library suites: every base vector of v3.0 and v3.1 (2592 each), scored in decimals. */
  @ParameterizedTest
  @ValueSource(strings = {"vectors_simple3", "vectors_simple31"})
  void matchesRedHatVectors(String file) throws IOException {
    List<String> lines = Files.readAllLines(TestData.resolve("cvss/redhat-cvss/tests").resolve(file));
    int checked = 0;
    for (String line : lines) {
      Matcher matcher = RED_HAT_LINE.matcher(line.strip());
      if (!matcher.matches()) {
        continue;
      }
      CvssScores scores = CvssScores.exact(CvssVector.parse(matcher.group(1)));
      assertThat(scores)
          .as(line)
          .isEqualTo(
              new CvssScores(
                  new BigDecimal(matcher.group(2)), new BigDecimal(matcher.group(3)), new BigDecimal(matcher.group(4))));
      checked++;
    }
    assertThat(checked).isEqualTo(2592);
  }

  /** The worked examples of the CVSS v2 guide, §3.3.1 to §3.3.3. */
  @ParameterizedTest
  @CsvSource({
    "AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:H, 7.8, 6.4, 9.2",
    "AV:N/AC:L/Au:N/C:C/I:C/A:C/E:F/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:L, 10.0, 8.3, 9.0",
    "AV:L/AC:H/Au:N/C:C/I:C/A:C/E:POC/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:M, 6.2, 4.9, 7.5"
  })
  void matchesTheV2GuideExamples(String vector, String base, String temporal, String environmental) {
    assertThat(CvssScores.exact(CvssVector.parse(vector)))
        .isEqualTo(new CvssScores(new BigDecimal(base), new BigDecimal(temporal), new BigDecimal(environmental)));
  }

  /** v3.1 examples with environmental metrics, from the CSAF 2.0 examples and FIRST's v3.1 calculator. */
  @ParameterizedTest
  @CsvSource({
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H/MC:N/MI:N/MA:N, 10.0, 10.0, 0.0",
    "CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:N/A:L/E:F/RL:O/RC:C, 6.1, 5.7, 5.7",
    "CVSS:3.0/AV:L/AC:L/PR:H/UI:R/S:U/C:H/I:H/A:H/MC:N/MI:N/MA:N, 6.5, 6.5, 0.0"
  })
  void scoresEnvironmentalVectors(String vector, String base, String temporal, String environmental) {
    CvssScores expected = new CvssScores(new BigDecimal(base), new BigDecimal(temporal), new BigDecimal(environmental));
    assertThat(CvssScores.exact(CvssVector.parse(vector))).isEqualTo(expected);
    assertThat(CvssScores.binary(CvssVector.parse(vector))).isEqualTo(expected);
  }

  @Test
  void exactAndBinaryDifferWhereV30CeilingMeetsFloatingPointError() {
    CvssVector vector = CvssVector.parse("CVSS:3.0/AV:L/AC:H/PR:H/UI:R/S:C/C:H/I:N/A:N/E:H/RL:X/RC:U");
    assertThat(CvssScores.exact(vector).temporal()).isEqualByComparingTo("4.6"); // 5.0 x 0.92, exactly
    assertThat(CvssScores.binary(vector).temporal()).isEqualByComparingTo("4.7"); // 4.6000000000000005
    CvssVector v2 = CvssVector.parse("AV:N/AC:M/Au:N/C:P/I:C/A:C/E:H/RL:W/RC:C");
    assertThat(CvssScores.exact(v2).temporal()).isEqualByComparingTo("8.6"); // 9.0 x 0.95 = 8.55, half up
    assertThat(CvssScores.binary(v2).temporal()).isEqualByComparingTo("8.5"); // 8.549999999999999
  }

  @ParameterizedTest
  @CsvSource({"0.0, NONE", "0.1, LOW", "3.9, LOW", "4.0, MEDIUM", "6.9, MEDIUM", "7.0, HIGH", "8.9, HIGH", "9.0, CRITICAL", "10.0, CRITICAL"})
  void severityBoundaries(String score, String severity) {
    assertThat(CvssScores.severity(new BigDecimal(score))).isEqualTo(severity);
  }

  /**
   * Differential test against us.springett:cvss-calculator on seeded random vectors: v3.1 all three
   * scores, v3.0 and v2.0 base and temporal (it has no environmental score for those), in binary
   * arithmetic as it computes; and exact and binary never differ by more than 0.1, nor at all in v3.1.
   */
  @Test
  void agreesWithSpringettCalculatorOnRandomVectors() {
    long seed = 20261122L;
    Random random = new Random(seed);
    for (int round = 0; round < 10_000; round++) {
      String v31 = randomVector(random, "CVSS:3.1", CvssVector.V3, true);
      String v30 = randomVector(random, "CVSS:3.0", CvssVector.V3, false);
      String v2 = randomVector(random, "", CvssVector.V2, false);
      CvssScores mine31 = CvssScores.binary(CvssVector.parse(v31));
      Score theirs31 = Cvss.fromVector(v31).calculateScore();
      assertThat(List.of(mine31.base().doubleValue(), mine31.temporal().doubleValue(), mine31.environmental().doubleValue()))
          .as("seed %d, %s", seed, v31)
          .containsExactly(theirs31.getBaseScore(), theirs31.getTemporalScore(), theirs31.getEnvironmentalScore());
      assertThat(CvssScores.exact(CvssVector.parse(v31))).as("seed %d, %s", seed, v31).isEqualTo(mine31);
      for (String vector : List.of(v30, v2)) {
        CvssScores mine = CvssScores.binary(CvssVector.parse(vector));
        Score theirs = Cvss.fromVector(vector.startsWith("CVSS") ? vector : "(" + vector + ")").calculateScore();
        assertThat(List.of(mine.base().doubleValue(), mine.temporal().doubleValue()))
            .as("seed %d, %s", seed, vector)
            .containsExactly(theirs.getBaseScore(), theirs.getTemporalScore());
        CvssScores exact = CvssScores.exact(CvssVector.parse(vector));
        assertThat(exact.temporal().subtract(mine.temporal()).abs()).as("seed %d, %s", seed, vector).isLessThanOrEqualTo(new BigDecimal("0.1"));
      }
    }
  }

  /** A vector with every base metric and, for v2 and v3.0, the temporal ones; for v3.1 all metrics. */
  private static String randomVector(Random random, String prefix, List<CvssVector.Metric> metrics, boolean all) {
    StringBuilder vector = new StringBuilder(prefix);
    for (CvssVector.Metric metric : metrics) {
      boolean temporal = List.of("E", "RL", "RC").contains(metric.key());
      if (!metric.base() && !temporal && !all) {
        continue;
      }
      List<String> codes = metric.names().keySet().stream().sorted().toList();
      vector.append(vector.length() == 0 ? "" : "/").append(metric.key()).append(':').append(codes.get(random.nextInt(codes.size())));
    }
    return vector.toString();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H", // A missing
        "CVSS:3.1/AV:N/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", // AV twice
        "CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", // unknown value
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/XX:Y", // unknown metric
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
        "AV:N/AC:L/Au:N/C:C/I:C",
        ""
      })
  void refusesVectorsThatCannotBeScored(String vector) {
    assertThatThrownBy(() -> CvssVector.parse(vector)).isInstanceOf(IllegalArgumentException.class);
  }
}
