package org.accord.app;

import java.nio.file.Path;
import java.util.Objects;
import org.accord.store.DataDirectoryLock;
import org.accord.store.Database;

/**
 * One running Accord instance: the claimed data directory, the SQL store and the services built on
 * them. The command line and the web server both work through this class, so that an ingest means the
 * same thing whichever edge it came through.
 *
 * <p>Thread-safe once opened. {@link #close()} releases the store and the data-directory lock.
 */
public final class Accord implements AutoCloseable {

  /**
   * Where an instance keeps its state.
   *
   * @param dataDir the data directory: lock file, signing keys, and the embedded database
   * @param dbUrl a PostgreSQL JDBC URL, or null for SQLite in {@code dataDir}
   */
  public record Config(Path dataDir, String dbUrl) {
    public Config {
      Objects.requireNonNull(dataDir, "dataDir");
    }
  }

  private final Config config;
  private final DataDirectoryLock lock;
  private final Database database;
  private LedgerService ledger;

  private Accord(Config config, DataDirectoryLock lock, Database database) {
    this.config = config;
    this.lock = lock;
    this.database = database;
  }

  /**
   * Claims the data directory and opens the store.
   *
   * @throws IllegalStateException if another process holds the directory or the database cannot be
   *     opened; the message says which
   */
  public static Accord open(Config config) {
    DataDirectoryLock lock = DataDirectoryLock.acquire(config.dataDir());
    try {
      Database database =
          config.dbUrl() == null ? Database.openEmbedded(config.dataDir()) : Database.open(config.dbUrl());
      return new Accord(config, lock, database);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  public Config config() {
    return config;
  }

  public Database database() {
    return database;
  }

  /** The transparency log, started on first use (signing key in the data directory). */
  public synchronized LedgerService ledger() {
    if (ledger == null) {
      ledger = LedgerService.start(database, config.dataDir(), LedgerService.Options.fromEnvironment());
    }
    return ledger;
  }

  @Override
  public void close() {
    try {
      synchronized (this) {
        if (ledger != null) {
          ledger.close();
        }
      }
      database.close();
    } finally {
      lock.close();
    }
  }
}
