package org.accord.disclosure.plan;

import java.util.Locale;

/**
 * What a wave of a notification plan is for. The order of the constants is the order of the
 * "coordinated" strategy's waves (issue 11, item 2).
 */
public enum WaveKind {
  /** The maintainers who can fix the component, and the coordinator: told first. */
  COORDINATION,
  /** Vendors whose products include an affected package directly. */
  DIRECT_VENDORS,
  /** Every other affected vendor, once a fix is ready. */
  ALL_VENDORS,
  /** Operators of essential deployments, and the CERTs and authorities of their countries. */
  OPERATORS,
  /** Publication: everyone else learns of it from the published advisory. */
  PUBLICATION,
  /** Everyone at once ("immediate" strategy). */
  EVERYONE;

  /** The lower-case label shown in the API and on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
