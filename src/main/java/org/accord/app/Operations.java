package org.accord.app;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.accord.store.Database;
import org.accord.store.LedgerStore;
import org.accord.store.Outbox;

/**
 * What an operator watches on one replica (ADR 0147): whether the database answers, the outbox's
 * depth, the log's size and the age of its published checkpoint. Each figure is one short query and
 * names no organization, case or member. Thread-safe.
 */
public final class Operations {
  private final Database database;
  private final LedgerStore ledger;
  private final java.time.Clock clock;

  Operations(Database database, java.time.Clock clock) {
    this.database = database;
    this.ledger = new LedgerStore(database);
    this.clock = clock;
  }

  /**
   * Why the database cannot be used now, or empty when {@code SELECT 1} answered within {@code timeout}.
   * Never throws: an unreachable database is an answer.
   */
  public Optional<String> unreachable(Duration timeout) {
    CompletableFuture<Void> ping = CompletableFuture.runAsync(() -> database.jdbi().useHandle(handle -> handle.execute("SELECT 1")));
    try {
      ping.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return Optional.empty();
    } catch (TimeoutException e) {
      return Optional.of((database.dialect() == Database.Dialect.POSTGRESQL ? "PostgreSQL" : "the database")
          + " did not answer within " + timeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      return Optional.of((database.dialect() == Database.Dialect.POSTGRESQL ? "PostgreSQL" : "the database")
          + " cannot be reached: " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted while checking the database");
    }
  }

  /** Events staged in the outbox and not yet in the log (every replica's). */
  public long outboxDepth() {
    return database.jdbi().withHandle(Outbox::count);
  }

  /** Entries in the log, by its newest stored checkpoint. */
  public long logSize() {
    return ledger.latest().map(LedgerStore.StoredCheckpoint::size).orElse(0L);
  }

  /** Milliseconds since the newest published checkpoint was published; -1 if none is. */
  public long checkpointAgeMillis() {
    return ledger.latestPublished().flatMap(c -> c.publishedAt().isPresent() ? Optional.of(c.publishedAt().getAsLong()) : Optional.empty())
        .map(at -> Math.max(0, clock.millis() - at)).orElse(-1L);
  }
}
