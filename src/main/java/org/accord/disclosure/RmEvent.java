package org.accord.disclosure;

/**
 * The input symbols of Vultron's RM machine ({@code Σ^rm = {r, v, i, a, d, c}}, {@code
 * docs/topics/process_models/rm/formal_model.md}), each with the one-letter shorthand.
 */
public enum RmEvent {
  /** The participant receives the report ({@code r}; RS received, RMB-01-001). */
  RECEIVE('r'),
  /** Validation ends in valid ({@code v}; RMB-10). */
  VALIDATE('v'),
  /** Validation ends in invalid ({@code i}; RMB-11). */
  INVALIDATE('i'),
  /** Prioritization ends in accept ({@code a}; RMB-13). */
  ACCEPT('a'),
  /** Prioritization ends in defer ({@code d}; RMB-12). */
  DEFER('d'),
  /** The participant closes the report ({@code c}; RMB-14). */
  CLOSE('c');

  private final char letter;

  RmEvent(char letter) {
    this.letter = letter;
  }

  /** The Vultron shorthand letter. */
  public char letter() {
    return letter;
  }
}
