package org.accord.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.accord.identity.Constraint.Op;

/**
 * A range given as vers constraints (from a {@code vers:} string, a native notation or a version list),
 * evaluated with the vers specification's containment procedure [1]. Immutable and thread-safe.
 *
 * <p>Procedure: {@code *} contains everything. A version equal to a constraint version under {@code =},
 * {@code <=} or {@code >=} is in; one equal to a {@code !=} version is out. The remaining {@code <, <=,
 * >, >=} constraints are walked pairwise: a version below a leading {@code <}/{@code <=}, above a
 * trailing {@code >}/{@code >=}, or strictly between a {@code >}/{@code >=} and the following {@code
 * <}/{@code <=} is in; anything else is out. Two clarifications where the procedure is silent: a single
 * range constraint is both the first and the last of its "pairs" ({@code >0.0.2} contains {@code
 * 0.0.3}), and a range with only {@code !=} constraints contains every other version ({@code !=5}).
 *
 * <p>[1] https://github.com/package-url/vers-spec, "Checking if a version is contained within a range"
 */
final class ConstraintRange extends AbstractRange {
  private final VersionScheme scheme;
  private final boolean star;
  private final Constraint[] constraints;
  private final Constraint[] bounds;
  private final boolean onlyExclusions;

  ConstraintRange(VersionScheme scheme, boolean star, List<Constraint> sortedConstraints) {
    this.scheme = scheme;
    this.star = star;
    this.constraints = sortedConstraints.toArray(new Constraint[0]);
    List<Constraint> rangeBounds = new ArrayList<>();
    boolean equalities = false;
    boolean exclusions = false;
    for (Constraint c : constraints) {
      switch (c.op()) {
        case EQ -> equalities = true;
        case NE -> exclusions = true;
        default -> rangeBounds.add(c);
      }
    }
    this.bounds = rangeBounds.toArray(new Constraint[0]);
    this.onlyExclusions = exclusions && !equalities && bounds.length == 0;
  }

  /**
   * A range of constraints in any order: sorted by version, and for equal versions upper bounds first,
   * then equalities and exclusions, then lower bounds (so {@code <2.1.0} closes an interval before
   * {@code >=2.1.0} opens the next); otherwise stable.
   */
  static ConstraintRange sorted(VersionScheme scheme, List<Constraint> constraints) {
    List<Constraint> sorted = new ArrayList<>(constraints);
    sorted.sort(Comparator.comparing(Constraint::version).thenComparingInt(c -> tieRank(c.op())));
    return new ConstraintRange(scheme, false, sorted);
  }

  private static int tieRank(Op op) {
    return op.isUpper() ? 0 : op.isLower() ? 2 : 1;
  }

  static ConstraintRange exactly(VersionScheme scheme, Collection<String> versions) {
    List<Constraint> constraints = new ArrayList<>();
    for (String text : versions) {
      Version version = scheme.parse(text);
      if (constraints.stream().noneMatch(c -> c.version().compareTo(version) == 0)) {
        constraints.add(new Constraint(Op.EQ, version));
      }
    }
    return sorted(scheme, constraints);
  }

  static ConstraintRange star(VersionScheme scheme) {
    return new ConstraintRange(scheme, true, List.of());
  }

  List<Constraint> constraints() {
    return List.of(constraints);
  }

  @Override
  VersionScheme schemeOrNull() {
    return scheme;
  }

  @Override
  boolean matches(Probe probe) {
    if (star) {
      return true;
    }
    for (Constraint c : constraints) {
      if (c.op().includesVersion() && probe.compareTo(c.version()) == 0) {
        return true;
      }
    }
    for (Constraint c : constraints) {
      if (c.op() == Op.NE && probe.compareTo(c.version()) == 0) {
        return false;
      }
    }
    if (onlyExclusions) {
      return true;
    }
    int last = bounds.length - 1;
    if (last == 0) {
      Constraint only = bounds[0];
      int c = probe.compareTo(only.version());
      return only.op().isUpper() ? c < 0 : c > 0;
    }
    for (int i = 0; i < last; i++) {
      Constraint current = bounds[i];
      Constraint next = bounds[i + 1];
      if (i == 0 && current.op().isUpper() && probe.compareTo(current.version()) < 0) {
        return true;
      }
      if (i == last - 1 && next.op().isLower() && probe.compareTo(next.version()) > 0) {
        return true;
      }
      if (current.op().isLower()
          && next.op().isUpper()
          && probe.compareTo(current.version()) > 0
          && probe.compareTo(next.version()) < 0) {
        return true;
      }
    }
    return false;
  }

  @Override
  void collectBoundaries(List<Version> out) {
    for (Constraint c : constraints) {
      out.add(c.version());
    }
  }

  @Override
  public String toVers() {
    StringBuilder out = new StringBuilder("vers:").append(scheme.name()).append('/');
    if (star) {
      return out.append('*').toString();
    }
    for (int i = 0; i < constraints.length; i++) {
      if (i > 0) {
        out.append('|');
      }
      out.append(constraints[i].render());
    }
    return out.toString();
  }
}
