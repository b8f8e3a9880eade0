package org.accord.app;

import org.accord.disclosure.CaseEventType;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.accord.InvalidInputException;
import org.accord.NotFoundException;
import org.accord.disclosure.AttachmentType;
import org.accord.disclosure.CaseId;
import org.accord.disclosure.MessageAudience;
import org.accord.disclosure.MessageText;
import org.accord.disclosure.MessageThread;
import org.accord.disclosure.ParticipantRole;
import org.accord.disclosure.Tlp;
import org.accord.notification.NotificationKind;
import org.accord.party.Member;
import org.accord.party.Principal;
import org.accord.store.CaseMessages.AttachmentRow;
import org.accord.store.CaseMessages.MessageRow;
import org.accord.store.CaseMessages.Reader;
import org.accord.store.CaseMessages.ThreadRow;
import org.accord.store.Cases.ParticipantRow;
import org.accord.store.Database;
import org.accord.store.Members;
import org.jdbi.v3.core.Handle;

/**
 * Case messages (ADR 0117, 0118): threads per case (general, per product, per vendor), messages with an
 * audience and a TLP label, Markdown rendered safely, attachments checked by their bytes, per-member read
 * state, edits that keep every version, and search. Orchestration only: who may post, who sees a message
 * and what an audience may be are the {@code disclosure} core's ({@link MessageAudience}, {@link
 * MessageThread}, {@link AttachmentType}, {@link MessageText}, {@link Tlp}); SQL is {@link
 * org.accord.store.CaseMessages}'.
 *
 * <p>A case the caller may not see answers like a missing one ({@link Cases#load}); a message or
 * thread it may not see answers like a missing one too, and is never listed, counted or found. A post
 * and an edit each write one {@code case.message_posted} / {@code case.message_edited} event, marked
 * with the message's marking so the case history shows it only to those who see the message, staged in
 * the same transaction, under the lock of {@link Cases}' writes (read markers and message order stay
 * consistent with commit order). After the commit, each {@link Listener} is told.
 *
 * <p>Thread-safe.
 */
public final class CaseMessages {
  /** The most messages a thread page holds. */
  public static final int PAGE_MAX = 200;
  /** The most search hits an answer holds. */
  public static final int SEARCH_MAX = 100;
  /** The most words a search takes. */
  public static final int SEARCH_WORDS_MAX = 16;

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

  private final Database database;
  private final Clock clock;
  private final Cases cases;
  private final EventOutbox log;
  private final CaseAccessLog access;
  private final Limits limits;
  /** Where a post's MESSAGE notifications are written, in the post's transaction (ADR 0125). */
  private final Notifications notifications;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  /** Threads kept under their revision for pages and unread counts (ADR 0136). */
  private final KeptThreads kept = new KeptThreads();

  CaseMessages(Database database, Clock clock, Cases cases, EventOutbox log, CaseAccessLog access, Limits limits,
      Notifications notifications) {
    this.database = Objects.requireNonNull(database, "database");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.cases = Objects.requireNonNull(cases, "cases");
    this.log = Objects.requireNonNull(log, "log");
    this.access = Objects.requireNonNull(access, "access");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.notifications = Objects.requireNonNull(notifications, "notifications");
  }

  /**
   * Attachment limits.
   *
   * @param attachmentMaxBytes the largest attachment, in bytes
   * @param attachmentsPerMessage the most attachments one message carries
   */
  public record Limits(long attachmentMaxBytes, int attachmentsPerMessage) {
    /** The default attachment size: 10 MiB. */
    public static final long DEFAULT_MAX_BYTES = 10L << 20;

    public Limits {
      if (attachmentMaxBytes < 1 || attachmentsPerMessage < 0) {
        throw new IllegalArgumentException("attachment limits are positive");
      }
    }

    /** 10 MiB per attachment (or {@code ACCORD_ATTACHMENT_MAX_BYTES}), 10 per message. */
    public static Limits fromEnvironment() {
      String bytes = System.getenv("ACCORD_ATTACHMENT_MAX_BYTES");
      try {
        return new Limits(bytes == null || bytes.isBlank() ? DEFAULT_MAX_BYTES : Long.parseLong(bytes.strip()), 10);
      } catch (NumberFormatException e) {
        throw new org.accord.EnvironmentException("ACCORD_ATTACHMENT_MAX_BYTES is not a number of bytes: " + bytes, e);
      }
    }
  }

  /** The limits in force. */
  public Limits limits() {
    return limits;
  }

  /**
   * Told after a message is posted or edited and committed, so that notifications can be built from
   * it (issue 10, item 2); called on the writer's thread, after the lock is released. A listener that
   * throws does not undo the write, and the others are still told.
   */
  @FunctionalInterface
  public interface Listener {
    void committed(Notice notice);
  }

  /**
   * What a listener is told: the case, the message and thread (public ids), whether it was an edit,
   * the message's marking and its access list (who may be told of it: a notification never carries
   * more than its recipient may see), and the author.
   */
  public record Notice(CaseId caseId, String message, String thread, boolean edit, Tlp.Marking marking,
      MessageAudience.Grants grants, long authorOrganization, OptionalLong authorMember, Instant at) {}

  /** Adds a listener. */
  public void listen(Listener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * An attachment to post.
   *
   * @param name its file name; its extension must fit the bytes
   * @param contentType the type the client claims, or null; it must be the bytes' type
   * @param tlp its TLP label, the message's when null
   */
  public record Attachment(String name, String contentType, String tlp, byte[] content) {
    public Attachment {
      Objects.requireNonNull(content, "content");
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Attachment a && Objects.equals(name, a.name) && Objects.equals(contentType, a.contentType)
          && Objects.equals(tlp, a.tlp) && java.util.Arrays.equals(content, a.content);
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, contentType, tlp, java.util.Arrays.hashCode(content));
    }
  }

  /**
   * A message to post.
   *
   * @param thread {@code general} (also when null), {@code product:PURL}, {@code vendor:ORGANIZATION} or
   *     the id of a thread of the case
   * @param audience organization names, or null/empty for every participant
   * @param tlp the label, the case's when null
   * @param recipients TLP:RED only: the persons (e-mail) who may see it
   * @param body Markdown
   * @param attachments may be null
   */
  public record Draft(String thread, List<String> audience, String tlp, List<String> recipients, String body,
      List<Attachment> attachments) {}

  // --- writes --------------------------------------------------------------------------------------

  /**
   * Posts a message; a participant or the coordinator may.
   *
   * @return the message as {@link #message} shows it
   * @throws NotFoundException for a hidden or missing case, or a thread id the caller does not see
   * @throws org.accord.ForbiddenException for a viewer of the case that neither takes part nor coordinates
   * @throws InvalidInputException naming the field: {@code body}, {@code thread}, {@code audience[i]},
   *     {@code tlp}, {@code recipients[i]}, {@code attachments[i].content|name|content_type|tlp}
   */
  public Map<String, Object> post(Principal actor, String id, Draft draft) {
    CaseId caseId = CaseId.parse(id == null ? "" : id.strip());
    String body = MessageText.check(draft.body());
    Tlp label = draft.tlp() == null || draft.tlp().isBlank() ? null : Tlp.parse(draft.tlp());
    List<Checked> attachments = attachments(draft.attachments());
    Written written = write((handle, events) -> {
      Cases.View view = cases.load(handle, actor, caseId);
      Tlp.Viewer who = Cases.who(view, actor);
      MessageAudience.requirePoster(who, caseId.toString());
      Map<Long, Set<ParticipantRole>> roles = new HashMap<>();
      Map<String, ParticipantRow> byName = new HashMap<>();
      for (ParticipantRow p : view.participants()) {
        roles.put(p.participant().organization(), p.participant().roles());
        byName.put(p.organizationName().toLowerCase(Locale.ROOT), p);
      }
      MessageThread subject = subject(handle, view, draft.thread(), byName);
      subject.check(roles, "thread");
      List<Long> named = new ArrayList<>();
      List<String> fields = new ArrayList<>();
      List<String> names = draft.audience() == null ? List.of() : draft.audience();
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i) == null ? "" : names.get(i).strip();
        ParticipantRow p = byName.get(name.toLowerCase(Locale.ROOT));
        // A name that is no participant: -1 is never one, so the core refuses it with the field.
        named.add(p == null ? -1L : p.participant().organization());
        fields.add("audience[" + i + "]");
      }
      MessageAudience audience = named.isEmpty() ? MessageAudience.all() : MessageAudience.of(named);
      Tlp tlp = label == null ? view.row().tlp() : label;
      audience.check(tlp, view.row().tlp(), draft.recipients() == null ? 0 : draft.recipients().size(), roles.keySet(), named, fields);
      Set<Long> recipients = recipients(handle, view, tlp, audience, actor, draft.recipients());
      for (int i = 0; i < attachments.size(); i++) {
        Checked a = attachments.get(i);
        MessageAudience.checkAttachment(tlp, a.tlp() == null ? tlp : a.tlp(), audience, "attachments[" + i + "].tlp");
      }
      Long member = memberId(actor);
      Tlp.Marking marking = audience.marking(tlp, actor.organization().id(), member, recipients);
      MessageAudience.Grants grants = MessageAudience.Grants.of(marking);
      long now = clock.millis();
      ThreadRow thread = org.accord.store.CaseMessages.thread(handle, view.row().pk(), subject.kind(), subject.subject())
          .orElseGet(() -> org.accord.store.CaseMessages.addThread(handle, view.row().pk(), randomId('t'), subject.kind(),
              subject.subject(), now));
      String publicId = randomId('m');
      long pk = org.accord.store.CaseMessages.addMessage(handle, new org.accord.store.CaseMessages.NewMessage(view.row().pk(),
          thread.pk(), publicId, actor.organization().id(), member, audience, tlp, recipients, grants, body, now));
      List<Map<String, Object>> described = new ArrayList<>();
      for (int i = 0; i < attachments.size(); i++) {
        Checked a = attachments.get(i);
        org.accord.store.CaseMessages.putBlob(handle, a.sha256(), a.content());
        AttachmentRow row = new AttachmentRow(i + 1, a.name(), a.type().label(), a.sha256(), a.content().length,
            a.tlp() == null ? tlp : a.tlp());
        org.accord.store.CaseMessages.addAttachment(handle, pk, row);
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("name", row.name());
        one.put("type", row.type());
        one.put("sha256", row.sha256());
        one.put("size", row.size());
        one.put("tlp", row.tlp().label());
        described.add(one);
      }
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("message", publicId);
      data.put("thread", thread.publicId());
      data.put("thread_kind", subject.kind());
      data.put("audience", audience.kind());
      data.put("to", audience.organizations().stream().map(o -> nameOf(view, o)).sorted().toList());
      data.put("tlp", tlp.label());
      data.put("body_sha256", sha256(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      data.put("attachments", described);
      long seq = Cases.event(handle, events, actor, view.row(), CaseEventType.MESSAGE_POSTED, data, now);
      org.accord.store.CaseMarkings.markEvent(handle, view.row().pk(), seq, marking);
      notifyAudience(handle, view, actor, audience, marking, data);
      return new Written(caseId, view.row().pk(), publicId, thread.publicId(), false, marking, grants, now);
    });
    return message(actor, caseId.toString(), written.message());
  }

  /**
   * Writes the post's MESSAGE notifications in its transaction (ADR 0125): one per member (and channel)
   * of the audience's organizations and the author's own (whose colleagues see the message too) who may
   * see it by the case's need-to-know and the message's marking; never the author. The source {@code
   * message-ID} makes the idempotency key one per (message, member, channel).
   */
  private void notifyAudience(Handle handle, Cases.View view, Principal actor, MessageAudience audience, Tlp.Marking marking,
      Map<String, Object> data) {
    Set<String> told = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    if (!(audience instanceof MessageAudience.All)) {
      audience.organizations().forEach(o -> told.add(nameOf(view, o)));
      told.add(actor.organization().name());
    }
    notifications.enqueue(handle, new Notifications.Request("message-" + data.get("message"), view.row().id().toString(),
        NotificationKind.MESSAGE, told, Optional.of(marking), NotificationKind.MESSAGE.text(data, actor.organization().name()),
        Optional.of(actor)));
  }

  /**
   * Edits a message's text; only its author may. The original and every edit are kept ({@link
   * #message} shows them); audience, label and attachments do not change. An edit notifies no one
   * (ADR 0125): its readers were told of the message, and the history shows the edit.
   *
   * @throws NotFoundException for a hidden or missing case or message
   * @throws org.accord.ForbiddenException for anyone but the author who sees the message
   * @throws InvalidInputException location {@code body}
   */
  public Map<String, Object> edit(Principal actor, String id, String messageId, String newBody) {
    CaseId caseId = CaseId.parse(id == null ? "" : id.strip());
    Written written = write((handle, events) -> {
      Cases.View view = cases.load(handle, actor, caseId);
      MessageRow row = visibleMessage(handle, view, actor, messageId);
      MessageAudience.requireAuthor(row.marking().origin(), Cases.who(view, actor));
      String body = MessageText.check(newBody);
      long now = clock.millis();
      int version = row.version() + 1;
      org.accord.store.CaseMessages.edit(handle, row.pk(), version, body, now, actor.organization().id(), memberId(actor));
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("message", row.publicId());
      data.put("thread", row.threadId());
      data.put("version", version);
      data.put("tlp", row.tlp().label());
      data.put("body_sha256", sha256(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      long seq = Cases.event(handle, events, actor, view.row(), CaseEventType.MESSAGE_EDITED, data, now);
      org.accord.store.CaseMarkings.markEvent(handle, view.row().pk(), seq, row.marking());
      return new Written(caseId, view.row().pk(), row.publicId(), row.threadId(), true, row.marking(),
          MessageAudience.Grants.of(row.marking()), now);
    });
    return message(actor, caseId.toString(), written.message());
  }

  /**
   * Marks the caller's read state in a thread through message {@code through} (the newest message it
   * sees when null); a marker never moves back.
   *
   * @return the thread as {@link #threads} shows it
   * @throws NotFoundException for a hidden or missing case, thread or message
   */
  public Map<String, Object> markRead(Principal viewer, String id, String threadId, String through) {
    CaseId caseId = CaseId.parse(id == null ? "" : id.strip());
    return database.jdbi().inTransaction(handle -> {
      Cases.View view = cases.load(handle, viewer, caseId);
      Reader reader = reader(viewer);
      ThreadRow thread = visibleThread(handle, view, reader, threadId);
      OptionalLong position = through == null || through.isBlank()
          ? org.accord.store.CaseMessages.newest(handle, thread.pk(), reader)
          : org.accord.store.CaseMessages.position(handle, thread.pk(), through.strip(), reader);
      if (position.isEmpty()) {
        throw new NotFoundException("no message " + shorten(through) + " in thread " + thread.publicId());
      }
      org.accord.store.CaseMessages.markRead(handle, thread.pk(), reader, position.getAsLong(), clock.millis());
      return threadsOf(handle, view, reader).stream().filter(t -> t.get("id").equals(thread.publicId())).findFirst().orElseThrow();
    });
  }

  // --- reads ---------------------------------------------------------------------------------------

  /**
   * The case's threads the caller sees a message in, with its unread count and newest message time;
   * oldest first.
   *
   * @throws NotFoundException for a hidden or missing case
   */
  public List<Map<String, Object>> threads(Principal viewer, String id) {
    CaseId caseId = CaseId.parse(id == null ? "" : id.strip());
    return database.jdbi().withHandle(handle -> {
      Reader reader = reader(viewer);
      // One point query (the case row with its message revision and the reader's marks revision); the
      // threads, the reader's markers and the messages come from what is kept under those (ADR 0136).
      Optional<org.accord.store.Cases.CaseWithReadState> found =
          org.accord.store.Cases.byIdWithReadState(handle, caseId, reader);
      Cases.View view = cases.load(handle, viewer, caseId, found.map(org.accord.store.Cases.CaseWithReadState::row));
      long casePk = view.row().pk();
      org.accord.store.CaseMessages.ReadState state = found.orElseThrow().state();
      Map<Long, Long> markers = kept.markers(handle, casePk, reader, state);
      List<Map<String, Object>> out = new ArrayList<>();
      for (org.accord.store.CaseMessages.ThreadVersion version : kept.threads(handle, casePk, state)) {
        KeptThreads.Kept thread = kept.get(handle, version);
        KeptThreads.Seen seen = thread.seen(reader);
        if (seen.any()) { // a thread with no message the reader may see is not shown
          MessageRow newest = thread.entries[seen.positions()[seen.positions().length - 1]].row;
          out.add(threadEntry(view, thread.thread, seen.unreadAfter(markers.getOrDefault(thread.thread.pk(), 0L)), newest.posted()));
        }
      }
      access.record(viewer, view.row().pk(), CaseAccessLog.Seen.MESSAGES);
      return out;
    });
  }

  /** Unread counts read in the caller's transaction, from the store's SQL (nothing kept: it may not be committed). */
  private static List<Map<String, Object>> threadsOf(Handle handle, Cases.View view, Reader reader) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (org.accord.store.CaseMessages.ThreadSummary t : org.accord.store.CaseMessages.threads(handle, view.row().pk(), reader)) {
      out.add(threadEntry(view, t.thread(), t.unread(), t.latest().orElseThrow()));
    }
    return out;
  }

  private static Map<String, Object> threadEntry(Cases.View view, ThreadRow thread, int unread, Instant latest) {
    Map<String, Object> one = new LinkedHashMap<>();
    one.put("id", thread.publicId());
    describeSubject(one, view, MessageThread.stored(thread.kind(), thread.subject()));
    one.put("unread", unread);
    one.put("latest", latest.toString());
    return one;
  }

  /**
   * A page of a thread's messages the caller sees, oldest first, after the message {@code cursor}
   * names (null for the first page); {@code cursor} in the answer continues, null at the end.
   *
   * @throws NotFoundException for a hidden or missing case or thread
   * @throws InvalidInputException for a limit out of range ({@code limit}) or an unknown cursor ({@code cursor})
   */
  public Map<String, Object> page(Principal viewer, String id, String threadId, int limit, String cursor) {
    CaseId caseId = CaseId.parse(id == null ? "" : id.strip());
    if (limit < 1 || limit > PAGE_MAX) {
      throw new InvalidInputException("limit must be from 1 to " + PAGE_MAX + ", not " + limit, "limit");
    }
    return database.jdbi().withHandle(handle -> {
      Cases.View view = cases.load(handle, viewer, caseId);
      Reader reader = reader(viewer);
      // Two queries (the case row, the thread row with its revision); the page comes from the thread
      // kept at that revision, filtered by the reader's access lists (ADR 0136).
      String clean = threadId == null ? "" : threadId.strip();
      KeptThreads.Kept thread = org.accord.store.CaseMessages.threadVersion(handle, view.row().pk(), clean)
          .map(v -> kept.get(handle, v)).orElse(null);
      KeptThreads.Seen seen = thread == null ? null : thread.seen(reader);
      if (seen == null || !seen.any()) {
        throw new NotFoundException("no thread " + shorten(clean) + " in " + view.row().id());
      }
      int from = 0;
      if (cursor != null && !cursor.isBlank()) {
        from = thread.after(seen, cursor.strip());
        if (from < 0) {
          throw new InvalidInputException("unknown cursor: give the cursor of the previous page", "cursor");
        }
      }
      int to = Math.min(seen.positions().length, from + limit);
      List<Map<String, Object>> shown = new ArrayList<>(to - from);
      for (int i = from; i < to; i++) {
        KeptThreads.Entry e = thread.entries[seen.positions()[i]];
        shown.add(e.described(view, () -> describe(view, e.row, e.attachments, thread.emails, e.html())));
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("thread", thread.thread.publicId());
      out.put("messages", shown);
      out.put("cursor", to < seen.positions().length ? thread.entries[seen.positions()[to - 1]].row.publicId() : null);
      access.record(viewer, view.row().pk(), CaseAccessLog.Seen.MESSAGES);
      return out;
    });
  }

  /**
   * One message with its versions (the original first) and who has read it ("seen by").
   *
   * @throws NotFoundException for a hidden or missing case or message (the same message)
   */
  public Map<String, Object> message(Principal viewer, String id, String messageId) {
    CaseId caseId = CaseId.parse(id == null ? "" : id.strip());
    return database.jdbi().withHandle(handle -> {
      Cases.View view = cases.load(handle, viewer, caseId);
      MessageRow row = visibleMessage(handle, view, viewer, messageId);
      Map<String, Object> out = describe(view, row,
          org.accord.store.CaseMessages.attachments(handle, List.of(row.pk())).getOrDefault(row.pk(), List.of()), emails(handle, List.of(row)));
      List<Map<String, Object>> versions = new ArrayList<>();
      for (org.accord.store.CaseMessages.Version v : org.accord.store.CaseMessages.versions(handle, row.pk())) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("version", v.version());
        one.put("body", v.body());
        one.put("at", v.at().toString());
        one.put("organization", v.organization());
        one.put("member", v.email().orElse(null));
        versions.add(one);
      }
      out.put("versions", versions);
      List<Map<String, Object>> seen = new ArrayList<>();
      for (org.accord.store.CaseMessages.Seen s : org.accord.store.CaseMessages.seenBy(handle, row.threadPk(), row.pk())) {
        // A reader who could not see the message now (the marker passed it) is not listed.
        if (row.marking().allows(Tlp.Viewer.of(s.organization(), s.member().isPresent() ? s.member().getAsLong() : null, true, false), false)) {
          Map<String, Object> one = new LinkedHashMap<>();
          one.put("organization", s.organizationName());
          one.put("member", s.email().orElse(null));
          one.put("at", s.at().toString());
          seen.add(one);
        }
      }
      out.put("seen_by", seen);
      access.record(viewer, view.row().pk(), CaseAccessLog.Seen.MESSAGES);
      return out;
    });
  }

  /** An attachment's bytes, with the type its bytes were found to be. */
  public record Download(String name, AttachmentType type, String sha256, byte[] content) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Download d && name.equals(d.name) && type == d.type && sha256.equals(d.sha256)
          && java.util.Arrays.equals(content, d.content);
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, type, sha256, java.util.Arrays.hashCode(content));
    }
  }

  /**
   * Attachment {@code position} (from 1) of a message the caller sees.
   *
   * @throws NotFoundException for a hidden or missing case, message or attachment
   */
  public Download attachment(Principal viewer, String id, String messageId, String position) {
    CaseId caseId = CaseId.parse(id == null ? "" : id.strip());
    return database.jdbi().withHandle(handle -> {
      Cases.View view = cases.load(handle, viewer, caseId);
      MessageRow row = visibleMessage(handle, view, viewer, messageId);
      AttachmentRow found = org.accord.store.CaseMessages.attachments(handle, List.of(row.pk())).getOrDefault(row.pk(), List.of())
          .stream().filter(a -> Integer.toString(a.position()).equals(position))
          .filter(a -> a.tlp().allows(row.marking().origin(), row.marking().recipients(), Cases.who(view, viewer), false))
          .findFirst()
          .orElseThrow(() -> new NotFoundException("no attachment " + shorten(position) + " of message " + row.publicId()));
      byte[] content = org.accord.store.CaseMessages.blob(handle, found.sha256())
          .orElseThrow(() -> new IllegalStateException("attachment bytes " + found.sha256() + " are missing"));
      access.record(viewer, view.row().pk(), CaseAccessLog.Seen.MESSAGES);
      return new Download(found.name(), AttachmentType.valueOf(found.type().toUpperCase(Locale.ROOT)), found.sha256(), content);
    });
  }

  /**
   * The case's messages the caller sees whose current text has every word of {@code query}, newest
   * first, and their number ({@code total}); hidden messages are neither returned nor counted.
   *
   * @throws NotFoundException for a hidden or missing case
   * @throws InvalidInputException location {@code q} for a query without a word, {@code limit} out of range
   */
  public Map<String, Object> search(Principal viewer, String id, String query, int limit) {
    CaseId caseId = CaseId.parse(id == null ? "" : id.strip());
    if (limit < 1 || limit > SEARCH_MAX) {
      throw new InvalidInputException("limit must be from 1 to " + SEARCH_MAX + ", not " + limit, "limit");
    }
    return database.jdbi().withHandle(handle -> {
      Cases.View view = cases.load(handle, viewer, caseId);
      List<String> words = words(query); // after the case: a hidden case answers as a missing one, whatever the query
      org.accord.store.CaseMessages.Hits hits = org.accord.store.CaseMessages.search(handle, view.row().pk(), reader(viewer), words, limit);
      Map<Long, List<AttachmentRow>> attached = org.accord.store.CaseMessages.attachments(handle,
          hits.messages().stream().map(MessageRow::pk).toList());
      Map<Long, String> emails = emails(handle, hits.messages());
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("query", String.join(" ", words));
      out.put("total", hits.total());
      out.put("messages", hits.messages().stream().map(m -> describe(view, m, attached.getOrDefault(m.pk(), List.of()), emails)).toList());
      access.record(viewer, view.row().pk(), CaseAccessLog.Seen.MESSAGES);
      return out;
    });
  }

  /** The words of a search: runs of letters and digits, lower-cased; 1 to {@link #SEARCH_WORDS_MAX}. */
  static List<String> words(String query) {
    List<String> words = new ArrayList<>();
    for (String word : (query == null ? "" : query).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!word.isEmpty() && !words.contains(word)) {
        words.add(word);
      }
    }
    if (words.isEmpty()) {
      throw new InvalidInputException("missing q: search for one or more words", "q");
    }
    if (words.size() > SEARCH_WORDS_MAX) {
      throw new InvalidInputException(words.size() + " words; a search takes at most " + SEARCH_WORDS_MAX, "q");
    }
    return words;
  }

  // --- the pieces ----------------------------------------------------------------------------------

  /** An attachment whose bytes were checked. */
  private record Checked(String name, AttachmentType type, Tlp tlp, String sha256, byte[] content) {}

  private List<Checked> attachments(List<Attachment> given) {
    List<Checked> out = new ArrayList<>();
    if (given == null) {
      return out;
    }
    if (given.size() > limits.attachmentsPerMessage()) {
      throw new InvalidInputException(given.size() + " attachments; a message carries at most " + limits.attachmentsPerMessage(),
          "attachments");
    }
    for (int i = 0; i < given.size(); i++) {
      Attachment a = given.get(i);
      String field = "attachments[" + i + "]";
      if (a.content().length > limits.attachmentMaxBytes()) {
        throw new InvalidInputException("the attachment has " + a.content().length + " bytes; at most " + limits.attachmentMaxBytes(),
            field + ".content");
      }
      AttachmentType type = AttachmentType.check(field, a.name(), a.contentType(), a.content());
      Tlp tlp;
      try {
        tlp = a.tlp() == null || a.tlp().isBlank() ? null : Tlp.parse(a.tlp());
      } catch (InvalidInputException e) {
        throw new InvalidInputException(e.getMessage(), field + ".tlp");
      }
      out.add(new Checked(a.name().strip(), type, tlp, sha256(a.content()), a.content()));
    }
    return out;
  }

  /** The thread a draft names: general, product:PURL, vendor:NAME, or an existing thread's id. */
  private static MessageThread subject(Handle handle, Cases.View view, String text, Map<String, ParticipantRow> byName) {
    String clean = text == null ? "" : text.strip();
    if (clean.isEmpty() || clean.equals("general")) {
      return new MessageThread.General();
    }
    if (clean.startsWith("product:")) {
      try {
        org.accord.identity.Purl purl = org.accord.identity.Purl.parse(clean.substring("product:".length()).strip());
        return new MessageThread.Product(purl.canonical());
      } catch (IllegalArgumentException | InvalidInputException e) {
        throw new InvalidInputException("the product is not a PURL: " + e.getMessage(), "thread");
      }
    }
    if (clean.startsWith("vendor:")) {
      ParticipantRow p = byName.get(clean.substring("vendor:".length()).strip().toLowerCase(Locale.ROOT));
      return new MessageThread.Vendor(p == null ? -1 : p.participant().organization());
    }
    if (clean.matches("t[a-z2-7]{16}")) {
      // An existing thread: posting there reveals nothing, since its id is unguessable and a thread
      // one sees no message in was never shown; an unknown id is refused like a malformed one.
      return org.accord.store.CaseMessages.thread(handle, view.row().pk(), clean)
          .map(t -> MessageThread.stored(t.kind(), t.subject()))
          .orElseThrow(() -> new InvalidInputException("no thread " + clean + " in " + view.row().id(), "thread"));
    }
    throw new InvalidInputException("a thread is general, product:PURL, vendor:ORGANIZATION or a thread id", "thread");
  }

  /**
   * The recipients of a message labelled {@code tlp}: as for any case item ({@link Cases#recipients}),
   * and each of an organization the audience names or the author's. A RED message in a RED case that
   * names none reaches those of the case's recipients who are in the audience.
   */
  private static Set<Long> recipients(Handle handle, Cases.View view, Tlp tlp, MessageAudience audience, Principal actor,
      List<String> emails) {
    Set<Long> named = Cases.recipients(handle, view, tlp, emails);
    if (audience instanceof MessageAudience.All) {
      return requireSome(tlp, named, actor);
    }
    Set<Long> allowed = new TreeSet<>(audience.organizations());
    allowed.add(actor.organization().id());
    boolean given = emails != null && !emails.isEmpty();
    Set<Long> kept = new TreeSet<>();
    if (given) {
      for (int i = 0; i < emails.size(); i++) {
        Optional<Member> member = Members.byEmail(handle, emails.get(i).strip());
        if (member.isEmpty() || !allowed.contains(member.get().organization().id())) {
          throw new InvalidInputException("'" + shorten(emails.get(i).strip()) + "' is not a member of an organization the message is"
              + " addressed to", "recipients[" + i + "]");
        }
        kept.add(member.get().id());
      }
    } else {
      Map<Long, Long> organizations = org.accord.store.CaseMessages.organizationsOf(handle, named);
      named.stream().filter(m -> allowed.contains(organizations.get(m))).forEach(kept::add);
    }
    return requireSome(tlp, kept, actor);
  }

  private static Set<Long> requireSome(Tlp tlp, Set<Long> recipients, Principal actor) {
    Set<Long> others = new TreeSet<>(recipients);
    if (actor.member() != null) {
      others.remove(actor.member().id());
    }
    if (tlp == Tlp.RED && others.isEmpty()) {
      throw new InvalidInputException("a TLP:RED message names its recipients: the people besides you who may read it", "recipients");
    }
    return recipients;
  }

  private static ThreadRow visibleThread(Handle handle, Cases.View view, Reader reader, String threadId) {
    String clean = threadId == null ? "" : threadId.strip();
    return org.accord.store.CaseMessages.thread(handle, view.row().pk(), clean)
        .filter(t -> org.accord.store.CaseMessages.newest(handle, t.pk(), reader).isPresent())
        .orElseThrow(() -> new NotFoundException("no thread " + shorten(clean) + " in " + view.row().id()));
  }

  private static MessageRow visibleMessage(Handle handle, Cases.View view, Principal viewer, String messageId) {
    String clean = messageId == null ? "" : messageId.strip();
    return org.accord.store.CaseMessages.message(handle, view.row().pk(), clean, reader(viewer))
        .filter(m -> m.marking().allows(Cases.who(view, viewer), false)) // the core's rule, over the store's access list
        .orElseThrow(() -> new NotFoundException("no message " + shorten(clean) + " in " + view.row().id()));
  }

  private static Reader reader(Principal viewer) {
    return new Reader(viewer.organization().id(),
        viewer.member() == null ? OptionalLong.empty() : OptionalLong.of(viewer.member().id()));
  }

  private static Long memberId(Principal principal) {
    return principal.member() == null ? null : principal.member().id();
  }

  private static String nameOf(Cases.View view, long organization) {
    return view.participants().stream().filter(p -> p.participant().organization() == organization)
        .map(ParticipantRow::organizationName).findFirst().orElse("");
  }

  private static void describeSubject(Map<String, Object> out, Cases.View view, MessageThread subject) {
    out.put("kind", subject.kind());
    if (subject instanceof MessageThread.Product product) {
      out.put("product", product.purl());
    } else if (subject instanceof MessageThread.Vendor vendor) {
      out.put("vendor", nameOf(view, vendor.organization()));
    }
  }

  private static Map<Long, String> emails(Handle handle, List<MessageRow> rows) {
    Set<Long> members = new TreeSet<>();
    rows.forEach(r -> members.addAll(r.recipients()));
    return members.isEmpty() ? Map.of() : org.accord.store.CaseMarkings.emails(handle, members);
  }

  /** A message as both edges show it (no store ids): its Markdown, its HTML, its audience by name. */
  private static Map<String, Object> describe(Cases.View view, MessageRow m, List<AttachmentRow> attachments, Map<Long, String> emails) {
    return describe(view, m, attachments, emails, MessageText.html(m.body()));
  }

  private static Map<String, Object> describe(Cases.View view, MessageRow m, List<AttachmentRow> attachments, Map<Long, String> emails,
      String html) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", m.publicId());
    out.put("thread", m.threadId());
    Map<String, Object> author = new LinkedHashMap<>();
    author.put("organization", m.authorOrgName());
    author.put("member", m.authorEmail().orElse(null));
    out.put("author", author);
    Map<String, Object> audience = new LinkedHashMap<>();
    audience.put("kind", m.audience().kind());
    audience.put("organizations", m.audience().organizations().stream().map(o -> nameOf(view, o)).sorted().toList());
    out.put("audience", audience);
    out.put("tlp", m.tlp().label());
    out.put("recipients", m.recipients().stream().map(r -> emails.getOrDefault(r, "")).sorted().toList());
    out.put("body", m.body());
    out.put("html", html);
    out.put("version", m.version());
    out.put("posted", m.posted().toString());
    out.put("edited", m.edited().map(Instant::toString).orElse(null));
    List<Map<String, Object>> files = new ArrayList<>();
    for (AttachmentRow a : attachments) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("position", a.position());
      one.put("name", a.name());
      one.put("type", a.type());
      one.put("content_type", AttachmentType.valueOf(a.type().toUpperCase(Locale.ROOT)).contentType());
      one.put("size", a.size());
      one.put("sha256", a.sha256());
      one.put("tlp", a.tlp().label());
      files.add(one);
    }
    out.put("attachments", files);
    return out;
  }

  private static String sha256(byte[] bytes) {
    return org.accord.ledger.Hash.sha256(bytes).hex();
  }

  private static String shorten(String text) {
    String clean = text == null ? "" : text.strip();
    return clean.length() > 40 ? clean.substring(0, 40) + "..." : clean;
  }

  private static String randomId(char prefix) {
    byte[] bytes = new byte[10];
    RANDOM.nextBytes(bytes);
    StringBuilder out = new StringBuilder().append(prefix);
    long bits = 0;
    int count = 0;
    for (byte b : bytes) {
      bits = bits << 8 | (b & 0xFF);
      count += 8;
      while (count >= 5) {
        out.append(BASE32[(int) (bits >>> (count - 5)) & 31]);
        count -= 5;
      }
    }
    return out.toString();
  }

  // --- writing -------------------------------------------------------------------------------------

  private record Written(CaseId caseId, long casePk, String message, String thread, boolean edit, Tlp.Marking marking,
      MessageAudience.Grants grants, long at) {}


  /** Runs a write and its event in one transaction under the case lock; waits for the log; tells the listeners. */
  private Written write(EventOutbox.Work<Written> work) {
    EventOutbox.Committed<Written> committed = cases.locked(() -> log.inTransaction(work));
    committed.await();
    Written written = committed.value();
    Notice notice = new Notice(written.caseId(), written.message(), written.thread(), written.edit(), written.marking(),
        written.grants(), written.marking().origin().creatorOrganization(), written.marking().origin().creatorMember(),
        Instant.ofEpochMilli(written.at()));
    for (Listener listener : listeners) {
      try {
        listener.committed(notice);
      } catch (RuntimeException e) {
        org.slf4j.LoggerFactory.getLogger(CaseMessages.class).warn("a message listener failed on {}", notice.message(), e);
      }
    }
    return written;
  }
}
