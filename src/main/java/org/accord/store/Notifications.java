package org.accord.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.accord.notification.Channel;
import org.accord.notification.Digest;
import org.accord.notification.NotificationKind;
import org.accord.notification.Notice;
import org.accord.notification.Preferences;
import org.jdbi.v3.core.Handle;

/**
 * The notification outbox, preferences and webhooks (migration {@code V18__notifications}, ADR 0119,
 * 0120).
 *
 * <p>{@link #addAll} runs in the transaction of the change it tells of and does nothing for a key already
 * written, so a notification exists once whatever retries its writer makes. {@link #claim} hands due
 * rows to one worker: on PostgreSQL with {@code FOR UPDATE SKIP LOCKED}, so that replicas sharing the
 * database never claim the same row; on SQLite the transaction holds the write lock ({@code BEGIN
 * IMMEDIATE}, ADR 0005). A claim counts an attempt and leases the row, so that a worker that dies
 * mid-delivery leaves it to be claimed again when the lease passes.
 *
 * <p>Stateless; every method uses the handle it is given.
 */
public final class Notifications {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PENDING = "pending";
  private static final String SENT = "sent";
  private static final String DEAD = "dead";

  private Notifications() {}

  /**
   * A notification to write.
   *
   * @param key the idempotency key: its source (the event), recipient and channel
   * @param member the person (e-mail, inbox), or null for a webhook, whose recipient is {@code org}
   * @param digest whether the e-mail waits for the member's daily digest
   * @param due when it is first tried
   */
  public record New(String key, Channel channel, long org, Long member, Notice notice, boolean digest, long due) {
    public New {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(notice, "notice");
    }
  }

  /** A stored notification. */
  public record Row(long id, String key, Channel channel, long org, OptionalLong member, Notice notice, boolean digest,
      String state, int attempts, Instant due, Optional<String> lastError, Instant created, Optional<Instant> sent,
      Optional<Instant> read) {}

  /**
   * Writes notifications in the caller's transaction in one batch; nothing for a key already written.
   *
   * @return how many were written
   */
  public static int addAll(Handle handle, List<New> notifications, long now) {
    if (notifications.isEmpty()) {
      return 0;
    }
    org.jdbi.v3.core.statement.PreparedBatch batch = handle.prepareBatch("INSERT INTO notifications (idem_key, channel, org_id, member_id,"
        + " case_id, kind, body, digest, state, due_at, created_at, sent_at) VALUES (:key, :channel, :org, :member, :case, :kind, :body,"
        + " :digest, :state, :due, :now, :sent) ON CONFLICT (idem_key) DO NOTHING");
    for (New n : notifications) {
      batch.bind("key", n.key()).bind("channel", n.channel().label()).bind("org", n.org()).bind("member", n.member())
          .bind("case", n.notice().caseId()).bind("kind", n.notice().kind().label()).bind("body", json(n.notice().toData()))
          .bind("digest", n.digest() ? 1 : 0)
          // The inbox is delivered by being written.
          .bind("state", n.channel() == Channel.INBOX ? SENT : PENDING).bind("due", n.due()).bind("now", now)
          .bind("sent", n.channel() == Channel.INBOX ? (Long) now : null)
          .add();
    }
    int written = 0;
    for (int count : batch.execute()) {
      written += count > 0 ? 1 : 0;
    }
    return written;
  }

  /**
   * Claims at most {@code limit} pending rows due at {@code now} whose lease passed, oldest due first,
   * in the caller's transaction: each gets one more attempt and a lease until {@code leaseUntil}.
   *
   * @param postgres whether the store is PostgreSQL ({@code FOR UPDATE SKIP LOCKED})
   */
  public static List<Row> claim(Handle handle, long now, long leaseUntil, int limit, boolean postgres) {
    List<Long> ids = handle.createQuery("SELECT id FROM notifications WHERE state = 'pending' AND due_at <= :now AND leased_until <= :now"
            + " ORDER BY due_at, id LIMIT :limit" + (postgres ? " FOR UPDATE SKIP LOCKED" : ""))
        .bind("now", now).bind("limit", limit)
        .mapTo(Long.class).list();
    if (ids.isEmpty()) {
      return List.of();
    }
    handle.createUpdate("UPDATE notifications SET attempts = attempts + 1, leased_until = :lease WHERE id IN (<ids>)")
        .bindList("ids", ids).bind("lease", leaseUntil).execute();
    return handle.createQuery(SELECT + " WHERE id IN (<ids>) ORDER BY due_at, id").bindList("ids", ids).map((rs, ctx) -> row(rs)).list();
  }

  /** Marks claimed rows delivered; a row no longer pending (another worker's) is left alone. */
  public static void sent(Handle handle, Collection<Long> ids, long now) {
    if (!ids.isEmpty()) {
      handle.createUpdate("UPDATE notifications SET state = 'sent', sent_at = :now, last_error = NULL, leased_until = 0"
              + " WHERE id IN (<ids>) AND state = 'pending'")
          .bindList("ids", List.copyOf(ids)).bind("now", now).execute();
    }
  }

  /** After a failed attempt: tried again at {@code due}. */
  public static void retry(Handle handle, long id, long due, String error) {
    handle.createUpdate("UPDATE notifications SET due_at = :due, leased_until = 0, last_error = :error WHERE id = :id AND state = 'pending'")
        .bind("id", id).bind("due", due).bind("error", clip(error)).execute();
  }

  /** After the last failed attempt: a dead letter. */
  public static void dead(Handle handle, long id, String error) {
    handle.createUpdate("UPDATE notifications SET state = 'dead', leased_until = 0, last_error = :error WHERE id = :id AND state = 'pending'")
        .bind("id", id).bind("error", clip(error)).execute();
  }

  /** The newest notification's row id, 0 when there is none: how many rows a write added, for {@code bench messages}. */
  public static long lastId(Handle handle) {
    return handle.createQuery("SELECT COALESCE(MAX(id), 0) FROM notifications").mapTo(Long.class).one();
  }

  /** How many notifications are in each state, by channel: {@code "email:pending" -> 3}. */
  public static Map<String, Long> counts(Handle handle) {
    Map<String, Long> counts = new LinkedHashMap<>();
    handle.createQuery("SELECT channel, state, COUNT(*) AS n FROM notifications GROUP BY channel, state ORDER BY channel, state")
        .map((rs, ctx) -> counts.put(rs.getString("channel") + ":" + rs.getString("state"), rs.getLong("n")))
        .list();
    return counts;
  }

  /** Every notification, oldest first; for tests and small instances. */
  public static List<Row> all(Handle handle) {
    return handle.createQuery(SELECT + " ORDER BY id").map((rs, ctx) -> row(rs)).list();
  }

  /** A member's inbox, unread first (then newest) or newest first. */
  public static List<Row> inbox(Handle handle, long member, boolean unreadFirst, int limit, int offset) {
    return handle.createQuery(SELECT + " WHERE member_id = :member AND channel = 'inbox' ORDER BY "
            + (unreadFirst ? "CASE WHEN read_at IS NULL THEN 0 ELSE 1 END, " : "") + "id DESC LIMIT :limit OFFSET :offset")
        .bind("member", member).bind("limit", limit).bind("offset", offset)
        .map((rs, ctx) -> row(rs)).list();
  }

  /** How many notifications a member's inbox holds, and how many are unread. */
  public static long[] inboxCounts(Handle handle, long member) {
    return handle.createQuery("SELECT COUNT(*) AS total, COALESCE(SUM(CASE WHEN read_at IS NULL THEN 1 ELSE 0 END), 0) AS unread"
            + " FROM notifications WHERE member_id = :member AND channel = 'inbox'")
        .bind("member", member)
        .map((rs, ctx) -> new long[] {rs.getLong("total"), rs.getLong("unread")}).one();
  }

  /**
   * Marks one of a member's inbox notifications read (the first time counts).
   *
   * @return the row, empty if the member has no such notification
   */
  public static Optional<Row> markRead(Handle handle, long member, long id, long now) {
    handle.createUpdate("UPDATE notifications SET read_at = :now WHERE id = :id AND member_id = :member AND channel = 'inbox' AND read_at IS NULL")
        .bind("now", now).bind("id", id).bind("member", member).execute();
    return handle.createQuery(SELECT + " WHERE id = :id AND member_id = :member AND channel = 'inbox'")
        .bind("id", id).bind("member", member).map((rs, ctx) -> row(rs)).findOne();
  }

  /** The dead letters, newest first, with the e-mail address of a person recipient and the organization's name. */
  public static List<DeadLetter> deadLetters(Handle handle, int limit, int offset) {
    return handle.createQuery("SELECT n.id, n.channel, n.kind, n.attempts, n.last_error, n.created_at, n.due_at, o.name, m.email"
            + " FROM notifications n JOIN organizations o ON o.id = n.org_id LEFT JOIN members m ON m.id = n.member_id"
            + " WHERE n.state = 'dead' ORDER BY n.id DESC LIMIT :limit OFFSET :offset")
        .bind("limit", limit).bind("offset", offset)
        .map((rs, ctx) -> new DeadLetter(rs.getLong("id"), Channel.parse(rs.getString("channel"), "channel"),
            NotificationKind.parse(rs.getString("kind")), rs.getString("name"), Optional.ofNullable(rs.getString("email")),
            rs.getInt("attempts"), Optional.ofNullable(rs.getString("last_error")), Instant.ofEpochMilli(rs.getLong("created_at")),
            Instant.ofEpochMilli(rs.getLong("due_at"))))
        .list();
  }

  /** How many dead letters there are. */
  public static long deadCount(Handle handle) {
    return handle.createQuery("SELECT COUNT(*) FROM notifications WHERE state = 'dead'").mapTo(Long.class).one();
  }

  /**
   * A notification given up: who it was for (organization, and the person's address for e-mail and
   * inbox), its kind and its last error; never its content.
   */
  public record DeadLetter(long id, Channel channel, NotificationKind kind, String organization, Optional<String> member,
      int attempts, Optional<String> lastError, Instant created, Instant lastTried) {}

  /** The stored preferences of these members, by member id; one who never chose is absent. One query. */
  public static Map<Long, Preferences> preferences(Handle handle, Collection<Long> members) {
    Map<Long, Preferences> out = new java.util.HashMap<>();
    if (!members.isEmpty()) {
      handle.createQuery("SELECT member_id, email, webhook, inbox, digest FROM notification_preferences WHERE member_id IN (<members>)")
          .bindList("members", List.copyOf(members))
          .map((rs, ctx) -> out.put(rs.getLong("member_id"), preferences(rs)))
          .list();
    }
    return out;
  }

  /** The organizations among these that have a webhook; one query. */
  public static Set<Long> withWebhook(Handle handle, Collection<Long> organizations) {
    return organizations.isEmpty() ? Set.of()
        : Set.copyOf(handle.createQuery("SELECT org_id FROM organization_webhooks WHERE org_id IN (<orgs>)")
            .bindList("orgs", List.copyOf(organizations)).mapTo(Long.class).list());
  }

  /** A member's stored preferences, empty when it never chose. */
  public static Optional<Preferences> preferences(Handle handle, long member) {
    return handle.createQuery("SELECT email, webhook, inbox, digest FROM notification_preferences WHERE member_id = :member")
        .bind("member", member)
        .map((rs, ctx) -> preferences(rs))
        .findOne();
  }

  /** Stores a member's preferences. */
  public static void putPreferences(Handle handle, long member, Preferences preferences, long now) {
    handle.createUpdate("INSERT INTO notification_preferences (member_id, email, webhook, inbox, digest, updated_at)"
            + " VALUES (:member, :email, :webhook, :inbox, :digest, :now) ON CONFLICT (member_id) DO UPDATE SET email = :email,"
            + " webhook = :webhook, inbox = :inbox, digest = :digest, updated_at = :now")
        .bind("member", member)
        .bind("email", preferences.wants(Channel.EMAIL) ? 1 : 0)
        .bind("webhook", preferences.wants(Channel.WEBHOOK) ? 1 : 0)
        .bind("inbox", preferences.wants(Channel.INBOX) ? 1 : 0)
        .bind("digest", preferences.digest().label())
        .bind("now", now)
        .execute();
  }

  /** An organization's webhook. */
  public record Webhook(long org, String url, String secret, Instant updated) {}

  /** The organization's webhook, if it set one. */
  public static Optional<Webhook> webhook(Handle handle, long org) {
    return handle.createQuery("SELECT org_id, url, secret, updated_at FROM organization_webhooks WHERE org_id = :org")
        .bind("org", org)
        .map((rs, ctx) -> new Webhook(rs.getLong("org_id"), rs.getString("url"), rs.getString("secret"),
            Instant.ofEpochMilli(rs.getLong("updated_at"))))
        .findOne();
  }

  /** Sets (or replaces) an organization's webhook. */
  public static void putWebhook(Handle handle, long org, String url, String secret, long now) {
    handle.createUpdate("INSERT INTO organization_webhooks (org_id, url, secret, updated_at) VALUES (:org, :url, :secret, :now)"
            + " ON CONFLICT (org_id) DO UPDATE SET url = :url, secret = :secret, updated_at = :now")
        .bind("org", org).bind("url", url).bind("secret", secret).bind("now", now).execute();
  }

  /** Removes an organization's webhook; whether it had one. */
  public static boolean removeWebhook(Handle handle, long org) {
    return handle.createUpdate("DELETE FROM organization_webhooks WHERE org_id = :org").bind("org", org).execute() == 1;
  }

  private static final String SELECT = "SELECT id, idem_key, channel, org_id, member_id, body, digest, state, attempts, due_at, last_error,"
      + " created_at, sent_at, read_at FROM notifications";

  private static Row row(ResultSet rs) throws SQLException {
    long member = rs.getLong("member_id");
    OptionalLong memberId = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(member);
    long sent = rs.getLong("sent_at");
    Optional<Instant> sentAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(sent));
    long read = rs.getLong("read_at");
    Optional<Instant> readAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(read));
    return new Row(rs.getLong("id"), rs.getString("idem_key"), Channel.parse(rs.getString("channel"), "channel"), rs.getLong("org_id"),
        memberId, Notice.fromData(data(rs.getString("body"))), rs.getInt("digest") == 1, rs.getString("state"), rs.getInt("attempts"),
        Instant.ofEpochMilli(rs.getLong("due_at")), Optional.ofNullable(rs.getString("last_error")),
        Instant.ofEpochMilli(rs.getLong("created_at")), sentAt, readAt);
  }

  private static String clip(String error) {
    String text = error == null ? "" : error;
    return text.length() > 500 ? text.substring(0, 500) : text;
  }

  private static String json(Map<String, Object> data) {
    try {
      return JSON.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("notification body is not JSON: " + e.getMessage(), e);
    }
  }

  private static Map<String, Object> data(String json) {
    try {
      return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new StoreException("notifications.body is not JSON: " + e.getMessage(), e);
    }
  }

  private static Preferences preferences(ResultSet rs) throws SQLException {
    Set<Channel> channels = EnumSet.noneOf(Channel.class);
    if (rs.getInt("email") == 1) {
      channels.add(Channel.EMAIL);
    }
    if (rs.getInt("webhook") == 1) {
      channels.add(Channel.WEBHOOK);
    }
    if (rs.getInt("inbox") == 1) {
      channels.add(Channel.INBOX);
    }
    return new Preferences(channels, Digest.parse(rs.getString("digest"), "digest"));
  }
}
