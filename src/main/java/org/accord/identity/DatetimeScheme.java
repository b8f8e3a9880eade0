package org.accord.identity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;

/**
 * The vers {@code datetime} type: versions are RFC 3339 timestamps ({@code 2024-01-01T00:00:00Z}, with
 * optional fractional seconds and a numeric offset), ordered by the instant they denote, so {@code
 * 2024-01-01T00:00:00Z == 2023-12-31T19:00:00-05:00} [1][2]. Parsed with java.time; RFC 3339 allows a
 * lower-case {@code t} and {@code z}, which this scheme accepts (the vers layer refuses them as
 * non-canonical). Stateless and thread-safe.
 *
 * <p>[1] https://github.com/package-url/vers-spec (VERS types, "datetime") [2]
 * https://www.rfc-editor.org/rfc/rfc3339#section-5.6
 */
final class DatetimeScheme implements VersionScheme {
  static final DatetimeScheme INSTANCE = new DatetimeScheme();

  private static final DateTimeFormatter RFC_3339 =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral('T')
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .appendOffset("+HH:MM", "Z")
          .toFormatter();

  private DatetimeScheme() {}

  @Override
  public String name() {
    return "datetime";
  }

  @Override
  public Version parse(String text) {
    String version = Schemes.prepare(this, text);
    try {
      Instant instant = OffsetDateTime.parse(version, RFC_3339).toInstant();
      return new DatetimeVersion(version, instant);
    } catch (DateTimeParseException e) {
      throw Schemes.invalid(this, text, "not an RFC 3339 timestamp such as 2024-01-01T00:00:00Z");
    }
  }

  private static final class DatetimeVersion extends AbstractVersion {
    private final Instant instant;

    DatetimeVersion(String text, Instant instant) {
      super(text, INSTANCE);
      this.instant = instant;
    }

    @Override
    int compareSame(AbstractVersion other) {
      return instant.compareTo(((DatetimeVersion) other).instant);
    }
  }
}
