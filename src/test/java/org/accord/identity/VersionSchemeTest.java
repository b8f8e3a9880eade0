package org.accord.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.accord.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * Orderings, equalities and refusals each scheme's spec states, beyond the vers suite (which covers
 * alpine, alpm, conan, datetime, gentoo, lexicographic, maven, nuget and openssl).
 */
class VersionSchemeTest {

  /** Each version sorts strictly after the one before it, in both directions of comparison. */
  static void assertOrdered(String scheme, String... versions) {
    VersionScheme s = VersionScheme.forName(scheme);
    for (int i = 0; i < versions.length; i++) {
      for (int j = 0; j < versions.length; j++) {
        assertThat(s.compare(versions[i], versions[j]))
            .as("%s: %s vs %s", scheme, versions[i], versions[j])
            .isEqualTo(Integer.compare(i, j));
      }
    }
  }

  static void assertSame(String scheme, String... versions) {
    VersionScheme s = VersionScheme.forName(scheme);
    for (String a : versions) {
      for (String b : versions) {
        assertThat(s.compare(a, b)).as("%s: %s == %s", scheme, a, b).isZero();
      }
    }
  }

  static void assertInvalid(String scheme, String... versions) {
    VersionScheme s = VersionScheme.forName(scheme);
    for (String version : versions) {
      assertThatThrownBy(() -> s.parse(version))
          .as("%s should refuse '%s'", scheme, version)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining(scheme)
          .hasMessageContaining("'" + version + "'");
    }
  }

  @Test
  void pep440OrdersAsThePepExample() {
    assertOrdered(
        "pypi",
        "1.0.dev456", "1.0a1", "1.0a2.dev456", "1.0a12.dev456", "1.0a12", "1.0b1.dev456", "1.0b2",
        "1.0b2.post345.dev456", "1.0b2.post345", "1.0rc1.dev456", "1.0rc1", "1.0", "1.0+abc.5", "1.0+abc.7",
        "1.0+5", "1.0.post456.dev34", "1.0.post456", "1.0.15", "1.1.dev1", "1!0.1");
  }

  @Test
  void pep440Normalises() {
    assertSame("pypi", "1.0", "1.0.0", "v1.0", " 1.0 ", "1.0.0.0", "V1.0");
    assertSame("pypi", "1.0a", "1.0a0", "1.0.alpha.0", "1.0-ALPHA", "1.0_a_0");
    assertSame("pypi", "1.0rc1", "1.0c1", "1.0pre1", "1.0preview1", "1.0-rc-1");
    assertSame("pypi", "1.0.post0", "1.0.post", "1.0-r", "1.0rev0", "1.0-0", "1.0post0");
    assertSame("pypi", "1.0.dev0", "1.0.dev", "1.0-dev", "1.0dev0");
    assertSame("pypi", "1.0+ubuntu-1", "1.0+ubuntu.1", "1.0+Ubuntu_1");
    assertSame("pypi", "0!1.0", "1.0");
    assertOrdered("pypi", "1.0+abc", "1.0+abc.1", "1.0+1", "1.0+2", "1.0+10");
    assertOrdered("pypi", "99999999999999999999.0", "100000000000000000000.0");
    assertInvalid("pypi", "1.0+", "1.0.", "a1.0", "1..0", "1.0 2", "", "1.0+local+x", "1.0-foo");
  }

  @Test
  void semverOrdersAsSpecSection11() {
    for (String scheme : new String[] {"semver", "npm", "cargo", "golang"}) {
      assertOrdered(
          scheme,
          "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11",
          "1.0.0-rc.1", "1.0.0", "2.0.0", "2.1.0", "2.1.1");
      assertSame(scheme, "1.0.0+a", "1.0.0+b", "1.0.0");
      // ASCII order for alphanumeric identifiers, which semver4j 6.0.0 gets wrong (ADR 0010).
      assertOrdered(scheme, "1.0.0-alpha10", "1.0.0-alpha9", "1.0.0-beta");
      assertOrdered(scheme, "1.0.0-1", "1.0.0-2", "1.0.0-10", "1.0.0-10a", "1.0.0-9a");
    }
    assertInvalid("semver", "01.0.0", "1.0", "1.0.0-", "1.0.0-01", "v1.0.0", "1.0.0.0", "1.0.0-alpha..1");
    assertOrdered("semver", "99999999999999999999.0.0", "100000000000000000000.0.0");
    assertInvalid("cargo", "v1.0.0", "1.0.0.0", "1.0-beta");
    assertSame("cargo", "0.1", "0.1.0");
    assertSame("npm", "1", "1.0.0", "v1.0");
    assertSame("npm", "1.2.3", "v1.2.3", "=1.2.3");
    assertSame("golang", "v1.2", "1.2.0", "v1.2.0", "1.2");
    assertSame("golang", "v2.0.0+incompatible", "2.0.0");
    assertOrdered(
        "golang", "v0.0.0-20191109021931-daa7c04131f5", "v0.0.0-20200101000000-000000000000", "v0.0.1",
        "v1.22.0-0", "v1.22.0");
  }

  @Test
  void debianOrdersAsPolicy() {
    assertOrdered("deb", "~~", "~~a", "~", "0", "a");
    assertOrdered("deb", "1.0~rc1", "1.0", "1.0-1", "1.0a", "1.0+b1", "1.0.1", "1.2.10", "1:0.1");
    assertOrdered("deb", "2.3", "2.30", "10.0");
    assertOrdered("deb", "1.0-1~bpo1", "1.0-1", "1.0-1+deb12u1", "1.0-2");
    assertSame("deb", "1.0", "1.0-0", "0:1.0", "00:1.0");
    assertInvalid("deb", "1.0-", ":1.0", "a:1.0", "1.0 1", "1:", "1.0_1", "1.0-1:2");
  }

  @Test
  void rpmOrdersAsRpmvercmp() {
    assertOrdered("rpm", "1.0~rc1~git123", "1.0~rc1", "1.0~rc2", "1.0", "1.0^", "1.0^git1", "1.0.1");
    assertOrdered("rpm", "5.5p1", "5.5p2", "5.5p10");
    assertOrdered("rpm", "10xyz", "10.1xyz");
    assertOrdered("rpm", "xyz.4", "8");
    assertOrdered("rpm", "2.0", "2.0.1", "2.0.1a");
    assertOrdered("rpm", "1.0", "1.0-1", "1.0-2", "1.0-10", "2.0", "1:1.0");
    assertSame("rpm", "1.0", "0:1.0", "1_0");
    assertInvalid("rpm", "1.0-", "", "1.0 1", "a:1.0");
  }

  @Test
  void gemOrdersAsGemVersion() {
    assertOrdered("gem", "1.0.a", "1.0.b", "1.0.b1", "1.0.b2", "1.0", "1.0.1", "1.9.3", "1.10");
    assertOrdered("gem", "2.0.a", "2.0.0.b", "2.0");
    assertSame("gem", "1.0", "1.0.0", "1");
    assertSame("gem", "1.0-rc1", "1.0.pre.rc1");
    assertInvalid("gem", "", "a.b", "1..2", "1.0-", "1.0 2");
  }

  @Test
  void nugetOrdersAsNuGetVersioning() {
    assertOrdered(
        "nuget", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
        "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.0.1", "1.0.1");
    assertSame("nuget", "1.0.0-RC.1", "1.0.0-rc.1", "1.0-rc.1+build");
    assertInvalid("nuget", "1.0.0.0.0", "a", "1.0.0-", "1.0.0-beta..1", "2147483648.0", "1.0.0-beta_1");
  }

  @Test
  void composerOrdersAsComposer() {
    assertOrdered(
        "composer", "dev-master", "1.0.0-dev", "1.0.0-alpha1", "1.0.0-beta1", "1.0.0-beta2", "1.0.0-RC1",
        "1.0.0", "1.0.0-patch1", "1.0.1", "1.x-dev", "2.0");
    assertSame("composer", "1.0.0", "1.0", "v1.0.0", "1.0.0.0", "1.0.0+build");
    assertSame("composer", "1.0.0-b1", "1.0.0-beta1", "1.0.0-beta.1", "1.0.0b1");
    assertSame("composer", "1.0.0-p1", "1.0.0-pl1", "1.0.0-patch1");
    assertOrdered("composer", "dev-a", "dev-b");
    assertInvalid("composer", "foo bar", "not a version");
    assertThat(ComposerScheme.normalize("1.0.x-dev")).isEqualTo("1.0.9999999.9999999-dev");
    assertThat(ComposerScheme.normalize("v2.1-RC2")).isEqualTo("2.1.0.0-RC2");
    assertThat(ComposerScheme.normalize("2010-01-02")).isEqualTo("2010.01.02");
  }

  @Test
  void apkOrdersSuffixesAndRevisions() {
    assertOrdered(
        "apk", "1.0_alpha", "1.0_beta", "1.0_pre", "1.0_rc", "1.0", "1.0-r1", "1.0_cvs", "1.0_svn", "1.0_git",
        "1.0_hg", "1.0_p1", "1.0a", "1.0.1");
    assertInvalid("apk", "1.0-1", "a1.0", "1.0_foo", "1.0a1", "1.0-r", "1.0~", "1.0A");
  }

  @Test
  void genericOrdersNaturally() {
    assertOrdered("generic", "1.0~rc1", "1.0", "1.0a", "1.0.1", "1.9", "1.10", "2024-01-02", "2024-01-10");
    assertInvalid("generic", "", "1.0 beta");
  }

  @Test
  void numericSchemes() {
    assertOrdered("nginx", "0.7.52", "0.8.39", "1.4.1", "1.10.0");
    assertSame("nginx", "1.2", "1.2.0");
    assertInvalid("nginx", "1.2a", "1..2", "v1");
    assertSame("intdot", "10.234.5.12", "10.234.5.12-final", "010.234.5.12");
  }

  @Test
  void versionsOfDifferentSchemesDoNotCompare() {
    Version npm = VersionScheme.forName("npm").parse("1.0.0");
    Version cargo = VersionScheme.forName("cargo").parse("1.0.0");
    assertThatThrownBy(() -> npm.compareTo(cargo)).isInstanceOf(IllegalArgumentException.class);
    assertThat(npm).isNotEqualTo(cargo);
    assertThat(npm).isEqualTo(VersionScheme.forName("npm").parse(" 1.0.0 "));
    assertThat(npm.text()).isEqualTo("1.0.0");
  }

  @Test
  void unknownSchemeListsTheKnownOnes() {
    assertThatThrownBy(() -> VersionScheme.forName("cobol"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("cobol")
        .hasMessageContaining("pypi");
    assertThat(VersionScheme.names()).contains("maven", "npm", "pypi", "deb", "apk", "rpm", "alpm", "gentoo");
  }
}
