package org.accord.accountability.indicators;

import java.util.Locale;

/**
 * The moments of one organization's part in one case that the indicators measure between. The six
 * Vultron case-state events ({@code docs/topics/process_models/cs/events.md}: V, F, D for a vendor, P,
 * X, A for the whole case) and the report-management moments around them.
 */
public enum Milestone {
  /** The case was opened from the report ({@code case.created}). */
  REPORTED,
  /** The organization was brought into the case ({@code case.participant_invited}). */
  NOTIFIED,
  /** The organization acknowledged the case ({@code case.acknowledged}). */
  RESPONDED,
  /** V: the vendor is aware. */
  VENDOR_AWARE,
  /** F: the vendor's fix is ready. */
  FIX_READY,
  /** D: the vendor's fix is deployed. */
  FIX_DEPLOYED,
  /** P: the public is aware. */
  PUBLIC,
  /** X: an exploit is public. */
  EXPLOIT_PUBLIC,
  /** A: attacks are observed. */
  ATTACKS,
  /** The organization's VEX status is public: its first status, once P holds. */
  VEX_PUBLISHED;

  /** The label in JSON, such as {@code fix_ready}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
