package org.accord.cli;

/**
 * A failure the user caused and can fix, such as a verification that did not pass or a missing file.
 * The command line prints its message and exits with code 1.
 */
public final class UserException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UserException(String message) {
    super(message);
  }

  public UserException(String message, Throwable cause) {
    super(message, cause);
  }
}
