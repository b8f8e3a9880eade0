package org.accord.ledger;

import java.util.Objects;

/**
 * A proof, signature, checkpoint, note, tile or receipt did not verify, or was malformed so that it
 * could not be checked.
 *
 * <p>The message names what failed in words a user can act on ("inclusion proof has 3 hashes, a proof
 * for index 5 in a tree of 8 needs 3"); {@link #location()} names where, such as {@code "entry 7"} or
 * {@code "tile/0/000.p/15"}, or is empty when the whole input is at fault. It is a checked exception
 * because every caller of a verification must decide what a failure means to it.
 */
public final class VerificationException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String location;

  public VerificationException(String message) {
    this(message, "");
  }

  public VerificationException(String message, String location) {
    super(Objects.requireNonNull(message, "message"));
    this.location = location == null ? "" : location;
  }

  /** Where the failure is, such as {@code "entry 7"}; never null, possibly empty. */
  public String location() {
    return location;
  }

  /** The message with its location, as a user should read it. */
  public String describe() {
    return location.isEmpty() ? getMessage() : location + ": " + getMessage();
  }
}
