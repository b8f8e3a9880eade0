package org.accord.disclosure;

import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import org.accord.disclosure.IllegalTransitionException.Machine;

/**
 * What a proposal, a participant's answer and the case owner's decision do to each participant's
 * {@link EmbargoPosition} (ADR 0123), as pure functions. Stateless and thread-safe; nothing is null.
 *
 * <ul>
 *   <li>{@link #onProposal}: proposing terms is consenting to them; nobody else's consent changes.
 *   <li>{@link #onAnswer}: a participant's own accept or decline; under an open revision a signatory
 *       answers the revision and stays bound by the terms in force.
 *   <li>{@link #onDecision}: the owner's accept, reject, or the embargo's end; an accepted revision
 *       carries signatories over to terms that end no later, and lapses those that did not accept
 *       terms that end later.
 * </ul>
 */
public final class EmbargoNegotiation {
  /*
   * What. Vultron's current embargo rules on consent and revisions (CERTCC/Vultron
   * specs/embargo-policy.yaml EP-05, EP-09; docs/adr ADR-0093 as revised for Concern #3884):
   *  - EP-09-002: "Proposing terms is consenting to them", so the proposer is not invited to its own.
   *  - EP-05-002: a revision proposal (Active -> Revise) and any counter-revision (Revise -> Revise)
   *    MUST NOT change any participant's consent; "until then the prior embargo is in force and every
   *    signatory to it remains SIGNATORY".
   *  - EP-09-004: a signatory's answer to a revision is recorded apart and leaves its consent unchanged
   *    until the owner activates the revision.
   *  - EP-05-001: when the owner activates a revision that ends later than the embargo it replaces,
   *    each signatory that has not accepted it lapses (the REVISE trigger, MSM-07-005 as amended); one
   *    that ends no later carries every signatory over (agreeing to N days is agreeing to every
   *    shorter period); a non-signatory that accepted the revision becomes a signatory.
   *  - EP-09-005: the owner's reject of a revision keeps the prior terms; nobody's consent changes.
   *
   * Accord's single consent per participant refers to "the case's terms": in Proposed, the shortest
   * open proposal, which the owner's acceptance puts in force (ADR 0104, Vultron EP-08-002). The set of
   * open proposals only grows until the owner decides, so those terms only get shorter, and by the
   * containment of EP-05-001 a signatory of them never has to lapse before the decision. The proposer
   * therefore becomes a signatory when its terms end first (no open proposal ends earlier; an equal
   * end is the same period); when another open proposal ends earlier it has not said it accepts that
   * one, so it is invited like everyone else (unless it already signed). Under an open revision the
   * same rule applies to the revision answer (RevisionAnswer), while the consent keeps its meaning for
   * the terms in force.
   *
   * Every proposal invites every participant not bound (MSM-07-002: from NO_EMBARGO, DECLINED or
   * LAPSED) and asks every participant that has not accepted an open revision; a signatory is never
   * invited again (CM-18-003, CM-18-004).
   *
   * Why a second per-participant value rather than a sixth consent state: "bound by the terms in force
   * and asked about a revision" is two facts, and folding them into one state would make every reader
   * of PecState (who is bound, who is alerted, who sees embargoed content) learn revision answers.
   */

  private EmbargoNegotiation() {}

  /**
   * Whether terms ending at {@code end} end first among {@code open}: no open proposal ends earlier. An
   * equal end counts as first: it is the same embargo period.
   */
  public static boolean endsFirst(Instant end, Collection<Instant> open) {
    Objects.requireNonNull(end, "end");
    return open.stream().noneMatch(other -> other.isBefore(end));
  }

  /**
   * A participant's position after a new proposal made while the embargo is in {@code emBefore}: a
   * proposal (EP) from None or Proposed, a revision (EV) from Active or Revise.
   *
   * @param proposer whether this participant made the proposal
   * @param endsFirst whether the new proposal {@link #endsFirst} among the open proposals
   * @throws IllegalTransitionException if the EM grammar has no proposal from {@code emBefore}
   */
  public static EmbargoPosition onProposal(EmbargoPosition before, EmState emBefore, boolean proposer, boolean endsFirst) {
    EmEvent event = emBefore.inForce() ? EmEvent.PROPOSE_REVISION : EmEvent.PROPOSE;
    EmState after = EmbargoManagement.next(emBefore, event, PxaState.INITIAL);
    boolean accepts = proposer && endsFirst;
    PecState consent = before.consent();
    if (event == EmEvent.PROPOSE && accepts) {
      return EmbargoPosition.of(accept(consent, after));
    }
    consent = invite(consent, after);
    if (event == EmEvent.PROPOSE) {
      return EmbargoPosition.of(consent);
    }
    // A revision: a fresh one (from Active) asks everyone anew; a counter-revision keeps acceptances.
    RevisionAnswer answer = emBefore == EmState.ACTIVE ? RevisionAnswer.NONE : before.revision();
    if (accepts) {
      answer = RevisionAnswer.ACCEPTED;
    } else if (answer != RevisionAnswer.ACCEPTED) {
      answer = RevisionAnswer.ASKED;
    }
    return new EmbargoPosition(consent, answer);
  }

  /**
   * A participant's own answer ({@link PecEvent#ACCEPT} or {@link PecEvent#DECLINE}) while the embargo
   * is in {@code em}. Outside Revise it is {@link RsvpDeadline#answer}. In Revise a signatory answers
   * the revision and stays bound by the terms in force (EP-09-004: declining a revision is not
   * withdrawing consent); a participant not bound answers the embargo and its revision together
   * (accept: bound by the terms in force and accepting the revision; decline: declined).
   *
   * @param lapsedAt the RSVP deadline that declined for the participant, as for {@link RsvpDeadline#answer}
   * @throws IllegalTransitionException if the consent table refuses, or a signatory repeats its answer
   *     to the revision
   */
  public static EmbargoPosition onAnswer(EmbargoPosition before, PecEvent event, EmState em, Optional<Instant> lapsedAt) {
    if (event != PecEvent.ACCEPT && event != PecEvent.DECLINE) {
      throw new IllegalArgumentException("a participant answers with ACCEPT or DECLINE, not " + event);
    }
    if (em != EmState.REVISE) {
      return EmbargoPosition.of(RsvpDeadline.answer(before.consent(), event, em, lapsedAt));
    }
    RevisionAnswer answer = event == PecEvent.ACCEPT ? RevisionAnswer.ACCEPTED : RevisionAnswer.DECLINED;
    if (before.consent().bound()) {
      if (before.revision() == answer) {
        throw new IllegalTransitionException(Machine.PEC, before.consent().name(), event.name(),
            "the participant already " + answer.name().toLowerCase(java.util.Locale.ROOT)
                + " the open revision; it stays bound by the terms in force until the case owner decides (Vultron EP-05-002, EP-09-004)");
      }
      return new EmbargoPosition(before.consent(), answer);
    }
    return new EmbargoPosition(RsvpDeadline.answer(before.consent(), event, em, lapsedAt), answer);
  }

  /**
   * A participant's position after the case owner's (or coordinator's) decision or the embargo's end:
   * {@link EmEvent#ACCEPT}, {@link EmEvent#REJECT}, {@link EmEvent#ACCEPT_REVISION}, {@link
   * EmEvent#REJECT_REVISION} or {@link EmEvent#TERMINATE} from {@code emBefore}. The revision answer is
   * {@link RevisionAnswer#NONE} after every decision.
   *
   * @param decider whether this participant made the decision (its accept accepts for itself too)
   * @param revisionEndsLater for ACCEPT_REVISION, whether the revision in force now ends later than the
   *     terms it replaced
   * @throws IllegalTransitionException if the EM grammar has no such edge
   * @throws IllegalArgumentException for a proposal event, which {@link #onProposal} handles
   */
  public static EmbargoPosition onDecision(EmbargoPosition before, EmState emBefore, EmEvent event, boolean decider,
      boolean revisionEndsLater) {
    if (event == EmEvent.PROPOSE || event == EmEvent.PROPOSE_REVISION) {
      throw new IllegalArgumentException(event + " is a proposal, not a decision: see onProposal");
    }
    EmState after = EmbargoManagement.next(emBefore, event, PxaState.INITIAL);
    PecState consent = before.consent();
    switch (event) {
      case ACCEPT:
        return EmbargoPosition.of(decider && EmbargoConsent.allowed(consent).contains(PecEvent.ACCEPT)
            ? EmbargoConsent.next(consent, PecEvent.ACCEPT, after) : consent);
      case ACCEPT_REVISION:
        if (decider || before.revision() == RevisionAnswer.ACCEPTED) {
          return EmbargoPosition.of(accept(consent, after)); // EP-05-001: accepted the terms now in force
        }
        if (consent.bound() && revisionEndsLater) {
          return EmbargoPosition.of(PecState.LAPSED); // EP-05-001, MSM-07-005: longer terms it did not accept
        }
        return EmbargoPosition.of(consent); // carried over (ends no later), or not bound either way
      case REJECT_REVISION:
        return EmbargoPosition.of(consent); // EP-09-005: the prior terms stay, and so does every consent
      case REJECT:
      case TERMINATE:
      default:
        return EmbargoPosition.of(EmbargoConsent.afterEmbargo(consent, emBefore, event)); // MSM-07-006
    }
  }

  /** SIGNATORY from any consent: a declined participant is invited again first (MSM-07-002). */
  private static PecState accept(PecState consent, EmState em) {
    if (consent.bound()) {
      return consent;
    }
    return EmbargoConsent.next(invite(consent, em), PecEvent.ACCEPT, em);
  }

  /** INVITED for a participant the table lets be invited (not bound, not invited yet); else unchanged. */
  private static PecState invite(PecState consent, EmState em) {
    return EmbargoConsent.allowed(consent).contains(PecEvent.INVITE) ? EmbargoConsent.next(consent, PecEvent.INVITE, em) : consent;
  }
}
