package org.accord.disclosure;

import static org.accord.disclosure.PecState.DECLINED;
import static org.accord.disclosure.PecState.INVITED;
import static org.accord.disclosure.PecState.LAPSED;
import static org.accord.disclosure.PecState.NO_EMBARGO;
import static org.accord.disclosure.PecState.SIGNATORY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EmbargoConsentTest {
  /** Vultron's PEC table (participant-embargo-consent.md, "Full Transition Table"), wire and timer rows. */
  static final Map<String, PecState> VULTRON = Map.ofEntries(
      Map.entry("NO_EMBARGO INVITE", INVITED),
      Map.entry("NO_EMBARGO ACCEPT", SIGNATORY),
      Map.entry("NO_EMBARGO DECLINE", DECLINED),
      Map.entry("INVITED ACCEPT", SIGNATORY),
      Map.entry("INVITED DECLINE", DECLINED),
      Map.entry("INVITED DEADLINE_PASSED", DECLINED),
      Map.entry("SIGNATORY DECLINE", DECLINED),
      Map.entry("LAPSED INVITE", INVITED),
      Map.entry("LAPSED ACCEPT", SIGNATORY),
      Map.entry("LAPSED DECLINE", DECLINED),
      Map.entry("LAPSED DEADLINE_PASSED", DECLINED),
      Map.entry("DECLINED INVITE", INVITED));

  @Test
  void everyStateEventAndEmbargoStateFollowsVultronsTable() {
    int legal = 0;
    int refused = 0;
    for (EmState em : EmState.values()) {
      boolean terms = em == EmState.PROPOSED || em == EmState.ACTIVE || em == EmState.REVISE;
      for (PecState from : PecState.values()) {
        for (PecEvent event : PecEvent.values()) {
          PecState expected = VULTRON.get(from + " " + event);
          if (expected != null && terms) {
            assertThat(EmbargoConsent.next(from, event, em)).as(from + " " + event + " " + em).isEqualTo(expected);
            legal++;
          } else {
            assertThatThrownBy(() -> EmbargoConsent.next(from, event, em))
                .as(from + " " + event + " " + em)
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageStartingWith("PEC: cannot " + event + " from " + from + ": ");
            refused++;
          }
        }
      }
    }
    assertThat(legal).isEqualTo(12 * 3);
    assertThat(refused).isEqualTo(5 * 5 * 4 - legal);
  }

  @Test
  void aProposalLapsesNobodyAndOnlyTheEmbargosEndResetsConsent() {
    // ADR 0123 (Vultron EP-05-002): proposals and counter-proposals change no consent by themselves.
    for (PecState s : PecState.values()) {
      assertThat(EmbargoConsent.afterEmbargo(s, EmState.ACTIVE, EmEvent.PROPOSE_REVISION)).isEqualTo(s);
      assertThat(EmbargoConsent.afterEmbargo(s, EmState.REVISE, EmEvent.PROPOSE_REVISION)).isEqualTo(s);
      assertThat(EmbargoConsent.afterEmbargo(s, EmState.PROPOSED, EmEvent.PROPOSE)).isEqualTo(s);
      assertThat(EmbargoConsent.afterEmbargo(s, EmState.PROPOSED, EmEvent.ACCEPT)).as("acceptance keeps terms")
          .isEqualTo(s);
      assertThat(EmbargoConsent.afterEmbargo(s, EmState.REVISE, EmEvent.REJECT_REVISION)).isEqualTo(s);
      assertThat(EmbargoConsent.afterEmbargo(s, EmState.ACTIVE, EmEvent.TERMINATE)).isEqualTo(NO_EMBARGO);
      assertThat(EmbargoConsent.afterEmbargo(s, EmState.REVISE, EmEvent.TERMINATE)).isEqualTo(NO_EMBARGO);
      assertThat(EmbargoConsent.afterEmbargo(s, EmState.PROPOSED, EmEvent.REJECT)).isEqualTo(NO_EMBARGO);
      // An accepted revision depends on the answers and the terms: EmbargoNegotiation decides it.
      assertThatThrownBy(() -> EmbargoConsent.afterEmbargo(s, EmState.REVISE, EmEvent.ACCEPT_REVISION))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EmbargoNegotiation");
    }
    assertThat(SIGNATORY.bound()).isTrue();
    assertThat(LAPSED.bound()).isFalse();
  }

  @Test
  void aLapsedSignatoryMustAcceptAgainAndASignatoryCannotBeInvitedAgain() {
    PecState s = EmbargoConsent.next(NO_EMBARGO, PecEvent.INVITE, EmState.PROPOSED);
    s = EmbargoConsent.next(s, PecEvent.ACCEPT, EmState.PROPOSED);
    assertThat(s).isEqualTo(SIGNATORY);
    PecState signatory = s;
    assertThatThrownBy(() -> EmbargoConsent.next(signatory, PecEvent.INVITE, EmState.ACTIVE))
        .hasMessageContaining("already accepted");
    s = EmbargoNegotiation.onDecision(new EmbargoPosition(s, RevisionAnswer.ASKED), EmState.REVISE, EmEvent.ACCEPT_REVISION, false, true)
        .consent();
    assertThat(s).isEqualTo(LAPSED);
    assertThat(EmbargoConsent.next(s, PecEvent.DEADLINE_PASSED, EmState.ACTIVE)).isEqualTo(DECLINED);
    assertThat(EmbargoConsent.next(s, PecEvent.ACCEPT, EmState.ACTIVE)).isEqualTo(SIGNATORY);
    assertThatThrownBy(() -> EmbargoConsent.next(NO_EMBARGO, PecEvent.INVITE, EmState.EXITED))
        .hasMessageContaining("no embargo terms");
  }
}
