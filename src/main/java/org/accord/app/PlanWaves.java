package org.accord.app;

import org.accord.disclosure.CaseEventType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.accord.disclosure.ParticipantRole;
import org.accord.disclosure.Tlp;
import org.accord.disclosure.VfdState;
import org.accord.disclosure.plan.NotificationPlan;
import org.accord.disclosure.plan.PlanState;
import org.accord.disclosure.plan.Recipient;
import org.accord.disclosure.plan.Wave;
import org.accord.disclosure.plan.WaveChannel;
import org.accord.disclosure.plan.WaveKind;
import org.accord.notification.NotificationKind;
import org.accord.party.Organization;
import org.accord.party.Principal;
import org.accord.store.CasePlans;
import org.accord.store.CasePlans.DueWave;
import org.accord.store.CasePlans.PlanRow;
import org.accord.store.CasePlans.WaveRow;
import org.accord.store.Cases.CaseRow;
import org.accord.store.Cases.ParticipantRow;
import org.accord.store.Database;
import org.accord.store.Organizations;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The waves of adopted plans going out (ADR 0134): {@link #sweep()} sends every wave of an adopted plan
 * whose due time has passed at the instance clock's now and whose gate is met ({@link Wave#releasable}:
 * {@code fix_ready} once some vendor participant of the case is at F). Each recipient that does not take
 * part yet is invited with the roles its reasons give ({@link Recipient#roles}), through the same change
 * and {@code case.participant_invited} event as {@link Cases#invite}, so its members are notified by the
 * notification delivery (kind {@code invitation}); then the wave is marked sent with one {@link
 * #SENT_EVENT} event (counts, never names). The publication wave is not published by the sweep: when it
 * is due the case owner is told once (a {@code reminder} notification), and the wave is marked sent when
 * the case is published ({@link CasePublication}).
 *
 * <p>Each wave is one transaction under the lock {@link Cases} serialises case writes on, re-read there:
 * a wave already sent, or a plan superseded meanwhile, is left alone, and the sent mark is a conditional
 * update, so two sweeps (or a restart) never send a wave twice. The instance's coordinator ({@link
 * Parties#localCoordinator()}) is the actor, as for RSVP deadlines (ADR 0116). Thread-safe.
 */
public final class PlanWaves implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PlanWaves.class);
  /** The environment variable with the sweep's period in seconds; 0 turns the background sweep off. */
  public static final String PERIOD_VARIABLE = "ACCORD_PLAN_SWEEP_SECONDS";
  /** The background sweep's period unless {@link #PERIOD_VARIABLE} says otherwise. */
  public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(60);
  /** The event of a wave sent. */
  public static final CaseEventType SENT_EVENT = CaseEventType.PLAN_WAVE_SENT;

  private final Database database;
  private final Clock clock;
  private final Parties parties;
  private final Cases cases;
  private final EventOutbox log;
  private final Notifications notifications;
  private final PeriodicSweep background = new PeriodicSweep("accord-plan-waves", "plan wave sweep", this::sweepQuietly);

  PlanWaves(Database database, Clock clock, Parties parties, Cases cases, EventOutbox log, Notifications notifications) {
    this.database = database;
    this.clock = clock;
    this.parties = parties;
    this.cases = cases;
    this.log = log;
    this.notifications = notifications;
  }

  /**
   * What one sweep did with one wave.
   *
   * @param id the case id
   * @param plan the adopted plan's id
   * @param wave the wave's number
   * @param kind the wave's kind
   * @param invited how many recipients were invited
   * @param participants how many already took part
   * @param notInvited how many could not be invited (an organization no longer known, or a TLP:RED case,
   *     which reaches named members only)
   * @param ownerTold for the publication wave: the case owner was told it is due (the wave is not sent)
   */
  public record Sent(String id, long plan, int wave, WaveKind kind, int invited, int participants, int notInvited, boolean ownerTold) {}

  /**
   * Sends every wave that may go out now, oldest case first.
   *
   * @return what was done, per wave; empty when nothing was due
   */
  public List<Sent> sweep() {
    Instant now = clock.instant();
    List<DueWave> due = database.jdbi().withHandle(handle -> CasePlans.due(handle, now));
    List<Sent> done = new ArrayList<>();
    Principal instance = due.isEmpty() ? null : parties.localCoordinator(); // read before any transaction
    for (DueWave d : due) {
      EventOutbox.Committed<Optional<Sent>> committed = cases.locked(() -> log.inTransaction((handle, events) -> send(handle, events, instance, d)));
      committed.value().ifPresent(done::add);
      committed.await();
    }
    return done;
  }

  private Optional<Sent> send(Handle handle, EventOutbox.Stager events, Principal instance, DueWave due) {
    long pk = due.casePk();
    long planId = due.wave().planId();
    Optional<PlanRow> adopted = CasePlans.current(handle, pk, PlanState.ADOPTED);
    Optional<WaveRow> stored = CasePlans.waves(handle, planId).stream().filter(w -> w.number() == due.wave().number()).findFirst();
    if (adopted.isEmpty() || adopted.get().id() != planId || stored.isEmpty() || stored.get().sent().isPresent()) {
      return Optional.empty(); // superseded or sent since the candidates were read
    }
    NotificationPlan plan = PlanJson.read(adopted.get().body());
    Wave wave = plan.waves().stream().filter(w -> w.number() == due.wave().number()).findFirst()
        .orElseThrow(() -> new IllegalStateException("plan " + planId + " has no wave " + due.wave().number()));
    long millis = clock.millis();
    Instant now = Instant.ofEpochMilli(millis);
    CaseRow row = org.accord.store.Cases.byPk(handle, pk).orElseThrow(() -> new IllegalStateException("case row " + pk + " vanished"));
    List<ParticipantRow> participants = org.accord.store.Cases.participants(handle, pk);
    boolean fixReady = participants.stream().anyMatch(p -> p.vendor().map(VfdState::fixReady).orElse(false));
    if (!wave.releasable(now, fixReady)) {
      return Optional.empty();
    }
    String id = row.id().toString();
    if (wave.channel() == WaveChannel.PUBLICATION) {
      if (stored.get().told().isPresent() || !CasePlans.markTold(handle, planId, wave.number(), now)) {
        return Optional.empty();
      }
      Set<String> owners = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
      participants.stream().filter(p -> p.participant().has(ParticipantRole.CASE_OWNER)).forEach(p -> owners.add(p.organizationName()));
      notifications.enqueue(handle, new Notifications.Request("plan-" + planId + "-wave-" + wave.number() + "-due", id,
          NotificationKind.REMINDER, owners, Optional.empty(),
          "The adopted plan's publication wave (wave " + wave.number() + ") is due: publish the case when it is ready (accord case publish "
              + id + ").", Optional.empty()));
      return Optional.of(new Sent(id, planId, wave.number(), wave.kind(), 0, 0, 0, true));
    }
    Set<String> taking = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    participants.forEach(p -> taking.add(p.organizationName()));
    int invited = 0;
    int already = 0;
    int notInvited = 0;
    for (Recipient r : wave.recipients()) {
      if (taking.contains(r.organization())) {
        already++;
        continue;
      }
      Optional<Organization> organization = Organizations.find(handle, r.organization());
      if (row.tlp() == Tlp.RED || organization.isEmpty()) {
        notInvited++; // a RED case is shared with named members only (ADR 0112): its owner invites them by hand
        continue;
      }
      cases.inviteWithin(handle, events, instance, pk, organization.get(), r.roles());
      taking.add(r.organization());
      invited++;
    }
    if (!CasePlans.markSent(handle, planId, wave.number(), now)) {
      throw new IllegalStateException("wave " + wave.number() + " of plan " + planId + " was sent meanwhile");
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("plan", planId);
    data.put("wave", wave.number());
    data.put("kind", wave.kind().label());
    data.put("invited", invited);
    data.put("already_participants", already);
    data.put("not_invited", notInvited);
    Cases.event(handle, events, instance, row, SENT_EVENT, data, millis);
    return Optional.of(new Sent(id, planId, wave.number(), wave.kind(), invited, already, notInvited, false));
  }

  /** Runs {@link #sweep()} every {@code period} in the background until {@link #close()} (first run at once). */
  public void start(Duration period) {
    background.start(period);
  }

  /** Whether the background sweep runs. */
  public boolean isRunning() {
    return background.isRunning();
  }

  /** Waits until at least {@code count} background sweeps have finished, at most {@code timeout}; for tests, which must not sleep. */
  boolean awaitSweeps(long count, Duration timeout) throws InterruptedException {
    return background.awaitRuns(count, timeout);
  }

  /** How many background sweeps have finished since the instance opened. */
  long sweeps() {
    return background.runs();
  }

  private void sweepQuietly() {
    List<Sent> done = sweep();
    if (!done.isEmpty()) {
      LOG.info("plan waves sent: {}", done);
    }
  }

  /**
   * The background sweep's period from {@code environment}: {@value #PERIOD_VARIABLE} seconds, {@link
   * #DEFAULT_PERIOD} when unset, empty for 0 (no background sweep).
   *
   * @throws org.accord.InvalidInputException naming the variable for anything but a whole number from 0 to 86400
   */
  public static Optional<Duration> period(Map<String, String> environment) {
    return PeriodicSweep.period(environment, PERIOD_VARIABLE, DEFAULT_PERIOD, "plan wave sweep");
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
