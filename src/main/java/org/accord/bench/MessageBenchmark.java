package org.accord.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.accord.app.Accord;
import org.accord.app.CaseMessages;
import org.accord.app.Notifications;
import org.accord.bench.CaseBenchmark.Figures;
import org.accord.disclosure.CaseId;
import org.accord.disclosure.MessageAudience;
import org.accord.disclosure.MessageText;
import org.accord.disclosure.Tlp;
import org.accord.notification.NotificationKind;
import org.accord.party.Member;
import org.accord.party.MemberRole;
import org.accord.party.OrgKind;
import org.accord.party.Principal;
import org.accord.store.CaseMessages.MessageRow;
import org.accord.store.CaseMessages.Reader;
import org.accord.store.CaseMessages.ThreadRow;
import org.accord.store.Cases.CaseRow;
import org.accord.store.NaiveMessageReads;

/**
 * {@code accord bench messages} (ADR 0127): a case's messages at scale, through the service layer in
 * process ({@link CaseMessages}, {@link Notifications}), each figure against a naive baseline from the
 * same run.
 *
 * <p>Setup (not measured): a scratch store, one case with {@code organizations} vendor participants of
 * {@code members} members each, invited through the case service; its threads (general, per product,
 * per vendor) each started by a post through {@link CaseMessages#post}; the rest of the messages
 * written in bulk through {@code store.CaseMessages.addMessage} with the access list the core computes
 * for their audience (all participants, a group, or one organization), as the service would write it;
 * read markers at random places for each reader. Then:
 *
 * <ul>
 *   <li>a thread page of 50 ({@link CaseMessages#page}) from {@code readers} threads, each a member of a
 *       different organization, at a random cursor of a random thread; the baseline reads the whole
 *       thread and filters it in Java with the core's rule ({@link NaiveMessageReads#wholeThread});
 *   <li>unread counts ({@link CaseMessages#threads}) for the same readers; the baseline asks the
 *       visibility of every message with one query each ({@link NaiveMessageReads#visible});
 *   <li>fan-out: one message posted to every participant and its notifications written for every member
 *       of every organization. If posting writes them itself (a message's notifications written in its
 *       transaction), the post alone is timed; otherwise the post and then {@link
 *       Notifications#enqueue(Notifications.Request)} for all organizations in one transaction. The
 *       baseline posts and then writes one transaction per recipient organization.
 * </ul>
 *
 * <p>Before timing, the fast and the naive answers are compared for a sample of readers (every thread's
 * unread count, three pages per thread); fan-outs compare their row counts. Differences are counted in
 * {@link Result#mismatches}.
 */
public final class MessageBenchmark {
  private MessageBenchmark() {}

  /** The page size the target names. */
  static final int PAGE = 50;
  /** Unmeasured fan-outs of each kind before the measured ones. */
  private static final int FANOUT_WARMUP = 2;
  /** Readers whose answers are compared with the baseline's before timing. */
  private static final int CHECKED_READERS = 10;
  private static final String OWNER = "Accord Bench";
  /** Readers of the naive unread count (and of the service's, for its ratio): SQLite's pool has 4 connections. */
  public static final int BASELINE_UNREAD_READERS = 4;

  /** What to run. */
  public record Options(int organizations, int members, int messages, int threads, int readers, int fanouts, double seconds,
      double warmupSeconds, long seed, String pgUrl) {}

  /**
   * The figures.
   *
   * @param page the service's thread page, in-process
   * @param pageNaive the whole thread filtered in Java
   * @param unread the service's unread counts for a member
   * @param unreadFew the service's unread counts on {@link #BASELINE_UNREAD_READERS} readers, for the ratio
   * @param unreadNaive one visibility query per message, on as many readers
   * @param fanout a post with its notifications to every organization
   * @param fanoutPost the post alone, within {@code fanout}
   * @param fanoutNaive a post, then one transaction per recipient organization
   * @param fanoutWired whether the post wrote the notifications itself
   * @param fanoutRows notifications one fan-out wrote
   * @param floor one point query (the case row) from as many readers: the store and machine's own tail, against which a
   *     kept answer's p99 is read (ADR 0136)
   * @param checked answers compared with the baseline's
   * @param mismatches answers that differed
   */
  public record Result(String store, Options options, String caseId, double setupS, Figures page, Figures pageNaive, Figures unread,
      Figures unreadFew, Figures unreadNaive, Figures fanout, Figures fanoutPost, Figures fanoutNaive, double fanoutMaxMs, boolean fanoutWired, int fanoutRows,
      Figures floor, long checked, long mismatches) {
    public long errors() {
      return page.errors() + pageNaive.errors() + unread.errors() + unreadFew.errors() + unreadNaive.errors() + floor.errors();
    }
  }

  /** One bulk message as the bench knows it: enough to pick cursors a reader may use. */
  private record Written(String publicId, MessageAudience.Grants grants) {}

  /** A reader: its principal and, per thread, the public ids of the bulk messages it sees. */
  private record Reading(Principal principal, List<List<String>> visible) {
    Tlp.Viewer viewer() {
      return Tlp.Viewer.of(principal.organization().id(), principal.member().id(), true, false);
    }

    Reader reader() {
      return new Reader(principal.organization().id(), OptionalLong.of(principal.member().id()));
    }
  }

  /** Runs the benchmark; progress lines go to {@code log}. */
  public static Result run(Options options, Consumer<String> log) throws IOException, InterruptedException {
    if (options.organizations() < 2 || options.members() < 1 || options.threads() < 1 || options.messages() < options.threads()
        || options.readers() < 1 || options.readers() > options.organizations() || options.fanouts() < 1 || options.seconds() <= 0
        || options.warmupSeconds() < 0) {
      throw new IllegalArgumentException("--orgs must be at least 2, --members, --threads and --fanouts at least 1, --messages at least"
          + " --threads, --readers from 1 to --orgs, --seconds above 0, --warmup at least 0");
    }
    try (ScratchStore store = ScratchStore.create("accord-bench-messages-", options.pgUrl());
        Accord accord = Accord.open(store.config())) {
      long started = System.nanoTime();
      Random random = new Random(options.seed());
      accord.parties().ensure(OWNER, OrgKind.CERT);
      Principal coordinator = accord.parties().localCoordinator();
      Principal owner = accord.parties().actingFor(coordinator, OWNER);
      CaseMessages messages = accord.messages();
      String caseId = accord.cases().create(owner, "The messages bench case", null, List.of("coordinator")).row().id().toString();
      List<String> names = new ArrayList<>();
      List<List<Principal>> people = new ArrayList<>();
      for (int i = 1; i <= options.organizations(); i++) {
        String name = String.format(Locale.ROOT, "Bench Vendor %04d", i);
        accord.parties().ensure(name, OrgKind.VENDOR);
        accord.cases().invite(owner, caseId, name, List.of("vendor"), null);
        List<Principal> members = new ArrayList<>();
        for (int j = 1; j <= options.members(); j++) {
          Member member = accord.parties().addMember(coordinator, name,
              String.format(Locale.ROOT, "member%d@vendor%04d.example", j, i), MemberRole.MEMBER);
          members.add(new Principal.OrgMember(member.organization(), member, null));
        }
        names.add(name);
        people.add(members);
      }
      log.accept(String.format(Locale.ROOT, "%s: %,d organizations of %d members invited", caseId, options.organizations(), options.members()));

      // Threads: general, then per product and per vendor in turn; each started through the service.
      List<String> threadIds = new ArrayList<>();
      List<Long> threadVendor = new ArrayList<>(); // the vendor thread's organization index, or -1
      for (int t = 0; t < options.threads(); t++) {
        String subject = t == 0 ? "general"
            : t % 2 == 1 ? String.format(Locale.ROOT, "product:pkg:generic/bench-product-%03d", t)
            : "vendor:" + names.get((t / 2 - 1) % names.size());
        threadVendor.add(t > 0 && t % 2 == 0 ? (long) ((t / 2 - 1) % names.size()) : -1L);
        threadIds.add((String) messages.post(owner, caseId, new CaseMessages.Draft(subject, null, null, null, body(random, t), null))
            .get("thread"));
      }
      CaseRow caseRow = accord.database().jdbi().withHandle(h -> org.accord.store.Cases.byId(h, CaseId.parse(caseId)).orElseThrow());
      List<Long> threadPks = accord.database().jdbi().withHandle(h -> threadIds.stream()
          .map(id -> org.accord.store.CaseMessages.thread(h, caseRow.pk(), id).orElseThrow().pk()).toList());
      List<List<Written>> written = bulk(accord, caseRow, threadPks, threadVendor, people, options, random);

      List<Reading> readers = new ArrayList<>();
      for (int r = 0; r < options.readers(); r++) {
        Principal principal = people.get(r * options.organizations() / options.readers()).get(0);
        Tlp.Viewer viewer = Tlp.Viewer.of(principal.organization().id(), principal.member().id(), true, false);
        List<List<String>> visible = new ArrayList<>();
        for (List<Written> thread : written) {
          visible.add(thread.stream().filter(w -> w.grants().admits(viewer)).map(Written::publicId).toList());
        }
        readers.add(new Reading(principal, visible));
      }
      markers(accord, threadPks, readers, random);
      double setupS = (System.nanoTime() - started) / 1e9;
      log.accept(String.format(Locale.ROOT, "setup (%s, not measured): %,d messages in %d threads, %d readers, in %.1f s", store.label(),
          options.messages(), options.threads(), options.readers(), setupS));

      long[] checks = check(accord, messages, caseId, threadIds, readers, random);
      log.accept(String.format(Locale.ROOT, "fast and naive answers compared: %,d, differing: %,d", checks[0], checks[1]));

      Figures page = CaseBenchmark.inProcess(options.warmupSeconds(), options.seconds(), options.readers(), i -> {
        Reading reading = readers.get(i);
        int t = pickThread(reading);
        pageIds(messages.page(reading.principal(), caseId, threadIds.get(t), PAGE, pickCursor(reading, t)));
      }, log, "thread page, service");
      Figures pageNaive = CaseBenchmark.inProcess(options.warmupSeconds(), options.seconds(), options.readers(), i -> {
        Reading reading = readers.get(i);
        int t = pickThread(reading);
        naivePage(accord, caseId, threadIds.get(t), reading, pickCursor(reading, t));
      }, log, "thread page, naive");
      Figures unread = CaseBenchmark.inProcess(options.warmupSeconds(), options.seconds(), options.readers(),
          i -> unreadCounts(messages.threads(readers.get(i).principal(), caseId)), log, "unread counts, service");
      // The floor: the first query of every read above (the case row by id), alone, from the same readers.
      CaseId parsed = CaseId.parse(caseId);
      Figures floor = CaseBenchmark.inProcess(options.warmupSeconds(), options.seconds(), options.readers(),
          i -> accord.database().jdbi().withHandle(h -> org.accord.store.Cases.byId(h, parsed).orElseThrow()), log, "store floor, case row");
      // The naive count holds a connection for 10,000 queries: at 50 readers on SQLite's 4 connections a call
      // would wait longer than the pool's 30 s, so it runs on fewer threads, and so does the service for the ratio.
      int few = Math.min(options.readers(), BASELINE_UNREAD_READERS);
      Figures unreadFew = CaseBenchmark.inProcess(options.warmupSeconds(), options.seconds(), few,
          i -> unreadCounts(messages.threads(readers.get(i).principal(), caseId)), log, "unread counts, service, " + few + " readers");
      Figures unreadNaive = CaseBenchmark.inProcess(options.warmupSeconds(), options.seconds(), few,
          i -> naiveUnread(accord, caseId, readers.get(i)), log, "unread counts, naive, " + few + " readers");

      FanOuts fanOuts = fanOuts(accord, owner, caseId, names, options, random, log);
      return new Result(store.kind(), options, caseId, setupS, page, pageNaive, unread, unreadFew, unreadNaive, fanOuts.fast(), fanOuts.post(),
          fanOuts.naive(), fanOuts.fastMaxMs(), fanOuts.wired(), fanOuts.rows(), floor, checks[0], checks[1] + fanOuts.mismatches());
    }
  }

  /** Markdown of a few sentences, as a coordination message reads. */
  private static String body(Random random, int n) {
    return "Message " + n + ": the **fix** for `component-" + random.nextInt(100) + "` is in review; see the advisory draft."
        + " Affected versions are before 2." + random.nextInt(20) + ".\n\n- test build ready\n- [notes](https://example.org/n/" + n + ")";
  }

  /**
   * The messages beyond the threads' first ones, in one transaction: a random thread, author and
   * audience each (all participants 60%, a group of 2 to 8 organizations 25%, one organization 15%; in
   * a vendor's thread half go to that vendor alone), the case's label, the core's access list.
   */
  private static List<List<Written>> bulk(Accord accord, CaseRow caseRow, List<Long> threadPks, List<Long> threadVendor,
      List<List<Principal>> people, Options options, Random random) {
    List<List<Written>> written = new ArrayList<>();
    threadPks.forEach(t -> written.add(new ArrayList<>()));
    accord.database().jdbi().useTransaction(h -> {
      long now = accord.now();
      for (int i = 0; i < options.messages() - options.threads(); i++) {
        int t = random.nextInt(threadPks.size());
        Principal author = people.get(random.nextInt(people.size())).get(random.nextInt(options.members()));
        double roll = random.nextDouble();
        MessageAudience audience;
        if (threadVendor.get(t) >= 0 && roll < 0.5) {
          audience = MessageAudience.of(List.of(people.get(threadVendor.get(t).intValue()).get(0).organization().id()));
        } else if (roll < 0.6) {
          audience = MessageAudience.all();
        } else if (roll < 0.85) {
          List<Long> group = new ArrayList<>();
          for (int g = 2 + random.nextInt(7); g > 0; g--) {
            group.add(people.get(random.nextInt(people.size())).get(0).organization().id());
          }
          group.add(author.organization().id());
          audience = MessageAudience.of(group);
        } else {
          audience = MessageAudience.of(List.of(people.get(random.nextInt(people.size())).get(0).organization().id()));
        }
        Tlp.Marking marking = audience.marking(caseRow.tlp(), author.organization().id(), author.member().id(), Set.of());
        MessageAudience.Grants grants = MessageAudience.Grants.of(marking);
        String publicId = publicId(random);
        org.accord.store.CaseMessages.addMessage(h, new org.accord.store.CaseMessages.NewMessage(caseRow.pk(), threadPks.get(t), publicId,
            author.organization().id(), author.member().id(), audience, caseRow.tlp(), Set.of(), grants, body(random, i), now + i));
        written.get(t).add(new Written(publicId, grants));
      }
    });
    return written;
  }

  /** A message id of the service's shape ({@code m} and 16 base-32 characters), from the seeded random. */
  private static String publicId(Random random) {
    String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    StringBuilder out = new StringBuilder("m");
    for (int i = 0; i < 16; i++) {
      out.append(alphabet.charAt(random.nextInt(32)));
    }
    return out.toString();
  }

  /** Each reader's marker in each thread: none (a fifth of them) or at a random message it sees. */
  private static void markers(Accord accord, List<Long> threadPks, List<Reading> readers, Random random) {
    accord.database().jdbi().useTransaction(h -> {
      for (Reading reading : readers) {
        for (int t = 0; t < threadPks.size(); t++) {
          List<String> visible = reading.visible().get(t);
          if (visible.isEmpty() || random.nextInt(5) == 0) {
            continue;
          }
          long through = org.accord.store.CaseMessages.position(h, threadPks.get(t), visible.get(random.nextInt(visible.size())),
              reading.reader()).orElseThrow();
          org.accord.store.CaseMessages.markRead(h, threadPks.get(t), reading.reader(), through, accord.now());
        }
      }
    });
  }

  /** A thread the reader sees a bulk message in. */
  private static int pickThread(Reading reading) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (true) {
      int t = random.nextInt(reading.visible().size());
      if (!reading.visible().get(t).isEmpty()) {
        return t;
      }
    }
  }

  /** The first page (one time in five) or the page after a random message, with a whole page after it where the thread has one. */
  private static String pickCursor(Reading reading, int thread) {
    List<String> visible = reading.visible().get(thread);
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return random.nextInt(5) == 0 ? null : visible.get(random.nextInt(Math.max(1, visible.size() - PAGE)));
  }

  @SuppressWarnings("unchecked")
  private static List<String> pageIds(Map<String, Object> page) {
    return ((List<Map<String, Object>>) page.get("messages")).stream().map(m -> (String) m.get("id")).toList();
  }

  private static Map<String, Integer> unreadCounts(List<Map<String, Object>> threads) {
    Map<String, Integer> out = new LinkedHashMap<>();
    threads.forEach(t -> out.put((String) t.get("id"), (Integer) t.get("unread")));
    return out;
  }

  /**
   * The naive page: the case row, the thread, every message of the thread, filtered in Java by the
   * core's rule ({@link Tlp.Marking#allows}), the page after the cursor, its attachments and HTML.
   */
  static List<String> naivePage(Accord accord, String caseId, String threadId, Reading reading, String cursor) {
    return accord.database().jdbi().withHandle(h -> {
      CaseRow row = org.accord.store.Cases.byId(h, CaseId.parse(caseId)).orElseThrow();
      ThreadRow thread = org.accord.store.CaseMessages.thread(h, row.pk(), threadId).orElseThrow();
      Tlp.Viewer viewer = reading.viewer();
      List<MessageRow> shown = new ArrayList<>();
      boolean after = cursor == null;
      for (MessageRow m : NaiveMessageReads.wholeThread(h, thread.pk())) {
        if (!m.marking().allows(viewer, false)) {
          continue;
        }
        if (!after) {
          after = m.publicId().equals(cursor);
          continue;
        }
        shown.add(m);
        if (shown.size() == PAGE) {
          break;
        }
      }
      org.accord.store.CaseMessages.attachments(h, shown.stream().map(MessageRow::pk).toList());
      List<String> ids = new ArrayList<>();
      for (MessageRow m : shown) {
        MessageText.html(m.body());
        ids.add(m.publicId());
      }
      return ids;
    });
  }

  /** The naive unread counts: per thread its marker and messages, then one visibility query per message. */
  static Map<String, Integer> naiveUnread(Accord accord, String caseId, Reading reading) {
    return accord.database().jdbi().withHandle(h -> {
      CaseRow row = org.accord.store.Cases.byId(h, CaseId.parse(caseId)).orElseThrow();
      Reader reader = reading.reader();
      Map<String, Integer> out = new LinkedHashMap<>();
      for (ThreadRow thread : NaiveMessageReads.threads(h, row.pk())) {
        long marker = NaiveMessageReads.marker(h, thread.pk(), reader);
        int unread = 0;
        boolean any = false;
        for (NaiveMessageReads.Head m : NaiveMessageReads.heads(h, thread.pk())) {
          if (!NaiveMessageReads.visible(h, m.pk(), reader)) {
            continue;
          }
          any = true;
          boolean own = m.authorOrg() == reader.organization() && m.authorMember().orElse(0) == reader.member().getAsLong();
          if (m.pk() > marker && !own) {
            unread++;
          }
        }
        if (any) {
          out.put(thread.publicId(), unread);
        }
      }
      return out;
    });
  }

  /**
   * Compares the service's answers with the naive ones for up to {@link #CHECKED_READERS} readers: the
   * unread counts of every thread, and per thread the first page and two pages at random cursors.
   *
   * @return answers compared, and how many differed
   */
  private static long[] check(Accord accord, CaseMessages messages, String caseId, List<String> threadIds, List<Reading> readers,
      Random random) {
    long checked = 0;
    long differing = 0;
    for (int r = 0; r < Math.min(CHECKED_READERS, readers.size()); r++) {
      Reading reading = readers.get(r * readers.size() / Math.min(CHECKED_READERS, readers.size()));
      checked++;
      if (!unreadCounts(messages.threads(reading.principal(), caseId)).equals(naiveUnread(accord, caseId, reading))) {
        differing++;
      }
      for (int t = 0; t < threadIds.size(); t++) {
        List<String> visible = reading.visible().get(t);
        if (visible.isEmpty()) {
          continue;
        }
        for (String cursor : Arrays.asList(null, visible.get(random.nextInt(visible.size())), visible.get(random.nextInt(visible.size())))) {
          checked++;
          List<String> fast = pageIds(messages.page(reading.principal(), caseId, threadIds.get(t), PAGE, cursor));
          if (fast.isEmpty() && cursor == null || !fast.equals(naivePage(accord, caseId, threadIds.get(t), reading, cursor))) {
            differing++;
          }
        }
      }
    }
    return new long[] {checked, differing};
  }

  private record FanOuts(Figures fast, Figures post, Figures naive, double fastMaxMs, boolean wired, int rows, long mismatches) {}

  /**
   * Fan-outs of one message to every participant, alternating the fast and the naive way, after {@link
   * #FANOUT_WARMUP} unmeasured ones of each.
   */
  private static FanOuts fanOuts(Accord accord, Principal owner, String caseId, List<String> names, Options options, Random random,
      Consumer<String> log) {
    AtomicReference<CaseMessages.Notice> notice = new AtomicReference<>();
    accord.messages().listen(notice::set); // told on the poster's thread after the commit: the message's marking
    List<String> recipients = new ArrayList<>(names);
    recipients.add(OWNER); // every participant, as the fast way's empty set means
    int rounds = FANOUT_WARMUP + options.fanouts();
    long[] fast = new long[options.fanouts()];
    long[] post = new long[options.fanouts()];
    long[] naive = new long[options.fanouts()];
    boolean wired = false;
    int rows = -1;
    long mismatches = 0;
    for (int round = 0; round < rounds; round++) {
      // The fast way: the post, and the notifications unless the post wrote them.
      long before = lastNotification(accord);
      long sent = System.nanoTime();
      Map<String, Object> posted = accord.messages().post(owner, caseId,
          new CaseMessages.Draft("general", null, null, null, body(random, 100_000 + round), null));
      long postNanos = System.nanoTime() - sent;
      int fastRows = (int) (lastNotification(accord) - before);
      wired = fastRows > 0;
      if (notice.get() == null || !notice.get().message().equals(posted.get("id"))) {
        throw new IllegalStateException("the message listener was not told of " + posted.get("id"));
      }
      if (!wired) {
        fastRows = accord.notifications().enqueue(request("message-" + posted.get("id"), caseId, notice.get(), Set.of(), owner));
      }
      long fastNanos = System.nanoTime() - sent;

      // The naive way: the post, then one transaction per recipient organization.
      long naiveSent = System.nanoTime();
      Map<String, Object> naivePosted = accord.messages().post(owner, caseId,
          new CaseMessages.Draft("general", null, null, null, body(random, 200_000 + round), null));
      int naiveRows = 0;
      for (String name : recipients) {
        naiveRows += accord.notifications().enqueue(request("naive-" + naivePosted.get("id"), caseId, notice.get(), Set.of(name), owner));
      }
      long naiveNanos = System.nanoTime() - naiveSent;
      if (fastRows != naiveRows || rows >= 0 && fastRows != rows) {
        mismatches++;
      }
      rows = fastRows;
      if (round >= FANOUT_WARMUP) {
        fast[round - FANOUT_WARMUP] = fastNanos;
        post[round - FANOUT_WARMUP] = postNanos;
        naive[round - FANOUT_WARMUP] = naiveNanos;
      }
    }
    log.accept(String.format(Locale.ROOT, "fan-out: %d notifications per message, %s", rows,
        wired ? "written by the post itself" : "the post, then Notifications.enqueue in one transaction"));
    return new FanOuts(CaseBenchmark.figures(fast.length, 0, fast, log, "fan-out"),
        CaseBenchmark.figures(post.length, 0, post, log, "fan-out, the post alone"),
        CaseBenchmark.figures(naive.length, 0, naive, log, "fan-out, per recipient"),
        Arrays.stream(fast).max().orElse(0) / 1e6, wired, rows, mismatches);
  }

  private static Notifications.Request request(String source, String caseId, CaseMessages.Notice notice, Set<String> organizations,
      Principal actor) {
    return new Notifications.Request(source, caseId, NotificationKind.MESSAGE, organizations, Optional.of(notice.marking()),
        "A new message was posted in the case.", Optional.of(actor));
  }

  /** The newest notification's row id (0 for none): rows written since tell what a post wrote. */
  private static long lastNotification(Accord accord) {
    return accord.database().jdbi().withHandle(org.accord.store.Notifications::lastId);
  }
}
