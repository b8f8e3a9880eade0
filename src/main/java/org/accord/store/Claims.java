package org.accord.store;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.accord.party.ClaimState;
import org.accord.party.Organization;
import org.accord.party.ProductClaim;
import org.jdbi.v3.core.Handle;

/**
 * Product claims (ADR 0091). Each claim has a random public id ({@code clm_} and 16 hex digits; not the
 * row id, which would tell how many claims the instance has). The schema keeps at most one approved
 * claim per namespace and one open claim per organization and namespace. Stateless and thread-safe;
 * methods run on the caller's handle and transaction.
 */
public final class Claims {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String SELECT =
      "SELECT c.public_id, c.namespace, c.state, c.reason, c.created_at, c.decided_at,"
          + " o.id, o.name, o.kind, o.country, o.contact_email"
          + " FROM product_claims c JOIN organizations o ON o.id = c.org_id";

  private Claims() {}

  /** Stores a new pending claim of {@code organization} on {@code namespace} (a canonical package key or prefix). */
  public static ProductClaim create(Handle handle, Organization organization, String namespace, long now) {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    String id = "clm_" + HexFormat.of().formatHex(bytes);
    handle.createUpdate(
            "INSERT INTO product_claims (public_id, org_id, namespace, state, reason, created_at)"
                + " VALUES (:id, :org, :namespace, :state, '', :now)")
        .bind("id", id)
        .bind("org", organization.id())
        .bind("namespace", namespace)
        .bind("state", ClaimState.PENDING.label())
        .bind("now", now)
        .execute();
    return new ProductClaim(id, organization, namespace, ClaimState.PENDING, "", Instant.ofEpochMilli(now), null);
  }

  /** Writes a decision made with {@link ProductClaim#decide}; false if the claim was no longer pending. */
  public static boolean decide(Handle handle, ProductClaim decided) {
    return handle.createUpdate(
            "UPDATE product_claims SET state = :state, reason = :reason, decided_at = :at"
                + " WHERE public_id = :id AND state = :pending")
        .bind("state", decided.state().label())
        .bind("reason", decided.reason())
        .bind("at", decided.decided().toEpochMilli())
        .bind("id", decided.id())
        .bind("pending", ClaimState.PENDING.label())
        .execute() == 1;
  }

  /** The claim with this public id, if any. */
  public static Optional<ProductClaim> byId(Handle handle, String id) {
    return handle.createQuery(SELECT + " WHERE c.public_id = :id").bind("id", id == null ? "" : id.strip())
        .map((rs, ctx) -> read(rs)).findOne();
  }

  /** Every claim of one organization, or of all when {@code organization} is null; oldest first. */
  public static List<ProductClaim> list(Handle handle, Organization organization) {
    String where = organization == null ? "" : " WHERE c.org_id = :org";
    var query = handle.createQuery(SELECT + where + " ORDER BY c.created_at, c.public_id");
    if (organization != null) {
      query.bind("org", organization.id());
    }
    return query.map((rs, ctx) -> read(rs)).list();
  }

  /** Every approved claim: the owners of the instance's product namespaces. */
  public static List<ProductClaim> approved(Handle handle) {
    return handle.createQuery(SELECT + " WHERE c.state = :state ORDER BY c.namespace")
        .bind("state", ClaimState.APPROVED.label())
        .map((rs, ctx) -> read(rs)).list();
  }

  private static ProductClaim read(ResultSet rs) throws SQLException {
    Organization organization = Organizations.read(rs);
    long decided = rs.getLong("decided_at");
    Instant decidedAt = rs.wasNull() ? null : Instant.ofEpochMilli(decided);
    return new ProductClaim(
        rs.getString("public_id"), organization, rs.getString("namespace"), ClaimState.parse(rs.getString("state")),
        rs.getString("reason"), Instant.ofEpochMilli(rs.getLong("created_at")), decidedAt);
  }
}
