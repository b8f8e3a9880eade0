package org.accord.disclosure;

import java.util.Objects;

/**
 * A state machine of a disclosure case was asked for a transition its model does not allow: a report
 * closed straight from Valid, an embargo proposed once the vulnerability is public, a fix deployed
 * before it is ready.
 *
 * <p>The message names the machine, the state the transition started from, the event, and why the
 * transition is refused (with the Vultron requirement id when there is one), for example {@code RM:
 * cannot CLOSE from VALID: a valid report is accepted or deferred before it is closed (RMB-10-002)}.
 * The request is well formed, but it conflicts with the current state of the case, so the web edge
 * maps this exception to HTTP 409 Conflict with the message as the reason, and the command line to
 * exit code 1. Whoever throws it has changed nothing: the machines are pure functions, and the caller
 * must not write anything when one refuses.
 */
public class IllegalTransitionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The machines of a case: the four of ADR 0102, and its notification plan (ADR 0134). */
  public enum Machine {
    /** Report Management, per participant. */
    RM,
    /** Embargo Management, per case. */
    EM,
    /** Participant Embargo Consent, per participant. */
    PEC,
    /** The case state VFDPXA: VFD per vendor participant, PXA per case. */
    CS,
    /** A case's notification plan: draft, adopted, superseded (ADR 0134). */
    PLAN,
    /** A participant's obligation: recorded once, never replaced (ADR 0138). */
    OBLIGATION,
    /** A published commitment's versions: current, superseded; and joining an arrangement (ADR 0140). */
    COMMITMENT,
    /** A vulnerability's history: imported once, never replaced (ADR 0156). */
    HISTORY
  }

  private final Machine machine;
  private final String from;
  private final String event;
  private final String reason;

  /**
   * @param machine the machine that refused
   * @param from the state the transition started from, as displayed (an enum name or a VFDPXA code)
   * @param event the event that was refused
   * @param reason why, in a sentence a user can act on; no element may be null
   */
  public IllegalTransitionException(Machine machine, String from, String event, String reason) {
    super(machine + ": cannot " + event + " from " + from + ": " + reason);
    this.machine = Objects.requireNonNull(machine, "machine");
    this.from = Objects.requireNonNull(from, "from");
    this.event = Objects.requireNonNull(event, "event");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Machine machine() {
    return machine;
  }

  /** The state the refused transition started from. */
  public String from() {
    return from;
  }

  /** The refused event. */
  public String event() {
    return event;
  }

  /** Why the transition is refused, without the machine, state and event. */
  public String reason() {
    return reason;
  }
}
