package org.accord.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.accord.InvalidInputException;
import org.accord.notification.Channel;
import org.accord.notification.Notice;
import org.accord.notification.NotificationKind;
import org.accord.party.Member;
import org.accord.party.MemberRole;
import org.accord.party.OrgKind;
import org.accord.party.Principal;
import org.accord.store.Notifications.Row;
import org.accord.testing.TestClock;
import org.accord.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * New-message notifications (ADR 0125) through {@link CaseMessages#post}, on SQLite and PostgreSQL:
 * written in the post's transaction to each member of the audience who may see the message (never the
 * author, never someone outside the audience or the case, never more than the marking allows), with an
 * e-mail subject that names the case id only; edits notify no one; concurrent posters while the ledger
 * and the delivery worker run get exactly one notification per (message, member, channel).
 */
class MessageNotificationsTest {
  static final String SECRET_TITLE = "libracore deserialization RCE CVE-2026-4242";
  @TempDir Path dir;
  Accord accord;
  Principal coordinator;
  Principal a1;
  Principal b1;
  Principal g1;
  String id;

  @AfterEach
  void close() {
    if (accord != null) {
      accord.close();
    }
  }

  /**
   * Alpha (a1, a2) owns a case with Beta (b1, b2) as a whole and Gamma through g1 only (g2 is its
   * colleague); Outsider (o1) takes no part. SMTP is configured (nothing listens: rows are only written).
   */
  void open(String engine) {
    String url = engine.equals("postgresql") ? TestDatabases.freshPostgresUrl() : null;
    accord = Accord.open(new Accord.Config(dir, url), new TestClock(CasesTest.NOW));
    accord.notifications().configure(new Notifications.Settings(
        Optional.of(SmtpSettings.parse("smtp://127.0.0.1:9?from=accord@accord.example&starttls=off")), "https://accord.example",
        NotificationsTest.QUICK));
    coordinator = new Principal.Coordinator(accord.parties().ensure("CERT", OrgKind.CERT), null, null);
    for (String org : List.of("Alpha", "Beta", "Gamma", "Outsider")) {
      accord.parties().ensure(org, OrgKind.VENDOR);
    }
    a1 = person("Alpha", "a1");
    person("Alpha", "a2");
    b1 = person("Beta", "b1");
    person("Beta", "b2");
    g1 = person("Gamma", "g1");
    person("Gamma", "g2");
    person("Outsider", "o1");
    id = accord.cases().create(a1, SECRET_TITLE, null, List.of("vendor")).row().id().toString();
    accord.cases().invite(a1, id, "Beta", List.of("vendor"), null);
    accord.cases().invite(a1, id, "Gamma", List.of("vendor"), "g1@gamma.example");
  }

  Principal person(String org, String name) {
    Member member = accord.parties().addMember(coordinator, org, name + "@" + org.toLowerCase() + ".example", MemberRole.MEMBER);
    return new Principal.OrgMember(member.organization(), member, null);
  }

  String post(Principal author, List<String> audience, String tlp, List<String> recipients, String body) {
    return (String) accord.messages().post(author, id, new CaseMessages.Draft(null, audience, tlp, recipients, body, null)).get("id");
  }

  List<Row> rows(String message, Channel channel) {
    return accord.notifications().all().stream()
        .filter(r -> r.notice().kind() == NotificationKind.MESSAGE && r.channel() == channel && r.key().startsWith("message-" + message + ":"))
        .toList();
  }

  Set<String> told(String message) {
    return NotificationsTest.recipients(rows(message, Channel.INBOX), accord);
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void aPostTellsEachMemberOfItsAudienceWhoMaySeeItAndNoOneElse(String engine) {
    open(engine);
    // To all: every participant's members who see the case, but not the author, Gamma's g2 or Outsider.
    String all = post(a1, null, null, null, "Patch ready");
    assertThat(told(all)).containsExactly("a2@alpha.example", "b1@beta.example", "b2@beta.example", "g1@gamma.example");
    assertThat(NotificationsTest.recipients(rows(all, Channel.EMAIL), accord)).isEqualTo(told(all));

    // To Beta: Beta's members and the author's colleague (who sees the message); Gamma is outside the audience.
    String toBeta = post(a1, List.of("Beta"), null, null, "Beta only: mitigation key 42");
    assertThat(told(toBeta)).containsExactly("a2@alpha.example", "b1@beta.example", "b2@beta.example");
    // AMBER+STRICT to Beta: the same people, as the label allows the concerned and the creating organization.
    String strict = post(b1, List.of("Beta"), "TLP:AMBER+STRICT", null, "strict to beta");
    assertThat(told(strict)).containsExactly("b2@beta.example");
    // RED to b1: only the named person; not the author's colleague a2 nor b1's colleague b2.
    String red = post(a1, List.of("Beta"), "TLP:RED", List.of("b1@beta.example"), "red to b1");
    assertThat(told(red)).containsExactly("b1@beta.example");
    // Gamma's member-only participant posting to Alpha: Alpha's members hear; g2 never does.
    String fromGamma = post(g1, List.of("Alpha"), null, null, "to alpha");
    assertThat(told(fromGamma)).containsExactly("a1@alpha.example", "a2@alpha.example");

    // The webhook (the whole organization) only when the whole organization may see it: no org rows here
    // since no webhook is set, so every row names a member.
    List<Row> every = accord.notifications().all().stream().filter(r -> r.notice().kind() == NotificationKind.MESSAGE).toList();
    assertThat(every).allSatisfy(r -> assertThat(r.member()).isPresent());
    assertThat(NotificationsTest.recipients(every, accord)).doesNotContain("g2@gamma.example", "o1@outsider.example");

    // One row per (message, member, channel), the key naming each.
    List<String> keys = every.stream().map(Row::key).toList();
    assertThat(new HashSet<>(keys)).hasSize(keys.size());
    assertThat(keys).allMatch(k -> k.matches("message-m[a-z2-7]{16}:member-[0-9]+:(inbox|email)"));

    // The e-mail: the subject names the case id only; the body the case id, the message id and a link.
    Row mail = rows(toBeta, Channel.EMAIL).get(0);
    assertThat(mail.notice().subject()).isEqualTo("[Accord] Activity on case " + id).doesNotContain("libracore", "CVE", "RCE", "42");
    String body = Notice.mailBody(List.of(mail.notice()), accord.notifications().settings().publicUrl());
    assertThat(body).contains("Case " + id, toBeta, "https://accord.example/api/v1/cases/" + id).doesNotContain("key 42");
    assertThat(mail.notice().text()).isEqualTo("Alpha posted a new message (" + toBeta + ") in the case's general thread.");

    // An edit notifies no one; a refused post writes nothing.
    int before = accord.notifications().all().size();
    accord.messages().edit(a1, id, all, "Patch ready (edited)");
    assertThatThrownBy(() -> post(a1, List.of("Outsider"), null, null, "x")).isInstanceOf(InvalidInputException.class);
    assertThat(accord.notifications().all()).hasSize(before);
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void concurrentPostersGetExactlyOneNotificationPerMessageAndMember(String engine) throws Exception {
    open(engine);
    accord.notifications().start(); // the delivery worker claims (and fails) the e-mail rows meanwhile
    long logBefore = accord.ledger().size();
    Principal b2 = new Principal.OrgMember(b1.organization(),
        accord.parties().members(coordinator, "Beta").stream().filter(m -> m.email().startsWith("b2")).findFirst().orElseThrow(), null);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    Map<Principal, List<String>> audiences = new HashMap<>();
    audiences.put(a1, null);
    audiences.put(b1, List.of("Alpha"));
    audiences.put(g1, null);
    audiences.put(b2, List.of("Beta"));
    List<Future<List<String>>> work = new ArrayList<>();
    for (Principal poster : List.of(a1, b1, g1, b2)) {
      work.add(pool.submit(() -> {
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
          posted.add(post(poster, audiences.get(poster), null, null, "concurrent note " + i));
        }
        return posted;
      }));
    }
    Map<String, Set<String>> expected = new HashMap<>();
    Set<String> everyone = Set.of("a1@alpha.example", "a2@alpha.example", "b1@beta.example", "b2@beta.example", "g1@gamma.example");
    for (int p = 0; p < 4; p++) {
      Principal poster = List.of(a1, b1, g1, b2).get(p);
      Set<String> who = new TreeSet<>(everyone);
      if (poster == b1) {
        who = new TreeSet<>(Set.of("a1@alpha.example", "a2@alpha.example", "b2@beta.example"));
      } else if (poster == b2) {
        who = new TreeSet<>(Set.of("b1@beta.example"));
      }
      who.remove(poster.member().email());
      for (String message : work.get(p).get()) {
        expected.put(message, who);
      }
    }
    pool.shutdown();
    assertThat(expected).hasSize(24);
    int total = 0;
    for (Map.Entry<String, Set<String>> e : expected.entrySet()) {
      List<Row> inbox = rows(e.getKey(), Channel.INBOX);
      assertThat(NotificationsTest.recipients(inbox, accord)).as(e.getKey()).isEqualTo(e.getValue());
      assertThat(inbox).as("one per (message, member)").hasSize(e.getValue().size());
      assertThat(rows(e.getKey(), Channel.EMAIL)).hasSize(e.getValue().size());
      total += e.getValue().size();
    }
    long messageRows = accord.notifications().all().stream().filter(r -> r.notice().kind() == NotificationKind.MESSAGE).count();
    assertThat(messageRows).isEqualTo(2L * total);
    assertThat(accord.ledger().size()).as("every post's event reached the log").isGreaterThanOrEqualTo(logBefore + 24);
  }
}
