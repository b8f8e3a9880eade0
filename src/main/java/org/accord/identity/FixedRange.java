package org.accord.identity;

import java.util.List;

/** The scheme-less ranges: every version ({@code vers:all/*}) and none ({@code vers:none/*}). */
final class FixedRange extends AbstractRange {
  static final FixedRange ALL = new FixedRange(true);
  static final FixedRange NONE = new FixedRange(false);

  private final boolean everything;

  private FixedRange(boolean everything) {
    this.everything = everything;
  }

  @Override
  VersionScheme schemeOrNull() {
    return null;
  }

  @Override
  boolean matches(Probe probe) {
    return everything;
  }

  @Override
  public boolean contains(Version version) {
    return everything;
  }

  @Override
  public boolean contains(String version) {
    return everything;
  }

  @Override
  void collectBoundaries(List<Version> out) {}

  @Override
  public String toVers() {
    return everything ? "vers:all/*" : "vers:none/*";
  }
}
