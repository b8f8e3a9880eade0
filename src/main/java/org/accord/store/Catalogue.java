package org.accord.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
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
  private static final int BATCH = 5_000;
  private static final int LOOKUP_CHUNK = 500;

  private Catalogue() {}

  /**
   * Ensures every PURL is in the catalogue and returns the catalogue nodes, keyed by canonical PURL,
   * in first-seen order.
   */
  public static Map<String, ComponentNode> ensure(Connection connection, Collection<Purl> purls) throws SQLException {
    Map<String, Purl> distinct = new LinkedHashMap<>();
    for (Purl purl : purls) {
      distinct.putIfAbsent(purl.canonical(), purl);
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO components (purl, package_key, version) VALUES (?, ?, ?) ON CONFLICT (purl) DO NOTHING")) {
      int pending = 0;
      for (Map.Entry<String, Purl> entry : distinct.entrySet()) {
        insert.setString(1, entry.getKey());
        insert.setString(2, entry.getValue().packageKey());
        insert.setString(3, entry.getValue().version());
        insert.addBatch();
        if (++pending == BATCH) {
          insert.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        insert.executeBatch();
      }
    }
    Map<String, ComponentNode> nodes = new HashMap<>(distinct.size() * 2);
    List<String> keys = new ArrayList<>(distinct.keySet());
    for (int from = 0; from < keys.size(); from += LOOKUP_CHUNK) {
      List<String> chunk = keys.subList(from, Math.min(keys.size(), from + LOOKUP_CHUNK));
      String sql =
          "SELECT id, purl, package_key, version FROM components WHERE purl IN ("
              + "?,".repeat(chunk.size() - 1)
              + "?)";
      try (PreparedStatement select = connection.prepareStatement(sql)) {
        for (int i = 0; i < chunk.size(); i++) {
          select.setString(i + 1, chunk.get(i));
        }
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            nodes.put(rows.getString(2), new ComponentNode(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4)));
          }
        }
      }
    }
    Map<String, ComponentNode> ordered = new LinkedHashMap<>(distinct.size() * 2);
    for (String key : keys) {
      ComponentNode node = nodes.get(key);
      if (node == null) {
        throw new IllegalStateException("component " + key + " vanished from the catalogue during ingest");
      }
      ordered.put(key, node);
    }
    return ordered;
  }
}
