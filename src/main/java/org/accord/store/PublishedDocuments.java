package org.accord.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * SQL for the documents a published case wrote (V19, ADR 0121) and for the cases' sharing-group UUIDs.
 * Plain rows; a document is inserted once and never changed.
 */
public final class PublishedDocuments {
  private static final String COLUMNS = "d.id, c.public_id, d.kind, d.path, d.doc_id, d.title, d.sha256, d.sha512, d.released_at";

  private PublishedDocuments() {}

  /**
   * A stored document without its content.
   *
   * @param seq the insertion order
   * @param caseId the case's public id
   * @param kind the format label
   * @param path its path under the format's root
   */
  public record Entry(long seq, String caseId, String kind, String path, String docId, String title, String sha256, String sha512,
      Instant released) {}

  /** Stores a document. */
  public static void insert(Handle handle, long casePk, String kind, String path, String docId, String title, String content,
      String sha256, String sha512, long releasedAt) {
    handle.createUpdate("INSERT INTO published_documents (case_id, kind, path, doc_id, title, content, sha256, sha512, released_at)"
            + " VALUES (:case, :kind, :path, :doc, :title, :content, :sha256, :sha512, :at)")
        .bind("case", casePk).bind("kind", kind).bind("path", path).bind("doc", docId).bind("title", title)
        .bind("content", content).bind("sha256", sha256).bind("sha512", sha512).bind("at", releasedAt)
        .execute();
  }

  /** The documents of one kind, newest release first (ties: last stored first). */
  public static List<Entry> list(Handle handle, String kind) {
    return handle.createQuery("SELECT " + COLUMNS + " FROM published_documents d JOIN cases c ON c.id = d.case_id"
            + " WHERE d.kind = :kind ORDER BY d.released_at DESC, d.id DESC")
        .bind("kind", kind)
        .map((rs, ctx) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7), rs.getString(8), Instant.ofEpochMilli(rs.getLong(9))))
        .list();
  }

  /** The documents of one case, in the order stored. */
  public static List<Entry> ofCase(Handle handle, long casePk) {
    return handle.createQuery("SELECT " + COLUMNS + " FROM published_documents d JOIN cases c ON c.id = d.case_id"
            + " WHERE d.case_id = :case ORDER BY d.id")
        .bind("case", casePk)
        .map((rs, ctx) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7), rs.getString(8), Instant.ofEpochMilli(rs.getLong(9))))
        .list();
  }

  /** The content of the document of this kind at this path, if there is one. */
  public static Optional<String> content(Handle handle, String kind, String path) {
    return handle.createQuery("SELECT content FROM published_documents WHERE kind = :kind AND path = :path")
        .bind("kind", kind).bind("path", path).mapTo(String.class).findOne();
  }

  /** The case's sharing-group UUID, created (random, version 4) on first use; concurrent first uses agree. */
  public static UUID sharingGroup(Handle handle, long casePk) {
    handle.createUpdate("INSERT INTO case_sharing_groups (case_id, uuid) VALUES (:case, :uuid) ON CONFLICT (case_id) DO NOTHING")
        .bind("case", casePk).bind("uuid", UUID.randomUUID().toString()).execute();
    return UUID.fromString(handle.createQuery("SELECT uuid FROM case_sharing_groups WHERE case_id = :case")
        .bind("case", casePk).mapTo(String.class).one());
  }
}
