package org.accord.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.accord.disclosure.EmState;
import org.accord.disclosure.EmbargoRules;
import org.accord.disclosure.EmbargoTerms;
import org.accord.disclosure.ParticipantRole;
import org.accord.disclosure.Reminders;
import org.accord.notification.NotificationKind;
import org.accord.store.CaseReminders.Sent;
import org.accord.store.Cases.CaseRow;
import org.accord.store.Cases.ParticipantRow;
import org.accord.store.Cases.ProposalRow;
import org.accord.store.Database;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reminder scheduler (issue 10, item 3; ADR 0126): {@link #sweep()} sends every reminder the {@code
 * disclosure} core's {@link Reminders#due} says a case owes at the instance clock's now, each once;
 * {@link #start(Duration)} runs it in the background while the instance serves.
 *
 * <p>Each case is one transaction that reads its facts, records each due reminder in {@code
 * case_reminders} (unique per case, participant, kind and the instant it is about) and, only when the
 * record is new, writes its notifications through {@link Notifications#enqueue(Handle,
 * Notifications.Request)} (kind {@link NotificationKind#REMINDER}, so preferences, digests and retries
 * apply) to the participant's members who see the case. A reminder is therefore sent once across
 * restarts and concurrent sweeps: the record and its notifications commit together, and a second
 * insert of a key does nothing. Reminders change no case and stage no case event. Thread-safe.
 */
public final class CaseReminders implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CaseReminders.class);
  /** The environment variable with the sweep's period in seconds; 0 turns the background sweep off. */
  public static final String PERIOD_VARIABLE = "ACCORD_REMINDER_SWEEP_SECONDS";
  /** The background sweep's period unless {@link #PERIOD_VARIABLE} says otherwise. */
  public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(60);

  private final Database database;
  private final Clock clock;
  private final Notifications notifications;
  private final PeriodicSweep background = new PeriodicSweep("accord-reminders", "reminder sweep", this::sweepAndLog);

  CaseReminders(Database database, Clock clock, Notifications notifications) {
    this.database = Objects.requireNonNull(database, "database");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.notifications = Objects.requireNonNull(notifications, "notifications");
  }

  /**
   * A reminder this sweep sent.
   *
   * @param caseId the case ({@code ACC-…})
   * @param organization the participant reminded
   * @param about the deadline or instant it is about
   * @param notified how many notifications it wrote (0 when no member may be told)
   */
  public record Reminded(String caseId, String organization, Reminders.Kind kind, Instant about, int notified) {}

  /**
   * Sends every reminder due now that was not sent before.
   *
   * @return the reminders sent by this sweep, case by case
   */
  public List<Reminded> sweep() {
    Instant now = clock.instant();
    org.accord.store.CaseReminders.Scope scope = new org.accord.store.CaseReminders.Scope(
        EnumSet.complementOf(EnumSet.of(EmState.NONE, EmState.EXITED)), EnumSet.of(EmState.ACTIVE, EmState.REVISE), CaseDeadlines.waiting());
    List<Long> due = database.jdbi().withHandle(handle ->
        org.accord.store.CaseReminders.candidates(handle, now, scope, EmbargoRules.RSVP_DEFAULT));
    List<Reminded> sent = new ArrayList<>();
    for (long pk : due) {
      sent.addAll(database.jdbi().inTransaction(handle -> remind(handle, pk)));
    }
    return sent;
  }

  private List<Reminded> remind(Handle handle, long pk) {
    long now = clock.millis();
    CaseRow row = org.accord.store.Cases.byPk(handle, pk).orElseThrow(() -> new IllegalStateException("case row " + pk + " vanished"));
    List<ParticipantRow> participants = org.accord.store.Cases.participants(handle, pk);
    Set<Long> answered = org.accord.store.CaseReminders.answered(handle, pk);
    Optional<Instant> latest = org.accord.store.Cases.proposals(handle, pk, null).stream().map(ProposalRow::rsvpDeadline)
        .max(Instant::compareTo);
    Map<Long, String> names = new HashMap<>();
    List<Reminders.Party<Long>> parties = new ArrayList<>();
    for (ParticipantRow p : participants) {
      long org = p.participant().organization();
      names.put(org, p.organizationName());
      parties.add(new Reminders.Party<>(org, p.participant().has(ParticipantRole.CASE_OWNER), p.participant().has(ParticipantRole.VENDOR),
          p.consent(), p.invited(), p.viewed().isPresent(), answered.contains(org)));
    }
    Reminders.CaseFacts facts = new Reminders.CaseFacts(row.em(), row.terms().map(EmbargoTerms::end), latest);
    List<Reminded> out = new ArrayList<>();
    for (Reminders.Due<Long> due : Reminders.due(facts, parties, Instant.ofEpochMilli(now))) {
      if (!org.accord.store.CaseReminders.record(handle, pk, due.participant(), due.kind(), due.about(), now)) {
        continue; // sent before, by this sweep's predecessors or a concurrent one
      }
      String organization = names.get(due.participant());
      String source = "reminder-" + row.id() + "-" + due.kind().label() + "-org" + due.participant() + "-" + due.about().toEpochMilli();
      int notified = notifications.enqueue(handle, new Notifications.Request(source, row.id().toString(), NotificationKind.REMINDER,
          Set.of(organization), Optional.empty(), due.text(), Optional.empty()));
      org.accord.store.CaseReminders.notified(handle, pk, due.participant(), due.kind(), due.about(), notified);
      out.add(new Reminded(row.id().toString(), organization, due.kind(), due.about(), notified));
    }
    return out;
  }

  /** Every reminder sent, oldest first; for tests and diagnostics. */
  public List<Sent> sent() {
    return database.jdbi().withHandle(org.accord.store.CaseReminders::all);
  }

  /**
   * Runs {@link #sweep()} every {@code period} on a daemon thread until {@link #close()}, the first at
   * once, so reminders that fell due while the instance was down go out when it starts. Starting twice,
   * or after close, does nothing.
   *
   * @throws IllegalArgumentException for a period that is not positive
   */
  public void start(Duration period) {
    background.start(period);
  }

  /** Whether the background sweep runs. */
  public boolean isRunning() {
    return background.isRunning();
  }

  /** Waits until the background thread finished {@code count} sweeps, at most {@code timeout}; for tests. */
  boolean awaitSweeps(long count, Duration timeout) throws InterruptedException {
    return background.awaitRuns(count, timeout);
  }

  private void sweepAndLog() {
    List<Reminded> sent = sweep();
    if (!sent.isEmpty()) {
      LOG.info("reminders sent: {}", sent);
    }
  }

  /**
   * The background sweep's period from {@code environment}: {@value #PERIOD_VARIABLE} seconds, {@link
   * #DEFAULT_PERIOD} when unset, empty for 0 (no background sweep).
   *
   * @throws org.accord.InvalidInputException naming the variable for anything but a whole number from 0 to 86400
   */
  public static Optional<Duration> period(Map<String, String> environment) {
    return PeriodicSweep.period(environment, PERIOD_VARIABLE, DEFAULT_PERIOD, "reminder sweep");
  }

  /** Stops the background sweep, waiting for a sweep in progress to finish. */
  @Override
  public void close() {
    background.close();
  }

  /** Runs the background sweep only while {@code leads} says this replica leads the scheduler (ADR 0147). */
  void leadWith(java.util.function.BooleanSupplier leads) {
    background.gate(leads);
  }
}
