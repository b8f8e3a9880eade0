package org.accord.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.accord.NotFoundException;
import org.accord.party.OrgKind;
import org.accord.party.Principal;
import org.accord.testing.InstanceOnEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A member's case deadlines as iCalendar (ADR 0132) on SQLite and PostgreSQL: each export parses and
 * validates with ical4j and holds exactly the deadlines its reader may see; a moved deadline keeps its
 * UID; a hidden case is a missing one.
 */
class CaseCalendarsTest extends InstanceOnEngine {
  static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");
  static final URI PUBLIC = URI.create("https://accord.example.org");
  static final String HOST = "accord.example.org";
  Principal libra;
  Principal finder;
  Principal acme;
  Principal outsider;

  void open(String engine) {
    open(engine, NOW);
    libra = member("Libra", OrgKind.VENDOR);
    finder = member("Finder Lab", OrgKind.RESEARCHER);
    acme = member("Acme", OrgKind.VENDOR);
    outsider = member("Outsider", OrgKind.VENDOR);
  }

  /** Libra's case with Finder Lab and Acme invited and Libra's 45-day proposal: EM Proposed. */
  String proposedCase() {
    Cases cases = accord.cases();
    String id = cases.create(libra, "LibraCore heap overflow", null, List.of("vendor")).row().id().toString();
    cases.invite(coordinator, id, "Finder Lab", List.of("finder"), null);
    cases.invite(coordinator, id, "Acme", List.of("vendor"), null);
    cases.propose(libra, id, "45d", null);
    return id;
  }

  /** The calendar {@code who} gets for case {@code id}, parsed and validated: UID to event. */
  Map<String, VEvent> calendar(Principal who, String id) throws Exception {
    return events(accord.calendars().calendar(who, id, PUBLIC));
  }

  static Map<String, VEvent> events(String text) throws Exception {
    Calendar calendar = new CalendarBuilder().build(new StringReader(text));
    Map<String, VEvent> out = new LinkedHashMap<>();
    if (!calendar.getComponents().isEmpty()) {
      assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
    }
    for (VEvent event : calendar.<VEvent>getComponents("VEVENT")) {
      assertThat(out.put(value(event, "UID"), event)).as("one event per UID").isNull();
    }
    return out;
  }

  static String value(VEvent event, String property) {
    return event.getProperty(property).map(Property::getValue).orElse(null);
  }

  static String utc(Instant at) {
    return at.toString().replace("-", "").replace(":", "").replace(".000", "");
  }

  long org(String name) {
    return accord.parties().organization(coordinator, name).id();
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void eachMemberGetsExactlyTheDeadlinesItMaySee(String engine) throws Exception {
    open(engine);
    String id = proposedCase();
    String end = id + "/embargo-end@" + HOST;
    String acmeRsvp = id + "/rsvp/participant-" + org("Acme") + "@" + HOST;
    String finderRsvp = id + "/rsvp/participant-" + org("Finder Lab") + "@" + HOST;
    Instant rsvp = NOW.plus(Duration.ofDays(7));

    // The owner: the proposed end (tentative) and every waiting participant's RSVP deadline.
    Map<String, VEvent> owner = calendar(libra, id);
    assertThat(owner.keySet()).containsExactlyInAnyOrder(end, acmeRsvp, finderRsvp);
    assertThat(value(owner.get(end), "STATUS")).isEqualTo("TENTATIVE");
    assertThat(value(owner.get(end), "DTSTART")).isEqualTo(utc(NOW.plus(Duration.ofDays(45))));
    assertThat(value(owner.get(end), "DTSTAMP")).isEqualTo(utc(NOW));
    assertThat(value(owner.get(acmeRsvp), "DTSTART")).isEqualTo(utc(rsvp));
    assertThat(value(owner.get(acmeRsvp), "SUMMARY")).isEqualTo(id + ": a participant's RSVP deadline on the embargo terms");
    // Another organization: only its own RSVP deadline.
    Map<String, VEvent> vendor = calendar(acme, id);
    assertThat(vendor.keySet()).containsExactlyInAnyOrder(end, acmeRsvp);
    assertThat(value(vendor.get(acmeRsvp), "SUMMARY")).isEqualTo(id + ": your RSVP deadline on the embargo terms");
    assertThat(calendar(finder, id).keySet()).containsExactlyInAnyOrder(end, finderRsvp);
    // The coordinator sees the AMBER case without taking part: the end, no one's RSVP deadline.
    assertThat(calendar(coordinator, id).keySet()).containsExactly(end);
    // Nothing embargoed beyond the case id and the kind: no title, no organization name.
    String text = accord.calendars().calendar(libra, id, PUBLIC);
    assertThat(text).doesNotContain("LibraCore", "heap", "Libra", "Acme", "Finder");
    assertThat(text).contains("URL:https://accord.example.org/api/v1/cases/" + id);

    // Acme answers: its deadline leaves both calendars that showed it.
    accord.cases().accept(acme, id);
    assertThat(calendar(acme, id).keySet()).containsExactly(end);
    assertThat(calendar(libra, id).keySet()).containsExactlyInAnyOrder(end, finderRsvp);
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void anAgreedAndThenRevisedEndMovesTheEventButKeepsItsUid(String engine) throws Exception {
    open(engine);
    String id = proposedCase();
    String end = id + "/embargo-end@" + HOST;
    String revision = id + "/embargo-revision@" + HOST;
    accord.cases().accept(libra, id); // 45 days in force
    Map<String, VEvent> active = calendar(acme, id);
    assertThat(value(active.get(end), "STATUS")).isEqualTo("CONFIRMED");
    assertThat(value(active.get(end), "DTSTART")).isEqualTo(utc(NOW.plus(Duration.ofDays(45))));

    clock.advance(Duration.ofDays(1));
    accord.cases().propose(finder, id, "30d", null); // a revision: the 45 days still hold
    Map<String, VEvent> revise = calendar(acme, id);
    assertThat(value(revise.get(end), "DTSTART")).isEqualTo(utc(NOW.plus(Duration.ofDays(45))));
    assertThat(value(revise.get(end), "STATUS")).isEqualTo("CONFIRMED");
    assertThat(value(revise.get(revision), "STATUS")).isEqualTo("TENTATIVE");
    assertThat(value(revise.get(revision), "DTSTART")).isEqualTo(utc(NOW.plus(Duration.ofDays(31))));

    accord.cases().accept(libra, id); // the revision in force
    Map<String, VEvent> revised = calendar(acme, id);
    assertThat(revised.keySet()).contains(end).doesNotContain(revision);
    assertThat(value(revised.get(end), "DTSTART")).isEqualTo(utc(NOW.plus(Duration.ofDays(31))));
    assertThat(value(revised.get(end), "DTSTAMP")).isEqualTo(utc(NOW.plus(Duration.ofDays(1))));

    accord.cases().terminate(libra, id); // an ended embargo leaves nothing to keep
    assertThat(calendar(acme, id)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void aHiddenCaseIsAMissingOneAndTheAllCasesCalendarHoldsOnlyVisibleCases(String engine) throws Exception {
    open(engine);
    String id = proposedCase();
    String other = accord.cases().create(outsider, "Outsider's own", null, List.of()).row().id().toString();
    accord.cases().propose(outsider, other, "20d", null);
    String missing = "ACC-2026-9999";
    String hidden = assertThatThrownBy(() -> accord.calendars().calendar(acme, other, PUBLIC))
        .isInstanceOf(NotFoundException.class).actual().getMessage();
    assertThat(hidden.replace(other, missing)).isEqualTo(catching(() -> accord.calendars().calendar(acme, missing, PUBLIC)));

    Map<String, VEvent> all = events(accord.calendars().calendar(acme, PUBLIC));
    assertThat(all.keySet()).allMatch(uid -> uid.startsWith(id + "/")).hasSize(2);
    Map<String, VEvent> coordinators = events(accord.calendars().calendar(coordinator, PUBLIC));
    assertThat(coordinators.keySet()).containsExactlyInAnyOrder(id + "/embargo-end@" + HOST, other + "/embargo-end@" + HOST);
    // Each calendar read is in the case's access log.
    assertThat(accord.cases().accessLog(coordinator, id)).anyMatch(e -> "calendar".equals(e.get("what")));
  }

  /**
   * Calendars read while the owner and the participants negotiate and the ledger writes: every
   * calendar parses and validates, and each holds at most one embargo end (one UID per deadline).
   */
  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void calendarsReadWhileTheTermsChangeAreAlwaysWhole(String engine) throws Exception {
    open(engine);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(proposedCase());
    }
    long logBefore = accord.ledger().size(); // the ledger's threads run from here on
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (String id : ids) {
        work.add(pool.submit(() -> {
          accord.cases().accept(libra, id);
          accord.cases().propose(acme, id, "30d", null);
          accord.cases().accept(libra, id);
          return null;
        }));
      }
      for (int reader = 0; reader < 3; reader++) {
        Principal who = List.of(libra, acme, finder).get(reader);
        work.add(pool.submit(() -> {
          for (int round = 0; round < 15; round++) {
            Map<String, VEvent> all = events(accord.calendars().calendar(who, PUBLIC));
            for (String id : ids) {
              assertThat(all.keySet().stream().filter(uid -> uid.equals(id + "/embargo-end@" + HOST))).hasSizeLessThanOrEqualTo(1);
            }
          }
          return null;
        }));
      }
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    // Three writes per case, each one event in the log; reading calendars wrote none.
    assertThat(accord.ledger().size() - logBefore).isEqualTo(9);
    for (String id : ids) {
      assertThat(value(calendar(acme, id).get(id + "/embargo-end@" + HOST), "DTSTART")).isEqualTo(utc(NOW.plus(Duration.ofDays(30))));
    }
  }

  static String catching(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    try {
      call.call();
    } catch (Throwable e) {
      return e.getMessage();
    }
    throw new AssertionError("no exception");
  }
}
