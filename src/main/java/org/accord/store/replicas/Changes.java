package org.accord.store.replicas;

import java.util.List;
import java.util.Objects;
import org.accord.store.Database;
import org.jdbi.v3.core.Handle;

/**
 * The change feed's table (V32, ADR 0146): one row per committed change that an in-memory index
 * depends on, with a monotonic id.
 *
 * <p>On PostgreSQL a writer takes {@link #FEED_LOCK}, a transaction-level advisory lock, before it
 * inserts, and keeps it until its commit: ids are handed out and committed in the same order, so a
 * reader that sees id N has seen every committed id below it, and a gap is a rolled-back writer that
 * never comes back. The insert also sends {@code NOTIFY accord_changes}, which PostgreSQL delivers only
 * when the transaction commits. On SQLite {@code BEGIN IMMEDIATE} already serialises writers.
 *
 * <p>Thread-safe and stateless apart from the database.
 */
public final class Changes {
  /** The {@code NOTIFY} channel. */
  public static final String CHANNEL = "accord_changes";
  /** The advisory lock key of feed writers: "ACCORDCH" as a big-endian long. */
  public static final long FEED_LOCK = 0x4143434f52444348L;

  /**
   * One row of the feed.
   *
   * @param id its id, increasing with commit order
   * @param kind what changed (an {@code app.replicas.ChangeKind} name)
   * @param payload what to apply, JSON
   */
  public record Change(long id, String kind, String payload) {}

  private final Database database;
  private final boolean postgres;

  public Changes(Database database) {
    this.database = Objects.requireNonNull(database, "database");
    this.postgres = database.dialect() == Database.Dialect.POSTGRESQL;
  }

  /** Whether several processes may share this store (PostgreSQL), so the feed has other readers. */
  public boolean shared() {
    return postgres;
  }

  /**
   * Takes the feed writers' lock in {@code handle}'s transaction, until it ends: a transaction that
   * takes it first and then reads can be sure no other replica commits a change meanwhile. Re-entrant.
   * Nothing on SQLite, where the transaction already holds the write lock.
   */
  public void lockWriters(Handle handle) {
    if (postgres) {
      handle.execute("SELECT pg_advisory_xact_lock(?)", FEED_LOCK);
    }
  }

  /**
   * Appends a change in {@code handle}'s transaction (taking {@link #lockWriters} first) and returns
   * its id; on PostgreSQL the commit notifies {@link #CHANNEL}.
   */
  public long append(Handle handle, String kind, String payload, long now) {
    lockWriters(handle);
    long id = handle.createUpdate("INSERT INTO changes (kind, payload, created_at) VALUES (:kind, :payload, :now)")
        .bind("kind", kind).bind("payload", payload).bind("now", now)
        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    if (postgres) {
      handle.execute("SELECT pg_notify(?, ?)", CHANNEL, Long.toString(id));
    }
    return id;
  }

  /** Up to {@code limit} changes after {@code id}, oldest first. */
  public List<Change> after(long id, int limit) {
    return database.jdbi().withHandle(handle -> handle
        .createQuery("SELECT id, kind, payload FROM changes WHERE id > :id ORDER BY id LIMIT :limit")
        .bind("id", id).bind("limit", limit)
        .map((rows, ctx) -> new Change(rows.getLong(1), rows.getString(2), rows.getString(3)))
        .list());
  }

  /** The newest committed id, 0 for an empty feed. */
  public long latest() {
    return database.jdbi().withHandle(handle ->
        handle.createQuery("SELECT COALESCE(MAX(id), 0) FROM changes").mapTo(Long.class).one());
  }
}
