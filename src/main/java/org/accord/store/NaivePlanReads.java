package org.accord.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.accord.party.ProductClaim;
import org.jdbi.v3.core.Handle;

/**
 * The deliberately naive reading of a notification plan's inputs that {@code accord bench plan}
 * measures the real path against (ADR 0135): the affected product versions by a recursive CTE over the
 * edges (no graph index), then for each affected product version its covering claims, its SBOM
 * uploaders and its deployments, one query each (and one more per claim found). Nothing serves from
 * this; it exists to be slower. Stateless and thread-safe; methods run on the caller's handle.
 */
public final class NaivePlanReads {
  private NaivePlanReads() {}

  /**
   * A component reached upwards from the matched versions.
   *
   * @param id the component id
   * @param purl its PURL
   * @param depth the length of its shortest path down to a matched version
   * @param via the id of a component one step down that path, or -1 for a matched version itself
   * @param product whether it is a product version with a document
   */
  public record Reached(long id, String purl, int depth, long via, boolean product) {}

  /**
   * Every component from which a matched version is reachable, with a shortest path's next step, in one
   * statement: a recursive CTE up the edges (as {@link GraphStore#whereUsedBySql} does, to the same
   * depth), its nearest depth per component, and for each one child at the depth below.
   *
   * @param matched the matched versions' component ids
   */
  public static Map<Long, Reached> reach(Handle handle, Collection<Long> matched) {
    Map<Long, Reached> reached = new LinkedHashMap<>();
    if (matched.isEmpty()) {
      return reached;
    }
    handle.createQuery(
            "WITH RECURSIVE up(id, depth) AS (SELECT id, 0 FROM components WHERE id IN (<ids>)"
                + " UNION SELECT e.parent_id, up.depth + 1 FROM edges e JOIN up ON e.child_id = up.id"
                + " WHERE up.depth < " + GraphStore.MAX_SQL_DEPTH + "),"
                + " nearest(id, depth) AS (SELECT id, MIN(depth) FROM up GROUP BY id),"
                + " via(id, child) AS (SELECT e.parent_id, MIN(e.child_id) FROM nearest nc JOIN edges e ON e.child_id = nc.id"
                + " JOIN nearest np ON np.id = e.parent_id AND np.depth = nc.depth + 1 GROUP BY e.parent_id)"
                + " SELECT n.id, c.purl, n.depth, v.child, p.id AS product FROM nearest n JOIN components c ON c.id = n.id"
                + " LEFT JOIN via v ON v.id = n.id LEFT JOIN products p ON p.component_id = n.id AND p.document_id IS NOT NULL")
        .bindList("ids", List.copyOf(matched))
        .map((rs, ctx) -> {
          long via = rs.getLong(4);
          boolean root = rs.wasNull();
          rs.getLong(5);
          boolean product = !rs.wasNull();
          return new Reached(rs.getLong(1), rs.getString(2), rs.getInt(3), root ? -1 : via, product);
        })
        .forEach(r -> reached.put(r.id(), r));
    return reached;
  }

  /** The approved claims whose namespace covers {@code packageKey} (the package, or a prefix of it): one query, then one per claim. */
  public static List<ProductClaim> covering(Handle handle, String packageKey) {
    List<String> ids = handle.createQuery(
            "SELECT public_id FROM product_claims WHERE state = 'approved' AND (namespace = :key"
                + " OR (substr(namespace, length(namespace), 1) = '/' AND substr(:key, 1, length(namespace)) = namespace))")
        .bind("key", packageKey)
        .mapTo(String.class)
        .list();
    List<ProductClaim> claims = new ArrayList<>();
    ids.forEach(id -> Claims.byId(handle, id).ifPresent(claims::add));
    return claims;
  }

  /** A deployment of one product version. */
  public record DeploymentRow(String operator, String site, String sector, String country, String criticality) {}

  /** The deployments of one product version, with their operator's name, sector, country and criticality. */
  public static List<DeploymentRow> deployments(Handle handle, long productComponentId) {
    return handle.createQuery(
            "SELECT o.name, d.site, d.sector, d.country, d.criticality FROM deployments d"
                + " JOIN organizations o ON o.id = d.operator_org_id WHERE d.product_component_id = :id ORDER BY o.name, d.site")
        .bind("id", productComponentId)
        .map((rs, ctx) -> new DeploymentRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
        .list();
  }
}
