package org.accord.disclosure;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which reminders a case owes its participants at an instant (issue 10, item 3; ADR 0126), as one pure
 * function, {@link #due}. Stateless and thread-safe; nothing is null.
 *
 * <p>Each reminder is about one participant and one instant, the deadline it is about ({@link
 * Due#about}); the caller sends each (case, participant, kind, about) once. A changed deadline (a new
 * proposal's RSVP deadline, revised embargo terms) is a different {@code about} and so a new reminder.
 */
public final class Reminders {
  /*
   * What, per kind (the list):
   *  - UNSEEN: invited 7 days ago and no one of the participant has opened the case. Vultron has a
   *    receiver acknowledge a report by reading it (RmReadReport, an as:Read, "acknowledge receipt"); a
   *    participant that never opened the case has not even done that. The case owner opened it.
   *  - NO_STATUS: a vendor participant with no VEX answer for any product 14 days after it was invited
   *    (issue 9 item 6: "not yet checked" is not an answer, so it does not count).
   *  - RSVP_DEADLINE: a participant still to answer embargo terms (RsvpDeadline.pending) within 24 hours
   *    of its deadline (RsvpDeadline.of), up to and including the deadline (inclusive, RsvpDeadline.passed);
   *    after it the invitation lapses (MSM-07-007) and a reminder would come too late.
   *  - EMBARGO_END_72H / _24H: the embargo in force (EM Active or Revise) ends within 72 hours / 24
   *    hours; told to its signatories (PecState.bound, Vultron's embargo_adherence), the same recipients
   *    as ADR 0114's embargo alert: the parties that hold information back until the end and must be
   *    ready to publish. Vultron's AnnounceEmbargo activity serves "to remind participants of its
   *    status" (docs/howto/activitypub/activities/manage_embargo.md). The windows do not overlap: once
   *    within 24 hours only the 24-hour reminder is due, so a scheduler that was down across both
   *    instants sends the nearer one, not two at once.
   *
   * Why a window, not "at": a scheduler runs every few seconds and may have been stopped; a reminder due
   * at T is sent by the first sweep at or after T while it still makes sense (before its deadline).
   * UNSEEN and NO_STATUS have no such end: they stay due until the participant acts, and the caller's
   * once-per-key record keeps them to one.
   */

  /** A participant is reminded that it has not opened the case this long after its invitation. */
  public static final Duration UNSEEN_AFTER = Duration.ofDays(7);
  /** A vendor is reminded that it has given no status this long after its invitation. */
  public static final Duration NO_STATUS_AFTER = Duration.ofDays(14);
  /** An RSVP deadline is reminded of this long before it. */
  public static final Duration RSVP_BEFORE = Duration.ofHours(24);
  /** The first embargo-end reminder, this long before the end. */
  public static final Duration EMBARGO_FIRST = Duration.ofHours(72);
  /** The second embargo-end reminder, this long before the end. */
  public static final Duration EMBARGO_LAST = Duration.ofHours(24);

  private Reminders() {}

  /** What a reminder is about. */
  public enum Kind {
    /** Invited, and no one of the participant opened the case after {@link #UNSEEN_AFTER}. */
    UNSEEN,
    /** A vendor without a status after {@link #NO_STATUS_AFTER}. */
    NO_STATUS,
    /** The participant's RSVP deadline is within {@link #RSVP_BEFORE}. */
    RSVP_DEADLINE,
    /** The embargo ends within {@link #EMBARGO_FIRST}. */
    EMBARGO_END_72H,
    /** The embargo ends within {@link #EMBARGO_LAST}. */
    EMBARGO_END_24H;

    /** The lower-case label, as stored. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The kind a stored label names. */
    public static Kind parse(String label) {
      return valueOf(label.toUpperCase(Locale.ROOT));
    }

    /**
     * One sentence for the participant's members: only the participant's own facts and the deadline,
     * which every member who sees the case sees in it; no other participant is named.
     */
    public String text(Instant about) {
      return switch (this) {
        case UNSEEN -> "Reminder: your organization was invited to this case " + UNSEEN_AFTER.toDays()
            + " days ago and no one of it has opened the case yet.";
        case NO_STATUS -> "Reminder: your organization has not given a status for its products in this case, "
            + NO_STATUS_AFTER.toDays() + " days after it was invited.";
        case RSVP_DEADLINE -> "Reminder: please answer the proposed embargo terms by " + about
            + "; an invitation not answered by then declines.";
        case EMBARGO_END_72H, EMBARGO_END_24H -> "Reminder: the embargo you agreed to ends at " + about
            + " (in " + (this == EMBARGO_END_72H ? EMBARGO_FIRST : EMBARGO_LAST).toHours() + " hours or less).";
      };
    }
  }

  /**
   * What the rule needs of one participant.
   *
   * @param key the caller's key for it (an organization id)
   * @param owner whether it owns the case
   * @param vendor whether it takes part as a vendor
   * @param consent its consent to the embargo terms
   * @param invited when it joined the case
   * @param seen whether any of its members (or it as a whole) has opened the case
   * @param status whether it has a VEX answer for any product
   */
  public record Party<K>(K key, boolean owner, boolean vendor, PecState consent, Instant invited, boolean seen, boolean status) {
    public Party {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(consent, "consent");
      Objects.requireNonNull(invited, "invited");
    }
  }

  /**
   * What the rule needs of the case.
   *
   * @param em its EM state
   * @param embargoEnd the end of the terms in force, if any
   * @param latestRsvpDeadline the RSVP deadline of its latest embargo proposal, if any
   */
  public record CaseFacts(EmState em, Optional<Instant> embargoEnd, Optional<Instant> latestRsvpDeadline) {
    public CaseFacts {
      Objects.requireNonNull(em, "em");
      Objects.requireNonNull(embargoEnd, "embargoEnd");
      Objects.requireNonNull(latestRsvpDeadline, "latestRsvpDeadline");
    }
  }

  /**
   * One reminder due.
   *
   * @param about the instant it is about: the deadline, the embargo end, or when the invitation became
   *     overdue (invitation plus {@link #UNSEEN_AFTER} or {@link #NO_STATUS_AFTER})
   */
  public record Due<K>(Kind kind, K participant, Instant about) {
    /** Its sentence. */
    public String text() {
      return kind.text(about);
    }
  }

  /**
   * The reminders due at {@code now}, in the order of {@code parties} and then of {@link Kind}; whether
   * each was sent already is the caller's to know.
   */
  public static <K> List<Due<K>> due(CaseFacts facts, List<Party<K>> parties, Instant now) {
    Objects.requireNonNull(now, "now");
    boolean terms = facts.em() != EmState.NONE && facts.em() != EmState.EXITED;
    boolean inForce = facts.em() == EmState.ACTIVE || facts.em() == EmState.REVISE;
    List<Due<K>> out = new ArrayList<>();
    for (Party<K> p : parties) {
      Instant unseen = p.invited().plus(UNSEEN_AFTER);
      if (!p.owner() && !p.seen() && !now.isBefore(unseen)) {
        out.add(new Due<>(Kind.UNSEEN, p.key(), unseen));
      }
      Instant silent = p.invited().plus(NO_STATUS_AFTER);
      if (p.vendor() && !p.status() && !now.isBefore(silent)) {
        out.add(new Due<>(Kind.NO_STATUS, p.key(), silent));
      }
      if (terms && RsvpDeadline.pending(p.consent(), p.owner())) {
        RsvpDeadline.of(p.invited(), facts.latestRsvpDeadline())
            .filter(deadline -> !now.isBefore(deadline.minus(RSVP_BEFORE)) && !RsvpDeadline.passed(deadline, now))
            .ifPresent(deadline -> out.add(new Due<>(Kind.RSVP_DEADLINE, p.key(), deadline)));
      }
      if (inForce && p.consent().bound() && facts.embargoEnd().isPresent()) {
        Instant end = facts.embargoEnd().get();
        if (now.isBefore(end) && !now.isBefore(end.minus(EMBARGO_LAST))) {
          out.add(new Due<>(Kind.EMBARGO_END_24H, p.key(), end));
        } else if (now.isBefore(end.minus(EMBARGO_LAST)) && !now.isBefore(end.minus(EMBARGO_FIRST))) {
          out.add(new Due<>(Kind.EMBARGO_END_72H, p.key(), end));
        }
      }
    }
    return out;
  }
}
