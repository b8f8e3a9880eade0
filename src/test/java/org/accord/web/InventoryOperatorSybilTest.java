package org.accord.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.accord.TestPrincipals;
import org.accord.app.Accord;
import org.accord.app.LedgerService;
import org.accord.testing.Documents;
import org.accord.testing.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 8, Sybil operators: an ordinary member wrote deployment rows for any operator name in its
 * inventory's {@code operator} column, and so created operators at will (three Sybils fill a
 * k-anonymous cell), or wrote rows into another operator's sites. Now a row's operator is the
 * uploading organization: a row naming another is a 400 naming its line and field, nothing is stored
 * and no organization appears; the coordinator acts for an existing organization with {@code ?org=}.
 */
class InventoryOperatorSybilTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();

  private Accord open(String engine) {
    String url = engine.equals("postgresql") ? TestDatabases.freshPostgresUrl() : null;
    return Accord.open(new Accord.Config(dir, url).withLedger(new LedgerService.Options(Duration.ofMillis(50), 4096, "test.local/log")));
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void aMemberCannotWriteRowsForAnotherOrAnInventedOperator(String engine) throws Exception {
    try (Accord accord = open(engine); WebServer server = WebServer.start(accord, "127.0.0.1", 0)) {
      String aquaNet = TestPrincipals.token(accord, "AquaNet", "operator", false, "member");
      TestPrincipals.member(accord, "GridCo", org.accord.party.OrgKind.OPERATOR);
      String coordinator = TestPrincipals.token(accord, "CERT", "cert", true, "coordinator");
      int organizations = accord.parties().organizations(TestPrincipals.coordinator(accord, "CERT")).size();

      // Rows for a real other operator, and three invented ones (enough for a k = 3 cell of one's own).
      String forged = "operator,site,sector,country,criticality,product\n"
          + "AquaNet,Lyon Plant,water,FR,important,pkg:generic/acme/scada@1.0\n"
          + "GridCo,Hamburg North,energy,DE,essential,pkg:generic/acme/scada@1.0\n";
      HttpResponse<String> other = upload(server, aquaNet, "", "text/csv", forged);
      assertThat(other.statusCode()).as(other.body()).isEqualTo(400);
      JsonNode error = JSON.readTree(other.body());
      assertThat(error.path("error").asText()).contains("line 3, field operator").contains("'GridCo'").contains("'AquaNet'")
          .doesNotContain("line 2");
      assertThat(error.path("location").asText()).isEqualTo("line 3, field operator");

      String sybils = "operator,site,sector,country,criticality,product\n"
          + "Sybil One,S1,water,FR,important,pkg:generic/acme/scada@1.0\n"
          + "Sybil Two,S2,water,FR,important,pkg:generic/acme/scada@1.0\n"
          + "Sybil Three,S3,water,FR,important,pkg:generic/acme/scada@1.0\n";
      HttpResponse<String> invented = upload(server, aquaNet, "", "text/csv", sybils);
      assertThat(invented.statusCode()).isEqualTo(400);
      assertThat(invented.body()).contains("3 errors").contains("line 2, field operator").contains("line 4, field operator");

      String json = "[{\"operator\": \"Sybil Four\", \"site\": \"S4\", \"sector\": \"water\", \"country\": \"FR\","
          + " \"criticality\": \"important\", \"product\": \"pkg:generic/acme/scada@1.0\"}]";
      HttpResponse<String> jsonForged = upload(server, aquaNet, "", "application/json", json);
      assertThat(jsonForged.statusCode()).isEqualTo(400);
      assertThat(jsonForged.body()).contains("line 1, field operator").contains("Sybil Four");

      // a member acting for another organization is refused before its rows are read
      assertThat(upload(server, aquaNet, "?org=GridCo", "text/csv", Documents.inventory("scada", "GridCo")).statusCode()).isEqualTo(403);

      // nothing was stored, and no organization appeared
      assertThat(deployments(accord)).isZero();
      assertThat(accord.parties().organizations(TestPrincipals.coordinator(accord, "CERT"))).hasSize(organizations)
          .noneMatch(org -> org.name().startsWith("Sybil"));

      // one's own rows are accepted; the coordinator uploads for an existing operator with ?org=, and
      // names of organizations that do not exist are refused, never created
      assertThat(upload(server, aquaNet, "", "text/csv", Documents.inventory("scada", "AquaNet")).statusCode()).isEqualTo(201);
      assertThat(upload(server, coordinator, "", "text/csv", Documents.inventory("scada", "GridCo")).statusCode()).isEqualTo(400);
      assertThat(upload(server, coordinator, "?org=GridCo", "text/csv", Documents.inventory("scada", "GridCo")).statusCode()).isEqualTo(201);
      HttpResponse<String> unknown = upload(server, coordinator, "?org=Nowhere", "text/csv", Documents.inventory("scada", "GridCo").replace("GridCo", "Nowhere"));
      assertThat(unknown.statusCode()).isEqualTo(404);
      assertThat(deployments(accord)).isEqualTo(3);
      assertThat(accord.parties().organizations(TestPrincipals.coordinator(accord, "CERT"))).hasSize(organizations);
    }
  }

  /** Members of four operators upload their own and forged inventories at once while the log publishes. */
  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void concurrentHonestAndForgedUploads(String engine) throws Exception {
    try (Accord accord = open(engine); WebServer server = WebServer.start(accord, "127.0.0.1", 0)) {
      List<String> operators = List.of("OpA", "OpB", "OpC", "OpD");
      List<String> tokens = new ArrayList<>();
      for (String operator : operators) {
        tokens.add(TestPrincipals.token(accord, operator, "operator", false, "member"));
      }
      ExecutorService pool = Executors.newFixedThreadPool(operators.size());
      List<Future<int[]>> results = new ArrayList<>();
      for (int i = 0; i < operators.size(); i++) {
        int me = i;
        results.add(pool.submit(() -> {
          int[] statuses = new int[2];
          for (int round = 0; round < 10; round++) {
            String own = "operator,site,sector,country,criticality,product\n"
                + operators.get(me) + ",Site " + round + ",energy,DE,essential,pkg:generic/acme/p" + round + "@1.0\n";
            String victim = operators.get((me + 1) % operators.size());
            String forged = own.replace(operators.get(me) + ",", victim + ",").replace("Site ", "Forged ");
            statuses[0] += upload(server, tokens.get(me), "", "text/csv", own).statusCode() == 201 ? 1 : 0;
            statuses[1] += upload(server, tokens.get(me), "", "text/csv", forged).statusCode() == 400 ? 1 : 0;
          }
          return statuses;
        }));
      }
      for (Future<int[]> result : results) {
        assertThat(result.get()).containsExactly(10, 10);
      }
      pool.shutdown();
      assertThat(deployments(accord)).isEqualTo(40);
      long forged = accord.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM deployments WHERE site LIKE 'Forged%'")
          .mapTo(Long.class).one());
      assertThat(forged).isZero();
    }
  }

  private static long deployments(Accord accord) {
    return accord.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM deployments").mapTo(Long.class).one());
  }

  private HttpResponse<String> upload(WebServer server, String token, String query, String type, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/inventories" + query))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", type)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
