package org.accord.disclosure;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.accord.InvalidInputException;

/**
 * The limits on an embargo and its invitations (ADR 0103), as pure functions of the terms and the
 * moment they are checked:
 *
 * <ul>
 *   <li>the end is strictly after now ({@code end});
 *   <li>at most {@link #WITHOUT_JUSTIFICATION} (90 days) from its start without a written justification
 *       ({@code justification}); more needs one;
 *   <li>never more than {@link #MAX} (one year, counted as 365 days) from its start ({@code end});
 *   <li>an invitation's RSVP deadline is {@link #RSVP_DEFAULT} (7 days) after it is sent unless given,
 *       and never less than {@link #RSVP_MIN} (72 hours) ({@code rsvp});
 *   <li>an embargo cannot start once the public is aware (P), an exploit is public (X) or attacks are
 *       observed (A) ({@code state}): there is nothing left to keep private.
 * </ul>
 *
 * <p>Limits count from the embargo's start: a new proposal starts now, a revision of a running embargo
 * counts from when it became active, so revisions cannot stretch an embargo past a year in steps.
 * Every refusal is an {@link InvalidInputException} whose location names the field. Stateless and
 * thread-safe.
 */
public final class EmbargoRules {
  /** The longest embargo without a written justification. */
  public static final Duration WITHOUT_JUSTIFICATION = Duration.ofDays(90);
  /** The longest embargo at all: one year, counted as 365 days. */
  public static final Duration MAX = Duration.ofDays(365);
  /** An invitation's RSVP window unless one is given. */
  public static final Duration RSVP_DEFAULT = Duration.ofDays(7);
  /** The shortest RSVP window: three days, so a weekend cannot swallow it. */
  public static final Duration RSVP_MIN = Duration.ofHours(72);
  /** The longest justification accepted, in characters. */
  public static final int JUSTIFICATION_MAX_CHARS = 4000;

  private EmbargoRules() {}

  /**
   * Checks terms proposed at {@code now} for an embargo that would start then.
   *
   * @return the terms, unchanged
   * @throws InvalidInputException naming {@code end} or {@code justification}
   */
  public static EmbargoTerms check(EmbargoTerms terms, Instant now) {
    return checkRevision(terms, now, now);
  }

  /**
   * Checks new terms proposed at {@code now} for an embargo that has been active since {@code since}:
   * the end must still be in the future, and the limits count from {@code since}.
   *
   * @throws InvalidInputException naming {@code end} or {@code justification}
   */
  public static EmbargoTerms checkRevision(EmbargoTerms terms, Instant now, Instant since) {
    Objects.requireNonNull(terms, "terms");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(since, "since");
    if (since.isAfter(now)) {
      throw new IllegalArgumentException("an embargo cannot have started after now");
    }
    if (!terms.end().isAfter(now)) {
      throw new InvalidInputException("the embargo end " + terms.end() + " is not in the future (now is " + now + ")",
          "end");
    }
    Duration length = Duration.between(since, terms.end());
    if (length.compareTo(MAX) > 0) {
      throw new InvalidInputException("the embargo would last " + describe(length) + "; more than one year ("
          + MAX.toDays() + " days) is refused", "end");
    }
    if (length.compareTo(WITHOUT_JUSTIFICATION) > 0 && terms.justification().isEmpty()) {
      throw new InvalidInputException("the embargo would last " + describe(length) + "; more than "
          + WITHOUT_JUSTIFICATION.toDays() + " days needs a written justification", "justification");
    }
    return terms;
  }

  /**
   * The RSVP deadline of an invitation sent at {@code now}: {@code now} plus the window, or plus
   * {@link #RSVP_DEFAULT} when none is given.
   *
   * @throws InvalidInputException with location {@code rsvp} for a window under {@link #RSVP_MIN}
   */
  public static Instant rsvpDeadline(Instant now, Optional<Duration> window) {
    Duration chosen = window.orElse(RSVP_DEFAULT);
    if (chosen.compareTo(RSVP_MIN) < 0) {
      throw new InvalidInputException("an RSVP window of " + describe(chosen) + " is too short; at least "
          + RSVP_MIN.toHours() + " hours", "rsvp");
    }
    return now.plus(chosen);
  }

  /**
   * Checks an RSVP deadline given as an instant for an invitation sent at {@code now}.
   *
   * @throws InvalidInputException with location {@code rsvp} for a deadline less than {@link #RSVP_MIN}
   *     after now
   */
  public static Instant checkRsvpDeadline(Instant deadline, Instant now) {
    return rsvpDeadline(now, Optional.of(Duration.between(now, deadline)));
  }

  /**
   * Refuses to start an embargo once any of P, X or A holds.
   *
   * @param publicAware P: the public knows of the vulnerability
   * @param exploitPublic X: an exploit is public
   * @param attacksObserved A: attacks have been observed
   * @throws InvalidInputException with location {@code state}, naming the flags that hold
   */
  public static void requireCanStart(boolean publicAware, boolean exploitPublic, boolean attacksObserved) {
    List<String> holding = new ArrayList<>();
    if (publicAware) {
      holding.add("the public is aware (P)");
    }
    if (exploitPublic) {
      holding.add("an exploit is public (X)");
    }
    if (attacksObserved) {
      holding.add("attacks have been observed (A)");
    }
    if (!holding.isEmpty()) {
      throw new InvalidInputException("an embargo cannot start: " + String.join(", ", holding), "state");
    }
  }

  /** {@code 90 days}, {@code 90 days 0 h 0 min 0.001 s}, {@code 71 h 59 min}: exact, for messages. */
  static String describe(Duration duration) {
    long days = duration.toDays();
    Duration rest = duration.minusDays(days);
    if (rest.isZero()) {
      return days + (days == 1 ? " day" : " days");
    }
    String clock = rest.toHours() + " h " + rest.toMinutesPart() + " min"
        + (rest.toSecondsPart() == 0 && rest.toNanosPart() == 0 ? ""
            : " " + (rest.toSecondsPart() + rest.toNanosPart() / 1e9) + " s");
    return days == 0 ? clock : days + (days == 1 ? " day " : " days ") + clock;
  }
}
