package org.accord.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.accord.TestPrincipals;
import org.accord.app.Accord;
import org.accord.app.Advisories;
import org.accord.app.LedgerService;
import org.accord.app.Viewer;
import org.accord.party.Principal;
import org.accord.testing.Documents;
import org.accord.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Advisory id squatting (issue 8, ADR 0100): the first importer of a public advisory id used to block
 * everyone else's import of it. Now records of one id from different organizations are kept side by
 * side, each with its source, and an organization replaces only its own. Attacked through the API as
 * a member of another organization, on every engine.
 */
class AdvisorySquattingTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String ID = "GHSA-squa-tted-0001";
  static final String CVE = "CVE-2026-40001";
  static final String LIBRA_2_1 = "pkg:maven/org.libra/libracore@2.1.0";

  @TempDir Path dir;
  Accord accord;
  WebServer server;
  final HttpClient http = HttpClient.newHttpClient();

  void open(String engine) {
    String url = engine.equals("postgresql") ? TestDatabases.freshPostgresUrl() : null;
    accord = Accord.open(new Accord.Config(dir, url).withLedger(new LedgerService.Options(Duration.ofMillis(50), 4096, "test.local/log")));
    accord.ledger(); // the log writer's background threads run throughout
    server = WebServer.start(accord, "127.0.0.1", 0);
  }

  @AfterEach
  void close() {
    if (server != null) {
      server.close();
    }
    if (accord != null) {
      accord.close();
    }
  }

  /** The vendor's real advisory: libracore [2.0, 2.3.4), which scada's libracore 2.1.0 is in. */
  static String real(String summary) {
    return Documents.osv(ID, CVE).replace("LibraCore deserialization", summary);
  }

  /** The squatter's record: a range no version reaches, so its findings would say nothing is affected. */
  static String squatted(String summary) {
    return real(summary).replace("{\"introduced\": \"2.0\"}", "{\"introduced\": \"9.0\"}");
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void anotherOrganizationsImportOfTheSameIdIsKeptBesideItAndReplacesOnlyItsOwn(String engine) throws Exception {
    open(engine);
    String alpha = TestPrincipals.token(accord, "Alpha", "vendor", false, "test");
    String bravo = TestPrincipals.token(accord, "Bravo", "vendor", false, "test");
    String carol = TestPrincipals.token(accord, "Carol", "vendor", false, "test");
    TestPrincipals.owner(accord, "Alpha", "pkg:generic/acme/scada"); // Alpha supplies scada (an approved claim)
    assertThat(post("/api/v1/sboms", alpha, "application/json", Documents.cycloneDx("scada", "2.1.0")).statusCode()).isEqualTo(201);

    // Bravo squats the id first; Alpha's import is accepted and stored beside it, not refused.
    JsonNode squat = JSON.readTree(post("/api/v1/advisories", bravo, "application/json", squatted("Squatted")).body());
    assertThat(squat.path("source").asText()).isEqualTo("Bravo");
    HttpResponse<String> imported = post("/api/v1/advisories", alpha, "application/json", real("Alpha's advisory"));
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
    JsonNode alphaImport = JSON.readTree(imported.body());
    assertThat(alphaImport.path("source").asText()).isEqualTo("Alpha");
    assertThat(alphaImport.path("replaced").asBoolean()).as("Bravo's record is not replaced").isFalse();
    assertThat(alphaImport.path("matched").asInt()).isEqualTo(1);
    // Carol keeps a private record of the id: hidden from Alpha and Bravo everywhere.
    assertThat(post("/api/v1/advisories?private=true", carol, "application/json", real("Carol's private")).statusCode()).isEqualTo(201);

    // Alpha's lookup shows both public records, each with its source, Alpha's own first.
    JsonNode shown = JSON.readTree(get("/api/v1/advisories/" + CVE, alpha).body());
    assertThat(shown.path("id").asText()).isEqualTo(ID);
    assertThat(texts(shown.path("sources"))).containsExactly("Alpha", "Bravo");
    JsonNode own = shown.path("records").get(0);
    assertThat(own.path("source").asText()).isEqualTo("Alpha");
    assertThat(own.path("summary").asText()).isEqualTo("Alpha's advisory");
    assertThat(texts(own.path("matched"))).containsExactly(LIBRA_2_1);
    assertThat(shown.path("records").get(1).path("matched")).isEmpty();
    assertThat(get("/api/v1/advisories/" + ID, alpha).body()).doesNotContain("Carol");
    JsonNode picked = JSON.readTree(get("/api/v1/advisories/" + ID + "?source=Bravo", alpha).body());
    assertThat(texts(picked.path("sources"))).containsExactly("Bravo");
    // An invisible source (Carol's private record) answers exactly as an unknown one.
    HttpResponse<String> invisible = get("/api/v1/advisories/" + ID + "?source=Carol", alpha);
    HttpResponse<String> unknown = get("/api/v1/advisories/" + ID + "?source=Nobody", alpha);
    assertThat(invisible.statusCode()).isEqualTo(404);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(invisible.body()).isEqualTo(unknown.body());
    assertThat(JSON.readTree(get("/api/v1/advisories/" + ID, carol).body()).path("sources").toString())
        .isEqualTo("[\"Carol\",\"Alpha\",\"Bravo\"]");

    // Lists carry the source per row.
    JsonNode listed = JSON.readTree(get("/api/v1/advisories?id=" + ID, bravo).body()).path("advisories");
    List<String> rows = new ArrayList<>();
    listed.forEach(row -> rows.add(row.path("source").asText() + "/" + row.path("visibility").asText()));
    assertThat(rows).containsExactlyInAnyOrder("Alpha/public", "Bravo/public");

    // Findings: one entry per source, never merged, never dropped; Alpha's record finds scada.
    JsonNode findings = JSON.readTree(get("/api/v1/findings?advisory=" + ID, alpha).body()).path("advisories");
    assertThat(findings).hasSize(2);
    for (JsonNode entry : findings) {
      assertThat(entry.path("findings")).hasSize(entry.path("source").asText().equals("Alpha") ? 1 : 0);
    }
    JsonNode alphaOnly = JSON.readTree(get("/api/v1/findings?advisory=" + ID + "&source=Alpha", alpha).body());
    assertThat(alphaOnly.path("advisories")).hasSize(1);
    assertThat(alphaOnly.path("advisories").get(0).path("source").asText()).isEqualTo("Alpha");
    assertThat(get("/api/v1/findings?advisory=" + ID + "&source=Carol", alpha).body()).isEqualTo(unknown.body());

    // Triage combines both sources, each unit naming what it rests on; source= picks one.
    JsonNode triage = JSON.readTree(get("/api/v1/triage?advisory=" + ID + "&as=supplier", alpha).body());
    assertThat(texts(triage.path("sources"))).containsExactly("Alpha", "Bravo");
    assertThat(triage.path("ranked")).hasSize(1);
    assertThat(texts(triage.path("ranked").get(0).path("sources"))).containsExactly("Alpha");
    assertThat(triage.path("notes").toString()).contains("combines the records of 2 sources");
    JsonNode bravoTriage = JSON.readTree(get("/api/v1/triage?advisory=" + ID + "&as=supplier&source=Bravo", alpha).body());
    assertThat(bravoTriage.path("ranked")).isEmpty();

    // A single-record export names the sources instead of picking one; source= picks.
    HttpResponse<String> ambiguous = get("/api/v1/advisories/" + ID + "?format=osv", alpha);
    assertThat(ambiguous.statusCode()).isEqualTo(400);
    assertThat(ambiguous.body()).contains("Alpha, Bravo").contains("source").doesNotContain("Carol");
    HttpResponse<String> exported = get("/api/v1/advisories/" + ID + "?format=osv&source=Alpha", alpha);
    assertThat(exported.statusCode()).isEqualTo(200);
    assertThat(exported.body()).contains("Alpha's advisory");

    // Bravo's re-import replaces only Bravo's record; its withdrawal withdraws only Bravo's.
    String alphaSha = alphaImport.path("sha256").asText();
    JsonNode again = JSON.readTree(post("/api/v1/advisories", bravo, "application/json", squatted("Squatted again")).body());
    assertThat(again.path("replaced").asBoolean()).isTrue();
    assertThat(again.path("source").asText()).isEqualTo("Bravo");
    String withdrawn = squatted("Withdrawn").replace("\"modified\"", "\"withdrawn\": \"2025-08-09T00:00:00Z\", \"modified\"");
    assertThat(JSON.readTree(post("/api/v1/advisories", bravo, "application/json", withdrawn).body()).path("replaced").asBoolean()).isTrue();
    // Bravo cannot replace Alpha's record with Alpha's own bytes either: they become Bravo's record.
    assertThat(JSON.readTree(post("/api/v1/advisories", bravo, "application/json", real("Alpha's advisory")).body())
        .path("source").asText()).isEqualTo("Bravo");
    JsonNode after = JSON.readTree(get("/api/v1/advisories/" + ID + "?source=Alpha", alpha).body()).path("records");
    assertThat(after).hasSize(1);
    assertThat(after.get(0).path("summary").asText()).isEqualTo("Alpha's advisory");
    assertThat(after.get(0).path("withdrawn").asText()).isEmpty();
    assertThat(texts(after.get(0).path("matched"))).containsExactly(LIBRA_2_1);
    assertThat(JSON.readTree(get("/api/v1/advisories?id=" + ID, alpha).body()).path("advisories")).hasSize(2);
    // Alpha's duplicate is a duplicate of its own record, whatever Bravo stored.
    HttpResponse<String> duplicate = post("/api/v1/advisories", alpha, "application/json", real("Alpha's advisory"));
    assertThat(duplicate.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(duplicate.body()).path("sha256").asText()).isEqualTo(alphaSha);
    // And there is no route to delete anyone's advisory.
    assertThat(send("DELETE", "/api/v1/advisories/" + ID, bravo, null, null).statusCode()).isGreaterThanOrEqualTo(400);
    assertThat(JSON.readTree(get("/api/v1/advisories/" + ID, alpha).body()).path("records")).hasSize(2);

    // A researcher (an organization others may not know takes part) publishing the id is a source too,
    // shown to others as "unlisted #1", never by name.
    String dana = TestPrincipals.token(accord, "Dana Research", "researcher", false, "test");
    assertThat(post("/api/v1/advisories", dana, "application/json", real("Dana's")).statusCode()).isEqualTo(201);
    HttpResponse<String> withDana = get("/api/v1/advisories/" + ID, alpha);
    assertThat(withDana.body()).doesNotContain("Dana Research");
    assertThat(texts(JSON.readTree(withDana.body()).path("sources"))).containsExactly("Alpha", "Bravo", "unlisted #1");
    assertThat(get("/api/v1/advisories?id=" + ID, alpha).body()).doesNotContain("Dana Research").contains("unlisted #1");
    assertThat(get("/api/v1/findings?advisory=" + ID, alpha).body()).doesNotContain("Dana Research");
    assertThat(get("/api/v1/triage?advisory=" + ID + "&as=supplier", alpha).body()).doesNotContain("Dana Research");
    assertThat(JSON.readTree(get("/api/v1/advisories/" + ID + "?source=unlisted%20%231", alpha).body()).path("records").get(0)
        .path("summary").asText()).isEqualTo("Dana's");
    assertThat(get("/api/v1/advisories/" + ID + "?source=Dana%20Research", alpha).body()).isEqualTo(unknown.body());
    assertThat(texts(JSON.readTree(get("/api/v1/advisories/" + ID, dana).body()).path("sources"))).containsExactly("Dana Research", "Alpha", "Bravo");
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void fourOrganizationsImportingOneIdAtOnceEndWithFourRecords(String engine) throws Exception {
    open(engine);
    List<String> names = List.of("Org One", "Org Two", "Org Three", "Org Four");
    List<Principal> importers = new ArrayList<>();
    for (String name : names) {
      importers.add(TestPrincipals.member(accord, name));
    }
    long logBefore = accord.ledger().size();
    int rounds = 5;
    CyclicBarrier start = new CyclicBarrier(names.size());
    Set<Long> indexes = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(names.size());
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < names.size(); t++) {
        Principal importer = importers.get(t);
        futures.add(pool.submit(() -> {
          start.await();
          for (int round = 0; round < rounds; round++) {
            String document = real(importer.organization().name() + " round " + round);
            Advisories.Imported imported =
                accord.advisories().ingest(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)), importer, false);
            assertThat(imported.source()).isEqualTo(importer.organization().name());
            assertThat(imported.duplicate()).isFalse();
            assertThat(imported.replaced()).isEqualTo(round > 0);
            indexes.add(imported.ledgerIndex());
          }
          return null;
        }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
    Advisories.Shown shown = accord.advisories().show(ID, Viewer.local(false));
    assertThat(shown.records()).hasSize(4);
    assertThat(shown.sources()).containsExactlyInAnyOrderElementsOf(names);
    for (Advisories.View view : shown.records()) {
      assertThat(view.summary()).as("each organization's last import stands").isEqualTo(view.source() + " round " + (rounds - 1));
      assertThat(view.visibility()).isEqualTo("public");
    }
    // Every import was logged through the outbox, none lost.
    assertThat(indexes).hasSize(names.size() * rounds).allMatch(index -> index >= 0);
    assertThat(accord.ledger().size() - logBefore).isEqualTo(names.size() * rounds);
  }

  static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  HttpResponse<String> get(String path, String token) throws Exception {
    return send("GET", path, token, null, null);
  }

  HttpResponse<String> post(String path, String token, String contentType, String body) throws Exception {
    return send("POST", path, token, contentType, body);
  }

  HttpResponse<String> send(String method, String path, String token, String contentType, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .header("Authorization", "Bearer " + token)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
