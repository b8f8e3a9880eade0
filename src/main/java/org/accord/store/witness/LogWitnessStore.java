package org.accord.store.witness;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * This log's witnesses, the cosignatures they gave and the witness alerts (V34, ADR 0153). Stateless
 * and thread-safe; methods run on the caller's handle and transaction.
 */
public final class LogWitnessStore {
  private static final String SELECT = "SELECT name, vkey, url, witness_size, failures, last_status, last_error, last_at,"
      + " added_at, added_by FROM log_witnesses";

  private LogWitnessStore() {}

  /**
   * A witness of this log and where submission to it stands.
   *
   * @param witnessSize the size the witness said it cosigned last (0 until it says)
   * @param failures failed attempts in a row
   * @param lastStatus the HTTP status of the last answer, or null (none yet, or no answer)
   * @param lastError the last failure's one-line reason, or null after a success
   * @param lastAt epoch ms of the last attempt, or null
   */
  public record Witness(String name, String vkey, String url, long witnessSize, int failures, Integer lastStatus,
      String lastError, Long lastAt, long addedAt, String addedBy) {}

  /**
   * An alert.
   *
   * @param kind {@code refused_by_witness} or {@code fork_presented}
   * @param subject the witness's name, or the origin of the log that presented a fork
   */
  public record Alert(String kind, String subject, long size, int status, String reason, long firstAt, long lastAt, long times) {}

  /** Adds a witness, or replaces the key and URL of a known one, keeping what it cosigned. */
  public static void put(Handle handle, String name, String vkey, String url, String addedBy, long now) {
    handle.createUpdate("INSERT INTO log_witnesses (name, vkey, url, witness_size, failures, added_at, added_by)"
            + " VALUES (:name, :vkey, :url, 0, 0, :now, :by)"
            + " ON CONFLICT (name) DO UPDATE SET vkey = excluded.vkey, url = excluded.url, failures = 0")
        .bind("name", name).bind("vkey", vkey).bind("url", url).bind("now", now).bind("by", addedBy).execute();
  }

  /** Every witness, by name. */
  public static List<Witness> witnesses(Handle handle) {
    return handle.createQuery(SELECT + " ORDER BY name").map((rs, ctx) -> {
      int status = rs.getInt("last_status");
      Integer lastStatus = rs.wasNull() ? null : status;
      long at = rs.getLong("last_at");
      Long lastAt = rs.wasNull() ? null : at;
      return new Witness(rs.getString("name"), rs.getString("vkey"), rs.getString("url"), rs.getLong("witness_size"),
          rs.getInt("failures"), lastStatus, rs.getString("last_error"), lastAt, rs.getLong("added_at"), rs.getString("added_by"));
    }).list();
  }

  /** Records an attempt's outcome: the witness's size if it told one, the failure count, status and error (null on success). */
  public static void attempted(Handle handle, String name, Optional<Long> witnessSize, int failures, Integer status, String error, long now) {
    handle.createUpdate("UPDATE log_witnesses SET witness_size = COALESCE(:size, witness_size), failures = :failures,"
            + " last_status = :status, last_error = :error, last_at = :now WHERE name = :name")
        .bind("size", witnessSize.orElse(null)).bind("failures", failures).bind("status", status).bind("error", error)
        .bind("now", now).bind("name", name).execute();
  }

  /** Stores a witness's cosignature line of the checkpoint of {@code size} (the first one kept). */
  public static void cosigned(Handle handle, long size, String witness, String line, long now) {
    handle.createUpdate("INSERT INTO log_cosignatures (tree_size, witness, line, cosigned_at) VALUES (:size, :witness, :line, :now)"
            + " ON CONFLICT (tree_size, witness) DO NOTHING")
        .bind("size", size).bind("witness", witness).bind("line", line).bind("now", now).execute();
  }

  /** The cosignature lines collected for the checkpoint of {@code size}, by witness name. */
  public static List<String> cosignatures(Handle handle, long size) {
    return handle.createQuery("SELECT line FROM log_cosignatures WHERE tree_size = :size ORDER BY witness")
        .bind("size", size).mapTo(String.class).list();
  }

  /** The sizes in {@code [from, to]} that {@code witness} cosigned. */
  public static List<Long> cosignedSizes(Handle handle, String witness, long from, long to) {
    return handle.createQuery("SELECT tree_size FROM log_cosignatures WHERE witness = :w AND tree_size BETWEEN :from AND :to")
        .bind("w", witness).bind("from", from).bind("to", to).mapTo(Long.class).list();
  }

  /** Records an alert, or counts it again when the same kind, subject, size and status was seen. */
  public static void alert(Handle handle, String kind, String subject, long size, int status, String reason, long now) {
    handle.createUpdate("INSERT INTO witness_alerts (kind, subject, tree_size, status, reason, first_at, last_at, times)"
            + " VALUES (:kind, :subject, :size, :status, :reason, :now, :now, 1) ON CONFLICT (kind, subject, tree_size, status)"
            + " DO UPDATE SET last_at = excluded.last_at, reason = excluded.reason, times = witness_alerts.times + 1")
        .bind("kind", kind).bind("subject", subject).bind("size", size).bind("status", status).bind("reason", reason)
        .bind("now", now).execute();
  }

  /** The newest {@code limit} alerts, newest first. */
  public static List<Alert> alerts(Handle handle, int limit) {
    return handle.createQuery("SELECT kind, subject, tree_size, status, reason, first_at, last_at, times FROM witness_alerts"
            + " ORDER BY last_at DESC, kind, subject LIMIT :limit")
        .bind("limit", limit)
        .map((rs, ctx) -> new Alert(rs.getString("kind"), rs.getString("subject"), rs.getLong("tree_size"), rs.getInt("status"),
            rs.getString("reason"), rs.getLong("first_at"), rs.getLong("last_at"), rs.getLong("times"))).list();
  }
}
