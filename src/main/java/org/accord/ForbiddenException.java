package org.accord;

/**
 * The caller is known but may not do what it asked: a member creating organizations, an organization
 * replacing another's data, an admin revoking another organization's token. Edges translate it to
 * exit code 1 and HTTP 403. Use it only where the caller may know the thing exists; for a thing the
 * caller may not see, throw {@link NotFoundException} with the same message as for a missing one.
 */
public class ForbiddenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ForbiddenException(String message) {
    super(message);
  }
}
