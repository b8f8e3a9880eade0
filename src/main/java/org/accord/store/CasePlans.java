package org.accord.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.accord.disclosure.plan.PlanState;
import org.accord.disclosure.plan.Wave;
import org.accord.disclosure.plan.WaveKind;
import org.jdbi.v3.core.Handle;

/**
 * The store side of notification plans (ADR 0134): per case at most one draft and one adopted plan
 * (partial unique indexes, migration V26), the plan body as JSON, and one row per wave with when it
 * went out. The rules (which wave may go out) are the {@code disclosure.plan} core's; this class finds
 * candidates and writes results. Stateless and thread-safe; methods run on the caller's handle and
 * transaction.
 */
public final class CasePlans {
  private CasePlans() {}

  /**
   * One stored plan.
   *
   * @param body the plan as JSON, as {@code app.PlanJson} wrote it
   */
  public record PlanRow(long id, long casePk, PlanState state, String strategy, Instant computedAt, long computedByOrg,
      Long computedByMember, Optional<Instant> adoptedAt, Long adoptedByOrg, Long adoptedByMember, String body) {}

  /** One wave of a stored plan, as the sweep reads it; kind and gate as their labels (gate null for none). */
  public record WaveRow(
      long planId, int number, WaveKind kind, Instant due, Optional<Wave.Gate> gate,
      Optional<Instant> sent, Optional<Instant> told) {}

  /** A wave the sweep may have to send: the case's row id and the wave. */
  public record DueWave(long casePk, WaveRow wave) {}

  /**
   * Stores a new draft of the case's plan and its waves, deleting the previous draft (a draft was never
   * in force; the ids are never reused, so a stale id cannot name the new draft).
   *
   * @return the new draft's id
   */
  public static long saveDraft(Handle handle, long casePk, String strategy, Instant computedAt, long org, Long member, String body,
      List<WaveRow> waves) {
    for (Long old : handle.createQuery("SELECT id FROM case_plans WHERE case_id = :pk AND state = 'draft'").bind("pk", casePk)
        .mapTo(Long.class).list()) {
      handle.createUpdate("DELETE FROM case_plan_waves WHERE plan_id = :id").bind("id", old).execute();
      handle.createUpdate("DELETE FROM case_plans WHERE id = :id").bind("id", old).execute();
    }
    long id = handle.createQuery("INSERT INTO case_plans (case_id, state, strategy, computed_at, computed_by_org, computed_by_member, body)"
            + " VALUES (:pk, 'draft', :strategy, :at, :org, :member, :body) RETURNING id")
        .bind("pk", casePk).bind("strategy", strategy).bind("at", computedAt.toEpochMilli()).bind("org", org)
        .bind("member", member).bind("body", body)
        .mapTo(Long.class).one();
    for (WaveRow w : waves) {
      String gate = w.gate().map(Wave.Gate::label).orElse(null);
      handle.createUpdate("INSERT INTO case_plan_waves (plan_id, number, kind, due_at, gate) VALUES (:plan, :n, :kind, :due, :gate)")
          .bind("plan", id).bind("n", w.number()).bind("kind", w.kind().label()).bind("due", w.due().toEpochMilli())
          .bind("gate", gate)
          .execute();
    }
    return id;
  }

  /** The case's plan in {@code state} (draft or adopted: at most one each), if any. */
  public static Optional<PlanRow> current(Handle handle, long casePk, PlanState state) {
    return handle.createQuery("SELECT * FROM case_plans WHERE case_id = :pk AND state = :state ORDER BY id DESC")
        .bind("pk", casePk).bind("state", state.label())
        .map((rs, ctx) -> {
          long adoptedAt = rs.getLong("adopted_at");
          boolean adopted = !rs.wasNull();
          return new PlanRow(rs.getLong("id"), rs.getLong("case_id"), PlanState.parse(rs.getString("state")), rs.getString("strategy"),
              Instant.ofEpochMilli(rs.getLong("computed_at")), rs.getLong("computed_by_org"), nullable(rs, "computed_by_member"),
              adopted ? Optional.of(Instant.ofEpochMilli(adoptedAt)) : Optional.empty(), nullable(rs, "adopted_by_org"),
              nullable(rs, "adopted_by_member"), rs.getString("body"));
        })
        .findFirst();
  }

  /** The waves of a plan, by number. */
  public static List<WaveRow> waves(Handle handle, long planId) {
    return handle.createQuery("SELECT * FROM case_plan_waves WHERE plan_id = :plan ORDER BY number")
        .bind("plan", planId).map((rs, ctx) -> wave(rs)).list();
  }

  /** A nullable BIGINT column (the SQLite driver refuses {@code getObject(c, Long.class)} on NULL). */
  private static Long nullable(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  private static WaveRow wave(java.sql.ResultSet rs) throws java.sql.SQLException {
    Long sent = nullable(rs, "sent_at");
    Long told = nullable(rs, "told_at");
    String gate = rs.getString("gate");
    return new WaveRow(rs.getLong("plan_id"), rs.getInt("number"),
        WaveKind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)), Instant.ofEpochMilli(rs.getLong("due_at")),
        Optional.ofNullable(gate).map(g -> Wave.Gate.valueOf(g.toUpperCase(java.util.Locale.ROOT))),
        Optional.ofNullable(sent).map(Instant::ofEpochMilli), Optional.ofNullable(told).map(Instant::ofEpochMilli));
  }

  /**
   * Adopts the draft {@code draftId}: the case's adopted plan (if any) becomes superseded first, so the
   * one-adopted index holds at every statement.
   */
  public static void adopt(Handle handle, long casePk, long draftId, Instant at, long org, Long member) {
    handle.createUpdate("UPDATE case_plans SET state = 'superseded' WHERE case_id = :pk AND state = 'adopted'").bind("pk", casePk).execute();
    int changed = handle.createUpdate("UPDATE case_plans SET state = 'adopted', adopted_at = :at, adopted_by_org = :org,"
            + " adopted_by_member = :member WHERE id = :id AND case_id = :pk AND state = 'draft'")
        .bind("at", at.toEpochMilli()).bind("org", org).bind("member", member).bind("id", draftId).bind("pk", casePk).execute();
    if (changed != 1) {
      throw new IllegalStateException("plan " + draftId + " is not the draft of case row " + casePk);
    }
  }

  /**
   * The unsent waves of adopted plans due at {@code now} (inclusive), by case and wave: invitation waves
   * not sent, and publication waves whose owner was not told yet. The gate is the caller's to check.
   */
  public static List<DueWave> due(Handle handle, Instant now) {
    return handle.createQuery("SELECT p.case_id, w.* FROM case_plan_waves w JOIN case_plans p ON p.id = w.plan_id"
            + " WHERE p.state = 'adopted' AND w.sent_at IS NULL AND w.due_at <= :now"
            + " AND (w.kind <> 'publication' OR w.told_at IS NULL) ORDER BY p.case_id, w.number")
        .bind("now", now.toEpochMilli())
        .map((rs, ctx) -> new DueWave(rs.getLong("case_id"), wave(rs)))
        .list();
  }

  /** Marks a wave sent unless it already is; whether this call marked it. */
  public static boolean markSent(Handle handle, long planId, int number, Instant at) {
    return handle.createUpdate("UPDATE case_plan_waves SET sent_at = :at WHERE plan_id = :plan AND number = :n AND sent_at IS NULL")
        .bind("at", at.toEpochMilli()).bind("plan", planId).bind("n", number).execute() == 1;
  }

  /** Marks that the case owner was told a publication wave is due, unless already; whether this call marked it. */
  public static boolean markTold(Handle handle, long planId, int number, Instant at) {
    return handle.createUpdate("UPDATE case_plan_waves SET told_at = :at WHERE plan_id = :plan AND number = :n AND told_at IS NULL")
        .bind("at", at.toEpochMilli()).bind("plan", planId).bind("n", number).execute() == 1;
  }

  /** Marks the publication waves of the case's adopted plan sent at {@code at} (the case was published); how many. */
  public static int markPublished(Handle handle, long casePk, Instant at) {
    return handle.createUpdate("UPDATE case_plan_waves SET sent_at = :at WHERE sent_at IS NULL AND kind = 'publication'"
            + " AND plan_id IN (SELECT id FROM case_plans WHERE case_id = :pk AND state = 'adopted')")
        .bind("at", at.toEpochMilli()).bind("pk", casePk).execute();
  }
}
