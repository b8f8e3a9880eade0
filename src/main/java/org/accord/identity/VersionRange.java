package org.accord.identity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.accord.InvalidInputException;

/**
 * A set of versions of one scheme: the versions an advisory affects, or a {@code vers:} range. Ranges are
 * built once, with every version parsed up front, so {@link #contains} only compares pre-parsed
 * versions (a few comparisons per call).
 *
 * <p>Sources: OSV {@code events} ({@link #fromOsvEvents}), evaluated exactly as the OSV schema's
 * evaluation algorithm says; {@code vers:} strings ({@link #parseVers}, strict, and {@link
 * #parseVersLenient}); native ecosystem notations ({@link #fromNative}); explicit version lists ({@link
 * #exactly}); unions of these ({@link #union}); and {@link #all()} / {@link #none()}. {@link #toVers()}
 * renders any range as a {@code vers:} string: ranges parsed from vers or native text keep their
 * constraints, others are rendered as the canonical interval list.
 *
 * <p>Implementations are immutable and thread-safe; no method accepts or returns null.
 */
public sealed interface VersionRange permits AbstractRange {

  /**
   * Whether the version is in this range. A version of another scheme is re-read, by its text, in this
   * range's scheme.
   *
   * @throws InvalidInputException if the version must be re-read and is not valid in this range's scheme
   */
  boolean contains(Version version);

  /**
   * Whether the version, parsed in this range's scheme, is in this range.
   *
   * @throws InvalidInputException if the text is not a version of this range's scheme
   */
  default boolean contains(String version) {
    return contains(scheme().map(s -> s.parse(version)).orElseGet(() -> GenericScheme.INSTANCE.parse(version)));
  }

  /** The scheme the range's versions belong to; empty for {@link #all()} and {@link #none()}. */
  Optional<VersionScheme> scheme();

  /**
   * This range as a {@code vers:} string, such as {@code vers:npm/>=1.0.0|<1.0.2}: the range's own
   * constraints when it was parsed from vers or native text, else its canonical interval list (a
   * version alone for a single version, {@code !=} for a single excluded version, {@code *} for every
   * version, {@code vers:none/*} for none).
   */
  String toVers();

  /**
   * Parses a {@code vers:} string strictly, as the vers specification's parsing and validation rules
   * require [1]: no whitespace, no empty, leading or trailing {@code |}, no {@code =} comparator,
   * canonical percent-encoding, {@code *} alone, versions valid in the scheme, sorted, unique, and in a
   * valid comparator sequence. {@code vers:all/*} and {@code vers:none/*} are the scheme-less ranges.
   *
   * <p>[1] https://github.com/package-url/vers-spec, "How to parse and validate VERS"
   *
   * @throws InvalidInputException naming the problem (and the version, for a version the scheme
   *     refuses)
   */
  static VersionRange parseVers(String vers) {
    return Vers.parse(vers, true);
  }

  /**
   * Parses a {@code vers:} string with the spec's syntax rules but without its validation rules:
   * constraints are sorted instead of refused when out of order, and duplicate versions or odd comparator
   * sequences are kept and evaluated with the spec's containment procedure. Its {@link #toVers()} is the
   * sorted form. Use for third-party data that should be normalised rather than refused.
   *
   * @throws InvalidInputException on a syntax error or a version the scheme refuses
   */
  static VersionRange parseVersLenient(String vers) {
    return Vers.parse(vers, false);
  }

  /**
   * Converts a native range notation to a range, as the vers type definitions describe: npm
   * (node-semver), pypi (PEP 440 specifiers), gem ({@code ~>}), nuget (interval notation), maven (interval
   * notation), composer, golang, cargo, conan, nginx and openssl advisory notations, and {@code deb},
   * {@code rpm} and {@code apk} dependency operators. The constraints keep the native order of their
   * versions (sorted, duplicates kept), as the vers test suite expects.
   *
   * @param scheme the vers type, such as {@code npm}
   * @throws InvalidInputException if the scheme has no native notation here or the text does not parse
   */
  static VersionRange fromNative(String scheme, String nativeRange) {
    return NativeRanges.parse(scheme, nativeRange);
  }

  /**
   * The range one OSV {@code ranges[]} entry describes, for {@code ECOSYSTEM} and {@code SEMVER} ranges
   * alike (SEMVER versions are valid in the SemVer-based ecosystems' schemes). Events are sorted by
   * version (ties keep their order); {@code introduced: "0"} is before every version and a limit with
   * {@code *} is infinity.
   *
   * @throws InvalidInputException if there is no introduced event or a version is not valid in the
   *     ecosystem's scheme; the message names the event and version
   */
  static VersionRange fromOsvEvents(Ecosystem ecosystem, List<OsvEvent> events) {
    return OsvRange.of(ecosystem.scheme(), events);
  }

  /** As {@link #fromOsvEvents(Ecosystem, List)}, with an explicit scheme. */
  static VersionRange fromOsvEvents(VersionScheme scheme, List<OsvEvent> events) {
    return OsvRange.of(scheme, events);
  }

  /**
   * Exactly these versions, as an OSV {@code affected[].versions} list: a version is in the range when
   * the scheme calls it equal to one of them.
   *
   * @throws InvalidInputException if a version is not valid in the scheme
   */
  static VersionRange exactly(VersionScheme scheme, Collection<String> versions) {
    return ConstraintRange.exactly(scheme, versions);
  }

  /**
   * The union of ranges: a version is in it when it is in any of them. Several OSV ranges of one package
   * combine this way. All ranges with a scheme must share it; {@link #all()} and {@link #none()} mix with
   * any.
   *
   * @throws IllegalArgumentException if two ranges have different schemes
   */
  static VersionRange union(List<VersionRange> ranges) {
    return UnionRange.of(ranges);
  }

  /** Every version of every scheme: {@code vers:all/*}. */
  static VersionRange all() {
    return FixedRange.ALL;
  }

  /** No version: {@code vers:none/*}. */
  static VersionRange none() {
    return FixedRange.NONE;
  }
}
