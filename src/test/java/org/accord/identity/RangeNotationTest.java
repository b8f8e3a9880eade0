package org.accord.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.accord.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class RangeNotationTest {

  private static VersionRange parse(String ecosystem, String text) {
    return RangeNotation.parse(Ecosystem.fromPurlType(ecosystem), text);
  }

  /** Every accepted form, with the range it denotes in canonical vers form. */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        // Maven: vers, intervals, comparators (the false negative), a bare version, everything.
        "maven; >=2.0; vers:maven/>=2.0",
        "maven; >=2.0 <2.3.4; vers:maven/>=2.0|<2.3.4",
        "maven; >=2.0,<2.3.4; vers:maven/>=2.0|<2.3.4",
        "maven; '>= 2.0 , < 2.3.4'; vers:maven/>=2.0|<2.3.4",
        "maven; '  >=2.0 <2.3.4  '; vers:maven/>=2.0|<2.3.4",
        "maven; [2.0,2.3.4); vers:maven/>=2.0|<2.3.4",
        "maven; '[1.0,2.0),[3.0,)'; vers:maven/>=1.0|<2.0|>=3.0",
        "maven; '(,1.5]'; vers:maven/<=1.5",
        "maven; [1.2]; vers:maven/1.2",
        "maven; 2.1.0; vers:maven/2.1.0",
        "maven; ==2.1.0; vers:maven/2.1.0",
        "maven; '!=2.1.0'; vers:maven/!=2.1.0",
        "maven; <1.0 || >=2.0; vers:maven/<1.0|>=2.0",
        "maven; '>=1.0 <3 || >=2 <4'; vers:maven/>=1.0|<4",
        "maven; vers:maven/>=2.0|<2.3.4; vers:maven/>=2.0|<2.3.4",
        "maven; '*'; vers:maven/*",
        "maven; 2.0-SNAPSHOT; vers:maven/2.0-SNAPSHOT",
        // npm: node-semver.
        "npm; >=1.2 <2 || ^3; vers:npm/>=1.2.0|<2.0.0-0|>=3.0.0|<4.0.0-0",
        "npm; ^1.2.3; vers:npm/>=1.2.3|<2.0.0-0",
        "npm; ^0.2.3; vers:npm/>=0.2.3|<0.3.0-0",
        "npm; ^0.0.3; vers:npm/>=0.0.3|<0.0.4-0",
        "npm; ~1.2.3; vers:npm/>=1.2.3|<1.3.0-0",
        "npm; ~1; vers:npm/>=1.0.0|<2.0.0-0",
        "npm; 1.2.x; vers:npm/>=1.2.0|<1.3.0-0",
        "npm; 1.2; vers:npm/>=1.2.0|<1.3.0-0",
        "npm; 1.2.3; vers:npm/1.2.3",
        "npm; >1.2; vers:npm/>=1.3.0",
        "npm; <=1.2; vers:npm/<1.3.0-0",
        "npm; <1.2; vers:npm/<1.2.0-0",
        "npm; >=2.2.x; vers:npm/>=2.2.0",
        "npm; 1.2.3 - 2.3.4; vers:npm/>=1.2.3|<=2.3.4",
        "npm; 1.2 - 2.3; vers:npm/>=1.2.0|<2.4.0-0",
        "npm; v1.2.3; vers:npm/1.2.3",
        "npm; '*'; vers:npm/*",
        "npm; x; vers:npm/*",
        // PyPI: PEP 440.
        "pypi; >=2.0,<2.3.4; vers:pypi/>=2.0|<2.3.4",
        "pypi; '>=2.0, <2.3.4'; vers:pypi/>=2.0|<2.3.4",
        "pypi; ~=2.2; vers:pypi/>=2.2|<3",
        "pypi; ~=2.2.1; vers:pypi/>=2.2.1|<2.3",
        "pypi; ==2.*; vers:pypi/>=2.dev0|<3.dev0",
        "pypi; '!=2.1.*,>=2'; vers:pypi/>=2|<2.1.dev0|>=2.2.dev0",
        "pypi; 2.0; vers:pypi/2.0",
        // Cargo.
        "cargo; ^1.2; vers:cargo/>=1.2.0|<2.0.0",
        "cargo; 1.2; vers:cargo/>=1.2.0|<2.0.0",
        "cargo; ~1.2; vers:cargo/>=1.2.0|<1.3.0",
        "cargo; ~> 1.2; vers:cargo/>=1.2.0|<1.3.0",
        "cargo; >1.2; vers:cargo/>=1.3.0",
        "cargo; =1.2; vers:cargo/>=1.2.0|<1.3.0",
        "cargo; '>=1.2, <1.5'; vers:cargo/>=1.2.0|<1.5.0",
        "cargo; 1.*; vers:cargo/>=1.0.0|<2.0.0",
        // RubyGems.
        "gem; ~> 2.0; vers:gem/>=2.0|<3",
        "gem; ~> 2.0.1; vers:gem/>=2.0.1|<2.1",
        "gem; '~> 2.0.1, != 2.0.3'; vers:gem/>=2.0.1|!=2.0.3|<2.1",
        "gem; 2.0.1; vers:gem/2.0.1",
        // Go.
        "golang; >=v1.2.0 <v1.3.0; vers:golang/>=v1.2.0|<v1.3.0",
        "golang; v1.2.3; vers:golang/v1.2.3",
        // Composer.
        "composer; ^1.2; vers:composer/>=1.2|<2",
        "composer; ^1.2 | ~2.0; vers:composer/>=1.2|<3",
        "composer; ^1.2 || 3.0.*; vers:composer/>=1.2|<2|>=3.0|<3.1",
        "composer; 1.0 - 2.0; vers:composer/>=1.0|<2.1",
        "composer; '>=1.0 <1.1 || >=1.2'; vers:composer/>=1.0|<1.1|>=1.2",
        // NuGet: a bare version is a minimum.
        "nuget; 1.0; vers:nuget/>=1.0",
        "nuget; [1.0,2.0); vers:nuget/>=1.0|<2.0",
        "nuget; >=1.0 <2.0; vers:nuget/>=1.0|<2.0",
        // Distributions and unknown types.
        "deb; '>> 1.0-1, << 2.0'; vers:deb/>1.0-1|<2.0",
        "deb; >=1:2.0-1; vers:deb/>=1:2.0-1",
        "rpm; '>= 1.0^git1'; vers:rpm/>=1.0^git1",
        "apk; >=1.2.3-r0; vers:apk/>=1.2.3-r0",
        "generic; >=1.0 <2; vers:generic/>=1.0|<2"
      })
  void acceptedForms(String ecosystem, String text, String vers) {
    assertThat(parse(ecosystem, text).toVers()).isEqualTo(vers);
  }

  @Test
  void alternativesAndComparatorSetsFollowNodeSemver() {
    VersionRange range = parse("npm", ">=1.2 <2 || ^3");
    assertThat(range.contains("1.2.0")).isTrue();
    assertThat(range.contains("1.9.9")).isTrue();
    assertThat(range.contains("2.0.0")).isFalse();
    assertThat(range.contains("2.0.0-rc.1")).as("below 2.0.0-0? no: 2.0.0-rc.1 is above it").isFalse();
    assertThat(range.contains("2.5.0")).isFalse();
    assertThat(range.contains("3.0.0")).isTrue();
    assertThat(range.contains("3.99.0")).isTrue();
    assertThat(range.contains("4.0.0")).isFalse();
  }

  @Test
  void aComparatorIsNeverReadAsALiteralVersion() {
    // The bug: Maven's ComparableVersion accepts '>=2.0' as a version, so the range matched nothing.
    VersionRange range = parse("maven", ">=2.0");
    assertThat(range.contains("2.0")).isTrue();
    assertThat(range.contains("2.3.3")).isTrue();
    assertThat(range.contains("10.0")).isTrue();
    assertThat(range.contains("1.9")).isFalse();
    assertThat(parse("maven", ">=2.0 <2.3.4").contains("2.3.4")).isFalse();
  }

  @Test
  void overlappingAlternativesAreAUnionNotAFlatConstraintList() {
    // As one sorted vers list, >=1|>=2|<3|<4 would drop 1.5; as a union of intervals it is [1,4).
    VersionRange range = parse("maven", ">=1.0 <3 || >=2 <4");
    for (String version : List.of("1.0", "1.5", "2.5", "3.5")) {
      assertThat(range.contains(version)).as(version).isTrue();
    }
    assertThat(range.contains("4.0")).isFalse();
  }

  /** Refusals: the message names the problem, the position and the character, and the accepted forms. */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "maven; >=2.0 && <3; '&' at position 7",
        "maven; latest; 'l' at position 1",
        "maven; 2.*; '*' at position 3",
        "maven; >=2.0<3; '<' at position 6",
        "maven; >=2.0 ||; '||' at position 7",
        "maven; '>=2.0 || || <1'; nothing follows the '||' at position 7",
        "maven; '>=2.0,,<3'; ',' at position 6",
        "maven; >=; after '>=' at position 1",
        "maven; '>=2.0 <'; after '<' at position 7",
        "maven; >>2.0; '>' at position 2",
        "maven; ~>2.0; '~' at position 1",
        "maven; ^2.0; '^' at position 1",
        "maven; [2.0; not closed",
        "maven; '[2.0,3.0),'; nothing follows",
        "maven; '[2.0,3.0) [4,5)'; '[' at position 11",
        "maven; [2.0,1.0); is empty: 2.0 is above 1.0",
        "maven; (2.0); one version is written [1.2]",
        "maven; '>= 2.0, < 3 || [4,5)'; '[' at position 16",
        "maven; vers:npm/>=2.0; vers type 'npm' at position 6",
        "maven; vers:maven/>=2.0 |<3; space at position 17",
        "maven; vers:maven/>=2.0|<|3; '|' at position 19",
        "maven; >=3 <2; can contain no version",
        "maven; 1.0,2.0; can contain no version",
        "npm; >=1.2.3.4; '>=1.2.3.4' at position 1",
        "npm; 1.2 -2.0; '-' at position 5",
        "npm; '1.2 - '; no upper end",
        "pypi; >=2.*; '*' at position 5",
        "pypi; '>=2.0;<3'; ';' at position 6",
        "gem; ^2.0; '^' at position 1",
        "cargo; 1.2 || ; '||' at position 5",
        "golang; latest; 'l' at position 1",
        "deb; ^1.0; '^' at position 1",
        "nuget; >=1.0 & <2; '&' at position 7",
        "generic; '  '; the range is empty"
      })
  void refusedFormsNameTheCharacter(String ecosystem, String text, String expected) {
    assertThatThrownBy(() -> parse(ecosystem, text))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(expected)
        .hasMessageContaining("accepted for " + ecosystem + ":")
        .satisfies(e -> assertThat(((InvalidInputException) e).location()).isEqualTo("range"));
  }

  @Test
  void theRefusalShowsTheFormsOfThatEcosystem() {
    assertThatThrownBy(() -> parse("pypi", ">=2.0 && <3"))
        .hasMessageContaining("~=2.2")
        .hasMessageContaining("vers:pypi/")
        .hasMessageContaining("[2.0,2.3.4)");
    assertThatThrownBy(() -> parse("npm", "=> 1.0"))
        .hasMessageContaining("'>' at position 2")
        .hasMessageContaining("^1.2.3");
  }

  @ParameterizedTest
  @EnumSource(Ecosystem.class)
  void everyEcosystemListsItsFormsAndAcceptsTheCommonOnes(Ecosystem ecosystem) {
    assertThat(RangeNotation.acceptedForms(ecosystem)).anyMatch(form -> form.startsWith("vers:" + ecosystem.purlType() + "/"));
    String low = ecosystem == Ecosystem.GOLANG ? "v1.0.0" : "1.0.0";
    String high = ecosystem == Ecosystem.GOLANG ? "v2.0.0" : "2.0.0";
    VersionRange interval = RangeNotation.parse(ecosystem, "[" + low + "," + high + ")");
    VersionRange comparators = RangeNotation.parse(ecosystem, ">=" + low + " <" + high);
    VersionRange commas = RangeNotation.parse(ecosystem, ">=" + low + "," + "<" + high);
    for (VersionRange range : List.of(interval, comparators, commas)) {
      assertThat(range.contains(low)).as(ecosystem + " " + range).isTrue();
      assertThat(range.contains(high)).as(ecosystem + " " + range).isFalse();
    }
  }

  /**
   * Property: for random interval unions, the comparator form, the interval form and the vers form
   * contain exactly the same versions (seeded; the seed is printed on failure).
   */
  @Test
  void theThreeSpellingsOfARangeAgree() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    for (int round = 0; round < 300; round++) {
      int a = random.nextInt(20);
      int b = a + 1 + random.nextInt(10);
      int c = b + random.nextInt(10);
      int d = c + 1 + random.nextInt(10);
      String comparators = ">=1." + a + " <1." + b + " || >=1." + c + " <1." + d;
      String intervals = "[1." + a + ",1." + b + "),[1." + c + ",1." + d + ")";
      VersionRange typed = parse("maven", comparators);
      VersionRange bracketed = parse("maven", intervals);
      VersionRange vers = parse("maven", typed.toVers());
      for (int v = 0; v < 45; v++) {
        String version = "1." + v;
        assertThat(bracketed.contains(version)).as("seed " + seed + ": " + intervals + " vs " + comparators + " at " + version)
            .isEqualTo(typed.contains(version));
        assertThat(vers.contains(version)).as("seed " + seed + ": " + typed.toVers() + " at " + version)
            .isEqualTo(typed.contains(version));
      }
    }
  }
}
