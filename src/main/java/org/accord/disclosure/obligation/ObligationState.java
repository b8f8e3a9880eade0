package org.accord.disclosure.obligation;

import java.util.Locale;

/**
 * Where a participant's obligation stands (ADR 0138). A closed set; {@link Progress#state} decides it.
 */
public enum ObligationState {
  /** The clock that starts it has not started (the party was not told yet, no fix is ready), or the law states no term. */
  WAITING,
  /** Due at a known time that has not passed, and not recorded as done. */
  OPEN,
  /** Recorded as done by its due time (or it has none). */
  MET,
  /** Recorded as done after its due time, or after it was marked missed: kept as late, never turned into met. */
  LATE,
  /** Its due time passed and nothing was recorded. */
  MISSED,
  /** A fact it assumes was declared false for the case (ADR 0152): it does not bind, and is never marked missed. */
  NOT_APPLICABLE;

  /** The state as the API and the command line write it: {@code open}, {@code missed}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
