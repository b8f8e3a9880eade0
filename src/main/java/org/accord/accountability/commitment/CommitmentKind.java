package org.accord.accountability.commitment;

import java.util.Locale;
import org.accord.InvalidInputException;

/**
 * Who a commitment binds (ADR 0140): a {@link #PLEDGE} binds the organization that publishes it; an
 * {@link #ARRANGEMENT}, published by a foundation or sector body, binds each organization that joins
 * it, from when its admin joins. Immutable and thread-safe.
 */
public enum CommitmentKind {
  PLEDGE,
  ARRANGEMENT;

  /** {@code pledge} or {@code arrangement}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The kind {@code text} names, {@link #PLEDGE} when null.
   *
   * @throws InvalidInputException naming {@code location}
   */
  public static CommitmentKind parse(String text, String location) {
    if (text == null) {
      return PLEDGE;
    }
    for (CommitmentKind kind : values()) {
      if (kind.label().equalsIgnoreCase(text.strip())) {
        return kind;
      }
    }
    throw new InvalidInputException("'" + text + "' is not a commitment kind; use pledge or arrangement", location);
  }
}
