package org.accord.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.accord.identity.Purl;
import org.accord.synthetic.SyntheticWorld;

/**
 * Loads a whole {@link SyntheticWorld} into an empty store in one pass of batched inserts, for
 * benchmarks at sizes where ingesting files one by one would dominate the run.
 *
 * <p>The rows are exactly what ingest would write, arranged as one catalogue document that asserts
 * every library edge (its root is a generic bench component no edge reaches, so it is never a hit)
 * plus one document per product asserting the product's direct dependencies. Ids are assigned
 * explicitly, so the store must be empty. Not for production data. Stateless; each load is one
 * transaction, rolled back when it fails.
 */
public final class BulkLoad {
  private static final int BATCH = 10_000;

  private BulkLoad() {}

  /** Row counts written. */
  public record Loaded(int components, long edges, int products, int deployments) {}

  /**
   * Loads the world.
   *
   * @throws IllegalStateException if the store is not empty or a statement fails
   */
  public static Loaded load(Database database, SyntheticWorld world, long now) {
    try (Connection connection = database.dataSource().getConnection()) {
      connection.setAutoCommit(false);
      try {
        Loaded loaded = write(connection, world, now);
        connection.commit();
        return loaded;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("bulk load failed: " + e.getMessage(), e);
    }
  }

  private static Loaded write(Connection connection, SyntheticWorld world, long now) throws SQLException {
    try (var check = connection.createStatement();
        var rows = check.executeQuery("SELECT COUNT(*) FROM components")) {
      rows.next();
      if (rows.getLong(1) != 0) {
        throw new IllegalStateException("bulk load needs an empty store");
      }
    }
    // Organizations: the bench uploader, vendors, operators, after those every store has (local).
    long firstOrg;
    try (var check = connection.createStatement();
        var rows = check.executeQuery("SELECT COALESCE(MAX(id), 0) FROM organizations")) {
      rows.next();
      firstOrg = rows.getLong(1) + 1;
    }
    Map<String, Long> orgs = new HashMap<>();
    Map<String, String> kinds = new HashMap<>();
    orgs.put("accord-bench", firstOrg);
    kinds.put("accord-bench", "cert");
    for (SyntheticWorld.Product product : world.products()) {
      orgs.putIfAbsent(product.vendor(), firstOrg + orgs.size());
      kinds.putIfAbsent(product.vendor(), "vendor");
    }
    for (SyntheticWorld.Site site : world.sites()) {
      orgs.putIfAbsent(site.operator(), firstOrg + orgs.size());
      kinds.putIfAbsent(site.operator(), "operator");
    }
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO organizations (id, name, kind, created_at) VALUES (?, ?, ?, ?)")) {
      Batch batch = new Batch(insert, BATCH);
      for (Map.Entry<String, Long> org : orgs.entrySet()) {
        insert.setLong(1, org.getValue());
        insert.setString(2, org.getKey());
        insert.setString(3, kinds.get(org.getKey()));
        insert.setLong(4, now);
        batch.add();
      }
      batch.finish();
    }

    // Components: library versions get ids 1..V, products V+1..V+P, the catalogue root V+P+1.
    int versions = world.versionCount();
    List<SyntheticWorld.Product> products = world.products();
    long catalogueRoot = (long) versions + products.size() + 1;
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO components (id, purl, package_key, version) VALUES (?, ?, ?, ?)")) {
      Batch batch = new Batch(insert, BATCH);
      for (int v = 0; v < versions; v++) {
        component(insert, v + 1L, world.versionPurl(v));
        batch.add();
      }
      for (int p = 0; p < products.size(); p++) {
        component(insert, versions + p + 1L, products.get(p).purl());
        batch.add();
      }
      component(insert, catalogueRoot, "pkg:generic/accord-bench/library-graph@1");
      batch.add();
      batch.finish();
    }

    // Products and documents: product p has product id p+1 and document p+1; the catalogue is last.
    try (PreparedStatement product =
            connection.prepareStatement("INSERT INTO products (id, component_id, org_id, name, document_id) VALUES (?, ?, ?, ?, ?)");
        PreparedStatement document =
            connection.prepareStatement(
                "INSERT INTO sbom_documents (id, sha256, product_id, format, spec_version, uploader_org_id, uploaded_at,"
                    + " component_count, edge_count, warnings) VALUES (?, ?, ?, 'CYCLONEDX_JSON', '1.6', " + firstOrg + ", ?, ?, ?, '[]')")) {
      Batch products1 = new Batch(product, BATCH);
      for (int p = 0; p <= products.size(); p++) {
        boolean catalogue = p == products.size();
        long id = p + 1L;
        product.setLong(1, id);
        product.setLong(2, catalogue ? catalogueRoot : versions + p + 1L);
        product.setLong(3, catalogue ? firstOrg : orgs.get(products.get(p).vendor()));
        product.setString(4, catalogue ? "library graph" : products.get(p).name());
        product.setLong(5, id);
        products1.add();
      }
      products1.finish();
      Batch documents = new Batch(document, BATCH);
      for (int p = 0; p <= products.size(); p++) {
        boolean catalogue = p == products.size();
        document.setLong(1, p + 1L);
        document.setString(2, String.format("%064x", p + 1L));
        document.setLong(3, p + 1L);
        document.setLong(4, now);
        document.setInt(5, catalogue ? versions : products.get(p).directDependencies().length + 1);
        document.setLong(6, catalogue ? world.edgeCount() : products.get(p).directDependencies().length);
        documents.add();
      }
      documents.finish();
    }

    long edges = 0;
    long catalogueDocument = products.size() + 1L;
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO edges (document_id, parent_id, child_id, relation, inferred) VALUES (?, ?, ?, ?, 0)")) {
      Batch batch = new Batch(insert, BATCH);
      for (int p = 0; p < products.size(); p++) {
        for (int dep : products.get(p).directDependencies()) {
          edge(insert, p + 1L, versions + p + 1L, dep + 1L, 0);
          batch.add();
          edges++;
        }
      }
      for (int v = 0; v < versions; v++) {
        for (int dep : world.dependenciesOf(v)) {
          edge(insert, catalogueDocument, v + 1L, dep + 1L, 0);
          batch.add();
          edges++;
        }
        if (world.forkOf(v) >= 0) {
          edge(insert, catalogueDocument, v + 1L, world.forkOf(v) + 1L, 1);
          batch.add();
          edges++;
        }
      }
      batch.finish();
    }

    try (PreparedStatement inventory =
            connection.prepareStatement(
                "INSERT INTO inventory_documents (id, sha256, format, uploader_org_id, uploaded_at, row_count) VALUES (1, ?, 'csv', " + firstOrg + ", ?, ?)");
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO deployments (id, operator_org_id, site, sector, country, criticality, product_component_id,"
                    + " inventory_id) VALUES (?, ?, ?, ?, ?, ?, ?, 1) ON CONFLICT (operator_org_id, site, product_component_id) DO NOTHING")) {
      inventory.setString(1, String.format("%064x", 0L));
      inventory.setLong(2, now);
      inventory.setInt(3, world.sites().size());
      inventory.executeUpdate();
      Batch batch = new Batch(insert, BATCH);
      long id = 1;
      for (SyntheticWorld.Site site : world.sites()) {
        insert.setLong(1, id++);
        insert.setLong(2, orgs.get(site.operator()));
        insert.setString(3, site.site());
        insert.setString(4, site.sector());
        insert.setString(5, site.country());
        insert.setString(6, site.criticality());
        insert.setLong(7, versions + site.product() + 1L);
        batch.add();
      }
      batch.finish();
    }
    resyncIdentities(connection);
    return new Loaded(versions + products.size() + 1, edges, products.size(), world.sites().size());
  }

  /**
   * On PostgreSQL, moves each identity column written with explicit ids past the highest one, so rows
   * inserted later (an organization created after the load) get fresh ids; SQLite's need nothing.
   */
  private static void resyncIdentities(Connection connection) throws SQLException {
    if (!connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
      return;
    }
    try (var statement = connection.createStatement()) {
      for (String table : List.of("organizations", "components", "products", "sbom_documents", "inventory_documents", "deployments")) {
        statement.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), (SELECT COALESCE(MAX(id), 0) + 1 FROM " + table
            + "), false)");
      }
    }
  }

  private static void component(PreparedStatement insert, long id, String purl) throws SQLException {
    Purl parsed = Purl.parse(purl);
    insert.setLong(1, id);
    insert.setString(2, parsed.canonical());
    insert.setString(3, parsed.packageKey());
    insert.setString(4, parsed.version());
  }

  private static void edge(PreparedStatement insert, long document, long parent, long child, int relation) throws SQLException {
    insert.setLong(1, document);
    insert.setLong(2, parent);
    insert.setLong(3, child);
    insert.setInt(4, relation);
  }
}
