package org.accord;

import java.util.Objects;

/**
 * Accord cannot run as configured, for a reason whoever runs it can fix: the data directory is in use
 * or cannot be created, the database cannot be reached or migrated, an environment variable has a bad
 * value, a key file cannot be read, a port cannot be bound, the stored log does not match its key.
 *
 * <p>The message says what is wrong and names the directory, file, URL or variable. It is not about
 * any one request's input (that is {@link InvalidInputException}), and not a bug in Accord. The command
 * line prints the message on one line and exits with code 1. The API answers HTTP 500 with a generic
 * message and logs this one, because the operator, not the client, has to act on it.
 *
 * <p>Whoever throws it has changed nothing it was asked to change.
 */
public class EnvironmentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EnvironmentException(String message) {
    super(Objects.requireNonNull(message, "message"));
  }

  public EnvironmentException(String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
  }
}
