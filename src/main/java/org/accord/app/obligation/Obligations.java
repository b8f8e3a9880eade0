package org.accord.app.obligation;

import org.accord.disclosure.CaseEventType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.accord.ForbiddenException;
import org.accord.InvalidInputException;
import org.accord.NotFoundException;
import org.accord.app.Cases;
import org.accord.app.EventOutbox;
import org.accord.app.Parties;
import org.accord.app.PeriodicSweep;
import org.accord.app.RulePacks;
import org.accord.disclosure.CaseId;
import org.accord.disclosure.Deadline;
import org.accord.disclosure.IllegalTransitionException;
import org.accord.disclosure.obligation.ObligationClocks;
import org.accord.disclosure.obligation.ObligationState;
import org.accord.disclosure.obligation.ParticipantObligation;
import org.accord.disclosure.obligation.Progress;
import org.accord.disclosure.plan.CaseFact;
import org.accord.jurisdiction.RuleBook;
import org.accord.party.Organization;
import org.accord.party.Principal;
import org.accord.store.Cases.CaseRow;
import org.accord.store.Cases.ParticipantRow;
import org.accord.store.Database;
import org.accord.store.Organizations;
import org.accord.store.obligation.ObligationRows;
import org.accord.store.obligation.ObligationRows.Row;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Obligations tracked per participant (issue 11 item 4, ADR 0138). {@link #adopt} turns every
 * notification the adopted plan's rules ask of a party into an obligation of the case, in the adoption's
 * transaction; {@link #list} shows them, each with its due time and state as the {@code
 * disclosure.obligation} core computes them from the case's clocks; {@link #fulfil} records one done,
 * with evidence, by the bound organization alone; {@link #sweep} marks the passed ones missed. Each
 * recording ({@value #MET_EVENT}) and each missed mark ({@value #MISSED_EVENT}) is one case event staged
 * with its change.
 *
 * <p>Who sees what: an obligation is shown to its organization and to the case owner and the
 * coordinator; anyone else who sees the case is shown none of it, and an obligation they may not see
 * answers exactly as a missing one. Writes run under the lock {@link Cases} serialises case writes on,
 * and recording and marking are conditional updates, so a fulfilment and a sweep racing each other, or
 * two fulfilments, record exactly one outcome each. Thread-safe.
 */
public final class Obligations implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Obligations.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();
  /** The event of an obligation recorded as done (on time or late). */
  public static final CaseEventType MET_EVENT = CaseEventType.OBLIGATION_MET;
  /** The event of an obligation marked missed by the sweep. */
  public static final CaseEventType MISSED_EVENT = CaseEventType.OBLIGATION_MISSED;
  /** The environment variable with the sweep's period in seconds; 0 turns the background sweep off. */
  public static final String PERIOD_VARIABLE = "ACCORD_OBLIGATION_SWEEP_SECONDS";
  /** The background sweep's period unless {@link #PERIOD_VARIABLE} says otherwise. */
  public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(60);

  private final Database database;
  private final Clock clock;
  private final Cases cases;
  private final EventOutbox log;
  private final Parties parties;
  private final RulePacks rulePacks;
  private final PeriodicSweep background = new PeriodicSweep("accord-obligations", "obligation sweep", this::sweepQuietly);

  public Obligations(Database database, Clock clock, Cases cases, EventOutbox log, Parties parties, RulePacks rulePacks) {
    this.database = database;
    this.clock = clock;
    this.cases = cases;
    this.log = log;
    this.parties = parties;
    this.rulePacks = rulePacks;
  }

  /**
   * Adds the obligations of an adopted plan to its case, in the adoption's transaction: one per
   * notification rule that binds a recipient of a wave, for recipients that are organizations of this
   * instance. An obligation the case already has (same organization, pack and rule, from an earlier
   * adoption) is kept as it is.
   *
   * @param body the adopted plan as stored ({@code case_plans.body}), its waves carrying their {@code rules}
   * @return how many obligations were added
   * @throws IllegalTransitionException if a rule of the plan is no longer in the instance's rule packs:
   *     the plan must be recomputed
   */
  public int adopt(Handle handle, long casePk, long planId, String body, Instant now) {
    RuleBook book = rulePacks.book();
    int added = 0;
    for (Map<String, Object> wave : maps(parse(body).get("waves"))) {
      int number = ((Number) wave.get("number")).intValue();
      for (Map<String, Object> applied : maps(wave.get("rules"))) {
        Map<String, Object> obligation = map(applied.get("obligation"));
        if (!"notify".equals(obligation.get("type"))) {
          continue;
        }
        String pack = (String) applied.get("pack");
        String ruleId = (String) applied.get("rule");
        org.accord.jurisdiction.Rule rule = book.pack(pack).flatMap(e -> e.pack().rules().stream().filter(r -> r.id().equals(ruleId)).findFirst())
            .orElseThrow(() -> new IllegalTransitionException(IllegalTransitionException.Machine.PLAN, "draft " + planId, "ADOPT",
                "rule " + ruleId + " of pack " + pack + " is no longer in this instance's rule packs: recompute the plan"));
        Optional<Organization> party = Organizations.find(handle, (String) applied.get("party"));
        if (party.isEmpty()) {
          continue;
        }
        List<CaseFact> assumes = strings(applied.get("assumes")).stream().map(s -> CaseFact.valueOf(s.toUpperCase(Locale.ROOT))).toList();
        Optional<ParticipantObligation> o = ParticipantObligation.of(party.get().name(), number, pack, rule, strings(obligation.get("to")), assumes);
        if (o.isPresent() && ObligationRows.insert(handle, newId(), casePk, planId, party.get().id(), o.get(), now)) {
          added++;
        }
      }
    }
    return added;
  }

  /**
   * The case's obligations {@code viewer} may see, each with its due time and state now.
   *
   * @throws NotFoundException for a hidden or missing case (the same message)
   * @throws InvalidInputException if {@code id} is not a case id
   */
  public Map<String, Object> list(Principal viewer, String id) {
    CaseId caseId = CaseId.parse(id == null ? "" : id.strip());
    return database.jdbi().withHandle(handle -> {
      Cases.View view = cases.load(handle, viewer, caseId);
      Instant now = clock.instant();
      Computed computed = computed(handle, view);
      List<Map<String, Object>> shown = new ArrayList<>();
      for (Row row : computed.rows()) {
        if (visible(view, viewer, row)) {
          shown.add(describe(row, computed.due(row), computed.started(row), computed.applies(row), now));
        }
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("case", caseId.toString());
      out.put("obligations", shown);
      return out;
    });
  }

  /**
   * Records an obligation done, as its organization says: the evidence {@code reference} and the time
   * {@code doneAt} (ISO 8601; now when null). Done after its due time, or after it was marked missed, it
   * is recorded as late. One {@value #MET_EVENT} event records it.
   *
   * @throws NotFoundException for a hidden or missing case, or an obligation the actor may not see or
   *     that is not there (the same message for both)
   * @throws ForbiddenException when the actor sees it (the case owner, the coordinator) but is not its organization
   * @throws IllegalTransitionException (409) when it was already recorded
   * @throws InvalidInputException naming {@code reference} or {@code done_at}
   */
  public Map<String, Object> fulfil(Principal actor, String id, String obligation, String reference, String doneAt) {
    CaseId caseId = CaseId.parse(id == null ? "" : id.strip());
    EventOutbox.Committed<Map<String, Object>> committed = cases.locked(() -> log.inTransaction((handle, events) -> {
      Cases.View view = cases.load(handle, actor, caseId);
      Computed computed = computed(handle, view);
      Row row = computed.rows().stream().filter(r -> r.id().equals(obligation) && visible(view, actor, r)).findFirst()
          .orElseThrow(() -> missing(caseId, obligation));
      if (row.organization() != actor.organization().id()) {
        throw new ForbiddenException("only " + row.obligation().organization() + " records its own obligation " + obligation);
      }
      if (row.fulfilment().isPresent()) {
        throw new IllegalTransitionException(IllegalTransitionException.Machine.OBLIGATION,
            row.fulfilment().get().late() ? "late" : "met", "FULFIL",
            "obligation " + obligation + " was recorded at " + row.fulfilment().get().recordedAt() + "; a record is never replaced");
      }
      long millis = clock.millis();
      Instant now = Instant.ofEpochMilli(millis);
      Optional<Instant> due = computed.due(row);
      // the evidence is checked after the case and the obligation, so a hidden one answers as missing whatever was sent
      Progress.Fulfilment f = new Progress(due, Optional.empty(), row.missedAt()).fulfil(reference, parseInstant(doneAt), now);
      if (!ObligationRows.fulfil(handle, row.pk(), due, f, actor.member() == null ? null : actor.member().id())) {
        throw new IllegalStateException("obligation " + obligation + " was recorded meanwhile under the case lock");
      }
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("obligation", row.id());
      data.put("pack", row.obligation().pack());
      data.put("rule", row.obligation().rule());
      data.put("citation", row.obligation().citation());
      data.put("due", due.map(Instant::toString).orElse(null));
      data.put("done_at", f.doneAt().toString());
      data.put("late", f.late());
      data.put("missed_at", row.missedAt().map(Instant::toString).orElse(null));
      data.put("reference_sha256", sha256(f.reference())); // the evidence itself stays in the case
      Cases.event(handle, events, actor, view.row(), MET_EVENT, data, millis);
      Row after = ObligationRows.find(handle, row.casePk(), row.id()).orElseThrow();
      return describe(after, due, computed.started(row), computed.applies(row), now);
    }));
    committed.await();
    return committed.value();
  }

  /**
   * What one sweep marked: an obligation missed.
   *
   * @param id the case id
   * @param obligation the obligation's public id
   * @param organization the organization that owed it
   * @param due when it was due
   */
  public record Missed(String id, String obligation, String organization, Instant due) {}

  /**
   * Marks every obligation whose due time has passed at the clock's now, with nothing recorded, missed:
   * one transaction per case under the case lock, re-read there, and one {@value #MISSED_EVENT} each,
   * with the instance as its actor (as for RSVP deadlines, ADR 0116).
   */
  public List<Missed> sweep() {
    List<Long> open = database.jdbi().withHandle(ObligationRows::casesWithOpen);
    List<Missed> done = new ArrayList<>();
    if (open.isEmpty()) {
      return done;
    }
    Principal instance = parties.localCoordinator(); // read before any transaction
    for (long pk : open) {
      EventOutbox.Committed<List<Missed>> committed = cases.locked(() -> log.inTransaction((handle, events) -> mark(handle, events, instance, pk)));
      done.addAll(committed.value());
      committed.await();
    }
    return done;
  }

  private List<Missed> mark(Handle handle, EventOutbox.Stager events, Principal instance, long pk) {
    CaseRow row = org.accord.store.Cases.byPk(handle, pk).orElseThrow(() -> new IllegalStateException("case row " + pk + " vanished"));
    long millis = clock.millis();
    Instant now = Instant.ofEpochMilli(millis);
    Computed computed = computed(handle, row);
    List<Missed> out = new ArrayList<>();
    for (Row r : computed.rows()) {
      Optional<Instant> due = computed.due(r);
      if (computed.applies(r) == ParticipantObligation.Applies.NO
          || !new Progress(due, r.fulfilment(), r.missedAt()).overdue(now) || !ObligationRows.markMissed(handle, r.pk(), due.get(), now)) {
        continue;
      }
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("obligation", r.id());
      data.put("organization", r.obligation().organization());
      data.put("pack", r.obligation().pack());
      data.put("rule", r.obligation().rule());
      data.put("citation", r.obligation().citation());
      data.put("due", due.get().toString());
      data.put("assumes", r.obligation().assumes().stream().map(CaseFact::label).toList());
      Cases.event(handle, events, instance, row, MISSED_EVENT, data, millis);
      out.add(new Missed(row.id().toString(), r.id(), r.obligation().organization(), due.get()));
    }
    return out;
  }

  /**
   * The obligations of a case {@code viewer} sees that are open (due at a known time not passed, nothing
   * recorded), as calendar deadlines: its own organization's, and every one for the case owner and the
   * coordinator (ADR 0132, 0138).
   */
  public static List<Deadline> deadlines(Handle handle, Cases.View view, Principal viewer, Instant now) {
    List<Deadline> out = new ArrayList<>();
    Computed computed = computed(handle, view);
    for (Row row : computed.rows()) {
      Optional<Instant> due = computed.due(row);
      ParticipantObligation.Applies applies = computed.applies(row);
      if (visible(view, viewer, row) && applies != ParticipantObligation.Applies.NO
          && new Progress(due, row.fulfilment(), row.missedAt()).state(now) == ObligationState.OPEN) {
        out.add(new Deadline.ObligationDue(view.row().id(), row.id(), due.get(), row.organization() == viewer.organization().id(),
            applies == ParticipantObligation.Applies.IF));
      }
    }
    return out;
  }

  /**
   * Where one obligation of a case stands, for the escalation ladder (ADR 0155).
   *
   * @param id the obligation's public id
   * @param organization the owing organization's row id
   * @param organizationName its name
   * @param citation the law it cites
   * @param due when it falls due, empty while its clock has not started
   * @param done when it was done (the participant's time), if recorded
   */
  public record Standing(String id, long organization, String organizationName, String citation, Optional<Instant> due,
      Optional<Instant> done) {}

  /** Every obligation of the case and where it stands, in the caller's handle; no viewer: for the instance's sweeps. */
  public static List<Standing> standing(Handle handle, CaseRow row) {
    Computed computed = computed(handle, row);
    List<Standing> out = new ArrayList<>();
    for (Row r : computed.rows()) {
      out.add(new Standing(r.id(), r.organization(), r.obligation().organization(), r.obligation().citation(), computed.due(r),
          r.fulfilment().map(Progress.Fulfilment::doneAt)));
    }
    return out;
  }

  /** Whether {@code viewer}, who sees the case, may see {@code row}: its organization, the case owner, the coordinator. */
  private static boolean visible(Cases.View view, Principal viewer, Row row) {
    return row.organization() == viewer.organization().id() || viewer.isCoordinator() || Cases.owns(view, viewer);
  }

  private static NotFoundException missing(CaseId caseId, String obligation) {
    return new NotFoundException("no obligation " + obligation + " in " + caseId);
  }

  /** A case's obligations with their due times from the case's clocks. */
  private record Computed(List<Row> rows, Map<Long, ObligationClocks> clocks, Map<CaseFact, Boolean> declared) {
    ParticipantObligation.Applies applies(Row row) {
      return row.obligation().applies(declared);
    }

    Optional<Instant> due(Row row) {
      return due(row, 0);
    }

    private Optional<Instant> due(Row row, int depth) {
      if (row.dueAt().isPresent()) {
        return row.dueAt(); // frozen when it was recorded or missed
      }
      return row.obligation().due(clocks.get(row.organization()), afterRule(row, depth));
    }

    Optional<Instant> started(Row row) {
      return row.obligation().started(clocks.get(row.organization()), afterRule(row, 0));
    }

    /** When the earlier rule's notification was recorded as made or, until then, was due (NIS2 Art. 23(4)(d): "after the submission"). */
    private Optional<Instant> afterRule(Row row, int depth) {
      if (row.obligation().after().isEmpty() || depth > rows.size()) {
        return Optional.empty();
      }
      String after = row.obligation().after().get();
      return rows.stream().filter(r -> r.organization() == row.organization() && r.obligation().pack().equals(row.obligation().pack())
              && r.obligation().rule().equals(after)).findFirst()
          .flatMap(r -> r.fulfilment().map(Progress.Fulfilment::doneAt).or(() -> due(r, depth + 1)));
    }
  }

  private static Computed computed(Handle handle, Cases.View view) {
    return computed(handle, view.row(), view.participants());
  }

  private static Computed computed(Handle handle, CaseRow row) {
    return computed(handle, row, org.accord.store.Cases.participants(handle, row.pk()));
  }

  /** The case's obligations and, per organization that owes one, when its clocks started (ADR 0138). */
  private static Computed computed(Handle handle, CaseRow row, List<ParticipantRow> participants) {
    List<Row> rows = ObligationRows.ofCase(handle, row.pk());
    if (rows.isEmpty()) {
      return new Computed(rows, Map.of(), Map.of());
    }
    Cases.Milestones milestones = Cases.milestones(handle, row.pk());
    Optional<Instant> fixReady = milestones.fixReady();
    Optional<Instant> attacked = milestones.attacked();
    Map<Long, Instant> invited = new HashMap<>();
    for (ParticipantRow p : participants) {
      invited.merge(p.participant().organization(), p.invited(), (a, b) -> a.isBefore(b) ? a : b);
    }
    Map<Long, ObligationClocks> clocks = new HashMap<>();
    for (Row r : rows) {
      clocks.put(r.organization(), new ObligationClocks(Optional.ofNullable(invited.get(r.organization())), attacked, fixReady));
    }
    return new Computed(rows, clocks, declared(org.accord.store.CaseTerms.of(handle, row.pk())));
  }

  /** The facts the case declared (ADR 0152), as the core's {@link CaseFact}s. */
  private static Map<CaseFact, Boolean> declared(org.accord.store.CaseTerms.Row terms) {
    Map<CaseFact, Boolean> out = new java.util.EnumMap<>(CaseFact.class);
    terms.networkProduct().ifPresent(v -> out.put(CaseFact.NETWORK_PRODUCT, v));
    terms.significantIncident().ifPresent(v -> out.put(CaseFact.SIGNIFICANT_INCIDENT, v));
    return out;
  }

  /** One obligation as the API answers it. */
  private static Map<String, Object> describe(
      Row row, Optional<Instant> due, Optional<Instant> started, ParticipantObligation.Applies applies, Instant now) {
    ParticipantObligation o = row.obligation();
    Progress progress = new Progress(due, row.fulfilment(), row.missedAt());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", row.id());
    out.put("organization", o.organization());
    out.put("wave", o.wave());
    out.put("pack", o.pack());
    out.put("rule", o.rule());
    out.put("stage", o.stage());
    out.put("to", o.to());
    out.put("citation", o.citation());
    out.put("clock", o.clock().name().toLowerCase(Locale.ROOT));
    out.put("within", o.within().map(Object::toString).orElse(null));
    out.put("assumes", o.assumes().stream().map(CaseFact::label).toList());
    out.put("started", started.map(Instant::toString).orElse(null));
    out.put("due", due.map(Instant::toString).orElse(null));
    // a fulfilment recorded stays as recorded; otherwise a duty whose assumed fact was declared false does not bind
    out.put("state", applies == ParticipantObligation.Applies.NO && row.fulfilment().isEmpty()
        ? ObligationState.NOT_APPLICABLE.label() : progress.state(now).label());
    out.put("applies", applies.label());
    out.put("done_at", row.fulfilment().map(f -> f.doneAt().toString()).orElse(null));
    out.put("reference", row.fulfilment().map(Progress.Fulfilment::reference).orElse(null));
    out.put("recorded_at", row.fulfilment().map(f -> f.recordedAt().toString()).orElse(null));
    out.put("missed_at", row.missedAt().map(Instant::toString).orElse(null));
    out.put("text", o.text(due));
    return out;
  }

  private static Instant parseInstant(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("done_at '" + value.strip() + "' is not an ISO 8601 instant such as 2027-03-02T09:30:00Z", "done_at");
    }
  }

  private static String newId() {
    byte[] bytes = new byte[10];
    RANDOM.nextBytes(bytes);
    return "obl_" + HexFormat.of().formatHex(bytes);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static Map<String, Object> parse(String body) {
    try {
      return JSON.readValue(body, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("case_plans.body is not JSON: " + e.getMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static List<Map<String, Object>> maps(Object value) {
    return value instanceof List<?> list ? list.stream().map(Obligations::map).toList() : List.of();
  }

  private static List<String> strings(Object value) {
    return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
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
  public boolean awaitSweeps(long count, Duration timeout) throws InterruptedException {
    return background.awaitRuns(count, timeout);
  }

  private void sweepQuietly() {
    List<Missed> done = sweep();
    if (!done.isEmpty()) {
      LOG.info("obligations missed: {}", done);
    }
  }

  /**
   * The background sweep's period from {@code environment}: {@value #PERIOD_VARIABLE} seconds, {@link
   * #DEFAULT_PERIOD} when unset, empty for 0.
   *
   * @throws InvalidInputException naming the variable for anything but a whole number from 0 to 86400
   */
  public static Optional<Duration> period(Map<String, String> environment) {
    return PeriodicSweep.period(environment, PERIOD_VARIABLE, DEFAULT_PERIOD, "obligation sweep");
  }

  /** Stops the background sweep, waiting for a sweep in progress to finish. */
  @Override
  public void close() {
    background.close();
  }
}
