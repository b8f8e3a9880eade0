package org.accord.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.accord.InvalidInputException;
import org.accord.NotFoundException;
import org.accord.disclosure.CaseId;
import org.accord.disclosure.MessageAudience;
import org.accord.disclosure.Tlp;
import org.accord.party.Member;
import org.accord.party.MemberRole;
import org.accord.party.OrgKind;
import org.accord.party.Principal;
import org.accord.store.CaseMessages.MessageRow;
import org.accord.store.CaseMessages.Reader;
import org.accord.store.CaseMessages.ThreadRow;
import org.accord.store.NaiveMessageReads;
import org.accord.testing.TestClock;
import org.accord.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Thread pages and unread counts kept in memory (ADR 0136) answer exactly as the naive reads of the
 * store ({@link NaiveMessageReads}, filtered by the core's rule) after every kind of write: a post, an
 * edit and a mark-read through the service, a participant joining, and a post, an edit and a mark-read
 * written straight to the store as another process would (no in-process signal reaches the cache).
 */
class KeptThreadsTest {
  @TempDir Path dir;
  Accord accord;
  CaseMessages messages;
  Principal coordinator;
  Principal a1;
  Principal a2;
  Principal b1;
  Principal g1;
  String id;

  @AfterEach
  void close() {
    if (accord != null) {
      accord.close();
    }
  }

  void open(String engine) {
    String url = engine.equals("postgresql") ? TestDatabases.freshPostgresUrl() : null;
    accord = Accord.open(new Accord.Config(dir, url), new TestClock(CasesTest.NOW));
    messages = accord.messages();
    coordinator = new Principal.Coordinator(accord.parties().ensure("CERT", OrgKind.CERT), null, null);
    for (String org : List.of("Alpha", "Beta", "Gamma", "Delta")) {
      accord.parties().ensure(org, OrgKind.VENDOR);
    }
    a1 = person("Alpha", "a1");
    a2 = person("Alpha", "a2");
    b1 = person("Beta", "b1");
    g1 = person("Gamma", "g1");
    id = accord.cases().create(a1, "Kept threads case", null, List.of("vendor")).row().id().toString();
    accord.cases().invite(a1, id, "Beta", List.of("vendor"), null);
    accord.cases().invite(a1, id, "Gamma", List.of("vendor"), null);
  }

  Principal person(String org, String name) {
    Member member = accord.parties().addMember(coordinator, org, name + "@" + org.toLowerCase() + ".example", MemberRole.MEMBER);
    return new Principal.OrgMember(member.organization(), member, null);
  }

  static CaseMessages.Draft draft(String thread, List<String> audience, String body) {
    return new CaseMessages.Draft(thread, audience, null, null, body, null);
  }

  static Reader reader(Principal p) {
    return new Reader(p.organization().id(), OptionalLong.of(p.member().id()));
  }

  long casePk() {
    return accord.database().jdbi().withHandle(h -> org.accord.store.Cases.byId(h, CaseId.parse(id)).orElseThrow().pk());
  }

  /** Every thread of the case with the rows {@code who} may see by the core's rule, from the whole thread read unfiltered. */
  Map<ThreadRow, List<MessageRow>> naiveVisible(Principal who) {
    Tlp.Viewer viewer = Tlp.Viewer.of(who.organization().id(), who.member().id(), true, false);
    return accord.database().jdbi().withHandle(h -> {
      Map<ThreadRow, List<MessageRow>> out = new LinkedHashMap<>();
      for (ThreadRow t : NaiveMessageReads.threads(h, casePk())) {
        out.put(t, NaiveMessageReads.wholeThread(h, t.pk()).stream().filter(m -> m.marking().allows(viewer, false)).toList());
      }
      return out;
    });
  }

  /** The naive unread counts: per thread its marker, and one visibility query per message. */
  Map<String, Integer> naiveUnread(Principal who) {
    Reader reader = reader(who);
    return accord.database().jdbi().withHandle(h -> {
      Map<String, Integer> out = new LinkedHashMap<>();
      for (ThreadRow thread : NaiveMessageReads.threads(h, casePk())) {
        long marker = NaiveMessageReads.marker(h, thread.pk(), reader);
        int unread = 0;
        boolean any = false;
        for (NaiveMessageReads.Head m : NaiveMessageReads.heads(h, thread.pk())) {
          if (NaiveMessageReads.visible(h, m.pk(), reader)) {
            any = true;
            boolean own = m.authorOrg() == reader.organization() && m.authorMember().orElse(0) == who.member().id();
            unread += m.pk() > marker && !own ? 1 : 0;
          }
        }
        if (any) {
          out.put(thread.publicId(), unread);
        }
      }
      return out;
    });
  }

  Map<String, Integer> unread(Principal who) {
    Map<String, Integer> out = new LinkedHashMap<>();
    messages.threads(who, id).forEach(t -> out.put((String) t.get("id"), (Integer) t.get("unread")));
    return out;
  }

  /** The service's whole thread walked page by page (pages of 2), as (id, version, body) lines. */
  @SuppressWarnings("unchecked")
  List<String> walk(Principal who, String thread) {
    List<String> out = new ArrayList<>();
    String cursor = null;
    do {
      Map<String, Object> page = messages.page(who, id, thread, 2, cursor);
      for (Map<String, Object> m : (List<Map<String, Object>>) page.get("messages")) {
        out.add(m.get("id") + " v" + m.get("version") + " " + m.get("body"));
      }
      cursor = (String) page.get("cursor");
    } while (cursor != null);
    return out;
  }

  /** Asserts that every reader's kept answers (pages at every cursor, unread counts) equal the naive ones. */
  void assertSameAsNaive(List<Principal> readers, String when) {
    for (Principal who : readers) {
      assertThat(unread(who)).as(when + ": unread of " + who.member().email()).isEqualTo(naiveUnread(who));
      Map<ThreadRow, List<MessageRow>> visible = naiveVisible(who);
      for (Map.Entry<ThreadRow, List<MessageRow>> t : visible.entrySet()) {
        List<String> expected = t.getValue().stream().map(m -> m.publicId() + " v" + m.version() + " " + m.body()).toList();
        if (expected.isEmpty()) {
          String thread = t.getKey().publicId();
          assertThatThrownBy(() -> messages.page(who, id, thread, 2, null)).as(when + ": hidden thread").isInstanceOf(NotFoundException.class);
        } else {
          assertThat(walk(who, t.getKey().publicId())).as(when + ": pages of " + who.member().email()).isEqualTo(expected);
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void keptAnswersEqualTheNaiveOnesAfterEveryKindOfWrite(String engine) {
    open(engine);
    List<Principal> readers = new ArrayList<>(List.of(a1, a2, b1, g1));
    messages.post(a1, id, draft(null, null, "to all"));
    String toBeta = (String) messages.post(a1, id, draft(null, List.of("Beta"), "to Beta and Alpha")).get("id");
    messages.post(g1, id, draft("vendor:Gamma", List.of("Gamma"), "Gamma's own"));
    messages.post(b1, id, draft(null, null, "Beta to all"));
    assertSameAsNaive(readers, "after posts"); // also fills the kept threads

    messages.post(g1, id, draft(null, List.of("Gamma"), "a post through the service"));
    assertSameAsNaive(readers, "after a post");

    messages.edit(a1, id, toBeta, "to Beta and Alpha, edited");
    assertSameAsNaive(readers, "after an edit");
    assertThat(walk(b1, (String) messages.threads(b1, id).get(0).get("id"))).anyMatch(l -> l.endsWith("v2 to Beta and Alpha, edited"));

    String general = (String) messages.threads(b1, id).get(0).get("id");
    messages.markRead(b1, id, general, toBeta);
    assertSameAsNaive(readers, "after a mark-read");
    messages.post(a1, id, draft(null, null, "one more to all"));
    assertSameAsNaive(readers, "after one more post"); // b1's markers are kept again
    messages.markRead(b1, id, general, null);
    assertThat(unread(b1).get(general)).isZero();
    assertSameAsNaive(readers, "after a second mark-read");

    accord.cases().invite(a1, id, "Delta", List.of("vendor"), null);
    Principal d1 = person("Delta", "d1");
    readers.add(d1);
    messages.post(d1, id, draft(null, List.of("Delta"), "Delta's first"));
    assertSameAsNaive(readers, "after a participant joined");

    // Another process writes straight to the store: nothing in this process is told.
    long casePk = casePk();
    long threadPk = accord.database().jdbi().withHandle(h -> org.accord.store.CaseMessages.thread(h, casePk, general).orElseThrow().pk());
    Tlp.Marking marking = MessageAudience.of(List.of(g1.organization().id())).marking(Tlp.AMBER, a1.organization().id(), a1.member().id(),
        Set.of());
    accord.database().jdbi().useTransaction(h -> org.accord.store.CaseMessages.addMessage(h, new org.accord.store.CaseMessages.NewMessage(
        casePk, threadPk, "mzzzzzzzzzzzzzzzz", a1.organization().id(), a1.member().id(), MessageAudience.of(List.of(g1.organization().id())),
        Tlp.AMBER, Set.of(), MessageAudience.Grants.of(marking), "from another process", CasesTest.NOW.toEpochMilli())));
    assertSameAsNaive(readers, "after another process's post");
    assertThat(walk(g1, general)).anyMatch(l -> l.endsWith("from another process"));
    assertThat(walk(b1, general)).noneMatch(l -> l.endsWith("from another process"));

    long pk = accord.database().jdbi().withHandle(h -> org.accord.store.CaseMessages.message(h, casePk, toBeta, reader(a1)).orElseThrow().pk());
    accord.database().jdbi().useTransaction(h -> org.accord.store.CaseMessages.edit(h, pk, 3, "edited elsewhere", CasesTest.NOW.toEpochMilli(),
        a1.organization().id(), a1.member().id()));
    assertSameAsNaive(readers, "after another process's edit");

    accord.database().jdbi().useTransaction(h -> org.accord.store.CaseMessages.markRead(h, threadPk, reader(g1), 1,
        CasesTest.NOW.toEpochMilli()));
    assertSameAsNaive(readers, "after another process's mark-read");
    accord.database().jdbi().useTransaction(h -> org.accord.store.CaseMessages.markRead(h, threadPk, reader(g1), Long.MAX_VALUE / 2,
        CasesTest.NOW.toEpochMilli()));
    assertThat(unread(g1).get(general)).isZero();
    assertSameAsNaive(readers, "after another process's second mark-read");

    // A cursor the reader may not see answers like an unknown one.
    assertThatThrownBy(() -> messages.page(g1, id, general, 2, toBeta)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("unknown cursor");
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void concurrentPostersEditorsAndReadersWhileTheLedgerRuns(String engine) throws Exception {
    open(engine);
    List<Principal> readers = List.of(a1, a2, b1, g1);
    messages.post(a1, id, draft(null, null, "opening"));
    ExecutorService pool = Executors.newFixedThreadPool(7);
    AtomicBoolean done = new AtomicBoolean();
    AtomicInteger reads = new AtomicInteger();
    List<Future<?>> writers = new ArrayList<>();
    for (Principal poster : List.of(a1, b1, g1)) {
      writers.add(pool.submit(() -> {
        for (int i = 0; i < 6; i++) {
          List<String> to = i % 3 == 0 ? null : List.of(poster.organization().name());
          String thread = i % 2 == 0 ? null : "product:pkg:generic/p" + (i % 4);
          String mid = (String) messages.post(poster, id, draft(thread, to, "note " + i + " by " + poster.member().email())).get("id");
          if (i % 2 == 1) {
            messages.edit(poster, id, mid, "edited note " + i + " by " + poster.member().email());
          }
          String general = (String) messages.threads(poster, id).get(0).get("id");
          messages.markRead(poster, id, general, null);
        }
        return null;
      }));
    }
    List<Future<?>> watchers = new ArrayList<>();
    for (Principal who : List.of(a2, b1, g1)) {
      watchers.add(pool.submit(() -> {
        Reader reader = reader(who);
        while (!done.get()) {
          for (Map<String, Object> t : messages.threads(who, id)) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> page = (List<Map<String, Object>>) messages.page(who, id, (String) t.get("id"), 50, null).get("messages");
            // Whatever the moment, a kept page never holds a message the reader may not see.
            accord.database().jdbi().useHandle(h -> {
              for (Map<String, Object> m : page) {
                MessageRow row = NaiveMessageReads.wholeThread(h, org.accord.store.CaseMessages.thread(h, casePk(), (String) t.get("id"))
                    .orElseThrow().pk()).stream().filter(r -> r.publicId().equals(m.get("id"))).findFirst().orElseThrow();
                assertThat(NaiveMessageReads.visible(h, row.pk(), reader)).as("visible to " + who.member().email()).isTrue();
                assertThat(row.marking().allows(Tlp.Viewer.of(who.organization().id(), who.member().id(), true, false), false)).isTrue();
              }
            });
            reads.incrementAndGet();
          }
          Thread.sleep(ThreadLocalRandom.current().nextInt(3));
        }
        return null;
      }));
    }
    for (Future<?> f : writers) {
      f.get();
    }
    done.set(true);
    for (Future<?> f : watchers) {
      f.get();
    }
    pool.shutdown();
    assertThat(reads.get()).isPositive();
    assertSameAsNaive(readers, "after the concurrent writes");
    assertThat(accord.ledger().size()).as("the posts' and edits' events reached the log").isPositive();
  }
}
