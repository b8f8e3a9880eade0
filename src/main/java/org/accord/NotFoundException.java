package org.accord;

/**
 * A named thing (a document, an advisory, a case, an organization) does not exist, or the caller may
 * not know that it exists. Edges translate it to exit code 1 and HTTP 404; both cases look the same
 * on purpose, so that an embargoed case stays invisible to non-participants.
 */
public class NotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(message);
  }
}
