package org.accord.store.witness;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The witness's state (V31, ADR 0144): the logs it witnesses and, per origin, the latest checkpoint it
 * cosigned. Stateless and thread-safe; methods run on the caller's handle and transaction.
 */
public final class WitnessStore {
  private static final String SELECT =
      "SELECT l.origin, l.vkeys, l.added_at, l.added_by, c.origin_hash, c.size, c.root, c.note, c.updated_at"
          + " FROM witness_logs l JOIN witness_checkpoints c ON c.origin = l.origin";

  private WitnessStore() {}

  /**
   * One witnessed log and its state.
   *
   * @param origin the log's origin
   * @param vkeys the trusted verifier keys, one per line
   * @param originHash hex SHA-256 of the origin, the monitoring path's key
   * @param size the size last cosigned, 0 if none
   * @param root base64 root last cosigned, or null
   * @param note the checkpoint note last cosigned, with its cosignature, or null
   * @param updatedAt epoch ms of the last change
   */
  public record Row(String origin, List<String> vkeys, long addedAt, String addedBy, String originHash, long size,
      String root, String note, long updatedAt) {
    public Row {
      vkeys = List.copyOf(vkeys);
    }
  }

  /** Adds a log, or replaces the keys of a known one; its state starts at size 0. */
  public static void putLog(Handle handle, String origin, String originHash, List<String> vkeys, String addedBy, long now) {
    handle.createUpdate("INSERT INTO witness_logs (origin, vkeys, added_at, added_by) VALUES (:origin, :vkeys, :now, :by)"
            + " ON CONFLICT (origin) DO UPDATE SET vkeys = excluded.vkeys")
        .bind("origin", origin).bind("vkeys", String.join("\n", vkeys)).bind("now", now).bind("by", addedBy).execute();
    handle.createUpdate("INSERT INTO witness_checkpoints (origin, origin_hash, size, root, note, updated_at)"
            + " VALUES (:origin, :hash, 0, NULL, NULL, :now) ON CONFLICT (origin) DO NOTHING")
        .bind("origin", origin).bind("hash", originHash).bind("now", now).execute();
  }

  /** Every witnessed log, by origin. */
  public static List<Row> logs(Handle handle) {
    return handle.createQuery(SELECT + " ORDER BY l.origin").map((rs, ctx) -> row(rs)).list();
  }

  /** The log with this origin. */
  public static Optional<Row> log(Handle handle, String origin) {
    return handle.createQuery(SELECT + " WHERE l.origin = :origin").bind("origin", origin).map((rs, ctx) -> row(rs)).findOne();
  }

  /** The log whose origin hashes to {@code originHash} (lower-case hex). */
  public static Optional<Row> byOriginHash(Handle handle, String originHash) {
    return handle.createQuery(SELECT + " WHERE c.origin_hash = :hash").bind("hash", originHash).map((rs, ctx) -> row(rs)).findOne();
  }

  /**
   * Compare-and-set: moves the state of {@code origin} from ({@code expectedSize}, {@code expectedRoot})
   * to the new checkpoint, only if it is still the expected one.
   *
   * @param expectedRoot base64 root expected, or null for none
   * @return whether this call moved it; false if another request moved it first
   */
  public static boolean advance(Handle handle, String origin, long expectedSize, String expectedRoot, long size, String root,
      String note, long now) {
    return handle.createUpdate("UPDATE witness_checkpoints SET size = :size, root = :root, note = :note, updated_at = :now"
            + " WHERE origin = :origin AND size = :expected AND "
            + (expectedRoot == null ? "root IS NULL" : "root = :expectedRoot"))
        .bind("size", size).bind("root", root).bind("note", note).bind("now", now).bind("origin", origin)
        .bind("expected", expectedSize).bind("expectedRoot", expectedRoot).execute() == 1;
  }

  private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Row(rs.getString("origin"), List.of(rs.getString("vkeys").split("\n")), rs.getLong("added_at"),
        rs.getString("added_by"), rs.getString("origin_hash"), rs.getLong("size"), rs.getString("root"), rs.getString("note"),
        rs.getLong("updated_at"));
  }
}
