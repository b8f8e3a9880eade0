package org.accord.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.accord.web.MatrixWorld.Who;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report routes: 201 on submit, 400 naming line and field with nothing stored, 413, 409, and hidden reports like missing ones. */
class ReportRoutesTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  MatrixWorld world;
  final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void close() {
    if (world != null) {
      world.close();
    }
  }

  HttpResponse<String> send(Who who, String method, String path, String type, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + world.server.port() + path))
        .header("Authorization", "Bearer " + world.credentials.get(who))
        .header("Origin", "http://127.0.0.1:" + world.server.port())
        .header("Content-Type", type)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  int count(Who who) throws Exception {
    return JSON.readTree(send(who, "GET", "/api/v1/reports", "application/json", null).body()).path("reports").size();
  }

  @Test
  void submitRefuseTransitionAndHide() throws Exception {
    world = new MatrixWorld("sqlite", dir);
    int before = count(Who.COORDINATOR);
    HttpResponse<String> created = send(Who.MEMBER_B, "POST", "/api/v1/reports", "text/markdown", MatrixWorld.reportBody(1));
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode report = JSON.readTree(created.body());
    String id = report.path("id").asText();
    assertThat(report.path("state").asText()).isEqualTo("received");
    assertThat(report.path("report").path("affected").get(0).path("purl").asText()).isEqualTo("pkg:maven/org.libra/libracore");

    HttpResponse<String> bad = send(Who.MEMBER_B, "POST", "/api/v1/reports", "text/markdown",
        MatrixWorld.reportBody(2).replace("[2.0,2.3.4)", "[2.0,2.3.4"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).path("location").asText()).isEqualTo("line 4, field affected");
    HttpResponse<String> big = send(Who.MEMBER_B, "POST", "/api/v1/reports", "text/markdown",
        MatrixWorld.reportBody(3) + "x".repeat(70 * 1024));
    assertThat(big.statusCode()).isEqualTo(413);
    assertThat(count(Who.COORDINATOR)).as("refused bodies store nothing").isEqualTo(before + 1);
    assertThat(count(Who.MEMBER_B)).isEqualTo(1);

    HttpResponse<String> early = send(Who.COORDINATOR, "POST", "/api/v1/reports/" + id + "/transitions", "application/json",
        "{\"event\": \"accept\"}");
    assertThat(early.statusCode()).isEqualTo(409);
    assertThat(early.body()).contains("RMB-09-001");
    assertThat(send(Who.COORDINATOR, "POST", "/api/v1/reports/" + id + "/transitions", "application/json", "{\"event\": \"validate\"}")
        .statusCode()).isEqualTo(200);
    HttpResponse<String> accepted = send(Who.COORDINATOR, "POST", "/api/v1/reports/" + id + "/transitions", "application/json",
        "{\"event\": \"accept\"}");
    assertThat(accepted.statusCode()).isEqualTo(200);
    String caseId = JSON.readTree(accepted.body()).path("case").asText();
    assertThat(caseId).startsWith("ACC-");
    assertThat(send(Who.MEMBER_B, "GET", "/api/v1/cases/" + caseId, "application/json", null).statusCode())
        .as("the reporter takes part in the case").isEqualTo(200);

    String missing = MatrixWorld.MISSING_REPORT;
    HttpResponse<String> hidden = send(Who.MEMBER_A, "GET", "/api/v1/reports/" + id, "application/json", null);
    HttpResponse<String> absent = send(Who.MEMBER_A, "GET", "/api/v1/reports/" + missing, "application/json", null);
    assertThat(hidden.statusCode()).isEqualTo(404);
    assertThat(hidden.body()).isEqualTo(absent.body().replace(missing, id));
    assertThat(hidden.headers().firstValue("Content-Length")).isEqualTo(absent.headers().firstValue("Content-Length"));
  }

  HttpResponse<String> form(String path, String origin, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + world.server.port() + path))
        .header("Origin", origin).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> page(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + world.server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anonymousIntakeShowsTheSecretOnceFollowsUpAndRateLimits() throws Exception {
    world = new MatrixWorld("sqlite", dir);
    String own = "http://127.0.0.1:" + world.server.port();
    String fields = "title=Anon+%3Cb%3Ebug%3C%2Fb%3E&description=Crash&affected=pkg%3Amaven%2Forg.libra%2Flibracore+%5B2.0%2C2.3.4%29";
    assertThat(page("/report").body()).contains("<form method=\"post\" action=\"/report\" class=\"stack\">");
    assertThat(form("/report", "http://evil.example", fields).statusCode()).isEqualTo(403);
    HttpResponse<String> sent = form("/report", own, fields);
    assertThat(sent.statusCode()).isEqualTo(201);
    String link = sent.body().replaceAll("(?s).*href=\"(/report/follow/[A-Za-z0-9_-]{43})\".*", "$1");
    assertThat(link).startsWith("/report/follow/");
    HttpResponse<String> followed = page(link);
    assertThat(followed.statusCode()).isEqualTo(200);
    assertThat(followed.body()).contains("Anon &lt;b&gt;bug&lt;/b&gt;", "received").doesNotContain("<b>bug");
    assertThat(followed.body()).as("the secret is shown once, not on the follow-up page").doesNotContain(link);
    assertThat(form(link, own, "text=any+news").statusCode()).isEqualTo(303);
    assertThat(page(link).body()).contains("finder", "any news");
    HttpResponse<String> wrong = page("/report/follow/" + MatrixWorld.MISSING_SECRET);
    assertThat(wrong.statusCode()).isEqualTo(404);
    HttpResponse<String> bad = form("/report", own, "title=t&description=d&affected=pkg%3Amaven%2Fx+%5B1");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("field affected");

    // The world sent one anonymous report from another address; this address has sent one: four more, then 429.
    for (int i = 0; i < 4; i++) {
      assertThat(form("/report", own, fields).statusCode()).isEqualTo(201);
    }
    HttpResponse<String> limited = form("/report", own, fields);
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).contains("3600");
    world.clock.advance(java.time.Duration.ofHours(1));
    assertThat(form("/report", own, fields).statusCode()).isEqualTo(201);
  }
}
