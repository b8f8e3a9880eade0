package org.accord.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.accord.app.Accord;
import org.accord.testing.Documents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The where-used and component routes over HTTP, as the explorer page uses them (HELPERS.md contract). */
class ExposureRoutesTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String LIB = "pkg:maven/org.libra/libracore";

  @TempDir Path dir;
  Accord accord;
  WebServer server;
  HttpClient http = HttpClient.newHttpClient();
  String coordinator;
  String member;

  @BeforeEach
  void start() throws Exception {
    accord = Accord.open(new Accord.Config(dir, null));
    server = WebServer.start(accord, "127.0.0.1", 0);
    coordinator = org.accord.TestPrincipals.token(accord, "CERT", "cert", true, "test");
    member = org.accord.TestPrincipals.token(accord, "AquaNet", "operator", false, "test");
    for (int p = 0; p < 7; p++) {
      String sbom = Documents.cycloneDx("p" + p, p < 5 ? "2.1.0" : "2.5.0").replace("adapter@1.0", "adapter@" + (p < 5 ? "2.1.0" : "2.5.0"));
      assertThat(post("/api/v1/sboms", sbom).statusCode()).isEqualTo(201);
    }
    StringBuilder inventory = new StringBuilder("operator,site,sector,country,criticality,product\n");
    for (int p = 0; p < 7; p++) {
      inventory.append("GridCo,G").append(p).append(",energy,DE,essential,pkg:generic/acme/p").append(p).append("@1.0\n");
      inventory.append("VoltAG,V").append(p).append(",energy,DE,essential,pkg:generic/acme/p").append(p).append("@1.0\n");
    }
    inventory.append("PowerCo,P0,energy,DE,essential,pkg:generic/acme/p0@1.0\n");
    inventory.append("AquaNet,+Lyon,water,FR,important,pkg:generic/acme/p1@1.0\n");
    // each operator's rows uploaded by the coordinator acting for it (a row's operator is the uploader)
    String[] lines = inventory.toString().split("\n");
    for (String operator : List.of("GridCo", "VoltAG", "PowerCo", "AquaNet")) {
      org.accord.TestPrincipals.member(accord, operator, org.accord.party.OrgKind.OPERATOR);
      StringBuilder own = new StringBuilder(lines[0]).append('\n');
      for (String line : lines) {
        if (line.startsWith(operator + ",")) {
          own.append(line).append('\n');
        }
      }
      HttpResponse<String> stored = http.send(
          HttpRequest.newBuilder(uri("/api/v1/inventories?org=" + operator)).header("Authorization", "Bearer " + coordinator)
              .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(own.toString())).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
    }
  }

  @AfterEach
  void stop() {
    server.close();
    accord.close();
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + coordinator)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path, String token) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  JsonNode whereUsed(String query, String token) throws Exception {
    HttpResponse<String> response = get("/api/v1/where-used?purl=" + q(LIB) + query, token);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    return JSON.readTree(response.body());
  }

  @Test
  void rangesAsPeopleWriteThemMatch() throws Exception {
    JsonNode typed = whereUsed("&range=" + q(">=2.0 <2.3.4"), coordinator);
    JsonNode commas = whereUsed("&range=" + q(">=2.0,<2.3.4"), coordinator);
    JsonNode interval = whereUsed("&range=" + q("[2.0,2.3.4)"), coordinator);
    assertThat(typed.path("matched").toString()).isEqualTo("[\"" + LIB + "@2.1.0\"]");
    assertThat(typed.path("products")).hasSize(5);
    assertThat(typed.path("range").asText()).isEqualTo("vers:maven/>=2.0|<2.3.4");
    assertThat(typed.path("products")).isEqualTo(commas.path("products")).isEqualTo(interval.path("products"));
    assertThat(whereUsed("&range=" + q(">=2.0"), coordinator).path("matched")).hasSize(2);
    assertThat(typed.path("known").asBoolean()).isTrue();
    assertThat(typed.has("note")).isFalse();
  }

  @Test
  void aBadRangeIs400NamingTheCharacterAndTheForms() throws Exception {
    HttpResponse<String> response = get("/api/v1/where-used?purl=" + q(LIB) + "&range=" + q(">=2.0 && <3"), member);
    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = JSON.readTree(response.body());
    assertThat(error.path("location").asText()).isEqualTo("range");
    assertThat(error.path("error").asText()).contains("'&' at position 7").contains("accepted for maven:").contains("[2.0,2.3.4)");
  }

  @Test
  void anUnknownPackageIsKnownFalseWithANoteAndSuggestions() throws Exception {
    HttpResponse<String> response = get("/api/v1/where-used?purl=" + q("pkg:maven/org.libra/libracor"), member);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("known").asBoolean(true)).isFalse();
    assertThat(body.path("suggestions").get(0).asText()).isEqualTo(LIB);
    assertThat(body.path("note").asText()).startsWith("Accord has no package pkg:maven/org.libra/libracor; did you mean " + LIB);
    JsonNode outside = whereUsed("&range=" + q(">=3"), member);
    assertThat(outside.path("known").asBoolean()).isTrue();
    assertThat(outside.path("note").asText()).contains("Accord knows 2 versions (2.1.0 to 2.5.0)");
  }

  @Test
  void pagesWithCursorsCoverTheWholeListOnce() throws Exception {
    JsonNode whole = whereUsed("", coordinator);
    assertThat(whole.has("cursors")).as("no cursors without limit").isFalse();
    assertThat(whole.path("totals").path("deployments").asInt()).isEqualTo(16);
    List<String> sites = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode page = whereUsed("&list=deployments&limit=5&sort=-site" + (cursor == null ? "" : "&cursor=" + q(cursor)), coordinator);
      assertThat(page.has("products")).isFalse();
      assertThat(page.path("totals").path("deployments").asInt()).isEqualTo(16);
      assertThat(page.path("totals").has("products")).isFalse();
      page.path("deployments").forEach(row -> sites.add(row.path("site").asText()));
      assertThat(page.path("cursors").has("products")).isFalse();
      cursor = page.path("cursors").path("deployments").isNull() ? null : page.path("cursors").path("deployments").asText();
      pages++;
    } while (cursor != null);
    assertThat(pages).isEqualTo(4);
    assertThat(sites).hasSize(16).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> b.compareToIgnoreCase(a));

    JsonNode both = whereUsed("&limit=3", coordinator);
    assertThat(both.path("products")).hasSize(3);
    assertThat(both.path("deployments")).hasSize(3);
    assertThat(both.path("cursors").path("products").isTextual()).isTrue();
    assertThat(both.path("cursors").path("deployments").isTextual()).isTrue();
    JsonNode filtered = whereUsed("&limit=50&q=VOLT", coordinator);
    assertThat(filtered.path("totals").path("deployments").asInt()).isEqualTo(7);
    assertThat(filtered.path("cursors").path("deployments").isNull()).as("one page holds them all").isTrue();
  }

  @Test
  void aggregateTotalsOfAMemberNeverRevealASuppressedCell() throws Exception {
    JsonNode mine = whereUsed("", member);
    assertThat(mine.path("deployments")).hasSize(1);
    assertThat(mine.path("aggregates").toString()).contains("\"deployments\":\"<3\"");
    JsonNode totals = mine.path("aggregateTotals");
    assertThat(totals.path("bySector").path("energy").asInt()).isEqualTo(15);
    assertThat(totals.path("bySector").path("water").asText()).isEqualTo("≥0");
    assertThat(totals.path("byCountry").path("FR").asText()).isEqualTo("≥0");
    assertThat(totals.path("all").asText()).isEqualTo("≥15");
    assertThat(mine.path("hiddenDeployments").asInt()).as("only the shown cells' hidden sites").isEqualTo(15);
    assertThat(whereUsed("", coordinator).path("aggregateTotals").path("all").asInt()).isEqualTo(16);
  }

  @Test
  void csvExportsOneListWithHeadersAndDefusedCells() throws Exception {
    HttpResponse<String> response = get("/api/v1/where-used?purl=" + q(LIB) + "&list=deployments&format=csv&sort=site&limit=2", coordinator);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).isEqualTo("text/csv; charset=utf-8");
    assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
        .isEqualTo("attachment; filename=\"where-used-deployments.csv\"");
    String[] lines = response.body().split("\r\n");
    assertThat(lines[0]).isEqualTo("operator,site,sector,country,criticality,product,depth,path");
    assertThat(lines).hasSize(17);
    assertThat(lines[1]).startsWith("AquaNet,'+Lyon,water,FR,");
    HttpResponse<String> products = get("/api/v1/where-used?purl=" + q(LIB) + "&list=products&format=csv", member);
    assertThat(products.body()).startsWith("purl,depth,path\r\n");
    assertThat(products.headers().firstValue("Content-Disposition").orElse("")).contains("where-used-products.csv");
    HttpResponse<String> memberSites = get("/api/v1/where-used?purl=" + q(LIB) + "&list=deployments&format=csv", member);
    assertThat(memberSites.body().split("\r\n")).hasSize(2);
  }

  /** Bad parameters are a 400 naming the parameter (location) and the problem. */
  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "&colour=red&size=2; colour, size; unknown query parameters 'colour', 'size'",
        "&limit=0; limit; limit must be a number from 1 to 1000",
        "&limit=1001; limit; not '1001'",
        "&limit=ten; limit; not 'ten'",
        "&cursor=abc&limit=5; cursor; 'abc' is not a where-used cursor",
        "&cursor=abc; cursor; give limit too",
        "&sort=colour; sort; accepted: purl, depth, operator",
        "&list=products&sort=site; sort; cannot sort products by 'site'",
        "&list=sites; list; list must be 'products' or 'deployments'",
        "&format=xml; format; format must be 'json' or 'csv'",
        "&format=csv; list; CSV holds one list",
        "&view=everything; view; view must be 'shared'",
        "&range=a&range=b; range; given more than once"
      })
  void badParametersAre400NamingThem(String query, String location, String message) throws Exception {
    HttpResponse<String> response = get("/api/v1/where-used?purl=" + q(LIB) + query, member);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode error = JSON.readTree(response.body());
    assertThat(error.path("location").asText()).isEqualTo(location);
    assertThat(error.path("error").asText()).contains(message);
  }

  @Test
  void componentsAreFoundByName() throws Exception {
    HttpResponse<String> response = get("/api/v1/components?q=LIBRACORE", member);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode packages = JSON.readTree(response.body()).path("packages");
    assertThat(packages.get(0).path("packageKey").asText()).isEqualTo(LIB);
    assertThat(packages.get(0).path("versions").toString()).isEqualTo("[\"2.1.0\",\"2.5.0\"]");
    assertThat(JSON.readTree(get("/api/v1/components?q=acme/p&limit=3", member).body()).path("packages")).hasSize(3);
    assertThat(JSON.readTree(get("/api/v1/components?q=zzz", member).body()).path("packages")).isEmpty();
    assertThat(JSON.readTree(get("/api/v1/components?purl_prefix=pkg:maven/org.libra/", member).body()).path("packages")).hasSize(1);
    assertThat(get("/api/v1/components", member).statusCode()).isEqualTo(400);
    assertThat(get("/api/v1/components?q=a&purl_prefix=pkg:", member).statusCode()).isEqualTo(400);
  }
}
