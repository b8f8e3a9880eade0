package org.accord.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VersionNumberTest {
  /** SemVer 2.0.0 §11's own example of precedence, in ascending order, plus integers and big numbers. */
  private static final List<String> ASCENDING =
      List.of(
          "0.9.9",
          "1.0.0-alpha",
          "1.0.0-alpha.1",
          "1.0.0-alpha.beta",
          "1.0.0-beta",
          "1.0.0-beta.2",
          "1.0.0-beta.11",
          "1.0.0-rc.1",
          "1.0.0",
          "1.9.0",
          "1.10.0",
          "2.0.0",
          "99999999999999999999.0.0");

  @Test
  void ordersBySemverPrecedence() {
    for (int index = 1; index < ASCENDING.size(); index++) {
      VersionNumber lower = VersionNumber.parse(ASCENDING.get(index - 1));
      VersionNumber higher = VersionNumber.parse(ASCENDING.get(index));
      assertThat(lower.compareTo(higher)).as("%s < %s", lower, higher).isNegative();
      assertThat(higher.compareTo(lower)).as("%s > %s", higher, lower).isPositive();
    }
  }

  @Test
  void sortingAShuffledListRestoresPrecedenceOrder() {
    long seed = 7L;
    Random random = new Random(seed);
    for (int round = 0; round < 200; round++) {
      List<VersionNumber> shuffled = new ArrayList<>();
      ASCENDING.forEach(text -> shuffled.add(VersionNumber.parse(text)));
      Collections.shuffle(shuffled, random);
      Collections.sort(shuffled);
      assertThat(shuffled).as("seed %d round %d", seed, round).extracting(VersionNumber::text).containsExactlyElementsOf(ASCENDING);
    }
  }

  @Test
  void buildMetadataDoesNotChangePrecedence() {
    assertThat(VersionNumber.parse("1.0.0+build.1").compareTo(VersionNumber.parse("1.0.0+build.2"))).isZero();
    assertThat(VersionNumber.parse("2.0.0+21AF26D3").core(false)).isEqualTo("2.0.0");
    assertThat(VersionNumber.parse("1.0.0-rc.1+b").core(false)).isEqualTo("1.0.0-rc.1");
    assertThat(VersionNumber.parse("1.0.0-rc.1+b").core(true)).isEqualTo("1.0.0");
  }

  @Test
  void integerVersionsOrderNumericallyAndLikeMajorVersions() {
    assertThat(VersionNumber.parse("10").compareTo(VersionNumber.parse("9"))).isPositive();
    assertThat(VersionNumber.parse("2").integer()).isTrue();
    assertThat(VersionNumber.parse("2").compareTo(VersionNumber.parse("2.0.0"))).isZero();
    assertThat(VersionNumber.parse("0").isZero()).isTrue();
    assertThat(VersionNumber.parse("0.9.1").isZero()).isTrue();
    assertThat(VersionNumber.parse("1.0.0-alpha").hasPreRelease()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "01", "1.0", "1.0.0.0", "v1", "1.0.0-", "1.0.0-01", "1.0.0+", "-1", " 1"})
  void refusesWhatIsNeitherIntegerNorSemver(String text) {
    assertThat(VersionNumber.parse(text)).isNull();
  }
}
