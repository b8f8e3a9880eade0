package org.accord.store;

import java.util.List;
import java.util.OptionalLong;
import org.accord.store.CaseMessages.MessageRow;
import org.accord.store.CaseMessages.Reader;
import org.jdbi.v3.core.Handle;

/**
 * The deliberately naive reading of case messages that {@code accord bench messages} measures the
 * service against (ADR 0127): a thread read whole and filtered in Java, and visibility asked one query
 * per message, the way a first implementation without access lists in SQL would do it. Nothing serves
 * from this; it exists to be slower, and its answers are compared with {@link CaseMessages}' in the same
 * run. Stateless and thread-safe.
 */
public final class NaiveMessageReads {
  private NaiveMessageReads() {}

  /** Every message of the thread, visible or not, oldest first. */
  public static List<MessageRow> wholeThread(Handle handle, long threadPk) {
    return handle.createQuery(CaseMessages.MESSAGE_COLUMNS + " WHERE m.thread_id = :thread ORDER BY m.id")
        .bind("thread", threadPk)
        .map((rs, ctx) -> CaseMessages.readMessage(rs)).list();
  }

  /** A message's row id and author, for counting. */
  public record Head(long pk, long authorOrg, OptionalLong authorMember) {}

  /** The row ids and authors of every message of the thread, oldest first. */
  public static List<Head> heads(Handle handle, long threadPk) {
    return handle.createQuery("SELECT id, author_org, author_member FROM case_messages WHERE thread_id = :thread ORDER BY id")
        .bind("thread", threadPk)
        .map((rs, ctx) -> new Head(rs.getLong("id"), rs.getLong("author_org"), CaseMarkings.optionalLong(rs, "author_member")))
        .list();
  }

  /** Whether {@code reader} may see the message: one query for one message. */
  public static boolean visible(Handle handle, long messagePk, Reader reader) {
    return handle.createQuery("SELECT COUNT(*) FROM case_messages m WHERE m.id = :pk AND (m.everyone = 1 OR EXISTS (SELECT 1"
            + " FROM case_message_grants g WHERE g.message_id = m.id AND (g.org_id = :org OR g.member_id = :member)))")
        .bind("pk", messagePk).bind("org", reader.organization()).bind("member", reader.memberKey())
        .mapTo(Integer.class).one() > 0;
  }

  /** The reader's marker in the thread: the newest message read, 0 if none. */
  public static long marker(Handle handle, long threadPk, Reader reader) {
    return handle.createQuery("SELECT last_read FROM case_thread_reads WHERE thread_id = :thread AND org_id = :org AND member_id = :member")
        .bind("thread", threadPk).bind("org", reader.organization()).bind("member", reader.markerKey())
        .mapTo(Long.class).findOne().orElse(0L);
  }

  /** The case's threads (row id and public id), oldest first. */
  public static List<CaseMessages.ThreadRow> threads(Handle handle, long casePk) {
    return handle.createQuery("SELECT id, public_id, kind, subject, created_at FROM case_threads WHERE case_id = :pk ORDER BY id")
        .bind("pk", casePk)
        .map((rs, ctx) -> new CaseMessages.ThreadRow(rs.getLong("id"), rs.getString("public_id"), rs.getString("kind"),
            rs.getString("subject"), java.time.Instant.ofEpochMilli(rs.getLong("created_at"))))
        .list();
  }
}
