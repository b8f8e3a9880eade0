package org.accord.store.escalation;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The steps deadlines took on the escalation ladder ({@code case_escalations}, V36). Stateless; every
 * method runs in the caller's handle.
 */
public final class EscalationRows {
  private EscalationRows() {}

  /**
   * A step taken.
   *
   * @param deadline the deadline's key within its case
   * @param source commitment or obligation
   * @param organization the owing organization's name
   * @param level the level's label
   * @param due the deadline's due time
   * @param stepAt when the step fell due
   * @param takenAt when the sweep took it
   */
  public record Row(String deadline, String source, String organization, String level, Instant due, Instant stepAt, Instant takenAt) {}

  /**
   * Records a step unless the deadline took it already: whether this call recorded it. The unique key
   * (case, deadline, level) makes the insert that commits first the only one, across transactions and
   * replicas; a racing insert on PostgreSQL waits for the first to commit and then inserts nothing.
   */
  public static boolean take(Handle handle, long casePk, String deadline, String source, long organization, String level, Instant due,
      Instant stepAt, Instant now) {
    return handle.createUpdate("INSERT INTO case_escalations (case_id, deadline_key, source, organization_id, level, due_at, step_at, taken_at)"
            + " VALUES (:pk, :deadline, :source, :org, :level, :due, :step, :now) ON CONFLICT (case_id, deadline_key, level) DO NOTHING")
        .bind("pk", casePk).bind("deadline", deadline).bind("source", source).bind("org", organization).bind("level", level)
        .bind("due", due.toEpochMilli()).bind("step", stepAt.toEpochMilli()).bind("now", now.toEpochMilli())
        .execute() == 1;
  }

  /**
   * The cases whose deadlines the ladder watches: those with a participant bound by a commitment (its
   * own or one it joined) and those with an obligation. A case is watched whatever its state, since a
   * pledge (VEX after publication) may fall due after publication.
   */
  public static List<Long> casesToWatch(Handle handle) {
    return handle.createQuery("SELECT case_id FROM case_participants WHERE org_id IN (SELECT org_id FROM commitments"
            + " UNION SELECT org_id FROM commitment_members) UNION SELECT case_id FROM case_obligations ORDER BY 1")
        .mapTo(Long.class).list();
  }

  /** The steps a case's deadlines took, in the order they were taken. */
  public static List<Row> ofCase(Handle handle, long casePk) {
    return handle.createQuery("SELECT e.*, g.name AS organization_name FROM case_escalations e JOIN organizations g ON g.id = e.organization_id"
            + " WHERE e.case_id = :pk ORDER BY e.id")
        .bind("pk", casePk)
        .map((rs, ctx) -> new Row(rs.getString("deadline_key"), rs.getString("source"), rs.getString("organization_name"),
            rs.getString("level"), Instant.ofEpochMilli(rs.getLong("due_at")), Instant.ofEpochMilli(rs.getLong("step_at")),
            Instant.ofEpochMilli(rs.getLong("taken_at"))))
        .list();
  }
}
