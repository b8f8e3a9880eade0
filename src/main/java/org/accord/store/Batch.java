package org.accord.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Executes a prepared statement's batch every {@code size} rows: bind a row, call {@link #add()}, and
 * call {@link #finish()} after the last one. Not thread-safe; one per statement.
 */
final class Batch {
  private final PreparedStatement statement;
  private final int size;
  private int pending;

  Batch(PreparedStatement statement, int size) {
    this.statement = statement;
    this.size = size;
  }

  /** Adds the bound row; executes the batch when it holds {@code size} rows. */
  void add() throws SQLException {
    statement.addBatch();
    if (++pending == size) {
      statement.executeBatch();
      pending = 0;
    }
  }

  /** Executes the rows still pending. */
  void finish() throws SQLException {
    if (pending > 0) {
      statement.executeBatch();
      pending = 0;
    }
  }
}
