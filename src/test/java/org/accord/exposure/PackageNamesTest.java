package org.accord.exposure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PackageNamesTest {

  /** Values from Winkler's paper and the usual reference implementations (commons-text, Lucene). */
  @ParameterizedTest
  @CsvSource({
    "martha, marhta, 0.961",
    "dwayne, duane, 0.840",
    "dixon, dicksonx, 0.813",
    "libracore, libracore, 1.0",
    "abc, xyz, 0.0",
    "'', abc, 0.0"
  })
  void jaroWinklerMatchesTheReferenceValues(String a, String b, double expected) {
    assertThat(PackageNames.jaroWinkler(a, b)).isCloseTo(expected, within(0.001));
    assertThat(PackageNames.jaroWinkler(b, a)).isCloseTo(expected, within(0.001));
  }

  @Test
  void aTypoOrAWrongNamespaceOrTypeIsStillSimilar() {
    PackageNames.Parts right = PackageNames.Parts.of("pkg:maven/org.libra/libracore");
    for (String wanted : List.of("pkg:maven/org.libra/libracor", "pkg:maven/libra/libracore", "pkg:npm/libracore",
        "pkg:maven/org.libra/LibraCore")) {
      assertThat(PackageNames.similarity(PackageNames.Parts.of(wanted), right)).as(wanted)
          .isGreaterThanOrEqualTo(PackageNames.SUGGESTION_THRESHOLD);
    }
    assertThat(PackageNames.similarity(PackageNames.Parts.of("pkg:npm/left-pad"), right))
        .isLessThan(PackageNames.SUGGESTION_THRESHOLD);
  }

  @Test
  void searchRanksExactThenPrefixThenSubstring() {
    PackageNames.Parts pkg = PackageNames.Parts.of("pkg:maven/org.libra/LibraCore");
    assertThat(PackageNames.rank(pkg, "libracore")).isEqualTo(PackageNames.EXACT);
    assertThat(PackageNames.rank(pkg, "org.libra/libracore")).isEqualTo(PackageNames.EXACT);
    assertThat(PackageNames.rank(pkg, "libra")).isEqualTo(PackageNames.PREFIX);
    assertThat(PackageNames.rank(pkg, "org.li")).isEqualTo(PackageNames.PREFIX);
    assertThat(PackageNames.rank(pkg, "core")).isEqualTo(PackageNames.SUBSTRING);
    assertThat(PackageNames.rank(pkg, "maven")).as("the type is not the name").isEqualTo(PackageNames.NO_MATCH);
    assertThat(PackageNames.rank(pkg, "pkg:maven/org.libra")).isEqualTo(PackageNames.PREFIX);
  }
}
