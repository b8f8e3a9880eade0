package org.accord.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.accord.exposure.ComponentNode;
import org.accord.identity.Purl;

/**
 * The global component catalogue: one row per canonical PURL, shared by every SBOM and inventory.
 * Stateless and thread-safe; methods run on the caller's connection and transaction.
 */
public final class Catalogue {
  private static final int ROWS_PER_INSERT = 200;
  private static final int LOOKUP_CHUNK = 4_000;

  private Catalogue() {}

  /**
   * The catalogue nodes of a list of PURLs.
   *
   * @param byInput the node of each input PURL, at the same index (equal PURLs share a node)
   * @param distinct the distinct nodes, in first-seen order
   */
  public record Resolved(ComponentNode[] byInput, List<ComponentNode> distinct) {}

  /** Ensures every PURL is in the catalogue and returns their catalogue nodes. */
  public static Resolved ensure(Connection connection, List<Purl> purls) throws SQLException {
    // Canonical strings are built once, in parallel for large documents (a few microseconds each).
    String[] canonical =
        (purls.size() > 4096 ? purls.parallelStream() : purls.stream()).map(Purl::canonical).toArray(String[]::new);
    Map<String, Purl> distinct = new LinkedHashMap<>();
    for (int i = 0; i < canonical.length; i++) {
      distinct.putIfAbsent(canonical[i], purls.get(i));
    }
    // New rows get ids above the current maximum, so they are read back with one range scan; only the
    // PURLs that were already catalogued (their insert did nothing) are looked up by value.
    long maxBefore;
    try (Statement max = connection.createStatement();
        ResultSet rows = max.executeQuery("SELECT COALESCE(MAX(id), 0) FROM components")) {
      rows.next();
      maxBefore = rows.getLong(1);
    }
    // Inserted in PURL order, so new rows append to the unique index instead of landing at random
    // pages, and ROWS_PER_INSERT rows per statement, which saves a round of binding and stepping a row.
    List<Map.Entry<String, Purl>> sorted = new ArrayList<>(distinct.entrySet());
    sorted.sort(Map.Entry.comparingByKey());
    int full = sorted.size() / ROWS_PER_INSERT * ROWS_PER_INSERT;
    try (PreparedStatement many = connection.prepareStatement(insertSql(ROWS_PER_INSERT))) {
      for (int from = 0; from < full; from += ROWS_PER_INSERT) {
        bindRows(many, sorted, from, ROWS_PER_INSERT);
        many.executeUpdate();
      }
    }
    if (full < sorted.size()) {
      try (PreparedStatement rest = connection.prepareStatement(insertSql(sorted.size() - full))) {
        bindRows(rest, sorted, full, sorted.size() - full);
        rest.executeUpdate();
      }
    }
    Map<String, ComponentNode> nodes = new HashMap<>(distinct.size() * 2);
    try (PreparedStatement select = connection.prepareStatement("SELECT id, purl FROM components WHERE id > ?")) {
      select.setLong(1, maxBefore);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          String purl = rows.getString(2);
          Purl known = distinct.get(purl);
          if (known != null) {
            nodes.put(purl, new ComponentNode(rows.getLong(1), purl, Purl.packageKeyOf(purl), known.version()));
          }
        }
      }
    }
    List<String> lookup = new ArrayList<>();
    for (String key : distinct.keySet()) {
      if (!nodes.containsKey(key)) {
        lookup.add(key);
      }
    }
    for (int from = 0; from < lookup.size(); from += LOOKUP_CHUNK) {
      List<String> chunk = lookup.subList(from, Math.min(lookup.size(), from + LOOKUP_CHUNK));
      String sql =
          "SELECT id, purl, package_key, version FROM components WHERE purl IN ("
              + "?,".repeat(chunk.size() - 1)
              + "?)";
      try (PreparedStatement select = connection.prepareStatement(sql)) {
        for (int i = 0; i < chunk.size(); i++) {
          select.setString(i + 1, chunk.get(i));
        }
        collect(select, distinct.keySet(), nodes);
      }
    }
    List<ComponentNode> ordered = new ArrayList<>(distinct.size());
    for (String key : distinct.keySet()) {
      ordered.add(require(nodes, key));
    }
    ComponentNode[] byInput = new ComponentNode[canonical.length];
    for (int i = 0; i < canonical.length; i++) {
      byInput[i] = require(nodes, canonical[i]);
    }
    return new Resolved(byInput, ordered);
  }

  private static ComponentNode require(Map<String, ComponentNode> nodes, String key) {
    ComponentNode node = nodes.get(key);
    if (node == null) {
      throw new IllegalStateException("component " + key + " vanished from the catalogue during ingest");
    }
    return node;
  }

  private static String insertSql(int rows) {
    return "INSERT INTO components (purl, package_key, version) VALUES "
        + "(?, ?, ?),".repeat(rows - 1)
        + "(?, ?, ?) ON CONFLICT (purl) DO NOTHING";
  }

  private static void bindRows(PreparedStatement insert, List<Map.Entry<String, Purl>> rows, int from, int count)
      throws SQLException {
    for (int i = 0; i < count; i++) {
      Map.Entry<String, Purl> row = rows.get(from + i);
      insert.setString(i * 3 + 1, row.getKey());
      insert.setString(i * 3 + 2, Purl.packageKeyOf(row.getKey()));
      insert.setString(i * 3 + 3, row.getValue().version());
    }
  }

  private static void collect(PreparedStatement select, java.util.Set<String> wanted, Map<String, ComponentNode> nodes)
      throws SQLException {
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        String purl = rows.getString(2);
        if (wanted.contains(purl)) {
          nodes.put(purl, new ComponentNode(rows.getLong(1), purl, rows.getString(3), rows.getString(4)));
        }
      }
    }
  }
}
