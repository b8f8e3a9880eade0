package org.accord.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.DummySSLSocketFactory;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.accord.InvalidInputException;
import org.accord.notification.Backoff;
import org.accord.notification.Channel;
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
 * Issue 10, item 2 through {@link Notifications}: notifications written with their case events, to
 * whom the case's need-to-know allows, and delivered at least once to a real SMTP server (GreenMail)
 * that is down for a while, across a restart, and beside concurrent case writers; on SQLite and
 * PostgreSQL.
 */
class NotificationsTest {
  static final Backoff QUICK = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(1), 3);
  static final String SECRET_TITLE = "libracore deserialization RCE CVE-2026-4242";
  @TempDir Path dir;
  Accord accord;
  TestClock clock;
  String url;
  Principal coordinator;
  final List<GreenMail> servers = new ArrayList<>();

  @AfterEach
  void close() {
    if (accord != null) {
      accord.close();
    }
    servers.forEach(GreenMail::stop);
  }

  void open(String engine) {
    url = engine.equals("postgresql") ? TestDatabases.freshPostgresUrl() : null;
    clock = new TestClock(CasesTest.NOW);
    reopen();
    coordinator = new Principal.Coordinator(accord.parties().ensure("CERT", OrgKind.CERT), null, null);
    for (String org : List.of("Alpha", "Beta", "Gamma")) {
      accord.parties().ensure(org, OrgKind.VENDOR);
    }
  }

  void reopen() {
    accord = Accord.open(new Accord.Config(dir, url), clock);
  }

  Principal person(String org, String name) {
    Member member = accord.parties().addMember(coordinator, org, name + "@" + org.toLowerCase() + ".example", MemberRole.MEMBER);
    return new Principal.OrgMember(member.organization(), member, null);
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  GreenMail greenMail(int port, String protocol) {
    GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", protocol));
    mail.start();
    servers.add(mail);
    return mail;
  }

  void smtp(String settings) {
    accord.notifications().configure(new Notifications.Settings(Optional.of(SmtpSettings.parse(settings)), "https://accord.example", QUICK));
  }

  List<Row> rows(Channel channel) {
    return accord.notifications().all().stream().filter(r -> r.channel() == channel).toList();
  }

  static Set<String> recipients(List<Row> rows, Accord accord) {
    Set<String> out = new java.util.TreeSet<>();
    for (Row row : rows) {
      out.add(accord.database().jdbi().withHandle(h -> h.createQuery("SELECT email FROM members WHERE id = :id")
          .bind("id", row.member().getAsLong()).mapTo(String.class).one()));
    }
    return out;
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void eventsNotifyTheConcernedMembersWhoSeeTheCaseAndNoOneElse(String engine) {
    open(engine);
    int port = freePort();
    smtp("smtp://127.0.0.1:" + port + "?from=accord@accord.example&starttls=off");
    Principal a1 = person("Alpha", "a1");
    Principal a2 = person("Alpha", "a2");
    person("Beta", "b1");
    person("Beta", "b2");
    person("Gamma", "g1");
    person("Gamma", "g2");
    Cases cases = accord.cases();
    String id = cases.create(a1, SECRET_TITLE, null, List.of("vendor")).row().id().toString();
    assertThat(accord.notifications().all()).as("case.created notifies no one").isEmpty();

    cases.invite(a1, id, "Beta", List.of("vendor"), null);
    // Gamma takes part through g1 only: g2 is its colleague and must hear nothing.
    cases.invite(a1, id, "Gamma", List.of("vendor"), "g1@gamma.example");
    assertThat(recipients(rows(Channel.INBOX), accord)).containsExactly("b1@beta.example", "b2@beta.example", "g1@gamma.example");

    // A refused change writes no notification: the rows commit with the event or not at all.
    int before = accord.notifications().all().size();
    assertThatThrownBy(() -> cases.invite(a1, id, "Beta", List.of("vendor"), null)).isInstanceOf(InvalidInputException.class);
    assertThat(accord.notifications().all()).hasSize(before);

    // A proposal tells everyone but the proposer's organization, and never the acting person.
    cases.propose(a1, id, "30d", null);
    List<Row> proposals = accord.notifications().all().stream()
        .filter(r -> r.notice().kind() == NotificationKind.EMBARGO_PROPOSED && r.channel() == Channel.EMAIL).toList();
    assertThat(recipients(proposals, accord)).containsExactly("b1@beta.example", "b2@beta.example", "g1@gamma.example");
    assertThat(proposals).allSatisfy(r -> {
      assertThat(r.notice().subject()).isEqualTo("[Accord] Activity on case " + id).doesNotContain("libracore", "CVE", "RCE");
      assertThat(r.notice().text()).contains("proposed an embargo until");
    });
    // Each row's idempotency key names its event, recipient and channel, once.
    List<String> keys = accord.notifications().all().stream().map(Row::key).toList();
    assertThat(new HashSet<>(keys)).hasSize(keys.size());
    assertThat(keys).allMatch(k -> k.matches("event-[0-9]+:(member|org)-[0-9]+:(email|inbox|webhook)"));
    assertThat(a2.member()).isNotNull();
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void aRedCaseNotifiesItsNamedPeopleOnlyAndEnqueueIsIdempotent(String engine) {
    open(engine);
    Principal a1 = person("Alpha", "a1");
    person("Alpha", "a2");
    person("Alpha", "a3");
    person("Beta", "b1");
    person("Beta", "b2");
    Cases cases = accord.cases();
    String id = cases.create(a1, SECRET_TITLE, "TLP:RED", List.of("vendor"), List.of("a2@alpha.example")).row().id().toString();
    cases.invite(a1, id, "Beta", List.of("vendor"), "b1@beta.example");
    cases.propose(a1, id, "30d", null);
    // The proposal concerns Beta (not the proposer's Alpha), and of Beta only the named b1.
    assertThat(recipients(rows(Channel.INBOX), accord)).containsExactly("b1@beta.example");

    // A reminder (item 3) through the public API: the same source twice is written once.
    Notifications.Request reminder = new Notifications.Request("reminder-test-1", id, NotificationKind.REMINDER, Set.of(), Optional.empty(),
        "The embargo ends in 24 hours.", Optional.empty());
    assertThat(accord.notifications().enqueue(reminder)).isEqualTo(3);
    assertThat(accord.notifications().enqueue(reminder)).isZero();
    // Everyone who sees the RED case (its creator, the named a2, the invited b1); not a3 or b2.
    assertThat(recipients(rows(Channel.INBOX).stream().filter(r -> r.notice().kind() == NotificationKind.REMINDER).toList(), accord))
        .containsExactly("a1@alpha.example", "a2@alpha.example", "b1@beta.example");
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void aServerDownForAWhileGetsEachMailExactlyOnceAfterTheRetry(String engine) throws Exception {
    open(engine);
    int port = freePort();
    smtp("smtp://127.0.0.1:" + port + "?from=accord@accord.example&starttls=off");
    Principal a1 = person("Alpha", "a1");
    person("Beta", "b1");
    String id = accord.cases().create(a1, SECRET_TITLE, null, List.of("vendor")).row().id().toString();
    accord.cases().invite(a1, id, "Beta", List.of("vendor"), null);
    assertThat(rows(Channel.EMAIL)).hasSize(1);

    // Nothing listens: the attempt fails and is scheduled again, not lost.
    assertThat(accord.notifications().deliverDue()).isZero();
    Row failed = rows(Channel.EMAIL).get(0);
    assertThat(failed.state()).isEqualTo("pending");
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.lastError()).isPresent();
    assertThat(failed.due()).isAfter(clock.instant().plusSeconds(4)).isBeforeOrEqualTo(clock.instant().plusSeconds(10));
    assertThat(accord.notifications().deliverDue()).as("not due yet").isZero();

    GreenMail mail = greenMail(port, "smtp");
    clock.advance(Duration.ofSeconds(11));
    assertThat(accord.notifications().deliverDue()).isEqualTo(1);
    assertThat(accord.notifications().deliverDue()).as("the worker run twice").isZero();
    MimeMessage[] received = mail.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("b1@beta.example");
    assertThat(received[0].getSubject()).isEqualTo("[Accord] Activity on case " + id).doesNotContain("libracore", "CVE", "RCE", "pkg:");
    String body = (String) received[0].getContent();
    assertThat(body).contains(id, SECRET_TITLE, "https://accord.example/api/v1/cases/" + id, "a1@alpha.example".isEmpty() ? "" : "Alpha invited Beta");

    // Restarted mid-delivery: a row claimed by a worker that died is not sent again while its lease
    // holds, and is sent exactly once (same Message-ID) when it passes.
    accord.cases().propose(a1, id, "30d", null);
    accord.database().jdbi().inTransaction(h -> org.accord.store.Notifications.claim(h, clock.millis(),
        clock.millis() + Notifications.LEASE_MILLIS, 10, engine.equals("postgresql")));
    accord.close();
    reopen();
    smtp("smtp://127.0.0.1:" + port + "?from=accord@accord.example&starttls=off");
    assertThat(accord.notifications().deliverDue()).isZero();
    clock.advance(Duration.ofMillis(Notifications.LEASE_MILLIS));
    assertThat(accord.notifications().deliverDue()).isEqualTo(1);
    assertThat(accord.notifications().deliverDue()).isZero();
    assertThat(mail.getReceivedMessages()).hasSize(2);
    assertThat(rows(Channel.EMAIL)).allSatisfy(r -> assertThat(r.state()).isEqualTo("sent"));
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void afterTheLastAttemptANotificationIsADeadLetterForTheCoordinator(String engine) {
    open(engine);
    smtp("smtp://127.0.0.1:" + freePort() + "?from=accord@accord.example&starttls=off");
    Principal a1 = person("Alpha", "a1");
    person("Beta", "b1");
    String id = accord.cases().create(a1, SECRET_TITLE, null, List.of("vendor")).row().id().toString();
    accord.cases().invite(a1, id, "Beta", List.of("vendor"), null);
    for (int i = 0; i < QUICK.maxAttempts(); i++) {
      assertThat(accord.notifications().deliverDue()).isZero();
      clock.advance(QUICK.cap());
    }
    assertThat(rows(Channel.EMAIL)).singleElement().satisfies(r -> assertThat(r.state()).isEqualTo("dead"));
    var letters = accord.notifications().deadLetters(coordinator, 50, null);
    assertThat(letters.items()).singleElement().satisfies(l -> {
      Map<String, Object> shown = Notifications.describe(l);
      assertThat(shown).containsEntry("member", "b1@beta.example").containsEntry("attempts", 3).containsEntry("kind", "invitation");
      assertThat(shown.toString()).doesNotContain(SECRET_TITLE, id);
    });
    assertThatThrownBy(() -> accord.notifications().deadLetters(a1, 50, null)).isInstanceOf(org.accord.ForbiddenException.class);
    clock.advance(Duration.ofDays(1));
    assertThat(accord.notifications().deliverDue()).as("a dead letter is not tried again").isZero();
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void aDailyDigestGathersAMembersMailsIntoOneAtTheDigestHour(String engine) throws Exception {
    open(engine);
    int port = freePort();
    GreenMail mail = greenMail(port, "smtp");
    smtp("smtp://127.0.0.1:" + port + "?from=accord@accord.example");
    Principal a1 = person("Alpha", "a1");
    Principal b1 = person("Beta", "b1");
    accord.notifications().setPreferences(b1, null, List.of("email"), "daily");
    String id = accord.cases().create(a1, SECRET_TITLE, null, List.of("vendor")).row().id().toString();
    accord.cases().invite(a1, id, "Beta", List.of("vendor"), null);
    accord.cases().propose(a1, id, "30d", null);
    assertThat(rows(Channel.INBOX)).as("b1 chose e-mail only").isEmpty();
    assertThat(rows(Channel.EMAIL)).hasSize(2).allSatisfy(r -> assertThat(r.due()).isEqualTo(Instant.parse("2026-12-04T07:00:00Z")));
    assertThat(accord.notifications().deliverDue()).isZero();
    clock.advance(Duration.between(clock.instant(), Instant.parse("2026-12-04T07:00:00Z")));
    assertThat(accord.notifications().deliverDue()).isEqualTo(2);
    assertThat(mail.getReceivedMessages()).singleElement().satisfies(m -> {
      assertThat(m.getSubject()).isEqualTo("[Accord] Daily digest: 2 notifications");
      assertThat((String) m.getContent()).contains("invited Beta", "proposed an embargo", id);
    });
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void startTlsRequiredRefusesAPlainServerAndSmtpsDelivers(String engine) throws Exception {
    open(engine);
    int plain = freePort();
    GreenMail plainServer = greenMail(plain, "smtp");
    smtp("smtp://127.0.0.1:" + plain + "?from=accord@accord.example&starttls=required");
    Principal a1 = person("Alpha", "a1");
    person("Beta", "b1");
    String id = accord.cases().create(a1, SECRET_TITLE, null, List.of("vendor")).row().id().toString();
    accord.cases().invite(a1, id, "Beta", List.of("vendor"), null);
    // GreenMail's SMTP offers no STARTTLS: with it required, nothing goes out in the clear.
    assertThat(accord.notifications().deliverDue()).isZero();
    assertThat(plainServer.getReceivedMessages()).isEmpty();
    assertThat(rows(Channel.EMAIL).get(0).lastError().orElseThrow()).containsIgnoringCase("STARTTLS");

    // TLS from the first byte (smtps), with a trust store that knows the test server's certificate.
    int secure = freePort();
    GreenMail tlsServer = greenMail(secure, "smtps");
    accord.notifications().configure(new Notifications.Settings(
        Optional.of(SmtpSettings.parse("smtps://localhost:" + secure + "?from=accord@accord.example").withSockets(new DummySSLSocketFactory())),
        "https://accord.example", QUICK));
    clock.advance(QUICK.cap());
    assertThat(accord.notifications().deliverDue()).as("%s", rows(Channel.EMAIL)).isEqualTo(1);
    assertThat(tlsServer.getReceivedMessages()).singleElement()
        .satisfies(m -> assertThat(m.getSubject()).isEqualTo("[Accord] Activity on case " + id));
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void concurrentCaseWritersWhileTheWorkerDeliversAndTheLedgerRuns(String engine) throws Exception {
    open(engine);
    int port = freePort();
    GreenMail mail = greenMail(port, "smtp");
    smtp("smtp://127.0.0.1:" + port + "?from=accord@accord.example");
    Principal a1 = person("Alpha", "a1");
    person("Beta", "b1");
    person("Gamma", "g1");
    accord.ledger();
    accord.notifications().start();
    int writers = 4;
    int casesEach = 3;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      done.add(pool.submit(() -> {
        for (int c = 0; c < casesEach; c++) {
          String id = accord.cases().create(a1, "Case " + writer + "-" + c, null, List.of("vendor")).row().id().toString();
          accord.cases().invite(a1, id, "Beta", List.of("vendor"), null);
          accord.cases().invite(a1, id, "Gamma", List.of("vendor"), null);
          accord.cases().propose(a1, id, "30d", null);
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get(2, TimeUnit.MINUTES);
    }
    pool.shutdown();
    int expected = writers * casesEach * 4; // b1 and g1: an invitation and a proposal each, per case
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (mail.getReceivedMessages().length < expected && System.nanoTime() < deadline) {
      mail.waitForIncomingEmail(1000, expected);
    }
    accord.notifications().close();
    assertThat(accord.notifications().deliverDue()).isZero();
    MimeMessage[] received = mail.getReceivedMessages();
    assertThat(received).hasSize(expected);
    Set<String> ids = new HashSet<>();
    for (MimeMessage m : received) {
      ids.add(m.getMessageID());
    }
    assertThat(ids).as("no mail twice").hasSize(expected);
    assertThat(rows(Channel.EMAIL)).hasSize(expected).allSatisfy(r -> assertThat(r.state()).isEqualTo("sent"));
    assertThat(accord.ledger().size()).isGreaterThan(0);
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void webhooksAreSignedRetriedWhileTheReceiverFailsAndDeliveredOnce(String engine) throws Exception {
    open(engine);
    Principal a1 = person("Alpha", "a1");
    person("Beta", "b1");
    person("Gamma", "g1");
    Member admin = accord.parties().addMember(coordinator, "Beta", "admin@beta.example", MemberRole.ADMIN);
    Principal betaAdmin = new Principal.OrgAdmin(admin.organization(), admin, null);
    // A receiver that checks every signature, and one that fails its first two deliveries.
    List<String> verified = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger(2);
    com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    String betaSecret = "beta-webhook-secret-0123456789";
    server.createContext("/beta", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      boolean ok = org.accord.notification.WebhookSignature.verify(betaSecret,
          exchange.getRequestHeaders().getFirst("X-Accord-Timestamp"), body, exchange.getRequestHeaders().getFirst("X-Accord-Signature"),
          clock.millis() / 1000, 300);
      if (ok) {
        verified.add(exchange.getRequestHeaders().getFirst("X-Accord-Delivery") + " " + new String(body, java.nio.charset.StandardCharsets.UTF_8));
      }
      exchange.sendResponseHeaders(ok ? 204 : 401, -1);
      exchange.close();
    });
    List<String> flaky = new java.util.concurrent.CopyOnWriteArrayList<>();
    server.createContext("/gamma", exchange -> {
      exchange.getRequestBody().readAllBytes();
      boolean fail = failures.getAndDecrement() > 0;
      if (!fail) {
        flaky.add(exchange.getRequestHeaders().getFirst("X-Accord-Delivery"));
      }
      exchange.sendResponseHeaders(fail ? 503 : 200, -1);
      exchange.close();
    });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      assertThatThrownBy(() -> accord.notifications().setWebhook(betaAdmin, "Beta", "ftp://x.example/", null))
          .isInstanceOf(InvalidInputException.class).extracting(e -> ((InvalidInputException) e).location()).isEqualTo("url");
      assertThat(accord.notifications().setWebhook(betaAdmin, "Beta", base + "/beta", betaSecret)).containsEntry("secret", betaSecret);
      assertThat(accord.notifications().setWebhook(coordinator, "Gamma", base + "/gamma", null).get("secret").toString()).hasSizeGreaterThan(40);
      assertThatThrownBy(() -> accord.notifications().setWebhook(a1, "Beta", base + "/x", null)).isInstanceOf(org.accord.ForbiddenException.class);

      String id = accord.cases().create(a1, SECRET_TITLE, null, List.of("vendor")).row().id().toString();
      accord.cases().invite(a1, id, "Beta", List.of("vendor"), null);
      accord.cases().invite(a1, id, "Gamma", List.of("vendor"), null);
      // One delivery per organization, whatever its member count.
      assertThat(rows(Channel.WEBHOOK)).hasSize(2);
      assertThat(accord.notifications().deliverDue()).isEqualTo(1); // Beta; Gamma answered 503
      clock.advance(QUICK.cap());
      assertThat(accord.notifications().deliverDue()).isZero(); // Gamma's second 503
      clock.advance(QUICK.cap());
      assertThat(accord.notifications().deliverDue()).isEqualTo(1);
      clock.advance(QUICK.cap());
      assertThat(accord.notifications().deliverDue()).isZero();
      assertThat(verified).singleElement().satisfies(v -> assertThat(v).contains("\"case\":\"" + id + "\"", "\"kind\":\"invitation\"",
          "\"organization\":\"Beta\""));
      assertThat(flaky).hasSize(1);
      assertThat(rows(Channel.WEBHOOK)).allSatisfy(r -> assertThat(r.state()).isEqualTo("sent"));
      assertThat(rows(Channel.WEBHOOK)).filteredOn(r -> r.org() != rows(Channel.WEBHOOK).get(0).org())
          .singleElement().satisfies(r -> assertThat(r.attempts()).isEqualTo(3));
    } finally {
      server.stop(0);
    }
  }
}
