package org.accord.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * SQL for the per-case access log (ADR 0113, V12): who viewed what of a case, one row per viewer and
 * kind of view per flush window. Stateless and thread-safe; methods run on the caller's handle.
 */
public final class CaseAccessLog {
  private CaseAccessLog() {}

  /**
   * One row to write.
   *
   * @param organization the viewer's organization, null for a row that counts unrecorded views
   * @param member the person, null for a machine token
   * @param what the kind of view, as its label ({@code case}, {@code statuses}, ...)
   */
  public record Entry(long casePk, Long organization, Long member, String what, long first, long last, long views) {}

  /** A stored row, with the viewer's names. */
  public record Row(Optional<String> organization, Optional<String> member, String what, Instant first, Instant last, long views) {}

  /** Writes the entries in one batch. */
  public static void insert(Handle handle, Collection<Entry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    PreparedBatch batch = handle.prepareBatch(
        "INSERT INTO case_access_log (case_id, org_id, member_id, what, first_at, last_at, views)"
            + " VALUES (:pk, :org, :member, :what, :first, :last, :views)");
    for (Entry e : entries) {
      batch.bind("pk", e.casePk()).bind("org", e.organization()).bind("member", e.member()).bind("what", e.what())
          .bind("first", e.first()).bind("last", e.last()).bind("views", e.views()).add();
    }
    batch.execute();
  }

  /** The case's log, oldest first. */
  public static List<Row> read(Handle handle, long pk) {
    return handle.createQuery(
            "SELECT o.name, m.email, l.what, l.first_at, l.last_at, l.views FROM case_access_log l"
                + " LEFT JOIN organizations o ON o.id = l.org_id LEFT JOIN members m ON m.id = l.member_id"
                + " WHERE l.case_id = :pk ORDER BY l.first_at, l.id")
        .bind("pk", pk)
        .map((rs, ctx) -> new Row(Optional.ofNullable(rs.getString("name")), Optional.ofNullable(rs.getString("email")),
            rs.getString("what"), Instant.ofEpochMilli(rs.getLong("first_at")), Instant.ofEpochMilli(rs.getLong("last_at")),
            rs.getLong("views")))
        .list();
  }
}
