package org.accord.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accord.exposure.ComponentNode;
import org.accord.exposure.GraphChange;
import org.accord.identity.Purl;
import org.accord.sbom.Bom;
import org.accord.sbom.BomComponent;
import org.accord.sbom.BomEdge;
import org.jdbi.v3.core.Handle;

/**
 * SBOM documents and the edges they assert.
 *
 * <p>Rules (ADR 0092): documents belong to the organization that uploaded them. A document is identified
 * by the SHA-256 of its bytes and its uploader, so the same uploader storing the same bytes again
 * changes nothing, while another organization's upload of those bytes is its own document. The
 * document's root is a product version; an uploader's newer document for the same product version
 * replaces only that uploader's older one (the older row stays, marked {@code replaced_by}, for the
 * record), and an uploader re-sending bytes it had replaced makes them live again. Each organization's
 * live document adds its edges to the graph; an edge leaves the graph when no live document asserts
 * it. Every method runs inside the caller's transaction, so a failure leaves nothing behind.
 * Stateless and thread-safe.
 */
public final class SbomDocuments {
  private static final int BATCH = 5_000;
  private static final int RELATION_DEPENDS_ON = 0;
  private static final int RELATION_FORK_OF = 1;

  private SbomDocuments() {}

  /**
   * What storing a document did.
   *
   * @param documentId the document's id (the earlier one, for a duplicate)
   * @param duplicate true when these exact bytes were stored before and nothing changed
   * @param productPurl the product version the document describes
   * @param components how many distinct components it lists, root included
   * @param edges how many distinct edges it asserts
   * @param warnings the reader's warnings
   * @param replaced the id of the document it replaced, or 0
   * @param change what the exposure graph must apply; empty for a duplicate
   */
  public record Stored(
      long documentId,
      boolean duplicate,
      String productPurl,
      int components,
      int edges,
      List<String> warnings,
      long replaced,
      GraphChange change) {}

  /** A stored document's metadata. */
  public record DocumentInfo(
      long id, String sha256, String productPurl, String format, String specVersion, String uploader,
      long uploadedAt, int components, int edges, List<String> warnings, long replacedBy) {}

  /**
   * Stores a document. The caller runs this inside one transaction.
   *
   * @param sha256 hex SHA-256 of the document's bytes
   */
  public static Stored store(Handle handle, Bom bom, String sha256, long uploaderOrgId, long now) {
    try {
      return storeChecked(handle, bom, sha256, uploaderOrgId, now);
    } catch (SQLException e) {
      throw new StoreException("cannot store SBOM document: " + e.getMessage(), e);
    }
  }

  private static Stored storeChecked(Handle handle, Bom bom, String sha256, long uploaderOrgId, long now)
      throws SQLException {
    Optional<DocumentInfo> existing = findBySha256(handle, sha256, uploaderOrgId);
    if (existing.isPresent() && existing.get().replacedBy() == 0) {
      DocumentInfo info = existing.get();
      return new Stored(
          info.id(), true, info.productPurl(), info.components(), info.edges(), info.warnings(), 0,
          new GraphChange(List.of(), List.of(), List.of(), List.of(), List.of()));
    }
    Connection connection = handle.getConnection();

    List<Purl> purls = new ArrayList<>(bom.components().size() + 1);
    purls.add(bom.root().purl());
    for (BomComponent component : bom.components()) {
      purls.add(component.purl());
    }
    Catalogue.Resolved catalogue = Catalogue.ensure(connection, purls);
    Map<String, Long> idByRef = new HashMap<>(bom.components().size() * 2 + 2);
    ComponentNode[] nodes = catalogue.byInput();
    String rootKey = nodes[0].purl();
    long rootId = nodes[0].id();
    idByRef.put(bom.root().ref(), rootId);
    for (int i = 0; i < bom.components().size(); i++) {
      idByRef.put(bom.components().get(i).ref(), nodes[i + 1].id());
    }

    long productId = ensureProduct(handle, rootId, uploaderOrgId, bom);
    // The uploader's own live document for this product version; other organizations' stay as they are.
    Long previous =
        handle.createQuery(
                "SELECT id FROM sbom_documents WHERE product_id = :product AND uploader_org_id = :uploader AND replaced_by IS NULL")
            .bind("product", productId)
            .bind("uploader", uploaderOrgId)
            .mapTo(Long.class)
            .findFirst()
            .orElse(null);

    // Distinct (parent, child, relation) edges; a pair is inferred only if every assertion of it is.
    EdgeSet assertions = new EdgeSet();
    for (BomEdge edge : bom.edges()) {
      Long parent = idByRef.get(edge.parentRef());
      Long child = idByRef.get(edge.childRef());
      if (parent == null || child == null) {
        throw new IllegalStateException("reader produced an edge to an unknown ref: " + edge);
      }
      if (parent.equals(child)) {
        continue; // two refs for one PURL: the edge says nothing about the graph
      }
      int relation = edge.relation() == BomEdge.Relation.FORK_OF ? RELATION_FORK_OF : RELATION_DEPENDS_ON;
      assertions.add(parent, child, relation, edge.inferred());
    }
    EdgeSet.Edge[] edges = assertions.distinct();

    long documentId;
    if (existing.isPresent()) {
      // The uploader's own earlier bytes, replaced since: they become its live document again.
      documentId = existing.get().id();
      handle.createUpdate("UPDATE sbom_documents SET replaced_by = NULL WHERE id = :id").bind("id", documentId).execute();
    } else {
      documentId =
        handle
            .createQuery(
                "INSERT INTO sbom_documents (sha256, product_id, format, spec_version, uploader_org_id, uploaded_at,"
                    + " component_count, edge_count, warnings) VALUES (:sha, :product, :format, :spec, :uploader, :now,"
                    + " :components, :edges, :warnings) RETURNING id")
            .bind("sha", sha256)
            .bind("product", productId)
            .bind("format", bom.format().name())
            .bind("spec", bom.specVersion())
            .bind("uploader", uploaderOrgId)
            .bind("now", now)
            .bind("components", catalogue.distinct().size())
            .bind("edges", edges.length)
            .bind("warnings", JsonColumns.toJson(bom.warnings()))
            .mapTo(Long.class)
            .one();
    }

    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO edges (document_id, parent_id, child_id, relation, inferred) VALUES (?, ?, ?, ?, ?)")) {
      Batch batch = new Batch(insert, BATCH);
      for (EdgeSet.Edge key : edges) {
        insert.setLong(1, documentId);
        insert.setLong(2, key.parent());
        insert.setLong(3, key.child());
        insert.setInt(4, key.relation());
        insert.setInt(5, key.inferred() ? 1 : 0);
        batch.add();
      }
      batch.finish();
    }
    List<GraphChange.Edge> removed = previous == null ? List.of() : retire(handle, previous, documentId);
    handle
        .createUpdate("UPDATE products SET document_id = :doc WHERE id = :id")
        .bind("doc", documentId)
        .bind("id", productId)
        .execute();

    List<GraphChange.Edge> added = new ArrayList<>(edges.length);
    for (EdgeSet.Edge key : edges) {
      added.add(new GraphChange.Edge(key.parent(), key.child()));
    }
    GraphChange change =
        new GraphChange(catalogue.distinct(), List.of(rootId), added, removed, List.of());
    return new Stored(
        documentId, false, rootKey, catalogue.distinct().size(), edges.length, bom.warnings(), previous == null ? 0 : previous, change);
  }

  /**
   * Removes the edges of a replaced document and returns those no other live document asserts, which
   * the graph must drop.
   */
  private static List<GraphChange.Edge> retire(Handle handle, long oldDocument, long newDocument) {
    List<GraphChange.Edge> orphaned =
        handle
            .createQuery(
                "SELECT DISTINCT e.parent_id, e.child_id FROM edges e WHERE e.document_id = :old AND NOT EXISTS"
                    + " (SELECT 1 FROM edges o WHERE o.child_id = e.child_id AND o.parent_id = e.parent_id"
                    + " AND o.document_id <> :old)")
            .bind("old", oldDocument)
            .map((rs, ctx) -> new GraphChange.Edge(rs.getLong(1), rs.getLong(2)))
            .list();
    handle.createUpdate("DELETE FROM edges WHERE document_id = :old").bind("old", oldDocument).execute();
    handle
        .createUpdate("UPDATE sbom_documents SET replaced_by = :new WHERE id = :old")
        .bind("new", newDocument)
        .bind("old", oldDocument)
        .execute();
    return orphaned;
  }

  private static long ensureProduct(Handle handle, long rootId, long orgId, Bom bom) {
    String name = bom.root().name().isEmpty() ? bom.root().purl().name() : bom.root().name();
    handle
        .createUpdate(
            "INSERT INTO products (component_id, org_id, name) VALUES (:component, :org, :name)"
                + " ON CONFLICT (component_id) DO NOTHING")
        .bind("component", rootId)
        .bind("org", orgId)
        .bind("name", name)
        .execute();
    return handle
        .createQuery("SELECT id FROM products WHERE component_id = :component")
        .bind("component", rootId)
        .mapTo(Long.class)
        .one();
  }

  /** The document with this SHA-256 that this organization uploaded, if stored. */
  public static Optional<DocumentInfo> findBySha256(Handle handle, String sha256, long uploaderOrgId) {
    return find(handle, "d.sha256 = :key AND d.uploader_org_id = " + uploaderOrgId, sha256);
  }

  /**
   * The organizations whose live SBOM documents describe each of these product versions (canonical
   * PURLs), by name; products without a live document are absent.
   */
  public static Map<String, List<org.accord.party.Organization>> liveUploaders(
      Handle handle, java.util.Collection<String> productPurls) {
    Map<String, List<org.accord.party.Organization>> uploaders = new java.util.LinkedHashMap<>();
    List<String> purls = List.copyOf(new java.util.LinkedHashSet<>(productPurls));
    for (int from = 0; from < purls.size(); from += 500) {
      handle.createQuery(
              "SELECT c.purl, o.id, o.name, o.kind, o.country, o.contact_email FROM sbom_documents d JOIN products p ON p.id = d.product_id"
                  + " JOIN components c ON c.id = p.component_id JOIN organizations o ON o.id = d.uploader_org_id"
                  + " WHERE d.replaced_by IS NULL AND c.purl IN (<purls>) ORDER BY o.name")
          .bindList("purls", purls.subList(from, Math.min(purls.size(), from + 500)))
          .map((rs, ctx) -> Map.entry(rs.getString(1), Organizations.read(rs)))
          .forEach(entry -> uploaders.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(entry.getValue()));
    }
    return uploaders;
  }

  /** The document with this id, if stored. */
  public static Optional<DocumentInfo> findById(Handle handle, long id) {
    return find(handle, "d.id = :key", id);
  }

  private static Optional<DocumentInfo> find(Handle handle, String condition, Object key) {
    return handle
        .createQuery(
            "SELECT d.id, d.sha256, c.purl, d.format, d.spec_version, o.name, d.uploaded_at, d.component_count,"
                + " d.edge_count, d.warnings, d.replaced_by FROM sbom_documents d"
                + " JOIN products p ON p.id = d.product_id JOIN components c ON c.id = p.component_id"
                + " JOIN organizations o ON o.id = d.uploader_org_id WHERE "
                + condition)
        .bind("key", key)
        .map(
            (rs, ctx) ->
                new DocumentInfo(
                    rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), rs.getLong(7), rs.getInt(8), rs.getInt(9), JsonColumns.fromJson(rs.getString(10), "warnings column"),
                    rs.getLong(11)))
        .findOne();
  }
}
