package org.accord.accountability.commitment;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accord.InvalidInputException;
import org.accord.triage.Severity;

/**
 * One promise of a pledge: a kind, the severity it is for (any severity in the scope when empty), and
 * how long the organization gives itself. Immutable and thread-safe; nothing is null.
 *
 * @param kind what is promised
 * @param severity the case severity it is for, or empty for every severity the scope admits
 * @param within the time allowed, more than zero and at most {@link #LONGEST}
 */
public record Term(PledgeKind kind, Optional<Severity> severity, Duration within) {
  /** The longest term accepted: a promise further off than five years promises nothing checkable. */
  public static final Duration LONGEST = Duration.ofDays(5 * 365 + 1);

  private static final Pattern SHORT = Pattern.compile("(\\d{1,9})\\s*(h|d|w)");

  public Term {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(severity, "severity");
    requireDuration(within, "within");
  }

  /**
   * {@code within} if it is a usable term.
   *
   * @throws InvalidInputException at {@code location} for a zero, negative or absurd (over five years) duration
   */
  static Duration requireDuration(Duration within, String location) {
    Objects.requireNonNull(within, "within");
    if (within.isNegative() || within.isZero()) {
      throw new InvalidInputException("the term " + within + " is not positive: a pledge gives itself some time", location);
    }
    if (within.compareTo(LONGEST) > 0) {
      throw new InvalidInputException("the term " + within + " is longer than five years (" + LONGEST.toDays()
          + " days); a promise that far off cannot be checked", location);
    }
    return within;
  }

  /** A duration as ISO 8601, in whole days when it is whole days ({@code P30D}, else {@code PT36H}). */
  public static String text(Duration within) {
    return within.toSeconds() % 86_400 == 0 && within.getNano() == 0 ? "P" + within.toDays() + "D" : within.toString();
  }

  /**
   * A duration as ISO 8601 ({@code P3D}, {@code PT24H}) or shorthand ({@code 24h}, {@code 3d}, {@code 2w}).
   *
   * @throws InvalidInputException at {@code location} for anything else, or a duration {@link #requireDuration} refuses
   */
  public static Duration parseDuration(String text, String location) {
    String clean = text == null ? "" : text.strip();
    Matcher shorthand = SHORT.matcher(clean.toLowerCase(Locale.ROOT));
    Duration parsed;
    if (shorthand.matches()) {
      long n = Long.parseLong(shorthand.group(1));
      parsed = switch (shorthand.group(2)) {
        case "h" -> Duration.ofHours(n);
        case "d" -> Duration.ofDays(n);
        default -> Duration.ofDays(7 * n);
      };
    } else {
      try {
        parsed = Duration.parse(clean);
      } catch (DateTimeParseException | ArithmeticException e) {
        throw new InvalidInputException("'" + clean + "' is not a duration; write P3D, PT24H, 24h, 3d or 2w", location);
      }
    }
    return requireDuration(parsed, location);
  }
}
