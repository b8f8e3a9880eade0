package org.accord.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.accord.app.Accord;
import org.accord.testing.Documents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebServerTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  Accord accord;
  WebServer server;
  HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  String coordinator;
  String member;

  @BeforeEach
  void start() {
    accord = Accord.open(new Accord.Config(dir, null));
    server = WebServer.start(accord, "127.0.0.1", 0);
    coordinator = accord.createToken("CERT", "cert", true, "test");
    member = accord.createToken("AquaNet", "operator", false, "test");
  }

  @AfterEach
  void stop() {
    server.close();
    accord.close();
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String token, String contentType, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Every /api/v1 route, with and without a token: 401 JSON without, never 401 with. */
  @ParameterizedTest
  @ValueSource(strings = {
    "GET /api/v1/where-used?purl=pkg:maven/org.libra/libracore",
    "GET /api/v1/components?purl_prefix=pkg:maven/",
    "POST /api/v1/sboms",
    "POST /api/v1/inventories",
    "POST /api/v1/advisories",
    "GET /api/v1/advisories",
    "GET /api/v1/advisories/GHSA-jfh8-c2jp-5v3q",
    "GET /api/v1/findings",
    "GET /api/v1/triage?advisory=CVE-2021-44228&as=deployer",
    "POST /api/v1/evidence/kev",
    "POST /api/v1/evidence/epss",
    "GET /api/v1/no-such-route"
  })
  void everyApiRouteNeedsAToken(String route) throws Exception {
    String[] parts = route.split(" ", 2);
    for (String token : new String[] {null, "accord_not-a-real-token", "Basic abc"}) {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri(parts[1]));
      request = parts[0].equals("GET") ? request.GET() : request.POST(HttpRequest.BodyPublishers.ofString("{}"));
      if (token != null) {
        request.header("Authorization", token.startsWith("Basic") ? token : "Bearer " + token);
      }
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(route + " with " + token).isEqualTo(401);
      assertThat(JSON.readTree(response.body()).path("error").asText()).isNotBlank();
      assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/json");
    }
    HttpRequest.Builder authorised = HttpRequest.newBuilder(uri(parts[1])).header("Authorization", "Bearer " + member);
    authorised = parts[0].equals("GET") ? authorised.GET() : authorised.POST(HttpRequest.BodyPublishers.ofString("{}"));
    int status = http.send(authorised.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    assertThat(status).as(route + " with a valid token").isNotEqualTo(401);
  }

  @Test
  void uploadsAndAnswersWhereUsedWithVisibilityRules() throws Exception {
    HttpResponse<String> sbom = post("/api/v1/sboms", member, "application/json", Documents.cycloneDx("scada", "2.1.0"));
    assertThat(sbom.statusCode()).as(sbom.body()).isEqualTo(201);
    JsonNode stored = JSON.readTree(sbom.body());
    assertThat(stored.path("documentId").asLong()).isPositive();
    assertThat(stored.path("components").asInt()).isEqualTo(4);
    assertThat(post("/api/v1/sboms", member, "application/json", Documents.cycloneDx("scada", "2.1.0")).statusCode()).isEqualTo(200);
    HttpResponse<String> inventory = post("/api/v1/inventories", member, "text/csv", Documents.inventory("scada"));
    assertThat(inventory.statusCode()).as(inventory.body()).isEqualTo(201);

    JsonNode all = JSON.readTree(get("/api/v1/where-used?purl=pkg:maven/org.libra/libracore&range=%5B2.0,2.3.4)", coordinator).body());
    assertThat(all.path("matched")).hasSize(1);
    assertThat(all.path("products").get(0).path("path").toString())
        .isEqualTo("[\"pkg:generic/acme/scada@1.0\",\"pkg:maven/org.acme/adapter@1.0\",\"pkg:maven/org.libra/libracore@2.1.0\"]");
    assertThat(all.path("deployments")).hasSize(3);
    assertThat(all.path("aggregates").get(0).path("deployments").isInt()).isTrue();

    // An operator sees its own sites, and aggregates with fewer than 3 operators suppressed.
    JsonNode own = JSON.readTree(get("/api/v1/where-used?purl=pkg:maven/org.libra/libracore&range=%5B2.0,2.3.4)", member).body());
    assertThat(own.path("deployments")).hasSize(1);
    assertThat(own.path("deployments").get(0).path("operator").asText()).isEqualTo("AquaNet");
    // Both cells have fewer than 3 operators, so hidden sites are not counted: the total would give
    // away the other cell's size (total minus own).
    assertThat(own.path("hiddenDeployments").asInt()).isZero();
    assertThat(own.path("aggregateTotals").path("all").asText()).isEqualTo("≥0");
    for (JsonNode cell : own.path("aggregates")) {
      assertThat(cell.path("deployments").asText()).isEqualTo("<3");
    }

    JsonNode outside = JSON.readTree(get("/api/v1/where-used?purl=pkg:maven/org.libra/libracore&range=%5B2.2,3)", coordinator).body());
    assertThat(outside.path("matched")).isEmpty();
    assertThat(outside.path("products")).isEmpty();

    JsonNode components = JSON.readTree(get("/api/v1/components?purl_prefix=pkg:maven/org.libra/", member).body());
    assertThat(components.path("packages").get(0).path("versions").toString()).isEqualTo("[\"2.1.0\"]");
  }

  @Test
  void badInputIs400WithTheProblemAndNothingIsStored() throws Exception {
    HttpResponse<String> response = post("/api/v1/sboms", member, "application/json", "{\"bomFormat\": \"CycloneDX\", ");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).path("error").asText()).isNotBlank();
    HttpResponse<String> purl = get("/api/v1/where-used?purl=not-a-purl", member);
    assertThat(purl.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(purl.body()).path("error").asText()).contains("not-a-purl");
    assertThat(accord.graph().stats().components()).isZero();
  }

  @Test
  void openApiDescribesEveryApiRoute() throws Exception {
    HttpResponse<String> response = get("/api/openapi.json", null);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode paths = JSON.readTree(response.body()).path("paths");
    for (String route : List.of("/api/v1/sboms", "/api/v1/inventories", "/api/v1/where-used", "/api/v1/components")) {
      assertThat(paths.has(route)).as(route).isTrue();
    }
    Iterator<String> names = paths.fieldNames();
    java.util.Set<String> documented = new java.util.TreeSet<>();
    while (names.hasNext()) {
      String path = names.next();
      documented.add(path);
      assertThat(server.routePaths()).as("documented route %s is served", path).contains(path);
    }
    for (String served : server.routePaths()) {
      if (served.startsWith("/api/v1")) {
        assertThat(documented).as("served route %s is documented in openapi.json", served).contains(served);
      }
    }
  }

  @Test
  void theExplorerPageLoadsAndLoginSetsAStrictHttpOnlyCookie() throws Exception {
    HttpResponse<String> page = get("/", null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("exposure explorer").contains("/static/explorer.js");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'");
    assertThat(get("/static/explorer.js", null).body()).contains("/api/v1/where-used");

    HttpResponse<String> login = post("/session", null, "application/x-www-form-urlencoded", "token=" + member);
    assertThat(login.statusCode()).isEqualTo(303);
    String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
    String session = cookie.substring(0, cookie.indexOf(';'));

    HttpResponse<String> me =
        http.send(HttpRequest.newBuilder(uri("/session")).header("Cookie", session).GET().build(), HttpResponse.BodyHandlers.ofString());
    JsonNode body = JSON.readTree(me.body());
    assertThat(body.path("authenticated").asBoolean()).isTrue();
    assertThat(body.path("organization").asText()).isEqualTo("AquaNet");
    assertThat(JSON.readTree(get("/session", null).body()).path("authenticated").asBoolean()).isFalse();
    assertThat(get("/favicon.ico", null).statusCode()).isEqualTo(204);
    HttpResponse<String> api =
        http.send(HttpRequest.newBuilder(uri("/api/v1/components?purl_prefix=pkg:npm/")).header("Cookie", session).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(api.statusCode()).isEqualTo(200);
    HttpResponse<String> noCsrf =
        http.send(HttpRequest.newBuilder(uri("/api/v1/sboms")).header("Cookie", session).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(noCsrf.statusCode()).isEqualTo(403);

    HttpResponse<String> bad = post("/session", null, "application/x-www-form-urlencoded", "token=accord_wrong");
    assertThat(bad.headers().firstValue("Location").orElse("")).contains("login=failed");
    assertThat(bad.headers().firstValue("Set-Cookie")).isEmpty();
  }
}
