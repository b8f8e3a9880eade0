package org.accord.identity;

import java.util.List;
import org.semver4j.Semver;

/**
 * SemVer 2.0.0 versions [1], parsed by semver4j, in four dialects: {@code semver} (strict), {@code
 * cargo} (strict, as Cargo's semver crate [2]), {@code npm} (node-semver also accepts a leading {@code v}
 * or {@code =} [3]) and {@code golang} (Go module versions carry a {@code v} that OSV records omit, and
 * Go accepts the shorthands {@code v1} and {@code v1.2} for {@code v1.0.0} and {@code v1.2.0} [4]; a
 * pseudo-version such as {@code v0.0.0-20191109021931-daa7c04131f5} is a pre-release and sorts as one).
 * Stateless and thread-safe.
 *
 * <p>Precedence is SemVer's section 11: major, minor and patch numerically, a pre-release before its
 * release, pre-release identifiers compared one by one (numeric ones numerically and before
 * alphanumeric ones, which compare in ASCII order; a shorter list first when all shared identifiers are
 * equal). Pre-releases are ordered, never excluded. Build metadata is kept in the text but ignored for
 * precedence, so {@code 1.0.0+a} and {@code 1.0.0+b} compare equal. semver4j limits major, minor and
 * patch to Java {@code int}; larger numbers are refused as unparsable.
 *
 * <p>[1] https://semver.org/spec/v2.0.0.html [2] https://docs.rs/semver [3]
 * https://github.com/npm/node-semver [4] https://go.dev/ref/mod#versions
 */
final class SemverScheme implements VersionScheme {
  static final SemverScheme SEMVER = new SemverScheme("semver", Dialect.STRICT);
  static final SemverScheme CARGO = new SemverScheme("cargo", Dialect.STRICT);
  static final SemverScheme NPM = new SemverScheme("npm", Dialect.NPM);
  static final SemverScheme GOLANG = new SemverScheme("golang", Dialect.GO);

  enum Dialect {
    STRICT,
    NPM,
    GO
  }

  private final String name;
  private final Dialect dialect;

  private SemverScheme(String name, Dialect dialect) {
    this.name = name;
    this.dialect = dialect;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Version parse(String text) {
    String version = Schemes.prepare(this, text);
    String plain = version;
    switch (dialect) {
      case STRICT -> {
        if (plain.startsWith("v") || plain.startsWith("V")) {
          throw Schemes.invalid(this, text, "a leading 'v' is not part of a SemVer version");
        }
      }
      case NPM -> {
        if (plain.startsWith("=")) {
          plain = plain.substring(1);
        }
        if (plain.startsWith("v")) {
          plain = plain.substring(1);
        }
      }
      case GO -> {
        if (plain.startsWith("v")) {
          plain = plain.substring(1);
        }
        plain = expandGoShorthand(plain);
      }
    }
    if (plain.isEmpty() || !Digits.isDigit(plain.charAt(0))) {
      throw Schemes.invalid(this, text, "not a SemVer 2.0 version (MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD])");
    }
    Semver parsed = Semver.parse(plain);
    if (parsed == null) {
      throw Schemes.invalid(
          this, text, "not a SemVer 2.0 version (MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD], numbers up to 2^31-1)");
    }
    return new SemverVersion(version, this, parsed);
  }

  /** Go accepts {@code v1} and {@code v1.2} as {@code v1.0.0} and {@code v1.2.0}, with nothing after. */
  private static String expandGoShorthand(String version) {
    int dots = 0;
    for (int i = 0; i < version.length(); i++) {
      char c = version.charAt(i);
      if (c == '.') {
        dots++;
      } else if (!Digits.isDigit(c)) {
        return version;
      }
    }
    return switch (dots) {
      case 0 -> version + ".0.0";
      case 1 -> version + ".0";
      default -> version;
    };
  }

  /** A parsed SemVer version; comparison is SemVer precedence, with build metadata ignored. */
  static final class SemverVersion extends AbstractVersion {
    private final Semver semver;

    SemverVersion(String text, SemverScheme scheme, Semver semver) {
      super(text, scheme);
      this.semver = semver;
    }

    int major() {
      return semver.getMajor();
    }

    int minor() {
      return semver.getMinor();
    }

    int patch() {
      return semver.getPatch();
    }

    List<String> preRelease() {
      return semver.getPreRelease();
    }

    @Override
    int compareSame(AbstractVersion other) {
      return semver.compareTo(((SemverVersion) other).semver);
    }
  }
}
