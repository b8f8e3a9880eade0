package org.accord.disclosure;

import java.util.Set;
import org.accord.disclosure.IllegalTransitionException.Machine;

/**
 * Participant Embargo Consent (PEC): each participant's own position towards the case's one embargo,
 * as pure functions. {@link #next} applies what the participant does; {@link #afterEmbargo} applies
 * what a change of the case's embargo does to every participant's consent. Stateless and thread-safe;
 * nothing is null.
 */
public final class EmbargoConsent {
  /*
   * What. Vultron separates the case-wide EM machine from a per-participant consent machine
   * (docs/topics/process_models/em/participant-embargo-consent.md, em/pec_state_machine_diagram.md;
   * requirements MSM-07 in specs/message-semantics-mapping.yaml). Its transition table:
   *
   *   UNBOUND   -invite-> INVITED, -accept-> SIGNATORY, -decline-> DECLINED        (MSM-07-002..004)
   *   INVITED   -accept-> SIGNATORY, -decline-> DECLINED, -deadline-> DECLINED     (MSM-07-003, -004, -007)
   *   SIGNATORY -decline-> DECLINED (consent withdrawn)                             (MSM-07-004)
   *   LAPSED    -invite-> INVITED, -accept-> SIGNATORY, -decline-> DECLINED, -deadline-> DECLINED
   *   DECLINED  -invite-> INVITED                                                   (MSM-07-002)
   *   cascade: SIGNATORY -> LAPSED when longer terms it did not accept come into force (EC;
   *            MSM-07-005 as amended by EP-05-001, ADR 0123); any -> UNBOUND when the embargo ends
   *            (ET; MSM-07-006).
   *
   * Accord calls UNBOUND NO_EMBARGO (the name). Inviting a signatory is refused: Vultron leaves
   * signatories unaffected by EP, and a refusal tells the caller the invitation did nothing.
   *
   * Accord's additions, recorded in ADR 0102:
   *  - Consent needs terms: INVITE, ACCEPT, DECLINE and DEADLINE_PASSED are refused while the case's
   *    EM state is None or eXited, since there is nothing to consent to.
   *  - A proposal lapses nobody (ADR 0123, superseding ADR 0102's "every change of terms lapses
   *    signatories"): while terms are only proposed, the terms in force (or, in Proposed, the shortest
   *    open proposal) still bind their signatories (Vultron EP-05-002). A change of terms lapses
   *    consent when it takes effect: an accepted revision that ends later lapses the signatories that
   *    did not accept it (EmbargoNegotiation.onDecision, EP-05-001).
   *  - When EM returns to None (a proposal rejected or abandoned), consent resets to NO_EMBARGO as it
   *    does on eXited: the terms it referred to are gone.
   *
   * How. An EnumMap table, as for RM and EM; the cascade is a small total function of (consent, EM
   * state before, EM event). Why: consent is what decides who is bound (and so who may see embargoed
   * content), so it is kept apart from the case-wide machine exactly as Vultron does, and it is exact
   * about why someone is not bound (declined, lapsed, never asked).
   *
   * [1] CERT/CC Vultron, docs/topics/process_models/em/participant-embargo-consent.md.
   * [2] CERT/CC Vultron, specs/message-semantics-mapping.yaml, MSM-07-001 to MSM-07-007.
   */

  private static final TransitionTable<PecState, PecEvent> TABLE = new TransitionTable<>(PecState.class, PecEvent.class);

  static {
    TABLE.edge(PecState.NO_EMBARGO, PecEvent.INVITE, PecState.INVITED);
    TABLE.edge(PecState.NO_EMBARGO, PecEvent.ACCEPT, PecState.SIGNATORY);
    TABLE.edge(PecState.NO_EMBARGO, PecEvent.DECLINE, PecState.DECLINED);
    TABLE.edge(PecState.INVITED, PecEvent.ACCEPT, PecState.SIGNATORY);
    TABLE.edge(PecState.INVITED, PecEvent.DECLINE, PecState.DECLINED);
    TABLE.edge(PecState.INVITED, PecEvent.DEADLINE_PASSED, PecState.DECLINED);
    TABLE.edge(PecState.SIGNATORY, PecEvent.DECLINE, PecState.DECLINED);
    TABLE.edge(PecState.LAPSED, PecEvent.INVITE, PecState.INVITED);
    TABLE.edge(PecState.LAPSED, PecEvent.ACCEPT, PecState.SIGNATORY);
    TABLE.edge(PecState.LAPSED, PecEvent.DECLINE, PecState.DECLINED);
    TABLE.edge(PecState.LAPSED, PecEvent.DEADLINE_PASSED, PecState.DECLINED);
    TABLE.edge(PecState.DECLINED, PecEvent.INVITE, PecState.INVITED);
  }

  private EmbargoConsent() {}


  /**
   * The consent after {@code event}, while the case's embargo is in state {@code em}.
   *
   * @throws IllegalTransitionException if the PEC table has no such edge, or if the case has no
   *     embargo terms to consent to (EM None or eXited)
   */
  public static PecState next(PecState from, PecEvent event, EmState em) {
    PecState to = TABLE.target(from, event);
    if (to == null) {
      throw new IllegalTransitionException(Machine.PEC, from.name(), event.name(), reason(from, event));
    }
    if (em == EmState.NONE || em == EmState.EXITED) {
      throw new IllegalTransitionException(Machine.PEC, from.name(), event.name(),
          "the case has no embargo terms to consent to (EM " + em.name() + ")");
    }
    return to;
  }

  /** The events the table allows in {@code state}, before the EM condition. */
  public static Set<PecEvent> allowed(PecState state) {
    return TABLE.allowed(state);
  }

  /**
   * A participant's consent after the case's embargo took {@code event} from {@code emBefore} (an
   * allowed EM transition), as far as the event alone decides it: the embargo ending or returning to
   * None resets it to NO_EMBARGO (MSM-07-006); a proposal or counter-proposal changes no consent
   * (Vultron EP-05-002; ADR 0123), nor does accepting proposed terms or rejecting a revision. What a
   * proposal does to its proposer and to invitations, and what an accepted revision does, depend on
   * the terms and the answers: {@link EmbargoNegotiation}.
   *
   * @throws IllegalArgumentException for {@link EmEvent#ACCEPT_REVISION}, whose effect on a signatory
   *     depends on its answer and on the new terms ({@link EmbargoNegotiation#onDecision})
   */
  public static PecState afterEmbargo(PecState consent, EmState emBefore, EmEvent event) {
    if (event == EmEvent.ACCEPT_REVISION) {
      throw new IllegalArgumentException("an accepted revision lapses or carries over signatories by their answers and the new"
          + " terms: see EmbargoNegotiation.onDecision");
    }
    EmState emAfter = EmbargoManagement.next(emBefore, event, PxaState.INITIAL);
    if (emAfter == EmState.EXITED || emAfter == EmState.NONE) {
      return PecState.NO_EMBARGO;
    }
    return consent;
  }

  private static String reason(PecState from, PecEvent event) {
    switch (from) {
      case SIGNATORY:
        return event == PecEvent.ACCEPT || event == PecEvent.INVITE
            ? "the participant already accepted the current terms (MSM-07-002)"
            : "a signatory has no open invitation; it may only withdraw (MSM-07-004)";
      case DECLINED:
        return "a participant that declined is invited again before it may answer (MSM-07-002)";
      case INVITED:
        return "the participant is already invited and has not answered";
      case NO_EMBARGO:
        return "the participant was never invited, so no deadline runs (MSM-07-007)";
      case LAPSED:
      default:
        return "not a transition of the consent model; allowed here: " + allowed(from);
    }
  }
}
