package org.accord.disclosure;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.accord.InvalidInputException;

/**
 * What an embargo is: the instant it ends, in UTC, and the written reason when it runs longer than the
 * usual limit. An end is an instant, never a date without a zone, so every participant reads the same
 * moment; {@link #endIn} shows it in a viewer's zone with the zone named. Whether the terms are
 * acceptable at a given moment is {@link EmbargoRules}'s to say. Immutable and thread-safe.
 *
 * @param end when the embargo ends
 * @param justification why it must run longer than {@link EmbargoRules#WITHOUT_JUSTIFICATION}, if
 *     given: stripped, not blank, at most {@link EmbargoRules#JUSTIFICATION_MAX_CHARS} characters
 */
public record EmbargoTerms(Instant end, Optional<String> justification) {
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

  /** @throws InvalidInputException with location {@code justification} for a blank or overlong one */
  public EmbargoTerms {
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(justification, "justification");
    if (justification.isPresent()) {
      String text = justification.get().strip();
      if (text.isEmpty()) {
        throw new InvalidInputException("the justification is blank; write why the embargo must be this long, or leave "
            + "it out", "justification");
      }
      if (text.length() > EmbargoRules.JUSTIFICATION_MAX_CHARS) {
        throw new InvalidInputException("the justification has " + text.length() + " characters; at most "
            + EmbargoRules.JUSTIFICATION_MAX_CHARS + " are accepted", "justification");
      }
      justification = Optional.of(text);
    }
  }

  /** Terms without a justification. */
  public static EmbargoTerms endingAt(Instant end) {
    return new EmbargoTerms(end, Optional.empty());
  }

  /**
   * The end as a person in {@code zone} reads it, with the zone named: {@code 2027-03-04 17:00
   * Europe/Berlin (UTC+01:00)}, or {@code 2027-03-04 16:00 UTC}. Seconds are shown when not zero.
   */
  public String endIn(ZoneId zone) {
    ZonedDateTime local = end.atZone(Objects.requireNonNull(zone, "zone"));
    String time = (local.getSecond() == 0 && local.getNano() == 0 ? MINUTES : SECONDS).format(local);
    ZoneOffset offset = local.getOffset();
    if (zone.normalized().equals(ZoneOffset.UTC) && (zone instanceof ZoneOffset || zone.getId().equals("UTC"))) {
      return time + " UTC";
    }
    String utcOffset = offset.equals(ZoneOffset.UTC) ? "UTC" : "UTC" + offset.getId();
    return zone instanceof ZoneOffset ? time + " " + utcOffset : time + " " + zone.getId() + " (" + utcOffset + ")";
  }
}
