package org.accord.disclosure;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableAction;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * A list of {@link Deadline}s as an iCalendar object (RFC 5545, {@code text/calendar}), written with
 * ical4j (ADR 0132). It knows nothing of where the deadlines came from, so a new kind of deadline
 * needs no change here beyond what {@link Deadline} says of itself. Stateless and thread-safe.
 *
 * <p>Each deadline is one VEVENT:
 *
 * <ul>
 *   <li>{@code UID} {@code ACC-2026-0001/embargo-end@HOST} (case, kind, subject, and the instance's host,
 *       since case ids are per instance): stable while the deadline moves, so importing or syncing the
 *       calendar again updates the event (RFC 5545 §3.8.4.7);
 *   <li>{@code DTSTAMP} the time given (the instance clock's now), {@code DTSTART} the deadline in UTC
 *       (form #2, §3.3.5), no {@code DTEND}: a point in time (§3.6.1);
 *   <li>{@code SUMMARY} the case id and the kind only, {@code DESCRIPTION} the same and the link, {@code
 *       URL} the case under the instance's public URL: no title, no organization name, no vulnerability
 *       detail, because a calendar is often synced to a third-party service (ADR 0132);
 *   <li>{@code STATUS} TENTATIVE for a proposed deadline, CONFIRMED otherwise; {@code TRANSP}
 *       TRANSPARENT (a deadline does not make anyone busy);
 *   <li>a VALARM, DISPLAY, one day before ({@code TRIGGER:-P1D}, §3.6.6).
 * </ul>
 *
 * <p>A calendar with no deadline has no VEVENT: RFC 5545's grammar asks for one component, but a
 * subscribed calendar must be able to say "nothing any more", and clients read an empty one.
 */
public final class DeadlineCalendar {
  /** The media type of the answer (RFC 5545 §8.1). */
  public static final String MEDIA_TYPE = "text/calendar; charset=utf-8";
  /** How long before a deadline its alarm rings. */
  public static final Duration ALARM_BEFORE = Duration.ofDays(1);
  private static final String PRODUCT = "-//Accord//Case deadlines//EN";

  private DeadlineCalendar() {}

  /**
   * The iCalendar text of {@code deadlines}, in the order given.
   *
   * @param name the calendar's display name ({@code X-WR-CALNAME}), such as {@code Accord ACC-2026-0001}
   * @param stamp when the calendar was made ({@code DTSTAMP} of every event)
   * @param publicUrl the instance's public URL: the links, and the host in each UID
   */
  public static String write(String name, List<Deadline> deadlines, Instant stamp, URI publicUrl) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(deadlines, "deadlines");
    Objects.requireNonNull(stamp, "stamp");
    String base = publicUrl.toString().replaceAll("/+$", "");
    String host = publicUrl.getAuthority() == null ? "accord.invalid" : publicUrl.getAuthority();
    Calendar calendar = new Calendar();
    calendar.add(new ProdId(PRODUCT));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(new XProperty("X-WR-CALNAME", name));
    for (Deadline deadline : deadlines) {
      calendar.add(event(deadline, stamp, base, host));
    }
    StringWriter out = new StringWriter();
    try {
      // Not validating here: the tests validate every calendar, and an empty one is meant (see above).
      new CalendarOutputter(false).output(calendar, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ValidationException e) {
      throw new IllegalStateException("ical4j refused a calendar it did not validate", e);
    }
    return out.toString();
  }

  /** The UID of {@code deadline}'s event: case, kind, subject, and the instance's host. */
  public static String uid(Deadline deadline, String host) {
    String subject = deadline.subject().isEmpty() ? "" : "/" + deadline.subject();
    return deadline.caseId() + "/" + deadline.kind().label() + subject + "@" + host;
  }

  private static VEvent event(Deadline deadline, Instant stamp, String base, String host) {
    String summary = deadline.caseId() + ": " + deadline.title();
    String link = base + "/api/v1/cases/" + deadline.caseId();
    VEvent event = new VEvent(false); // false: no DTSTAMP from the system clock
    event.add(new Uid(uid(deadline, host)));
    event.add(new DtStamp(stamp));
    event.add(new DtStart<>(deadline.at()));
    event.add(new Summary(summary));
    event.add(new Description(summary + " (" + deadline.kind().label() + ").\nOpen the case: " + link));
    event.add(new Url(URI.create(link)));
    event.add(deadline.tentative() ? ImmutableStatus.VEVENT_TENTATIVE : ImmutableStatus.VEVENT_CONFIRMED);
    event.add(ImmutableTransp.TRANSPARENT);
    VAlarm alarm = new VAlarm(ALARM_BEFORE.negated());
    alarm.add(ImmutableAction.DISPLAY);
    alarm.add(new Description(deadline.caseId() + ": " + deadline.title() + " in a day"));
    event.add(alarm);
    return event;
  }
}
