package org.accord.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.accord.app.Accord;
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
 * Issue 9, items 2 and 7 over HTTP: on every served {@code /api/v1/cases/{id}...} route, a caller who
 * may not see a case gets the same status and the same bytes for it as for a missing case. The hidden
 * cases cover each reason a case is hidden: not taking part (AMBER), a colleague of a member who takes
 * part alone, the coordinator on an AMBER+STRICT case, and everyone but the creator and the named
 * members on a RED case. Routes come from {@link WebServer#routes()}, so a new case route is walked
 * without editing this test (a POST gets {@link #BODIES}' body, {@code {}} when none is listed).
 */
class CaseNeedToKnowRoutesTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String MISSING = "ACC-2026-9999";
  static final String A = "Alpha Labs";
  static final String C = "Gamma Ops";

  /** A valid request body per route suffix, so a route that validates its body first still reaches the case. */
  static final Map<String, String> BODIES = Map.ofEntries(
      Map.entry("/participants", "{\"organization\": \"Beta Corp\", \"roles\": [\"vendor\"]}"),
      Map.entry("/embargo", "{\"end\": \"30d\"}"),
      Map.entry("/transitions", "{\"event\": \"public_aware\"}"),
      Map.entry("/credit", "{\"credit\": \"public\"}"),
      Map.entry("/vulnerabilities", "{\"affected\": [\"pkg:maven/org.libra/libracore [2.0,2.3.4)\"]}"),
      Map.entry("/statuses", "{\"product\": \"pkg:generic/product\"}"),
      Map.entry("/messages", "{\"body\": \"hello\"}"),
      Map.entry("/messages/x/versions", "{\"body\": \"hello\"}"),
      Map.entry("/plan", "{\"strategy\": \"coordinated\"}"),
      Map.entry("/plan/adopt", "{\"draft\": 1}"),
      Map.entry("/obligations/x/fulfil", "{\"reference\": \"MIIT-1\"}"));

  @TempDir Path dir;
  Accord accord;
  WebServer server;
  final HttpClient http = HttpClient.newHttpClient();
  final Map<String, String> tokens = new LinkedHashMap<>();

  @AfterEach
  void close() {
    if (server != null) {
      server.close();
    }
    if (accord != null) {
      accord.close();
    }
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void everyCaseRouteAnswersAHiddenCaseLikeAMissingOne(String engine) throws Exception {
    String url = engine.equals("postgresql") ? TestDatabases.freshPostgresUrl() : null;
    accord = Accord.open(new Accord.Config(dir, url), new TestClock(Instant.parse("2026-12-03T09:00:00Z")));
    var parties = accord.parties();
    Principal coordinator = new Principal.Coordinator(parties.ensure("CERT Matrix", OrgKind.CERT), null, null);
    parties.createOrganization(coordinator, A, OrgKind.VENDOR, "DE", null);
    parties.createOrganization(coordinator, "Beta Corp", OrgKind.VENDOR, "FR", null);
    parties.createOrganization(coordinator, C, OrgKind.VENDOR, "NL", null);
    for (String email : List.of("a1@alpha.example", "a2@alpha.example", "b1@beta.example", "c1@gamma.example", "c2@gamma.example")) {
      String org = email.contains("alpha") ? A : email.contains("beta") ? "Beta Corp" : C;
      parties.addMember(coordinator, org, email, MemberRole.MEMBER);
      tokens.put(email.substring(0, 2), parties.createToken(coordinator, org, email, false, email, null).secret());
    }
    tokens.put("coordinator", parties.createToken(coordinator, "CERT Matrix", null, true, "coordinator", null).secret());
    Principal a1 = parties.authenticate(tokens.get("a1")).orElseThrow();

    String amber = accord.cases().create(a1, "Amber case", null, List.of("vendor")).row().id().toString();
    accord.cases().invite(a1, amber, C, List.of("vendor"), "c1@gamma.example"); // c1 alone, not c2 (item 2)
    String strict = accord.cases().create(a1, "Strict case", "TLP:AMBER+STRICT", List.of("vendor")).row().id().toString();
    String red = accord.cases().create(a1, "Red case", "TLP:RED", List.of("vendor")).row().id().toString();
    accord.cases().invite(a1, red, C, List.of("vendor"), "c1@gamma.example");
    server = WebServer.start(accord, "127.0.0.1", 0);

    // The cases are there for those who may see them, so a 404 below is hiding, not absence.
    for (String who : List.of("a1", "c1")) {
      assertThat(send(who, "GET", "/api/v1/cases/" + amber, null).statusCode()).as(who).isEqualTo(200);
      assertThat(send(who, "GET", "/api/v1/cases/" + red, null).statusCode()).as(who).isEqualTo(200);
    }
    assertThat(send("coordinator", "GET", "/api/v1/cases/" + amber, null).statusCode()).isEqualTo(200);
    assertThat(ids(send("c1", "GET", "/api/v1/cases", null))).containsExactly(amber, red);
    assertThat(ids(send("c2", "GET", "/api/v1/cases", null))).isEmpty();
    assertThat(ids(send("a2", "GET", "/api/v1/cases", null))).containsExactly(amber, strict);
    assertThat(ids(send("coordinator", "GET", "/api/v1/cases", null))).containsExactly(amber);

    Map<String, List<String>> hiddenFrom = new TreeMap<>();
    hiddenFrom.put(amber, List.of("b1", "c2"));
    hiddenFrom.put(strict, List.of("coordinator", "b1", "c1"));
    hiddenFrom.put(red, List.of("a2", "coordinator", "c2", "b1"));

    List<String> routes = server.routes().stream().filter(r -> r.matches("[A-Z]+ /api/v1/cases/\\{id}.*")).sorted().toList();
    assertThat(routes).contains("GET /api/v1/cases/{id}", "GET /api/v1/cases/{id}/access-log", "POST /api/v1/cases/{id}/statuses",
        "GET /api/v1/cases/{id}/calendar.ics");
    List<String> compared = new ArrayList<>();
    for (String route : routes) {
      String method = route.substring(0, route.indexOf(' '));
      // Other path parameters (a thread, a message) get a placeholder: the case is checked first.
      String suffix = route.substring(route.indexOf("{id}") + 4).replace("{cid}", "1").replaceAll("\\{[a-z]+}", "x");
      String body = method.equals("GET") ? null : BODIES.getOrDefault(suffix, "{}");
      for (Map.Entry<String, List<String>> hidden : hiddenFrom.entrySet()) {
        for (String who : hidden.getValue()) {
          String what = route + " as " + who + " on " + hidden.getKey();
          HttpResponse<byte[]> seen = send(who, method, "/api/v1/cases/" + hidden.getKey() + suffix, body);
          HttpResponse<byte[]> absent = send(who, method, "/api/v1/cases/" + MISSING + suffix, body);
          assertThat(absent.statusCode()).as(what + " (missing)").isEqualTo(404);
          assertThat(seen.statusCode()).as(what).isEqualTo(404);
          assertThat(new String(seen.body(), StandardCharsets.UTF_8)).as(what + ": same bytes as a missing case")
              .isEqualTo(new String(absent.body(), StandardCharsets.UTF_8).replace(MISSING, hidden.getKey()));
          assertThat(seen.headers().firstValue("Content-Length")).as(what).isEqualTo(absent.headers().firstValue("Content-Length"));
          compared.add(what);
        }
      }
    }
    assertThat(compared).hasSize(routes.size() * 9);
  }

  private List<String> ids(HttpResponse<byte[]> response) throws Exception {
    assertThat(response.statusCode()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    for (JsonNode c : JSON.readTree(response.body()).path("cases")) {
      ids.add(c.path("id").asText());
    }
    return ids;
  }

  private HttpResponse<byte[]> send(String who, String method, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .header("Authorization", "Bearer " + tokens.get(who))
        .header("Origin", "http://127.0.0.1:" + server.port())
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
