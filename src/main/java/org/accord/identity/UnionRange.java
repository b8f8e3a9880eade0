package org.accord.identity;

import java.util.ArrayList;
import java.util.List;

/**
 * The union of ranges of one scheme: a version is in it when any member contains it. Several OSV ranges
 * of one package combine this way. Its vers form is the canonical interval list of the union (see
 * {@link Regions}). Immutable and thread-safe.
 */
final class UnionRange extends AbstractRange {
  private final VersionScheme scheme;
  private final AbstractRange[] members;

  private UnionRange(VersionScheme scheme, AbstractRange[] members) {
    this.scheme = scheme;
    this.members = members;
  }

  static VersionRange of(List<VersionRange> ranges) {
    VersionScheme scheme = null;
    List<AbstractRange> members = new ArrayList<>();
    for (VersionRange range : ranges) {
      AbstractRange member = (AbstractRange) range;
      if (member == FixedRange.ALL) {
        return FixedRange.ALL;
      }
      if (member == FixedRange.NONE) {
        continue;
      }
      VersionScheme memberScheme = member.schemeOrNull();
      if (scheme != null && memberScheme != scheme) {
        throw new IllegalArgumentException(
            "cannot unite ranges of schemes " + scheme.name() + " and " + memberScheme.name());
      }
      scheme = memberScheme;
      if (member instanceof UnionRange union) {
        members.addAll(List.of(union.members));
      } else {
        members.add(member);
      }
    }
    if (members.isEmpty()) {
      return FixedRange.NONE;
    }
    if (members.size() == 1) {
      return members.get(0);
    }
    return new UnionRange(scheme, members.toArray(new AbstractRange[0]));
  }

  List<AbstractRange> members() {
    return List.of(members);
  }

  @Override
  VersionScheme schemeOrNull() {
    return scheme;
  }

  @Override
  boolean matches(Probe probe) {
    for (AbstractRange member : members) {
      if (member.matches(probe)) {
        return true;
      }
    }
    return false;
  }

  @Override
  void collectBoundaries(List<Version> out) {
    for (AbstractRange member : members) {
      member.collectBoundaries(out);
    }
  }

  @Override
  public String toVers() {
    return Regions.render(scheme, List.of(members));
  }
}
