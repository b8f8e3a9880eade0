package org.accord.app.escalation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.accord.InvalidInputException;
import org.accord.accountability.commitment.CommitmentDeadline;
import org.accord.accountability.escalation.Escalation;
import org.accord.accountability.escalation.Ladder;
import org.accord.accountability.escalation.Level;
import org.accord.app.Cases;
import org.accord.app.EventOutbox;
import org.accord.app.Notifications;
import org.accord.app.Parties;
import org.accord.app.PeriodicSweep;
import org.accord.app.accountability.Commitments;
import org.accord.app.obligation.Obligations;
import org.accord.disclosure.CaseEventType;
import org.accord.disclosure.ParticipantRole;
import org.accord.party.Principal;
import org.accord.store.Cases.CaseRow;
import org.accord.store.Cases.ParticipantRow;
import org.accord.store.Database;
import org.accord.store.escalation.EscalationRows;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Graduated escalation (issue 12 item 5, ADR 0155): a sweep that moves every pledge deadline ({@link
 * Commitments}) and legal obligation ({@link Obligations}) of a case up its {@link Ladder}, one step per
 * deadline and level.
 *
 * <p>Each step taken is a row of {@code case_escalations}, unique per (case, deadline, level), and one
 * {@value #EVENT} case event staged in the same transaction, whose notification goes to the step's
 * audience: the owing participant (reminder), its organization's admins, the case owner and the case's
 * coordinators, and for the scorecard mark the owing participant and the owner, with a public {@value
 * #MARK} event naming the organization and the promise, never the case. The insert decides who takes a
 * step, so sweeps racing on one instance or on several replicas take each once. A deadline kept late
 * climbs no further and keeps its steps. Thread-safe.
 */
public final class Escalations implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Escalations.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The case event of a step taken. */
  public static final String EVENT = "case.escalated";
  /** The public event of a scorecard mark. */
  public static final String MARK = "scorecard.marked";
  /** The instance's ladder: {@code LEVEL=OFFSET,…}, a JSON block, or the path of a JSON file holding one. */
  public static final String LADDER_VARIABLE = "ACCORD_ESCALATION_LADDER";
  /** The sweep's period in seconds; 0 turns the background sweep off. */
  public static final String PERIOD_VARIABLE = "ACCORD_ESCALATION_SWEEP_SECONDS";
  /** The background sweep's period unless {@link #PERIOD_VARIABLE} says otherwise. */
  public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(60);

  private final Database database;
  private final Clock clock;
  private final Cases cases;
  private final EventOutbox log;
  private final Parties parties;
  private final Commitments commitments;
  private final Ladder ladder;
  private final Function<String, Optional<Ladder>> arrangements;
  private final PeriodicSweep background = new PeriodicSweep("accord-escalations", "escalation sweep", this::sweepQuietly);

  /**
   * @param ladder the instance's ladder
   * @param arrangements the ladder a commitment (by id) sets for its deadlines, if it sets one
   */
  public Escalations(Database database, Clock clock, Cases cases, EventOutbox log, Parties parties, Commitments commitments, Ladder ladder,
      Function<String, Optional<Ladder>> arrangements) {
    this.database = Objects.requireNonNull(database, "database");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.cases = Objects.requireNonNull(cases, "cases");
    this.log = Objects.requireNonNull(log, "log");
    this.parties = Objects.requireNonNull(parties, "parties");
    this.commitments = Objects.requireNonNull(commitments, "commitments");
    this.ladder = Objects.requireNonNull(ladder, "ladder");
    this.arrangements = Objects.requireNonNull(arrangements, "arrangements");
  }

  /** The instance's ladder. */
  public Ladder ladder() {
    return ladder;
  }

  /**
   * The instance's ladder from {@code environment}: {@value #LADDER_VARIABLE} as {@code LEVEL=OFFSET,…},
   * as a JSON block {@code {"steps": […]}}, or as the path of a file holding that block; {@link
   * Ladder#DEFAULT} when unset.
   *
   * @throws InvalidInputException naming the variable (and the member at fault) for a bad ladder or an unreadable file
   */
  public static Ladder ladder(Map<String, String> environment) {
    String value = environment.get(LADDER_VARIABLE);
    if (value == null || value.isBlank()) {
      return Ladder.DEFAULT;
    }
    String text = value.strip();
    if (!text.startsWith("{") && !text.contains("=")) {
      try {
        text = Files.readString(Path.of(text)).strip();
      } catch (IOException | java.nio.file.InvalidPathException e) {
        throw new InvalidInputException(LADDER_VARIABLE + " names no readable file: " + value.strip(), LADDER_VARIABLE, e);
      }
    }
    if (text.startsWith("{")) {
      try {
        return Ladder.read(JSON.readTree(text), LADDER_VARIABLE);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new InvalidInputException("not JSON: " + e.getOriginalMessage(), LADDER_VARIABLE, e);
      }
    }
    return Ladder.parse(text, LADDER_VARIABLE);
  }

  /**
   * A step one sweep took.
   *
   * @param id the case id
   * @param deadline the deadline's key
   * @param organization the owing organization
   * @param level the step
   */
  public record Taken(String id, String deadline, String organization, Level level) {}

  /** The deadlines a case's steps were recorded for, as stored: the escalation history of a case. */
  public List<EscalationRows.Row> history(long casePk) {
    return database.jdbi().withHandle(handle -> EscalationRows.ofCase(handle, casePk));
  }

  /**
   * Takes every step reached at the clock's now that was not taken yet: for each case whose participants
   * are bound by a commitment or owe an obligation, one transaction under the case lock. Safe beside
   * itself, here and on other replicas.
   */
  public List<Taken> sweep() {
    List<Long> watched = database.jdbi().withHandle(EscalationRows::casesToWatch);
    List<Taken> out = new ArrayList<>();
    if (watched.isEmpty()) {
      return out;
    }
    Principal instance = parties.localCoordinator();
    for (long pk : watched) {
      Optional<CaseRow> row = database.jdbi().withHandle(handle -> org.accord.store.Cases.byPk(handle, pk));
      if (row.isEmpty()) {
        continue;
      }
      // Computed outside the transaction from what the instance sees of the case: everything.
      List<CommitmentDeadline> pledged = commitments.ofCase(instance, row.get().id().toString());
      EventOutbox.Committed<List<Taken>> committed = cases.locked(() -> log.inTransaction((handle, events) ->
          climb(handle, events, instance, pk, pledged)));
      out.addAll(committed.value());
      committed.await();
    }
    return out;
  }

  private List<Taken> climb(Handle handle, EventOutbox.Stager events, Principal instance, long pk, List<CommitmentDeadline> pledged) {
    CaseRow row = org.accord.store.Cases.byPk(handle, pk).orElseThrow(() -> new IllegalStateException("case row " + pk + " vanished"));
    List<ParticipantRow> participants = org.accord.store.Cases.participants(handle, pk);
    Map<String, Long> ids = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    participants.forEach(p -> ids.put(p.organizationName(), p.participant().organization()));
    long millis = clock.millis();
    Instant now = Instant.ofEpochMilli(millis);
    List<Taken> out = new ArrayList<>();
    for (Escalation.Watched deadline : watched(handle, row, pledged)) {
      Long organization = ids.get(deadline.organization());
      if (organization == null) {
        continue; // no longer a participant: nobody to escalate to
      }
      for (Escalation.Reached reached : Escalation.reached(deadline, now)) {
        Level level = reached.step().level();
        if (!EscalationRows.take(handle, pk, deadline.key(), deadline.source().label(), organization, level.label(), deadline.due().get(),
            reached.at(), now)) {
          continue; // taken before, by this sweep's predecessor or a racing one
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("deadline", deadline.key());
        data.put("source", deadline.source().label());
        data.put("organization", deadline.organization());
        data.put("what", deadline.what());
        data.put("level", level.label());
        data.put("due", deadline.due().get().toString());
        data.put("step_at", reached.at().toString());
        data.put("recipients", recipients(level, deadline.organization(), participants));
        if (level == Level.ORGANIZATION) {
          data.put(Notifications.AUDIENCE, Notifications.ADMINS);
        }
        data.put("message", message(level, deadline));
        Cases.event(handle, events, instance, row, CaseEventType.ESCALATED, data, millis);
        if (level == Level.SCORECARD) {
          events.stage(instance, MARK, "org:" + deadline.organization(), millis, mark(deadline, reached), false);
        }
        out.add(new Taken(row.id().toString(), deadline.key(), deadline.organization(), level));
      }
    }
    return out;
  }

  /** The case's pledge deadlines and obligations as the ladder watches them. */
  private List<Escalation.Watched> watched(Handle handle, CaseRow row, List<CommitmentDeadline> pledged) {
    List<Escalation.Watched> out = new ArrayList<>();
    for (CommitmentDeadline d : pledged) {
      String key = "commitment:" + d.commitment() + ":" + d.version() + ":" + d.organization().toLowerCase(Locale.ROOT) + ":"
          + d.kind().label() + d.severity().map(s -> ":" + s.label().toLowerCase(Locale.ROOT)).orElse("");
      out.add(new Escalation.Watched(key, Escalation.Source.COMMITMENT, d.organization(),
          d.kind().label() + " within " + org.accord.accountability.commitment.Term.text(d.within()) + " (" + d.commitment() + ")",
          d.due(), d.kept(), arrangements.apply(d.commitment()).orElse(ladder)));
    }
    for (Obligations.Standing o : Obligations.standing(handle, row)) {
      // The law is not named: a CRA early warning tells of exploitation (ADR 0138).
      out.add(new Escalation.Watched("obligation:" + o.id(), Escalation.Source.OBLIGATION, o.organizationName(),
          "reporting obligation " + o.id(), o.due(), o.done(), ladder));
    }
    return out;
  }

  /** Who a step tells: the participant, its admins, the case's owners and coordinators; the scorecard mark the participant and the owners. */
  private static List<String> recipients(Level level, String organization, List<ParticipantRow> participants) {
    List<String> out = new ArrayList<>();
    if (level != Level.CASE_OWNER) {
      out.add(organization);
    }
    if (level == Level.CASE_OWNER || level == Level.SCORECARD) {
      participants.stream()
          .filter(p -> p.participant().has(ParticipantRole.CASE_OWNER) || level == Level.CASE_OWNER && p.participant().has(ParticipantRole.COORDINATOR))
          .map(ParticipantRow::organizationName).filter(n -> !out.contains(n)).forEach(out::add);
    }
    return out;
  }

  private static String message(Level level, Escalation.Watched deadline) {
    String promise = deadline.organization() + "'s " + deadline.what();
    return switch (level) {
      case REMINDER -> "Reminder: " + promise + " is due " + deadline.due().get() + ".";
      case ORGANIZATION -> "Escalated to your organization's admins: " + promise + " was due " + deadline.due().get() + " and is not kept.";
      case CASE_OWNER -> "Escalated to the case owner and coordinator: " + promise + " was due " + deadline.due().get() + " and is not kept.";
      case SCORECARD -> promise + " was due " + deadline.due().get() + " and is not kept: it is marked on the public scorecard.";
    };
  }

  /** The public mark: the organization and the promise, the due day; nothing of the case. */
  private static Map<String, Object> mark(Escalation.Watched deadline, Escalation.Reached reached) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("organization", deadline.organization());
    data.put("source", deadline.source().label());
    if (deadline.source() == Escalation.Source.COMMITMENT) {
      data.put("promise", deadline.what());
    }
    data.put("due_day", deadline.due().get().truncatedTo(java.time.temporal.ChronoUnit.DAYS).toString());
    return data;
  }

  /** Runs {@link #sweep()} every {@code period} in the background until {@link #close()} (first run at once). */
  public void start(Duration period) {
    background.start(period);
  }

  /** Runs each background sweep only while {@code leads} says this replica leads the scheduler (ADR 0147). */
  public void leadWith(java.util.function.BooleanSupplier leads) {
    background.gate(leads);
  }

  /** Waits until at least {@code count} background sweeps have finished, at most {@code timeout}; for tests. */
  public boolean awaitSweeps(long count, Duration timeout) throws InterruptedException {
    return background.awaitRuns(count, timeout);
  }

  private void sweepQuietly() {
    List<Taken> done = sweep();
    if (!done.isEmpty()) {
      LOG.info("escalation steps taken: {}", done);
    }
  }

  /**
   * The background sweep's period from {@code environment}: {@value #PERIOD_VARIABLE} seconds, {@link
   * #DEFAULT_PERIOD} when unset, empty for 0.
   *
   * @throws InvalidInputException naming the variable for anything but a whole number from 0 to 86400
   */
  public static Optional<Duration> period(Map<String, String> environment) {
    return PeriodicSweep.period(environment, PERIOD_VARIABLE, DEFAULT_PERIOD, "escalation sweep");
  }

  /** Stops the background sweep, waiting for a sweep in progress to finish. */
  @Override
  public void close() {
    background.close();
  }
}
