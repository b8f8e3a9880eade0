package org.accord.exposure;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The versions of one package a range contains, as {@link ExposureGraph#versionsIn} found them.
 * Immutable; nothing is null.
 *
 * @param checked how many versions were checked against the range (the package's version count)
 * @param componentIds the store ids of the matched versions, in version order
 * @param purls their canonical PURLs, in the same order
 */
public record RangeHits(int checked, long[] componentIds, List<String> purls) {
  /** No package, nothing checked. */
  public static final RangeHits NONE = new RangeHits(0, new long[0], List.of());

  public RangeHits {
    componentIds = componentIds.clone();
    purls = List.copyOf(purls);
    if (componentIds.length != purls.size()) {
      throw new IllegalArgumentException("one PURL per component id");
    }
  }

  @Override
  public long[] componentIds() {
    return componentIds.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RangeHits that
        && checked == that.checked
        && Arrays.equals(componentIds, that.componentIds)
        && purls.equals(that.purls);
  }

  @Override
  public int hashCode() {
    return Objects.hash(checked, Arrays.hashCode(componentIds), purls);
  }

  @Override
  public String toString() {
    return "RangeHits[checked=" + checked + ", matched=" + purls + "]";
  }
}
