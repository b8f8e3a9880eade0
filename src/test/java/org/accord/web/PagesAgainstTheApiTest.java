package org.accord.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.accord.web.MatrixWorld.Who;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 13: each page rendered for each principal of the authorization matrix shows no more than the
 * API gives that principal, and offers exactly the actions the API accepts from it (ADR 0150).
 *
 * <ul>
 *   <li>The case list links exactly the cases {@code GET /api/v1/cases} lists.
 *   <li>A case page answers as {@code GET /api/v1/cases/{id}} does (200 or 404), and a hidden case's
 *       page is byte for byte the missing case's page.
 *   <li>For a case in each embargo state (none, proposed, active), every action the page offers is
 *       accepted by the API (2xx) when posted by the same principal on a twin case, and every action
 *       it does not offer is refused (4xx).
 * </ul>
 *
 * <p>The matrix itself ({@link AuthorizationMatrixTest}) also crosses the page routes with every
 * principal and checks that no page body shows another party's planted markers.
 */
class PagesAgainstTheApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  /** Every case action a page may offer, with a valid body: the API route suffix and its JSON. */
  private static final Map<String, String> ACTIONS = new LinkedHashMap<>();

  static {
    ACTIONS.put("/embargo", "{\"end\": \"30d\"}");
    ACTIONS.put("/embargo/accept", "{}");
    ACTIONS.put("/embargo/reject", "{}");
    ACTIONS.put("/acknowledge", "{}");
    ACTIONS.put("/statuses", "{\"product\": \"pkg:generic/page-check\"}");
    ACTIONS.put("/messages", "{\"body\": \"page check\"}");
    ACTIONS.put("/participants", "{\"organization\": \"" + MatrixWorld.COORDINATOR_ORG + "\", \"roles\": [\"coordinator\"]}");
  }

  @TempDir static Path dir;
  static MatrixWorld world;

  @BeforeAll
  static void world() {
    world = new MatrixWorld("sqlite", dir);
  }

  @AfterAll
  static void close() {
    world.close();
  }

  static HttpResponse<String> send(Who who, String method, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + world.server.port() + path))
        .header("Authorization", "Bearer " + world.credentials.get(who))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @ParameterizedTest
  @EnumSource(value = Who.class, names = {"MEMBER_A", "ADMIN_A", "MEMBER_B", "COORDINATOR"})
  void theCaseListLinksExactlyTheCasesTheApiLists(Who who) throws Exception {
    world.freshCaseOfA("active");
    HttpResponse<String> page = send(who, "GET", "/cases", null);
    assertThat(page.statusCode()).isEqualTo(200);
    Set<String> shown = Jsoup.parse(page.body()).select("#cases tbody tr td:first-child a").eachText().stream()
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> listed = new TreeSet<>();
    JSON.readTree(send(who, "GET", "/api/v1/cases?limit=500", null).body()).path("cases").forEach(c -> listed.add(c.path("id").asText()));
    assertThat(shown).as("cases on the page of %s", who).isEqualTo(listed);
    if (who == Who.MEMBER_B) {
      assertThat(page.body()).doesNotContain(MatrixWorld.A_CASE_TITLE).doesNotContain(world.caseOfA);
    } else {
      assertThat(shown).contains(world.caseOfA);
    }
  }

  @ParameterizedTest
  @EnumSource(value = Who.class, names = {"MEMBER_A", "ADMIN_A", "MEMBER_B", "COORDINATOR"})
  void aCasePageOffersExactlyTheActionsTheApiAccepts(Who who) throws Exception {
    for (String embargo : List.of("none", "proposed", "active")) {
      String id = world.freshCaseOfA(embargo);
      HttpResponse<String> page = send(who, "GET", "/cases/" + id, null);
      HttpResponse<String> api = send(who, "GET", "/api/v1/cases/" + id, null);
      assertThat(page.statusCode()).as("page status of %s on a case in %s", who, embargo).isEqualTo(api.statusCode());
      Document html = Jsoup.parse(page.body());
      Set<String> offered = new TreeSet<>();
      html.select("form.action[data-api]").forEach(f -> offered.add(f.attr("data-api").replace("/api/v1/cases/" + id, "")));
      for (Map.Entry<String, String> action : ACTIONS.entrySet()) {
        String twin = world.freshCaseOfA(embargo);
        int status = send(who, "POST", "/api/v1/cases/" + twin + action.getKey(), action.getValue()).statusCode();
        boolean accepted = status >= 200 && status < 300;
        assertThat(offered.contains(action.getKey()))
            .as("%s offered to %s on a case in %s; the API answers %d", action.getKey(), who, embargo, status)
            .isEqualTo(accepted);
      }
      if (page.statusCode() == 200) {
        assertThat(html.select("h1").text()).contains(id);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = Who.class, names = {"MEMBER_B"})
  void aHiddenCasePageIsTheMissingCasePage(Who who) throws Exception {
    HttpResponse<String> hidden = send(who, "GET", "/cases/" + world.caseOfA + "?tz=Europe/Zurich", null);
    HttpResponse<String> missing = send(who, "GET", "/cases/" + MatrixWorld.MISSING_CASE + "?tz=Europe/Zurich", null);
    assertThat(hidden.statusCode()).isEqualTo(404);
    assertThat(hidden.body()).isEqualTo(missing.body().replace(MatrixWorld.MISSING_CASE, world.caseOfA));
    assertThat(hidden.headers().firstValue("Content-Length")).isEqualTo(missing.headers().firstValue("Content-Length"));
  }
  /**
   * The public dashboard is one page for everyone: every principal (and no principal) gets the same
   * figures, its organizations are exactly those {@code GET /api/v1/indicators} names, its log size is
   * the log's, and it shows no unpublished case, private advisory or token label.
   */
  @ParameterizedTest
  @EnumSource(value = Who.class, names = {"ANONYMOUS", "MEMBER_A", "ADMIN_A", "MEMBER_B", "COORDINATOR"})
  void theTransparencyPageShowsOnlyWhatThePublicApiServes(Who who) throws Exception {
    HttpResponse<String> page = who == Who.ANONYMOUS
        ? HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + world.server.port() + "/transparency")).build(),
            HttpResponse.BodyHandlers.ofString())
        : send(who, "GET", "/transparency", null);
    assertThat(page.statusCode()).isEqualTo(200);
    Document html = Jsoup.parse(page.body());
    Set<String> shown = new TreeSet<>(html.select("#indicators tbody th[scope=row]").eachText());
    shown.remove("All organizations");
    Set<String> listed = new TreeSet<>();
    JSON.readTree(send(Who.MEMBER_A, "GET", "/api/v1/indicators", null).body()).path("organizations").fieldNames()
        .forEachRemaining(listed::add);
    assertThat(shown).isEqualTo(listed);
    long size = JSON.readTree(send(Who.MEMBER_A, "GET", "/api/v1/log/key", null).body()).path("size").asLong();
    assertThat(Long.parseLong(html.select("#log-size").text())).isBetween(1L, size + 1000);
    assertThat(html.select("#commands").text()).contains("accord verify log http://127.0.0.1:" + world.server.port() + "/log --key verifier_key.txt");
    assertThat(html.select("#signers li").size()).isGreaterThanOrEqualTo(1);
    assertThat(page.body()).doesNotContain(MatrixWorld.A_CASE_TITLE).doesNotContain(world.caseOfA)
        .doesNotContain(MatrixWorld.A_PRIVATE_ADVISORY).doesNotContain(MatrixWorld.B_PRIVATE_ADVISORY)
        .doesNotContain(MatrixWorld.A_TOKEN_LABEL).doesNotContain(MatrixWorld.B_TOKEN_LABEL);
  }
  /**
   * The plan page answers as {@code GET /api/v1/cases/{id}/plan} does for each principal (200 or the
   * missing case's 404), and shows exactly the waves and recipients the API gives that principal.
   */
  @ParameterizedTest
  @EnumSource(value = Who.class, names = {"MEMBER_A", "ADMIN_A", "MEMBER_B", "COORDINATOR"})
  void thePlanPageShowsExactlyThePlanTheApiGives(Who who) throws Exception {
    String id = world.plannableCaseOfA(true);
    HttpResponse<String> page = send(who, "GET", "/cases/" + id + "/plan", null);
    HttpResponse<String> api = send(who, "GET", "/api/v1/cases/" + id + "/plan", null);
    assertThat(page.statusCode()).as("plan page of %s", who).isEqualTo(api.statusCode());
    if (api.statusCode() != 200) {
      HttpResponse<String> missing = send(who, "GET", "/cases/" + MatrixWorld.MISSING_CASE + "/plan", null);
      assertThat(page.body()).isEqualTo(missing.body().replace(MatrixWorld.MISSING_CASE, id));
      return;
    }
    Document html = Jsoup.parse(page.body());
    var draft = JSON.readTree(api.body()).path("draft");
    List<String> waves = new java.util.ArrayList<>();
    Set<String> recipients = new TreeSet<>();
    draft.path("waves").forEach(w -> {
      waves.add("Wave " + w.path("number").asInt() + ": " + w.path("kind").asText());
      w.path("recipients").forEach(r -> recipients.add(r.path("organization").asText()));
    });
    assertThat(waves).isNotEmpty();
    assertThat(html.select("h3[id^=wave-]").eachText()).isEqualTo(waves);
    Set<String> shown = new TreeSet<>();
    html.select("table.recipients tbody td:first-child").forEach(td -> shown.add(td.ownText().strip()));
    assertThat(shown).isEqualTo(recipients);
    assertThat(html.select("#plan-axis g.wave")).hasSize(waves.size());
    assertThat(html.select("#calendar").attr("href")).isEqualTo("/api/v1/cases/" + id + "/calendar.ics");
  }
  /**
   * The exposure map shows, for each principal, exactly the sector × country cells {@code GET
   * /api/v1/where-used} gives it in the same view: a {@code <k} cell stays {@code <k}, and the paths are
   * the API's products' paths.
   */
  @ParameterizedTest
  @EnumSource(value = Who.class, names = {"MEMBER_A", "ADMIN_A", "MEMBER_B", "COORDINATOR"})
  void theExposureMapShowsTheCellsTheApiGives(Who who) throws Exception {
    for (String view : List.of("", "&view=shared")) {
      String query = "?purl=pkg:maven/org.libra/libracore" + view;
      HttpResponse<String> page = send(who, "GET", "/exposure" + query, null);
      assertThat(page.statusCode()).isEqualTo(200);
      Document html = Jsoup.parse(page.body());
      List<String> countries = html.select("#heatmap thead th").eachText();
      Map<String, String> shown = new java.util.TreeMap<>();
      html.select("#heatmap tbody tr").forEach(tr -> {
        String sector = tr.select("th").text();
        var cells = tr.select("td");
        for (int c = 0; c < cells.size(); c++) {
          if (!cells.get(c).text().equals("0")) {
            shown.put(sector + "|" + countries.get(c + 1), cells.get(c).text());
          }
        }
      });
      Map<String, String> given = new java.util.TreeMap<>();
      var api = JSON.readTree(send(who, "GET", "/api/v1/where-used" + query, null).body());
      api.path("aggregates").forEach(a -> given.put(a.path("sector").asText() + "|" + a.path("country").asText(), a.path("deployments").asText()));
      assertThat(shown).as("heat map of %s%s", who, view).isEqualTo(given);
      if (who != Who.COORDINATOR || !view.isEmpty()) {
        assertThat(html.select("#k-rule")).hasSize(1);
      }
      List<String> paths = new java.util.ArrayList<>();
      api.path("products").forEach(p -> {
        List<String> links = new java.util.ArrayList<>();
        p.path("path").forEach(l -> links.add(l.asText()));
        paths.add(String.join(" ", links));
      });
      assertThat(html.select("ol.chain").stream().map(ol -> String.join(" ", ol.select("li").eachText())).toList())
          .isEqualTo(paths.subList(0, Math.min(paths.size(), 25)));
      assertThat(page.body()).doesNotContain(MatrixWorld.A_SITE).doesNotContain(MatrixWorld.B_SITE);
    }
  }
  /**
   * The settings page lists exactly the tokens {@code GET /api/v1/tokens} lists to the principal, shows
   * the members only to those {@code GET /api/v1/orgs/{name}/members} answers, and offers "create a
   * token" exactly to those the API lets create one (here: a token for their own organization).
   */
  @ParameterizedTest
  @EnumSource(value = Who.class, names = {"MEMBER_A", "ADMIN_A", "MEMBER_B", "COORDINATOR"})
  void theSettingsPageShowsWhatTheApiGives(Who who) throws Exception {
    HttpResponse<String> page = send(who, "GET", "/settings", null);
    assertThat(page.statusCode()).isEqualTo(200);
    Document html = Jsoup.parse(page.body());
    String org = html.select("h1 .case-id").text();
    Set<String> listed = new TreeSet<>();
    JSON.readTree(send(who, "GET", "/api/v1/tokens?org=" + java.net.URLEncoder.encode(org, java.nio.charset.StandardCharsets.UTF_8), null).body())
        .path("tokens").forEach(t -> listed.add(t.path("id").asText()));
    assertThat(new TreeSet<>(html.select("#tokens tbody td:first-child code").eachText())).as("tokens of %s", who).isEqualTo(listed);
    int members = send(who, "GET", "/api/v1/orgs/" + java.net.URLEncoder.encode(org, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")
        + "/members", null).statusCode();
    assertThat(html.select("#members").isEmpty()).as("members table for %s (API %d)", who, members).isEqualTo(members != 200);
    boolean offered = !html.select("form[data-api=/api/v1/tokens]").isEmpty();
    int created = send(who, "POST", "/api/v1/tokens", "{\"organization\": \"" + org + "\", \"label\": \"page check\"}").statusCode();
    assertThat(offered).as("create offered to %s; the API answers %d", who, created).isEqualTo(created == 201);
    if (who == Who.MEMBER_B) {
      assertThat(page.body()).doesNotContain(MatrixWorld.A_TOKEN_LABEL).doesNotContain(MatrixWorld.A);
    }
  }
}
