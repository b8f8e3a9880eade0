package org.accord.jurisdiction;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Objects;
import org.accord.InvalidInputException;

/**
 * A period the law states, as an ISO 8601 duration: {@code PT24H}, {@code PT72H}, {@code P2D}, {@code
 * P14D}, {@code P1M}. Months and years are calendar ones (NIS2's "one month" is not 30 days), counted in
 * UTC; days, hours and minutes are exact.
 *
 * @param text the ISO 8601 form as written
 * @param period the calendar part (years, months, days)
 * @param time the exact part (hours, minutes, seconds)
 */
public record Term(String text, Period period, Duration time) {
  public Term {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(time, "time");
  }

  /**
   * The term written {@code text}.
   *
   * @throws InvalidInputException if it is not a positive ISO 8601 duration of years, months, weeks,
   *     days, hours and minutes
   */
  @JsonCreator
  public static Term parse(String text) {
    String trimmed = text == null ? "" : text.strip();
    int t = trimmed.indexOf('T');
    try {
      Period period = t == 1 ? Period.ZERO : Period.parse(t < 0 ? trimmed : trimmed.substring(0, t));
      Duration time = t < 0 ? Duration.ZERO : Duration.parse("P" + trimmed.substring(t));
      if (period.isNegative() || time.isNegative() || period.isZero() && time.isZero()) {
        throw new InvalidInputException("'" + text + "' is not a positive period", "");
      }
      return new Term(trimmed, period, time);
    } catch (DateTimeException | IndexOutOfBoundsException e) {
      throw new InvalidInputException(
          "'" + text + "' is not an ISO 8601 duration such as PT24H, P14D or P1M", "", e);
    }
  }

  /** The instant this term after {@code start}: the calendar part first, in UTC, then the exact part. */
  public Instant after(Instant start) {
    return start.atOffset(ZoneOffset.UTC).plus(period).plus(time).toInstant();
  }

  @JsonValue
  @Override
  public String toString() {
    return text;
  }
}
