package org.accord.identity;

import java.util.List;
import java.util.Optional;

/**
 * Base of every range: membership is decided by {@link #matches(Probe)}, which the ranges implement
 * once for concrete versions and for the open intervals between their boundaries. Immutable.
 */
abstract sealed class AbstractRange implements VersionRange
    permits ConstraintRange, OsvRange, UnionRange, IntersectionRange, FixedRange {

  /** The scheme, or null for the scheme-less ranges. */
  abstract VersionScheme schemeOrNull();

  /** Whether the probed position is in the range. */
  abstract boolean matches(Probe probe);

  /** Adds every version this range mentions (its boundaries) to {@code out}. */
  abstract void collectBoundaries(List<Version> out);

  @Override
  public final Optional<VersionScheme> scheme() {
    return Optional.ofNullable(schemeOrNull());
  }

  @Override
  public boolean contains(Version version) {
    VersionScheme scheme = schemeOrNull();
    Version own = scheme == null || version.scheme() == scheme ? version : scheme.parse(version.text());
    return matches(own::compareTo);
  }

  @Override
  public final String toString() {
    return toVers();
  }
}
