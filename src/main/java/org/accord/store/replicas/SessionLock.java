package org.accord.store.replicas;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.accord.store.Database;
import org.accord.store.StoreException;

/**
 * A PostgreSQL session-level advisory lock held on a connection of its own (ADR 0146): whoever holds
 * it leads one job. PostgreSQL releases it when the session ends, however the holder ends: {@link
 * #close()}, a crash, {@code kill -9}, or a lost network (once the server notices the dead socket).
 *
 * <p>Not thread-safe: one owner polls {@link #alive()} and closes it.
 */
public final class SessionLock implements AutoCloseable {
  private final Connection connection;
  private final long key;

  private SessionLock(Connection connection, long key) {
    this.connection = connection;
    this.key = key;
  }

  /**
   * Tries once to take the lock {@code key} on a new dedicated connection; empty when another session
   * holds it. On SQLite (one process per data directory) it is always taken, with no connection.
   *
   * @throws StoreException if PostgreSQL cannot be reached
   */
  public static Optional<SessionLock> tryAcquire(Database database, long key) {
    if (database.dialect() != Database.Dialect.POSTGRESQL) {
      return Optional.of(new SessionLock(null, key));
    }
    try {
      return tryOn(database.openDedicated(), key);
    } catch (SQLException e) {
      throw new StoreException("cannot try advisory lock " + key + ": " + e.getMessage(), e);
    }
  }

  private static Optional<SessionLock> tryOn(Connection connection, long key) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      statement.setLong(1, key);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        if (rows.getBoolean(1)) {
          return Optional.of(new SessionLock(connection, key));
        }
      }
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
    connection.close();
    return Optional.empty();
  }

  /**
   * Whether the session that holds the lock is still alive (a round trip, at most {@code timeoutSeconds}):
   * false once the connection broke, when PostgreSQL will have released the lock or soon will.
   */
  public boolean alive(int timeoutSeconds) {
    if (connection == null) {
      return true;
    }
    try (Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(timeoutSeconds);
      statement.execute("SELECT 1");
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  /** The lock's key. */
  public long key() {
    return key;
  }

  /** Releases the lock by ending its session. */
  @Override
  public void close() {
    if (connection == null) {
      return;
    }
    try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      statement.setLong(1, key);
      statement.setQueryTimeout(2);
      statement.execute();
    } catch (SQLException e) {
      // the session is gone, and with it the lock
    }
    try {
      connection.close();
    } catch (SQLException e) {
      // closing a broken connection
    }
  }
}
