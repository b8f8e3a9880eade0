package org.accord.party;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accord.InvalidInputException;
import java.util.Objects;

/**
 * What Accord knows of an API token, never its secret: only the secret's SHA-256 is stored, and the
 * secret is shown once, when the token is created.
 *
 * @param id the public id, by which the token is listed and revoked
 * @param organization the organization the token acts for
 * @param member the person it belongs to, or null for an organization's machine token
 * @param coordinator whether it carries the instance coordinator role
 * @param label a note to recognise it by; may be empty
 * @param created when it was created
 * @param expires when it stops working, or null if it never does
 * @param revoked when it was revoked, or null
 */
public record ApiToken(
    String id, Organization organization, Member member, boolean coordinator, String label, Instant created,
    Instant expires, Instant revoked) {
  public ApiToken {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(organization, "organization");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(created, "created");
  }

  /** Whether the token authenticates at {@code now}: not revoked and not expired. */
  public boolean activeAt(Instant now) {
    return revoked == null && (expires == null || now.isBefore(expires));
  }

  /** The longest lifetime a token may have. */
  public static final Duration MAX_LIFETIME = Duration.ofDays(3650);

  /**
   * A token lifetime as people write it: {@code 90d}, {@code 12h}, {@code 30m}, {@code 2w}, an ISO 8601
   * duration such as {@code P90D}, or {@code never}.
   *
   * @return the lifetime, or null for {@code never}
   * @throws InvalidInputException for anything else, or a lifetime under a minute or over ten years;
   *     location {@code expires}
   */
  public static Duration parseLifetime(String text) {
    String clean = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    if (clean.equals("never")) {
      return null;
    }
    Duration lifetime = null;
    Matcher short_ = SHORT.matcher(clean);
    if (short_.matches()) {
      long n = Long.parseLong(short_.group(1));
      lifetime = switch (short_.group(2)) {
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        case "d" -> Duration.ofDays(n);
        default -> Duration.ofDays(7 * n);
      };
    } else {
      try {
        lifetime = Duration.parse(clean.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw new InvalidInputException(
            "'" + text + "' is not a lifetime; write 90d, 12h, 30m, 2w, P90D or never", "expires");
      }
    }
    if (lifetime.compareTo(Duration.ofMinutes(1)) < 0 || lifetime.compareTo(MAX_LIFETIME) > 0) {
      throw new InvalidInputException("a token lifetime is between 1 minute and 3650 days, not '" + text + "'", "expires");
    }
    return lifetime;
  }

  private static final Pattern SHORT = Pattern.compile("([0-9]{1,7})([mhdw])");

  /** The principal this token grants. */
  public Principal principal() {
    return Principal.of(organization, member, coordinator, id);
  }
}
