package org.accord.advisory;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CSAF document version ({@code version_t}, CSAF 2.0 §3.1.11): either integer versioning ({@code
 * 3}) or semantic versioning ({@code 1.4.0-rc.1+build.7}).
 *
 * <p>Ordering follows SemVer 2.0.0 §11 precedence [1]: major, minor and patch numerically, a version
 * with a pre-release below the same version without one, pre-release identifiers compared
 * left to right (numeric ones numerically and below alphanumeric ones, which compare in ASCII order,
 * and a shorter list below a longer one it prefixes). Build metadata is ignored. An integer version
 * {@code n} orders as {@code n.0.0}, so that documents that mix the two schemes (which §6.1.30 reports)
 * still sort sensibly. Numbers are unbounded.
 *
 * <p>[1] Semantic Versioning 2.0.0, https://semver.org/spec/v2.0.0.html, §9 to §11; the regular
 * expression is the one the spec recommends, as used by the CSAF schema.
 *
 * @param text the version as written
 * @param integer whether this is integer versioning
 * @param major the integer version, or the SemVer major
 * @param minor zero for integer versioning
 * @param patch zero for integer versioning
 * @param preRelease the dot-separated pre-release identifiers; empty when none
 * @param build the build metadata; empty when none
 */
record VersionNumber(
    String text,
    boolean integer,
    BigInteger major,
    BigInteger minor,
    BigInteger patch,
    List<String> preRelease,
    String build)
    implements Comparable<VersionNumber> {

  private static final Pattern INTEGER = Pattern.compile("0|[1-9][0-9]*");
  private static final Pattern SEMVER =
      Pattern.compile(
          "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
              + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
              + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");
  private static final Pattern NUMERIC = Pattern.compile("[0-9]+");

  VersionNumber {
    Objects.requireNonNull(text, "text");
    preRelease = List.copyOf(preRelease);
  }

  /** Parses a version, or returns null when the text is neither integer nor semantic versioning. */
  static VersionNumber parse(String text) {
    if (text == null) {
      return null;
    }
    if (INTEGER.matcher(text).matches()) {
      return new VersionNumber(text, true, new BigInteger(text), BigInteger.ZERO, BigInteger.ZERO, List.of(), "");
    }
    Matcher semver = SEMVER.matcher(text);
    if (!semver.matches()) {
      return null;
    }
    List<String> preRelease = semver.group(4) == null ? List.of() : List.of(semver.group(4).split("\\."));
    return new VersionNumber(
        text,
        false,
        new BigInteger(semver.group(1)),
        new BigInteger(semver.group(2)),
        new BigInteger(semver.group(3)),
        preRelease,
        semver.group(5) == null ? "" : semver.group(5));
  }

  boolean hasPreRelease() {
    return !preRelease.isEmpty();
  }

  /** Whether this is {@code 0} or {@code 0.y.z}, a version before the initial release. */
  boolean isZero() {
    return major.signum() == 0;
  }

  /**
   * The version without build metadata and, when {@code dropPreRelease}, without the pre-release part:
   * the form §6.1.16 compares.
   */
  String core(boolean dropPreRelease) {
    if (integer) {
      return text;
    }
    String core = major + "." + minor + "." + patch;
    return dropPreRelease || preRelease.isEmpty() ? core : core + "-" + String.join(".", preRelease);
  }

  @Override
  public int compareTo(VersionNumber other) {
    int order = major.compareTo(other.major);
    if (order == 0) {
      order = minor.compareTo(other.minor);
    }
    if (order == 0) {
      order = patch.compareTo(other.patch);
    }
    if (order != 0) {
      return order;
    }
    if (preRelease.isEmpty() || other.preRelease.isEmpty()) {
      return Boolean.compare(preRelease.isEmpty(), other.preRelease.isEmpty());
    }
    for (int index = 0; index < Math.min(preRelease.size(), other.preRelease.size()); index++) {
      order = compareIdentifier(preRelease.get(index), other.preRelease.get(index));
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(preRelease.size(), other.preRelease.size());
  }

  private static int compareIdentifier(String left, String right) {
    boolean leftNumeric = NUMERIC.matcher(left).matches();
    boolean rightNumeric = NUMERIC.matcher(right).matches();
    if (leftNumeric && rightNumeric) {
      return new BigInteger(left).compareTo(new BigInteger(right));
    }
    if (leftNumeric != rightNumeric) {
      return leftNumeric ? -1 : 1;
    }
    return left.compareTo(right);
  }

  @Override
  public String toString() {
    return text;
  }
}
