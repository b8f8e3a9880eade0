package org.accord.store.replicas;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.accord.store.Database;
import org.accord.store.StoreException;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * {@code LISTEN accord_changes} on a dedicated PostgreSQL connection (ADR 0146): {@link #await} returns
 * when a change committed, or after the timeout. A notification may be lost (a broken connection, a
 * listener that started late), so the reader also catches up by id after each wait; the notification
 * only makes that prompt.
 *
 * <p>Not thread-safe: one applier thread owns it.
 */
public final class ChangeListener implements AutoCloseable {
  private final Database database;
  private Connection connection;

  public ChangeListener(Database database) {
    this.database = database;
  }

  /**
   * Waits up to {@code timeoutMillis} for a notification; true if one came. Reconnects a broken
   * connection, and on SQLite (no other writer) only sleeps.
   *
   * @throws StoreException if PostgreSQL cannot be reached; the next call tries again
   * @throws InterruptedException if interrupted while sleeping
   */
  public boolean await(int timeoutMillis) throws InterruptedException {
    if (database.dialect() != Database.Dialect.POSTGRESQL) {
      Thread.sleep(timeoutMillis);
      return false;
    }
    try {
      if (connection == null) {
        connection = database.openDedicated();
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN " + Changes.CHANNEL);
        }
      }
      PGNotification[] notifications = connection.unwrap(PGConnection.class).getNotifications(timeoutMillis);
      return notifications != null && notifications.length > 0;
    } catch (SQLException e) {
      close();
      throw new StoreException("cannot listen for changes: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // already broken
      }
      connection = null;
    }
  }
}
