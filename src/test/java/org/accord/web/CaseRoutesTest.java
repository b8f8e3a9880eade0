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

/** The case routes' error answers: 409 with the machine's reason, and 404 for a hidden case exactly as for a missing one. */
class CaseRoutesTest {
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

  HttpResponse<String> send(Who who, String method, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + world.server.port() + path))
        .header("Authorization", "Bearer " + world.credentials.get(who))
        .header("Origin", "http://127.0.0.1:" + world.server.port())
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void illegalTransitionsAre409WithTheReasonAndHiddenCasesLookMissing() throws Exception {
    world = new MatrixWorld("sqlite", dir);
    HttpResponse<String> created = send(Who.MEMBER_A, "POST", "/api/v1/cases", "{\"title\": \"Routes\", \"roles\": [\"vendor\"]}");
    assertThat(created.statusCode()).isEqualTo(201);
    String id = JSON.readTree(created.body()).path("id").asText();

    HttpResponse<String> terminate = send(Who.MEMBER_A, "POST", "/api/v1/cases/" + id + "/embargo/terminate", "{}");
    assertThat(terminate.statusCode()).isEqualTo(409);
    JsonNode error = JSON.readTree(terminate.body());
    assertThat(error.path("error").asText()).isEqualTo("EM: cannot TERMINATE from NONE: there is no embargo or proposal yet; propose one first");
    HttpResponse<String> fix = send(Who.MEMBER_A, "POST", "/api/v1/cases/" + id + "/transitions",
        "{\"event\": \"fix_ready\", \"vendor\": \"" + MatrixWorld.A + "\"}");
    assertThat(fix.statusCode()).isEqualTo(409);
    assertThat(fix.body()).contains("F implies V");
    assertThat(send(Who.MEMBER_A, "POST", "/api/v1/cases/" + id + "/transitions", "{\"event\": \"Q\"}").statusCode()).isEqualTo(400);

    String missing = "ACC-2026-9999";
    for (String suffix : new String[] {"", "/events"}) {
      HttpResponse<String> hidden = send(Who.MEMBER_B, "GET", "/api/v1/cases/" + id + suffix, null);
      HttpResponse<String> absent = send(Who.MEMBER_B, "GET", "/api/v1/cases/" + missing + suffix, null);
      assertThat(hidden.statusCode()).isEqualTo(404);
      assertThat(hidden.body()).isEqualTo(absent.body().replace(missing, id));
      assertThat(hidden.headers().firstValue("Content-Length")).isEqualTo(absent.headers().firstValue("Content-Length"));
    }
    HttpResponse<String> events = send(Who.ADMIN_A, "GET", "/api/v1/cases/" + id + "/events", null);
    assertThat(JSON.readTree(events.body()).path("events")).hasSize(1);
    assertThat(JSON.readTree(events.body()).path("events").get(0).path("type").asText()).isEqualTo("case.created");
  }

  @Test
  void planRoutesName400FieldsAnd409TheCurrentDraft() throws Exception {
    world = new MatrixWorld("sqlite", dir);
    String id = world.plannableCaseOfA(false);
    HttpResponse<String> bad = send(Who.MEMBER_A, "POST", "/api/v1/cases/" + id + "/plan", "{\"strategy\": \"staged\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).path("location").asText()).isEqualTo("strategy");
    assertThat(JSON.readTree(send(Who.MEMBER_A, "GET", "/api/v1/cases/" + id + "/plan", null).body()).path("draft").isNull()).isTrue();
    HttpResponse<String> first = send(Who.MEMBER_A, "POST", "/api/v1/cases/" + id + "/plan", "");
    assertThat(first.statusCode()).isEqualTo(201);
    long one = JSON.readTree(first.body()).path("id").asLong();
    assertThat(JSON.readTree(first.body()).path("strategy").asText()).isEqualTo("coordinated");
    long two = JSON.readTree(send(Who.COORDINATOR, "POST", "/api/v1/cases/" + id + "/plan", "{\"strategy\": \"immediate\"}").body())
        .path("id").asLong();
    HttpResponse<String> stale = send(Who.MEMBER_A, "POST", "/api/v1/cases/" + id + "/plan/adopt", "{\"draft\": " + one + "}");
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(stale.body()).path("error").asText()).endsWith("the current draft is " + two);
    assertThat(JSON.readTree(send(Who.MEMBER_A, "POST", "/api/v1/cases/" + id + "/plan/adopt", "{\"draft\": \"two\"}").body())
        .path("location").asText()).isEqualTo("draft");
    HttpResponse<String> adopted = send(Who.MEMBER_A, "POST", "/api/v1/cases/" + id + "/plan/adopt", "{\"draft\": " + two + "}");
    assertThat(adopted.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(adopted.body()).path("adopted").path("strategy").asText()).isEqualTo("immediate");
    HttpResponse<String> events = send(Who.MEMBER_A, "GET", "/api/v1/cases/" + id + "/events", null);
    assertThat(events.body()).contains("case.plan_adopted");
  }

  @Test
  void caseItemsOverHttpKeepNotYetCheckedApartAndHideCasesLikeMissingOnes() throws Exception {
    world = new MatrixWorld("sqlite", dir);
    String id = world.caseOfA; // has a vulnerability (MatrixWorld)
    HttpResponse<String> vulns = send(Who.MEMBER_A, "GET", "/api/v1/cases/" + id + "/vulnerabilities", null);
    assertThat(JSON.readTree(vulns.body()).path("vulnerabilities").get(0).path("alias").asText()).isEqualTo("CVE-2026-0001");
    HttpResponse<String> bad = send(Who.MEMBER_A, "POST", "/api/v1/cases/" + id + "/vulnerabilities",
        "{\"affected\": [\"pkg:maven/org.libra/libracore [2.0,2.3.4)\"], \"cvss\": \"CVSS:3.1/AV:N\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).path("location").asText()).isEqualTo("cvss");

    send(Who.MEMBER_A, "POST", "/api/v1/cases/" + id + "/statuses", "{\"product\": \"pkg:generic/a/unchecked\"}");
    HttpResponse<String> set = send(Who.MEMBER_A, "POST", "/api/v1/cases/" + id + "/statuses",
        "{\"product\": \"pkg:generic/a/clean\", \"status\": \"not_affected\", \"justification\": \"component_not_present\"}");
    assertThat(set.statusCode()).isEqualTo(200);
    JsonNode statuses = JSON.readTree(send(Who.ADMIN_A, "GET", "/api/v1/cases/" + id + "/statuses", null).body()).path("statuses");
    assertThat(statuses).hasSize(2);
    for (JsonNode s : statuses) {
      if (s.path("product").asText().endsWith("unchecked")) {
        assertThat(s.has("vexStatus")).isTrue();
        assertThat(s.path("vexStatus").isNull()).isTrue();
        assertThat(s.path("checked").asBoolean()).isFalse();
      } else {
        assertThat(s.path("vexStatus").asText()).isEqualTo("not_affected");
        assertThat(s.path("checked").asBoolean()).isTrue();
      }
    }

    String missing = "ACC-2026-9999";
    for (String suffix : new String[] {"/vulnerabilities", "/suggestions", "/statuses"}) {
      HttpResponse<String> hidden = send(Who.MEMBER_B, "GET", "/api/v1/cases/" + id + suffix, null);
      HttpResponse<String> absent = send(Who.MEMBER_B, "GET", "/api/v1/cases/" + missing + suffix, null);
      assertThat(hidden.statusCode()).isEqualTo(404);
      assertThat(hidden.body()).isEqualTo(absent.body().replace(missing, id));
    }
  }

  @Test
  void theEmbargoEndIsShownInTheViewersZoneWithTheZoneNamed() throws Exception {
    world = new MatrixWorld("sqlite", dir);
    HttpResponse<String> created = send(Who.MEMBER_A, "POST", "/api/v1/cases", "{\"title\": \"Zones\", \"roles\": [\"vendor\"]}");
    String id = JSON.readTree(created.body()).path("id").asText();
    // 2027-01-15T23:30Z is already the 16th in Zurich (UTC+1 in winter) and still the 15th in New York
    assertThat(send(Who.MEMBER_A, "POST", "/api/v1/cases/" + id + "/embargo", "{\"end\": \"2027-01-15T23:30:00Z\"}").statusCode())
        .isEqualTo(200);
    assertThat(send(Who.MEMBER_A, "POST", "/api/v1/cases/" + id + "/embargo/accept", "{}").statusCode()).isEqualTo(200);

    JsonNode zurich = JSON.readTree(send(Who.MEMBER_A, "GET", "/api/v1/cases/" + id + "?tz=Europe/Zurich", null).body()).path("embargo");
    assertThat(zurich.path("end").asText()).isEqualTo("2027-01-15T23:30:00Z");
    assertThat(zurich.path("end_local").asText()).isEqualTo("2027-01-16 00:30 Europe/Zurich (UTC+01:00)");
    assertThat(zurich.path("zone").asText()).isEqualTo("Europe/Zurich");
    JsonNode york = JSON.readTree(send(Who.MEMBER_A, "GET", "/api/v1/cases/" + id + "?tz=America/New_York", null).body()).path("embargo");
    assertThat(york.path("end_local").asText()).isEqualTo("2027-01-15 18:30 America/New_York (UTC-05:00)");
    JsonNode plain = JSON.readTree(send(Who.MEMBER_A, "GET", "/api/v1/cases/" + id, null).body()).path("embargo");
    assertThat(plain.has("end_local")).isFalse();
    assertThat(plain.path("end_utc").asText()).isEqualTo("2027-01-15 23:30 UTC");

    HttpResponse<String> bad = send(Who.MEMBER_A, "GET", "/api/v1/cases/" + id + "?tz=Mars/Olympus", null);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).path("location").asText()).isEqualTo("tz");
    assertThat(JSON.readTree(bad.body()).path("error").asText()).contains("unknown time zone 'Mars/Olympus'");
  }

  @Test
  void theListIsPagedSummariesAndItsJsonFollowsEveryChange() throws Exception {
    world = new MatrixWorld("sqlite", dir);
    java.util.List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(JSON.readTree(send(Who.MEMBER_A, "POST", "/api/v1/cases", "{\"title\": \"Paged " + i + "\"}").body()).path("id").asText());
    }
    int before = JSON.readTree(send(Who.MEMBER_A, "GET", "/api/v1/cases?limit=500", null).body()).path("total").asInt();
    java.util.List<String> walked = new java.util.ArrayList<>();
    String cursor = null;
    do {
      JsonNode page = JSON.readTree(send(Who.MEMBER_A, "GET", "/api/v1/cases?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), null).body());
      assertThat(page.path("total").asInt()).isEqualTo(before);
      assertThat(page.path("limit").asInt()).isEqualTo(2);
      page.path("cases").forEach(c -> walked.add(c.path("id").asText()));
      cursor = page.path("cursor").isNull() ? null : page.path("cursor").asText();
    } while (cursor != null);
    assertThat(walked).hasSize(before).containsAll(ids).doesNotHaveDuplicates();
    JsonNode last = JSON.readTree(send(Who.MEMBER_A, "GET", "/api/v1/cases?limit=500", null).body()).path("cases").get(before - 1);
    assertThat(last.path("id").asText()).isEqualTo(ids.get(2));
    assertThat(last.path("participant_count").asInt()).isEqualTo(1);
    assertThat(last.path("roles").get(0).asText()).isEqualTo("case_owner");
    assertThat(last.has("participants")).isFalse();
    // Another organization's member neither sees nor counts them.
    JsonNode other = JSON.readTree(send(Who.MEMBER_B, "GET", "/api/v1/cases", null).body());
    other.path("cases").forEach(c -> assertThat(ids).doesNotContain(c.path("id").asText()));
    // The kept JSON follows a write: the pxa of the last case changes.
    send(Who.MEMBER_A, "POST", "/api/v1/cases/" + ids.get(2) + "/transitions", "{\"event\": \"public_aware\"}");
    JsonNode after = JSON.readTree(send(Who.MEMBER_A, "GET", "/api/v1/cases?limit=500", null).body()).path("cases").get(before - 1);
    assertThat(after.path("pxa").asText()).isEqualTo("Pxa");
    assertThat(JSON.readTree(send(Who.MEMBER_A, "GET", "/api/v1/cases/" + ids.get(2), null).body()).path("state").path("pxa").asText())
        .isEqualTo("Pxa");
    HttpResponse<String> badLimit = send(Who.MEMBER_A, "GET", "/api/v1/cases?limit=0", null);
    assertThat(badLimit.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(badLimit.body()).path("location").asText()).isEqualTo("limit");
    HttpResponse<String> badCursor = send(Who.MEMBER_A, "GET", "/api/v1/cases?cursor=nonsense", null);
    assertThat(badCursor.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(badCursor.body()).path("location").asText()).isEqualTo("cursor");
  }

  @Test
  void aLapsedInvitationIsShownRefusesASecondDeclineNamingTheDeadlineAndTakesALateAcceptance() throws Exception {
    world = new MatrixWorld("sqlite", dir);
    String id = JSON.readTree(send(Who.MEMBER_A, "POST", "/api/v1/cases", "{\"title\": \"Deadline\", \"roles\": [\"vendor\"]}").body())
        .path("id").asText();
    assertThat(send(Who.COORDINATOR, "POST", "/api/v1/cases/" + id + "/participants",
        "{\"organization\": \"" + MatrixWorld.B + "\", \"roles\": [\"vendor\"]}").statusCode()).isEqualTo(201);
    assertThat(send(Who.MEMBER_A, "POST", "/api/v1/cases/" + id + "/embargo", "{\"end\": \"30d\"}").statusCode()).isEqualTo(200);
    String deadline = world.clock.instant().plus(java.time.Duration.ofDays(7)).toString();
    JsonNode own = participant(send(Who.MEMBER_B, "GET", "/api/v1/cases/" + id + "?tz=Europe/Paris", null), MatrixWorld.B);
    assertThat(own.path("consent").asText()).isEqualTo("invited");
    assertThat(own.path("rsvp_deadline").asText()).isEqualTo(deadline);
    assertThat(own.path("rsvp_deadline_local").asText()).endsWith("Europe/Paris (UTC+01:00)");

    world.clock.advance(java.time.Duration.ofDays(7).plusMillis(1));
    assertThat(world.accord.caseDeadlines().sweep()).hasSize(1);
    own = participant(send(Who.MEMBER_B, "GET", "/api/v1/cases/" + id, null), MatrixWorld.B);
    assertThat(own.path("consent").asText()).isEqualTo("declined");
    assertThat(own.path("rsvp_deadline").isNull()).isTrue();

    HttpResponse<String> again = send(Who.MEMBER_B, "POST", "/api/v1/cases/" + id + "/embargo/reject", "{}");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(again.body()).path("error").asText())
        .startsWith("PEC: cannot DECLINE from DECLINED").contains("lapsed at its RSVP deadline " + deadline);
    HttpResponse<String> late = send(Who.MEMBER_B, "POST", "/api/v1/cases/" + id + "/embargo/accept", "{}");
    assertThat(late.statusCode()).isEqualTo(200);
    assertThat(participant(late, MatrixWorld.B).path("consent").asText()).isEqualTo("signatory");
    JsonNode events = JSON.readTree(send(Who.MEMBER_B, "GET", "/api/v1/cases/" + id + "/events", null).body()).path("events");
    JsonNode lapsed = events.get(events.size() - 2);
    assertThat(lapsed.path("type").asText()).isEqualTo("case.rsvp_lapsed");
    assertThat(lapsed.path("data").path("organizations").toString()).isEqualTo("[\"" + MatrixWorld.B + "\"]");
    assertThat(events.get(events.size() - 1).path("data").path("late").asBoolean()).isTrue();
  }

  static JsonNode participant(HttpResponse<String> response, String organization) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    for (JsonNode p : JSON.readTree(response.body()).path("participants")) {
      if (p.path("organization").asText().equals(organization)) {
        return p;
      }
    }
    throw new AssertionError(organization + " is not a participant: " + response.body());
  }
}
