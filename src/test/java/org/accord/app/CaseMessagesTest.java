package org.accord.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.accord.ForbiddenException;
import org.accord.InvalidInputException;
import org.accord.NotFoundException;
import org.accord.party.Member;
import org.accord.party.MemberRole;
import org.accord.party.OrgKind;
import org.accord.party.Principal;
import org.accord.testing.TestClock;
import org.accord.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 10, item 1 through {@link CaseMessages}, on SQLite and PostgreSQL: audiences and TLP decide who
 * sees a message, in lists, counts, search hits and the case history alike; Markdown attacks are
 * escaped; attachments are checked by their bytes; edits keep the history; read state; concurrent
 * posters and readers while the ledger runs.
 */
class CaseMessagesTest {
  @TempDir Path dir;
  Accord accord;
  TestClock clock;
  CaseMessages messages;
  Principal coordinator;
  Principal a1;
  Principal a2;
  Principal b1;
  Principal b2;
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
    clock = new TestClock(CasesTest.NOW);
    accord = Accord.open(new Accord.Config(dir, url), clock);
    messages = accord.messages();
    coordinator = new Principal.Coordinator(accord.parties().ensure("CERT", OrgKind.CERT), null, null);
    for (String org : List.of("Alpha", "Beta", "Gamma", "Outsider")) {
      accord.parties().ensure(org, OrgKind.VENDOR);
    }
    a1 = person("Alpha", "a1");
    a2 = person("Alpha", "a2");
    b1 = person("Beta", "b1");
    b2 = person("Beta", "b2");
    g1 = person("Gamma", "g1");
    id = accord.cases().create(a1, "Messages case", null, List.of("vendor")).row().id().toString();
    accord.cases().invite(a1, id, "Beta", List.of("vendor"), null);
    accord.cases().invite(a1, id, "Gamma", List.of("vendor"), null);
  }

  Principal person(String org, String name) {
    String email = name + "@" + org.toLowerCase() + ".example";
    Member member = accord.parties().members(coordinator, org).stream().filter(m -> m.email().equals(email)).findFirst()
        .orElseGet(() -> accord.parties().addMember(coordinator, org, email, MemberRole.MEMBER));
    return new Principal.OrgMember(member.organization(), member, null);
  }

  static CaseMessages.Draft draft(String thread, List<String> audience, String tlp, String body) {
    return new CaseMessages.Draft(thread, audience, tlp, null, body, null);
  }

  static String location(Runnable call) {
    try {
      call.run();
    } catch (InvalidInputException e) {
      return e.location();
    }
    throw new AssertionError("not refused");
  }

  static String notFound(Runnable call) {
    try {
      call.run();
    } catch (NotFoundException e) {
      return e.getMessage();
    }
    throw new AssertionError("not hidden");
  }

  int unread(Principal who) {
    return messages.threads(who, id).stream().mapToInt(t -> (Integer) t.get("unread")).sum();
  }

  List<String> historyTypes(Principal who) {
    return accord.cases().events(who, id).stream().map(e -> (String) e.get("type")).filter(t -> t.startsWith("case.message_")).toList();
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void aMessageToOneOrganizationIsInvisibleToOthersEverywhere(String engine) {
    open(engine);
    Map<String, Object> general = messages.post(a1, id, draft(null, null, null, "Patch **ready** for the mitigation"));
    Map<String, Object> toBeta = messages.post(a1, id, draft("vendor:Beta", List.of("Beta"), null, "Beta only: mitigation key 42"));
    Map<String, Object> group = messages.post(b1, id, draft(null, List.of("Alpha", "Gamma"), null, "Alpha and Gamma: mitigation plan"));
    assertThat(general).containsEntry("tlp", "TLP:AMBER").containsEntry("html", "<p>Patch <strong>ready</strong> for the mitigation</p>\n");
    String toBetaId = (String) toBeta.get("id");
    String betaThread = (String) toBeta.get("thread");

    // Beta sees the general message and its own thread; Gamma does not see the Beta thread at all.
    assertThat(messages.threads(b2, id)).hasSize(2);
    assertThat(messages.threads(g1, id)).singleElement().satisfies(t -> assertThat(t).containsEntry("kind", "general"));
    assertThat(messages.threads(coordinator, id)).as("the coordinator is not in an audience it is not named in").hasSize(1);
    // Counts: Gamma has two unread (general, group), not three.
    assertThat(unread(g1)).isEqualTo(2);
    assertThat(unread(b2)).as("Beta: general and its own thread; its colleague's group message is its own org's").isEqualTo(3);
    assertThat(unread(a1)).as("one's own messages are not unread").isEqualTo(1);
    // The same 404 for a hidden message, thread and attachment as for a missing one.
    String missingMessage = notFound(() -> messages.message(g1, id, "mzzzzzzzzzzzzzzzz"));
    assertThat(notFound(() -> messages.message(g1, id, toBetaId))).isEqualTo(missingMessage.replace("mzzzzzzzzzzzzzzzz", toBetaId));
    String missingThread = notFound(() -> messages.page(g1, id, "tzzzzzzzzzzzzzzzz", 50, null));
    assertThat(notFound(() -> messages.page(g1, id, betaThread, 50, null))).isEqualTo(missingThread.replace("tzzzzzzzzzzzzzzzz", betaThread));
    // Search: hits and counts leave out what the searcher may not see.
    assertThat(messages.search(g1, id, "mitigation", 50)).containsEntry("total", 2);
    assertThat(messages.search(b2, id, "mitigation", 50)).containsEntry("total", 3);
    assertThat(messages.search(g1, id, "key 42", 50)).containsEntry("total", 0);
    assertThat(messages.search(b1, id, "KEY, 42!", 50)).containsEntry("total", 1);
    // The history: Gamma sees two message events, Beta three, and neither a gap.
    assertThat(historyTypes(g1)).hasSize(2);
    assertThat(historyTypes(b1)).hasSize(3);
    List<Map<String, Object>> events = accord.cases().events(g1, id);
    for (int i = 0; i < events.size(); i++) {
      assertThat(events.get(i)).containsEntry("seq", i + 1);
    }
    assertThat(events.toString()).doesNotContain(toBetaId);
    // An outsider does not see the case at all.
    Principal outsider = person("Outsider", "o1");
    assertThat(notFound(() -> messages.threads(outsider, id))).isEqualTo("no case " + id);
    assertThat(notFound(() -> messages.post(outsider, id, draft(null, null, null, "hi")))).isEqualTo("no case " + id);
    // Bad audiences: an organization outside the case is a 400 naming the field, whether it exists or not.
    assertThat(location(() -> messages.post(a1, id, draft(null, List.of("Beta", "Outsider"), null, "x")))).isEqualTo("audience[1]");
    assertThat(location(() -> messages.post(a1, id, draft(null, List.of("Nobody"), null, "x")))).isEqualTo("audience[0]");
    assertThat(location(() -> messages.post(a1, id, draft(null, null, "TLP:GREEN", "x")))).isEqualTo("tlp");
    assertThat(location(() -> messages.post(a1, id, draft(null, List.of("Beta", "Gamma"), "TLP:AMBER+STRICT", "x")))).isEqualTo("tlp");
    assertThat(location(() -> messages.post(a1, id, draft("vendor:Outsider", null, null, "x")))).isEqualTo("thread");
    assertThat(location(() -> messages.post(a1, id, draft(null, null, null, "  ")))).isEqualTo("body");
    assertThat(historyTypes(a1)).as("nothing half-written").hasSize(3);
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void strictAndRedMessagesReachTheirOrganizationAndNamedPeopleOnly(String engine) {
    open(engine);
    messages.post(a1, id, draft(null, List.of("Beta"), "TLP:AMBER+STRICT", "strict note for beta"));
    Map<String, Object> red = messages.post(a1, id, new CaseMessages.Draft(null, List.of("Beta"), "TLP:RED",
        List.of("b1@beta.example"), "red note for b1", null));
    assertThat(red).containsEntry("recipients", List.of("b1@beta.example"));
    assertThat(messages.search(b1, id, "note", 10)).containsEntry("total", 2);
    assertThat(messages.search(b2, id, "note", 10)).as("b2 is not named on the RED message").containsEntry("total", 1);
    assertThat(messages.search(a2, id, "note", 10)).as("the author's colleague: the STRICT one only").containsEntry("total", 1);
    assertThat(messages.search(g1, id, "note", 10)).containsEntry("total", 0);
    assertThat(messages.search(coordinator, id, "note", 10)).containsEntry("total", 0);
    assertThat(unread(b2)).isEqualTo(1);
    // A RED recipient outside the audience, or none at all.
    assertThat(location(() -> messages.post(a1, id, new CaseMessages.Draft(null, List.of("Beta"), "TLP:RED",
        List.of("g1@gamma.example"), "x", null)))).isEqualTo("recipients[0]");
    assertThat(location(() -> messages.post(a1, id, draft(null, null, "TLP:RED", "x")))).isEqualTo("recipients");
    assertThat(location(() -> messages.post(a1, id, new CaseMessages.Draft(null, null, null, List.of("b1@beta.example"), "x", null))))
        .isEqualTo("recipients");
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void markdownAttacksAreEscaped(String engine) {
    open(engine);
    String body = "<script>alert(1)</script>\n\n[click](javascript:alert(2)) [data](data:text/html;base64,PHNjcmlwdD4=)"
        + " <img src=x onerror=alert(3)> [ok](https://example.org/a?b=1) ![i](javascript:alert(4))\n\n<a href=\"javascript:x\">raw</a>";
    String html = (String) messages.post(a1, id, draft(null, null, null, body)).get("html");
    assertThat(html).doesNotContain("<script", "<img src=x", "<a href=\"javascript", "href=\"javascript", "src=\"javascript",
        "href=\"data:");
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(3)&gt;",
        "<a rel=\"nofollow noopener noreferrer\" href=\"https://example.org/a?b=1\">ok</a>",
        "<a rel=\"nofollow noopener noreferrer\" href=\"\">click</a>", "<img src=\"\" alt=\"i\"");
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void attachmentsAreCheckedByTheirBytesAndStoredWithTheirHash(String engine) {
    open(engine);
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
    byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0};
    byte[] pdf = "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1);
    byte[] csaf = "{\"document\": {\"csaf_version\": \"2.0\", \"title\": \"t\"}}".getBytes(StandardCharsets.UTF_8);
    Map<String, Object> posted = messages.post(a1, id, new CaseMessages.Draft(null, null, null, null, "files", List.of(
        new CaseMessages.Attachment("shot.png", "image/png", null, png),
        new CaseMessages.Attachment("advisory.json", "application/json", "TLP:AMBER", csaf),
        new CaseMessages.Attachment("notes.txt", null, null, "plain notes\n".getBytes(StandardCharsets.UTF_8)))));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> files = (List<Map<String, Object>>) posted.get("attachments");
    assertThat(files).extracting(f -> f.get("type")).containsExactly("png", "csaf", "text");
    assertThat(files.get(0)).containsEntry("sha256", org.accord.ledger.Hash.sha256(png).hex()).containsEntry("size", 12L);
    CaseMessages.Download download = messages.attachment(b1, id, (String) posted.get("id"), "1");
    assertThat(download.content()).isEqualTo(png);
    assertThat(download.type().contentType()).isEqualTo("image/png");
    assertThat(notFound(() -> messages.attachment(b1, id, (String) posted.get("id"), "4"))).contains("no attachment 4");

    List<String> before = historyTypes(a1);
    // A .png that is really an executable, a PDF named .png, a PDF declared as PNG, an oversized file.
    assertThat(location(() -> post(new CaseMessages.Attachment("shot.png", "image/png", null, exe)))).isEqualTo("attachments[0].content");
    assertThat(location(() -> post(new CaseMessages.Attachment("shot.png", null, null, pdf)))).isEqualTo("attachments[0].name");
    assertThat(location(() -> post(new CaseMessages.Attachment("doc.pdf", "image/png", null, pdf)))).isEqualTo("attachments[0].content_type");
    assertThat(location(() -> post(new CaseMessages.Attachment("doc.pdf", null, "TLP:GREEN", pdf)))).isEqualTo("attachments[0].tlp");
    byte[] big = new byte[(int) messages.limits().attachmentMaxBytes() + 1];
    java.util.Arrays.fill(big, (byte) 'a');
    assertThat(location(() -> post(new CaseMessages.Attachment("big.txt", null, null, big)))).isEqualTo("attachments[0].content");
    assertThat(historyTypes(a1)).as("a refused post writes nothing").isEqualTo(before);
    assertThat(messages.search(a1, id, "x", 10)).containsEntry("total", 0);
  }

  void post(CaseMessages.Attachment attachment) {
    messages.post(a1, id, new CaseMessages.Draft(null, null, null, null, "x", List.of(attachment)));
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void editsKeepTheHistoryAndReadStateCountsAndNamesReaders(String engine) {
    open(engine);
    Map<String, Object> first = messages.post(a1, id, draft(null, null, null, "first draft about libracore"));
    String mid = (String) first.get("id");
    String thread = (String) first.get("thread");
    clock.advance(java.time.Duration.ofMinutes(5));
    messages.edit(a1, id, mid, "second text about patches");
    assertThatThrownBy(() -> messages.edit(a2, id, mid, "hijack")).isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> messages.edit(b1, id, mid, "hijack")).isInstanceOf(ForbiddenException.class);
    Map<String, Object> shown = messages.message(b1, id, mid);
    assertThat(shown).containsEntry("version", 2).containsEntry("body", "second text about patches");
    assertThat(shown.get("versions").toString()).contains("first draft about libracore", "second text about patches");
    assertThat(historyTypes(b1)).containsExactly("case.message_posted", "case.message_edited");
    assertThat(messages.search(b1, id, "libracore", 10)).as("search reads the current text").containsEntry("total", 0);
    assertThat(messages.search(b1, id, "patch", 10)).as("stemmed on both engines").containsEntry("total", 1);

    messages.post(b1, id, draft(null, null, null, "a reply"));
    assertThat(unread(g1)).isEqualTo(2);
    messages.markRead(g1, id, thread, mid);
    assertThat(unread(g1)).isEqualTo(1);
    assertThat(messages.message(a1, id, mid).get("seen_by").toString()).contains("g1@gamma.example");
    messages.markRead(g1, id, thread, null);
    assertThat(unread(g1)).isZero();
    messages.markRead(g1, id, thread, mid);
    assertThat(unread(g1)).as("a marker never moves back").isZero();
    assertThat(unread(b2)).as("a colleague's message is unread: read state is a person's").isEqualTo(2);
    // Pages: keyset cursor over the visible messages.
    Map<String, Object> page = messages.page(g1, id, thread, 1, null);
    assertThat(page.get("cursor")).isEqualTo(mid);
    assertThat(messages.page(g1, id, thread, 1, mid)).containsEntry("cursor", null);
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void concurrentPostersAndReadersWhileTheLedgerRuns(String engine) throws Exception {
    open(engine);
    List<CaseMessages.Notice> told = new CopyOnWriteArrayList<>();
    messages.listen(told::add);
    long logBefore = accord.ledger().size();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    AtomicBoolean done = new AtomicBoolean();
    List<Future<?>> work = new ArrayList<>();
    List<Principal> posters = List.of(a1, b1, g1, b2);
    for (Principal poster : posters) {
      work.add(pool.submit(() -> {
        for (int i = 0; i < 8; i++) {
          List<String> to = poster == b2 ? List.of("Beta") : null;
          messages.post(poster, id, draft(null, to, null, "concurrent note " + i));
        }
        return null;
      }));
    }
    List<Future<Integer>> readers = new ArrayList<>();
    for (Principal reader : List.of(g1, a2)) {
      readers.add(pool.submit(() -> {
        int reads = 0;
        while (!done.get()) {
          int total = (Integer) messages.search(reader, id, "concurrent", 100).get("total");
          assertThat(total).isLessThanOrEqualTo(24); // never one of Beta's own eight
          unread(reader);
          reads++;
        }
        return reads;
      }));
    }
    for (Future<?> f : work) {
      f.get();
    }
    done.set(true);
    for (Future<Integer> r : readers) {
      assertThat(r.get()).isPositive();
    }
    pool.shutdown();
    assertThat(messages.search(g1, id, "concurrent", 100)).containsEntry("total", 24);
    assertThat(messages.search(b1, id, "concurrent", 100)).containsEntry("total", 32);
    assertThat(unread(g1)).as("24 visible, 8 of them its own").isEqualTo(16);
    assertThat(told).hasSize(32);
    assertThat(told.stream().filter(n -> !n.grants().everyone()).count()).isEqualTo(8);
    assertThat(historyTypes(a1)).hasSize(24);
    assertThat(accord.ledger().size()).as("every post's event reached the log").isGreaterThanOrEqualTo(logBefore + 32);
  }
}
