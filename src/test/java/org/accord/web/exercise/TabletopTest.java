package org.accord.web.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.accord.app.Accord;
import org.accord.store.BulkLoad;
import org.accord.synthetic.SyntheticWorld;
import org.accord.web.WebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A live tabletop end to end (ADR 0158), and the simulation route, over a server holding the demo world. */
class TabletopTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String SCENARIO = """
      scenario: tabletop-test
      title: LibraCore, played
      world: {store: true}
      vulnerable: {package: "pkg:maven/org.libra/libracore", range: "vers:maven/>=2.0.0|<2.3.4"}
      clock: {start: 2026-11-22, horizon_days: 365, step_days: 7}
      embargo_days: 90
      injects:
        - {type: leak, on: fix_ready, after_days: 1, note: The fix's diff is public.}
        - {type: exploit_public, at_day: 6, note: A working exploit is on a public site.}
        - {type: attacks_observed, on: exploit_public, after_days: 2}
      strategies: [coordinated, immediate]
      """;
  @TempDir Path dir;
  Accord accord;
  WebServer server;
  final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void close() {
    if (server != null) {
      server.close();
    }
    if (accord != null) {
      accord.close();
    }
  }

  void open() {
    Path data = dir.resolve("real");
    try (Accord loading = Accord.open(new Accord.Config(data, null))) {
      BulkLoad.load(loading.database(), SyntheticWorld.generate(SyntheticWorld.Spec.demo()), loading.now());
    }
    accord = Accord.open(new Accord.Config(data, null));
    server = WebServer.start(accord, "127.0.0.1", 0);
  }

  HttpResponse<String> send(String base, String token, String method, String path, String contentType, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", contentType)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  String real() {
    return "http://127.0.0.1:" + server.port();
  }

  long count(String table) {
    return accord.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
  }

  @Test
  void threeParticipantsPlayInASandboxAndTheAfterActionReportSetsThemBesideTheStrategies() throws Exception {
    open();
    String coordinator = server.localToken();
    long cases = count("cases");
    long log = count("ledger_entries") + count("outbox");
    long notifications = count("notifications");
    String start = JSON.writeValueAsString(java.util.Map.of(
        "scenario", SCENARIO,
        "scale", 86_400, // a day a second
        "seats", java.util.List.of(
            java.util.Map.of("organization", "libra-maintainers", "kind", "maintainer", "email", "m@libra.example"),
            java.util.Map.of("organization", "acme-vendor", "kind", "vendor", "country", "DE", "email", "v@acme.example"),
            java.util.Map.of("organization", "grid-operator", "kind", "operator", "country", "FI", "email", "o@grid.example"))));
    HttpResponse<String> started = send(real(), coordinator, "POST", "/api/v1/exercises/tabletops", "application/json", start);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    JsonNode table = JSON.readTree(started.body());
    String id = table.path("id").asText();
    String sandbox = table.path("url").asText();
    String caseId = table.path("case").asText();
    assertThat(sandbox).isNotEqualTo(real());
    String maintainer = table.path("passes").get(0).path("token").asText();
    String vendor = table.path("passes").get(1).path("token").asText();
    String operator = table.path("passes").get(2).path("token").asText();
    // Exercise tokens work in the sandbox only, and the real server's token does not work there.
    assertThat(send(real(), vendor, "GET", "/api/v1/cases", "application/json", null).statusCode()).isEqualTo(401);
    assertThat(send(sandbox, coordinator, "GET", "/api/v1/cases", "application/json", null).statusCode()).isEqualTo(401);

    String c = "/api/v1/cases/" + caseId;
    assertThat(send(sandbox, maintainer, "POST", c + "/participants", "application/json",
        "{\"organization\": \"acme-vendor\", \"roles\": [\"vendor\"]}").statusCode()).isIn(200, 201);
    // Operators are not listed to other organizations: the facilitator, the sandbox's coordinator, brings one in.
    assertThat(send(sandbox, table.path("facilitator_token").asText(), "POST", c + "/participants", "application/json",
        "{\"organization\": \"grid-operator\", \"roles\": [\"deployer\"]}").statusCode()).isIn(200, 201);
    for (String token : new String[] {vendor, operator}) {
      HttpResponse<String> ack = send(sandbox, token, "POST", c + "/acknowledge", "application/json", "{}");
      assertThat(ack.statusCode()).as(ack.body()).isIn(200, 201);
    }
    String end = "2027-03-01T00:00:00Z"; // the sandbox starts on the scenario's day 0, 2026-11-22
    HttpResponse<String> proposed = send(sandbox, vendor, "POST", c + "/embargo", "application/json",
        "{\"end\": \"" + end + "\", \"justification\": \"time to ship\"}");
    assertThat(proposed.statusCode()).as(proposed.body()).isIn(200, 201);
    HttpResponse<String> accepted = send(sandbox, maintainer, "POST", c + "/embargo/accept", "application/json", "{}");
    assertThat(accepted.statusCode()).as(accepted.body()).isIn(200, 201);
    HttpResponse<String> status = send(sandbox, vendor, "POST", c + "/statuses", "application/json",
        "{\"product\": \"pkg:maven/com.acme/gateway@1.0\", \"status\": \"fixed\"}");
    assertThat(status.statusCode()).as(status.body()).isIn(200, 201);
    HttpResponse<String> published = send(sandbox, maintainer, "POST", c + "/publish", "application/json", "{}");
    assertThat(published.statusCode()).as(published.body()).isIn(200, 201);

    // Injects arrive on the accelerated clock: the exploit on day 6, attacks two days later, in real seconds.
    long deadline = System.nanoTime() + 20_000_000_000L;
    String events;
    do {
      Thread.sleep(100);
      events = send(sandbox, vendor, "GET", c + "/events", "application/json", null).body();
    } while (!events.contains("attacks_observed") && System.nanoTime() < deadline);
    assertThat(events).contains("exploit_public", "attacks_observed", "case.message_posted"); // each inject is a message to all

    HttpResponse<String> ended = send(real(), coordinator, "POST", "/api/v1/exercises/" + id + "/end?runs=40&seed=3",
        "application/json", "{}");
    assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
    JsonNode report = JSON.readTree(ended.body()).path("report");
    assertThat(report.path("strategies").fieldNames()).toIterable().containsExactly("coordinated", "immediate", "humans");
    assertThat(report.path("humans_beside_strategies")).hasSize(7);
    JsonNode played = report.path("played");
    assertThat(played.path("acknowledged_day").asDouble()).isLessThan(played.path("publication_day").asDouble());
    assertThat(played.path("publication_day").asDouble()).isLessThan(played.path("exploit_public_day").asDouble());
    assertThat(played.path("exploit_public_day").asDouble()).isBetween(5.9, 8.0);
    assertThat(played.path("attacks_day").asDouble()).isGreaterThan(played.path("exploit_public_day").asDouble());
    assertThat(report.path("injects_arrived").findValuesAsText("type")).contains("leak", "exploit_public", "attacks_observed");
    // The humans published in days, before the exploit: their essential operators were told before publication.
    assertThat(report.path("strategies").path("humans").path("publication_day").path("p50").asDouble())
        .isEqualTo(played.path("publication_day").asDouble(), org.assertj.core.data.Offset.offset(0.01));
    assertThat(report.path("strategies").path("humans").path("notified_before_publication").path("p50").asDouble()).isGreaterThan(0);
    HttpResponse<String> html = send(real(), coordinator, "GET", "/api/v1/exercises/" + id + "/report.html", "text/html", null);
    assertThat(html.body()).contains("After action", "humans");
    assertThat(send(real(), coordinator, "GET", "/api/v1/exercises/" + id, "application/json", null).body()).contains("\"ended\"");

    // Nothing reached the real instance: its cases, its log and its notifications are as they were.
    assertThat(count("cases")).isEqualTo(cases);
    assertThat(count("notifications")).isEqualTo(notifications);
    assertThat(count("ledger_entries") + count("outbox")).isEqualTo(log);
    assertThat(Files.exists(dir.resolve("real").resolve("exercises").resolve(id))).isTrue();
    // The sandbox is closed: its server answers no more.
    assertThat(catching(() -> send(sandbox, vendor, "GET", "/api/v1/cases", "application/json", null).statusCode())).isNotEqualTo(200);
  }

  static int catching(java.util.concurrent.Callable<Integer> call) {
    try {
      return call.call();
    } catch (Exception e) {
      return -1;
    }
  }
}
