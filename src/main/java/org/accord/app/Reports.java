package org.accord.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import com.fasterxml.jackson.databind.JsonNode;
import org.accord.InvalidInputException;
import org.accord.NotFoundException;
import org.accord.ForbiddenException;
import org.accord.disclosure.Report;
import org.accord.disclosure.ReportManagement;
import org.accord.disclosure.ReportReader;
import org.accord.disclosure.ReportRecipients;
import org.accord.disclosure.ReportedPackage;
import org.accord.disclosure.RmEvent;
import org.accord.disclosure.RmState;
import org.accord.party.Organization;
import org.accord.party.Principal;
import org.accord.store.Database;
import org.accord.store.Reports.ReportRow;
import org.accord.triage.Cvss;
import org.jdbi.v3.core.Handle;

/**
 * Vulnerability reports (ADR 0106, 0114): submit, show, list, and move each receiving party's Report
 * Management state. Orchestration only: the body is read by {@link ReportReader}, the states are
 * {@link ReportManagement}'s, the receivers {@link ReportRecipients}'. The receiving parties are the
 * instance coordinator (its organization is the one {@link Parties#localCoordinator()} acts as), the
 * maintainers of the affected packages, and later every participant of the report's case; each moves
 * only its own state. Accepting a report without a case opens one and links it in one transaction;
 * {@code duplicate} attaches the report to an existing case (valid, then deferred; never invalid).
 * Every change is one private {@code report.*} event in the transaction that makes it. A report the
 * caller may not see (neither its reporter's organization, a receiving party nor the coordinator)
 * answers exactly like a missing one. Writes are serialised on one lock. Thread-safe.
 */
public final class Reports {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ID = Pattern.compile("RPT-[0-9a-f]{24}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Database database;
  private final Clock clock;
  private final Parties parties;
  private final Cases cases;
  private final EventOutbox log;
  private final Object lock = new Object();

  Reports(Database database, Clock clock, Parties parties, Cases cases, EventOutbox log) {
    this.database = database;
    this.clock = clock;
    this.parties = parties;
    this.cases = cases;
    this.log = log;
    this.rateLimits = new org.accord.store.ratelimit.RateLimits(database);
  }

  /**
   * A report as its viewer sees it: the row, each receiving party's RM state by organization name, and
   * the party whose state {@link #state()} is (the viewer's own organization if it received the report,
   * else the coordinator's).
   */
  public record View(ReportRow row, Map<String, RmState> states, String party) {
    /** The RM state of {@link #party()}. */
    public RmState state() {
      return states.getOrDefault(party, RmState.START);
    }
  }

  /** The actions on a report: the RM events a coordinator may send, and {@code duplicate}. */
  public enum Action {
    VALIDATE(RmEvent.VALIDATE), INVALIDATE(RmEvent.INVALIDATE), ACCEPT(RmEvent.ACCEPT), DEFER(RmEvent.DEFER),
    CLOSE(RmEvent.CLOSE), DUPLICATE(null);

    private final RmEvent event;

    Action(RmEvent event) {
      this.event = event;
    }

    /** @throws InvalidInputException for anything else, location {@code event} */
    public static Action parse(String text) {
      String clean = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
      for (Action action : values()) {
        if (action.name().equals(clean)) {
          return action;
        }
      }
      throw new InvalidInputException("unknown report event '" + text + "'; one of validate, invalidate, accept, defer,"
          + " close, duplicate", "event");
    }
  }

  /**
   * Stores a report from {@code actor}'s organization (and member); the coordinator has received it.
   *
   * @throws InvalidInputException naming line and field for a bad body; nothing is stored then
   */
  public View submit(Principal actor, byte[] body) {
    Report report = read(body);
    String json = bodyJson(report);
    long reporter = actor.organization().id();
    Long member = actor.member() == null ? null : actor.member().id();
    return write(actor, (handle, events, now) -> {
      String id = newId();
      long pk = org.accord.store.Reports.insert(handle, id, reporter, member, null, report.title(), json, now);
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("report", id);
      data.put("reporter", actor.organization().name());
      data.put("receivers", receive(handle, pk, report, reporter, now));
      events.stage(actor, "report.received", "report:" + id, now, data, true);
      return id;
    });
  }

  /**
   * The receiving parties get the report (S -r-> R): the coordinator, and the maintainers of the
   * affected packages ({@link ReportRecipients}) other than the reporter. Their names.
   */
  private List<String> receive(Handle handle, long pk, Report report, Long reporter, long now) {
    RmState received = ReportManagement.next(RmState.START, RmEvent.RECEIVE);
    List<String> names = new ArrayList<>();
    org.accord.store.Reports.setState(handle, pk, receiver().id(), received, now);
    names.add(receiver().name());
    for (Organization maintainer : ReportRecipients.maintainers(report.affected(), org.accord.store.Claims.approved(handle))) {
      if (maintainer.id() != receiver().id() && (reporter == null || maintainer.id() != reporter)) {
        org.accord.store.Reports.setState(handle, pk, maintainer.id(), received, now);
        names.add(maintainer.name());
      }
    }
    return names;
  }

  /** The reports {@code viewer} may see: all for the coordinator, otherwise its organization's; oldest first. */
  public List<View> list(Principal viewer) {
    return database.jdbi().withHandle(handle -> {
      List<View> views = new ArrayList<>();
      for (ReportRow row : org.accord.store.Reports.list(handle, viewer.isCoordinator() ? null : viewer.organization().id())) {
        views.add(view(handle, row, viewer));
      }
      return views;
    });
  }

  /**
   * One report.
   *
   * @throws NotFoundException for a missing report or one {@code viewer} may not see (the same message)
   */
  public View show(Principal viewer, String id) {
    String clean = requireId(id);
    return database.jdbi().withHandle(handle -> load(handle, viewer, clean));
  }

  /**
   * Moves the actor's own RM state by {@code event}: its organization's, which it has if it received the
   * report, or else for a coordinator the coordinator's (a maintainer of an affected package, or a
   * participant of the report's case). {@code caseId} is the case a duplicate belongs to. Accepting a
   * report without a case opens one owned by the actor's organization (a vendor unless it is the
   * coordinator), with the reporting organization as reporter and finder and the report's packages as
   * its first vulnerability, and links the report: all in one transaction with their events, so a stop
   * leaves either all of it or nothing, and a concurrent accept of the same report finds the case and
   * only moves its own state (ADR 0114).
   *
   * @throws ForbiddenException if {@code actor} sees the report but did not receive it (its reporter)
   * @throws org.accord.disclosure.IllegalTransitionException if RM does not allow it
   */
  public View transition(Principal actor, String id, String event, String caseId) {
    String clean = requireId(id);
    Action action = Action.parse(event);
    if (action == Action.DUPLICATE && (caseId == null || caseId.isBlank())) {
      throw new InvalidInputException("a duplicate names the case it duplicates", "case");
    }
    synchronized (lock) {
      View view = database.jdbi().withHandle(handle -> load(handle, actor, clean));
      Map<Long, RmState> states = database.jdbi().withHandle(handle -> org.accord.store.Reports.statesById(handle, view.row().pk()));
      // The actor's own organization if it received the report (also a coordinator acting for it), else the coordinator's.
      Organization party = !states.containsKey(actor.organization().id()) && actor.isCoordinator() ? receiver() : actor.organization();
      RmState from = java.util.Optional.ofNullable(states.get(party.id()))
          .orElseThrow(() -> new ForbiddenException("only a party that received " + clean + " moves it; " + party.name()
              + " did not receive it"));
      boolean duplicate = action == Action.DUPLICATE;
      List<RmEvent> path = new ArrayList<>();
      if (duplicate) {
        if (view.row().caseId().isPresent()) {
          throw new InvalidInputException(clean + " already belongs to " + view.row().caseId().get(), "case");
        }
        // Valid, then deferred; never invalid (RMB-11-002).
        if (from == RmState.RECEIVED || from == RmState.INVALID) {
          path.add(RmEvent.VALIDATE);
        }
        path.add(RmEvent.DEFER);
      } else {
        path.add(action.event);
      }
      RmState to = from;
      for (RmEvent step : path) {
        to = ReportManagement.next(to, step);
      }
      Long duplicateOf = duplicate ? cases.show(actor, caseId).row().pk() : null;
      RmState target = to;
      EventOutbox.Committed<String> committed = cases.locked(() -> log.inTransaction((handle, events) -> {
        long now = clock.millis();
        ReportRow row = org.accord.store.Reports.byId(handle, clean).orElseThrow();
        Long linked = duplicateOf;
        if (action == Action.ACCEPT && row.caseId().isEmpty()) {
          linked = open(handle, events, actor, row, party, target);
        }
        if (linked != null && !org.accord.store.Reports.link(handle, row.pk(), linked, duplicate, now)) {
          // The reports lock makes this unreachable in one process; the conditional update keeps it so for any writer.
          throw new InvalidInputException(clean + " was linked to a case meanwhile; nothing changed", "case");
        }
        org.accord.store.Reports.setState(handle, row.pk(), party.id(), target, now);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("report", clean);
        data.put("party", party.name());
        data.put("event", action.name().toLowerCase(Locale.ROOT));
        data.put("from", from.name().toLowerCase(Locale.ROOT));
        data.put("to", target.name().toLowerCase(Locale.ROOT));
        if (linked != null) {
          data.put("case", org.accord.store.Cases.byPk(handle, linked).orElseThrow().id().toString());
        }
        events.stage(actor, "report." + (duplicate ? "duplicate" : target.name().toLowerCase(Locale.ROOT)), "report:" + clean,
            now, data, true);
        return clean;
      }));
      committed.await();
      return show(actor, clean);
    }
  }

  /**
   * Opens the case of an accepted report: its owner and vendors by {@link ReportRecipients#opening},
   * from the maintainer receivers' RM states as they are after this accept; its row id.
   */
  private long open(Handle handle, EventOutbox.Stager events, Principal actor, ReportRow row, Organization party, RmState after) {
    Map<Long, RmState> maintainers = new LinkedHashMap<>(org.accord.store.Reports.statesById(handle, row.pk()));
    maintainers.remove(receiver().id());
    if (maintainers.containsKey(party.id())) {
      maintainers.put(party.id(), after);
    }
    ReportRecipients.Opening opening = ReportRecipients.opening(maintainers, receiver().id());
    Optional<Organization> reporter = row.reporterOrg().isPresent()
        ? Optional.of(org.accord.store.Organizations.byId(handle, row.reporterOrg().getAsLong())) : Optional.empty();
    List<Organization> vendors = opening.vendors().stream().map(v -> org.accord.store.Organizations.byId(handle, v)).toList();
    return cases.openForReport(handle, events, actor, row.title(), org.accord.store.Organizations.byId(handle, opening.owner()),
        opening.ownerIsVendor(), vendors, reporter, affected(row), cvss(row)).row().pk();
  }

  /** The stored report's affected packages as {@code "PURL RANGE"} ({@code vers:} text), as cases take them. */
  private static List<String> affected(ReportRow row) {
    List<String> out = new ArrayList<>();
    body(row).path("affected").forEach(p -> out.add(p.path("purl").asText() + " " + p.path("versions").asText()));
    return out;
  }

  private static String cvss(ReportRow row) {
    JsonNode cvss = body(row).path("cvss");
    return cvss.isTextual() ? cvss.asText() : null;
  }

  private static JsonNode body(ReportRow row) {
    try {
      return JSON.readTree(row.body());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("report " + row.id() + " has an unreadable body", e);
    }
  }

  /** The most reports one client address may submit anonymously per {@link #WINDOW_MILLIS}. */
  public static final int ANONYMOUS_PER_WINDOW = 5;
  /** The rate-limit window: one hour. */
  public static final long WINDOW_MILLIS = 3_600_000L;
  /** The longest follow-up message, in characters. */
  public static final int MAX_MESSAGE_CHARS = 8_000;

  /** An anonymous submission refused because its address sent too many; retry after the given seconds. */
  public static final class RateLimited extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long retryAfterSeconds;

    RateLimited(long retryAfterSeconds) {
      super("too many reports from this address: at most " + ANONYMOUS_PER_WINDOW + " an hour; try again in "
          + retryAfterSeconds + " seconds");
      this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }

  /** An anonymous report and its follow-up secret, shown to the finder once and stored only as its SHA-256. */
  public record Anonymous(View view, String secret) {}

  private final org.accord.store.ratelimit.RateLimits rateLimits;

  /**
   * Stores an anonymous report from {@code address} (no organization, no member); the coordinator has
   * received it. The event is staged as the local coordinator, with reporter {@code anonymous}.
   *
   * @throws RateLimited when {@code address} stored {@link #ANONYMOUS_PER_WINDOW} reports in the last hour
   * @throws InvalidInputException naming line and field for a bad body; nothing is stored then
   */
  public Anonymous submitAnonymous(String address, byte[] body) {
    Report report = read(body);
    String json = bodyJson(report);
    byte[] secretBytes = new byte[32];
    RANDOM.nextBytes(secretBytes);
    String secret = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
    Principal receiver = parties.localCoordinator();
    // Counted in the database, so every replica counts the same submissions (ADR 0147).
    java.util.OptionalLong wait = rateLimits.take("report.anonymous", address, clock.millis(), WINDOW_MILLIS, ANONYMOUS_PER_WINDOW);
    if (wait.isPresent()) {
      throw new RateLimited(Math.max(1, (wait.getAsLong() + 999) / 1000));
    }
    View view = write(receiver, (handle, events, now) -> {
      String id = newId();
      long pk = org.accord.store.Reports.insert(handle, id, null, null, sha256(secret), report.title(), json, now);
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("report", id);
      data.put("reporter", "anonymous");
      data.put("receivers", receive(handle, pk, report, null, now));
      events.stage(receiver, "report.received", "report:" + id, now, data, true);
      return id;
    });
    return new Anonymous(view, secret);
  }

  /**
   * The anonymous report whose follow-up secret this is.
   *
   * @throws NotFoundException for any other text (one message)
   */
  public View follow(String secret) {
    return database.jdbi().withHandle(handle -> {
      ReportRow row = org.accord.store.Reports.byFollowHash(handle, sha256(secret == null ? "" : secret))
          .orElseThrow(() -> new NotFoundException("no such follow-up link"));
      return new View(row, org.accord.store.Reports.states(handle, row.pk()), receiver().name());
    });
  }

  /** The messages on a report {@code viewer} may see. */
  public List<org.accord.store.Reports.MessageRow> messages(View view) {
    return database.jdbi().withHandle(handle -> org.accord.store.Reports.messages(handle, view.row().pk()));
  }

  /** The finder adds a message through the follow-up link. */
  public View finderMessage(String secret, String text) {
    View view = follow(secret);
    String clean = message(text);
    return write(parties.localCoordinator(), (handle, events, now) -> {
      org.accord.store.Reports.addMessage(handle, view.row().pk(), org.accord.store.Reports.Author.FINDER, clean, now);
      events.stage(parties.localCoordinator(), "report.message", "report:" + view.row().id(), now,
          Map.of("report", view.row().id(), "author", "finder"), true);
      return view.row().id();
    });
  }

  /**
   * The coordinator replies on a report.
   *
   * @throws ForbiddenException if {@code actor} sees the report but is not the coordinator
   */
  public View reply(Principal actor, String id, String text) {
    String clean = requireId(id);
    View view = show(actor, clean);
    if (!actor.isCoordinator()) {
      throw new ForbiddenException("only the coordinator replies on " + clean);
    }
    String body = message(text);
    return write(actor, (handle, events, now) -> {
      org.accord.store.Reports.addMessage(handle, view.row().pk(), org.accord.store.Reports.Author.COORDINATOR, body, now);
      events.stage(actor, "report.message", "report:" + clean, now, Map.of("report", clean, "author", "coordinator"), true);
      return clean;
    });
  }

  private static String message(String text) {
    String clean = text == null ? "" : text.strip();
    if (clean.isEmpty()) {
      throw new InvalidInputException("the message is empty", "text");
    }
    if (clean.length() > MAX_MESSAGE_CHARS) {
      throw new InvalidInputException("the message has " + clean.length() + " characters; at most " + MAX_MESSAGE_CHARS, "text");
    }
    return clean;
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A report as the API and the command line show it. */
  public static Map<String, Object> describe(View view) {
    ReportRow row = view.row();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", row.id());
    out.put("title", row.title());
    out.put("state", view.state().name().toLowerCase(Locale.ROOT));
    Map<String, String> states = new LinkedHashMap<>();
    view.states().forEach((org, state) -> states.put(org, state.name().toLowerCase(Locale.ROOT)));
    out.put("states", states);
    out.put("reporter", row.reporterOrgName().orElse("anonymous"));
    out.put("case", row.caseId().orElse(null));
    out.put("duplicate", row.duplicate());
    out.put("received", row.created().toString());
    out.put("updated", row.updated().toString());
    try {
      out.put("report", JSON.readValue(row.body(), new TypeReference<Map<String, Object>>() {}));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("report " + row.id() + " has an unreadable body", e);
    }
    return out;
  }

  private Report read(byte[] body) {
    Report report = ReportReader.read(body, clock.instant());
    report.cvssVector().ifPresent(vector -> {
      try {
        Cvss.parse(vector);
      } catch (InvalidInputException e) {
        throw new InvalidInputException(e.getMessage(), "cvss");
      }
    });
    return report;
  }

  private static String bodyJson(Report report) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", report.title());
    body.put("description", report.description());
    List<Map<String, String>> affected = new ArrayList<>();
    for (ReportedPackage p : report.affected()) {
      affected.add(Map.of("purl", p.purl().canonical(), "versions", String.valueOf(p.range())));
    }
    body.put("affected", affected);
    report.cvssVector().ifPresent(v -> body.put("cvss", v));
    report.embargo().ifPresent(e -> {
      Map<String, Object> embargo = new LinkedHashMap<>();
      embargo.put("end", e.end().toString());
      e.justification().ifPresent(j -> embargo.put("justification", j));
      body.put("embargo", embargo);
    });
    Map<String, Object> credit = new LinkedHashMap<>();
    credit.put("preference", report.credit().preference().name().toLowerCase(Locale.ROOT));
    report.credit().name().ifPresent(n -> credit.put("name", n));
    body.put("credit", credit);
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Organization receiver() {
    return parties.localCoordinator().organization();
  }

  private static String newId() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return "RPT-" + HexFormat.of().formatHex(bytes);
  }

  private static String requireId(String id) {
    String clean = id == null ? "" : id.strip();
    if (!ID.matcher(clean).matches()) {
      throw new InvalidInputException("'" + clean + "' is not a report id (RPT- and 24 hex digits)", "id");
    }
    return clean;
  }

  /** The report if {@code viewer} may see it: the coordinator, its reporter, or a party that received it. */
  private View load(Handle handle, Principal viewer, String id) {
    ReportRow row = org.accord.store.Reports.byId(handle, id)
        .filter(r -> viewer.isCoordinator()
            || r.reporterOrg().isPresent() && r.reporterOrg().getAsLong() == viewer.organization().id()
            || org.accord.store.Reports.state(handle, r.pk(), viewer.organization().id()).isPresent())
        .orElseThrow(() -> new NotFoundException("no report " + id));
    return view(handle, row, viewer);
  }

  private View view(Handle handle, ReportRow row, Principal viewer) {
    Map<String, RmState> states = org.accord.store.Reports.states(handle, row.pk());
    String own = viewer.organization().name();
    return new View(row, states, states.containsKey(own) ? own : receiver().name());
  }

  @FunctionalInterface
  private interface Write {
    String run(Handle handle, EventOutbox.Stager events, long now);
  }

  private View write(Principal actor, Write work) {
    EventOutbox.Committed<String> committed;
    synchronized (lock) {
      committed = log.inTransaction((handle, events) -> work.run(handle, events, clock.millis()));
    }
    committed.await();
    return show(actor, committed.value());
  }
}
