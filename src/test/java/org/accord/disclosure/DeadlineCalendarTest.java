package org.accord.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** The iCalendar writer: what ical4j reads back, each property of an event, and what the file leaves out. */
class DeadlineCalendarTest {
  static final CaseId ID = CaseId.parse("ACC-2026-0042");
  static final Instant NOW = Instant.parse("2026-12-03T09:15:30Z");
  static final URI PUBLIC = URI.create("https://accord.example.org/");

  /** Parses {@code text} with ical4j and checks it is valid RFC 5545 (no error from ical4j's validator). */
  static Calendar parse(String text) throws Exception {
    Calendar calendar = new CalendarBuilder().build(new StringReader(text));
    if (!calendar.getComponents().isEmpty()) {
      assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
    }
    return calendar;
  }

  static String value(VEvent event, String property) {
    return event.getProperty(property).map(Property::getValue).orElse(null);
  }

  @Test
  void eachDeadlineIsAnEventWithAStableUidTheStampGivenAUtcStartAndAnAlarmADayBefore() throws Exception {
    List<Deadline> deadlines = List.of(new Deadline.Rsvp(ID, 7, Instant.parse("2026-12-10T09:00:00Z"), true),
        new Deadline.EmbargoEnd(ID, Instant.parse("2027-01-17T16:00:00Z"), false));
    String text = DeadlineCalendar.write("Accord " + ID, deadlines, NOW, PUBLIC);
    assertThat(text).startsWith("BEGIN:VCALENDAR\r\n").contains("\r\nVERSION:2.0\r\n", "PRODID:-//Accord//Case deadlines//EN");
    List<VEvent> events = parse(text).getComponents("VEVENT");
    assertThat(events).hasSize(2);
    VEvent rsvp = events.get(0);
    assertThat(value(rsvp, "UID")).isEqualTo("ACC-2026-0042/rsvp/participant-7@accord.example.org");
    assertThat(value(rsvp, "DTSTAMP")).isEqualTo("20261203T091530Z");
    assertThat(value(rsvp, "DTSTART")).isEqualTo("20261210T090000Z");
    assertThat(value(rsvp, "STATUS")).isEqualTo("CONFIRMED");
    assertThat(value(rsvp, "TRANSP")).isEqualTo("TRANSPARENT");
    assertThat(value(rsvp, "SUMMARY")).isEqualTo("ACC-2026-0042: your RSVP deadline on the embargo terms");
    assertThat(value(rsvp, "URL")).isEqualTo("https://accord.example.org/api/v1/cases/ACC-2026-0042");
    VEvent end = events.get(1);
    assertThat(value(end, "UID")).isEqualTo("ACC-2026-0042/embargo-end@accord.example.org");
    assertThat(value(end, "DTSTART")).isEqualTo("20270117T160000Z");
    assertThat(value(end, "STATUS")).isEqualTo("TENTATIVE");
    assertThat(value(end, "SUMMARY")).startsWith("ACC-2026-0042: embargo ends");
    List<VAlarm> alarms = end.getAlarms();
    assertThat(alarms).hasSize(1);
    assertThat(alarms.get(0).getProperty("TRIGGER").orElseThrow().getValue()).isEqualTo("-P1D");
    assertThat(alarms.get(0).getProperty("ACTION").orElseThrow().getValue()).isEqualTo("DISPLAY");
  }

  @Test
  void theSameDeadlinesAtTheSameTimeAreTheSameBytes() {
    List<Deadline> deadlines = List.of(new Deadline.EmbargoEnd(ID, NOW.plus(Duration.ofDays(45)), true));
    assertThat(DeadlineCalendar.write("x", deadlines, NOW, PUBLIC)).isEqualTo(DeadlineCalendar.write("x", deadlines, NOW, PUBLIC));
  }

  @Test
  void noDeadlineIsACalendarWithoutEvents() throws Exception {
    String text = DeadlineCalendar.write("Accord", List.of(), NOW, PUBLIC);
    assertThat(parse(text).getComponents()).isEmpty();
    assertThat(text).doesNotContain("VEVENT");
  }

  @Test
  void aLongSummaryIsFoldedAndReadBackWhole() throws Exception {
    CaseId longId = CaseId.parse("ACC-2026-123456789");
    String text = DeadlineCalendar.write("Accord", List.of(new Deadline.Rsvp(longId, 123456789L, NOW, false)), NOW, PUBLIC);
    for (String line : text.split("\r\n")) {
      assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
    }
    VEvent event = parse(text).<VEvent>getComponents("VEVENT").get(0);
    assertThat(value(event, "SUMMARY")).isEqualTo("ACC-2026-123456789: a participant's RSVP deadline on the embargo terms");
  }
}
