package org.accord.accountability.history;

/**
 * The ledger events of a history import, a closed set, staged with the rows they attest (ADR 0156).
 * Both are public: a track record is only worth what anyone can recompute from it.
 */
public enum HistoryEvent {
  /** One per file: its name, SHA-256, the importing organization, the row count and the rows' hash. */
  IMPORTED("history.imported"),
  /** One per row: a closed historical case with its stated dates, flagged {@code imported: true}. */
  CASE_IMPORTED("history.case_imported");

  private final String type;

  HistoryEvent(String type) {
    this.type = type;
  }

  /** The event type in the log. */
  public String type() {
    return type;
  }

  /** The log subject of one import's events, so that they form one hash chain: {@code history:SHA256}. */
  public static String subject(String sha256) {
    return "history:" + sha256;
  }
}
