package org.accord.accountability.history;

import java.util.Locale;
import org.accord.accountability.indicators.Milestone;

/**
 * The dates a history row may state, one column each, in the order of the file's header. Each maps to
 * the indicator {@link Milestone} it stands for.
 */
public enum Stated {
  /** The report reached the coordinator or the vendor's intake. */
  REPORTED(Milestone.REPORTED),
  /** The vendor was notified: it is aware from then (V). */
  VENDOR_NOTIFIED(Milestone.NOTIFIED),
  /** The vendor's first response. */
  VENDOR_RESPONDED(Milestone.RESPONDED),
  /** F: the fix was ready. */
  FIX_READY(Milestone.FIX_READY),
  /** P: the vulnerability was public. */
  PUBLIC(Milestone.PUBLIC),
  /** X: an exploit was public. */
  EXPLOIT_PUBLIC(Milestone.EXPLOIT_PUBLIC),
  /** A: attacks were observed. */
  ATTACKS_OBSERVED(Milestone.ATTACKS);

  private final Milestone milestone;

  Stated(Milestone milestone) {
    this.milestone = milestone;
  }

  /** The milestone the date stands for. */
  public Milestone milestone() {
    return milestone;
  }

  /** The column and JSON member, such as {@code fix_ready}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
