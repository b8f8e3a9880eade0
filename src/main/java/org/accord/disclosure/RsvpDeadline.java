package org.accord.disclosure;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When an invitation to embargo terms must be answered, and what its deadline does, as pure functions
 * (ADR 0116). Stateless and thread-safe; nothing is null.
 *
 * <ul>
 *   <li>{@link #of}: a participant's deadline is that of its latest invitation.
 *   <li>{@link #passed}: the deadline is inclusive; an answer at the deadline is on time.
 *   <li>{@link #lapse}: a participant still waiting at a passed deadline declines (the pocket veto).
 *   <li>{@link #answer}: a participant that let its deadline pass may still accept the terms (a late
 *       acceptance); one that declined by its own answer is invited again first.
 * </ul>
 */
public final class RsvpDeadline {
  /*
   * What. The rule "an invitation has an RSVP deadline: 7 days by default, never less than 72
   * hours" (EmbargoRules.rsvpDeadline computes and checks it when terms are proposed) and Vultron's two
   * rules on what the deadline does:
   *  - MSM-07-007 (the pocket veto): an invitee that has not answered by the deadline is treated as
   *    declining, INVITED -deadline-> DECLINED in EmbargoConsent's table;
   *  - EMB-17-001/-002 (late acceptance): an Accept that arrives after the deadline MUST NOT be refused
   *    for lateness alone; when the terms accepted are still the case's, it is honoured, and a
   *    participant at DECLINED is invited again first (DECLINED -> INVITED -> SIGNATORY), because
   *    ACCEPT is not an edge from DECLINED.
   *
   * How. Accord keeps one consent per participant for the case's current terms, so "the invitation" is
   * the latest one the participant received: every proposal invites every participant that is not
   * already invited (Cases.propose), and a participant invited into a case whose terms are proposed or
   * in force is invited when it joins (Cases.invite). Its deadline is therefore the later of the latest
   * proposal's deadline and its own joining plus the default window; neither needs a stored column.
   * The case owner is never lapsed: its accept or reject is the case's decision on the terms (EM), not
   * a consent that can lapse (as Vultron's case manager is never an invitee, EP-09-010), and a lapsed
   * owner would stay unbound by an embargo it then puts in force.
   *
   * Why the late acceptance rather than a refusal: a late accepter volunteers to be bound, and binding
   * more participants is what the embargo is for; refusing would turn a missed deadline into a lost
   * signatory, or force a new proposal that re-invites everyone. A late acceptance is only possible
   * while the terms are still the case's: new terms invite the participant again (its lapse ends
   * there), and an embargo that ended leaves no terms to accept (EmbargoConsent refuses).
   *
   * [1] CERT/CC Vultron, specs/message-semantics-mapping.yaml MSM-07-007; specs/em-behavior.yaml EMB-17.
   * [2] Issue 9, item 4.
   */

  private RsvpDeadline() {}

  /**
   * A participant's RSVP deadline: the later of the case's latest proposal's deadline and {@code
   * joined} plus {@link EmbargoRules#RSVP_DEFAULT} (for a participant invited after that proposal).
   *
   * @param joined when the participant joined the case
   * @param latestProposal the RSVP deadline of the case's latest embargo proposal, if any
   * @return the deadline, or empty when the case never had terms to be invited to
   */
  public static Optional<Instant> of(Instant joined, Optional<Instant> latestProposal) {
    Objects.requireNonNull(joined, "joined");
    Objects.requireNonNull(latestProposal, "latestProposal");
    return latestProposal.map(deadline -> {
      Instant own = EmbargoRules.rsvpDeadline(joined, Optional.empty());
      return own.isAfter(deadline) ? own : deadline;
    });
  }

  /** Whether {@code deadline} has passed at {@code now}: strictly after it, so an answer at the deadline is on time. */
  public static boolean passed(Instant deadline, Instant now) {
    return now.isAfter(deadline);
  }

  /**
   * Whether a participant is waiting for an answer that its deadline can lapse: it is invited (or its
   * consent lapsed with the terms) and it does not decide the terms for the case (the case owner). A
   * signatory asked about an open revision is not: it stays bound by the terms in force, and its
   * unanswered revision needs no lapse, since the owner's accept treats it as not accepted (ADR 0123).
   */
  public static boolean pending(PecState consent, boolean caseOwner) {
    return !caseOwner && EmbargoConsent.allowed(consent).contains(PecEvent.DEADLINE_PASSED);
  }

  /**
   * The consent of a participant whose deadline is checked at {@code now}: DECLINED through {@link
   * PecEvent#DEADLINE_PASSED} if it is {@link #pending} and the deadline {@link #passed}, else empty
   * (nothing changes).
   *
   * @param em the case's EM state; a case without terms (None, eXited) lapses nobody
   */
  public static Optional<PecState> lapse(PecState consent, boolean caseOwner, Instant deadline, Instant now, EmState em) {
    if (!pending(consent, caseOwner) || !passed(deadline, now) || em == EmState.NONE || em == EmState.EXITED) {
      return Optional.empty();
    }
    return Optional.of(EmbargoConsent.next(consent, PecEvent.DEADLINE_PASSED, em));
  }

  /**
   * A participant's own answer to the terms, {@link EmbargoConsent#next} except after a lapse: a
   * participant whose deadline declined for it ({@code lapsedAt} present) and that accepts is invited
   * again and accepts (DECLINED, INVITED, SIGNATORY; Vultron EMB-17-002); its decline is refused with
   * the deadline named, since it already declined.
   *
   * @param lapsedAt the deadline that lapsed the participant's invitation, if its consent has not changed since
   * @throws IllegalTransitionException as {@link EmbargoConsent#next} does
   */
  public static PecState answer(PecState consent, PecEvent event, EmState em, Optional<Instant> lapsedAt) {
    if (lapsedAt.isPresent() && consent == PecState.DECLINED) {
      if (event == PecEvent.ACCEPT) {
        return EmbargoConsent.next(EmbargoConsent.next(consent, PecEvent.INVITE, em), PecEvent.ACCEPT, em);
      }
      if (event == PecEvent.DECLINE) {
        throw new IllegalTransitionException(IllegalTransitionException.Machine.PEC, consent.name(), event.name(),
            "the invitation lapsed at its RSVP deadline " + lapsedAt.get() + ", which declined for the participant (MSM-07-007);"
                + " it may still accept the terms (EMB-17-002)");
      }
    }
    return EmbargoConsent.next(consent, event, em);
  }
}
