package org.accord.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.accord.store.Database;

/**
 * Real databases for tests: SQLite always, PostgreSQL too when {@code ACCORD_TEST_PG_URL} is set. Each
 * PostgreSQL database is a fresh schema, so tests never see each other's rows; the schemas a test JVM
 * created are dropped when it exits.
 *
 * <p>Use with a parameterized test: {@code @MethodSource("org.accord.testing.TestDatabases#engines")}.
 */
public final class TestDatabases {
  private TestDatabases() {}

  private static final List<String> CREATED = new java.util.concurrent.CopyOnWriteArrayList<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropCreatedSchemas, "drop-test-schemas"));
  }

  private static void dropCreatedSchemas() {
    String base = pgUrl();
    if (base == null || CREATED.isEmpty()) {
      return;
    }
    try (Connection connection = DriverManager.getConnection(base);
        Statement statement = connection.createStatement()) {
      statement.execute("SET lock_timeout = '5s'");
      for (String schema : CREATED) {
        statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    } catch (SQLException e) {
      System.err.println("could not drop test schemas " + CREATED + ": " + e.getMessage());
    }
  }

  /** The engines to run against: {@code "sqlite"}, and {@code "postgresql"} when configured. */
  public static Stream<String> engines() {
    List<String> engines = new ArrayList<>();
    engines.add("sqlite");
    if (pgUrl() != null) {
      engines.add("postgresql");
    }
    return engines.stream();
  }

  /** The PostgreSQL URL from {@code ACCORD_TEST_PG_URL}, or null. */
  public static String pgUrl() {
    String url = System.getenv("ACCORD_TEST_PG_URL");
    return url == null || url.isBlank() ? null : url;
  }

  /** Opens a fresh, migrated database of the given engine; SQLite lives in {@code dir}. */
  public static Database open(String engine, Path dir) {
    return switch (engine) {
      case "sqlite" -> Database.openEmbedded(dir);
      case "postgresql" -> openFreshPostgres();
      default -> throw new IllegalArgumentException("unknown engine " + engine);
    };
  }

  /** A JDBC URL for a brand-new PostgreSQL schema; the schema is created here. */
  public static String freshPostgresUrl() {
    String base = pgUrl();
    if (base == null) {
      throw new IllegalStateException("ACCORD_TEST_PG_URL is not set");
    }
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    try (Connection connection = DriverManager.getConnection(base);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
      CREATED.add(schema);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test schema: " + e.getMessage(), e);
    }
    return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  private static Database openFreshPostgres() {
    return Database.open(freshPostgresUrl());
  }
}
