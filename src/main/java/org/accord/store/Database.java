package org.accord.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import javax.sql.DataSource;
import org.accord.EnvironmentException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;

/**
 * The SQL store: embedded SQLite by default, PostgreSQL by URL, migrated by Flyway on open.
 *
 * <p>DDL lives in one Flyway folder per dialect ({@code db/migration/sqlite}, {@code
 * db/migration/postgresql}); every DML statement in the repositories is portable between the two, as
 * {@code docs/architecture.md} lists. SQLite runs in WAL mode with {@code synchronous=FULL}, so that a
 * committed transaction survives a power cut, and with a busy timeout so that concurrent writers wait
 * rather than fail. The write-ahead log is checkpointed by a background thread, not inside commits
 * ({@link WalCheckpoints}).
 *
 * <p>On SQLite every transaction begins with {@code BEGIN IMMEDIATE}: it takes the database's write
 * lock before its first statement. A deferred transaction that reads and then writes must upgrade its
 * read snapshot to a write lock, and in WAL mode that upgrade fails at once with {@code SQLITE_BUSY}
 * (not after the busy timeout) whenever another connection committed in between [1]; the ledger's
 * writer and checkpoint threads commit often, so ingests failed that way. Taking the lock up front turns
 * the race into a wait that the busy timeout bounds. Reads outside a transaction (JDBI's {@code
 * withHandle}) are unaffected and run beside the writer. See ADR 0005. The transactions of one process
 * also queue on an in-process lock ({@link SerialWrites}, ADR 0111), so that they do not meet in
 * SQLite's busy handler, whose sleeps put a floor of milliseconds under every contended write.
 *
 * <p>[1] https://www.sqlite.org/lang_transaction.html (Read transactions, "SQLITE_BUSY"), and
 * https://www.sqlite.org/wal.html#sometimes_queries_return_sqlite_busy_in_wal_mode
 *
 * <p>Thread-safe: the connection pool and {@link Jdbi} may be shared. {@link #close()} closes the pool.
 */
public final class Database implements AutoCloseable {

  /** The two SQL engines Accord supports. */
  public enum Dialect {
    SQLITE,
    POSTGRESQL;

    static Dialect of(String jdbcUrl) {
      String lower = jdbcUrl.toLowerCase(Locale.ROOT);
      if (lower.startsWith("jdbc:sqlite:")) {
        return SQLITE;
      }
      if (lower.startsWith("jdbc:postgresql:")) {
        return POSTGRESQL;
      }
      throw new EnvironmentException(
          "unsupported database URL '" + redact(jdbcUrl) + "': use jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB");
    }

    String migrationFolder() {
      return "classpath:db/migration/" + name().toLowerCase(Locale.ROOT);
    }
  }

  private final HikariDataSource dataSource;
  private final Dialect dialect;
  private final Jdbi jdbi;
  /** SQLite's background WAL checkpoints; null on PostgreSQL. */
  private final WalCheckpoints checkpoints;

  private Database(HikariDataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.jdbi = Jdbi.create(dataSource);
    if (dialect == Dialect.SQLITE) {
      // One transaction at a time in the process, handed over at once rather than by SQLite's busy sleeps.
      jdbi.setTransactionHandler(new SerialWrites(jdbi.getTransactionHandler()));
      // The log is copied into the database file off the commit path (ADR 0111, addendum 2).
      checkpoints = new WalCheckpoints(dataSource);
    } else {
      checkpoints = null;
    }
  }

  /** Opens (creating if needed) the embedded SQLite database {@code accord.db} in a data directory. */
  public static Database openEmbedded(Path dataDir) {
    try {
      PrivateFiles.createDirectories(dataDir);
      // SQLite gives the -wal and -shm files the database file's mode, so creating it 0600 here
      // keeps all three private (ADR 0089); an empty file is an empty database to SQLite.
      PrivateFiles.createFile(dataDir.resolve("accord.db"));
    } catch (java.io.IOException e) {
      throw new EnvironmentException("cannot create data directory " + dataDir + ": " + e.getMessage(), e);
    }
    return open("jdbc:sqlite:" + dataDir.resolve("accord.db").toAbsolutePath());
  }

  /**
   * Opens a database by JDBC URL and migrates it to the newest schema. A PostgreSQL URL may carry
   * {@code user} and {@code password} parameters; otherwise {@code ACCORD_DB_USER} and {@code
   * ACCORD_DB_PASSWORD} are used when set.
   *
   * @throws EnvironmentException if the URL names an unsupported engine, or the database cannot be
   *     reached or migrated; the message says why
   */
  public static Database open(String jdbcUrl) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Dialect dialect = Dialect.of(jdbcUrl);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setPoolName("accord-" + dialect.name().toLowerCase(Locale.ROOT));
    if (dialect == Dialect.SQLITE) {
      // One writer at a time is SQLite's model; a few readers may run beside it in WAL mode.
      config.setMaximumPoolSize(4);
      config.addDataSourceProperty("journal_mode", "WAL");
      config.addDataSourceProperty("synchronous", "FULL");
      // Checkpoints run in the background (WalCheckpoints); the automatic one only if that falls behind.
      config.addDataSourceProperty("wal_autocheckpoint", WalCheckpoints.BACKSTOP_PAGES);
      config.addDataSourceProperty("foreign_keys", "true");
      config.addDataSourceProperty("busy_timeout", "60000");
      // Every transaction takes the write lock up front (BEGIN IMMEDIATE); see the class comment.
      config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
      // 32 MiB of page cache per connection (default 2 MiB): index pages of large ingests stay in memory.
      config.addDataSourceProperty("cache_size", "-32768");
    } else {
      config.setMaximumPoolSize(8);
      String user = System.getenv("ACCORD_DB_USER");
      String password = System.getenv("ACCORD_DB_PASSWORD");
      if (user != null && !jdbcUrl.contains("user=")) {
        config.setUsername(user);
      }
      if (password != null && !jdbcUrl.contains("password=")) {
        config.setPassword(password);
      }
    }
    config.setInitializationFailTimeout(10_000);
    HikariDataSource dataSource;
    try {
      dataSource = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new EnvironmentException(
          "cannot open database " + redact(jdbcUrl) + ": " + rootMessage(e), e);
    }
    try {
      migrate(dataSource, dialect);
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
    return new Database(dataSource, dialect);
  }

  private static void migrate(DataSource dataSource, Dialect dialect) {
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations(dialect.migrationFolder())
          .loggers("slf4j")
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new EnvironmentException("cannot migrate the database schema: " + e.getMessage(), e);
    }
  }

  /** JDBI over the pool. */
  public Jdbi jdbi() {
    return jdbi;
  }

  /** The engine behind this store. */
  public Dialect dialect() {
    return dialect;
  }

  /** The pooled data source, for code that needs plain JDBC (bulk loads, benchmarks). */
  /**
   * A new connection outside the pool, with the pool's URL and credentials: for work that holds a
   * connection for as long as the instance runs (a PostgreSQL session-level advisory lock, {@code
   * LISTEN}), so that it never takes one of the pool's few. The caller closes it.
   *
   * @throws java.sql.SQLException if the database cannot be reached
   */
  public java.sql.Connection openDedicated() throws java.sql.SQLException {
    java.util.Properties properties = new java.util.Properties();
    if (dataSource.getUsername() != null) {
      properties.setProperty("user", dataSource.getUsername());
    }
    if (dataSource.getPassword() != null) {
      properties.setProperty("password", dataSource.getPassword());
    }
    java.sql.Connection connection = java.sql.DriverManager.getConnection(dataSource.getJdbcUrl(), properties);
    connection.setAutoCommit(true);
    return connection;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    if (checkpoints != null) {
      checkpoints.close();
    }
    dataSource.close();
  }

  /** A JDBC URL with any password parameter hidden, safe to print. */
  static String redact(String jdbcUrl) {
    return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
