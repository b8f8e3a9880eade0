package org.accord.ledger;

/** The two kinds of witness alerts (ADR 0153). */
public enum WitnessAlertKind {
  /** A witness of this log refused a checkpoint the log believes consistent (403, 404, 409 conflict, 422, 400). */
  REFUSED_BY_WITNESS,
  /**
   * A log this instance witnesses presented a checkpoint, signed by its trusted key, that does not extend
   * what was cosigned: a bad consistency proof or another root at the same size, the trace of a split view.
   */
  FORK_PRESENTED;

  /** The stored and served name. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
