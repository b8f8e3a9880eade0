package org.accord.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.accord.advisory.VexStatement;
import org.accord.advisory.VexStatus;
import org.jdbi.v3.core.Handle;

/**
 * VEX documents and their statements. A document belongs to the organization that uploaded it and is
 * identified by the SHA-256 of its bytes and that uploader, so the same uploader storing the same bytes
 * again changes nothing, while another organization's upload of those bytes is its own document
 * (ADR 0093). A private document's statements are read only by its uploader and the coordinator; statements are never changed or deleted, since a later statement
 * supersedes an earlier one by its time (see {@link VexStatement#decide}), which keeps the record of
 * who said what. Each method runs on the caller's handle and transaction. Stateless and thread-safe.
 */
public final class VexStore {
  private VexStore() {}

  /**
   * What storing a document did.
   *
   * @param documentId the document's id (the earlier one, for a duplicate)
   * @param duplicate true when these exact bytes were stored before
   * @param statements how many statements the document holds
   */
  public record Stored(long documentId, boolean duplicate, int statements) {}

  /**
   * A stored statement with where it came from.
   *
   * @param id the statement's id
   * @param documentId its document's id
   * @param format the document's format label
   * @param author who the statement is attributed to: always the uploading organization, never a name
   *     the document gives
   * @param uploader the organization that uploaded the document
   * @param coordinator whether a coordinator uploaded it
   * @param uploadedAt when the document was uploaded
   * @param privately whether the document was uploaded privately
   * @param statement the statement
   */
  public record StoredStatement(
      long id, long documentId, String format, String author, String uploader, boolean coordinator, long uploadedAt,
      boolean privately, VexStatement statement) {}

  /**
   * Stores a document's statements.
   *
   * @param author the name the document gives as its author, kept for the record only
   * @param coordinator whether a coordinator uploads it
   * @param privately whether only the uploader and the coordinator may read its statements
   * @param advisoryPk the advisory the document also carried (a CSAF VEX document), or null
   */
  public static Stored store(
      Handle handle, String sha256, String format, String author, long uploaderOrgId, boolean coordinator, boolean privately,
      long now, List<VexStatement> statements, Long advisoryPk) {
    Optional<Stored> existing =
        handle.createQuery("SELECT id, statement_count FROM vex_documents WHERE sha256 = :sha AND uploader_org_id = :uploader")
            .bind("sha", sha256)
            .bind("uploader", uploaderOrgId)
            .map((rs, ctx) -> new Stored(rs.getLong(1), true, rs.getInt(2)))
            .findOne();
    if (existing.isPresent()) {
      return existing.get();
    }
    long documentId =
        handle.createQuery(
                "INSERT INTO vex_documents (sha256, format, author, uploader_org_id, uploaded_at, coordinator, statement_count,"
                    + " advisory_pk, is_private) VALUES (:sha, :format, :author, :uploader, :now, :coordinator, :count, :advisory,"
                    + " :private) RETURNING id")
            .bind("private", privately ? 1 : 0)
            .bind("sha", sha256)
            .bind("format", format)
            .bind("author", author)
            .bind("uploader", uploaderOrgId)
            .bind("now", now)
            .bind("coordinator", coordinator ? 1 : 0)
            .bind("count", statements.size())
            .bind("advisory", advisoryPk)
            .mapTo(Long.class)
            .one();
    for (VexStatement statement : statements) {
      VexStatus status = statement.status();
      long id =
          handle.createQuery(
                  "INSERT INTO vex_statements (document_id, vulnerability, aliases, product, product_key, product_version,"
                      + " product_range, subcomponents, status, justification, impact_statement, action_statement, stated_at)"
                      + " VALUES (:document, :vulnerability, :aliases, :product, :key, :version, :range, :subs, :status,"
                      + " :justification, :impact, :action, :stated) RETURNING id")
              .bind("document", documentId)
              .bind("vulnerability", statement.vulnerability())
              .bind("aliases", JsonColumns.toJson(statement.aliases()))
              .bind("product", statement.product())
              .bind("key", statement.productKey())
              .bind("version", statement.productVersion())
              .bind("range", statement.productRange())
              .bind("subs", JsonColumns.toJson(statement.subcomponents()))
              .bind("status", status.label())
              .bind("justification", status.justificationLabel())
              .bind("impact", status.impactStatement())
              .bind("action", status.actionStatement())
              .bind("stated", statement.timestamp().map(Instant::toEpochMilli).orElse(null))
              .mapTo(Long.class)
              .one();
      Set<String> names = new LinkedHashSet<>();
      for (String name : statement.names()) {
        names.add(AdvisoryStore.normalName(name));
      }
      for (String name : names) {
        handle.createUpdate("INSERT INTO vex_statement_names (statement_id, name) VALUES (:id, :name)")
            .bind("id", id)
            .bind("name", name)
            .execute();
      }
    }
    return new Stored(documentId, false, statements.size());
  }

  /** Every statement about a vulnerability known by any of {@code names}, private ones included, oldest upload first. */
  public static List<StoredStatement> statementsFor(Handle handle, Collection<String> names) {
    return statementsFor(handle, names, null);
  }

  /**
   * The statements about a vulnerability known by any of {@code names} that a reader may see: public
   * ones, and private ones of {@code readerOrganization}; every one when it is null (the coordinator).
   * Oldest upload first.
   */
  public static List<StoredStatement> statementsFor(Handle handle, Collection<String> names, String readerOrganization) {
    if (names.isEmpty()) {
      return List.of();
    }
    List<String> normal = new ArrayList<>();
    for (String name : names) {
      normal.add(AdvisoryStore.normalName(name));
    }
    var query = handle
        .createQuery(
            "SELECT s.id, s.document_id, d.format, o.name, d.uploaded_at,"
                + " s.vulnerability, s.aliases, s.product, s.product_key, s.product_version, s.product_range, s.subcomponents,"
                + " s.status, s.justification, s.impact_statement, s.action_statement, s.stated_at, o.name, d.coordinator,"
                + " d.is_private"
                + " FROM vex_statements s JOIN vex_documents d ON d.id = s.document_id"
                + " JOIN organizations o ON o.id = d.uploader_org_id"
                + " WHERE s.id IN (SELECT statement_id FROM vex_statement_names WHERE name IN (<names>))"
                + (readerOrganization == null ? "" : " AND (d.is_private = 0 OR o.name = :reader)")
                + " ORDER BY d.uploaded_at, s.id")
        .bindList("names", normal);
    if (readerOrganization != null) {
      query.bind("reader", readerOrganization);
    }
    return query
        .map(
            (rs, ctx) -> {
              long stated = rs.getLong(17);
              boolean hasTime = !rs.wasNull();
              VexStatement statement =
                  new VexStatement(
                      rs.getString(6), JsonColumns.fromJson(rs.getString(7), "JSON list column"), rs.getString(8), rs.getString(9),
                      rs.getString(10), rs.getString(11), JsonColumns.fromJson(rs.getString(12), "JSON list column"),
                      VexStatus.of(rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16)),
                      hasTime ? Optional.of(Instant.ofEpochMilli(stated)) : Optional.empty());
              return new StoredStatement(
                  rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(18), rs.getInt(19) == 1,
                  rs.getLong(5), rs.getInt(20) == 1, statement);
            })
        .list();
  }
}
