package org.accord.disclosure;

/**
 * The Embargo Management state of a case (Vultron EM, {@code docs/topics/process_models/em/
 * formal_model.md}: {@code Q^em = {N, P, A, R, X}}), each with its shorthand letter.
 */
public enum EmState {
  /** No embargo, none proposed ({@code N}); the initial state, and final if none is ever agreed. */
  NONE('N'),
  /** An embargo is proposed and awaits acceptance or rejection ({@code P}). */
  PROPOSED('P'),
  /** An embargo is in force ({@code A}). */
  ACTIVE('A'),
  /** An embargo is in force and a revision of its terms is proposed ({@code R}); the old terms hold. */
  REVISE('R'),
  /** The embargo has ended ({@code X}); final. */
  EXITED('X');

  private final char letter;

  EmState(char letter) {
    this.letter = letter;
  }

  /** The Vultron shorthand letter. */
  public char letter() {
    return letter;
  }

  /** Whether an embargo is in force: Active or Revise. */
  public boolean inForce() {
    return this == ACTIVE || this == REVISE;
  }
}
