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
 * VEX documents and their statements. A document is identified by the SHA-256 of its bytes, so storing
 * the same bytes again changes nothing; statements are never changed or deleted, since a later statement
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
   * @param author the document's author (or, when it names none, the uploading organization)
   * @param uploader the organization that uploaded the document
   * @param coordinator whether a coordinator uploaded it
   * @param uploadedAt when the document was uploaded
   * @param statement the statement
   */
  public record StoredStatement(
      long id, long documentId, String format, String author, String uploader, boolean coordinator, long uploadedAt,
      VexStatement statement) {}

  /**
   * Stores a document's statements.
   *
   * @param coordinator whether a coordinator uploads it
   * @param advisoryPk the advisory the document also carried (a CSAF VEX document), or null
   */
  public static Stored store(
      Handle handle, String sha256, String format, String author, long uploaderOrgId, boolean coordinator, long now,
      List<VexStatement> statements, Long advisoryPk) {
    Optional<Stored> existing =
        handle.createQuery("SELECT id, statement_count FROM vex_documents WHERE sha256 = :sha")
            .bind("sha", sha256)
            .map((rs, ctx) -> new Stored(rs.getLong(1), true, rs.getInt(2)))
            .findOne();
    if (existing.isPresent()) {
      return existing.get();
    }
    long documentId =
        handle.createQuery(
                "INSERT INTO vex_documents (sha256, format, author, uploader_org_id, uploaded_at, coordinator, statement_count,"
                    + " advisory_pk) VALUES (:sha, :format, :author, :uploader, :now, :coordinator, :count, :advisory) RETURNING id")
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

  /** Every statement about a vulnerability known by any of {@code names}, oldest upload first. */
  public static List<StoredStatement> statementsFor(Handle handle, Collection<String> names) {
    if (names.isEmpty()) {
      return List.of();
    }
    List<String> normal = new ArrayList<>();
    for (String name : names) {
      normal.add(AdvisoryStore.normalName(name));
    }
    return handle
        .createQuery(
            "SELECT s.id, s.document_id, d.format, CASE WHEN d.author = '' THEN o.name ELSE d.author END, d.uploaded_at,"
                + " s.vulnerability, s.aliases, s.product, s.product_key, s.product_version, s.product_range, s.subcomponents,"
                + " s.status, s.justification, s.impact_statement, s.action_statement, s.stated_at, o.name, d.coordinator"
                + " FROM vex_statements s JOIN vex_documents d ON d.id = s.document_id"
                + " JOIN organizations o ON o.id = d.uploader_org_id"
                + " WHERE s.id IN (SELECT statement_id FROM vex_statement_names WHERE name IN (<names>))"
                + " ORDER BY d.uploaded_at, s.id")
        .bindList("names", normal)
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
                  rs.getLong(5), statement);
            })
        .list();
  }
}
