package org.accord.store;

/** A failure of the SQL store itself (not of the input): a lost connection, a full disk, a constraint bug. */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
