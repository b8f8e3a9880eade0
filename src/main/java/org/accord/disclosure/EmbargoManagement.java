package org.accord.disclosure;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.accord.disclosure.IllegalTransitionException.Machine;

/**
 * Embargo Management (EM): the life of a case's one embargo, from proposal through acceptance and
 * revisions to its end, as pure functions of the EM state, the event and the case-wide state PXA.
 *
 * <p>{@link #next} gives the state after an event or throws {@link IllegalTransitionException};
 * {@link #onCaseStateChange} says what a change of PXA does to the embargo. Stateless and thread-safe;
 * nothing is null.
 */
public final class EmbargoManagement {
  /*
   * What. Vultron's EM DFA (docs/topics/process_models/em/formal_model.md, em/index.md,
   * em/em_dfa_diagram.md) is
   *
   *   N -> pP;  P -> pP | rN | aA;  A -> pR | tX;  R -> pR | aA | rA | tX;  X final.
   *
   * Accord spells p, a and r in Revise as PROPOSE_REVISION, ACCEPT_REVISION and REJECT_REVISION, so the
   * table below has one row per edge of that grammar and nothing else. The self-loops P -p-> P and
   * R -p-> R are counter-proposals (EMB-01-003, EMB-03-002).
   *
   * EM is one per case, shared by every participant (CM-03-003 in specs/case-management.md); each
   * participant's own position is EmbargoConsent's.
   *
   * Guards. An embargo cannot be proposed or accepted once the vulnerability is public, an exploit is
   * public or attacks have been observed (VP-06-001, VP-11-001; EMB-01-002 for EP, EMB-02-002 for EA).
   * Accord applies the same guard to proposing and accepting a revision, because either would extend an
   * embargo that may no longer be asked for (EMB-03-001 requires ...pxa for EV). Rejecting and
   * terminating are always allowed where the grammar has them.
   *
   * Cascades. When P or X becomes true, an embargo ends at once (VP-09-001, VP-11-002, VP-11-003): an
   * open proposal is abandoned, P -> N (CSB-04-002, CSB-05-002), and an embargo in force terminates,
   * A|R -> X (CSB-04-003, CSB-05-003). When A becomes true under an embargo in force, the embargo is not
   * ended automatically, but its teardown SHOULD begin (cs/transitions.md, "Attacks Do Not Necessarily
   * Cause Public Awareness"): onCaseStateChange returns RECOMMEND_TERMINATION so the caller alerts the
   * signatories. An open proposal when A becomes true can no longer be accepted (EMB-02-002), so it is
   * abandoned.
   *
   * How. An EnumMap from state to an EnumMap from event to target; a missing entry is an illegal
   * transition, and the reason names the Vultron rule. Why: the table is the grammar as written, so it
   * can be reviewed against it and tested exhaustively (state x event x PXA).
   *
   * [1] CERT/CC Vultron, docs/topics/process_models/em/formal_model.md, em/index.md.
   * [2] CERT/CC Vultron, specs/em-behavior.yaml (EMB-01, EMB-02, EMB-03) and specs/cs-behavior.yaml
   *     (CSB-04, CSB-05).
   * [3] CERT/CC Vultron, docs/topics/process_models/cs/transitions.md.
   */

  /** What a change of the case-wide state PXA does to the embargo. */
  public enum Consequence {
    /** Nothing. */
    NONE(null),
    /** An open proposal can no longer be accepted and is dropped: P -> N by {@link EmEvent#REJECT}. */
    ABANDON_PROPOSAL(EmEvent.REJECT),
    /** The embargo in force ends now: A or R -> X by {@link EmEvent#TERMINATE}. */
    TERMINATE(EmEvent.TERMINATE),
    /** Attacks were observed under an embargo in force: alert every signatory that it should end. */
    RECOMMEND_TERMINATION(null);

    private final EmEvent event;

    Consequence(EmEvent event) {
      this.event = event;
    }

    /** The EM event the caller must apply, if the embargo must end. */
    public Optional<EmEvent> event() {
      return Optional.ofNullable(event);
    }

    /** Whether the embargo (or its proposal) must end. */
    public boolean mustEnd() {
      return event != null;
    }
  }

  private static final TransitionTable<EmState, EmEvent> TABLE = new TransitionTable<>(EmState.class, EmEvent.class);
  private static final Set<EmEvent> GUARDED =
      EnumSet.of(EmEvent.PROPOSE, EmEvent.ACCEPT, EmEvent.PROPOSE_REVISION, EmEvent.ACCEPT_REVISION);

  static {
    TABLE.edge(EmState.NONE, EmEvent.PROPOSE, EmState.PROPOSED);
    TABLE.edge(EmState.PROPOSED, EmEvent.PROPOSE, EmState.PROPOSED);
    TABLE.edge(EmState.PROPOSED, EmEvent.REJECT, EmState.NONE);
    TABLE.edge(EmState.PROPOSED, EmEvent.ACCEPT, EmState.ACTIVE);
    TABLE.edge(EmState.ACTIVE, EmEvent.PROPOSE_REVISION, EmState.REVISE);
    TABLE.edge(EmState.ACTIVE, EmEvent.TERMINATE, EmState.EXITED);
    TABLE.edge(EmState.REVISE, EmEvent.PROPOSE_REVISION, EmState.REVISE);
    TABLE.edge(EmState.REVISE, EmEvent.ACCEPT_REVISION, EmState.ACTIVE);
    TABLE.edge(EmState.REVISE, EmEvent.REJECT_REVISION, EmState.ACTIVE);
    TABLE.edge(EmState.REVISE, EmEvent.TERMINATE, EmState.EXITED);
  }

  private EmbargoManagement() {}


  /**
   * The EM state after {@code event} in {@code from}, given the case-wide state {@code pxa}.
   *
   * @throws IllegalTransitionException if the EM grammar has no such edge, or if the event would start,
   *     accept or extend an embargo while P, X or A holds
   */
  public static EmState next(EmState from, EmEvent event, PxaState pxa) {
    EmState to = TABLE.target(from, event);
    if (to == null) {
      throw new IllegalTransitionException(Machine.EM, from.name(), event.name(), reason(from, event));
    }
    if (GUARDED.contains(event) && pxa.any()) {
      throw new IllegalTransitionException(Machine.EM, from.name(), event.name(),
          "no embargo may be proposed or accepted once the case state is " + pxa.code()
              + " (public aware, exploit public or attacks observed; VP-06-001, EMB-01-002, EMB-02-002)");
    }
    return to;
  }

  /** The events the grammar allows in {@code state}, before the PXA guard. */
  public static Set<EmEvent> allowed(EmState state) {
    return TABLE.allowed(state);
  }

  /**
   * What the change of the case-wide state from {@code before} to {@code after} does to an embargo in
   * state {@code em}. The caller applies {@link Consequence#event()} with {@link #next} (it is always
   * allowed) and, for {@link Consequence#RECOMMEND_TERMINATION}, alerts the signatories.
   */
  public static Consequence onCaseStateChange(EmState em, PxaState before, PxaState after) {
    boolean becamePublic = (after.publicAware() && !before.publicAware())
        || (after.exploitPublic() && !before.exploitPublic());
    boolean attacksNow = after.attacksObserved() && !before.attacksObserved();
    if (em == EmState.PROPOSED && (becamePublic || attacksNow)) {
      return Consequence.ABANDON_PROPOSAL;
    }
    if (em.inForce() && becamePublic) {
      return Consequence.TERMINATE;
    }
    if (em.inForce() && attacksNow) {
      return Consequence.RECOMMEND_TERMINATION;
    }
    return Consequence.NONE;
  }

  /** Whether the change from {@code before} to {@code after} ends the embargo or its proposal. */
  public static boolean mustEnd(EmState em, PxaState before, PxaState after) {
    return onCaseStateChange(em, before, after).mustEnd();
  }

  private static String reason(EmState from, EmEvent event) {
    switch (from) {
      case EXITED:
        return "the embargo has ended and an ended embargo is final; a case has at most one (em/formal_model.md)";
      case NONE:
        return "there is no embargo or proposal yet; propose one first";
      case PROPOSED:
        return event == EmEvent.TERMINATE
            ? "a proposal that is not accepted yet is rejected, not terminated"
            : "the embargo is only proposed; accept, reject or counter-propose it";
      case ACTIVE:
        return event == EmEvent.PROPOSE
            ? "an embargo is in force; propose a revision of it instead (EMB-03-001)"
            : "an embargo is in force with no revision open; propose a revision or terminate it";
      case REVISE:
      default:
        return event == EmEvent.PROPOSE
            ? "an embargo is in force; counter the open revision instead (EMB-03-002)"
            : "a revision is open; accept or reject the revision, counter it, or terminate the embargo";
    }
  }
}
