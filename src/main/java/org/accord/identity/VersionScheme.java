package org.accord.identity;

import java.util.List;
import org.accord.InvalidInputException;

/**
 * How one ecosystem writes and orders versions: Maven's ComparableVersion, SemVer 2.0 (npm, Cargo, Go),
 * PEP 440, NuGet, RubyGems, dpkg, apk, rpm, Composer and a generic fallback, plus the general and
 * distribution schemes the vers specification names (alpm, gentoo, openssl, conan, nginx, intdot,
 * datetime, lexicographic, semver). Each implementation's class comment cites the spec it follows.
 *
 * <p>{@link #name()} is the scheme's vers type ({@code vers:<name>/...}), which is also the PURL type for
 * package ecosystems. Implementations are stateless singletons and thread-safe.
 */
public interface VersionScheme {

  /** The vers type of this scheme, such as {@code pypi} or {@code deb}. */
  String name();

  /**
   * Parses a version, removing surrounding whitespace.
   *
   * @throws InvalidInputException naming the version and the scheme when the text is not a version of
   *     this scheme
   */
  Version parse(String text);

  /**
   * Compares two version strings: negative, zero or positive as {@code a} sorts before, with or after
   * {@code b}.
   *
   * @throws InvalidInputException if either is not a version of this scheme
   */
  default int compare(String a, String b) {
    return Integer.signum(parse(a).compareTo(parse(b)));
  }

  /**
   * The scheme with this vers type name (case-insensitive), such as {@code maven} or {@code alpm}.
   *
   * @throws InvalidInputException if no scheme has that name; the message lists the known names
   */
  static VersionScheme forName(String name) {
    return Schemes.forName(name);
  }

  /** The names of all schemes, sorted. */
  static List<String> names() {
    return Schemes.names();
  }
}
