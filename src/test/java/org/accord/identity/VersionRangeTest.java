package org.accord.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.accord.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionRangeTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "vers:npm/>=2.0.0|<1.0.0", // not sorted
        "vers:npm/1.0.0|1.0.0", // duplicate
        "vers:npm/>=1.0.0|>=2.0.0", // two lower bounds
        "vers:npm/<1.0.0|<2.0.0", // two upper bounds
        "vers:npm/1.0.0|<2.0.0", // equality followed by an upper bound
        "vers:npm/=1.0.0", // explicit equality
        "vers:npm/*|1.0.0", // star with others
        "vers:npm/", // no constraints
        "vers:npm", // no slash
        "npm/1.0.0", // no scheme
        "VERS:npm/1.0.0", // upper-case scheme
        "vers:NPM/1.0.0", // upper-case type
        "vers:invalid/1.0", // reserved invalid type
        "vers:test/1.0", // reserved type without order
        "vers:cobol/1.0", // unknown type
        "vers:npm/1.0", // not a version of the scheme? npm shorthand: valid; replaced below
        "vers:npm/>=1.0.0|<1.x", // invalid version
        "vers:all/1.0", // all takes only *
        "vers:npm/ 1.0.0",
        "vers:npm/1.0.0%2"
      })
  void strictParsingRefuses(String vers) {
    if (vers.equals("vers:npm/1.0")) {
      assertThat(VersionRange.parseVers(vers).contains("1.0.0")).isTrue();
      return;
    }
    assertThatThrownBy(() -> VersionRange.parseVers(vers)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void errorsNameTheVersionAndTheRange() {
    assertThatThrownBy(() -> VersionRange.parseVers("vers:pypi/>=1.0|<2.0+"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'2.0+'")
        .hasMessageContaining("pypi")
        .satisfies(e -> assertThat(((InvalidInputException) e).location()).contains("vers:pypi/>=1.0|<2.0+"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "vers:npm/>=1.0.0|<2.0.0; 1.5.0; true",
        "vers:npm/>=1.0.0|<2.0.0; 2.0.0; false",
        "vers:npm/>=1.0.0|<2.0.0; 2.0.0-rc.1; true",
        "vers:npm/1.2.3|>=2.0.0; 1.2.3; true",
        "vers:npm/1.2.3|>=2.0.0; 1.2.4; false",
        "vers:npm/!=1.2.3; 1.2.3; false",
        "vers:npm/!=1.2.3; 9.0.0; true",
        "vers:npm/>=1.0.0|!=1.5.0|<2.0.0; 1.5.0; false",
        "vers:npm/>=1.0.0|!=1.5.0|<2.0.0; 1.6.0; true",
        "vers:pypi/<=1.0|>2.0; 1.0.0; true",
        "vers:pypi/<=1.0|>2.0; 1.5; false",
        "vers:pypi/<=1.0|>2.0; 2.0.1; true",
        "vers:deb/>=1:1.0-1|<1:2.0; 1:1.5-3; true",
        "vers:deb/>=1:1.0-1|<1:2.0; 1.5-3; false",
        "vers:all/*; anything at all; true",
        "vers:none/*; 1.0; false",
        "vers:npm/*; 0.0.1; true"
      })
  void containment(String vers, String version, boolean expected) {
    assertThat(VersionRange.parseVers(vers).contains(version)).isEqualTo(expected);
    assertThat(VersionRange.parseVers(vers).toVers()).isEqualTo(vers);
  }

  @Test
  void percentEncodedVersionsRoundTrip() {
    VersionRange range = VersionRange.parseVers("vers:generic/>=1.0%7C2|<3%3E");
    assertThat(range.contains("1.0|3")).isTrue();
    assertThat(range.toVers()).isEqualTo("vers:generic/>=1.0%7C2|<3%3E");
  }

  @Test
  void lenientParsingSortsAndKeeps() {
    VersionRange range = VersionRange.parseVersLenient("vers:pypi/0.0.2|>=3.0.0|0.0.1");
    assertThat(range.toVers()).isEqualTo("vers:pypi/0.0.1|0.0.2|>=3.0.0");
    assertThat(range.contains("0.0.2")).isTrue();
    assertThat(range.contains("1.0")).isFalse();
    assertThatThrownBy(() -> VersionRange.parseVersLenient("vers:pypi/0.0.2||1.0"))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void versionsOfAnotherSchemeAreReRead() {
    VersionRange range = VersionRange.parseVers("vers:semver/>=1.0.0|<2.0.0");
    assertThat(range.contains(VersionScheme.forName("npm").parse("1.2.0"))).isTrue();
    assertThat(range.contains(VersionScheme.forName("npm").parse("2.0.0"))).isFalse();
    // npm accepts a leading 'v', strict SemVer does not: re-reading fails and says so.
    assertThatThrownBy(() -> range.contains(VersionScheme.forName("npm").parse("v1.2.0")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'v1.2.0'");
  }

  @Test
  void exactlyListsVersions() {
    VersionRange range = VersionRange.exactly(VersionScheme.forName("maven"), List.of("1.0", "1.0.0", "2.0"));
    assertThat(range.contains("1.0.0")).isTrue();
    assertThat(range.contains("1.5")).isFalse();
    assertThat(range.toVers()).isEqualTo("vers:maven/1.0|2.0");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "npm; ^1.2.3; vers:npm/>=1.2.3|<2.0.0",
        "npm; ^0.0.3; vers:npm/>=0.0.3|<0.0.4",
        "npm; ~1.2; vers:npm/>=1.2.0|<1.3.0",
        "npm; 1.2.3 - 2.3; vers:npm/>=1.2.3|<2.4.0",
        "npm; '*'; vers:npm/*",
        "cargo; 1.2.3; vers:cargo/>=1.2.3|<2.0.0",
        "cargo; '>=1.2, <1.5'; vers:cargo/>=1.2.0|<1.5.0",
        "cargo; =1.2; vers:cargo/>=1.2.0|<1.3.0",
        "cargo; <=1.2; vers:cargo/<1.3.0",
        "composer; ~1.2; vers:composer/>=1.2|<2",
        "composer; ^1.2.3 || 2.0.*; vers:composer/>=1.2.3|<2|>=2.0|<2.1",
        "composer; '>=1.0 <1.1 || >=1.2'; vers:composer/>=1.0|<1.1|>=1.2",
        "pypi; '~=1.4.5'; vers:pypi/>=1.4.5|<1.5",
        "pypi; ==1.0.*; vers:pypi/>=1.0.dev0|<1.1.dev0",
        "pypi; '>=1.0a1,<1.0.5||>=1.1b1,<1.1.1'; vers:pypi/>=1.0a1|<1.0.5|>=1.1b1|<1.1.1",
        "gem; '~> 2.0'; vers:gem/>=2.0|<3",
        "gem; '~> 3.5.0, != 3.5.2'; vers:gem/>=3.5.0|!=3.5.2|<3.6",
        "maven; '[1.0,2.0),[3.0,)'; vers:maven/>=1.0|<2.0|>=3.0",
        "maven; '[1.2]'; vers:maven/1.2",
        "nuget; 1.0; vers:nuget/>=1.0",
        "nuget; '(,1.0]'; vers:nuget/<=1.0",
        "deb; '>= 1.0-1, << 2.0'; vers:deb/>=1.0-1|<2.0",
        "rpm; '< 1:2.0-1'; vers:rpm/<1:2.0-1",
        "apk; '>=1.2.3-r0'; vers:apk/>=1.2.3-r0",
        "openssl; '3.0.0, 1.0.1b'; vers:openssl/1.0.1b|3.0.0"
      })
  void nativeRanges(String scheme, String nativeRange, String vers) {
    assertThat(VersionRange.fromNative(scheme, nativeRange).toVers()).isEqualTo(vers);
  }

  @Test
  void nativeRangeErrorsNameTheRange() {
    assertThatThrownBy(() -> VersionRange.fromNative("npm", ">=1.2.3.4"))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).describe()).contains(">=1.2.3.4"));
    assertThatThrownBy(() -> VersionRange.fromNative("nuget", "[1.0,2.0"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> VersionRange.fromNative("pypi", "1.0")).isInstanceOf(InvalidInputException.class);
  }
}
