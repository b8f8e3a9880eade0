package org.accord.identity;

import java.util.ArrayList;
import java.util.List;
import org.accord.identity.Constraint.Op;
import org.accord.identity.NativeRanges.Partial;

/**
 * One npm comparator as node-semver reads it [1], for ranges people type (see {@link RangeNotation}).
 * Stateless.
 *
 * <p>How: node-semver turns every comparator into at most two plain bounds before it compares
 * anything ({@code replaceCaret}, {@code replaceTilde}, {@code replaceXRange}, {@code replaceHyphen} in
 * {@code classes/range.js}); this class ports those four rewrites. A missing part is a wildcard, so
 * {@code 1.2} is {@code 1.2.x} ({@code >=1.2.0 <1.3.0-0}), {@code >1.2} is {@code >=1.3.0}, {@code <=1.2}
 * is {@code <1.3.0-0}, and an operator before an X-range applies to its edge ({@code >=2.2.x} is
 * {@code >=2.2.0}). Upper bounds made from a wildcard end in {@code -0}, so they exclude the next
 * version's pre-releases, as node-semver's do.
 *
 * <p>Why not {@link NativeRanges}: that class follows the vers npm type definition and the vers test
 * suite, which read partial versions and operators before X-ranges differently ({@code 2.1} is {@code
 * 2.1.0}, {@code >= 2.2.x} is {@code >=2.2.0|<2.3.0}); a person typing a range means what npm means.
 *
 * <p>One deliberate approximation, shared with {@link NativeRanges}: node-semver also excludes every
 * pre-release unless a comparator of the same set names a pre-release of the same major.minor.patch;
 * ranges here contain pre-releases that lie inside their bounds.
 *
 * <p>[1] https://github.com/npm/node-semver, {@code classes/range.js} and README "Advanced Range Syntax"
 */
final class NpmComparators {
  private static final VersionScheme NPM = SemverScheme.NPM;

  private NpmComparators() {}

  /**
   * The range of one comparator.
   *
   * @param op one of {@code "" = < <= > >= ~ ~> ^}
   * @param version the version as typed, possibly partial or with {@code x}, {@code X} or {@code *}
   * @throws InvalidInputException if the version is not a (partial) SemVer version
   */
  static AbstractRange comparator(String op, String version) {
    Partial partial = Partial.parse(version);
    return switch (op) {
      case "^" -> caret(partial);
      case "~", "~>" -> tilde(partial);
      default -> xRange(op, partial);
    };
  }

  /**
   * The range {@code from - to}: inclusive, a partial lower end padded with zeros, a partial upper end
   * meaning "below the next release of the given parts".
   */
  static AbstractRange hyphen(String from, String to) {
    Partial low = Partial.parse(from);
    Partial high = Partial.parse(to);
    List<Constraint> bounds = new ArrayList<>();
    if (low.given() > 0) {
      bounds.add(constraint(Op.GE, low.low()));
    }
    if (high.given() == 3) {
      bounds.add(constraint(Op.LE, high.low()));
    } else if (high.given() > 0) {
      bounds.add(constraint(Op.LT, high.xUpper() + "-0"));
    }
    return range(bounds);
  }

  /** {@code ^}: the left-most non-zero part may not change. */
  private static AbstractRange caret(Partial v) {
    int given = v.given();
    if (given == 0) {
      return ConstraintRange.star(NPM);
    }
    String major = v.number(v.major());
    String minor = v.number(v.minor());
    int bump;
    if (given == 1 || !major.equals("0")) {
      bump = 0;
    } else if (given == 2 || !minor.equals("0")) {
      bump = 1;
    } else {
      bump = 2;
    }
    return bounded(v.low(), v.bump(bump));
  }

  /** {@code ~}: patch changes if a minor is given, else minor changes. */
  private static AbstractRange tilde(Partial v) {
    int given = v.given();
    if (given == 0) {
      return ConstraintRange.star(NPM);
    }
    return bounded(v.low(), v.bump(given == 1 ? 0 : 1));
  }

  /** Plain comparators and X-ranges ({@code replaceXRange}). */
  private static AbstractRange xRange(String op, Partial v) {
    int given = v.given();
    String gtlt = op.equals("=") ? "" : op;
    if (given == 0) {
      // *, x, or an operator before a wildcard major: ">*" and "<*" match nothing.
      return gtlt.equals(">") || gtlt.equals("<")
          ? range(List.of(constraint(Op.LT, "0.0.0-0")))
          : ConstraintRange.star(NPM);
    }
    if (given == 3) {
      Op exact = switch (gtlt) {
        case "" -> Op.EQ;
        case "<" -> Op.LT;
        case "<=" -> Op.LE;
        case ">" -> Op.GT;
        default -> Op.GE;
      };
      return range(List.of(constraint(exact, v.low())));
    }
    // A partial version: the missing parts are wildcards.
    return switch (gtlt) {
      case "" -> bounded(v.low(), v.xUpper());
      case ">=" -> range(List.of(constraint(Op.GE, v.low())));
      case ">" -> range(List.of(constraint(Op.GE, v.xUpper())));
      case "<" -> range(List.of(constraint(Op.LT, v.low() + "-0")));
      default -> range(List.of(constraint(Op.LT, v.xUpper() + "-0"))); // <=
    };
  }

  private static AbstractRange bounded(String low, String exclusiveHigh) {
    return range(List.of(constraint(Op.GE, low), constraint(Op.LT, exclusiveHigh + "-0")));
  }

  private static Constraint constraint(Op op, String version) {
    return new Constraint(op, NPM.parse(version));
  }

  private static AbstractRange range(List<Constraint> constraints) {
    return ConstraintRange.sorted(NPM, constraints);
  }
}
