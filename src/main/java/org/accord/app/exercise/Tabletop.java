package org.accord.app.exercise;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.accord.app.Accord;
import org.accord.app.CaseMessages;
import org.accord.app.LedgerService;
import org.accord.disclosure.CaseEventType;
import org.accord.disclosure.IllegalTransitionException;
import org.accord.exercise.Inject;
import org.accord.exercise.Played;
import org.accord.exercise.Scenario;
import org.accord.party.OrgKind;
import org.accord.party.Organization;
import org.accord.party.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A live tabletop (ADR 0158): a sandbox instance, the participants' exercise tokens, the case they play,
 * and the injects arriving on the sandbox's accelerated clock.
 *
 * <p>The sandbox is a second {@link Accord} over its own data directory (always embedded SQLite), so its
 * own store, its own log and log key, and a {@link ScaledClock}. Its notification worker never starts:
 * notifications stay rows in the sandbox's inbox (the sink), and nothing is mailed or posted. The first
 * seat owns the case, as the maintainer a report reached; it decides whom to invite and when, which is
 * what the after-action report measures.
 *
 * <p>Thread-safe. {@link #close()} stops the injects and closes the sandbox (and what was {@link
 * #onClose registered} with it, such as its web server).
 */
public final class Tabletop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Tabletop.class);
  /** The organization of the facilitator inside the sandbox. */
  public static final String CONTROL = "exercise-control";
  /** How often the sandbox looks for due injects, in real milliseconds. */
  private static final long TICK_MILLIS = 50;

  /**
   * A participant's seat: an organization of the sandbox and the person playing it.
   *
   * @param country ISO 3166-1 alpha-2, or null
   */
  public record Seat(String organization, OrgKind kind, String country, String email) {
    public Seat {
      Objects.requireNonNull(organization, "organization");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(email, "email");
    }
  }

  /** A participant's exercise token for the sandbox: valid there only, never in the real instance. */
  public record Pass(String organization, String email, String token) {}

  private final String id;
  private final Scenario scenario;
  private final Accord sandbox;
  private final ScaledClock clock;
  private final Principal control;
  private final String controlToken;
  private final List<Pass> passes;
  private final String caseId;
  private final List<Map<String, Object>> arrived = new CopyOnWriteArrayList<>();
  private final boolean[] due;
  private final List<Runnable> closers = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService ticker;
  private volatile boolean closed;

  private Tabletop(String id, Scenario scenario, Accord sandbox, ScaledClock clock, Principal control, String controlToken,
      List<Pass> passes, String caseId) {
    this.id = id;
    this.scenario = scenario;
    this.sandbox = sandbox;
    this.clock = clock;
    this.control = control;
    this.controlToken = controlToken;
    this.passes = List.copyOf(passes);
    this.caseId = caseId;
    this.due = new boolean[scenario.injects().size()];
    this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "tabletop-" + id);
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * Opens the sandbox in {@code dir}, seats the participants, opens the case and starts the injects.
   *
   * @param scale exercise seconds per real second (86,400 makes a day a second)
   * @throws IllegalArgumentException for no seats, or a scale that is not positive
   */
  static Tabletop open(String id, Scenario scenario, Path dir, List<Seat> seats, double scale, Clock base) {
    if (seats.isEmpty()) {
      throw new IllegalArgumentException("a tabletop needs at least one seat");
    }
    ScaledClock clock = new ScaledClock(base, scenario.start().atStartOfDay(ZoneOffset.UTC).toInstant(), scale);
    Accord.Config config = new Accord.Config(dir, null, org.accord.sbom.ReadLimits.defaults(),
        new LedgerService.Options(Duration.ofSeconds(1), 256, "accord.local/exercise/" + id));
    Accord sandbox = Accord.open(config, clock);
    try {
      Principal local = sandbox.parties().localCoordinator();
      sandbox.parties().createOrganization(local, CONTROL, OrgKind.CERT, null, null);
      String controlToken = sandbox.parties().createToken(local, CONTROL, null, true, "facilitator", null).secret();
      Principal control = sandbox.parties().authenticate(controlToken).orElseThrow();
      List<Pass> passes = new ArrayList<>();
      for (Seat seat : seats) {
        sandbox.parties().createOrganization(local, seat.organization(), seat.kind(), seat.country(), null);
        sandbox.parties().addMember(local, seat.organization(), seat.email(), org.accord.party.MemberRole.MEMBER);
        String token = sandbox.parties().createToken(local, seat.organization(), seat.email(), false, "exercise " + id, null).secret();
        passes.add(new Pass(seat.organization(), seat.email(), token));
      }
      Principal owner = sandbox.parties().actingFor(control, seats.get(0).organization());
      String caseId = sandbox.cases().create(owner, "Exercise " + id + ": " + scenario.title(), "TLP:AMBER", List.of())
          .row().id().toString();
      Tabletop tabletop = new Tabletop(id, scenario, sandbox, clock, control, controlToken, passes, caseId);
      tabletop.ticker.scheduleWithFixedDelay(tabletop::tick, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
      return tabletop;
    } catch (RuntimeException e) {
      sandbox.close();
      throw e;
    }
  }

  /** The exercise's id. */
  public String id() {
    return id;
  }

  /** The scenario played. */
  public Scenario scenario() {
    return scenario;
  }

  /** The sandbox instance; serve it, never the real one, to the participants. */
  public Accord sandbox() {
    return sandbox;
  }

  /** The sandbox's accelerated clock. */
  public ScaledClock clock() {
    return clock;
  }

  /** The public id of the case the participants play, in the sandbox. */
  public String caseId() {
    return caseId;
  }

  /** The facilitator's token in the sandbox (its coordinator, acting as {@value #CONTROL}). */
  public String controlToken() {
    return controlToken;
  }

  /** The participants' exercise tokens, in seat order. */
  public List<Pass> passes() {
    return passes;
  }

  /** The injects that arrived so far, in order: type, day, and note. */
  public List<Map<String, Object>> arrived() {
    return List.copyOf(arrived);
  }

  /** Runs {@code closer} when the tabletop closes, before the sandbox does (its web server, say). */
  public void onClose(Runnable closer) {
    closers.add(closer);
  }

  /** Delivers the injects now due: the timed ones whose day came, the triggered ones whose event happened. */
  synchronized void tick() {
    if (closed) {
      return;
    }
    try {
      double now = clock.day();
      Played played = null;
      for (int i = 0; i < due.length; i++) {
        if (due[i]) {
          continue;
        }
        Inject inject = scenario.injects().get(i);
        if (inject.on() != null && played == null) {
          played = played();
        }
        double day = inject.on() == null ? inject.atDay()
            : inject.day(played.fixReady(), played.published(), played.exploit(), played.attacks());
        if (day <= now) {
          due[i] = true;
          deliver(inject, now);
          played = null; // an exploit or attacks inject moves the timeline the next triggers follow
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("tabletop {}: an inject could not be delivered", id, e);
    }
  }

  private void deliver(Inject inject, double now) {
    Map<String, Object> entry = new java.util.LinkedHashMap<>();
    entry.put("type", inject.kind().label());
    entry.put("day", Math.round(now * 1000) / 1000.0);
    entry.put("at", clock.instant().toString());
    if (!inject.countries().isEmpty()) {
      entry.put("countries", inject.countries());
    }
    if (!inject.note().isEmpty()) {
      entry.put("note", inject.note());
    }
    // The participants learn of it where they work: a message to every participant of the case.
    String text = "**Inject: " + inject.kind().label() + "** (day " + String.format(Locale.ROOT, "%.1f", now) + ")"
        + (inject.countries().isEmpty() ? "" : " for " + String.join(", ", inject.countries()))
        + (inject.note().isEmpty() ? "" : "\n\n" + inject.note());
    sandbox.messages().post(control, caseId, new CaseMessages.Draft(null, List.of(), null, List.of(), text, List.of()));
    String event = switch (inject.kind()) {
      case EXPLOIT_PUBLIC -> "exploit_public";
      case ATTACKS_OBSERVED -> "attacks_observed";
      default -> null;
    };
    if (event != null) {
      try {
        sandbox.cases().transition(control, caseId, event, null);
      } catch (IllegalTransitionException e) {
        entry.put("refused", e.getMessage()); // already so: the case keeps its first X or A
      }
    }
    arrived.add(entry);
  }

  /**
   * What the humans did so far, read from the sandbox case's events (days since day 0): V the first
   * acknowledgement, F the first fix_ready state or {@code fixed} status, P publication, X and A their
   * case states, vendors and operators told at their organizations' first invitation.
   */
  public Played played() {
    double v = Double.POSITIVE_INFINITY;
    double f = v;
    double p = v;
    double x = v;
    double a = v;
    double vendors = v;
    double operators = v;
    Instant origin = clock.origin();
    for (Map<String, Object> event : sandbox.cases().events(control, caseId)) {
      CaseEventType type = CaseEventType.of(String.valueOf(event.get("type"))).orElse(null);
      if (type == null) {
        continue;
      }
      double day = Math.max(0, (Instant.parse(String.valueOf(event.get("at"))).toEpochMilli() - origin.toEpochMilli()) / 86_400_000.0);
      @SuppressWarnings("unchecked")
      Map<String, Object> data = (Map<String, Object>) event.get("data");
      switch (type) {
        case ACKNOWLEDGED -> v = Math.min(v, day);
        case STATUS_SET -> {
          if ("fixed".equals(data.get("vex_status"))) {
            f = Math.min(f, day);
          }
        }
        case STATE_CHANGED -> {
          String cs = String.valueOf(data.get("event"));
          switch (cs) {
            case "fix_ready" -> f = Math.min(f, day);
            case "public_aware" -> p = Math.min(p, day);
            case "exploit_public" -> x = Math.min(x, day);
            case "attacks_observed" -> a = Math.min(a, day);
            default -> { }
          }
          String pxa = String.valueOf(data.get("pxa"));
          if (pxa.startsWith("P")) {
            p = Math.min(p, day);
          }
        }
        case PUBLISHED -> p = Math.min(p, day);
        case PARTICIPANT_INVITED -> {
          OrgKind kind = kindOf(String.valueOf(data.get("organization")));
          if (kind == OrgKind.VENDOR) {
            vendors = Math.min(vendors, day);
          } else if (kind == OrgKind.OPERATOR) {
            operators = Math.min(operators, day);
          }
        }
        default -> { }
      }
    }
    // Not published within the horizon: publication at the horizon, as the simulator cuts its curves there.
    double horizon = scenario.horizonDays();
    return new Played(Math.min(v, horizon), Math.min(f, horizon), Math.min(p, horizon), x, a, vendors, operators);
  }

  private OrgKind kindOf(String organization) {
    try {
      Organization org = sandbox.parties().organization(control, organization);
      return org.kind();
    } catch (RuntimeException e) {
      return null;
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    ticker.shutdownNow();
    try {
      closers.forEach(Runnable::run);
    } finally {
      sandbox.close();
    }
  }
}
