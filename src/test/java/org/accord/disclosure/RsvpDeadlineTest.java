package org.accord.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RSVP deadlines as pure functions: the latest invitation's deadline, inclusive; the pocket veto; the late acceptance. */
class RsvpDeadlineTest {
  static final Instant T = Instant.parse("2026-12-03T09:00:00Z");
  static final Duration MS = Duration.ofMillis(1);

  @Test
  void theDeadlineIsTheLatestInvitations() {
    Instant proposalDeadline = T.plus(Duration.ofDays(7));
    // Joined before the proposal: the proposal's deadline.
    assertThat(RsvpDeadline.of(T.minus(Duration.ofDays(30)), Optional.of(proposalDeadline))).contains(proposalDeadline);
    // Joined after it: seven days from joining, never less than the proposal's.
    Instant joined = T.plus(Duration.ofDays(6));
    assertThat(RsvpDeadline.of(joined, Optional.of(proposalDeadline))).contains(joined.plus(EmbargoRules.RSVP_DEFAULT));
    assertThat(RsvpDeadline.of(joined, Optional.empty())).isEmpty();
    // Whatever the order, at least the 72-hour minimum from the latest invitation.
    for (int hours = 0; hours < 24 * 14; hours += 7) {
      Instant when = T.plus(Duration.ofHours(hours));
      Instant deadline = RsvpDeadline.of(when, Optional.of(proposalDeadline)).orElseThrow();
      assertThat(Duration.between(when, deadline)).isGreaterThanOrEqualTo(EmbargoRules.RSVP_MIN);
      assertThat(deadline).isAfterOrEqualTo(proposalDeadline);
    }
  }

  @Test
  void theDeadlineIsInclusive() {
    assertThat(RsvpDeadline.passed(T, T.minus(MS))).isFalse();
    assertThat(RsvpDeadline.passed(T, T)).isFalse();
    assertThat(RsvpDeadline.passed(T, T.plus(MS))).isTrue();
  }

  @Test
  void onlyAnInviteeThatDoesNotOwnTheCaseLapsesAndOnlyAfterItsDeadlineWhileThereAreTerms() {
    assertThat(EnumSet.allOf(PecState.class).stream().filter(s -> RsvpDeadline.pending(s, false)))
        .containsExactlyInAnyOrder(PecState.INVITED, PecState.LAPSED);
    assertThat(EnumSet.allOf(PecState.class).stream().filter(s -> RsvpDeadline.pending(s, true))).isEmpty();
    for (EmState em : EmState.values()) {
      boolean terms = em == EmState.PROPOSED || em == EmState.ACTIVE || em == EmState.REVISE;
      for (PecState consent : PecState.values()) {
        for (boolean owner : new boolean[] {false, true}) {
          boolean lapses = terms && !owner && (consent == PecState.INVITED || consent == PecState.LAPSED);
          assertThat(RsvpDeadline.lapse(consent, owner, T, T.plus(MS), em)).as(consent + " owner " + owner + " " + em)
              .isEqualTo(lapses ? Optional.of(PecState.DECLINED) : Optional.empty());
          assertThat(RsvpDeadline.lapse(consent, owner, T, T, em)).as("at the deadline").isEmpty();
        }
      }
    }
  }

  @Test
  void aLapsedInviteeMayAcceptLateButNotDeclineAgainAndOneThatDeclinedItselfIsInvitedFirst() {
    Optional<Instant> lapsed = Optional.of(T);
    for (EmState em : EnumSet.of(EmState.PROPOSED, EmState.ACTIVE, EmState.REVISE)) {
      assertThat(RsvpDeadline.answer(PecState.DECLINED, PecEvent.ACCEPT, em, lapsed)).isEqualTo(PecState.SIGNATORY);
      assertThatThrownBy(() -> RsvpDeadline.answer(PecState.DECLINED, PecEvent.DECLINE, em, lapsed))
          .isInstanceOf(IllegalTransitionException.class)
          .hasMessageContaining("RSVP deadline 2026-12-03T09:00:00Z").hasMessageContaining("MSM-07-007");
      // Declined by its own answer: Vultron's table, no late acceptance (MSM-07-002).
      assertThatThrownBy(() -> RsvpDeadline.answer(PecState.DECLINED, PecEvent.ACCEPT, em, Optional.empty()))
          .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("MSM-07-002");
      // Anything else is the consent table's answer.
      for (PecState consent : EnumSet.complementOf(EnumSet.of(PecState.DECLINED))) {
        for (PecEvent event : EnumSet.of(PecEvent.ACCEPT, PecEvent.DECLINE)) {
          PecState expected;
          try {
            expected = EmbargoConsent.next(consent, event, em);
          } catch (IllegalTransitionException e) {
            assertThatThrownBy(() -> RsvpDeadline.answer(consent, event, em, Optional.empty())).isInstanceOf(IllegalTransitionException.class);
            continue;
          }
          assertThat(RsvpDeadline.answer(consent, event, em, Optional.empty())).isEqualTo(expected);
        }
      }
    }
    // An ended embargo leaves no terms to accept late (EMB-17-004: nothing changes).
    assertThatThrownBy(() -> RsvpDeadline.answer(PecState.DECLINED, PecEvent.ACCEPT, EmState.EXITED, lapsed))
        .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("no embargo terms");
  }
}
