package org.accord.web.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.accord.app.Accord;
import org.accord.testing.Documents;
import org.accord.web.WebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /healthz}, {@code /readyz}, {@code /metrics} and the change-feed headers on one SQLite instance (ADRs 0146, 0147). */
class OpsRoutesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  private Accord accord;
  private WebServer server;
  private String token;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    accord = Accord.open(new Accord.Config(dir, null));
    server = WebServer.start(accord, "127.0.0.1", 0);
    token = org.accord.TestPrincipals.token(accord, "Pump Co", "vendor", false, "test");
  }

  @AfterEach
  void stop() {
    server.close();
    accord.close();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).header("Authorization", "Bearer " + token);
  }

  @Test
  void aWriteNamesItsChangeAndAReadAfterItIsAnswered() throws Exception {
    HttpResponse<String> upload = send(request("/api/v1/sboms").POST(HttpRequest.BodyPublishers.ofString(Documents.cycloneDx("pump", "2.1.0"))));
    assertThat(upload.statusCode()).isEqualTo(201);
    long change = Long.parseLong(upload.headers().firstValue("X-Accord-Change").orElseThrow());
    assertThat(change).isGreaterThanOrEqualTo(1);
    HttpResponse<String> read = send(request("/api/v1/where-used?purl=pkg:maven/org.libra/libracore").header("X-Accord-After", Long.toString(change)));
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(Long.parseLong(read.headers().firstValue("X-Accord-Applied").orElseThrow())).isGreaterThanOrEqualTo(change);
    assertThat(read.headers().firstValue("X-Accord-Change")).isEmpty();
    JsonNode health = JSON.readTree(send(request("/healthz")).body());
    assertThat(health.get("applied").asLong()).isEqualTo(change);
    assertThat(health.get("leads").get("log_writer").asBoolean()).isTrue();
  }

  @Test
  void aChangeThisReplicaHasNotAppliedIsAStale503AfterTheBoundedWait() throws Exception {
    long started = System.nanoTime();
    HttpResponse<String> stale = send(request("/api/v1/where-used?purl=pkg:maven/org.libra/libracore").header("X-Accord-After", "999999"));
    double seconds = (System.nanoTime() - started) / 1e9;
    assertThat(stale.statusCode()).isEqualTo(503);
    assertThat(stale.headers().firstValue("Retry-After")).contains("1");
    JsonNode body = JSON.readTree(stale.body());
    assertThat(body.get("error").asText()).startsWith("stale: this replica has applied change 0");
    assertThat(body.get("after").asLong()).isEqualTo(999999);
    assertThat(body.get("location").asText()).isEqualTo("X-Accord-After");
    assertThat(seconds).isBetween(OpsRoutes.AFTER_WAIT.toMillis() / 1000.0 - 0.1, 30.0);
    HttpResponse<String> bad = send(request("/api/v1/where-used?purl=pkg:maven/org.libra/libracore").header("X-Accord-After", "soon"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("X-Accord-After");
  }

  @Test
  void readinessAndMetricsAndDraining() throws Exception {
    HttpResponse<String> ready = send(request("/readyz"));
    assertThat(ready.statusCode()).isEqualTo(200);
    send(request("/api/v1/where-used?purl=pkg:maven/org.libra/libracore"));
    HttpResponse<String> metrics = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics")));
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/where-used\",status=\"200\"}")
        .contains("accord_leader{job=\"log_writer\"} 1.0")
        .contains("accord_changes_applied ")
        .contains("accord_outbox_depth ")
        .contains("accord_log_checkpoint_age_seconds ");
    server.drain(Duration.ZERO);
    HttpResponse<String> draining = send(request("/readyz"));
    assertThat(draining.statusCode()).isEqualTo(503);
    assertThat(JSON.readTree(draining.body()).get("reason").asText()).startsWith("shutting down");
    assertThat(send(request("/healthz")).statusCode()).isEqualTo(200);
  }
}
