package org.accord.exposure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.accord.InvalidInputException;
import org.accord.identity.Version;
import org.accord.identity.VersionRange;

/**
 * One range checked against every version of one package: the inner loop of advisory matching.
 *
 * <p>How and why. Matching an advisory is "which versions of this package does this range contain",
 * asked once per affected package. The SQL way (Dependency-Track's) fetches the package's versions by
 * package name and parses each version string before comparing it, per advisory [1]; parsing dominates.
 * Here the package's version nodes are already grouped (the graph keeps a version list per package,
 * sorted by the ecosystem's order), and their parsed {@link Version}s are cached beside the sorted list
 * the first time any range asks, so a check is {@link VersionRange#contains(Version)} on a pre-parsed
 * version: for an OSV event range, a walk over its few sorted events from the end, each step one
 * comparison of pre-split version parts [2]. The cache is dropped when the package gains a version and
 * rebuilt on the next scan, so an ingest costs nothing until a match needs it.
 *
 * <p>Every version is checked rather than binary-searching the sorted list for the range's bounds:
 * ranges built from OSV events, explicit version lists and unions are not one interval, and a version
 * the scheme cannot parse has no place in the order. The checks are cheap enough (millions per second
 * on one core, see {@code accord bench match}) that the linear scan keeps the code obviously equal to
 * the per-version OSV algorithm, which the correctness test compares it with.
 *
 * <p>[1] DependencyTrack/dependency-track, {@code InternalAnalysisTask}: components by PURL, then
 * {@code ComponentVersion} comparison per vulnerable software range.
 * <br>[2] OSV schema, "Evaluation" (https://ossf.github.io/osv-schema/#evaluation).
 */
final class RangeScan {
  private RangeScan() {}

  /** Checks every version; the caller holds the graph's read lock. */
  static RangeHits scan(VersionRange range, int[] nodes, Version[] versions, long[] componentIds, String[] purls) {
    long[] matched = new long[Math.min(nodes.length, 16)];
    List<String> matchedPurls = new ArrayList<>();
    int count = 0;
    for (int i = 0; i < nodes.length; i++) {
      Version version = versions[i];
      if (version == null || !contains(range, version)) {
        continue;
      }
      if (count == matched.length) {
        matched = Arrays.copyOf(matched, Math.max(4, count * 2));
      }
      matched[count++] = componentIds[nodes[i]];
      matchedPurls.add(purls[nodes[i]]);
    }
    return new RangeHits(nodes.length, Arrays.copyOf(matched, count), matchedPurls);
  }

  /** Checks every version, passing matched component ids to {@code matched}; returns the checks made. */
  static int scan(VersionRange range, int[] nodes, Version[] versions, long[] componentIds, java.util.function.LongConsumer matched) {
    for (int i = 0; i < nodes.length; i++) {
      Version version = versions[i];
      if (version != null && contains(range, version)) {
        matched.accept(componentIds[nodes[i]]);
      }
    }
    return nodes.length;
  }

  private static boolean contains(VersionRange range, Version version) {
    try {
      return range.contains(version);
    } catch (InvalidInputException otherScheme) {
      return false; // a range of another scheme that cannot read this version does not contain it
    }
  }
}
