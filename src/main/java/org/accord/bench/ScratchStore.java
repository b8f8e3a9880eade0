package org.accord.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.accord.app.Accord;
import org.accord.store.Database;

/**
 * A fresh store for one benchmark run: SQLite in a temporary data directory, or a new schema of a
 * PostgreSQL database (the data directory then holds only the lock and the log key). Closing drops the
 * schema (best effort, with a warning on stderr) and deletes the directory. Not thread-safe.
 */
public final class ScratchStore implements AutoCloseable {
  private final Path dir;
  private final String pgUrl;
  private final String schema;
  private final String dbUrl;

  private ScratchStore(Path dir, String pgUrl, String schema) {
    this.dir = dir;
    this.pgUrl = pgUrl;
    this.schema = schema;
    this.dbUrl = pgUrl == null ? null : pgUrl + (pgUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  /**
   * Creates the store: a temporary directory named {@code prefix…} and, when {@code pgUrl} is not null,
   * a schema {@code accord_bench_…} in that database.
   *
   * @throws IllegalStateException when the schema cannot be created
   */
  public static ScratchStore create(String prefix, String pgUrl) throws IOException {
    Path dir = Files.createTempDirectory(prefix);
    if (pgUrl == null) {
      return new ScratchStore(dir, null, null);
    }
    String schema = "accord_bench_" + Long.toHexString(System.nanoTime());
    try {
      createSchema(pgUrl, schema);
    } catch (RuntimeException e) {
      deleteTree(dir);
      throw e;
    }
    return new ScratchStore(dir, pgUrl, schema);
  }

  /** {@code sqlite} or {@code postgresql}. */
  public String kind() {
    return dbUrl == null ? "sqlite" : "postgresql";
  }

  /** {@code SQLite} or {@code PostgreSQL}, for progress lines. */
  String label() {
    return dbUrl == null ? "SQLite" : "PostgreSQL";
  }

  /** Opens the bare store, for bulk loading. */
  Database openDatabase() {
    return dbUrl == null ? Database.openEmbedded(dir) : Database.open(dbUrl);
  }

  /** The configuration that opens Accord on this store. */
  public Accord.Config config() {
    return new Accord.Config(dir, dbUrl);
  }

  @Override
  public void close() throws IOException {
    if (schema != null) {
      dropSchema(pgUrl, schema);
    }
    deleteTree(dir);
  }

  /** Deletes a directory and everything in it; nothing when it does not exist. */
  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private static void createSchema(String url, String schema) {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new org.accord.EnvironmentException("cannot create a bench schema in ACCORD_BENCH_PG_URL: " + e.getMessage(), e);
    }
  }

  private static void dropSchema(String url, String schema) {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA " + schema + " CASCADE");
    } catch (SQLException e) {
      // best effort: the schema name is printed nowhere else, so say so
      System.err.println("warning: could not drop bench schema " + schema + ": " + e.getMessage());
    }
  }
}
