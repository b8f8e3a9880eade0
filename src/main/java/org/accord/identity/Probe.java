package org.accord.identity;

/**
 * Where a tested position lies relative to a boundary version: the sign of {@code position - boundary}.
 * A concrete version is a probe ({@code version::compareTo}); so is an open interval between two
 * consecutive boundaries, which lets {@link Regions} evaluate a range between its boundaries without
 * inventing a version there.
 */
@FunctionalInterface
interface Probe {
  int compareTo(Version boundary);
}
