package org.accord.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import org.accord.ForbiddenException;
import org.accord.InvalidInputException;
import org.accord.NotFoundException;
import org.accord.disclosure.CaseId;
import org.accord.disclosure.Tlp;
import org.accord.ledger.Hash;
import org.accord.notification.Backoff;
import org.accord.notification.Channel;
import org.accord.notification.Digest;
import org.accord.notification.NotificationKind;
import org.accord.notification.Notice;
import org.accord.notification.Preferences;
import org.accord.notification.WebhookUrl;
import org.accord.party.Authority;
import org.accord.party.Member;
import org.accord.party.Organization;
import org.accord.party.Principal;
import org.accord.store.Cases.CaseRow;
import org.accord.store.Cases.ParticipantRow;
import org.accord.store.Database;
import org.accord.store.Members;
import org.accord.store.Notifications.DeadLetter;
import org.accord.store.Notifications.Row;
import org.accord.store.Organizations;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notification delivery that does not drop messages (ADR 0119, 0120).
 *
 * <p><b>Writing.</b> A case event that notifies ({@link NotificationKind#ofEvent}) writes its
 * notifications in the transaction that stages the event ({@link EventOutbox} calls {@link #staged}),
 * so a case change, its event and its notifications commit together or not at all. Each is one row per
 * recipient and channel with the idempotency key {@code SOURCE:RECIPIENT:CHANNEL}, where the source is
 * the event's outbox id (never reused) or the key a caller of {@link #enqueue} gives; a second write of
 * a key does nothing. Recipients are the members of the concerned participants who see the case by its
 * need-to-know ({@link Cases#visible}, ADR 0112) and, for an item, its {@link Tlp.Marking}: a
 * member-only participant's colleagues, and everyone but the named people of a RED case, get nothing.
 * The acting person is not told of its own act. Each member's {@link Preferences} pick the channels:
 * the inbox (delivered by being written), e-mail (when SMTP is configured; at once or in the daily
 * {@link Digest}) and the organization's webhook (one delivery per organization, only when the whole
 * organization may see the case).
 *
 * <p><b>Delivering.</b> {@link #deliverDue} claims due rows ({@code FOR UPDATE SKIP LOCKED} on
 * PostgreSQL) with a lease, sends them outside any transaction and then marks them sent, or schedules
 * the next attempt by {@link Backoff}, or after the last makes them dead letters. A crash between the
 * send and the mark sends again when the lease passes (at-least-once), with the same {@code
 * Message-ID} or {@code X-Accord-Delivery}. {@link #start} runs it on a background thread until {@link
 * #close}; all times come from the instance clock.
 *
 * <p>Thread-safe.
 */
public final class Notifications implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** How long a claimed row is left to its worker before another may claim it again. */
  static final long LEASE_MILLIS = 5 * 60_000;
  /** The most rows one pass claims. */
  private static final int BATCH = 200;
  /** The most rows an inbox or dead-letter page holds. */
  public static final int PAGE_MAX = 200;
  /** How often the background worker looks for due rows when nothing wakes it. */
  private static final long POLL_MILLIS = 1000;

  /**
   * How notifications leave the instance.
   *
   * @param smtp where e-mail goes; empty: no e-mail is written or sent
   * @param publicUrl the instance's public URL, for links ({@code ACCORD_PUBLIC_URL})
   * @param backoff when failed deliveries are tried again
   */
  public record Settings(Optional<SmtpSettings> smtp, String publicUrl, Backoff backoff) {
    public Settings {
      Objects.requireNonNull(smtp, "smtp");
      Objects.requireNonNull(publicUrl, "publicUrl");
      Objects.requireNonNull(backoff, "backoff");
    }

    /** No e-mail, links under {@code http://localhost:8080}, the default backoff. */
    public static Settings none() {
      return new Settings(Optional.empty(), "http://localhost:8080", Backoff.DEFAULT);
    }

    /**
     * From {@code ACCORD_SMTP_URL} and {@code ACCORD_PUBLIC_URL}.
     *
     * @param fallbackUrl the public URL when {@code ACCORD_PUBLIC_URL} is not set (the served address)
     * @throws org.accord.EnvironmentException for an SMTP URL that does not parse
     */
    public static Settings fromEnvironment(String fallbackUrl) {
      String url = System.getenv("ACCORD_PUBLIC_URL");
      return new Settings(SmtpSettings.fromEnvironment(), url == null || url.isBlank() ? fallbackUrl : url.strip(), Backoff.DEFAULT);
    }
  }

  private final Database database;
  private final Clock clock;
  private final Parties parties;
  private final WebhookSender webhooks = new WebhookSender();
  private volatile Settings settings = Settings.none();
  private final Object wake = new Object();
  private Thread worker;
  private volatile boolean running;

  Notifications(Database database, Clock clock, Parties parties) {
    this.database = Objects.requireNonNull(database, "database");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.parties = Objects.requireNonNull(parties, "parties");
  }

  /** Sets how notifications leave; rows written before keep their channels. */
  public void configure(Settings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** How notifications leave now. */
  public Settings settings() {
    return settings;
  }

  // --- writing ---------------------------------------------------------------------------------

  /**
   * Writes the notifications of a case event, in the transaction that stages it; called by {@link
   * EventOutbox} for every event it stages. Events that notify no one write nothing.
   *
   * @param outboxId the event's outbox row id: never reused, so it names the event for the keys
   */
  void staged(Handle handle, Principal actor, String type, long outboxId, long now, Map<String, Object> data) {
    Optional<NotificationKind> kind = NotificationKind.ofEvent(type);
    if (kind.isEmpty() || !(data.get("case") instanceof String id)) {
      return;
    }
    Optional<CaseRow> row = org.accord.store.Cases.byId(handle, CaseId.parse(id));
    if (row.isEmpty()) {
      return;
    }
    List<ParticipantRow> participants = org.accord.store.Cases.participants(handle, row.get().pk());
    Set<String> concerned = kind.get().concerned(data, participants.stream().map(ParticipantRow::organizationName).toList(),
        actor.organization().name());
    Notice notice = new Notice(kind.get(), id, row.get().title(), kind.get().text(data, actor.organization().name()), Instant.ofEpochMilli(now));
    // An escalation to an organization's admins tells its admins only (ADR 0155).
    boolean adminsOnly = ADMINS.equals(data.get(AUDIENCE));
    fanOut(handle, "event-" + outboxId, row.get(), participants, concerned, Optional.empty(), notice, actor, now, adminsOnly);
  }

  /** The event data member that narrows who of a concerned organization is told. */
  public static final String AUDIENCE = "audience";
  /** {@link #AUDIENCE}'s value for an organization's admins only. */
  public static final String ADMINS = "admins";

  /**
   * A notification another service asks for (a message's audience, a reminder), written by {@link
   * #enqueue(Handle, Request)}.
   *
   * @param source the idempotency source, unique to what is told of, such as {@code message-42} or
   *     {@code reminder-rsvp-ACC-2026-0001-Vendora-20261210}: enqueuing the same source again writes
   *     nothing
   * @param caseId the case
   * @param kind what it tells of
   * @param organizations the participants told (organization names); empty for every participant
   * @param marking the TLP marking of the item told of (a message), empty for the case's own visibility
   * @param text one sentence; it must hold only what every recipient the marking allows may see
   * @param actor who acted, not told of its own act; empty for the instance (a reminder)
   */
  public record Request(String source, String caseId, NotificationKind kind, Set<String> organizations, Optional<Tlp.Marking> marking,
      String text, Optional<Principal> actor) {
    public Request {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(caseId, "caseId");
      Objects.requireNonNull(kind, "kind");
      organizations = Set.copyOf(organizations);
      Objects.requireNonNull(marking, "marking");
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(actor, "actor");
    }
  }

  /**
   * Writes a requested notification in the caller's transaction (the one that writes what it tells
   * of): the API the messages service and the reminder scheduler call.
   *
   * @return how many rows were written (0 for a source already enqueued)
   * @throws NotFoundException if there is no such case
   */
  public int enqueue(Handle handle, Request request) {
    CaseRow row = org.accord.store.Cases.byId(handle, CaseId.parse(request.caseId()))
        .orElseThrow(() -> new NotFoundException("no case " + request.caseId()));
    List<ParticipantRow> participants = org.accord.store.Cases.participants(handle, row.pk());
    Set<String> concerned = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    participants.forEach(p -> concerned.add(p.organizationName()));
    if (!request.organizations().isEmpty()) {
      concerned.retainAll(request.organizations());
    }
    long now = clock.millis();
    Notice notice = new Notice(request.kind(), row.id().toString(), row.title(), request.text(), Instant.ofEpochMilli(now));
    return fanOut(handle, request.source(), row, participants, concerned, request.marking(), notice, request.actor().orElse(null), now, false);
  }

  /** As {@link #enqueue(Handle, Request)}, in a transaction of its own. */
  public int enqueue(Request request) {
    return database.jdbi().inTransaction(handle -> enqueue(handle, request));
  }

  /**
   * Writes the rows of one notification for the concerned participants' members (and webhooks). The
   * organizations, their members, the members' preferences and the webhooks are read in one query each
   * and the rows written in one batch, so a message to 150 organizations costs a handful of statements,
   * not several per recipient (ADR 0127).
   */
  private int fanOut(Handle handle, String source, CaseRow row, List<ParticipantRow> participants, Set<String> concerned,
      Optional<Tlp.Marking> marking, Notice notice, Principal actor, long now, boolean adminsOnly) {
    Cases.View view = new Cases.View(row, participants, List.of(), org.accord.disclosure.EmbargoManagement.Consequence.NONE);
    boolean email = settings.smtp().isPresent();
    Long acting = actor == null || actor.member() == null ? null : actor.member().id();
    List<ParticipantRow> told = participants.stream().filter(p -> concerned.contains(p.organizationName())).toList();
    Map<Long, Organization> parties = Organizations.byIds(handle, told.stream().map(p -> p.participant().organization()).toList());
    Map<Long, List<Member>> membersOf = Members.of(handle, parties.values());
    Map<Long, Preferences> chosen = org.accord.store.Notifications.preferences(handle,
        membersOf.values().stream().flatMap(List::stream).map(Member::id).toList());
    Set<Long> hooked = org.accord.store.Notifications.withWebhook(handle, parties.keySet());
    List<org.accord.store.Notifications.New> rows = new ArrayList<>();
    for (ParticipantRow p : told) {
      Organization party = parties.get(p.participant().organization());
      // A member-only participant is that member: its colleagues are not told (ADR 0112).
      List<Member> members = membersOf.getOrDefault(party.id(), List.of()).stream()
          .filter(m -> p.participant().member().isEmpty() || m.id() == p.participant().member().getAsLong())
          .filter(m -> !adminsOnly || m.role() == org.accord.party.MemberRole.ADMIN).toList();
      boolean webhook = false;
      for (Member member : members) {
        if (acting != null && member.id() == acting || !sees(handle, view, marking, Tlp.Viewer.of(party.id(), member.id(), true, false))) {
          continue;
        }
        Preferences preferences = chosen.getOrDefault(member.id(), Preferences.DEFAULT);
        if (preferences.wants(Channel.INBOX)) {
          rows.add(row(source, Channel.INBOX, party.id(), member.id(), notice, false, now));
        }
        if (email && preferences.wants(Channel.EMAIL)) {
          Instant due = preferences.digest().due(Instant.ofEpochMilli(now));
          rows.add(row(source, Channel.EMAIL, party.id(), member.id(), notice, preferences.digest() == Digest.DAILY, due.toEpochMilli()));
        }
        webhook |= preferences.wants(Channel.WEBHOOK);
      }
      // The webhook feeds the whole organization: only for what the whole organization may see.
      if (webhook && !adminsOnly && p.participant().member().isEmpty() && hooked.contains(party.id())
          && sees(handle, view, marking, Tlp.Viewer.of(party.id(), null, true, false))) {
        rows.add(row(source, Channel.WEBHOOK, party.id(), null, notice, false, now));
      }
    }
    int written = org.accord.store.Notifications.addAll(handle, rows, now);
    if (written > 0) {
      wake();
    }
    return written;
  }

  private static boolean sees(Handle handle, Cases.View view, Optional<Tlp.Marking> marking, Tlp.Viewer who) {
    return Cases.visible(handle, view, who) && marking.map(m -> m.allows(who, false)).orElse(true);
  }

  private static org.accord.store.Notifications.New row(String source, Channel channel, long organization, Long member, Notice notice,
      boolean digest, long due) {
    String recipient = member == null ? "org-" + organization : "member-" + member;
    return new org.accord.store.Notifications.New(source + ":" + recipient + ":" + channel.label(), channel, organization, member, notice,
        digest, due);
  }

  // --- delivering ------------------------------------------------------------------------------

  /**
   * Delivers every notification due now: claims them, sends them, and marks each sent, or schedules
   * its next attempt, or makes it a dead letter. A member's due digest e-mails go out as one message.
   * Safe to run beside itself and on several replicas: a row is claimed by one pass at a time.
   *
   * @return how many notifications were delivered
   */
  public int deliverDue() {
    int delivered = 0;
    while (true) {
      long now = clock.millis();
      boolean postgres = database.dialect() == Database.Dialect.POSTGRESQL;
      List<Row> claimed = database.jdbi().inTransaction(handle ->
          org.accord.store.Notifications.claim(handle, now, now + LEASE_MILLIS, BATCH, postgres));
      if (claimed.isEmpty()) {
        return delivered;
      }
      Map<String, List<Row>> batches = new LinkedHashMap<>();
      for (Row row : claimed) {
        // A member's digest e-mails make one message; everything else goes alone.
        String batch = row.channel() == Channel.EMAIL && row.digest() ? "digest-" + row.member().getAsLong() : "row-" + row.id();
        batches.computeIfAbsent(batch, b -> new ArrayList<>()).add(row);
      }
      for (List<Row> batch : batches.values()) {
        delivered += deliver(batch);
      }
      if (claimed.size() < BATCH) {
        return delivered;
      }
    }
  }

  private int deliver(List<Row> batch) {
    Row first = batch.get(0);
    try {
      switch (first.channel()) {
        case EMAIL -> mail(batch);
        case WEBHOOK -> post(first);
        case INBOX -> { } // written as delivered; never claimed
      }
    } catch (Exception e) {
      failed(batch, e);
      return 0;
    }
    long now = clock.millis();
    database.jdbi().useTransaction(handle -> org.accord.store.Notifications.sent(handle, batch.stream().map(Row::id).toList(), now));
    return batch.size();
  }

  private void failed(List<Row> batch, Exception e) {
    String error = e.getClass().getSimpleName() + ": " + (e.getMessage() == null ? "" : e.getMessage());
    Backoff backoff = settings.backoff();
    long now = clock.millis();
    int attempts = batch.get(0).attempts();
    long due = now + backoff.delay(Math.max(1, attempts), ThreadLocalRandom.current().nextDouble()).toMillis();
    database.jdbi().useTransaction(handle -> {
      for (Row row : batch) {
        if (backoff.exhausted(row.attempts())) {
          LOG.warn("notification {} ({}) is a dead letter after {} attempts: {}", row.id(), row.channel().label(), row.attempts(), error);
          org.accord.store.Notifications.dead(handle, row.id(), error);
        } else {
          org.accord.store.Notifications.retry(handle, row.id(), due, error);
        }
      }
    });
  }

  private void mail(List<Row> batch) throws Exception {
    SmtpSettings smtp = settings.smtp().orElseThrow(() -> new IllegalStateException("no SMTP server is configured (ACCORD_SMTP_URL)"));
    long memberId = batch.get(0).member().orElseThrow();
    Member member = database.jdbi().withHandle(handle -> member(handle, memberId));
    List<Notice> notices = batch.stream().map(Row::notice).toList();
    String subject = batch.get(0).digest() ? Notice.digestSubject(notices.size()) : notices.get(0).subject();
    String keys = String.join(",", batch.stream().map(Row::key).toList());
    String messageId = "<" + Hash.sha256(keys.getBytes(StandardCharsets.UTF_8)).hex().substring(0, 32) + "@accord>";
    new SmtpMailer(smtp).send(member.email(), subject, Notice.mailBody(notices, settings.publicUrl()), messageId,
        Date.from(clock.instant()));
  }

  private void post(Row row) throws Exception {
    record Target(org.accord.store.Notifications.Webhook webhook, String organization) {}
    Target target = database.jdbi().withHandle(handle -> new Target(
        org.accord.store.Notifications.webhook(handle, row.org())
            .orElseThrow(() -> new IllegalStateException("the organization removed its webhook")),
        Organizations.byId(handle, row.org()).name()));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", row.key());
    body.put("organization", target.organization());
    body.putAll(row.notice().toData());
    body.put("link", row.notice().link(settings.publicUrl()));
    webhooks.send(URI.create(target.webhook().url()), target.webhook().secret(), row.key(), JSON.writeValueAsBytes(body),
        clock.millis() / 1000);
  }

  private static Member member(Handle handle, long id) {
    return handle.createQuery("SELECT email FROM members WHERE id = :id").bind("id", id).mapTo(String.class).findOne()
        .flatMap(email -> Members.byEmail(handle, email))
        .orElseThrow(() -> new IllegalStateException("member " + id + " is gone"));
  }

  /**
   * Starts the background worker: {@link #deliverDue} at once, whenever a notification is written, and
   * at least once a second, until {@link #close}. Calling it again does nothing.
   */
  public synchronized void start() {
    if (worker != null) {
      return;
    }
    running = true;
    worker = new Thread(this::run, "accord-notifications");
    worker.setDaemon(true);
    worker.start();
  }

  /** Whether this replica delivers in the background (ADR 0147); the lock holder only, always on SQLite. */
  private volatile java.util.function.BooleanSupplier leads = () -> true;

  /** Delivers in the background only while {@code leads} says this replica leads notification delivery. */
  public void leadWith(java.util.function.BooleanSupplier leads) {
    this.leads = Objects.requireNonNull(leads, "leads");
  }

  private void run() {
    while (running) {
      try {
        if (leads.getAsBoolean()) {
          deliverDue(); // the rows are claimed with FOR UPDATE SKIP LOCKED too: a handover never sends one twice
        }
      } catch (RuntimeException e) {
        LOG.warn("notification delivery pass failed; trying again: {}", e.toString());
      }
      synchronized (wake) {
        try {
          wake.wait(POLL_MILLIS);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  private void wake() {
    synchronized (wake) {
      wake.notifyAll();
    }
  }

  /** Stops the background worker, waiting for its pass to end; rows it claimed are delivered or leased. */
  @Override
  public synchronized void close() {
    running = false;
    if (worker != null) {
      wake();
      try {
        worker.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      worker = null;
    }
  }

  // --- reading and choosing --------------------------------------------------------------------

  /** A member's preferences (its own, or for the coordinator and its admins, {@code email}'s). */
  public Preferences preferences(Principal viewer, String email) {
    Member member = subject(viewer, email);
    return database.jdbi().withHandle(handle -> org.accord.store.Notifications.preferences(handle, member.id()))
        .orElse(Preferences.DEFAULT);
  }

  /**
   * Sets a member's preferences.
   *
   * @param channels the channels wanted ({@code email}, {@code webhook}, {@code inbox}; empty: none)
   * @param digest {@code immediate} or {@code daily}
   * @throws InvalidInputException naming {@code channels[i]} or {@code digest}
   */
  public Preferences setPreferences(Principal actor, String email, List<String> channels, String digest) {
    if (channels == null) {
      throw new InvalidInputException("missing channels: give a list such as [\"email\", \"inbox\"]", "channels");
    }
    Set<Channel> chosen = EnumSet.noneOf(Channel.class);
    for (int i = 0; i < channels.size(); i++) {
      chosen.add(Channel.parse(channels.get(i), "channels[" + i + "]"));
    }
    if (digest == null) {
      throw new InvalidInputException("missing digest: immediate or daily", "digest");
    }
    Preferences preferences = new Preferences(chosen, Digest.parse(digest, "digest"));
    Member member = subject(actor, email);
    database.jdbi().useTransaction(handle -> org.accord.store.Notifications.putPreferences(handle, member.id(), preferences, clock.millis()));
    return preferences;
  }

  private Member subject(Principal viewer, String email) {
    if (email == null || email.isBlank()) {
      if (viewer.member() == null) {
        throw new ForbiddenException("a machine token or the local command line has no inbox or preferences; use a member's token or name the member");
      }
      return viewer.member();
    }
    String clean = Member.requireEmail(email, "member");
    return database.jdbi().withHandle(handle -> Members.byEmail(handle, clean))
        .filter(m -> m.id() == (viewer.member() == null ? -1 : viewer.member().id()) || Authority.manages(viewer, m.organization()))
        .orElseThrow(() -> new NotFoundException("no member " + clean));
  }

  /** An inbox order. */
  public enum InboxOrder {
    /** Unread first, then newest first. */
    UNREAD,
    /** Newest first. */
    NEWEST;

    /**
     * The order named by {@code text} ({@code unread} when null).
     *
     * @throws InvalidInputException naming {@code order}
     */
    public static InboxOrder parse(String text) {
      if (text == null || text.isBlank()) {
        return UNREAD;
      }
      for (InboxOrder order : values()) {
        if (order.name().toLowerCase(Locale.ROOT).equals(text.strip())) {
          return order;
        }
      }
      throw new InvalidInputException("unknown order '" + text + "'; use unread or newest", "order");
    }
  }

  /** A page of the inbox and the unread count. */
  public record Inbox(ListPage<Row> page, long unread) {}

  /**
   * The viewer's inbox, a page at a time.
   *
   * @throws ForbiddenException for a principal with no member (a machine token)
   * @throws InvalidInputException for a bad limit or cursor
   */
  public Inbox inbox(Principal viewer, InboxOrder order, int limit, String cursor) {
    Member member = subject(viewer, null);
    if (limit < 1 || limit > PAGE_MAX) {
      throw new InvalidInputException("limit must be from 1 to " + PAGE_MAX + ", not " + limit, "limit");
    }
    String question = member.id() + ":" + order;
    int offset = ListPage.offset(cursor, "inbox", question);
    return database.jdbi().withHandle(handle -> {
      long[] counts = org.accord.store.Notifications.inboxCounts(handle, member.id());
      List<Row> rows = org.accord.store.Notifications.inbox(handle, member.id(), order == InboxOrder.UNREAD, limit, offset);
      return new Inbox(ListPage.window(rows, (int) counts[0], limit, offset, "inbox", question), counts[1]);
    });
  }

  /**
   * Marks one of the viewer's inbox notifications read.
   *
   * @throws NotFoundException for an id that is not the viewer's (the same as a missing one)
   */
  public Row markRead(Principal viewer, String id) {
    Member member = subject(viewer, null);
    long number;
    try {
      number = Long.parseLong(id == null ? "" : id.strip());
    } catch (NumberFormatException e) {
      throw new NotFoundException("no notification " + id);
    }
    return database.jdbi().inTransaction(handle -> org.accord.store.Notifications.markRead(handle, member.id(), number, clock.millis()))
        .orElseThrow(() -> new NotFoundException("no notification " + id));
  }

  /**
   * The dead letters, newest first; the coordinator only.
   *
   * @throws ForbiddenException for anyone else
   */
  public ListPage<DeadLetter> deadLetters(Principal viewer, int limit, String cursor) {
    if (!viewer.isCoordinator()) {
      throw new ForbiddenException("only the coordinator reads the dead letters");
    }
    if (limit < 1 || limit > PAGE_MAX) {
      throw new InvalidInputException("limit must be from 1 to " + PAGE_MAX + ", not " + limit, "limit");
    }
    int offset = ListPage.offset(cursor, "dead-letters", "");
    return database.jdbi().withHandle(handle -> ListPage.window(org.accord.store.Notifications.deadLetters(handle, limit, offset),
        (int) org.accord.store.Notifications.deadCount(handle), limit, offset, "dead-letters", ""));
  }

  /**
   * Sets an organization's webhook; its admins and the coordinator may.
   *
   * @param secret the signing secret, or null to have one made (returned this once)
   * @return the organization, URL and the secret
   * @throws NotFoundException for a hidden or missing organization
   * @throws ForbiddenException for another member
   * @throws InvalidInputException naming {@code url} for anything but an http(s) URL, {@code secret}
   *     for a secret shorter than 16 characters
   */
  public Map<String, Object> setWebhook(Principal actor, String organization, String url, String secret) {
    Organization party = parties.organization(actor, organization);
    Authority.requireManages(actor, party, "set its webhook");
    URI uri = WebhookUrl.parse(url, "url");
    String key = secret;
    if (key == null || key.isBlank()) {
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    } else if (key.strip().length() < 16 || key.length() > 200) {
      throw new InvalidInputException("a webhook secret has 16 to 200 characters", "secret");
    }
    String stored = key.strip();
    database.jdbi().useTransaction(handle -> org.accord.store.Notifications.putWebhook(handle, party.id(), uri.toString(), stored, clock.millis()));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("organization", party.name());
    out.put("url", uri.toString());
    out.put("secret", stored);
    return out;
  }

  /**
   * An organization's webhook URL (never its secret); its admins and the coordinator may read it.
   *
   * @throws NotFoundException for a hidden or missing organization, or one without a webhook
   */
  public Map<String, Object> webhook(Principal viewer, String organization) {
    Organization party = parties.organization(viewer, organization);
    Authority.requireManages(viewer, party, "read its webhook");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("organization", party.name());
    out.put("url", database.jdbi().withHandle(handle -> org.accord.store.Notifications.webhook(handle, party.id()))
        .map(org.accord.store.Notifications.Webhook::url).orElse(null));
    return out;
  }

  /** Every notification, oldest first; for tests and diagnostics. */
  public List<Row> all() {
    return database.jdbi().withHandle(org.accord.store.Notifications::all);
  }

  /** Preferences as both edges show them. */
  public static Map<String, Object> describe(Preferences preferences) {
    Map<String, Object> out = new LinkedHashMap<>();
    List<String> channels = new ArrayList<>();
    for (Channel channel : Channel.values()) {
      if (preferences.wants(channel)) {
        channels.add(channel.label());
      }
    }
    out.put("channels", channels);
    out.put("digest", preferences.digest().label());
    out.put("digest_hour_utc", Digest.HOUR_UTC);
    return out;
  }

  /** An inbox notification as both edges show it. */
  public static Map<String, Object> describe(Row row) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", row.id());
    out.putAll(row.notice().toData());
    out.put("read", row.read().map(Instant::toString).orElse(null));
    return out;
  }

  /** A dead letter as both edges show it: never its content. */
  public static Map<String, Object> describe(DeadLetter letter) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", letter.id());
    out.put("channel", letter.channel().label());
    out.put("kind", letter.kind().label());
    out.put("organization", letter.organization());
    out.put("member", letter.member().orElse(null));
    out.put("attempts", letter.attempts());
    out.put("last_error", letter.lastError().orElse(null));
    out.put("created", letter.created().toString());
    out.put("last_tried", letter.lastTried().toString());
    return out;
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
