package org.accord.accountability.indicators;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One organization's milestones in one case, as epoch milliseconds: the first time each was recorded,
 * the case-wide P, X and A included. Immutable and thread-safe.
 */
public final class Timeline {
  /** The time of a milestone that was not recorded. */
  public static final long NONE = Long.MIN_VALUE;

  private final String caseId;
  private final String organization;
  private final boolean vendor;
  private final long[] times;

  Timeline(String caseId, String organization, boolean vendor, long[] times) {
    this.caseId = Objects.requireNonNull(caseId, "caseId");
    this.organization = Objects.requireNonNull(organization, "organization");
    this.vendor = vendor;
    if (times.length != Milestone.values().length) {
      throw new IllegalArgumentException("one time per milestone");
    }
    this.times = times.clone();
  }

  /** The case, such as {@code ACC-2026-0001}. */
  public String caseId() {
    return caseId;
  }

  /** The organization, as the case's events name it. */
  public String organization() {
    return organization;
  }

  /** Whether the organization is a vendor of the case: the Vultron orderings are judged on vendors only. */
  public boolean vendor() {
    return vendor;
  }

  /** The milestone's time in epoch ms, or {@link #NONE}. */
  public long at(Milestone milestone) {
    return times[milestone.ordinal()];
  }

  /** The milestone's time, if recorded. */
  public Optional<Instant> time(Milestone milestone) {
    long at = at(milestone);
    return at == NONE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(at));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Timeline that && caseId.equals(that.caseId) && organization.equals(that.organization)
        && vendor == that.vendor && Arrays.equals(times, that.times);
  }

  @Override
  public int hashCode() {
    return Objects.hash(caseId, organization, vendor, Arrays.hashCode(times));
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(caseId).append('/').append(organization).append(vendor ? " (vendor)" : "").append(':');
    for (Milestone m : Milestone.values()) {
      time(m).ifPresent(t -> out.append(' ').append(m.label()).append('=').append(t));
    }
    return out.toString();
  }
}
