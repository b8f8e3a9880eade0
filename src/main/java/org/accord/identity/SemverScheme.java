package org.accord.identity;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SemVer 2.0.0 versions [1] in four dialects: {@code semver} (strict), {@code cargo} (Cargo's semver
 * crate [2]), {@code npm} (node-semver also accepts a leading {@code v} or {@code =} [3]) and {@code
 * golang} (Go module versions carry a {@code v} that OSV records omit, and Go accepts the shorthands
 * {@code v1} and {@code v1.2} for {@code v1.0.0} and {@code v1.2.0} [4]; a pseudo-version such as {@code
 * v0.0.0-20191109021931-daa7c04131f5} is a pre-release and sorts as one). The cargo and npm dialects
 * accept the same shorthands, because GitHub's advisory data uses them ({@code introduced: "0.1"} for a
 * crate); only the {@code semver} dialect is strict. Hand-written, see
 * ADR 0010: semver4j 6.0.0 compares alphanumeric identifiers by their embedded numbers ({@code alpha9 <
 * alpha10}) and misorders Go pseudo-versions, where SemVer requires ASCII order. Stateless and
 * thread-safe.
 *
 * <p>Syntax: semver.org's reference regular expression (no leading zeros in numbers or numeric
 * identifiers, no empty identifiers). Numbers have no size limit.
 *
 * <p>Precedence is SemVer's section 11: major, minor and patch numerically, a pre-release before its
 * release, pre-release identifiers compared one by one (numeric ones numerically and before alphanumeric
 * ones, which compare in ASCII order; a shorter list first when all shared identifiers are equal).
 * Pre-releases are ordered, never excluded. Build metadata is kept in the text but ignored for
 * precedence, so {@code 1.0.0+a} and {@code 1.0.0+b} compare equal. Parsing classifies every identifier
 * once.
 *
 * <p>[1] https://semver.org/spec/v2.0.0.html [2] https://docs.rs/semver [3]
 * https://github.com/npm/node-semver [4] https://go.dev/ref/mod#versions
 */
final class SemverScheme implements VersionScheme {
  static final SemverScheme SEMVER = new SemverScheme("semver", Dialect.STRICT);
  static final SemverScheme CARGO = new SemverScheme("cargo", Dialect.CARGO);
  static final SemverScheme NPM = new SemverScheme("npm", Dialect.NPM);
  static final SemverScheme GOLANG = new SemverScheme("golang", Dialect.GO);

  /** semver.org's suggested regular expression. */
  private static final Pattern PATTERN =
      Pattern.compile(
          "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
              + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
              + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");

  enum Dialect {
    STRICT,
    NPM,
    CARGO,
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
      case STRICT -> {}
      case NPM -> {
        if (plain.startsWith("=")) {
          plain = plain.substring(1);
        }
        if (plain.startsWith("v")) {
          plain = plain.substring(1);
        }
        plain = expandShorthand(plain);
      }
      case CARGO -> plain = expandShorthand(plain);
      case GO -> {
        if (plain.startsWith("v")) {
          plain = plain.substring(1);
        }
        plain = expandShorthand(plain);
      }
    }
    Matcher m = PATTERN.matcher(plain);
    if (!m.matches()) {
      throw Schemes.invalid(
          this, text, "not a SemVer 2.0 version (MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD], no leading zeros)");
    }
    Object[] pre;
    if (m.group(4) == null) {
      pre = new Object[0];
    } else {
      String[] identifiers = m.group(4).split("\\.");
      pre = new Object[identifiers.length];
      for (int i = 0; i < identifiers.length; i++) {
        pre[i] = Digits.isAllDigits(identifiers[i]) ? new Numeric(identifiers[i]) : identifiers[i];
      }
    }
    return new SemverVersion(version, this, m.group(1), m.group(2), m.group(3), pre);
  }

  /**
   * Reads {@code 1} and {@code 1.2}, with nothing after, as {@code 1.0.0} and {@code 1.2.0}: Go's
   * shorthand, and what GitHub's advisory data writes for npm and crates.io ({@code introduced: 0.1}).
   */
  private static String expandShorthand(String version) {
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

  /** A numeric pre-release identifier (no leading zeros, by the grammar). */
  private record Numeric(String digits) {}

  /** A parsed SemVer version; comparison is SemVer precedence, with build metadata ignored. */
  static final class SemverVersion extends AbstractVersion {
    private final String major;
    private final String minor;
    private final String patch;
    private final Object[] pre;

    SemverVersion(String text, SemverScheme scheme, String major, String minor, String patch, Object[] pre) {
      super(text, scheme);
      this.major = Digits.strip(major);
      this.minor = Digits.strip(minor);
      this.patch = Digits.strip(patch);
      this.pre = pre;
    }

    @Override
    int compareSame(AbstractVersion o) {
      SemverVersion other = (SemverVersion) o;
      int c = Digits.compare(major, other.major);
      if (c == 0) {
        c = Digits.compare(minor, other.minor);
        if (c == 0) {
          c = Digits.compare(patch, other.patch);
        }
      }
      if (c != 0) {
        return c;
      }
      if (pre.length == 0 || other.pre.length == 0) {
        return pre.length == 0 ? (other.pre.length == 0 ? 0 : 1) : -1;
      }
      int shared = Math.min(pre.length, other.pre.length);
      for (int i = 0; i < shared; i++) {
        Object a = pre[i];
        Object b = other.pre[i];
        if (a instanceof Numeric na) {
          c = b instanceof Numeric nb ? Digits.compare(na.digits(), nb.digits()) : -1;
        } else {
          c = b instanceof Numeric ? 1 : Integer.signum(((String) a).compareTo((String) b));
        }
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(pre.length, other.pre.length);
    }
  }
}
