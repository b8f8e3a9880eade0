package org.accord.store;

import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.transaction.DelegatingTransactionHandler;
import org.jdbi.v3.core.transaction.TransactionHandler;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * SQLite's transactions of one process, one at a time on a fair in-process lock (ADR 0111).
 *
 * <p>Every SQLite transaction takes the database's write lock up front ({@code BEGIN IMMEDIATE}, see
 * {@link Database}). When two connections of the process want it at once, the loser waits in SQLite's
 * busy handler, which sleeps 1, 2, 5, 10, 15, ... ms between tries [1]: a transition that met the
 * ledger writer's batch paid those sleeps (the 10 to 30 ms floor ADR 0108 measured). Taking a fair
 * {@link ReentrantLock} around the whole transaction first hands the write lock from one transaction
 * to the next as soon as it is free, in arrival order. Reads outside a transaction do not take it. The
 * busy timeout still bounds waits on other processes and on autocommit writes.
 *
 * <p>[1] https://www.sqlite.org/c3ref/busy_timeout.html ({@code sqliteDefaultBusyCallback} in
 * {@code main.c}: delays {@code {1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100}} ms)
 *
 * <p>Thread-safe; reentrant (a nested transaction of the same thread passes).
 */
final class SerialWrites extends DelegatingTransactionHandler {
  private final ReentrantLock lock;

  SerialWrites(TransactionHandler delegate) {
    this(new ReentrantLock(true), delegate);
  }

  private SerialWrites(ReentrantLock lock, TransactionHandler delegate) {
    super(delegate);
    this.lock = lock;
  }

  @Override
  public <R, X extends Exception> R inTransaction(Handle handle, HandleCallback<R, X> callback) throws X {
    lock.lock();
    try {
      return getDelegate().inTransaction(handle, callback);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public <R, X extends Exception> R inTransaction(Handle handle, TransactionIsolationLevel level, HandleCallback<R, X> callback)
      throws X {
    lock.lock();
    try {
      return getDelegate().inTransaction(handle, level, callback);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public TransactionHandler specialize(Handle handle) throws SQLException {
    // JDBI specializes the handler per handle; the lock stays the one of the database.
    return new SerialWrites(lock, getDelegate().specialize(handle));
  }
}
