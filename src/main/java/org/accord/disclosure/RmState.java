package org.accord.disclosure;

/**
 * The Report Management state of one participant for one report (Vultron RM, {@code
 * docs/topics/process_models/rm/index.md}). Each state has the one-letter shorthand Vultron writes as
 * {@code q^rm ∈ X}.
 */
public enum RmState {
  /** Nothing received yet (Vultron {@code S}); the initial state. */
  START('S'),
  /** A report has been received and awaits validation ({@code R}, RMB-09-001). */
  RECEIVED('R'),
  /** Validation found the report invalid ({@code I}); it may be revalidated (RMB-11-003). */
  INVALID('I'),
  /** Validation found the report valid ({@code V}); it must be prioritized (RMB-10-001). */
  VALID('V'),
  /** Prioritized and set aside for now ({@code D}); work may resume (RMB-12-002). */
  DEFERRED('D'),
  /** Prioritized and being worked on ({@code A}); only here may others be told (RMB-13-001). */
  ACCEPTED('A'),
  /** Done ({@code C}); final (RMB-14-002). */
  CLOSED('C');

  private final char letter;

  RmState(char letter) {
    this.letter = letter;
  }

  /** The Vultron shorthand letter. */
  public char letter() {
    return letter;
  }

  /** Whether the participant is still working the report: every state but Start and Closed. */
  public boolean active() {
    return this != START && this != CLOSED;
  }
}
