package org.accord.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Which deadlines a member sees: every EM state, the owner against another participant against an outsider. */
class DeadlinesTest {
  static final CaseId ID = CaseId.parse("ACC-2026-0007");
  static final Instant T = Instant.parse("2026-12-03T09:00:00Z");
  static final long OWNER = 1;
  static final long VENDOR = 2;
  static final long FINDER = 3;
  static final Deadlines.Audience OWNER_SEES = new Deadlines.Audience(OptionalLong.of(OWNER), true);
  static final Deadlines.Audience VENDOR_SEES = new Deadlines.Audience(OptionalLong.of(VENDOR), false);
  static final Deadlines.Audience COORDINATOR_SEES = new Deadlines.Audience(OptionalLong.empty(), false);

  static EmbargoProposal proposal(long org, int days, int hoursAfterT) {
    return new EmbargoProposal(org, EmbargoTerms.endingAt(T.plus(Duration.ofDays(days))), T.plus(Duration.ofHours(hoursAfterT)));
  }

  static final List<EmbargoProposal> OPEN = List.of(proposal(FINDER, 45, 0), proposal(VENDOR, 90, 1));
  static final Map<Long, Instant> WAITING = Map.of(VENDOR, T.plus(Duration.ofDays(7)), FINDER, T.plus(Duration.ofDays(8)));

  @Test
  void proposedTermsAreATentativeEndAtTheShortestProposal() {
    List<Deadline> seen = Deadlines.of(ID, EmState.PROPOSED, Optional.empty(), OPEN, WAITING, VENDOR_SEES);
    assertThat(seen).containsExactly(
        new Deadline.Rsvp(ID, VENDOR, T.plus(Duration.ofDays(7)), true),
        new Deadline.EmbargoEnd(ID, T.plus(Duration.ofDays(45)), false));
    assertThat(seen.get(1).tentative()).isTrue();
    assertThat(seen.get(0).tentative()).isFalse();
  }

  @Test
  void theOwnerSeesEveryRsvpDeadlineAnotherParticipantOnlyItsOwnAnOutsiderNone() {
    assertThat(Deadlines.of(ID, EmState.PROPOSED, Optional.empty(), OPEN, WAITING, OWNER_SEES))
        .filteredOn(d -> d.kind() == Deadline.Kind.RSVP)
        .containsExactly(new Deadline.Rsvp(ID, VENDOR, T.plus(Duration.ofDays(7)), false),
            new Deadline.Rsvp(ID, FINDER, T.plus(Duration.ofDays(8)), false));
    assertThat(Deadlines.of(ID, EmState.PROPOSED, Optional.empty(), OPEN, WAITING, new Deadlines.Audience(OptionalLong.of(FINDER), false)))
        .filteredOn(d -> d.kind() == Deadline.Kind.RSVP)
        .extracting(Deadline::subject).containsExactly("participant-" + FINDER);
    assertThat(Deadlines.of(ID, EmState.PROPOSED, Optional.empty(), OPEN, WAITING, COORDINATOR_SEES))
        .extracting(Deadline::kind).containsExactly(Deadline.Kind.EMBARGO_END);
  }

  @Test
  void termsInForceAreAnAgreedEndAndARevisionATentativeOneBeside() {
    EmbargoTerms inForce = EmbargoTerms.endingAt(T.plus(Duration.ofDays(45)));
    assertThat(Deadlines.of(ID, EmState.ACTIVE, Optional.of(inForce), List.of(), Map.of(), VENDOR_SEES))
        .containsExactly(new Deadline.EmbargoEnd(ID, inForce.end(), true));
    List<Deadline> revise = Deadlines.of(ID, EmState.REVISE, Optional.of(inForce), List.of(proposal(VENDOR, 60, 2)), Map.of(), VENDOR_SEES);
    assertThat(revise).containsExactly(new Deadline.EmbargoEnd(ID, inForce.end(), true),
        new Deadline.EmbargoRevision(ID, T.plus(Duration.ofDays(60))));
    assertThat(revise).extracting(Deadline::tentative).containsExactly(false, true);
  }

  @Test
  void noTermsOrAnEndedEmbargoGiveNoDeadlineWhateverTheRowKept() {
    EmbargoTerms old = EmbargoTerms.endingAt(T.plus(Duration.ofDays(45)));
    assertThat(Deadlines.of(ID, EmState.NONE, Optional.empty(), List.of(), WAITING, OWNER_SEES)).isEmpty();
    assertThat(Deadlines.of(ID, EmState.EXITED, Optional.of(old), OPEN, WAITING, OWNER_SEES)).isEmpty();
  }

  @Test
  void theSubjectAndSoTheKeyDoNotMoveWithTheTime() {
    Deadline before = new Deadline.EmbargoEnd(ID, T.plus(Duration.ofDays(45)), false);
    Deadline after = new Deadline.EmbargoEnd(ID, T.plus(Duration.ofDays(30)), true);
    assertThat(DeadlineCalendar.uid(after, "h")).isEqualTo(DeadlineCalendar.uid(before, "h")).isEqualTo("ACC-2026-0007/embargo-end@h");
    assertThat(DeadlineCalendar.uid(new Deadline.EmbargoRevision(ID, T), "h")).isEqualTo("ACC-2026-0007/embargo-revision@h");
    assertThat(DeadlineCalendar.uid(new Deadline.Rsvp(ID, 9, T, true), "h"))
        .isEqualTo(DeadlineCalendar.uid(new Deadline.Rsvp(ID, 9, T.plusSeconds(5), false), "h"))
        .isEqualTo("ACC-2026-0007/rsvp/participant-9@h");
  }

  @Test
  void anOwnerIsAParticipant() {
    assertThatThrownBy(() -> new Deadlines.Audience(OptionalLong.empty(), true)).isInstanceOf(IllegalArgumentException.class);
  }
}
