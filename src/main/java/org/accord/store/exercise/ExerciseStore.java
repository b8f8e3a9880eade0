package org.accord.store.exercise;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The {@code exercises} table (V38, ADR 0158): one row per simulation or tabletop, with its report once
 * it has one. Stateless and thread-safe; methods run on the caller's handle and transaction.
 */
public final class ExerciseStore {
  private ExerciseStore() {}

  /**
   * One exercise.
   *
   * @param kind {@code simulation} or {@code tabletop}
   * @param memberEmail the person who started it, or null for a machine token
   * @param state {@code running} or {@code ended}
   * @param endedAt epoch ms it ended, or null while running
   * @param reportJson the report, or null while running
   * @param reportHtml the report as HTML, or null while running
   */
  public record Row(String id, String kind, long organizationId, String memberEmail, String scenario, String state,
      long createdAt, Long endedAt, String reportJson, String reportHtml) {}

  /** Inserts a new exercise. */
  public static void insert(Handle handle, Row row) {
    handle.createUpdate("INSERT INTO exercises (id, kind, organization_id, member_email, scenario, state, created_at, ended_at,"
            + " report_json, report_html) VALUES (:id, :kind, :organizationId, :memberEmail, :scenario, :state, :createdAt,"
            + " :endedAt, :reportJson, :reportHtml)")
        .bindMethods(row).execute();
  }

  /** Records the end of an exercise and its report; false if no running exercise has that id. */
  public static boolean end(Handle handle, String id, long endedAt, String json, String html) {
    return handle.createUpdate("UPDATE exercises SET state = 'ended', ended_at = :at, report_json = :json, report_html = :html"
            + " WHERE id = :id AND state = 'running'")
        .bind("id", id).bind("at", endedAt).bind("json", json).bind("html", html).execute() == 1;
  }

  /** The exercise with that id. */
  public static Optional<Row> find(Handle handle, String id) {
    return handle.createQuery("SELECT id, kind, organization_id, member_email, scenario, state, created_at, ended_at,"
            + " report_json, report_html FROM exercises WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getLong(7), rs.getObject(8) == null ? null : rs.getLong(8), rs.getString(9), rs.getString(10)))
        .findOne();
  }
}
