package org.accord.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accord.exposure.Deployment;
import org.accord.exposure.GraphChange;
import org.accord.identity.Purl;
import org.accord.sbom.DeploymentRow;
import org.jdbi.v3.core.Handle;

/**
 * Inventory documents and the deployments they declare.
 *
 * <p>A deployment is identified by (operator, site, product version). Storing an inventory creates
 * new deployments and updates the sector, country and criticality of known ones; it never deletes,
 * so an inventory that lists only some of an operator's sites loses nothing. The same bytes stored
 * twice change nothing. Runs inside the caller's transaction. Stateless and thread-safe.
 */
public final class Deployments {
  private Deployments() {}

  /**
   * What storing an inventory did.
   *
   * @param inventoryId the inventory document's id (the earlier one, for a duplicate)
   * @param duplicate true when these exact bytes were stored before and nothing changed
   * @param rows how many deployment rows the inventory has
   * @param operators how many distinct operators it names
   * @param change what the exposure graph must apply; empty for a duplicate
   */
  public record Stored(long inventoryId, boolean duplicate, int rows, int operators, GraphChange change) {}

  /** Stores an inventory's rows, already validated by the reader. */
  public static Stored store(
      Handle handle, List<DeploymentRow> rows, String sha256, String format, long uploaderOrgId, long now) {
    try {
      return storeChecked(handle, rows, sha256, format, uploaderOrgId, now);
    } catch (SQLException e) {
      throw new StoreException("cannot store inventory: " + e.getMessage(), e);
    }
  }

  private static Stored storeChecked(
      Handle handle, List<DeploymentRow> rows, String sha256, String format, long uploaderOrgId, long now)
      throws SQLException {
    Optional<Long> existing =
        handle.createQuery("SELECT id FROM inventory_documents WHERE sha256 = :sha").bind("sha", sha256).mapTo(Long.class).findOne();
    // every row's operator is the uploading organization (the caller checked the rows say so); an
    // inventory never creates an organization
    Map<String, Long> operatorIds = new HashMap<>();
    for (DeploymentRow row : rows) {
      operatorIds.putIfAbsent(row.operator(), uploaderOrgId);
    }
    if (existing.isPresent()) {
      return new Stored(existing.get(), true, rows.size(), operatorIds.size(), GraphChange.ofDeployments(List.of()));
    }
    List<Purl> products = new ArrayList<>(rows.size());
    for (DeploymentRow row : rows) {
      products.add(row.product());
    }
    Catalogue.Resolved catalogue = Catalogue.ensure(handle.getConnection(), products);
    long inventoryId =
        handle
            .createQuery(
                "INSERT INTO inventory_documents (sha256, format, uploader_org_id, uploaded_at, row_count)"
                    + " VALUES (:sha, :format, :uploader, :now, :rows) RETURNING id")
            .bind("sha", sha256)
            .bind("format", format)
            .bind("uploader", uploaderOrgId)
            .bind("now", now)
            .bind("rows", rows.size())
            .mapTo(Long.class)
            .one();
    List<Deployment> deployments = new ArrayList<>(rows.size());
    for (int r = 0; r < rows.size(); r++) {
      DeploymentRow row = rows.get(r);
      long componentId = catalogue.byInput()[r].id();
      long id =
          handle
              .createQuery(
                  "INSERT INTO deployments (operator_org_id, site, sector, country, criticality, product_component_id,"
                      + " inventory_id) VALUES (:operator, :site, :sector, :country, :criticality, :product, :inventory)"
                      + " ON CONFLICT (operator_org_id, site, product_component_id) DO UPDATE SET sector = excluded.sector,"
                      + " country = excluded.country, criticality = excluded.criticality, inventory_id = excluded.inventory_id"
                      + " RETURNING id")
              .bind("operator", operatorIds.get(row.operator()))
              .bind("site", row.site())
              .bind("sector", row.sector().label())
              .bind("country", row.country())
              .bind("criticality", row.criticality().label())
              .bind("product", componentId)
              .bind("inventory", inventoryId)
              .mapTo(Long.class)
              .one();
      deployments.add(
          new Deployment(id, row.operator(), row.site(), row.sector().label(), row.country(), row.criticality().label(), componentId));
    }
    GraphChange change =
        new GraphChange(catalogue.distinct(), List.of(), List.of(), List.of(), deployments);
    return new Stored(inventoryId, false, rows.size(), operatorIds.size(), change);
  }
}
