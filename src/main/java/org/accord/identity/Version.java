package org.accord.identity;

/**
 * A version parsed by a {@link VersionScheme}, ready for cheap comparison: all parsing happens once, in
 * {@link VersionScheme#parse}, so {@link #compareTo} only walks pre-computed parts.
 *
 * <p>Ordering is the scheme's own (Maven's, PEP 440's, dpkg's...). Like {@link java.math.BigDecimal},
 * ordering is inconsistent with {@link #equals}: {@code compareTo} may return 0 for different texts that
 * the scheme treats as the same version (Maven {@code 1.0} and {@code 1.0.0}), while {@code equals} and
 * {@code hashCode} compare the scheme name and the exact text.
 *
 * <p>Implementations are immutable and thread-safe; nothing is null.
 */
public interface Version extends Comparable<Version> {

  /** The version as it was written (surrounding whitespace removed). */
  String text();

  /** The scheme that parsed this version and defines its order. */
  VersionScheme scheme();

  /**
   * Compares by the scheme's order.
   *
   * @throws IllegalArgumentException if {@code other} was parsed by another scheme
   */
  @Override
  int compareTo(Version other);
}
