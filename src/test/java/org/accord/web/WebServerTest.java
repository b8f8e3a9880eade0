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
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accord.app.Accord;
import org.accord.testing.Documents;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
    coordinator = org.accord.TestPrincipals.token(accord, "CERT", "cert", true, "test");
    member = org.accord.TestPrincipals.token(accord, "AquaNet", "operator", false, "test");
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
    "POST /api/v1/tokens",
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

  /**
   * Who may create tokens and attribute uploads: only a coordinator; a member gets 403 and nothing is
   * written. A forged local credential is an unknown token like any other.
   */
  @Test
  void onlyACoordinatorCreatesTokensOrUploadsForAnotherOrganization() throws Exception {
    String body = "{\"organization\": \"GridCo\"}";
    assertThat(post("/api/v1/tokens", member, "application/json", body).statusCode())
        .as("GridCo is hidden from AquaNet (an operator): it looks missing").isEqualTo(404);
    assertThat(post("/api/v1/tokens", member, "application/json", "{\"organization\": \"AquaNet\"}").statusCode())
        .as("a machine token does not manage its organization").isEqualTo(403);
    accord.parties().ensure("GridCo", org.accord.party.OrgKind.OPERATOR);
    assertThat(post("/api/v1/tokens", coordinator, "application/json", "{\"organization\": \"GridCo\", \"owner\": 1}").statusCode())
        .as("unknown members are refused").isEqualTo(400);
    HttpResponse<String> created = post("/api/v1/tokens", coordinator, "application/json", body);
    assertThat(created.statusCode()).isEqualTo(201);
    String token = JSON.readTree(created.body()).path("token").asText();
    assertThat(JSON.readTree(created.body()).path("role").asText()).isEqualTo("member");
    assertThat(accord.parties().authenticate(token)).get().extracting(p -> p.organization().name()).isEqualTo("GridCo");

    HttpResponse<String> forged = post("/api/v1/sboms?org=VictimVendor", member, "application/json", Documents.cycloneDx("scada", "2.1.0"));
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(accord.graph().stats().products()).as("a refused upload stores nothing").isZero();
    assertThat(post("/api/v1/sboms?org=VictimVendor", coordinator, "application/json", Documents.cycloneDx("scada", "2.1.0")).statusCode())
        .as("uploads never create an organization, not even a coordinator's").isEqualTo(404);
    accord.parties().ensure("VictimVendor", org.accord.party.OrgKind.VENDOR);
    assertThat(post("/api/v1/sboms?org=VictimVendor", coordinator, "application/json", Documents.cycloneDx("scada", "2.1.0")).statusCode())
        .isEqualTo(201);

    assertThat(get("/api/v1/findings", "accord-local_" + "A".repeat(43)).statusCode()).isEqualTo(401);
    assertThat(get("/api/v1/findings", server.localToken()).statusCode()).isEqualTo(200);
  }

  @Test
  void uploadsAndAnswersWhereUsedWithVisibilityRules() throws Exception {
    HttpResponse<String> sbom = post("/api/v1/sboms", member, "application/json", Documents.cycloneDx("scada", "2.1.0"));
    assertThat(sbom.statusCode()).as(sbom.body()).isEqualTo(201);
    JsonNode stored = JSON.readTree(sbom.body());
    assertThat(stored.path("documentId").asLong()).isPositive();
    assertThat(stored.path("components").asInt()).isEqualTo(4);
    assertThat(post("/api/v1/sboms", member, "application/json", Documents.cycloneDx("scada", "2.1.0")).statusCode()).isEqualTo(200);
    HttpResponse<String> inventory = post("/api/v1/inventories", member, "text/csv", Documents.inventory("scada", "AquaNet"));
    assertThat(inventory.statusCode()).as(inventory.body()).isEqualTo(201);
    org.accord.TestPrincipals.ingestInventory(accord, Documents.inventory("scada", "GridCo"));

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

    HttpResponse<String> login = BrowserLogin.post(http, uri("/"), member);
    assertThat(login.statusCode()).isEqualTo(303);
    String cookie =
        login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(Sessions.COOKIE + "=")).findFirst().orElseThrow();
    assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict").doesNotContain("Secure");
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

    HttpResponse<String> bad = BrowserLogin.post(http, uri("/"), "accord_wrong");
    assertThat(bad.headers().firstValue("Location").orElse("")).contains("login=failed");
    assertThat(bad.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(Sessions.COOKIE + "="));
  }

  /**
   * The explorer as served: every field has a label, every id the script or an ARIA attribute names
   * exists, each list has its filter, CSV link, pager and sortable headers, tables scroll in their own
   * focusable box (the 390 px layout), and neither page nor script builds markup from data.
   */
  @Test
  void theExplorerPageHasItsControlsLabelledAndEveryIdTheScriptUses() throws Exception {
    Document page = Jsoup.parse(get("/", null).body());
    String script = get("/static/explorer.js", null).body();
    assertThat(page.select("meta[name=viewport]").attr("content")).contains("width=device-width");

    for (Element field : page.select("input:not([type=hidden]), select")) {
      assertThat(field.id()).as("field %s has an id", field).isNotEmpty();
      assertThat(page.select("label[for=" + field.id() + "]")).as("label for #%s", field.id()).hasSize(1);
    }
    for (String attribute : List.of("for", "list", "aria-labelledby", "aria-describedby")) {
      for (Element element : page.select("[" + attribute + "]")) {
        for (String id : element.attr(attribute).split("\\s+")) {
          assertThat(page.getElementById(id)).as("%s=\"%s\" on %s", attribute, id, element.tagName()).isNotNull();
        }
      }
    }

    Set<String> lists = new java.util.TreeSet<>();
    for (Element section : page.select("section[data-list]")) {
      String list = section.attr("data-list");
      lists.add(list);
      assertThat(section.select("#" + list + "-filter[type=search]")).as(list + " filter").hasSize(1);
      assertThat(section.select("a#" + list + "-csv[download=where-used-" + list + ".csv]")).as(list + " CSV link").hasSize(1);
      for (String step : List.of("first", "previous", "next")) {
        assertThat(section.select("nav.pager button[data-page=" + step + "]")).as(list + " pager " + step).hasSize(1);
      }
      assertThat(section.select("nav.pager .range-text")).as(list + " rows shown of the total").hasSize(1);
      assertThat(section.select("table#" + list + " th[data-sort] > button")).as(list + " sortable headers").isNotEmpty();
    }
    assertThat(lists).containsExactly("deployments", "products");
    for (Element table : page.select("table")) {
      Element box = table.parent();
      assertThat(box.hasClass("scroll") && box.attr("role").equals("region") && box.attr("tabindex").equals("0"))
          .as("table #%s scrolls inside a focusable region", table.id()).isTrue();
    }

    // Every id the script looks up, literally or per list ($(name + "-filter")), is on the page.
    Matcher literal = Pattern.compile("\\$\\(\"([\\w-]+)\"\\)").matcher(script);
    int lookups = 0;
    while (literal.find()) {
      lookups++;
      assertThat(page.getElementById(literal.group(1))).as("#%s used by explorer.js", literal.group(1)).isNotNull();
    }
    assertThat(lookups).isGreaterThan(20);
    Matcher perList = Pattern.compile("\\$\\(name \\+ \"([\\w-]+)\"\\)").matcher(script);
    while (perList.find()) {
      for (String list : lists) {
        assertThat(page.getElementById(list + perList.group(1))).as("#%s used by explorer.js", list + perList.group(1)).isNotNull();
      }
    }
    assertThat(script).contains("const LISTS = [\"products\", \"deployments\"]");

    // Content-Security-Policy is default-src 'self': no inline script, style or handler.
    assertThat(page.select("script:not([src]), style, [style]")).isEmpty();
    assertThat(page.getAllElements()).allSatisfy(e -> assertThat(e.attributes().asList()).noneMatch(a -> a.getKey().startsWith("on")));
    assertThat(script).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(");
  }

  /**
   * What the explorer asks of the API is what the API accepts: each sortable header of each list both
   * ways, a page with a cursor, the name search, and the CSV export through the session cookie, with
   * the file name the page's download link promises.
   */
  @Test
  void theExplorerAsksOnlyWhatTheApiAccepts() throws Exception {
    assertThat(post("/api/v1/sboms", member, "application/json", Documents.cycloneDx("scada", "2.1.0")).statusCode()).isEqualTo(201);
    assertThat(post("/api/v1/sboms", member, "application/json", Documents.cycloneDx("hmi", "2.2.0")).statusCode()).isEqualTo(201);
    assertThat(post("/api/v1/inventories", member, "text/csv", Documents.inventory("scada", "AquaNet")).statusCode()).isEqualTo(201);
    org.accord.TestPrincipals.ingestInventory(accord, Documents.inventory("scada", "GridCo"));
    Document page = Jsoup.parse(get("/", null).body());
    String base = "/api/v1/where-used?purl=pkg:maven/org.libra/libracore&limit=1&list=";
    for (Element section : page.select("section[data-list]")) {
      String list = section.attr("data-list");
      for (Element header : section.select("th[data-sort]")) {
        for (String sort : List.of(header.attr("data-sort"), "-" + header.attr("data-sort"))) {
          HttpResponse<String> answer = get(base + list + "&sort=" + sort + "&q=e", coordinator);
          assertThat(answer.statusCode()).as("%s sorted by %s: %s", list, sort, answer.body()).isEqualTo(200);
        }
      }
    }
    JsonNode first = JSON.readTree(get(base + "products", coordinator).body());
    assertThat(first.path("totals").path("products").asInt()).isEqualTo(2);
    String cursor = first.path("cursors").path("products").asText();
    JsonNode second = JSON.readTree(get(base + "products&cursor=" + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8), coordinator).body());
    assertThat(second.path("products")).hasSize(1);
    assertThat(second.path("products").get(0).path("purl").asText()).isNotEqualTo(first.path("products").get(0).path("purl").asText());

    JsonNode byName = JSON.readTree(get("/api/v1/components?limit=20&q=libracore", member).body());
    assertThat(byName.path("packages").get(0).path("packageKey").asText()).isEqualTo("pkg:maven/org.libra/libracore");

    String cookie = BrowserLogin.session(http, uri("/"), member) + ";";
    for (Element link : page.select("section[data-list] a[download]")) {
      String list = link.closest("section").attr("data-list");
      HttpResponse<String> csv =
          http.send(
              HttpRequest.newBuilder(uri("/api/v1/where-used?purl=pkg:maven/org.libra/libracore&list=" + list + "&format=csv"))
                  .header("Cookie", cookie.substring(0, cookie.indexOf(';'))).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(csv.statusCode()).as(list + " CSV").isEqualTo(200);
      assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
      assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("filename=\"" + link.attr("download") + "\"");
    }
  }
}
