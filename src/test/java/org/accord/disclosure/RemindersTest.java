package org.accord.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The reminder rule ({@link Reminders#due}, ADR 0126): each kind at, just before and after its instant. */
class RemindersTest {
  static final Instant T0 = Instant.parse("2026-12-03T09:00:00Z");
  static final Duration MS = Duration.ofMillis(1);
  static final Instant RSVP = T0.plus(Duration.ofDays(7));
  static final Instant END = T0.plus(Duration.ofDays(30));

  static Reminders.Party<String> party(String key, boolean owner, boolean vendor, PecState consent, boolean seen, boolean status) {
    return new Reminders.Party<>(key, owner, vendor, consent, T0, seen, status);
  }

  static List<Reminders.Due<String>> due(EmState em, Reminders.Party<String> party, Instant now) {
    return Reminders.due(new Reminders.CaseFacts(em, em == EmState.ACTIVE || em == EmState.REVISE ? Optional.of(END) : Optional.empty(),
        Optional.of(RSVP)), List.of(party), now);
  }

  static List<Reminders.Kind> kinds(EmState em, Reminders.Party<String> party, Instant now) {
    return due(em, party, now).stream().map(Reminders.Due::kind).toList();
  }

  @Test
  void unseenAfterSevenDaysForAnyoneButTheOwnerAndOnlyUntilSomeoneOpensIt() {
    Reminders.Party<String> silent = party("Acme", false, false, PecState.NO_EMBARGO, false, false);
    assertThat(kinds(EmState.NONE, silent, T0.plus(Reminders.UNSEEN_AFTER).minus(MS))).isEmpty();
    assertThat(due(EmState.NONE, silent, T0.plus(Reminders.UNSEEN_AFTER)))
        .containsExactly(new Reminders.Due<>(Reminders.Kind.UNSEEN, "Acme", T0.plus(Reminders.UNSEEN_AFTER)));
    assertThat(kinds(EmState.NONE, party("Acme", false, false, PecState.NO_EMBARGO, true, false), T0.plus(Duration.ofDays(9)))).isEmpty();
    assertThat(kinds(EmState.NONE, party("Libra", true, false, PecState.NO_EMBARGO, false, false), T0.plus(Duration.ofDays(9)))).isEmpty();
  }

  @Test
  void noStatusAfterFourteenDaysForVendorsWithoutAnAnswerIncludingTheOwner() {
    Instant due = T0.plus(Reminders.NO_STATUS_AFTER);
    assertThat(kinds(EmState.NONE, party("Libra", true, true, PecState.NO_EMBARGO, true, false), due.minus(MS))).isEmpty();
    assertThat(due(EmState.NONE, party("Libra", true, true, PecState.NO_EMBARGO, true, false), due))
        .containsExactly(new Reminders.Due<>(Reminders.Kind.NO_STATUS, "Libra", due));
    assertThat(kinds(EmState.NONE, party("Libra", true, true, PecState.NO_EMBARGO, true, true), due)).isEmpty();
    assertThat(kinds(EmState.NONE, party("Finder", false, false, PecState.NO_EMBARGO, true, false), due)).isEmpty();
  }

  @Test
  void rsvpReminderFromTwentyFourHoursBeforeUpToTheInclusiveDeadline() {
    Reminders.Party<String> invited = party("Acme", false, false, PecState.INVITED, true, false);
    assertThat(kinds(EmState.PROPOSED, invited, RSVP.minus(Reminders.RSVP_BEFORE).minus(MS))).isEmpty();
    assertThat(due(EmState.PROPOSED, invited, RSVP.minus(Reminders.RSVP_BEFORE)))
        .containsExactly(new Reminders.Due<>(Reminders.Kind.RSVP_DEADLINE, "Acme", RSVP));
    assertThat(kinds(EmState.ACTIVE, invited, RSVP)).containsExactly(Reminders.Kind.RSVP_DEADLINE);
    assertThat(kinds(EmState.PROPOSED, invited, RSVP.plus(MS))).as("lapsed: too late").isEmpty();
    // Not for those who answered, the owner, or without terms.
    assertThat(kinds(EmState.PROPOSED, party("Acme", false, false, PecState.SIGNATORY, true, false), RSVP)).isEmpty();
    assertThat(kinds(EmState.PROPOSED, party("Libra", true, false, PecState.INVITED, true, false), RSVP)).isEmpty();
    assertThat(kinds(EmState.EXITED, invited, RSVP)).isEmpty();
    // A late joiner's own deadline (joining plus seven days) is the one reminded of.
    Instant joined = T0.plus(Duration.ofDays(3));
    Reminders.Party<String> late = new Reminders.Party<>("Late", false, false, PecState.INVITED, joined, true, false);
    assertThat(kinds(EmState.PROPOSED, late, RSVP.minus(Reminders.RSVP_BEFORE))).isEmpty();
    assertThat(due(EmState.PROPOSED, late, joined.plus(Duration.ofDays(6)))).extracting(Reminders.Due::about)
        .containsExactly(joined.plus(EmbargoRules.RSVP_DEFAULT));
  }

  @Test
  void embargoEndWindowsDoNotOverlapAndReachSignatoriesOnly() {
    Reminders.Party<String> bound = party("Acme", false, false, PecState.SIGNATORY, true, false);
    Instant first = END.minus(Reminders.EMBARGO_FIRST);
    Instant last = END.minus(Reminders.EMBARGO_LAST);
    assertThat(kinds(EmState.ACTIVE, bound, first.minus(MS))).isEmpty();
    assertThat(due(EmState.ACTIVE, bound, first)).containsExactly(new Reminders.Due<>(Reminders.Kind.EMBARGO_END_72H, "Acme", END));
    assertThat(kinds(EmState.REVISE, bound, last.minus(MS))).containsExactly(Reminders.Kind.EMBARGO_END_72H);
    assertThat(kinds(EmState.ACTIVE, bound, last)).containsExactly(Reminders.Kind.EMBARGO_END_24H);
    assertThat(kinds(EmState.ACTIVE, bound, END.minus(MS))).containsExactly(Reminders.Kind.EMBARGO_END_24H);
    assertThat(kinds(EmState.ACTIVE, bound, END)).isEmpty();
    assertThat(kinds(EmState.ACTIVE, party("Acme", false, false, PecState.DECLINED, true, false), last)).isEmpty();
    assertThat(kinds(EmState.PROPOSED, bound, last)).as("terms not in force").isEmpty();
    // Revised terms: a different end is a different reminder.
    Instant revised = END.plus(Duration.ofDays(10));
    List<Reminders.Due<String>> later = Reminders.due(new Reminders.CaseFacts(EmState.ACTIVE, Optional.of(revised), Optional.empty()),
        List.of(bound), revised.minus(Reminders.EMBARGO_LAST));
    assertThat(later).containsExactly(new Reminders.Due<>(Reminders.Kind.EMBARGO_END_24H, "Acme", revised));
    assertThat(later.get(0).text()).contains(revised.toString()).contains("24 hours");
  }
}
