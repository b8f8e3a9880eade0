package org.accord.jurisdiction;

/**
 * The moment a {@link Obligation.Notify} deadline counts from. A plan maps each to an instant of the
 * case for the bound party; a clock that has not started yet leaves the obligation without a due time.
 */
public enum ClockStart {
  /**
   * The bound party became aware of what triggered the rule (its Vultron V for a vendor, the time it
   * received the report otherwise).
   */
  AWARENESS,
  /**
   * Exploitation was observed: the case's A event, or the party's awareness if it came later (a party
   * cannot report what it does not know).
   */
  EXPLOITATION_OBSERVED,
  /** A corrective or mitigating measure is available: the bound vendor's Vultron F. */
  CORRECTIVE_MEASURE_AVAILABLE,
  /** The notification of the rule named by {@link Obligation.Notify#after()} was due or sent. */
  AFTER_RULE
}
