package org.accord.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.accord.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CvssTest {

  @Test
  void scoresWellKnownVectors() {
    CvssScore log4shell = Cvss.parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H");
    assertThat(log4shell).isEqualTo(
        new CvssScore("3.1", 10.0, Severity.CRITICAL, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"));
    assertThat(Cvss.parse("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N").score()).isEqualTo(9.3);
    assertThat(Cvss.parse("  CVSS:3.0/AV:L/AC:H/PR:H/UI:R/S:U/C:N/I:N/A:N \n").severity()).isEqualTo(Severity.NONE);
  }

  @Test
  void cvss3PicksTheMostRefinedScore() {
    String base = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
    assertThat(Cvss.parse(base).score()).isEqualTo(9.8);
    assertThat(Cvss.parse(base + "/E:U/RL:O/RC:U").score()).isEqualTo(7.8); // temporal
    assertThat(Cvss.parse(base + "/E:X/RL:X").score()).isEqualTo(9.8); // X is "not defined"
    assertThat(Cvss.parse(base + "/E:U/RL:O/RC:U/MAV:L").score()).isEqualTo(6.7); // environmental
    // The 3.1 environmental equation differs from the base one for scope changed (80 of 2592 vectors).
    assertThat(Cvss.parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H").score()).isEqualTo(9.6);
    assertThat(Cvss.parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H/CR:M").score()).isEqualTo(9.7);
  }

  @Test
  void canonicalVectorIsInSpecificationOrderWithoutUndefinedMetrics() {
    CvssScore score = Cvss.parse("CVSS:3.1/A:H/I:H/C:H/S:U/UI:N/PR:N/AC:L/AV:N/E:X/MAV:L");
    assertThat(score.vector()).isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/MAV:L");
    assertThat(Cvss.parse("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/U:Red/E:P").vector())
        .isEqualTo("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:P/U:Red");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // vector | expected location | text the message must contain
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H | metric A | lacks mandatory metric A",
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/C:H/I:H | metrics S, A | lacks mandatory metrics S, A",
        "CVSS:3.1/AV:N/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | metric AV | AV appears more than once",
        "CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | metric AV | unknown value 'Q' for metric AV",
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/XX:Y | metric XX | unknown metric XX",
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AT:N | metric AT | unknown metric AT",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N | metric SA | lacks mandatory metric SA",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/SA:H | metric SA | SA appears more than once",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:S/SA:N | metric SI | unknown value 'S' for metric SI",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/U:red | metric U | unknown value 'red'",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/S:U | metric S | unknown value 'U' for metric S",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/ | metric #12 | trailing '/'",
        "CVSS:4.0/AV:N//AC:L | metric #2 | empty metric",
        "CVSS:3.1/AV:N/AC | metric #2 | malformed metric 'AC'",
        "CVSS:3.1/AV:N/AC::L | metric #2 | malformed metric 'AC::L'",
        "CVSS:3.1/ | metrics AV, AC, PR, UI, S, C, I, A | has no metrics",
        "CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P | CVSS vector prefix | unsupported CVSS version '2.0'",
        "AV:N/AC:L/Au:N/C:P/I:P/A:P | CVSS vector prefix | must start with CVSS:3.0/",
        "cvss:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | CVSS vector prefix | must start with",
      })
  void refusesBadVectorsNamingTheMetric(String vector, String location, String message) {
    assertThatThrownBy(() -> Cvss.parse(vector))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.location()).isEqualTo(location);
              assertThat(e.getMessage()).contains(message);
            });
  }

  @Test
  void refusesEmptyAndHugeInput() {
    assertThatThrownBy(() -> Cvss.parse("   ")).isInstanceOf(InvalidInputException.class).hasMessageContaining("empty");
    assertThatThrownBy(() -> Cvss.parse("CVSS:3.1/" + "AV:N/".repeat(200)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at most 512");
  }

  /** Property: metric order and explicit X metrics never change the score; parse(canonical) is stable. */
  @Test
  void scoreIsIndependentOfMetricOrderAndUndefinedMetrics() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    String[][] v4 = {
      {"AV", "N", "A", "L", "P"}, {"AC", "L", "H"}, {"AT", "N", "P"}, {"PR", "N", "L", "H"}, {"UI", "N", "P", "A"},
      {"VC", "H", "L", "N"}, {"VI", "H", "L", "N"}, {"VA", "H", "L", "N"}, {"SC", "H", "L", "N"},
      {"SI", "H", "L", "N"}, {"SA", "H", "L", "N"}, {"E", "X", "A", "P", "U"}, {"CR", "X", "H", "M", "L"},
      {"MAV", "X", "N", "A", "L", "P"}, {"MSI", "X", "S", "H", "L", "N"}, {"U", "X", "Clear", "Red"},
    };
    String[][] v3 = {
      {"AV", "N", "A", "L", "P"}, {"AC", "L", "H"}, {"PR", "N", "L", "H"}, {"UI", "N", "R"}, {"S", "U", "C"},
      {"C", "H", "L", "N"}, {"I", "H", "L", "N"}, {"A", "H", "L", "N"}, {"E", "X", "H", "F", "P", "U"},
      {"RC", "X", "C", "R", "U"}, {"IR", "X", "H", "M", "L"}, {"MS", "X", "U", "C"}, {"MPR", "X", "N", "L", "H"},
    };
    for (int i = 0; i < 2000; i++) {
      boolean four = random.nextBoolean();
      String prefix = four ? "CVSS:4.0" : random.nextBoolean() ? "CVSS:3.1" : "CVSS:3.0";
      List<String> metrics = new ArrayList<>();
      List<String> withoutX = new ArrayList<>();
      for (String[] metric : four ? v4 : v3) {
        String value = metric[1 + random.nextInt(metric.length - 1)];
        metrics.add(metric[0] + ":" + value);
        if (!value.equals("X")) {
          withoutX.add(metric[0] + ":" + value);
        }
      }
      String ordered = prefix + "/" + String.join("/", withoutX);
      Collections.shuffle(metrics, random);
      String shuffled = prefix + "/" + String.join("/", metrics);
      CvssScore expected = Cvss.parse(ordered);
      CvssScore actual = Cvss.parse(shuffled);
      assertThat(actual).as("seed %d: %s", seed, shuffled).isEqualTo(expected);
      assertThat(Cvss.parse(actual.vector())).as("seed %d", seed).isEqualTo(actual);
      assertThat(actual.score()).as("seed %d", seed).isBetween(0.0, 10.0);
      assertThat(Arrays.asList(Severity.values())).contains(actual.severity());
    }
  }

  @Test
  void severityBoundaries() {
    assertThat(Severity.of(0.0)).isEqualTo(Severity.NONE);
    assertThat(Severity.of(0.1)).isEqualTo(Severity.LOW);
    assertThat(Severity.of(3.9)).isEqualTo(Severity.LOW);
    assertThat(Severity.of(4.0)).isEqualTo(Severity.MEDIUM);
    assertThat(Severity.of(6.9)).isEqualTo(Severity.MEDIUM);
    assertThat(Severity.of(7.0)).isEqualTo(Severity.HIGH);
    assertThat(Severity.of(8.9)).isEqualTo(Severity.HIGH);
    assertThat(Severity.of(9.0)).isEqualTo(Severity.CRITICAL);
    assertThat(Severity.of(10.0)).isEqualTo(Severity.CRITICAL);
    assertThatThrownBy(() -> Severity.of(10.1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Severity.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }
}
