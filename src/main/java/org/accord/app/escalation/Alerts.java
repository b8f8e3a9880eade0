package org.accord.app.escalation;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.accord.InvalidInputException;
import org.accord.NotFoundException;
import org.accord.accountability.commitment.CommitmentDeadline;
import org.accord.accountability.escalation.AlertKind;
import org.accord.app.Cases;
import org.accord.app.EventOutbox;
import org.accord.app.Parties;
import org.accord.app.PeriodicSweep;
import org.accord.app.accountability.Commitments;
import org.accord.disclosure.CaseEventType;
import org.accord.party.Principal;
import org.accord.store.Cases.CaseRow;
import org.accord.store.Cases.ParticipantRow;
import org.accord.store.Database;
import org.accord.store.escalation.AlertRows;
import org.accord.store.escalation.EscalationRows;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anomaly alerts (issue 12 item 6, ADR 0155): a sweep that raises an alert for an attack or exploit
 * seen under an embargo and for a participant silent past its pledge, each once per case, kind and
 * subject ({@code case_alerts}), each one {@value #EVENT} case event to every participant through the
 * notification delivery; and {@link #list}, the alerts on the cases the caller sees.
 *
 * <p>Hidden means hidden: an alert of a case the caller may not see is not listed, and the list's
 * length says nothing of such cases. Thread-safe.
 */
public final class Alerts implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Alerts.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  /** The case event of an alert. */
  public static final String EVENT = "case.anomaly_alert";
  /** The sweep's period in seconds; 0 turns the background sweep off. */
  public static final String PERIOD_VARIABLE = "ACCORD_ALERT_SWEEP_SECONDS";
  /** The background sweep's period unless {@link #PERIOD_VARIABLE} says otherwise. */
  public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(60);
  /** The most alerts one list returns. */
  public static final int LIST_MAX = 500;
  /** How many of the newest alerts a list reads before keeping the visible ones. */
  private static final int SCAN_MAX = 10_000;

  private final Database database;
  private final Clock clock;
  private final Cases cases;
  private final EventOutbox log;
  private final Parties parties;
  private final Commitments commitments;
  private final PeriodicSweep background = new PeriodicSweep("accord-alerts", "alert sweep", this::sweepQuietly);

  public Alerts(Database database, Clock clock, Cases cases, EventOutbox log, Parties parties, Commitments commitments) {
    this.database = Objects.requireNonNull(database, "database");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.cases = Objects.requireNonNull(cases, "cases");
    this.log = Objects.requireNonNull(log, "log");
    this.parties = Objects.requireNonNull(parties, "parties");
    this.commitments = Objects.requireNonNull(commitments, "commitments");
  }

  /**
   * An alert raised.
   *
   * @param id its public id
   * @param caseId the case
   * @param kind what was seen
   * @param subject what it is about within the case
   */
  public record Raised(String id, String caseId, AlertKind kind, String subject) {}

  /** Raises every alert due at the clock's now not raised yet; one transaction per case, under the case lock. */
  public List<Raised> sweep() {
    Principal instance = parties.localCoordinator();
    List<Long> candidates = database.jdbi().withHandle(handle -> {
      java.util.TreeSet<Long> out = new java.util.TreeSet<>(EscalationRows.casesToWatch(handle));
      out.addAll(handle.createQuery("SELECT DISTINCT case_id FROM case_events WHERE type = :type")
          .bind("type", CaseEventType.STATE_CHANGED.label()).mapTo(Long.class).list());
      return new ArrayList<>(out);
    });
    List<Raised> out = new ArrayList<>();
    for (long pk : candidates) {
      Optional<CaseRow> row = database.jdbi().withHandle(handle -> org.accord.store.Cases.byPk(handle, pk));
      if (row.isEmpty()) {
        continue;
      }
      List<CommitmentDeadline> pledged = commitments.ofCase(instance, row.get().id().toString());
      EventOutbox.Committed<List<Raised>> committed = cases.locked(() -> log.inTransaction((handle, events) ->
          raise(handle, events, instance, pk, pledged)));
      out.addAll(committed.value());
      committed.await();
    }
    return out;
  }

  private List<Raised> raise(Handle handle, EventOutbox.Stager events, Principal instance, long pk, List<CommitmentDeadline> pledged) {
    CaseRow row = org.accord.store.Cases.byPk(handle, pk).orElseThrow(() -> new IllegalStateException("case row " + pk + " vanished"));
    List<String> everyone = org.accord.store.Cases.participants(handle, pk).stream().map(ParticipantRow::organizationName).toList();
    long millis = clock.millis();
    List<Raised> out = new ArrayList<>();
    for (org.accord.store.Cases.EventRow e : org.accord.store.Cases.events(handle, pk)) {
      if (e.type().equals(CaseEventType.STATE_CHANGED.label()) && AlertKind.breach(e.data())) {
        boolean attacks = "attacks_observed".equals(e.data().get("event"));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("event", e.data().get("event"));
        data.put("seen_at", e.at().toString());
        data.put("message", (attacks ? "Attacks were observed" : "An exploit was made public") + " while the case's embargo held ("
            + e.at() + ").");
        raiseOne(handle, events, instance, row, AlertKind.EMBARGO_BREACH, "event-" + e.seq(), data, everyone, millis, out);
      }
    }
    for (CommitmentDeadline d : pledged) {
      if (d.state() == CommitmentDeadline.State.MISSED) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("organization", d.organization());
        data.put("commitment", d.commitment());
        data.put("promise", d.kind().label());
        data.put("due", d.due().get().toString());
        data.put("message", d.organization() + " is silent past its pledge to " + d.kind().label() + " (due " + d.due().get() + ").");
        String subject = d.commitment() + ":" + d.version() + ":" + d.organization() + ":" + d.kind().label()
            + d.severity().map(s -> ":" + s.name()).orElse("");
        raiseOne(handle, events, instance, row, AlertKind.SILENT_PARTICIPANT, subject, data, everyone, millis, out);
      }
    }
    return out;
  }

  private static void raiseOne(Handle handle, EventOutbox.Stager events, Principal instance, CaseRow row, AlertKind kind, String subject,
      Map<String, Object> data, List<String> everyone, long millis, List<Raised> out) {
    String id = newId();
    Map<String, Object> stored = new LinkedHashMap<>();
    stored.put("alert", id);
    stored.put("kind", kind.label());
    stored.putAll(data);
    if (!AlertRows.raise(handle, id, row.pk(), kind.label(), subject, java.time.Instant.ofEpochMilli(millis), stored)) {
      return; // raised before
    }
    Map<String, Object> event = new LinkedHashMap<>(stored);
    event.put("recipients", everyone);
    Cases.event(handle, events, instance, row, CaseEventType.ANOMALY_ALERT, event, millis);
    out.add(new Raised(id, row.id().toString(), kind, subject));
  }

  /**
   * The alerts on the cases {@code viewer} sees, newest first.
   *
   * @param limit 1 to {@link #LIST_MAX}
   * @throws InvalidInputException naming {@code limit} when out of range
   */
  public List<Map<String, Object>> list(Principal viewer, int limit) {
    if (limit < 1 || limit > LIST_MAX) {
      throw new InvalidInputException("limit must be from 1 to " + LIST_MAX + ", not " + limit, "limit");
    }
    return database.jdbi().withHandle(handle -> {
      Map<Long, Boolean> seen = new java.util.HashMap<>();
      Map<Long, String> ids = new java.util.HashMap<>();
      List<Map<String, Object>> out = new ArrayList<>();
      for (AlertRows.Row r : AlertRows.all(handle, SCAN_MAX)) {
        boolean sees = seen.computeIfAbsent(r.casePk(), pk -> {
          Optional<CaseRow> row = org.accord.store.Cases.byPk(handle, pk);
          if (row.isEmpty()) {
            return false;
          }
          try {
            cases.load(handle, viewer, row.get().id());
            ids.put(pk, row.get().id().toString());
            return true;
          } catch (NotFoundException hidden) {
            return false;
          }
        });
        if (sees) {
          Map<String, Object> one = new LinkedHashMap<>();
          one.put("id", r.id());
          one.put("case", ids.get(r.casePk()));
          one.put("kind", r.kind());
          one.put("raised", r.raised().toString());
          r.data().forEach((k, v) -> {
            if (!k.equals("alert") && !k.equals("kind")) {
              one.put(k, v);
            }
          });
          out.add(one);
          if (out.size() == limit) {
            break;
          }
        }
      }
      return out;
    });
  }

  private static String newId() {
    byte[] bytes = new byte[10];
    RANDOM.nextBytes(bytes);
    return "alr_" + HexFormat.of().formatHex(bytes);
  }

  /** Runs {@link #sweep()} every {@code period} in the background until {@link #close()} (first run at once). */
  public void start(Duration period) {
    background.start(period);
  }

  /** Runs each background sweep only while {@code leads} says this replica leads the scheduler (ADR 0147). */
  public void leadWith(java.util.function.BooleanSupplier leads) {
    background.gate(leads);
  }

  private void sweepQuietly() {
    List<Raised> done = sweep();
    if (!done.isEmpty()) {
      LOG.info("alerts raised: {}", done);
    }
  }

  /** The background sweep's period from {@code environment}: {@value #PERIOD_VARIABLE} seconds, {@link #DEFAULT_PERIOD} when unset, empty for 0. */
  public static Optional<Duration> period(Map<String, String> environment) {
    return PeriodicSweep.period(environment, PERIOD_VARIABLE, DEFAULT_PERIOD, "alert sweep");
  }

  /** Stops the background sweep, waiting for a sweep in progress to finish. */
  @Override
  public void close() {
    background.close();
  }
}
