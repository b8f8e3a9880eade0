package org.accord.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.accord.advisory.AdvisoryFormat;
import org.accord.advisory.ExportSchemas;
import org.accord.app.Accord;
import org.accord.app.Notifications;
import org.accord.app.SmtpSettings;
import org.accord.notification.Backoff;
import org.accord.notification.WebhookSignature;
import org.accord.synthetic.DemoDocuments;
import org.accord.testing.OpenPgpChecks;
import org.accord.testing.TestClock;
import org.accord.testing.TestDatabases;
import org.accord.web.WebServer;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 9, item 10: the LibraCore scenario end to end through the public HTTP API, on SQLite and (with
 * {@code ACCORD_TEST_PG_URL}) PostgreSQL. The demo world is loaded by {@code accord demo --no-serve}
 * exactly as a user would, then served in-process by the real {@link WebServer}; every later step is an
 * HTTP call with the token of the party that takes it (the demo's coordinator token creates the others
 * through {@code /api/v1/orgs}, {@code …/members} and {@code /api/v1/tokens}).
 *
 * <p>Run 1: a researcher reports a flaw in libracore {@code [2.0,2.3.4)}; the LibraCore maintainers
 * (approved claim) receive it and accept it, which opens their case; 90 days against 45 days, 45 wins;
 * suggestions name the demo's affected vendors with their dependency path, the operators and the
 * national CERTs; invitations go out from suggestions, one call each; consents come back; a vendor's
 * fix is ready (F only after V); the maintainer publishes, and an auditor verifies the revealed history
 * with {@code accord verify case} against the log's key and latest checkpoint, and sees one changed byte
 * refused. Run 2: an anonymous report through {@code /report}; attacks observed
 * under the embargo alert every signatory (and only them), then a public exploit ends the embargo,
 * resets every consent and alerts them again.
 *
 * <p>Issue 10 (ADR 0128): the instance mails a real SMTP server (GreenMail) and posts webhooks to a real
 * HTTP receiver started here, with delivery running on its background thread as {@code accord serve}
 * starts it. Run 1 then checks the mails received (count, recipients, subjects free of embargoed detail,
 * the case id and link in the body), every webhook delivery's signature and timestamp (and that a changed
 * body or a late replay fails), and fetches the published CSAF, OSV and VEX documents from the provider
 * layout (metadata, key, ROLIE feed, hashes, signature, OSV listing and all.zip), each valid against its
 * official schema.
 */
class LibraCoreScenarioTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LIBRACORE = "pkg:maven/org.libra/libracore";
  private static final Map<String, World> WORLDS = new ConcurrentHashMap<>();
  @TempDir static Path dir;

  /** The demo world served on one engine, with the tokens of the scenario's parties. */
  static final class World implements AutoCloseable {
    final TestClock clock;
    final Accord accord;
    final WebServer server;
    final HttpClient http = HttpClient.newHttpClient();
    final String coordinator;
    final Map<String, String> tokens = new ConcurrentHashMap<>();
    /** The e-mail address of each organization's member made by {@link #tokenOf}. */
    final Map<String, String> emails = new ConcurrentHashMap<>();
    /** The SMTP server the instance mails to (ACCORD_SMTP_URL), and the receiver of its webhooks. */
    final GreenMail mail;
    final WebhookReceiver hooks;
    private int members;

    World(String engine) throws Exception {
      Path data = Files.createDirectories(dir.resolve(engine));
      String url = engine.equals("postgresql") ? TestDatabases.freshPostgresUrl() : null;
      List<String> args = new ArrayList<>(List.of("--data", data.toString()));
      if (url != null) {
        args.addAll(List.of("--db", url));
      }
      args.addAll(List.of("demo", "--no-serve", "--json"));
      Run demo = accord(args.toArray(String[]::new));
      assertThat(demo.exit()).as(demo.err()).isZero();
      coordinator = JSON.readTree(demo.out()).path("token").asText();
      assertThat(coordinator).startsWith("accord_");
      clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
      accord = Accord.open(new Accord.Config(data, url), clock);
      server = WebServer.start(accord, "127.0.0.1", 0);
      // Notification delivery as `accord serve` starts it (ServeCommand.startServing), with ACCORD_SMTP_URL
      // naming a real SMTP server and ACCORD_PUBLIC_URL the served address.
      mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
      mail.start();
      hooks = new WebhookReceiver(clock);
      accord.notifications().configure(new Notifications.Settings(Optional.of(
          SmtpSettings.parse("smtp://127.0.0.1:" + mail.getSmtp().getPort() + "?from=accord@accord.example")), base(), Backoff.DEFAULT));
      accord.notifications().start();
    }

    String base() {
      return "http://127.0.0.1:" + server.port();
    }

    HttpResponse<String> send(String token, String method, String path, String body) throws Exception {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
          .header("Authorization", "Bearer " + token)
          .header("Content-Type", "application/json")
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The answer's JSON, after checking its status. */
    JsonNode call(String token, String method, String path, String body, int status) throws Exception {
      HttpResponse<String> answer = send(token, method, path, body);
      assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isEqualTo(status);
      return JSON.readTree(answer.body());
    }

    /**
     * The log's checkpoint once it covers every entry (the server signs one a second), as an auditor
     * fetches it after publication.
     */
    String latestCheckpoint() throws Exception {
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      JsonNode key = JSON.readTree(anonymous("/api/v1/log/key").body());
      while (key.path("published_size").asLong() < key.path("size").asLong() && System.nanoTime() < deadline) {
        Thread.sleep(100);
        key = JSON.readTree(anonymous("/api/v1/log/key").body());
      }
      return anonymous("/log/checkpoint").body();
    }

    /** The body of a GET without credentials of an absolute URL (as a document links it), after checking it is 200. */
    String fetch(String url) throws Exception {
      assertThat(url).startsWith(base());
      HttpResponse<String> answer = anonymous(url.substring(base().length()));
      assertThat(answer.statusCode()).as(url).isEqualTo(200);
      return answer.body();
    }

    /** The bytes of a GET without credentials of an absolute URL, after checking it is 200. */
    byte[] fetchBytes(String url) throws Exception {
      assertThat(url).startsWith(base());
      HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(answer.statusCode()).as(url).isEqualTo(200);
      return answer.body();
    }

    /** A GET without credentials, as anyone on the internet. */
    HttpResponse<String> anonymous(String path) throws Exception {
      return http.send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode get(String token, String path) throws Exception {
      return call(token, "GET", path, null, 200);
    }

    JsonNode post(String token, String path, String body) throws Exception {
      return call(token, "POST", path, body, 200);
    }

    /**
     * Every e-mail GreenMail received that names {@code caseId}, once every e-mail and webhook
     * notification of that case is delivered (a bounded poll: the delivery worker is a background
     * thread). With no row of the case left to send, nothing more can arrive for it.
     */
    List<MimeMessage> mailsOnceDelivered(String caseId) throws Exception {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      List<org.accord.store.Notifications.Row> rows;
      do {
        rows = accord.notifications().all().stream()
            .filter(r -> r.notice().caseId().equals(caseId) && r.channel() != org.accord.notification.Channel.INBOX).toList();
        if (!rows.isEmpty() && rows.stream().allMatch(r -> r.state().equals("sent"))) {
          break;
        }
        mail.waitForIncomingEmail(200, Integer.MAX_VALUE);
      } while (System.nanoTime() < deadline);
      assertThat(rows).as("every e-mail and webhook notification of " + caseId + " delivered")
          .isNotEmpty().allSatisfy(r -> assertThat(r.state()).isEqualTo("sent"));
      List<MimeMessage> out = new ArrayList<>();
      for (MimeMessage m : mail.getReceivedMessages()) {
        if (((String) m.getContent()).contains("Case " + caseId + ":")) {
          out.add(m);
        }
      }
      return out;
    }

    /** A token for a new member of {@code organization}, made over the API by the coordinator; one per organization. */
    String tokenOf(String organization) {
      return tokens.computeIfAbsent(organization, org -> {
        try {
          String email = "member" + (++members) + "@scenario.example";
          emails.put(org, email);
          call(coordinator, "POST", "/api/v1/orgs/" + pathOf(org) + "/members",
              JSON.writeValueAsString(Map.of("email", email)), 201);
          return call(coordinator, "POST", "/api/v1/tokens", JSON.writeValueAsString(Map.of("organization", org, "member", email)), 201)
              .path("token").asText();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
    }

    @Override
    public void close() {
      server.close();
      accord.close();
      hooks.close();
      mail.stop();
    }
  }

  static String pathOf(String organization) {
    return URLEncoder.encode(organization, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** One webhook delivery as the receiver got it, with the instance clock's time (Unix seconds) when it arrived. */
  record Delivery(String path, String timestamp, String signature, String id, byte[] body, long receivedAt) {
    JsonNode json() throws Exception {
      return JSON.readTree(body);
    }
  }

  /** A PSIRT's ticketing endpoint: a real HTTP server that records every webhook delivery and answers 204. */
  static final class WebhookReceiver implements AutoCloseable {
    final List<Delivery> deliveries = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final com.sun.net.httpserver.HttpServer server;

    WebhookReceiver(TestClock clock) throws Exception {
      server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/hooks/", exchange -> {
        var headers = exchange.getRequestHeaders();
        deliveries.add(new Delivery(exchange.getRequestURI().getPath(), headers.getFirst("X-Accord-Timestamp"),
            headers.getFirst("X-Accord-Signature"), headers.getFirst("X-Accord-Delivery"), exchange.getRequestBody().readAllBytes(),
            clock.millis() / 1000));
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
      });
      server.start();
    }

    String url(String name) {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + name;
    }

    /** The deliveries of one case, by receiving path. */
    Map<String, List<Delivery>> ofCase(String caseId) throws Exception {
      Map<String, List<Delivery>> out = new java.util.TreeMap<>();
      for (Delivery d : deliveries) {
        if (d.json().path("case").asText().equals(caseId)) {
          out.computeIfAbsent(d.path(), p -> new ArrayList<>()).add(d);
        }
      }
      return out;
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  /**
   * The receiver's own check of a delivery, written from ADR 0120's layout rather than with Accord's
   * code: {@code sha256=} and the hex HMAC-SHA256 (RFC 2104) under the shared secret of
   * {@code TIMESTAMP "." BODY}.
   */
  static boolean signedBy(String secret, String timestamp, byte[] body, String signature) throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
    String expected = "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body));
    return java.security.MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
  }

  static World world(String engine) {
    return WORLDS.computeIfAbsent(engine, e -> {
      try {
        return new World(e);
      } catch (Exception ex) {
        throw new IllegalStateException(ex);
      }
    });
  }

  @AfterAll
  static void closeWorlds() {
    WORLDS.values().forEach(World::close);
  }

  static String body(Object value) throws Exception {
    return JSON.writeValueAsString(value);
  }

  static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.path(field).asText()));
    return out;
  }

  static List<JsonNode> ofKind(JsonNode suggestions, String kind) {
    List<JsonNode> out = new ArrayList<>();
    suggestions.path("suggestions").forEach(s -> {
      if (s.path("kind").asText().equals(kind)) {
        out.add(s);
      }
    });
    return out;
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void aReportBecomesACaseWithItsEmbargoParticipantsAndFix(String engine) throws Exception {
    World w = world(engine);
    String coordinator = w.coordinator;

    // The researcher's organization and token (researchers are not listed to others; the coordinator adds them).
    w.call(coordinator, "POST", "/api/v1/orgs", body(Map.of("name", "Ada Security Research", "kind", "researcher", "country", "DE")), 201);
    String researcher = w.tokenOf("Ada Security Research");
    String maintainer = w.tokenOf(DemoDocuments.MAINTAINERS);
    // Each party's member exists before the case does, so every notification of the case has a recipient
    // to count. The researcher's and the vendor's PSIRT tools take webhooks, each with its own secret.
    List.of(BARO, CERT_DE, HOSPITAL).forEach(w::tokenOf);
    for (String org : List.of(ADA, BARO)) {
      JsonNode set = w.call(coordinator, "PUT", "/api/v1/orgs/" + pathOf(org) + "/webhook",
          body(Map.of("url", w.hooks.url(hookName(org)), "secret", secretOf(org))), 200);
      assertThat(set.path("secret").asText()).isEqualTo(secretOf(org));
    }

    // 1. The report, authenticated, on libracore [2.0,2.3.4).
    String report = body(Map.of(
        "title", "LibraCore: heap overflow in the frame decoder",
        "description", "A crafted length field makes FrameDecoder.read copy past the end of its buffer.",
        "affected", List.of(Map.of("purl", LIBRACORE, "range", "[2.0,2.3.4)")),
        "cvss", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        "credit", Map.of("preference", "named", "name", "Ada Lovelace")));
    JsonNode sent = w.call(researcher, "POST", "/api/v1/reports", report, 201);
    String reportId = sent.path("id").asText();
    assertThat(sent.path("states").path(DemoDocuments.MAINTAINERS).asText()).as("the maintainer received it").isEqualTo("received");
    assertThat(sent.path("reporter").asText()).isEqualTo("Ada Security Research");

    // 2. The maintainer sees it among its reports, validates and accepts it: that opens its case.
    assertThat(texts(w.get(maintainer, "/api/v1/reports").path("reports"), "id")).contains(reportId);
    assertThat(w.post(maintainer, "/api/v1/reports/" + reportId + "/transitions", "{\"event\": \"validate\"}").path("state").asText())
        .isEqualTo("valid");
    JsonNode accepted = w.post(maintainer, "/api/v1/reports/" + reportId + "/transitions", "{\"event\": \"accept\"}");
    assertThat(accepted.path("state").asText()).isEqualTo("accepted");
    String caseId = accepted.path("case").asText();
    assertThat(caseId).matches("ACC-\\d{4}-\\d{4,}");
    String at = "/api/v1/cases/" + caseId;
    JsonNode opened = w.get(maintainer, at);
    assertThat(opened.path("owner").asText()).isEqualTo(DemoDocuments.MAINTAINERS);
    assertThat(opened.path("tlp").asText()).isEqualTo("TLP:AMBER");
    assertThat(texts(opened.path("participants"), "organization")).containsExactlyInAnyOrder(DemoDocuments.MAINTAINERS, "Ada Security Research");
    JsonNode vulnerability = w.get(researcher, at + "/vulnerabilities").path("vulnerabilities").get(0);
    assertThat(vulnerability.path("affected").get(0).path("purl").asText()).isEqualTo(LIBRACORE);
    assertThat(vulnerability.path("affected").get(0).path("range").asText()).isEqualTo("vers:maven/>=2.0|<2.3.4");
    assertThat(vulnerability.path("cvss").asText()).startsWith("CVSS:3.1/AV:N");

    // 3. The embargo: the maintainer asks 90 days, the researcher 45; the shortest wins when the owner accepts.
    Instant now = w.clock.instant();
    w.post(maintainer, at + "/embargo", "{\"end\": \"90d\"}");
    // Proposing is consenting (ADR 0123): the researcher signs its own, shortest, terms and is not
    // left to lapse at the RSVP deadline.
    JsonNode countered = w.post(researcher, at + "/embargo", "{\"end\": \"45d\"}");
    assertThat(countered.path("participants").findValuesAsText("consent")).containsOnly("signatory");
    JsonNode inForce = w.post(maintainer, at + "/embargo/accept", "{}");
    assertThat(inForce.path("em").asText()).isEqualTo("active");
    assertThat(inForce.path("embargo").path("end").asText()).isEqualTo(now.plus(Duration.ofDays(45)).toString());
    assertThat(inForce.path("embargo").path("proposed_by").asText()).isEqualTo("Ada Security Research");
    assertThat(texts(inForce.path("proposals"), "state")).containsExactly("superseded", "accepted");
    assertThat(inForce.path("participants").findValuesAsText("consent")).containsOnly("signatory");
    assertThat(w.send(researcher, "POST", at + "/embargo/accept", "{}").statusCode()).as("already a signatory").isEqualTo(409);

    // 4. Suggestions from the exposure. The maintainer sees vendors and CERTs, operators only as k-anonymous cells.
    JsonNode mine = w.get(maintainer, at + "/suggestions");
    assertThat(ofKind(mine, "maintainer")).singleElement().satisfies(m -> {
      assertThat(m.path("organization").asText()).isEqualTo(DemoDocuments.MAINTAINERS);
      assertThat(m.path("participant").asBoolean()).isTrue();
    });
    List<JsonNode> vendors = ofKind(mine, "vendor");
    assertThat(vendors).hasSize(40).allMatch(v -> v.path("verified").asBoolean());
    JsonNode baro = vendors.get(0);
    assertThat(baro.path("organization").asText()).isEqualTo(BARO);
    assertThat(baro.path("reason").asText()).startsWith("owns 7 affected product versions");
    // the dependency paths that make Baro affected: directly, and through the libracore-ng fork
    assertThat(baro.path("evidence").path("paths").get(0).path("path").toString())
        .isEqualTo("[\"pkg:generic/baro-networks/catfin-suite@5.2.2\",\"pkg:maven/org.libra/libracore@2.3.3\"]");
    assertThat(baro.path("evidence").path("paths").toString()).contains(
        "[\"pkg:generic/baro-networks/grajun-gateway@3.6.0\",\"pkg:maven/org.alsil/meryor-378@2.2.1\","
            + "\"pkg:maven/org.forkworks/libracore-ng@2.0.0\",\"pkg:maven/org.libra/libracore@2.3.2\"]");
    assertThat(ofKind(mine, "operator")).as("operators are not named to the maintainer").isEmpty();
    assertThat(mine.path("withheld")).hasSize(96);
    assertThat(ofKind(mine, "cert")).extracting(c -> c.path("organization").asText()).containsExactly(CERTS);
    // The coordinator, who runs cases, sees every operator by name with sector, country and criticality.
    JsonNode all = w.get(coordinator, at + "/suggestions");
    List<JsonNode> operators = ofKind(all, "operator");
    assertThat(operators).hasSize(159);
    JsonNode hospital = operators.get(0);
    assertThat(hospital.path("organization").asText()).isEqualTo(HOSPITAL);
    assertThat(hospital.path("roles").toString()).isEqualTo("[\"deployer\"]");
    assertThat(hospital.path("reason").asText()).isEqualTo(
        "runs 41 affected deployments (27 essential, 14 important) in BE, CZ, EE, ES, FI, FR, NL, SE, sector health");
    assertThat(hospital.path("evidence").path("deployments").get(0).toString())
        .isEqualTo("{\"sector\":\"health\",\"country\":\"BE\",\"criticality\":\"important\",\"deployments\":1}");
    JsonNode certDe = ofKind(all, "cert").stream().filter(c -> c.path("organization").asText().equals(CERT_DE)).findFirst().orElseThrow();
    assertThat(certDe.path("reason").asText()).matches("CERT for DE: \\d+ affected deployments");
    assertThat(all.path("withheld")).isEmpty();

    // 5. Invitations from suggestions, one call each: the maintainer invites the vendor and the CERT it
    // sees; the coordinator the operator only it may name. Each joins invited to the embargo in force.
    for (JsonNode s : List.of(baro, certDe)) {
      JsonNode joined = w.call(maintainer, "POST", at + "/participants", invitation(s), 201);
      assertThat(consentOf(joined, s.path("organization").asText())).isEqualTo("invited");
    }
    w.call(coordinator, "POST", at + "/participants", invitation(hospital), 201);
    assertThat(ofKind(w.get(maintainer, at + "/suggestions"), "vendor").get(0).path("participant").asBoolean()).isTrue();

    // 6. Consents come back; each invitee received the report (its own RM state) and reads it.
    for (String org : List.of(BARO, CERT_DE, HOSPITAL)) {
      assertThat(consentOf(w.post(w.tokenOf(org), at + "/embargo/accept", "{}"), org)).isEqualTo("signatory");
      JsonNode itsReport = w.get(w.tokenOf(org), "/api/v1/reports/" + reportId);
      assertThat(itsReport.path("states").path(org).asText()).isEqualTo("received");
      assertThat(itsReport.path("state").asText()).isEqualTo("received");
    }
    assertThat(w.get(maintainer, at).path("participants").findValuesAsText("consent")).hasSize(5).containsOnly("signatory");

    // 7. The vendor's fix is ready: F needs V first (D => F => V).
    String vendorToken = w.tokenOf(BARO);
    HttpResponse<String> early = w.send(vendorToken, "POST", at + "/transitions", body(Map.of("event", "fix_ready", "vendor", BARO)));
    assertThat(early.statusCode()).isEqualTo(409);
    assertThat(early.body()).contains("F implies V");
    w.post(vendorToken, at + "/transitions", body(Map.of("event", "vendor_aware", "vendor", BARO)));
    JsonNode fixed = w.post(vendorToken, at + "/transitions", body(Map.of("event", "fix_ready", "vendor", BARO)));
    JsonNode baroRow = participant(fixed, BARO);
    assertThat(baroRow.path("vfd").asText()).isEqualTo("VFd");
    assertThat(fixed.path("em").asText()).as("a fix ready leaves the embargo in force").isEqualTo("active");
    // Statuses per product: the vendor's (its VEX at publication), and the hospital's own (an operator: by party only).
    w.post(vendorToken, at + "/statuses", body(Map.of("product", CATFIN + "@5.2.3", "status", "fixed", "involvement", "completed")));
    w.post(vendorToken, at + "/statuses", body(Map.of("product", GRAJUN + "@3.6.0", "status", "affected", "involvement", "in_progress")));
    w.post(w.tokenOf(HOSPITAL), at + "/statuses", body(Map.of("product", CATFIN + "@5.2.2", "status", "affected", "involvement", "open")));

    // The history, in order, is what each call did; the same for every participant.
    List<String> types = texts(w.get(researcher, at + "/events").path("events"), "type");
    assertThat(types).containsExactly("case.created", "case.participant_invited", "case.vulnerability_added",
        "case.embargo_proposed", "case.embargo_proposed", "case.embargo_accepted",
        "case.participant_invited", "case.participant_invited", "case.participant_invited",
        "case.embargo_consented", "case.embargo_consented", "case.embargo_consented",
        "case.state_changed", "case.state_changed", "case.status_set", "case.status_set", "case.status_set");
    assertThat(texts(w.get(w.tokenOf(HOSPITAL), at + "/events").path("events"), "type")).isEqualTo(types);

    // 8. The maintainer publishes: P ends the embargo (the signatories are told), one public case.published.
    assertThat(w.anonymous(at + "/reveal").statusCode()).as("nothing is revealed before publication").isEqualTo(404);
    JsonNode published = w.post(maintainer, at + "/publish", "{}");
    JsonNode history = w.get(maintainer, at + "/events").path("events");
    List<String> whole = texts(history, "type");
    assertThat(whole.subList(types.size(), whole.size())).containsExactly("case.state_changed", "case.embargo_alert", "case.published");
    assertThat(w.get(vendorToken, at + "/alerts").path("alerts").get(0).path("data").path("kind").asText()).isEqualTo("ended");
    assertThat(published.path("events").asInt()).as("every event before case.published").isEqualTo(whole.size() - 1);
    assertThat(w.get(maintainer, at).path("em").asText()).isEqualTo("exited");

    // 9. An auditor with nothing but public answers: the reveal bundle, the log's key and its latest
    // checkpoint. `accord verify case` checks the whole revealed history offline against them.
    HttpResponse<String> reveal = w.anonymous(at + "/reveal");
    assertThat(reveal.statusCode()).isEqualTo(200);
    Path files = Files.createDirectories(dir.resolve(engine + "-audit"));
    Path bundle = Files.writeString(files.resolve("bundle.json"), reveal.body());
    Path key = Files.writeString(files.resolve("key.txt"), JSON.readTree(w.anonymous("/api/v1/log/key").body()).path("verifier_key").asText());
    Path latest = Files.writeString(files.resolve("checkpoint.txt"), w.latestCheckpoint());
    Run verified = accord("verify", "case", caseId, "--bundle", bundle.toString(), "--key", key.toString(),
        "--checkpoint", latest.toString(), "--json");
    assertThat(verified.exit()).as(verified.out() + verified.err()).isZero();
    JsonNode proof = JSON.readTree(verified.out());
    assertThat(proof.path("verified").asBoolean()).isTrue();
    assertThat(proof.path("case").asText()).isEqualTo(caseId);
    assertThat(proof.path("events").asInt()).isEqualTo(whole.size() - 1);
    assertThat(proof.path("latest_checked").asBoolean()).isTrue();
    // Every event is revealed (all AMBER) but the four naming the hospital, an operator that did not ask to be
    // named (ADR 0115): its invitation, its consent, its status and the alert addressed to it, the last event; the chain links
    // through their hashes, and nothing in the bundle names the hospital.
    JsonNode parsed = JSON.readTree(reveal.body());
    assertThat(parsed.path("events")).hasSize(whole.size() - 1);
    List<JsonNode> hidden = new ArrayList<>();
    StringBuilder revealed = new StringBuilder(reveal.body());
    for (JsonNode e : parsed.path("events")) {
      if (e.has("withheld")) {
        hidden.add(e);
      } else {
        revealed.append(new String(java.util.Base64.getDecoder().decode(e.path("event").asText()), StandardCharsets.UTF_8));
      }
    }
    assertThat(hidden).hasSize(4).allMatch(e -> e.path("withheld").asText().equals("unnamed_party") && !e.has("event"));
    assertThat(parsed.path("events").get(whole.size() - 2).path("withheld").asText()).isEqualTo("unnamed_party");
    assertThat(proof.path("withheld_reasons").path("unnamed_party").asInt()).isEqualTo(4);
    assertThat(revealed.toString()).doesNotContain(HOSPITAL).contains(BARO, CERT_DE);
    // One byte changed in the bundle's first event, and the same check fails naming it.
    String first = parsed.path("events").get(0).path("event").asText();
    String changed = java.util.Base64.getEncoder().encodeToString(new String(java.util.Base64.getDecoder().decode(first),
        StandardCharsets.UTF_8).replace(DemoDocuments.MAINTAINERS, "LibraCore Projecu").getBytes(StandardCharsets.UTF_8));
    assertThat(changed).isNotEqualTo(first);
    Path tampered = Files.writeString(files.resolve("tampered.json"), reveal.body().replace(first, changed));
    Run refused = accord("verify", "case", caseId, "--bundle", tampered.toString(), "--key", key.toString());
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.out() + refused.err()).contains("event at index", "does not match the commitment");

    // 10. The published documents, fetched as tools find them; 11. the mails and webhooks the case caused.
    publishedDocumentsAreWhereToolsLook(w, caseId);
    everyoneConcernedWasToldSafely(w, caseId);
  }

  /**
   * Step 10: the documents, fetched over HTTP as a tool finds them (ADRs 0121, 0122, 0124): provider-metadata.json,
   * the instance key it names, its ROLIE feed, the case's CSAF with the hashes and signature the feed entry
   * links; the OSV record, the modified-date listing and all.zip; the vendor's OpenVEX and CycloneDX VEX.
   * Each is valid against its official schema from the shared test data (CSAF also against Accord's §6.1
   * mandatory tests, CycloneDX also by cyclonedx-core-java); the researcher that asked for named credit is
   * acknowledged under its credit name; the hospital is named in none of them.
   */
  static void publishedDocumentsAreWhereToolsLook(World w, String caseId) throws Exception {
    JsonNode metadata = JSON.readTree(w.fetch(w.base() + "/.well-known/csaf/provider-metadata.json"));
    assertThat(ExportSchemas.providerMetadataProblems(metadata)).isEmpty();
    assertThat(metadata.path("role").asText()).isEqualTo("csaf_trusted_provider");
    JsonNode keyRef = metadata.at("/public_openpgp_keys/0");
    PGPPublicKey signer = OpenPgpChecks.publicKey(w.fetch(keyRef.path("url").asText()));
    assertThat(HexFormat.of().formatHex(signer.getFingerprint())).isEqualToIgnoringCase(keyRef.path("fingerprint").asText());
    JsonNode feed = JSON.readTree(w.fetch(metadata.at("/distributions/1/rolie/feeds/0/url").asText()));
    JsonNode entry = null;
    for (JsonNode e : feed.at("/feed/entry")) {
      entry = e.path("id").asText().equals(caseId) ? e : entry;
    }
    assertThat(entry).as("the feed lists " + caseId).isNotNull();
    String csafUrl = entry.at("/content/src").asText();
    byte[] csafBytes = w.fetchBytes(csafUrl);
    String csafFile = csafUrl.substring(csafUrl.lastIndexOf('/') + 1);
    List<String> links = new ArrayList<>();
    for (JsonNode link : entry.path("link")) {
      String href = link.path("href").asText();
      links.add(link.path("rel").asText() + " " + href.substring(csafUrl.length() - csafFile.length()));
      switch (link.path("rel").asText()) {
        case "self" -> assertThat(href).isEqualTo(csafUrl);
        case "hash" -> {
          // sha256sum/sha512sum format (§7.1 requirement 18), computed here from the fetched bytes.
          String algorithm = href.endsWith(".sha256") ? "SHA-256" : "SHA-512";
          assertThat(w.fetch(href)).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(csafBytes)) + "  " + csafFile + "\n");
        }
        case "signature" -> {
          // Requirement 19: a detached signature by the key the metadata names, over exactly these bytes.
          String armored = w.fetch(href);
          assertThat(OpenPgpChecks.verifies(OpenPgpChecks.signature(armored), signer, csafBytes)).isTrue();
          byte[] changed = csafBytes.clone();
          changed[changed.length / 2] ^= 1;
          assertThat(OpenPgpChecks.verifies(OpenPgpChecks.signature(armored), signer, changed)).as("one changed byte").isFalse();
        }
        default -> throw new AssertionError("unexpected link " + link);
      }
    }
    assertThat(links).containsExactlyInAnyOrder("self " + csafFile, "hash " + csafFile + ".sha256", "hash " + csafFile + ".sha512",
        "signature " + csafFile + ".asc");
    String csafText = new String(csafBytes, StandardCharsets.UTF_8);
    JsonNode csaf = JSON.readTree(csafBytes);
    assertThat(ExportSchemas.csafSchemaProblems(csaf)).isEmpty();
    assertThat(ExportSchemas.problems(AdvisoryFormat.CSAF, csaf)).isEmpty();
    assertThat(csaf.at("/document/tracking/id").asText()).isEqualTo(caseId);
    assertThat(csaf.at("/document/tracking/status").asText()).isEqualTo("final");
    assertThat(csaf.at("/document/distribution/tlp/label").asText()).isEqualTo("WHITE");
    assertThat(csaf.at("/document/acknowledgments").toString()).contains(
        "{\"names\":[\"Ada Lovelace\"],\"organization\":\"Ada Security Research\",\"summary\":\"found and reported the vulnerability\"}");
    assertThat(csaf.at("/vulnerabilities/0/involvements").toString()).contains(BARO + " (vendor) is completed", "A participant (user) is open");
    assertThat(w.fetch(w.base() + "/.well-known/csaf/clear/index.txt")).contains(csafUrl.substring(csafUrl.indexOf("/clear/") + "/clear/".length()) + "\n");

    String osvId = "x_" + caseId;
    String osvText = w.fetch(w.base() + "/osv/" + osvId + ".json");
    JsonNode osv = JSON.readTree(osvText);
    assertThat(ExportSchemas.problems(AdvisoryFormat.OSV, osv)).isEmpty();
    assertThat(osv.path("id").asText()).isEqualTo(osvId);
    assertThat(osv.path("credits").toString()).contains("{\"name\":\"Ada Lovelace (Ada Security Research)\",\"type\":\"FINDER\"}");
    assertThat(w.fetch(w.base() + "/osv/modified_id.csv").lines()).contains(osv.path("modified").asText() + "," + osvId);
    StringBuilder zipped = new StringBuilder();
    JsonNode fromZip = null;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(w.fetchBytes(w.base() + "/osv/all.zip")))) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        byte[] record = zip.readAllBytes();
        JsonNode parsed = JSON.readTree(record);
        assertThat(ExportSchemas.problems(AdvisoryFormat.OSV, parsed)).as(e.getName()).isEmpty();
        assertThat(e.getName()).isEqualTo(parsed.path("id").asText() + ".json");
        fromZip = e.getName().equals(osvId + ".json") ? parsed : fromZip;
        zipped.append(new String(record, StandardCharsets.UTF_8));
      }
    }
    assertThat(fromZip).as("all.zip holds " + osvId).isEqualTo(osv);

    String openVexText = w.fetch(w.base() + "/vex/" + caseId + "/baro-networks.openvex.json");
    JsonNode openVex = JSON.readTree(openVexText);
    assertThat(ExportSchemas.problems(AdvisoryFormat.OPENVEX, openVex)).isEmpty();
    assertThat(openVex.path("statements")).hasSize(2);
    byte[] cdxBytes = w.fetchBytes(w.base() + "/vex/" + caseId + "/baro-networks.cdx.json");
    assertThat(ExportSchemas.problems(AdvisoryFormat.CYCLONEDX_VEX, JSON.readTree(cdxBytes))).isEmpty();
    assertThat(ExportSchemas.cycloneDxLibraryProblems(cdxBytes)).isEmpty();
    String cdxText = new String(cdxBytes, StandardCharsets.UTF_8);
    assertThat(w.anonymous("/vex/" + caseId + "/alflo-hospital.openvex.json").statusCode()).isEqualTo(404);
    for (String document : List.of(feed.toString(), csafText, osvText, zipped.toString(), openVexText, cdxText)) {
      assertThat(document).contains(caseId).doesNotContain(HOSPITAL).doesNotContainIgnoringCase("alflo");
    }
  }

  /**
   * Step 11: who was told, and how (ADRs 0119, 0120). The delivery worker runs in the background, so this waits
   * (bounded) until every e-mail and webhook notification of the case is sent; then exactly the mails this
   * case's events cause are there. The world is shared with run 2, whose mails name its own case: only
   * mails naming this case count. Each party's one member (made before the case) is told of:
   * the researcher: its invitation, the maintainer's proposal, the embargo's end, the publication;
   * the maintainer: the researcher's counter-proposal (it published and ended the embargo itself,
   * and the acting person is never told of its own act);
   * the vendor, the CERT and the hospital: their invitation, the embargo's end, the publication.
   */
  static void everyoneConcernedWasToldSafely(World w, String caseId) throws Exception {
    String at = "/api/v1/cases/" + caseId;
    List<MimeMessage> mails = w.mailsOnceDelivered(caseId);
    Map<String, List<String>> told = new java.util.TreeMap<>();
    Set<String> messageIds = new HashSet<>();
    // Nothing embargoed in a subject: no title words, package or product, vulnerability id or score, party.
    List<String> embargoed = new ArrayList<>(List.of("LibraCore", "heap overflow", "frame decoder", "FrameDecoder", "libra",
        "catfin", "grajun", "pkg:", "CVE-", "CVSS", ADA, "Ada", BARO, CERT_DE, HOSPITAL, "Alflo"));
    JsonNode osv = JSON.readTree(w.fetch(w.base() + "/osv/x_" + caseId + ".json")); // what was embargoed until now
    osv.path("aliases").forEach(alias -> embargoed.add(alias.asText()));
    embargoed.addAll(osv.path("affected").findValuesAsText("name"));
    assertThat(embargoed).contains("org.libra:libracore");
    for (MimeMessage m : mails) {
      assertThat(m.getAllRecipients()).hasSize(1);
      String subject = m.getSubject();
      assertThat(subject).isEqualTo("[Accord] Activity on case " + caseId);
      embargoed.forEach(secret -> assertThat(subject).doesNotContainIgnoringCase(secret));
      String text = ((String) m.getContent()).replace("\r\n", "\n"); // SMTP carries CRLF
      assertThat(text).contains("Case " + caseId + ": ", "Open the case: " + w.base() + at + "\n");
      told.computeIfAbsent(m.getAllRecipients()[0].toString(), r -> new ArrayList<>()).add(text);
      messageIds.add(m.getMessageID());
    }
    assertThat(messageIds).as("no mail twice").hasSize(mails.size());
    assertThat(told).containsOnlyKeys(w.emails.get(ADA), w.emails.get(DemoDocuments.MAINTAINERS), w.emails.get(BARO),
        w.emails.get(CERT_DE), w.emails.get(HOSPITAL));
    assertThat(told.get(w.emails.get(ADA))).hasSize(4)
        .anySatisfy(t -> assertThat(t).contains(DemoDocuments.MAINTAINERS + " invited " + ADA))
        .anySatisfy(t -> assertThat(t).contains(DemoDocuments.MAINTAINERS + " proposed an embargo until"))
        .anySatisfy(t -> assertThat(t).contains("The case was published by " + DemoDocuments.MAINTAINERS));
    assertThat(told.get(w.emails.get(DemoDocuments.MAINTAINERS))).singleElement()
        .satisfies(t -> assertThat(t).contains(ADA + " proposed an embargo until"));
    for (String org : List.of(BARO, CERT_DE, HOSPITAL)) {
      assertThat(told.get(w.emails.get(org))).as(org).hasSize(3)
          .anySatisfy(t -> assertThat(t).contains(" invited " + org))
          .anySatisfy(t -> assertThat(t).contains("The case was published by " + DemoDocuments.MAINTAINERS));
    }
    assertThat(mails).hasSize(4 + 1 + 3 * 3);

    // Webhooks: one delivery per event per organization with a webhook, each signed over timestamp and body
    // with that organization's secret, its timestamp within the 5-minute replay window when it arrived.
    Map<String, List<Delivery>> deliveries = w.hooks.ofCase(caseId);
    assertThat(deliveries).containsOnlyKeys("/hooks/ada", "/hooks/baro");
    Map<String, List<String>> kinds = new java.util.TreeMap<>();
    Set<String> deliveryIds = new HashSet<>();
    for (String org : List.of(ADA, BARO)) {
      String other = org.equals(ADA) ? BARO : ADA;
      for (Delivery d : deliveries.get("/hooks/" + hookName(org))) {
        assertThat(signedBy(secretOf(org), d.timestamp(), d.body(), d.signature())).as("signed by " + org).isTrue();
        assertThat(signedBy(secretOf(other), d.timestamp(), d.body(), d.signature())).as("not with another's secret").isFalse();
        assertThat(Math.abs(d.receivedAt() - Long.parseLong(d.timestamp()))).isLessThanOrEqualTo(300);
        assertThat(WebhookSignature.verify(secretOf(org), d.timestamp(), d.body(), d.signature(), d.receivedAt(), 300)).isTrue();
        // A body changed on the way, or the same delivery replayed after the window, is refused.
        byte[] tampered = d.body().clone();
        tampered[tampered.length / 2] ^= 1;
        assertThat(signedBy(secretOf(org), d.timestamp(), tampered, d.signature())).isFalse();
        assertThat(WebhookSignature.verify(secretOf(org), d.timestamp(), tampered, d.signature(), d.receivedAt(), 300)).isFalse();
        assertThat(WebhookSignature.verify(secretOf(org), d.timestamp(), d.body(), d.signature(), Long.parseLong(d.timestamp()) + 301, 300))
            .isFalse();
        JsonNode json = d.json();
        assertThat(json.path("id").asText()).isEqualTo(d.id());
        assertThat(json.path("organization").asText()).isEqualTo(org);
        assertThat(json.path("link").asText()).isEqualTo(w.base() + at);
        assertThat(new String(d.body(), StandardCharsets.UTF_8)).doesNotContain(secretOf(org));
        assertThat(deliveryIds.add(d.id())).as("delivered once: " + d.id()).isTrue();
        kinds.computeIfAbsent(org, o -> new ArrayList<>()).add(json.path("kind").asText());
      }
    }
    assertThat(kinds.get(ADA)).containsExactlyInAnyOrder("invitation", "embargo_proposed", "embargo_alert", "published");
    assertThat(kinds.get(BARO)).containsExactlyInAnyOrder("invitation", "embargo_alert", "published");
  }

  /** What an {@code accord} command printed, and its exit code. */
  record Run(int exit, String out, String err) {}

  static Run accord(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = org.accord.cli.Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(exit, out.toString(), err.toString());
  }

  /**
   * Run 2: an anonymous report through the public form; under the embargo in force, attacks observed
   * alert every signatory (and only them) to end it; then a public exploit ends the embargo, resets
   * every consent, alerts the signatories again, and no embargo can start any more.
   */
  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void aPublicExploitMidEmbargoEndsItAndAlertsTheSignatories(String engine) throws Exception {
    World w = world(engine);
    String maintainer = w.tokenOf(DemoDocuments.MAINTAINERS);
    String form = "title=" + URLEncoder.encode("LibraCore: decoder crash on empty frames", StandardCharsets.UTF_8)
        + "&description=" + URLEncoder.encode("An empty frame crashes the decoder thread.", StandardCharsets.UTF_8)
        + "&affected=" + URLEncoder.encode(LIBRACORE + " [2.0,2.3.4)", StandardCharsets.UTF_8);
    HttpResponse<String> anonymous = w.http.send(HttpRequest.newBuilder(URI.create(w.base() + "/report"))
        .header("Origin", w.base()).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).as(anonymous.body()).isEqualTo(201);
    Matcher id = Pattern.compile("RPT-[0-9a-f]{24}").matcher(anonymous.body());
    assertThat(id.find()).isTrue();
    String reportId = id.group();
    w.post(maintainer, "/api/v1/reports/" + reportId + "/transitions", "{\"event\": \"validate\"}");
    String caseId = w.post(maintainer, "/api/v1/reports/" + reportId + "/transitions", "{\"event\": \"accept\"}").path("case").asText();
    String at = "/api/v1/cases/" + caseId;
    assertThat(texts(w.get(maintainer, at).path("participants"), "organization"))
        .as("an anonymous finder is no participant").containsExactly(DemoDocuments.MAINTAINERS);

    w.post(maintainer, at + "/embargo", "{\"end\": \"30d\"}");
    w.post(maintainer, at + "/embargo/accept", "{}");
    JsonNode suggestions = w.get(maintainer, at + "/suggestions");
    JsonNode vendor = ofKind(suggestions, "vendor").get(1);
    String vendorName = vendor.path("organization").asText();
    JsonNode cert = ofKind(suggestions, "cert").stream().filter(c -> c.path("organization").asText().equals(CERT_DE)).findFirst().orElseThrow();
    w.call(maintainer, "POST", at + "/participants", invitation(vendor), 201);
    w.call(maintainer, "POST", at + "/participants", invitation(cert), 201);
    w.post(w.tokenOf(vendorName), at + "/embargo/accept", "{}"); // the CERT does not answer: invited, not bound

    // Attacks observed: the embargo stays, every signatory is alerted to end it; the CERT, not bound, is not.
    JsonNode attacked = w.post(w.tokenOf(CERT_DE), at + "/transitions", "{\"event\": \"attacks_observed\"}");
    assertThat(attacked.path("em").asText()).isEqualTo("active");
    assertThat(attacked.path("alert").asText()).contains("signatories are advised to end it");
    JsonNode alerts = w.get(w.tokenOf(vendorName), at + "/alerts").path("alerts");
    assertThat(alerts).hasSize(1);
    JsonNode alert = alerts.get(0).path("data");
    assertThat(alert.path("kind").asText()).isEqualTo("recommend_ending");
    assertThat(alert.path("cause").asText()).isEqualTo("attacks_observed");
    assertThat(alert.path("recipients").toString()).isEqualTo(JSON.writeValueAsString(
        new java.util.TreeSet<>(List.of(DemoDocuments.MAINTAINERS, vendorName))));
    assertThat(w.get(maintainer, at + "/alerts").path("alerts")).hasSize(1);
    assertThat(w.get(w.tokenOf(CERT_DE), at + "/alerts").path("alerts")).as("not a signatory").isEmpty();
    assertThat(texts(w.get(w.tokenOf(CERT_DE), at + "/events").path("events"), "type")).contains("case.embargo_alert");

    // A public exploit mid-embargo: the embargo ends at once, every consent resets, the signatories are told.
    w.clock.advance(Duration.ofDays(10));
    JsonNode exploited = w.post(w.tokenOf(vendorName), at + "/transitions", "{\"event\": \"exploit_public\"}");
    assertThat(exploited.path("em").asText()).isEqualTo("exited");
    assertThat(exploited.path("state").path("pxa").asText()).isEqualTo("PXA");
    assertThat(exploited.path("participants").findValuesAsText("consent")).hasSize(3).containsOnly("no_embargo");
    JsonNode after = w.get(maintainer, at + "/alerts").path("alerts");
    assertThat(after).hasSize(2);
    assertThat(after.get(1).path("data").path("kind").asText()).isEqualTo("ended");
    assertThat(after.get(1).path("data").path("cause").asText()).isEqualTo("exploit_public");
    assertThat(after.get(1).path("data").path("recipients").toString()).isEqualTo(alert.path("recipients").toString());
    assertThat(w.get(w.tokenOf(vendorName), at + "/alerts").path("alerts")).hasSize(2);
    HttpResponse<String> again = w.send(maintainer, "POST", at + "/embargo", "{\"end\": \"30d\"}");
    assertThat(again.statusCode()).as("no embargo once X holds").isEqualTo(409);
  }

  private static final String ADA = "Ada Security Research";
  private static final String BARO = "Baro Networks";
  private static final String CATFIN = "pkg:generic/baro-networks/catfin-suite";
  private static final String GRAJUN = "pkg:generic/baro-networks/grajun-gateway";
  private static final String HOSPITAL = "Alflo Hospital";
  private static final String CERT_DE = "CERT-DE (demo)";
  private static final String[] CERTS = {"CERT-AT (demo)", "CERT-BE (demo)", "CERT-CZ (demo)", "CERT-DE (demo)", "CERT-EE (demo)",
      "CERT-ES (demo)", "CERT-FI (demo)", "CERT-FR (demo)", "CERT-IT (demo)", "CERT-NL (demo)", "CERT-PL (demo)", "CERT-SE (demo)"};

  static String hookName(String organization) {
    return organization.equals(ADA) ? "ada" : "baro";
  }

  static String secretOf(String organization) {
    return "whsec-" + hookName(organization) + "-0123456789abcdef0123456789";
  }

  /** The invitation body a suggestion makes: its organization and roles, as they are. */
  static String invitation(JsonNode suggestion) throws Exception {
    return body(Map.of("organization", suggestion.path("organization").asText(),
        "roles", JSON.convertValue(suggestion.path("roles"), List.class)));
  }

  static JsonNode participant(JsonNode view, String organization) {
    for (JsonNode p : view.path("participants")) {
      if (p.path("organization").asText().equals(organization)) {
        return p;
      }
    }
    throw new AssertionError(organization + " is not a participant of " + view.path("id").asText());
  }

  static String consentOf(JsonNode view, String organization) {
    return participant(view, organization).path("consent").asText();
  }
}
