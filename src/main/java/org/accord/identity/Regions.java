package org.accord.identity;

import java.util.ArrayList;
import java.util.List;
import org.accord.identity.Constraint.Op;

/**
 * Renders ranges as their canonical vers interval list. Stateless.
 *
 * <p>How: the boundary versions of all ranges, sorted and without duplicates, cut the version line into
 * {@code 2n+1} regions: the open interval before the first boundary, each boundary, the open interval
 * between two boundaries, and the open interval after the last. A range's membership is constant on each
 * region, so it is evaluated once per region: at a boundary with the boundary version itself, on an
 * open interval with a {@link Probe} that answers "above" for boundaries at or left of the interval and
 * "below" for the others. Runs of member regions then become constraints: {@code >=}/{@code >} where a
 * run starts at or after a boundary, {@code <=}/{@code <} where it ends, a bare version for a run of one
 * boundary, and {@code !=} for a single excluded boundary inside a run. The result is sorted, has each
 * version once and alternates lower and upper bounds, so it satisfies the vers validation rules.
 */
final class Regions {
  private Regions() {}

  static String render(VersionScheme scheme, List<AbstractRange> ranges) {
    List<Version> boundaries = new ArrayList<>();
    for (AbstractRange range : ranges) {
      range.collectBoundaries(boundaries);
    }
    boundaries.sort(null);
    List<Version> distinct = new ArrayList<>();
    for (Version boundary : boundaries) {
      if (distinct.isEmpty() || distinct.get(distinct.size() - 1).compareTo(boundary) != 0) {
        distinct.add(boundary);
      }
    }
    Version[] points = distinct.toArray(new Version[0]);
    int n = points.length;
    boolean[] in = new boolean[2 * n + 1];
    boolean all = true;
    boolean none = true;
    for (int region = 0; region <= 2 * n; region++) {
      Probe probe;
      if (region % 2 == 1) {
        probe = points[region / 2]::compareTo;
      } else {
        int after = region / 2 - 1; // index of the last boundary left of this open interval
        probe = boundary -> indexOf(points, boundary) <= after ? 1 : -1;
      }
      for (AbstractRange range : ranges) {
        if (range.matches(probe)) {
          in[region] = true;
          break;
        }
      }
      all &= in[region];
      none &= !in[region];
    }
    if (none) {
      return FixedRange.NONE.toVers();
    }
    StringBuilder out = new StringBuilder("vers:").append(scheme.name()).append('/');
    if (all) {
      return out.append('*').toString();
    }
    List<Constraint> constraints = new ArrayList<>();
    int region = 0;
    while (region <= 2 * n) {
      if (!in[region]) {
        region++;
        continue;
      }
      int start = region;
      int end = region;
      List<Version> excluded = new ArrayList<>();
      while (true) {
        if (end + 1 <= 2 * n && in[end + 1]) {
          end++;
        } else if (end % 2 == 0 && end + 2 <= 2 * n && !in[end + 1] && in[end + 2]) {
          excluded.add(points[end / 2]);
          end += 2;
        } else {
          break;
        }
      }
      if (start == end && start % 2 == 1) {
        constraints.add(new Constraint(Op.EQ, points[start / 2]));
      } else {
        if (start % 2 == 1) {
          constraints.add(new Constraint(Op.GE, points[start / 2]));
        } else if (start > 0) {
          constraints.add(new Constraint(Op.GT, points[start / 2 - 1]));
        }
        for (Version version : excluded) {
          constraints.add(new Constraint(Op.NE, version));
        }
        if (end % 2 == 1) {
          constraints.add(new Constraint(Op.LE, points[end / 2]));
        } else if (end < 2 * n) {
          constraints.add(new Constraint(Op.LT, points[end / 2]));
        }
      }
      region = end + 1;
    }
    for (int i = 0; i < constraints.size(); i++) {
      if (i > 0) {
        out.append('|');
      }
      out.append(constraints.get(i).render());
    }
    return out.toString();
  }

  private static int indexOf(Version[] points, Version boundary) {
    int low = 0;
    int high = points.length - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int c = points[mid].compareTo(boundary);
      if (c < 0) {
        low = mid + 1;
      } else if (c > 0) {
        high = mid - 1;
      } else {
        return mid;
      }
    }
    throw new IllegalStateException("boundary " + boundary + " is not among the collected boundaries");
  }
}
