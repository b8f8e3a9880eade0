package org.accord.web.page;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.accord.app.Cases;

/** The viewer's time zone ({@code tz=}, UTC by default) and instants written in it with the zone named. */
final class Zones {
  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private static final ZoneId UTC = ZoneId.of("UTC");

  private Zones() {}

  /**
   * The zone {@code tz} names, UTC when absent.
   *
   * @throws org.accord.InvalidInputException naming {@code tz} for an unknown zone
   */
  static ZoneId of(String tz) {
    return tz == null || tz.isBlank() ? UTC : Cases.zone(tz, "tz");
  }

  /** The time from {@code now} to {@code end} in days, hours and minutes ({@code 12 d 4 h 5 min}), or {@code ended}. */
  static String remaining(Instant now, Instant end) {
    if (!end.isAfter(now)) {
      return "ended";
    }
    java.time.Duration left = java.time.Duration.between(now, end);
    return left.toDays() + " d " + left.toHoursPart() + " h " + left.toMinutesPart() + " min";
  }

  /** {@code 2027-03-01 01:00 Europe/Zurich}. */
  static String format(Instant at, ZoneId zone) {
    return FORMAT.format(at.atZone(zone)) + " " + zone.getId();
  }
}
