package org.accord.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.accord.disclosure.MessageAudience;
import org.accord.disclosure.Tlp;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * SQL for case messages (ADR 0117, 0118, V17): threads, messages and their versions, the access list
 * each message is filtered by, attachments stored once per SHA-256, read markers, and full-text search
 * on either engine. Plain rows; who sees what is the {@code disclosure} core's ({@link
 * MessageAudience.Grants}), and every read that lists, counts or searches messages takes the viewer's
 * {@link Reader} and filters in SQL, so a hidden message is never counted. Stateless and thread-safe;
 * methods run on the caller's handle and transaction.
 */
public final class CaseMessages {
  private CaseMessages() {}

  /**
   * Who reads: an organization and a person (empty for a machine token, which reads as its
   * organization). The store filters on it with the messages' access lists only; seeing the case at all
   * is the service's check, made first.
   */
  public record Reader(long organization, OptionalLong member) {
    /** The member id as bound in SQL: -1 for a machine token, which matches no member grant. */
    long memberKey() {
      return member.isPresent() ? member.getAsLong() : -1;
    }

    /** The member id of the read markers: 0 for a machine token (its organization's marker). */
    long markerKey() {
      return member.isPresent() ? member.getAsLong() : 0;
    }

    /**
     * Whether this reader is on {@code grants}, the stored access list of a message: the Java form of
     * the filter every query of this class applies ({@code everyone}, or a grant to the reader's
     * organization or to its member), for answers kept in memory (ADR 0136).
     */
    public boolean sees(MessageAudience.Grants grants) {
      return grants.everyone() || grants.organizations().contains(organization)
          || member.isPresent() && grants.members().contains(member.getAsLong());
    }

    /** Whether the reader wrote a message of this author: its organization and person (for a machine token, none). */
    public boolean wrote(long authorOrg, OptionalLong authorMember) {
      return authorOrg == organization && authorMember.orElse(0) == markerKey();
    }
  }

  /** The visibility filter on {@code m}, bound by {@link #bindReader}. */
  private static final String VISIBLE = "(m.everyone = 1 OR EXISTS (SELECT 1 FROM case_message_grants g WHERE g.message_id = m.id"
      + " AND (g.org_id = :readerOrg OR g.member_id = :readerMember)))";

  private static <T extends org.jdbi.v3.core.statement.SqlStatement<T>> T bindReader(T statement, Reader reader) {
    return statement.bind("readerOrg", reader.organization()).bind("readerMember", reader.memberKey());
  }

  /** A stored thread. */
  public record ThreadRow(long pk, String publicId, String kind, String subject, Instant created) {}

  /** The case's thread about {@code kind}/{@code subject}, if it was started. */
  public static Optional<ThreadRow> thread(Handle handle, long casePk, String kind, String subject) {
    return handle.createQuery("SELECT id, public_id, kind, subject, created_at FROM case_threads WHERE case_id = :pk AND kind = :kind"
            + " AND subject = :subject")
        .bind("pk", casePk).bind("kind", kind).bind("subject", subject)
        .map((rs, ctx) -> new ThreadRow(rs.getLong("id"), rs.getString("public_id"), rs.getString("kind"), rs.getString("subject"),
            Instant.ofEpochMilli(rs.getLong("created_at"))))
        .findOne();
  }

  /** The case's thread with this public id, if any. */
  public static Optional<ThreadRow> thread(Handle handle, long casePk, String publicId) {
    return handle.createQuery("SELECT id, public_id, kind, subject, created_at FROM case_threads WHERE case_id = :pk AND public_id = :id")
        .bind("pk", casePk).bind("id", publicId)
        .map((rs, ctx) -> new ThreadRow(rs.getLong("id"), rs.getString("public_id"), rs.getString("kind"), rs.getString("subject"),
            Instant.ofEpochMilli(rs.getLong("created_at"))))
        .findOne();
  }

  /**
   * A thread and its revision (V27), which grows with every message posted to it and every edit of one
   * of them, in their transaction: messages read after a revision are the thread's at least as of it.
   */
  public record ThreadVersion(ThreadRow thread, long revision) {}

  /**
   * What a reader's unread counts in a case depend on besides the threads' messages: the case's message
   * revision (V27: every post and edit in the case) and the reader's marks revision there (every
   * mark-read of the reader in the case; 0 before the first), read with the case row by {@link
   * Cases#byIdWithReadState}.
   */
  public record ReadState(long messageRevision, long marksRevision) {}

  /** The case's thread with this public id and its revision, if any: one query. */
  public static Optional<ThreadVersion> threadVersion(Handle handle, long casePk, String publicId) {
    return handle.createQuery("SELECT id, public_id, kind, subject, created_at, revision FROM case_threads WHERE case_id = :pk"
            + " AND public_id = :id")
        .bind("pk", casePk).bind("id", publicId)
        .map((rs, ctx) -> new ThreadVersion(new ThreadRow(rs.getLong("id"), rs.getString("public_id"), rs.getString("kind"),
            rs.getString("subject"), Instant.ofEpochMilli(rs.getLong("created_at"))), rs.getLong("revision")))
        .findOne();
  }

  /** Every thread of the case with its revision, oldest first: one query. */
  public static List<ThreadVersion> threadVersions(Handle handle, long casePk) {
    return handle.createQuery("SELECT id, public_id, kind, subject, created_at, revision FROM case_threads WHERE case_id = :pk ORDER BY id")
        .bind("pk", casePk)
        .map((rs, ctx) -> new ThreadVersion(new ThreadRow(rs.getLong("id"), rs.getString("public_id"), rs.getString("kind"),
            rs.getString("subject"), Instant.ofEpochMilli(rs.getLong("created_at"))), rs.getLong("revision")))
        .list();
  }

  /** {@code reader}'s marker in each thread of the case it has read, by thread row id: one query. */
  public static Map<Long, Long> markers(Handle handle, long casePk, Reader reader) {
    Map<Long, Long> out = new java.util.HashMap<>();
    handle.createQuery("SELECT r.thread_id, r.last_read FROM case_thread_reads r JOIN case_threads t ON t.id = r.thread_id"
            + " WHERE t.case_id = :pk AND r.org_id = :org AND r.member_id = :member")
        .bind("pk", casePk).bind("org", reader.organization()).bind("member", reader.markerKey())
        .map((rs, ctx) -> out.put(rs.getLong("thread_id"), rs.getLong("last_read"))).list();
    return out;
  }

  /**
   * Everything of a thread a reader-independent copy needs (ADR 0136): every message, oldest first,
   * each with its stored access list, its attachments, and the e-mail of every named recipient. The
   * messages are read first, so each one's grants and attachments (written in its transaction) are
   * there for the later queries. Four queries whatever the thread's size.
   */
  public record Contents(List<MessageRow> messages, Map<Long, MessageAudience.Grants> grants, Map<Long, List<AttachmentRow>> attachments,
      Map<Long, String> emails) {}

  /** The thread's {@link Contents}. */
  public static Contents contents(Handle handle, long threadPk) {
    List<MessageRow> rows = handle.createQuery(MESSAGE_COLUMNS + " WHERE m.thread_id = :thread ORDER BY m.id")
        .bind("thread", threadPk).map((rs, ctx) -> readMessage(rs)).list();
    Map<Long, java.util.Set<Long>> orgs = new java.util.HashMap<>();
    Map<Long, java.util.Set<Long>> members = new java.util.HashMap<>();
    Map<Long, Boolean> everyone = new java.util.HashMap<>();
    handle.createQuery("SELECT m.id, m.everyone, g.org_id, g.member_id FROM case_messages m LEFT JOIN case_message_grants g"
            + " ON g.message_id = m.id WHERE m.thread_id = :thread")
        .bind("thread", threadPk)
        .map((rs, ctx) -> {
          long pk = rs.getLong("id");
          everyone.put(pk, rs.getInt("everyone") == 1);
          long org = rs.getLong("org_id");
          if (!rs.wasNull()) {
            orgs.computeIfAbsent(pk, k -> new java.util.HashSet<>()).add(org);
          }
          long member = rs.getLong("member_id");
          if (!rs.wasNull()) {
            members.computeIfAbsent(pk, k -> new java.util.HashSet<>()).add(member);
          }
          return null;
        })
        .list();
    Map<Long, MessageAudience.Grants> grants = new java.util.HashMap<>();
    java.util.Set<Long> named = new java.util.TreeSet<>();
    for (MessageRow m : rows) {
      grants.put(m.pk(), new MessageAudience.Grants(everyone.getOrDefault(m.pk(), false), orgs.getOrDefault(m.pk(), Set.of()),
          members.getOrDefault(m.pk(), Set.of())));
      named.addAll(m.recipients());
    }
    Map<Long, List<AttachmentRow>> attached = new java.util.HashMap<>();
    handle.createQuery("SELECT a.message_id, a.position, a.name, a.type, a.sha256, a.size, a.tlp FROM case_message_attachments a"
            + " JOIN case_messages m ON m.id = a.message_id WHERE m.thread_id = :thread ORDER BY a.message_id, a.position")
        .bind("thread", threadPk)
        .map((rs, ctx) -> attached.computeIfAbsent(rs.getLong("message_id"), k -> new ArrayList<>()).add(new AttachmentRow(
            rs.getInt("position"), rs.getString("name"), rs.getString("type"), rs.getString("sha256"), rs.getLong("size"),
            Tlp.valueOf(rs.getString("tlp")))))
        .list();
    Map<Long, String> emails = named.isEmpty() ? Map.of() : CaseMarkings.emails(handle, named);
    return new Contents(rows, grants, attached, emails);
  }

  /** Starts a thread; its row. */
  public static ThreadRow addThread(Handle handle, long casePk, String publicId, String kind, String subject, long now) {
    long pk = handle.createQuery("INSERT INTO case_threads (case_id, public_id, kind, subject, created_at)"
            + " VALUES (:pk, :id, :kind, :subject, :now) RETURNING id")
        .bind("pk", casePk).bind("id", publicId).bind("kind", kind).bind("subject", subject).bind("now", now)
        .mapTo(Long.class).one();
    return new ThreadRow(pk, publicId, kind, subject, Instant.ofEpochMilli(now));
  }

  /**
   * A thread as one reader sees it: the messages it may see that are newer than its read marker and
   * not its own, and its newest message it may see.
   */
  public record ThreadSummary(ThreadRow thread, int unread, Optional<Instant> latest) {}

  /**
   * The case's threads that hold a message {@code reader} may see, with its unread count and the time
   * of the newest such message; oldest thread first. One query: per thread, an index range scan of the
   * messages after the reader's marker ({@code case_messages_unread}, V22, which covers
   * the columns the count tests) and one backwards step for the
   * newest, each filtered by the access list.
   */
  public static List<ThreadSummary> threads(Handle handle, long casePk, Reader reader) {
    String unread = "(SELECT COUNT(*) FROM case_messages m WHERE m.thread_id = t.id AND m.id > COALESCE((SELECT r.last_read"
        + " FROM case_thread_reads r WHERE r.thread_id = t.id AND r.org_id = :readerOrg AND r.member_id = :marker), 0)"
        + " AND NOT (m.author_org = :readerOrg AND COALESCE(m.author_member, 0) = :marker) AND " + VISIBLE + ")";
    String latest = "(SELECT m.posted_at FROM case_messages m WHERE m.thread_id = t.id AND " + VISIBLE + " ORDER BY m.id DESC LIMIT 1)";
    List<ThreadSummary> out = new ArrayList<>();
    bindReader(handle.createQuery(
            "SELECT t.id, t.public_id, t.kind, t.subject, t.created_at, " + unread + " AS unread, " + latest + " AS latest"
                + " FROM case_threads t WHERE t.case_id = :pk ORDER BY t.id"), reader)
        .bind("pk", casePk).bind("marker", reader.markerKey())
        .map((rs, ctx) -> {
          long at = rs.getLong("latest");
          if (!rs.wasNull()) { // a thread with no message the reader may see is not shown
            out.add(new ThreadSummary(new ThreadRow(rs.getLong("id"), rs.getString("public_id"), rs.getString("kind"),
                rs.getString("subject"), Instant.ofEpochMilli(rs.getLong("created_at"))), rs.getInt("unread"),
                Optional.of(Instant.ofEpochMilli(at))));
          }
          return null;
        })
        .list();
    return out;
  }

  /** A message to store. {@code authorMember} and the recipients follow ADR 0112. */
  public record NewMessage(long casePk, long threadPk, String publicId, long authorOrg, Long authorMember, MessageAudience audience,
      Tlp tlp, Set<Long> recipients, MessageAudience.Grants grants, String body, long now) {}

  /** Stores a message, its first version, its access list and its search text, and bumps its thread's revision; its row id. */
  public static long addMessage(Handle handle, NewMessage m) {
    long pk = handle.createQuery("INSERT INTO case_messages (case_id, thread_id, public_id, author_org, author_member, audience,"
            + " audience_orgs, tlp, recipients, everyone, body, version, posted_at)"
            + " VALUES (:case, :thread, :id, :org, :member, :audience, :orgs, :tlp, :recipients, :everyone, :body, 1, :now) RETURNING id")
        .bind("case", m.casePk()).bind("thread", m.threadPk()).bind("id", m.publicId()).bind("org", m.authorOrg())
        .bind("member", m.authorMember()).bind("audience", m.audience().kind())
        .bind("orgs", m.audience().organizations().isEmpty() ? null : CaseMarkings.toJson(m.audience().organizations()))
        .bind("tlp", m.tlp().name()).bind("recipients", CaseMarkings.toJson(m.recipients()))
        .bind("everyone", m.grants().everyone() ? 1 : 0).bind("body", m.body()).bind("now", m.now())
        .mapTo(Long.class).one();
    for (long org : m.grants().organizations()) {
      handle.createUpdate("INSERT INTO case_message_grants (message_id, org_id) VALUES (:pk, :org)").bind("pk", pk).bind("org", org)
          .execute();
    }
    for (long member : m.grants().members()) {
      handle.createUpdate("INSERT INTO case_message_grants (message_id, member_id) VALUES (:pk, :member)").bind("pk", pk)
          .bind("member", member).execute();
    }
    addVersion(handle, pk, 1, m.body(), m.now(), m.authorOrg(), m.authorMember());
    handle.createUpdate("UPDATE case_threads SET revision = revision + 1 WHERE id = :thread").bind("thread", m.threadPk()).execute();
    handle.createUpdate("UPDATE cases SET message_revision = message_revision + 1 WHERE id = :case").bind("case", m.casePk()).execute();
    if (sqlite(handle)) {
      handle.createUpdate("INSERT INTO case_message_text (rowid, body) VALUES (:pk, :body)").bind("pk", pk).bind("body", m.body()).execute();
    }
    return pk;
  }

  /**
   * Stores a new version of a message's text, which becomes its current text and search text, and bumps
   * its thread's revision.
   */
  public static void edit(Handle handle, long pk, int version, String body, long now, long byOrg, Long byMember) {
    handle.createUpdate("UPDATE case_messages SET body = :body, version = :version, edited_at = :now WHERE id = :pk")
        .bind("body", body).bind("version", version).bind("now", now).bind("pk", pk).execute();
    addVersion(handle, pk, version, body, now, byOrg, byMember);
    handle.createUpdate("UPDATE case_threads SET revision = revision + 1 WHERE id = (SELECT thread_id FROM case_messages WHERE id = :pk)")
        .bind("pk", pk).execute();
    handle.createUpdate("UPDATE cases SET message_revision = message_revision + 1 WHERE id = (SELECT case_id FROM case_messages WHERE id = :pk)")
        .bind("pk", pk).execute();
    if (sqlite(handle)) {
      handle.createUpdate("UPDATE case_message_text SET body = :body WHERE rowid = :pk").bind("body", body).bind("pk", pk).execute();
    }
  }

  private static void addVersion(Handle handle, long pk, int version, String body, long now, long byOrg, Long byMember) {
    handle.createUpdate("INSERT INTO case_message_versions (message_id, version, body, at, by_org, by_member)"
            + " VALUES (:pk, :version, :body, :now, :org, :member)")
        .bind("pk", pk).bind("version", version).bind("body", body).bind("now", now).bind("org", byOrg).bind("member", byMember)
        .execute();
  }

  /** A stored message with its author's names. */
  public record MessageRow(long pk, String publicId, long threadPk, String threadId, long authorOrg, String authorOrgName,
      OptionalLong authorMember, Optional<String> authorEmail, MessageAudience audience, Tlp tlp, Set<Long> recipients, String body,
      int version, Instant posted, Optional<Instant> edited) {
    /** Its need-to-know marking (ADR 0117). */
    public Tlp.Marking marking() {
      return audience.marking(tlp, authorOrg, authorMember.isPresent() ? authorMember.getAsLong() : null, recipients);
    }
  }

  /** The columns {@link #readMessage} reads, from {@code case_messages m} and its joins. */
  static final String MESSAGE_COLUMNS = "SELECT m.id, m.public_id, m.thread_id, t.public_id AS thread_public, m.author_org,"
      + " o.name AS org_name, m.author_member, mb.email, m.audience, m.audience_orgs, m.tlp, m.recipients, m.body, m.version,"
      + " m.posted_at, m.edited_at FROM case_messages m JOIN case_threads t ON t.id = m.thread_id"
      + " JOIN organizations o ON o.id = m.author_org LEFT JOIN members mb ON mb.id = m.author_member";

  static MessageRow readMessage(java.sql.ResultSet rs) throws java.sql.SQLException {
    String kind = rs.getString("audience");
    Set<Long> orgs = CaseMarkings.recipients(rs.getString("audience_orgs"));
    MessageAudience audience = kind.equals("all") ? MessageAudience.all() : MessageAudience.of(orgs);
    long edited = rs.getLong("edited_at");
    Optional<Instant> editedAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(edited));
    return new MessageRow(rs.getLong("id"), rs.getString("public_id"), rs.getLong("thread_id"), rs.getString("thread_public"),
        rs.getLong("author_org"), rs.getString("org_name"), CaseMarkings.optionalLong(rs, "author_member"),
        Optional.ofNullable(rs.getString("email")), audience, Tlp.valueOf(rs.getString("tlp")),
        CaseMarkings.recipients(rs.getString("recipients")), rs.getString("body"), rs.getInt("version"),
        Instant.ofEpochMilli(rs.getLong("posted_at")), editedAt);
  }

  /** The case's message with this public id, if {@code reader} may see it (hidden and missing alike: empty). */
  public static Optional<MessageRow> message(Handle handle, long casePk, String publicId, Reader reader) {
    return bindReader(handle.createQuery(MESSAGE_COLUMNS + " WHERE m.case_id = :pk AND m.public_id = :id AND " + VISIBLE), reader)
        .bind("pk", casePk).bind("id", publicId)
        .map((rs, ctx) -> readMessage(rs)).findOne();
  }

  /** The row id of the message with this public id in the thread, if {@code reader} may see it. */
  public static OptionalLong position(Handle handle, long threadPk, String publicId, Reader reader) {
    return bindReader(handle.createQuery("SELECT m.id FROM case_messages m WHERE m.thread_id = :thread AND m.public_id = :id AND "
            + VISIBLE), reader)
        .bind("thread", threadPk).bind("id", publicId)
        .mapTo(Long.class).findOne().map(OptionalLong::of).orElse(OptionalLong.empty());
  }

  /** The newest message of the thread {@code reader} may see, if any. */
  public static OptionalLong newest(Handle handle, long threadPk, Reader reader) {
    return bindReader(handle.createQuery("SELECT MAX(m.id) FROM case_messages m WHERE m.thread_id = :thread AND " + VISIBLE), reader)
        .bind("thread", threadPk)
        .mapTo(Long.class).findOne().map(OptionalLong::of).orElse(OptionalLong.empty());
  }

  /**
   * Moves the reader's marker in the thread forward to {@code through} (never back), and bumps the
   * reader's marks revision in the thread's case ({@link #readState}), in that order.
   */
  public static void markRead(Handle handle, long threadPk, Reader reader, long through, long now) {
    handle.createUpdate("INSERT INTO case_thread_reads (thread_id, org_id, member_id, last_read, read_at)"
            + " VALUES (:thread, :org, :member, :through, :now)"
            + " ON CONFLICT (thread_id, org_id, member_id) DO UPDATE SET last_read = excluded.last_read, read_at = excluded.read_at"
            + " WHERE case_thread_reads.last_read < excluded.last_read")
        .bind("thread", threadPk).bind("org", reader.organization()).bind("member", reader.markerKey())
        .bind("through", through).bind("now", now).execute();
    // After the marker: a reader that reads the marks revision before this bump and the marker after
    // keeps a newer marker under an older revision, never the reverse.
    handle.createUpdate("INSERT INTO case_reader_marks (case_id, org_id, member_id, revision)"
            + " SELECT case_id, :org, :member, 1 FROM case_threads WHERE id = :thread"
            + " ON CONFLICT (case_id, org_id, member_id) DO UPDATE SET revision = case_reader_marks.revision + 1")
        .bind("thread", threadPk).bind("org", reader.organization()).bind("member", reader.markerKey()).execute();
  }

  /** One reader whose marker reaches a message: its organization and member (empty for its machine tokens). */
  public record Seen(long organization, String organizationName, OptionalLong member, Optional<String> email, Instant at) {}

  /** Who has read the thread up to message {@code pk} or further, by organization and member. */
  public static List<Seen> seenBy(Handle handle, long threadPk, long pk) {
    return handle.createQuery("SELECT r.org_id, o.name, r.member_id, mb.email, r.read_at FROM case_thread_reads r"
            + " JOIN organizations o ON o.id = r.org_id LEFT JOIN members mb ON mb.id = r.member_id"
            + " WHERE r.thread_id = :thread AND r.last_read >= :pk ORDER BY o.name, mb.email")
        .bind("thread", threadPk).bind("pk", pk)
        .map((rs, ctx) -> {
          long member = rs.getLong("member_id");
          return new Seen(rs.getLong("org_id"), rs.getString("name"), member == 0 ? OptionalLong.empty() : OptionalLong.of(member),
              Optional.ofNullable(rs.getString("email")), Instant.ofEpochMilli(rs.getLong("read_at")));
        })
        .list();
  }

  /** One version of a message's text. */
  public record Version(int version, String body, Instant at, String organization, Optional<String> email) {}

  /** Every version of the message, the original first. */
  public static List<Version> versions(Handle handle, long pk) {
    return handle.createQuery("SELECT v.version, v.body, v.at, o.name, mb.email FROM case_message_versions v"
            + " JOIN organizations o ON o.id = v.by_org LEFT JOIN members mb ON mb.id = v.by_member"
            + " WHERE v.message_id = :pk ORDER BY v.version")
        .bind("pk", pk)
        .map((rs, ctx) -> new Version(rs.getInt("version"), rs.getString("body"), Instant.ofEpochMilli(rs.getLong("at")),
            rs.getString("name"), Optional.ofNullable(rs.getString("email"))))
        .list();
  }

  /** The organization of each of these members, by member id. */
  public static Map<Long, Long> organizationsOf(Handle handle, Set<Long> members) {
    Map<Long, Long> out = new java.util.HashMap<>();
    if (!members.isEmpty()) {
      handle.createQuery("SELECT id, org_id FROM members WHERE id IN (<ids>)").bindList("ids", List.copyOf(members))
          .map((rs, ctx) -> out.put(rs.getLong("id"), rs.getLong("org_id"))).list();
    }
    return out;
  }

  // --- attachments -------------------------------------------------------------------------------

  /** A message's attachment, without its bytes. */
  public record AttachmentRow(int position, String name, String type, String sha256, long size, Tlp tlp) {}

  /** Stores the bytes under their SHA-256 unless they are there already. */
  public static void putBlob(Handle handle, String sha256, byte[] content) {
    handle.createUpdate("INSERT INTO case_attachment_blobs (sha256, size, content) VALUES (:sha, :size, :content)"
            + " ON CONFLICT (sha256) DO NOTHING")
        .bind("sha", sha256).bind("size", (long) content.length).bind("content", content).execute();
  }

  /** Records an attachment of a message. */
  public static void addAttachment(Handle handle, long pk, AttachmentRow a) {
    handle.createUpdate("INSERT INTO case_message_attachments (message_id, position, name, type, sha256, size, tlp)"
            + " VALUES (:pk, :position, :name, :type, :sha, :size, :tlp)")
        .bind("pk", pk).bind("position", a.position()).bind("name", a.name()).bind("type", a.type()).bind("sha", a.sha256())
        .bind("size", a.size()).bind("tlp", a.tlp().name()).execute();
  }

  /** The attachments of these messages, by message row id, in position order. */
  public static Map<Long, List<AttachmentRow>> attachments(Handle handle, List<Long> messages) {
    Map<Long, List<AttachmentRow>> out = new LinkedHashMap<>();
    if (messages.isEmpty()) {
      return out;
    }
    handle.createQuery("SELECT message_id, position, name, type, sha256, size, tlp FROM case_message_attachments"
            + " WHERE message_id IN (<ids>) ORDER BY message_id, position")
        .bindList("ids", messages)
        .map((rs, ctx) -> out.computeIfAbsent(rs.getLong("message_id"), k -> new ArrayList<>()).add(new AttachmentRow(
            rs.getInt("position"), rs.getString("name"), rs.getString("type"), rs.getString("sha256"), rs.getLong("size"),
            Tlp.valueOf(rs.getString("tlp")))))
        .list();
    return out;
  }

  /** The bytes stored under {@code sha256}. */
  public static Optional<byte[]> blob(Handle handle, String sha256) {
    return handle.createQuery("SELECT content FROM case_attachment_blobs WHERE sha256 = :sha").bind("sha", sha256)
        .map((rs, ctx) -> rs.getBytes(1)).findOne();
  }

  // --- search ------------------------------------------------------------------------------------

  /**
   * The case's messages {@code reader} may see whose current text has every one of {@code words},
   * newest first, at most {@code limit}, and how many there are in all: SQLite's FTS5 table
   * ({@code porter unicode61}) or PostgreSQL's {@code tsvector} column with its GIN index ({@code
   * english}), the same question on both (ADR 0117). Hidden messages are filtered in the query, so
   * they are neither returned nor counted.
   *
   * @param words one or more words of letters and digits
   */
  public static Hits search(Handle handle, long casePk, Reader reader, List<String> words, int limit) {
    boolean sqlite = sqlite(handle);
    String match = sqlite
        ? " FROM case_message_text f JOIN case_messages m ON m.id = f.rowid WHERE case_message_text MATCH :q AND m.case_id = :pk AND "
        : " FROM case_messages m WHERE m.search @@ plainto_tsquery('english', :q) AND m.case_id = :pk AND ";
    String q = sqlite ? "\"" + String.join("\" \"", words) + "\"" : String.join(" ", words);
    int total = bindReader(handle.createQuery("SELECT COUNT(*)" + match + VISIBLE), reader).bind("q", q).bind("pk", casePk)
        .mapTo(Integer.class).one();
    Query query = handle.createQuery("SELECT m.id" + match + VISIBLE + " ORDER BY m.id DESC LIMIT :limit");
    List<Long> ids = bindReader(query, reader).bind("q", q).bind("pk", casePk).bind("limit", limit).mapTo(Long.class).list();
    List<MessageRow> rows = ids.isEmpty() ? List.of()
        : handle.createQuery(MESSAGE_COLUMNS + " WHERE m.id IN (<ids>) ORDER BY m.id DESC").bindList("ids", ids)
            .map((rs, ctx) -> readMessage(rs)).list();
    return new Hits(rows, total);
  }

  /** Search hits: a page of messages and the number of visible hits in all. */
  public record Hits(List<MessageRow> messages, int total) {}

  private static boolean sqlite(Handle handle) {
    try {
      return handle.getConnection().getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("sqlite");
    } catch (java.sql.SQLException e) {
      throw new StoreException("cannot tell the database engine: " + e.getMessage(), e);
    }
  }
}
