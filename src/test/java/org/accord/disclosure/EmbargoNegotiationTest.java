package org.accord.disclosure;

import static org.accord.disclosure.PecState.DECLINED;
import static org.accord.disclosure.PecState.INVITED;
import static org.accord.disclosure.PecState.LAPSED;
import static org.accord.disclosure.PecState.NO_EMBARGO;
import static org.accord.disclosure.PecState.SIGNATORY;
import static org.accord.disclosure.RevisionAnswer.ACCEPTED;
import static org.accord.disclosure.RevisionAnswer.ASKED;
import static org.accord.disclosure.RevisionAnswer.NONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The consent rules of ADR 0123 as tables, written out from Vultron's EP-05-001, EP-05-002, EP-09-002,
 * EP-09-004 and EP-09-005 independently of the implementation: every consent × (proposer or not) ×
 * (its terms end first or not) for a proposal and a revision, every position × answer in Revise, and
 * every position × decision.
 */
class EmbargoNegotiationTest {
  static final Instant T = Instant.parse("2027-01-01T00:00:00Z");
  static final RevisionAnswer DECLINED_REVISION = RevisionAnswer.DECLINED;

  static EmbargoPosition at(PecState consent, RevisionAnswer revision) {
    return new EmbargoPosition(consent, revision);
  }

  @Test
  void termsEndFirstUnlessAnOpenProposalEndsEarlierAndAnEqualEndIsTheSamePeriod() {
    assertThat(EmbargoNegotiation.endsFirst(T, List.of())).isTrue();
    assertThat(EmbargoNegotiation.endsFirst(T, List.of(T, T.plusSeconds(1)))).isTrue();
    assertThat(EmbargoNegotiation.endsFirst(T, List.of(T.plusSeconds(1), T.minusSeconds(1)))).isFalse();
  }

  @Test
  void aProposalSignsItsProposerWhenItsTermsEndFirstAndInvitesEveryoneNotBound() {
    // consent before -> {proposer & ends first, proposer & a shorter one is open, anyone else}
    Map<PecState, List<PecState>> table = Map.of(
        NO_EMBARGO, List.of(SIGNATORY, INVITED, INVITED),
        INVITED, List.of(SIGNATORY, INVITED, INVITED),
        SIGNATORY, List.of(SIGNATORY, SIGNATORY, SIGNATORY), // containment: a counter-proposal lapses nobody
        DECLINED, List.of(SIGNATORY, INVITED, INVITED),
        LAPSED, List.of(SIGNATORY, INVITED, INVITED));
    for (EmState em : List.of(EmState.NONE, EmState.PROPOSED)) {
      table.forEach((before, expected) -> {
        EmbargoPosition from = EmbargoPosition.of(before);
        assertThat(EmbargoNegotiation.onProposal(from, em, true, true)).as(before + " proposer first " + em)
            .isEqualTo(EmbargoPosition.of(expected.get(0)));
        assertThat(EmbargoNegotiation.onProposal(from, em, true, false)).as(before + " proposer later " + em)
            .isEqualTo(EmbargoPosition.of(expected.get(1)));
        assertThat(EmbargoNegotiation.onProposal(from, em, false, true)).as(before + " other " + em)
            .isEqualTo(EmbargoPosition.of(expected.get(2)));
        assertThat(EmbargoNegotiation.onProposal(from, em, false, false)).isEqualTo(EmbargoPosition.of(expected.get(2)));
      });
    }
    assertThatThrownBy(() -> EmbargoNegotiation.onProposal(EmbargoPosition.of(NO_EMBARGO), EmState.EXITED, true, true))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void aRevisionKeepsEverySignatoryBoundAndAsksWhoeverHasNotAcceptedIt() {
    for (PecState before : PecState.values()) {
      PecState consent = before == SIGNATORY ? SIGNATORY : INVITED; // EP-05-002; MSM-07-002 for the rest
      for (RevisionAnswer old : RevisionAnswer.values()) {
        EmbargoPosition from = at(before, old);
        // A fresh revision (Active -> Revise) asks everyone anew; its proposer accepted it.
        assertThat(EmbargoNegotiation.onProposal(from, EmState.ACTIVE, false, true)).isEqualTo(at(consent, ASKED));
        assertThat(EmbargoNegotiation.onProposal(from, EmState.ACTIVE, true, true)).isEqualTo(at(consent, ACCEPTED));
        assertThat(EmbargoNegotiation.onProposal(from, EmState.ACTIVE, true, false)).as("a shorter one is open")
            .isEqualTo(at(consent, ASKED));
        // A counter-revision keeps acceptances (the revision that wins only gets shorter) and asks the rest.
        RevisionAnswer kept = old == ACCEPTED ? ACCEPTED : ASKED;
        assertThat(EmbargoNegotiation.onProposal(from, EmState.REVISE, false, true)).as(from + " other").isEqualTo(at(consent, kept));
        assertThat(EmbargoNegotiation.onProposal(from, EmState.REVISE, false, false)).isEqualTo(at(consent, kept));
        assertThat(EmbargoNegotiation.onProposal(from, EmState.REVISE, true, true)).isEqualTo(at(consent, ACCEPTED));
        assertThat(EmbargoNegotiation.onProposal(from, EmState.REVISE, true, false)).isEqualTo(at(consent, kept));
      }
    }
  }

  @Test
  void underAnOpenRevisionASignatoryAnswersTheRevisionAndStaysBound() {
    Optional<Instant> none = Optional.empty();
    for (RevisionAnswer old : List.of(NONE, ASKED, ACCEPTED, DECLINED_REVISION)) {
      EmbargoPosition signatory = at(SIGNATORY, old);
      if (old != ACCEPTED) {
        assertThat(EmbargoNegotiation.onAnswer(signatory, PecEvent.ACCEPT, EmState.REVISE, none)).isEqualTo(at(SIGNATORY, ACCEPTED));
      } else {
        assertThatThrownBy(() -> EmbargoNegotiation.onAnswer(signatory, PecEvent.ACCEPT, EmState.REVISE, none))
            .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("already accepted the open revision")
            .hasMessageContaining("EP-05-002");
      }
      if (old != DECLINED_REVISION) {
        // Not a withdrawal (Vultron ADR-0093): it stays a signatory of the terms in force.
        assertThat(EmbargoNegotiation.onAnswer(signatory, PecEvent.DECLINE, EmState.REVISE, none))
            .isEqualTo(at(SIGNATORY, DECLINED_REVISION));
      } else {
        assertThatThrownBy(() -> EmbargoNegotiation.onAnswer(signatory, PecEvent.DECLINE, EmState.REVISE, none))
            .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("already declined");
      }
    }
    // Not bound: it answers the embargo and the revision together.
    assertThat(EmbargoNegotiation.onAnswer(at(INVITED, ASKED), PecEvent.ACCEPT, EmState.REVISE, none)).isEqualTo(at(SIGNATORY, ACCEPTED));
    assertThat(EmbargoNegotiation.onAnswer(at(INVITED, ASKED), PecEvent.DECLINE, EmState.REVISE, none))
        .isEqualTo(at(DECLINED, DECLINED_REVISION));
    assertThat(EmbargoNegotiation.onAnswer(at(LAPSED, NONE), PecEvent.ACCEPT, EmState.REVISE, none)).isEqualTo(at(SIGNATORY, ACCEPTED));
    // A lapse by the deadline still allows a late acceptance (EMB-17-002); a self-declined one is invited first.
    assertThat(EmbargoNegotiation.onAnswer(at(DECLINED, ASKED), PecEvent.ACCEPT, EmState.REVISE, Optional.of(T)))
        .isEqualTo(at(SIGNATORY, ACCEPTED));
    assertThatThrownBy(() -> EmbargoNegotiation.onAnswer(at(DECLINED, ASKED), PecEvent.ACCEPT, EmState.REVISE, none))
        .hasMessageContaining("MSM-07-002");
    // Outside Revise the answer is the consent's alone.
    assertThat(EmbargoNegotiation.onAnswer(EmbargoPosition.of(INVITED), PecEvent.ACCEPT, EmState.ACTIVE, none))
        .isEqualTo(EmbargoPosition.of(SIGNATORY));
    assertThat(EmbargoNegotiation.onAnswer(EmbargoPosition.of(SIGNATORY), PecEvent.DECLINE, EmState.ACTIVE, none))
        .as("withdrawal from the terms in force").isEqualTo(EmbargoPosition.of(DECLINED));
    assertThatThrownBy(() -> EmbargoNegotiation.onAnswer(EmbargoPosition.of(INVITED), PecEvent.INVITE, EmState.ACTIVE, none))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anAcceptedRevisionCarriesSignatoriesOverToShorterTermsAndLapsesThoseThatDidNotAcceptLongerOnes() {
    // (consent, answer) -> {ends no later, ends later}; EP-05-001.
    for (PecState consent : PecState.values()) {
      for (RevisionAnswer answer : RevisionAnswer.values()) {
        EmbargoPosition from = at(consent, answer);
        PecState shorter;
        PecState longer;
        if (answer == ACCEPTED) {
          shorter = SIGNATORY;
          longer = SIGNATORY;
        } else if (consent == SIGNATORY) {
          shorter = SIGNATORY;
          longer = LAPSED;
        } else {
          shorter = consent;
          longer = consent;
        }
        assertThat(EmbargoNegotiation.onDecision(from, EmState.REVISE, EmEvent.ACCEPT_REVISION, false, false)).as(from + " shorter")
            .isEqualTo(EmbargoPosition.of(shorter));
        assertThat(EmbargoNegotiation.onDecision(from, EmState.REVISE, EmEvent.ACCEPT_REVISION, false, true)).as(from + " longer")
            .isEqualTo(EmbargoPosition.of(longer));
        // The owner's own accept accepts for itself.
        assertThat(EmbargoNegotiation.onDecision(from, EmState.REVISE, EmEvent.ACCEPT_REVISION, true, true))
            .isEqualTo(EmbargoPosition.of(SIGNATORY));
        // A rejected revision keeps every consent (EP-09-005); the end of the embargo resets them (MSM-07-006).
        assertThat(EmbargoNegotiation.onDecision(from, EmState.REVISE, EmEvent.REJECT_REVISION, false, false))
            .isEqualTo(EmbargoPosition.of(consent));
        assertThat(EmbargoNegotiation.onDecision(from, EmState.REVISE, EmEvent.TERMINATE, false, false))
            .isEqualTo(EmbargoPosition.of(NO_EMBARGO));
      }
    }
  }

  @Test
  void theOwnersAcceptOfProposedTermsSignsOnlyItselfAndItsRejectResetsEveryone() {
    for (PecState consent : PecState.values()) {
      EmbargoPosition from = EmbargoPosition.of(consent);
      assertThat(EmbargoNegotiation.onDecision(from, EmState.PROPOSED, EmEvent.ACCEPT, false, false)).isEqualTo(from);
      PecState owner = EmbargoConsent.allowed(consent).contains(PecEvent.ACCEPT) ? SIGNATORY : consent;
      assertThat(EmbargoNegotiation.onDecision(from, EmState.PROPOSED, EmEvent.ACCEPT, true, false)).isEqualTo(EmbargoPosition.of(owner));
      assertThat(EmbargoNegotiation.onDecision(from, EmState.PROPOSED, EmEvent.REJECT, true, false)).isEqualTo(EmbargoPosition.of(NO_EMBARGO));
    }
    assertThatThrownBy(() -> EmbargoNegotiation.onDecision(EmbargoPosition.of(INVITED), EmState.PROPOSED, EmEvent.PROPOSE, false, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EmbargoNegotiation.onDecision(EmbargoPosition.of(INVITED), EmState.ACTIVE, EmEvent.ACCEPT, false, false))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void theLibraCoreNegotiationLeavesTheFinderBoundByItsOwnShorterTerms() {
    // The maintainer (owner) proposes 90 days, the finder 45, the owner accepts.
    EmbargoPosition owner = EmbargoPosition.of(NO_EMBARGO);
    EmbargoPosition finder = EmbargoPosition.of(NO_EMBARGO);
    owner = EmbargoNegotiation.onProposal(owner, EmState.NONE, true, true);
    finder = EmbargoNegotiation.onProposal(finder, EmState.NONE, false, true);
    assertThat(owner.consent()).isEqualTo(SIGNATORY);
    assertThat(finder.consent()).isEqualTo(INVITED);
    owner = EmbargoNegotiation.onProposal(owner, EmState.PROPOSED, false, true);
    finder = EmbargoNegotiation.onProposal(finder, EmState.PROPOSED, true, true);
    assertThat(finder.consent()).as("proposing is consenting").isEqualTo(SIGNATORY);
    assertThat(owner.consent()).as("90 days contain 45").isEqualTo(SIGNATORY);
    // Nothing the deadline can lapse: the finder is not waiting for an answer.
    assertThat(RsvpDeadline.pending(finder.consent(), false)).isFalse();
    finder = EmbargoNegotiation.onDecision(finder, EmState.PROPOSED, EmEvent.ACCEPT, false, false);
    assertThat(finder.consent()).isEqualTo(SIGNATORY);
  }
}
