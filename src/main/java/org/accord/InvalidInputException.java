package org.accord;

import java.util.Objects;

/**
 * Input that Accord refuses to accept: a malformed document, an unknown spec version, a bad field.
 *
 * <p>The message names the problem; {@link #location()} names where it is (a line and field, a JSON
 * pointer, a component reference), or is empty when the whole input is at fault. Edges translate this
 * exception to exit code 1 on the command line and to HTTP 400 in the API. Whoever throws it must not
 * have written anything yet: a rejected input leaves the store unchanged.
 */
public class InvalidInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String location;

  public InvalidInputException(String message) {
    this(message, "", null);
  }

  public InvalidInputException(String message, String location) {
    this(message, location, null);
  }

  public InvalidInputException(String message, String location, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.location = location == null ? "" : location;
  }

  /** Where the problem is, such as {@code "line 7, field country"}; never null, possibly empty. */
  public String location() {
    return location;
  }

  /** The message with its location, as a user should read it. */
  public String describe() {
    return location.isEmpty() ? getMessage() : location + ": " + getMessage();
  }
}
