package org.accord.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.accord.exposure.ComponentNode;
import org.accord.exposure.Deployment;
import org.accord.exposure.ExposureGraph;

/**
 * Reads the store into an {@link ExposureGraph}, and answers where-used the way a pure-SQL tool does
 * (a recursive CTE), as the baseline the graph index is measured against. Stateless and thread-safe.
 */
public final class GraphStore {
  private static final int FETCH = 10_000;

  private GraphStore() {}

  /**
   * Loads every component, product, live edge and deployment into a builder, and returns the id of
   * the newest change in the change feed (V32, ADR 0146) that the loaded state holds: all of it is read
   * in one snapshot, so a replica that applies the feed after that id neither misses nor repeats one.
   */
  public static long load(Database database, ExposureGraph.Builder builder) {
    try (Connection connection = database.dataSource().getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      int isolation = connection.getTransactionIsolation();
      if (database.dialect() == Database.Dialect.POSTGRESQL) {
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ); // one snapshot for every statement
      }
      connection.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
      try {
        long[] position = new long[1];
        stream(connection, "SELECT COALESCE(MAX(id), 0) FROM changes", rows -> position[0] = rows.getLong(1));
        stream(connection, "SELECT id, purl, package_key, version FROM components ORDER BY id", rows -> builder.addComponent(
            new ComponentNode(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4))));
        stream(connection, "SELECT component_id FROM products WHERE document_id IS NOT NULL", rows -> builder.addProduct(rows.getLong(1)));
        stream(connection, "SELECT parent_id, child_id FROM edges", rows -> builder.addEdge(rows.getLong(1), rows.getLong(2)));
        stream(
            connection,
            "SELECT d.id, o.name, d.site, d.sector, d.country, d.criticality, d.product_component_id"
                + " FROM deployments d JOIN organizations o ON o.id = d.operator_org_id ORDER BY d.id",
            rows ->
                builder.addDeployment(
                    new Deployment(
                        rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getString(5), rows.getString(6), rows.getLong(7))));
        connection.commit();
        return position[0];
      } finally {
        connection.setAutoCommit(autoCommit);
        connection.setTransactionIsolation(isolation);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot load the exposure graph from the store: " + e.getMessage(), e);
    }
  }

  /**
   * The SQL answer to where-used for the given matched component ids, as a pure-SQL tool computes it:
   * a recursive CTE walks the edges upwards carrying the depth, the minimum depth per node is the
   * length of its shortest path to a matched version, and every reachable product version and
   * deployment comes back with it. Depth is bounded by {@link #MAX_SQL_DEPTH}, because a recursive CTE
   * over a graph with cycles must stop somewhere.
   */
  public static SqlAnswer whereUsedBySql(Database database, Collection<Long> matchedIds) {
    if (matchedIds.isEmpty()) {
      return new SqlAnswer(Map.of(), Map.of());
    }
    String in = "?,".repeat(matchedIds.size() - 1) + "?";
    String sql =
        "WITH RECURSIVE up(id, depth) AS (SELECT id, 0 FROM components WHERE id IN (" + in + ")"
            + " UNION SELECT e.parent_id, up.depth + 1 FROM edges e JOIN up ON e.child_id = up.id"
            + " WHERE up.depth < " + MAX_SQL_DEPTH + "),"
            + " nearest(id, depth) AS (SELECT id, MIN(depth) FROM up GROUP BY id)"
            + " SELECT 0, c.purl, n.depth FROM nearest n JOIN products p ON p.component_id = n.id"
            + " JOIN components c ON c.id = n.id WHERE p.document_id IS NOT NULL"
            + " UNION ALL SELECT 1, o.name || '|' || d.site || '|' || c.purl, n.depth FROM nearest n"
            + " JOIN deployments d ON d.product_component_id = n.id JOIN organizations o ON o.id = d.operator_org_id"
            + " JOIN components c ON c.id = d.product_component_id";
    Map<String, Integer> products = new HashMap<>();
    Map<String, Integer> deployments = new HashMap<>();
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      int index = 1;
      for (long id : matchedIds) {
        statement.setLong(index++, id);
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          (rows.getInt(1) == 0 ? products : deployments).put(rows.getString(2), rows.getInt(3));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("where-used by SQL failed: " + e.getMessage(), e);
    }
    return new SqlAnswer(products, deployments);
  }

  /**
   * Reachability only, the cheapest SQL answer: the PURLs of every reachable product version, without
   * path lengths. A second baseline, so that the speedup over SQL that does less work is visible too.
   */
  public static java.util.Set<String> reachableProductsBySql(Database database, Collection<Long> matchedIds) {
    java.util.Set<String> products = new java.util.HashSet<>();
    if (matchedIds.isEmpty()) {
      return products;
    }
    String sql =
        "WITH RECURSIVE up(id) AS (SELECT id FROM components WHERE id IN (" + "?,".repeat(matchedIds.size() - 1) + "?)"
            + " UNION SELECT e.parent_id FROM edges e JOIN up ON e.child_id = up.id)"
            + " SELECT c.purl FROM up JOIN products p ON p.component_id = up.id JOIN components c ON c.id = up.id"
            + " WHERE p.document_id IS NOT NULL";
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      int index = 1;
      for (long id : matchedIds) {
        statement.setLong(index++, id);
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          products.add(rows.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reachability by SQL failed: " + e.getMessage(), e);
    }
    return products;
  }

  /** The depth at which the SQL baseline stops; far beyond any shortest path in real or generated graphs. */
  public static final int MAX_SQL_DEPTH = 40;

  /** Component ids of a package's versions, with their versions, for the SQL baseline's range check. */
  public static List<ComponentNode> versionsOf(Database database, String packageKey) {
    return database
        .jdbi()
        .withHandle(
            handle ->
                handle
                    .createQuery("SELECT id, purl, package_key, version FROM components WHERE package_key = :key")
                    .bind("key", packageKey)
                    .map((rs, ctx) -> new ComponentNode(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                    .list());
  }

  /**
   * The SQL baseline's answer.
   *
   * @param products PURLs of reachable product versions, with the length of their shortest path
   * @param deployments reachable deployments as {@code operator|site|product PURL}, with the length of
   *     their product's shortest path
   */
  public record SqlAnswer(Map<String, Integer> products, Map<String, Integer> deployments) {}

  @FunctionalInterface
  private interface RowConsumer {
    void accept(ResultSet rows) throws SQLException;
  }

  private static void stream(Connection connection, String sql, RowConsumer consumer) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.setFetchSize(FETCH);
      try (ResultSet rows = statement.executeQuery(sql)) {
        while (rows.next()) {
          consumer.accept(rows);
        }
      }
    }
  }
}
