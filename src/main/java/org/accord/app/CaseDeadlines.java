package org.accord.app;

import org.accord.disclosure.CaseEventType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accord.InvalidInputException;
import org.accord.disclosure.EmState;
import org.accord.disclosure.ParticipantRole;
import org.accord.disclosure.PecState;
import org.accord.disclosure.RsvpDeadline;
import org.accord.party.Principal;
import org.accord.store.Cases.CaseRow;
import org.accord.store.Cases.ParticipantRow;
import org.accord.store.Cases.ProposalRow;
import org.accord.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RSVP deadlines of embargo invitations (ADR 0116): {@link #sweep()} lapses every invitation whose
 * deadline has passed at the instance clock's now, as the {@code disclosure} core's {@link
 * RsvpDeadline} says (the pocket veto, Vultron MSM-07-007: the invitee declines), and {@link
 * #start(Duration)} runs the sweep in the background while the instance serves.
 *
 * <p>Each case is one transaction under the lock {@link Cases} serialises case writes on, with one
 * {@code case.rsvp_lapsed} event naming the organizations, staged through the outbox and recorded in
 * the case's history. The instance's coordinator ({@link Parties#localCoordinator()}) is its actor: no
 * participant acted, the instance applied the terms' deadline. A sweep that finds nothing to lapse
 * writes nothing, so a second sweep at the same time changes nothing. Thread-safe.
 */
public final class CaseDeadlines implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CaseDeadlines.class);
  /** The environment variable with the sweep's period in seconds; 0 turns the background sweep off. */
  public static final String PERIOD_VARIABLE = "ACCORD_RSVP_SWEEP_SECONDS";
  /** The background sweep's period unless {@link #PERIOD_VARIABLE} says otherwise. */
  public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(60);

  private final Database database;
  private final Clock clock;
  private final Parties parties;
  private final Cases cases;
  private final EventOutbox log;
  private final PeriodicSweep background = new PeriodicSweep("accord-rsvp-deadlines", "RSVP deadline sweep", this::sweepAndLog);

  CaseDeadlines(Database database, Clock clock, Parties parties, Cases cases, EventOutbox log) {
    this.database = database;
    this.clock = clock;
    this.parties = parties;
    this.cases = cases;
    this.log = log;
  }

  /**
   * What one sweep did to one case.
   *
   * @param id the case id ({@code ACC-…})
   * @param organizations the participants whose invitation lapsed, as their organizations are named
   */
  public record Lapsed(String id, List<String> organizations) {}

  /**
   * Lapses every invitation whose RSVP deadline has passed now: each participant still waiting for its
   * answer (invited, not the case owner) whose deadline is before now declines, one event per case.
   * An invitation whose deadline is now exactly is on time and stays.
   *
   * @return the cases changed, oldest first; empty when nothing was due
   * @throws IllegalStateException if the log did not take an event (the change is stored and its
   *     event waits in the outbox, as for every case write)
   */
  public List<Lapsed> sweep() {
    Instant now = clock.instant();
    List<Long> due = database.jdbi().withHandle(handle ->
        org.accord.store.CaseDeadlines.candidates(handle, now, running(), waiting()));
    List<Lapsed> changed = new ArrayList<>();
    Principal instance = due.isEmpty() ? null : parties.localCoordinator(); // read before any transaction
    for (long pk : due) {
      // Each case under the case lock, re-read there: an answer that won the lock is respected.
      EventOutbox.Committed<Optional<Lapsed>> committed = cases.locked(() -> log.inTransaction((handle, events) -> lapse(handle, events, instance, pk)));
      committed.value().ifPresent(changed::add);
      committed.await();
    }
    return changed;
  }

  /**
   * Waits until at least {@code count} background sweeps have finished, at most {@code timeout}; whether
   * they had. For tests of the background sweep, which must not sleep.
   */
  boolean awaitSweeps(long count, Duration timeout) throws InterruptedException {
    return background.awaitRuns(count, timeout);
  }

  /** How many background sweeps have finished since the instance opened. */
  long sweeps() {
    return background.runs();
  }

  private Optional<Lapsed> lapse(org.jdbi.v3.core.Handle handle, EventOutbox.Stager events, Principal instance, long pk) {
    long now = clock.millis();
    Instant at = Instant.ofEpochMilli(now);
    CaseRow row = org.accord.store.Cases.byPk(handle, pk).orElseThrow(() -> new IllegalStateException("case row " + pk + " vanished"));
    List<ProposalRow> proposals = org.accord.store.Cases.proposals(handle, pk, null);
    List<Map<String, Object>> lapsed = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (ParticipantRow p : org.accord.store.Cases.participants(handle, pk)) {
      Optional<Instant> deadline = deadline(p, proposals);
      if (deadline.isEmpty()) {
        continue;
      }
      Optional<PecState> after = RsvpDeadline.lapse(p.consent(), owner(p), deadline.get(), at, row.em());
      if (after.isPresent()) {
        org.accord.store.CaseDeadlines.lapse(handle, pk, p.participant().organization(), after.get(), deadline.get());
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("organization", p.organizationName());
        one.put("rsvp_deadline", deadline.get().toString());
        lapsed.add(one);
        names.add(p.organizationName());
      }
    }
    if (lapsed.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("organizations", names);
    data.put("lapsed", lapsed);
    data.put("consent", PecState.DECLINED.name().toLowerCase(java.util.Locale.ROOT));
    data.put("em", row.em().name().toLowerCase(java.util.Locale.ROOT));
    Cases.event(handle, events, instance, row, CaseEventType.RSVP_LAPSED, data, now);
    return Optional.of(new Lapsed(row.id().toString(), List.copyOf(names)));
  }

  /**
   * A participant's RSVP deadline while it waits for its answer, as {@link RsvpDeadline#of} computes
   * it from the case's proposals; empty for a participant that is not waiting (it answered, it owns
   * the case, or there are no terms).
   */
  static Optional<Instant> deadline(ParticipantRow participant, List<ProposalRow> proposals) {
    if (!RsvpDeadline.pending(participant.consent(), owner(participant))) {
      return Optional.empty();
    }
    Optional<Instant> latest = proposals.stream().map(ProposalRow::rsvpDeadline).max(Instant::compareTo);
    return RsvpDeadline.of(participant.invited(), latest);
  }

  private static boolean owner(ParticipantRow participant) {
    return participant.participant().has(ParticipantRole.CASE_OWNER);
  }

  /** The EM states with terms to be invited to: a deadline runs only there. */
  private static EnumSet<EmState> running() {
    return EnumSet.complementOf(EnumSet.of(EmState.NONE, EmState.EXITED));
  }

  /** The consents that a deadline can lapse, as the core's table says. */
  static EnumSet<PecState> waiting() {
    EnumSet<PecState> out = EnumSet.noneOf(PecState.class);
    for (PecState s : PecState.values()) {
      if (RsvpDeadline.pending(s, false)) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * Runs {@link #sweep()} every {@code period} on a daemon thread until {@link #close()}; the first
   * sweep runs at once, so invitations that lapsed while the instance was down lapse when it starts. A
   * failed sweep is logged and retried at the next period. Starting twice, or after close, does nothing.
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

  private void sweepAndLog() {
    List<Lapsed> changed = sweep();
    if (!changed.isEmpty()) {
      LOG.info("RSVP deadlines passed: {}", changed);
    }
  }

  /**
   * The background sweep's period from {@code environment}: {@value #PERIOD_VARIABLE} seconds, {@link
   * #DEFAULT_PERIOD} when unset, empty for 0 (no background sweep).
   *
   * @throws InvalidInputException naming the variable for anything but a whole number from 0 to 86400
   */
  public static Optional<Duration> period(Map<String, String> environment) {
    return PeriodicSweep.period(environment, PERIOD_VARIABLE, DEFAULT_PERIOD, "RSVP deadline sweep");
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
