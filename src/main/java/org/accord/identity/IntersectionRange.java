package org.accord.identity;

import java.util.List;

/**
 * The intersection of ranges of one scheme: a version is in it when every member contains it. A
 * comparator set such as npm's {@code >=1.2 <2} or PyPI's {@code >=2.0,<2.3.4} is the intersection of
 * its comparators. Its vers form is the canonical interval list (see {@link Regions}). Immutable and
 * thread-safe.
 */
final class IntersectionRange extends AbstractRange {
  private final VersionScheme scheme;
  private final AbstractRange[] members;

  private IntersectionRange(VersionScheme scheme, AbstractRange[] members) {
    this.scheme = scheme;
    this.members = members;
  }

  /**
   * The intersection; one member is returned as is.
   *
   * @throws IllegalArgumentException if there are no members or they have different schemes
   */
  static AbstractRange of(VersionScheme scheme, List<AbstractRange> members) {
    if (members.isEmpty()) {
      throw new IllegalArgumentException("an intersection needs at least one range");
    }
    for (AbstractRange member : members) {
      if (member.schemeOrNull() != null && member.schemeOrNull() != scheme) {
        throw new IllegalArgumentException(
            "cannot intersect ranges of schemes " + scheme.name() + " and " + member.schemeOrNull().name());
      }
    }
    return members.size() == 1 ? members.get(0) : new IntersectionRange(scheme, members.toArray(new AbstractRange[0]));
  }

  @Override
  VersionScheme schemeOrNull() {
    return scheme;
  }

  @Override
  boolean matches(Probe probe) {
    for (AbstractRange member : members) {
      if (!member.matches(probe)) {
        return false;
      }
    }
    return true;
  }

  @Override
  void collectBoundaries(List<Version> out) {
    for (AbstractRange member : members) {
      member.collectBoundaries(out);
    }
  }

  @Override
  public String toVers() {
    return Regions.render(scheme, List.of(this));
  }
}
