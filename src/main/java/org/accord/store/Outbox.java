package org.accord.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.accord.ledger.LedgerEvent;
import org.accord.ledger.VerificationException;
import org.jdbi.v3.core.Handle;

/**
 * The ledger outbox (migration {@code V5__outbox}, ADR 0085): accountable events written in the same
 * transaction as the change they attest, waiting for the ledger writer to append them.
 *
 * <p>{@link #add} runs inside the caller's transaction. The ledger writer reads the oldest rows with
 * {@link #oldest}, and {@link LedgerStore#drain} deletes the rows it appended in the transaction that
 * writes their entries, so an event is in exactly one of the two tables at every commit.
 *
 * <p>Stateless; every method uses the handle or connection it is given.
 */
public final class Outbox {
  private static final int DELETE_CHUNK = 500;

  private Outbox() {}

  /**
   * One event waiting to be appended.
   *
   * @param id its row id, never reused
   * @param event the event (without its chain predecessor, which the writer assigns)
   * @param committed whether it enters the log as a salted commitment
   */
  public record Staged(long id, LedgerEvent event, boolean committed) {
    public Staged {
      Objects.requireNonNull(event, "event");
    }
  }

  /** Writes an event into the outbox, in the caller's transaction; returns its row id. */
  public static long add(Handle handle, LedgerEvent event, boolean committed, long now) {
    return handle.createQuery("INSERT INTO outbox (event, committed, staged_at) VALUES (:event, :committed, :now) RETURNING id")
        .bind("event", event.encode(java.util.Optional.empty()))
        .bind("committed", committed ? 1 : 0)
        .bind("now", now)
        .mapTo(Long.class)
        .one();
  }

  /**
   * The oldest waiting events, at most {@code limit}, oldest first.
   *
   * @throws IllegalStateException if a row does not hold a valid event (the store was damaged)
   */
  public static List<Staged> oldest(Handle handle, int limit) {
    List<Staged> staged = new ArrayList<>();
    handle.createQuery("SELECT id, event, committed FROM outbox ORDER BY id LIMIT :limit")
        .bind("limit", limit)
        .map((rows, ctx) -> {
          long id = rows.getLong(1);
          try {
            return new Staged(id, LedgerEvent.decode(rows.getBytes(2)).event(), rows.getInt(3) != 0);
          } catch (VerificationException e) {
            throw new IllegalStateException("outbox row " + id + " does not hold a valid event: " + e.getMessage(), e);
          }
        })
        .forEach(staged::add);
    return staged;
  }

  /** The number of events waiting. */
  public static long count(Handle handle) {
    return handle.createQuery("SELECT COUNT(*) FROM outbox").mapTo(Long.class).one();
  }

  /** Whether any event waits: one index probe, whatever the backlog. */
  public static boolean any(Handle handle) {
    return handle.createQuery("SELECT id FROM outbox ORDER BY id LIMIT 1").mapTo(Long.class).findOne().isPresent();
  }

  /**
   * Deletes appended rows, in the transaction that appends them.
   *
   * @throws IllegalStateException if some row was already gone (another writer appended it), so that
   *     the transaction rolls back rather than append an event twice
   */
  static void remove(Connection connection, Collection<Long> ids) throws SQLException {
    List<Long> all = new ArrayList<>(ids);
    for (int from = 0; from < all.size(); from += DELETE_CHUNK) {
      List<Long> chunk = all.subList(from, Math.min(all.size(), from + DELETE_CHUNK));
      String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
      try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox WHERE id IN (" + marks + ")")) {
        for (int i = 0; i < chunk.size(); i++) {
          delete.setLong(i + 1, chunk.get(i));
        }
        int deleted = delete.executeUpdate();
        if (deleted != chunk.size()) {
          throw new IllegalStateException(
              (chunk.size() - deleted) + " outbox events were appended by another writer; not appending them again");
        }
      }
    }
  }
}
