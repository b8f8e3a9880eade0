package org.accord.store.obligation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.accord.disclosure.obligation.ParticipantObligation;
import org.accord.disclosure.obligation.Progress;
import org.accord.disclosure.plan.CaseFact;
import org.accord.jurisdiction.ClockStart;
import org.accord.jurisdiction.Term;
import org.jdbi.v3.core.Handle;

/**
 * The obligations of cases (ADR 0138, table {@code case_obligations}) and the acknowledged conflicts of
 * adopted plans (ADR 0139, {@code case_plan_conflict_acks}). One obligation per (case, organization,
 * pack, rule): inserting one that exists changes nothing. Recording and the missed mark are conditional
 * updates, so of two concurrent writers exactly one wins. Stateless and thread-safe; methods run on the
 * caller's handle and transaction.
 */
public final class ObligationRows {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ObligationRows() {}

  /**
   * One stored obligation.
   *
   * @param pk the row id (internal)
   * @param id the public id ({@code obl_…}), random
   * @param dueAt the due time frozen when it was recorded or marked missed; empty while open
   * @param recordedBy the member who recorded it, if one did
   */
  public record Row(long pk, String id, long casePk, long planId, long organization, ParticipantObligation obligation, Instant createdAt,
      Optional<Instant> dueAt, Optional<Progress.Fulfilment> fulfilment, Optional<Instant> missedAt, Long recordedBy) {}

  /** An acknowledged conflict of a plan. */
  public record Ack(long planId, int conflict, String kind, Instant at, long organization, Long member) {}

  /** Adds an obligation unless the case already has it for the organization; whether it was added. */
  public static boolean insert(Handle handle, String id, long casePk, long planId, long organization, ParticipantObligation o, Instant at) {
    return handle.createUpdate("INSERT INTO case_obligations (public_id, case_id, plan_id, organization_id, wave, pack, rule_id, stage,"
            + " citation, clock, within, after_rule, recipients, assumes, created_at) VALUES (:id, :pk, :plan, :org, :wave, :pack, :rule,"
            + " :stage, :citation, :clock, :within, :after, :to, :assumes, :at) ON CONFLICT (case_id, organization_id, pack, rule_id) DO NOTHING")
        .bind("id", id).bind("pk", casePk).bind("plan", planId).bind("org", organization).bind("wave", o.wave())
        .bind("pack", o.pack()).bind("rule", o.rule()).bind("stage", o.stage()).bind("citation", o.citation())
        .bind("clock", o.clock().name().toLowerCase(Locale.ROOT)).bind("within", o.within().map(Term::toString).orElse(null))
        .bind("after", o.after().orElse(null)).bind("to", json(o.to()))
        .bind("assumes", json(o.assumes().stream().map(CaseFact::label).toList())).bind("at", at.toEpochMilli())
        .execute() == 1;
  }

  /** The case's obligations, in the order they were added. */
  public static List<Row> ofCase(Handle handle, long casePk) {
    return handle.createQuery("SELECT o.*, g.name AS organization_name FROM case_obligations o JOIN organizations g ON g.id = o.organization_id"
            + " WHERE o.case_id = :pk ORDER BY o.id")
        .bind("pk", casePk).map((rs, ctx) -> row(rs)).list();
  }

  /** The case's obligation with public id {@code id}, if it has one. */
  public static Optional<Row> find(Handle handle, long casePk, String id) {
    return handle.createQuery("SELECT o.*, g.name AS organization_name FROM case_obligations o JOIN organizations g ON g.id = o.organization_id"
            + " WHERE o.case_id = :pk AND o.public_id = :id")
        .bind("pk", casePk).bind("id", id).map((rs, ctx) -> row(rs)).findFirst();
  }

  /** The cases with an obligation neither recorded nor marked missed: what the sweep reads. */
  public static List<Long> casesWithOpen(Handle handle) {
    return handle.createQuery("SELECT DISTINCT case_id FROM case_obligations WHERE recorded_at IS NULL AND missed_at IS NULL ORDER BY case_id")
        .mapTo(Long.class).list();
  }

  /** Records the obligation done unless it already is; whether this call recorded it. */
  public static boolean fulfil(Handle handle, long pk, Optional<Instant> due, Progress.Fulfilment f, Long member) {
    return handle.createUpdate("UPDATE case_obligations SET due_at = COALESCE(due_at, :due), done_at = :done, reference = :reference,"
            + " late = :late, recorded_at = :recorded, recorded_by_member = :member WHERE id = :pk AND recorded_at IS NULL")
        .bind("due", due.map(Instant::toEpochMilli).orElse(null)).bind("done", f.doneAt().toEpochMilli()).bind("reference", f.reference())
        .bind("late", f.late() ? 1 : 0).bind("recorded", f.recordedAt().toEpochMilli()).bind("member", member).bind("pk", pk)
        .execute() == 1;
  }

  /** Marks the obligation missed at {@code at} (its due time {@code due}) unless it is recorded or marked; whether this call marked it. */
  public static boolean markMissed(Handle handle, long pk, Instant due, Instant at) {
    return handle.createUpdate("UPDATE case_obligations SET due_at = :due, missed_at = :at WHERE id = :pk AND recorded_at IS NULL AND missed_at IS NULL")
        .bind("due", due.toEpochMilli()).bind("at", at.toEpochMilli()).bind("pk", pk).execute() == 1;
  }

  /** Records that conflict {@code conflict} of plan {@code planId} was acknowledged, unless it was; whether this call did. */
  public static boolean acknowledge(Handle handle, long planId, int conflict, String kind, Instant at, long organization, Long member) {
    return handle.createUpdate("INSERT INTO case_plan_conflict_acks (plan_id, conflict, kind, acknowledged_at, by_org, by_member)"
            + " VALUES (:plan, :conflict, :kind, :at, :org, :member) ON CONFLICT (plan_id, conflict) DO NOTHING")
        .bind("plan", planId).bind("conflict", conflict).bind("kind", kind).bind("at", at.toEpochMilli()).bind("org", organization)
        .bind("member", member).execute() == 1;
  }

  /** The acknowledged conflicts of a plan, by number. */
  public static List<Ack> acknowledged(Handle handle, long planId) {
    return handle.createQuery("SELECT * FROM case_plan_conflict_acks WHERE plan_id = :plan ORDER BY conflict")
        .bind("plan", planId)
        .map((rs, ctx) -> new Ack(rs.getLong("plan_id"), rs.getInt("conflict"), rs.getString("kind"),
            Instant.ofEpochMilli(rs.getLong("acknowledged_at")), rs.getLong("by_org"), nullable(rs, "by_member")))
        .list();
  }

  private static Row row(ResultSet rs) throws SQLException {
    String within = rs.getString("within");
    List<CaseFact> assumes = strings(rs.getString("assumes")).stream().map(s -> CaseFact.valueOf(s.toUpperCase(Locale.ROOT))).toList();
    ParticipantObligation o = new ParticipantObligation(rs.getString("organization_name"), rs.getInt("wave"), rs.getString("pack"),
        rs.getString("rule_id"), rs.getString("stage"), rs.getString("citation"),
        ClockStart.valueOf(rs.getString("clock").toUpperCase(Locale.ROOT)), Optional.ofNullable(within).map(Term::parse),
        Optional.ofNullable(rs.getString("after_rule")), strings(rs.getString("recipients")), assumes);
    Long recorded = nullable(rs, "recorded_at");
    Optional<Progress.Fulfilment> fulfilment = recorded == null ? Optional.empty()
        : Optional.of(new Progress.Fulfilment(rs.getString("reference"), Instant.ofEpochMilli(rs.getLong("done_at")),
            Instant.ofEpochMilli(recorded), rs.getInt("late") != 0));
    return new Row(rs.getLong("id"), rs.getString("public_id"), rs.getLong("case_id"), rs.getLong("plan_id"), rs.getLong("organization_id"), o,
        Instant.ofEpochMilli(rs.getLong("created_at")), instant(rs, "due_at"), fulfilment, instant(rs, "missed_at"),
        nullable(rs, "recorded_by_member"));
  }

  private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(nullable(rs, column)).map(Instant::ofEpochMilli);
  }

  /** A nullable BIGINT column (the SQLite driver refuses {@code getObject(c, Long.class)} on NULL). */
  private static Long nullable(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  private static String json(List<String> values) {
    try {
      return JSON.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a list of strings is always JSON", e);
    }
  }

  private static List<String> strings(String json) {
    try {
      return JSON.readValue(json, new TypeReference<List<String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("case_obligations holds a list that is not JSON: " + e.getMessage(), e);
    }
  }
}
