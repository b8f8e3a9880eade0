package org.accord.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.accord.disclosure.Tlp;
import org.jdbi.v3.core.Handle;

/**
 * SQL for a case's items (ADR 0107): its vulnerabilities and the statuses per participant and product
 * (V10). Plain rows; the service validates and interprets them. A status's {@code vex_status} is NULL
 * for "not yet checked", never a label standing for it.
 */
public final class CaseItems {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CaseItems() {}

  /**
   * A stored vulnerability.
   *
   * @param affected the affected packages as PURL to {@code vers:} range text, in the order given
   */
  public record VulnerabilityRow(long id, String alias, Map<String, String> affected, Optional<String> cvss, Tlp tlp,
      long organization, String organizationName, Instant created, OptionalLong createdByMember, Set<Long> recipients) {
    /** Its need-to-know marking: it concerns the organization that added it (ADR 0112). */
    public Tlp.Marking marking() {
      return new Tlp.Marking(tlp, new Tlp.Origin(organization, organization, createdByMember), new Tlp.Recipients(recipients));
    }
  }

  /** A stored status; {@code vexStatus} empty means not yet checked. */
  public record StatusRow(long organization, String organizationName, String product, Optional<String> vexStatus,
      Optional<String> justification, String involvement, Tlp tlp, long setBy, Instant updated, OptionalLong setByMember,
      Set<Long> recipients) {
    /** Its need-to-know marking: it concerns the participant, and was created by the setter (ADR 0112). */
    public Tlp.Marking marking() {
      return new Tlp.Marking(tlp, new Tlp.Origin(organization, setBy, setByMember), new Tlp.Recipients(recipients));
    }
  }

  /** Stores a vulnerability; its id. {@code member} is the person who adds it, null for a machine token. */
  public static long addVulnerability(Handle handle, long pk, String alias, Map<String, String> affected, String cvss, Tlp tlp,
      long organization, Long member, Set<Long> recipients, long now) {
    return handle.createQuery(
            "INSERT INTO case_vulnerabilities (case_id, alias, affected, cvss, tlp, org_id, created_by_member, recipients, created_at)"
                + " VALUES (:pk, :alias, :affected, :cvss, :tlp, :org, :member, :recipients, :now) RETURNING id")
        .bind("pk", pk).bind("alias", alias).bind("affected", json(affected)).bind("cvss", cvss)
        .bind("tlp", tlp.label()).bind("org", organization).bind("member", member)
        .bind("recipients", CaseMarkings.toJson(recipients)).bind("now", now)
        .mapTo(Long.class).one();
  }

  /** The case's vulnerabilities, oldest first. */
  public static List<VulnerabilityRow> vulnerabilities(Handle handle, long pk) {
    return handle.createQuery(
            "SELECT v.id, v.alias, v.affected, v.cvss, v.tlp, v.org_id, o.name, v.created_at, v.created_by_member, v.recipients"
                + " FROM case_vulnerabilities v"
                + " JOIN organizations o ON o.id = v.org_id WHERE v.case_id = :pk ORDER BY v.id")
        .bind("pk", pk)
        .map((rs, ctx) -> new VulnerabilityRow(rs.getLong("id"), rs.getString("alias"), affected(rs.getString("affected")),
            Optional.ofNullable(rs.getString("cvss")), Tlp.parse(rs.getString("tlp")), rs.getLong("org_id"), rs.getString("name"),
            Instant.ofEpochMilli(rs.getLong("created_at")), CaseMarkings.optionalLong(rs, "created_by_member"),
            CaseMarkings.recipients(rs.getString("recipients"))))
        .list();
  }

  /**
   * Inserts or replaces the status of one participant for one product; {@code setByMember} is the
   * person who sets it (null for a machine token), {@code recipients} its named recipients.
   */
  public static void putStatus(Handle handle, long pk, long organization, String product, String vexStatus, String justification,
      String involvement, Tlp tlp, long setBy, Long setByMember, Set<Long> recipients, long now) {
    String named = CaseMarkings.toJson(recipients);
    int updated = handle.createUpdate(
            "UPDATE case_statuses SET vex_status = :vex, justification = :why, involvement = :inv, tlp = :tlp, set_by_org = :by,"
                + " set_by_member = :member, recipients = :recipients, updated_at = :now"
                + " WHERE case_id = :pk AND org_id = :org AND product = :product")
        .bind("vex", vexStatus).bind("why", justification).bind("inv", involvement).bind("tlp", tlp.label())
        .bind("by", setBy).bind("member", setByMember).bind("recipients", named)
        .bind("now", now).bind("pk", pk).bind("org", organization).bind("product", product)
        .execute();
    if (updated == 0) {
      handle.createUpdate(
              "INSERT INTO case_statuses (case_id, org_id, product, vex_status, justification, involvement, tlp, set_by_org,"
                  + " set_by_member, recipients, updated_at)"
                  + " VALUES (:pk, :org, :product, :vex, :why, :inv, :tlp, :by, :member, :recipients, :now)")
          .bind("vex", vexStatus).bind("why", justification).bind("inv", involvement).bind("tlp", tlp.label())
          .bind("by", setBy).bind("member", setByMember).bind("recipients", named)
          .bind("now", now).bind("pk", pk).bind("org", organization).bind("product", product)
          .execute();
    }
  }

  /**
   * The public ids of the cases where {@code organization} takes part and has a product whose status is
   * not checked yet, in one query.
   */
  public static java.util.Set<String> awaitingStatus(Handle handle, long organization) {
    return new java.util.TreeSet<>(handle.createQuery(
            "SELECT DISTINCT c.public_id FROM case_statuses s JOIN cases c ON c.id = s.case_id"
                + " JOIN case_participants p ON p.case_id = s.case_id AND p.org_id = s.org_id"
                + " WHERE s.org_id = :org AND s.vex_status IS NULL")
        .bind("org", organization)
        .mapTo(String.class)
        .list());
  }

  /** The case's statuses, by participant organization name and product. */
  public static List<StatusRow> statuses(Handle handle, long pk) {
    return handle.createQuery(
            "SELECT s.org_id, o.name, s.product, s.vex_status, s.justification, s.involvement, s.tlp, s.set_by_org, s.updated_at,"
                + " s.set_by_member, s.recipients"
                + " FROM case_statuses s JOIN organizations o ON o.id = s.org_id WHERE s.case_id = :pk ORDER BY o.name, s.product")
        .bind("pk", pk)
        .map((rs, ctx) -> new StatusRow(rs.getLong("org_id"), rs.getString("name"), rs.getString("product"),
            Optional.ofNullable(rs.getString("vex_status")), Optional.ofNullable(rs.getString("justification")),
            rs.getString("involvement"), Tlp.parse(rs.getString("tlp")), rs.getLong("set_by_org"),
            Instant.ofEpochMilli(rs.getLong("updated_at")), CaseMarkings.optionalLong(rs, "set_by_member"),
            CaseMarkings.recipients(rs.getString("recipients"))))
        .list();
  }

  /** Records the participant's acknowledgement of the case (the first one stays). */
  public static void acknowledged(Handle handle, long pk, long organization, long now) {
    handle.createUpdate(
            "UPDATE case_participants SET acknowledged_at = :now WHERE case_id = :pk AND org_id = :org AND acknowledged_at IS NULL")
        .bind("now", now).bind("pk", pk).bind("org", organization).execute();
  }

  private static String json(Map<String, String> affected) {
    try {
      return JSON.writeValueAsString(affected);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("affected packages are not JSON: " + e.getMessage(), e);
    }
  }

  private static Map<String, String> affected(String json) {
    try {
      return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new StoreException("case_vulnerabilities.affected is not JSON: " + e.getMessage(), e);
    }
  }
}
