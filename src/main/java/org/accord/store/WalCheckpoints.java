package org.accord.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies SQLite's write-ahead log into the database file from a background thread, so that no commit
 * waits for it (ADR 0111, addendum 2).
 *
 * <p>SQLite checkpoints automatically when a commit leaves more than {@code wal_autocheckpoint} pages
 * (1,000 by default) in the log, and it does so inside that commit [1]: the committing connection
 * copies the pages and syncs the database file before its {@code COMMIT} returns. Accord's SQLite
 * transactions queue one after another ({@link SerialWrites}), so every writer waited behind that
 * copy: with a transition and its log batch writing some 15 pages, one transition in 60 or so paid it,
 * which is where a 99th percentile lies. Here the pages move every {@link #INTERVAL_MS} ms with a
 * PASSIVE checkpoint, which takes no write lock and waits for no reader or writer [2], and the
 * automatic threshold is raised to {@link #BACKSTOP_PAGES} pages so that it acts only if this thread
 * falls far behind. Durability is unchanged: a commit is durable once its log frames are synced
 * ({@code synchronous=FULL}), whoever checkpoints them later.
 *
 * <p>[1] https://www.sqlite.org/wal.html#automatic_checkpoint; [2]
 * https://www.sqlite.org/c3ref/wal_checkpoint_v2.html ({@code SQLITE_CHECKPOINT_PASSIVE})
 *
 * <p>Thread-safe; {@link #close()} stops the thread.
 */
final class WalCheckpoints implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WalCheckpoints.class);
  /** How often the log is copied. */
  static final long INTERVAL_MS = 200;
  /** The automatic checkpoint's threshold while this runs: 10,000 pages, about 40 MB of log. */
  static final String BACKSTOP_PAGES = "10000";

  private final DataSource dataSource;
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread t = new Thread(task, "accord-sqlite-checkpoint");
    t.setDaemon(true);
    return t;
  });

  WalCheckpoints(DataSource dataSource) {
    this.dataSource = dataSource;
    thread.scheduleWithFixedDelay(this::checkpoint, INTERVAL_MS, INTERVAL_MS, TimeUnit.MILLISECONDS);
  }

  /** One PASSIVE checkpoint; a failure is logged and the next run tries again. */
  void checkpoint() {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA wal_checkpoint(PASSIVE)");
    } catch (SQLException | RuntimeException e) {
      LOG.debug("background WAL checkpoint failed (the next one tries again): {}", e.toString());
    }
  }

  /** Stops the thread, waiting for a running checkpoint. */
  @Override
  public void close() {
    thread.shutdownNow();
    try {
      thread.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
