package org.accord.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import org.accord.InvalidInputException;

/**
 * When a member's e-mail notifications go out (ADR 0120): each at once, or gathered into one daily
 * digest sent at {@link #HOUR_UTC}:00 UTC. Only e-mail is digested: the inbox shows a notification when
 * it is written, and a webhook feeds a machine that gains nothing from waiting.
 */
public enum Digest {
  /** Each notification as it happens. */
  IMMEDIATE,
  /** One e-mail a day at {@link #HOUR_UTC}:00 UTC with everything since the last one. */
  DAILY;

  /**
   * The hour (UTC) of the daily digest: 07:00 UTC is morning in Europe and Africa, the evening before
   * in the Americas' west and the afternoon in East Asia, and one fixed instant everywhere keeps the
   * schedule a pure function of the clock (ADR 0120).
   */
  public static final int HOUR_UTC = 7;

  /** The lower-case name used in the API and the store. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * When a notification written at {@code now} goes out: {@code now} for {@link #IMMEDIATE}; for
   * {@link #DAILY} the first {@link #HOUR_UTC}:00 UTC strictly after {@code now}.
   */
  public Instant due(Instant now) {
    if (this == IMMEDIATE) {
      return now;
    }
    ZonedDateTime at = now.atZone(ZoneOffset.UTC).with(LocalTime.of(HOUR_UTC, 0));
    Instant today = at.toInstant();
    return today.isAfter(now) ? today : today.plus(Duration.ofDays(1));
  }

  /**
   * The digest named by {@code text}.
   *
   * @throws InvalidInputException naming {@code field} for anything but {@code immediate} or {@code daily}
   */
  public static Digest parse(String text, String field) {
    for (Digest digest : values()) {
      if (digest.label().equals(text)) {
        return digest;
      }
    }
    throw new InvalidInputException("unknown digest '" + text + "'; use immediate or daily", field);
  }
}
