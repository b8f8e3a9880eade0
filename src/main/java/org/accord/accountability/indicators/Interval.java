package org.accord.accountability.indicators;

import java.util.Locale;

/**
 * The intervals the indicators report, each from one milestone to a later one of the same
 * organization's timeline. Only timelines with both milestones count; a negative interval (the later
 * milestone recorded first) is not a duration and is left out.
 */
public enum Interval {
  /** Time to acknowledge: the case opened, to the organization's acknowledgement. */
  REPORT_TO_ACK(Milestone.REPORTED, Milestone.RESPONDED, false),
  /** Time to respond once brought into the case. */
  NOTIFIED_TO_RESPONSE(Milestone.NOTIFIED, Milestone.RESPONDED, false),
  /** Time to a fix ready, for a vendor. */
  REPORT_TO_FIX(Milestone.REPORTED, Milestone.FIX_READY, false),
  /** From the vendor's fix to publication. */
  FIX_TO_PUBLIC(Milestone.FIX_READY, Milestone.PUBLIC, false),
  /** Time to publish: the case's, once per case. */
  REPORT_TO_PUBLIC(Milestone.REPORTED, Milestone.PUBLIC, true),
  /** From publication to the organization's public VEX status. */
  PUBLIC_TO_VEX(Milestone.PUBLIC, Milestone.VEX_PUBLISHED, false);

  private final Milestone from;
  private final Milestone to;
  private final boolean perCase;

  Interval(Milestone from, Milestone to, boolean perCase) {
    this.from = from;
    this.to = to;
    this.perCase = perCase;
  }

  public Milestone from() {
    return from;
  }

  public Milestone to() {
    return to;
  }

  /** Whether the interval is the case's (counted once per case) rather than each organization's. */
  public boolean perCase() {
    return perCase;
  }

  /** The JSON name, such as {@code report_to_public}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
