package org.accord.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.nio.file.Path;
import org.accord.advisory.AdvisoryFormat;
import org.accord.advisory.ExportSchemas;
import org.accord.app.Accord;
import org.accord.testing.Documents;
import org.accord.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The advisory routes: import, show, export, findings, triage and feeds, with the visibility rules. */
class AdvisoryRoutesTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String LOG4SHELL = "osv/advisories/github-reviewed/2021/12/GHSA-jfh8-c2jp-5v3q/GHSA-jfh8-c2jp-5v3q.json";

  @TempDir Path dir;
  Accord accord;
  WebServer server;
  HttpClient http = HttpClient.newHttpClient();
  String coordinator;
  String vendor;
  String operator;

  @BeforeEach
  void start() {
    accord = Accord.open(new Accord.Config(dir, null));
    server = WebServer.start(accord, "127.0.0.1", 0);
    coordinator = org.accord.TestPrincipals.token(accord, "CERT", "cert", true, "test");
    vendor = org.accord.TestPrincipals.token(accord, "Acme", "vendor", false, "test");
    operator = org.accord.TestPrincipals.token(accord, "AquaNet", "operator", false, "test");
  }

  @AfterEach
  void stop() {
    server.close();
    accord.close();
  }

  HttpResponse<String> get(String path, String token) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String token, String contentType, byte[] body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .header("Authorization", "Bearer " + token).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** scada@1.0 embeds log4j-core 2.14.1; AquaNet and GridCo run it. */
  void graph() throws Exception {
    String sbom = Documents.cycloneDx("scada", "2.1.0")
        .replace("pkg:maven/org.libra/libracore@2.1.0", "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
    assertThat(post("/api/v1/sboms", vendor, "application/json", sbom.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(201);
    assertThat(post("/api/v1/inventories", operator, "text/csv", Documents.inventory("scada", "AquaNet").getBytes(StandardCharsets.UTF_8))
        .statusCode()).isEqualTo(201);
    org.accord.TestPrincipals.ingestInventory(accord, Documents.inventory("scada", "GridCo"));
  }

  @Test
  void importShowExportFindingsAndTriage() throws Exception {
    graph();
    byte[] advisory = Files.readAllBytes(TestData.resolve(LOG4SHELL));
    HttpResponse<String> created = post("/api/v1/advisories", vendor, "application/json", advisory);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode imported = JSON.readTree(created.body());
    assertThat(imported.path("advisory").asText()).isEqualTo("GHSA-jfh8-c2jp-5v3q");
    assertThat(imported.path("matched").asInt()).isEqualTo(1);
    assertThat(post("/api/v1/advisories", vendor, "application/json", advisory).statusCode()).isEqualTo(200);

    JsonNode shown = JSON.readTree(get("/api/v1/advisories/CVE-2021-44228", operator).body());
    assertThat(shown.path("id").asText()).isEqualTo("GHSA-jfh8-c2jp-5v3q");
    assertThat(shown.path("records")).hasSize(1);
    assertThat(shown.path("records").get(0).path("matched").get(0).asText()).isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
    assertThat(shown.path("records").get(0).path("source").asText()).isEqualTo(shown.path("sources").get(0).asText());
    assertThat(JSON.readTree(get("/api/v1/advisories?id=CVE-2021-44228", operator).body()).path("advisories")).hasSize(1);

    for (AdvisoryFormat format : AdvisoryFormat.values()) {
      HttpResponse<String> exported = get("/api/v1/advisories/GHSA-jfh8-c2jp-5v3q?format=" + format.label(), operator);
      assertThat(exported.statusCode()).as(format.label()).isEqualTo(200);
      assertThat(exported.headers().firstValue("Content-Type").orElse("")).contains("application/json");
      assertThat(ExportSchemas.problems(format, JSON.readTree(exported.body()))).as(format.label()).isEmpty();
    }
    assertThat(get("/api/v1/advisories/GHSA-jfh8-c2jp-5v3q?format=pdf", operator).statusCode()).isEqualTo(400);

    // Findings: the operator sees its own site and counts of the others.
    JsonNode findings = JSON.readTree(get("/api/v1/findings?advisory=GHSA-jfh8-c2jp-5v3q", operator).body());
    JsonNode finding = findings.path("advisories").get(0).path("findings").get(0);
    assertThat(finding.path("status").asText()).isEqualTo("unknown");
    assertThat(finding.path("statement").isNull()).isTrue();
    assertThat(finding.path("deployments")).hasSize(1);
    // GridCo's two sites are one operator's: as k-anonymous as the cells, never the exact 2 (issue 8)
    assertThat(finding.path("hiddenDeployments").asText()).isEqualTo("<3");
    assertThat(JSON.readTree(get("/api/v1/findings", coordinator).body()).path("advisories").get(0).path("findings").get(0)
        .path("deployments")).hasSize(3);

    // Triage: the operator decides for its own deployment.
    HttpResponse<String> triage = get("/api/v1/triage?advisory=CVE-2021-44228&as=deployer&assume=system-exposure:controlled", operator);
    assertThat(triage.statusCode()).as(triage.body()).isEqualTo(200);
    JsonNode ranked = JSON.readTree(triage.body()).path("ranked");
    assertThat(ranked).hasSize(1);
    assertThat(ranked.get(0).path("subject").asText()).isEqualTo("AquaNet / Lyon Plant");
    assertThat(ranked.get(0).path("inputs").path("system-exposure").asText()).isEqualTo("controlled");
    assertThat(get("/api/v1/triage?advisory=CVE-2021-44228&as=tourist", operator).statusCode()).isEqualTo(400);
    assertThat(get("/api/v1/triage?advisory=CVE-2021-44228&as=deployer&assume=nonsense", operator).statusCode()).isEqualTo(400);
  }

  @Test
  void privateAdvisoriesAreInvisibleAndBadDocumentsAre400() throws Exception {
    byte[] advisory = Files.readAllBytes(TestData.resolve(LOG4SHELL));
    assertThat(post("/api/v1/advisories?private=true", vendor, "application/json", advisory).statusCode()).isEqualTo(201);
    assertThat(get("/api/v1/advisories/GHSA-jfh8-c2jp-5v3q", vendor).statusCode()).isEqualTo(200);
    HttpResponse<String> hidden = get("/api/v1/advisories/GHSA-jfh8-c2jp-5v3q", operator);
    assertThat(hidden.statusCode()).isEqualTo(404);
    assertThat(get("/api/v1/advisories/GHSA-jfh8-c2jp-5v3q?format=osv", operator).statusCode()).isEqualTo(404);
    assertThat(get("/api/v1/findings?advisory=GHSA-jfh8-c2jp-5v3q", operator).statusCode()).isEqualTo(404);
    // issue 8: the coordinator sees private advisories (it triages them), except in the shared view
    assertThat(get("/api/v1/triage?advisory=GHSA-jfh8-c2jp-5v3q&as=coordinator", coordinator).statusCode()).isEqualTo(200);
    assertThat(get("/api/v1/advisories/GHSA-jfh8-c2jp-5v3q", coordinator).statusCode()).isEqualTo(200);
    assertThat(get("/api/v1/triage?advisory=GHSA-jfh8-c2jp-5v3q&as=coordinator&view=shared", coordinator).statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(get("/api/v1/advisories", operator).body()).path("advisories")).isEmpty();

    HttpResponse<String> bad = post("/api/v1/advisories", vendor, "application/json",
        new String(advisory, StandardCharsets.UTF_8).replace("\"Maven\"", "\"Mavern\"").getBytes(StandardCharsets.UTF_8));
    assertThat(bad.statusCode()).isEqualTo(400);
    JsonNode error = JSON.readTree(bad.body());
    assertThat(error.path("error").asText()).contains("unknown OSV ecosystem 'Mavern'");
    assertThat(error.path("location").asText()).isEqualTo("$.affected[0].package.ecosystem");
    assertThat(post("/api/v1/advisories?private=maybe", vendor, "application/json", advisory).statusCode()).isEqualTo(400);
  }

  @Test
  void onlyCoordinatorsImportEvidenceFeeds() throws Exception {
    byte[] kev = Files.readAllBytes(TestData.resolve("kev/known_exploited_vulnerabilities.json"));
    // The refusal comes before the body is read. The whole catalogue (1.2 MiB) is over RequestGuard's drain
    // limit, so its refusal would race the connection's reset (it failed once in CI): send a small body.
    byte[] head = Arrays.copyOf(kev, 4096);
    assertThat(post("/api/v1/evidence/kev", vendor, "application/json", head).statusCode()).isEqualTo(403);
    HttpResponse<String> stored = post("/api/v1/evidence/kev", coordinator, "application/json", kev);
    assertThat(stored.statusCode()).isEqualTo(201);
    assertThat(JSON.readTree(stored.body()).path("version").asText()).isEqualTo("2025.08.25");
    byte[] epss = "#model_version:v2025.03.14,score_date:2025-08-25T12:55:00Z\ncve,epss,percentile\nCVE-2021-44228,0.94358,0.99957\n"
        .getBytes(StandardCharsets.UTF_8);
    assertThat(post("/api/v1/evidence/epss", coordinator, "text/csv", epss).statusCode()).isEqualTo(201);
    assertThat(post("/api/v1/evidence/epss", coordinator, "text/csv", "cve,epss\n".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(400);
  }

  /** Issue 7, item 5, through the API: no feed loaded means exploitation active, assumed; then the feeds decide. */
  @Test
  void triageWithoutFeedsAssumesActiveAndSaysSo() throws Exception {
    graph();
    byte[] advisory = Documents.osv("GHSA-asum-2345-6789", "CVE-2099-0001")
        .replace("org.libra:libracore", "org.apache.logging.log4j:log4j-core").getBytes(StandardCharsets.UTF_8);
    assertThat(post("/api/v1/advisories", vendor, "application/json", advisory).statusCode()).isEqualTo(201);
    String triage = "/api/v1/triage?advisory=CVE-2099-0001&as=coordinator";

    JsonNode assumed = JSON.readTree(get(triage, coordinator).body());
    assertThat(assumed.path("exploitation").path("value").asText()).isEqualTo("active");
    assertThat(assumed.path("exploitation").path("source").asText()).isEqualTo("assumed");
    assertThat(assumed.path("exploitation").path("reason").asText()).contains("no KEV catalog or EPSS scores are loaded");
    assertThat(assumed.path("ranked")).isNotEmpty()
        .allSatisfy(unit -> assertThat(unit.path("derived").path("exploitation").asText()).isEqualTo("assumed"));

    byte[] kev = Documents.kev("2025.01.02", "CVE-2024-0001").getBytes(StandardCharsets.UTF_8);
    assertThat(post("/api/v1/evidence/kev", coordinator, "application/json", kev).statusCode()).isEqualTo(201);
    JsonNode absent = JSON.readTree(get(triage, coordinator).body());
    assertThat(absent.path("exploitation").path("value").asText()).isEqualTo("none");
    assertThat(absent.path("exploitation").path("source").asText()).isEqualTo("evidence");
    assertThat(absent.path("exploitation").path("evidence").get(0).path("version").asText()).isEqualTo("2025.01.02");

    kev = Documents.kev("2025.02.03", "CVE-2099-0001").getBytes(StandardCharsets.UTF_8);
    assertThat(post("/api/v1/evidence/kev", coordinator, "application/json", kev).statusCode()).isEqualTo(201);
    JsonNode listed = JSON.readTree(get(triage, coordinator).body());
    assertThat(listed.path("exploitation").path("value").asText()).isEqualTo("active");
    assertThat(listed.path("exploitation").path("source").asText()).isEqualTo("evidence");
  }

  /** Pages every element of a list route by its cursors; asserts each page's size and the total. */
  java.util.List<String> allPages(String path, String list, String key, int limit, int total) throws Exception {
    java.util.List<String> seen = new java.util.ArrayList<>();
    String cursor = null;
    do {
      String query = path + (path.contains("?") ? "&" : "?") + "limit=" + limit
          + (cursor == null ? "" : "&cursor=" + java.net.URLEncoder.encode(cursor, StandardCharsets.UTF_8));
      HttpResponse<String> response = get(query, operator);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode page = JSON.readTree(response.body());
      assertThat(page.path("total").asInt()).isEqualTo(total);
      assertThat(page.path("limit").asInt()).isEqualTo(limit);
      assertThat(page.path(list).size()).isLessThanOrEqualTo(limit);
      page.path(list).forEach(entry -> seen.add(entry.path(key).asText()));
      cursor = page.path("cursor").isNull() ? null : page.path("cursor").asText();
    } while (cursor != null);
    return seen;
  }

  /** Findings and advisory lists page like where-used: limit, opaque cursor, total; bad input is a 400. */
  @Test
  void findingsAndAdvisoryListsPage() throws Exception {
    assertThat(post("/api/v1/sboms", vendor, "application/json", Documents.cycloneDx("app", "2.1.0").getBytes(StandardCharsets.UTF_8))
        .statusCode()).isEqualTo(201);
    for (int i = 1; i <= 5; i++) {
      assertThat(post("/api/v1/advisories", vendor, "application/json", Documents.osv("GHSA-page-000" + i, "CVE-2099-000" + i)
          .getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(201);
    }
    java.util.List<String> advisories = allPages("/api/v1/advisories", "advisories", "id", 2, 5);
    assertThat(advisories).hasSize(5).doesNotHaveDuplicates();
    java.util.List<String> findings = allPages("/api/v1/findings", "advisories", "advisory", 2, 5);
    assertThat(findings).containsExactlyInAnyOrderElementsOf(advisories);
    JsonNode first = JSON.readTree(get("/api/v1/findings?limit=2", operator).body());
    assertThat(first.path("findings").asInt()).as("counts cover the whole answer").isEqualTo(5);
    String cursor = first.path("cursor").asText();

    for (String bad : new String[] {
      "/api/v1/findings?cursor=not-a-cursor",
      "/api/v1/advisories?cursor=" + cursor,
      "/api/v1/findings?advisory=GHSA-page-0001&cursor=" + cursor,
      "/api/v1/findings?limit=0",
      "/api/v1/advisories?limit=many"
    }) {
      HttpResponse<String> refused = get(bad, operator);
      assertThat(refused.statusCode()).as(bad).isEqualTo(400);
      assertThat(JSON.readTree(refused.body()).path("location").asText()).as(bad).isIn("cursor", "limit");
    }
    for (String unknown : new String[] {"/api/v1/findings?page=2", "/api/v1/advisories?offset=2"}) {
      HttpResponse<String> refused = get(unknown, operator);
      assertThat(refused.statusCode()).as(unknown).isEqualTo(400);
      assertThat(JSON.readTree(refused.body()).path("error").asText()).contains("unknown query parameter");
    }
  }
}
