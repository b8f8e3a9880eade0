package org.accord.accountability.commitment;

/**
 * The ledger events of commitments, a closed set; each is staged with the change it attests (ADR 0140).
 * Immutable and thread-safe.
 */
public enum CommitmentEvent {
  /** Version 1 of a commitment was published. */
  PUBLISHED("commitment.published"),
  /** A new version superseded the current one; the old one stays readable. */
  SUPERSEDED("commitment.superseded"),
  /** An organization's admin joined a version of an arrangement. */
  JOINED("commitment.joined");

  private final String type;

  CommitmentEvent(String type) {
    this.type = type;
  }

  /** The event type in the log, such as {@code commitment.published}. */
  public String type() {
    return type;
  }

  /** The log subject of a commitment's events, so that its versions form one hash chain: {@code commitment:ID}. */
  public static String subject(String commitmentId) {
    return "commitment:" + commitmentId;
  }
}
