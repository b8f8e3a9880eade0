package org.accord.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
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
 * The calendar routes (ADR 0132) over HTTP on SQLite and PostgreSQL: {@code text/calendar} that ical4j
 * reads, never stored by a cache, each member's own deadlines, and a hidden case answered with the
 * missing case's bytes.
 */
class CalendarRoutesTest {
  static final String MISSING = "ACC-2026-9999";
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
  void eachMemberGetsItsOwnCalendarAndAHiddenCaseIsAMissingOne(String engine) throws Exception {
    String url = engine.equals("postgresql") ? TestDatabases.freshPostgresUrl() : null;
    accord = Accord.open(new Accord.Config(dir, url), new TestClock(Instant.parse("2026-12-03T09:00:00Z")));
    var parties = accord.parties();
    Principal coordinator = new Principal.Coordinator(parties.ensure("CERT Cal", OrgKind.CERT), null, null);
    for (String org : List.of("Alpha", "Beta", "Gamma")) {
      parties.createOrganization(coordinator, org, OrgKind.VENDOR, "DE", null);
      String email = "m@" + org.toLowerCase() + ".example";
      parties.addMember(coordinator, org, email, MemberRole.MEMBER);
      tokens.put(org, parties.createToken(coordinator, org, email, false, email, null).secret());
    }
    Principal alpha = parties.authenticate(tokens.get("Alpha")).orElseThrow();
    String id = accord.cases().create(alpha, "Alpha's secret flaw", null, List.of("vendor")).row().id().toString();
    accord.cases().invite(alpha, id, "Beta", List.of("vendor"), null);
    accord.cases().propose(alpha, id, "45d", null);
    server = WebServer.start(accord, "127.0.0.1", 0);

    HttpResponse<byte[]> beta = get("Beta", "/api/v1/cases/" + id + "/calendar.ics");
    assertThat(beta.statusCode()).isEqualTo(200);
    assertThat(beta.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/calendar"));
    assertThat(beta.headers().firstValue("Cache-Control")).contains("no-store");
    String origin = "127.0.0.1:" + server.port();
    long betaId = parties.organization(coordinator, "Beta").id();
    assertThat(uids(beta)).containsExactlyInAnyOrder(id + "/embargo-end@" + origin, id + "/rsvp/participant-" + betaId + "@" + origin);
    assertThat(new String(beta.body(), StandardCharsets.UTF_8)).doesNotContain("secret", "Alpha", "Beta")
        .contains("URL:http://" + origin + "/api/v1/cases/" + id);
    assertThat(uids(get("Alpha", "/api/v1/cases/" + id + "/calendar.ics")))
        .containsExactlyInAnyOrder(id + "/embargo-end@" + origin, id + "/rsvp/participant-" + betaId + "@" + origin);
    assertThat(uids(get("Beta", "/api/v1/calendar.ics"))).hasSize(2);
    assertThat(uids(get("Gamma", "/api/v1/calendar.ics"))).isEmpty();

    // Gamma does not see the case: the same status, bytes and length as a case that does not exist.
    HttpResponse<byte[]> hidden = get("Gamma", "/api/v1/cases/" + id + "/calendar.ics");
    HttpResponse<byte[]> missing = get("Gamma", "/api/v1/cases/" + MISSING + "/calendar.ics");
    assertThat(hidden.statusCode()).isEqualTo(404).isEqualTo(missing.statusCode());
    assertThat(new String(hidden.body(), StandardCharsets.UTF_8))
        .isEqualTo(new String(missing.body(), StandardCharsets.UTF_8).replace(MISSING, id));
    assertThat(hidden.headers().firstValue("Content-Length")).isEqualTo(missing.headers().firstValue("Content-Length"));
    assertThat(hidden.headers().firstValue("Content-Type")).isEqualTo(missing.headers().firstValue("Content-Type"));
    assertThat(get("Gamma", "/api/v1/cases/ACC-26-1/calendar.ics").statusCode()).isEqualTo(400);
  }

  private List<String> uids(HttpResponse<byte[]> response) throws Exception {
    assertThat(response.statusCode()).isEqualTo(200);
    Calendar calendar = new CalendarBuilder().build(new StringReader(new String(response.body(), StandardCharsets.UTF_8)));
    if (!calendar.getComponents().isEmpty()) {
      assertThat(calendar.validate().hasErrors()).isFalse();
    }
    return calendar.<VEvent>getComponents("VEVENT").stream().map(e -> e.getProperty("UID").map(Property::getValue).orElseThrow()).toList();
  }

  private HttpResponse<byte[]> get(String who, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .header("Authorization", "Bearer " + tokens.get(who)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
