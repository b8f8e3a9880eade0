package org.accord.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.accord.app.Accord;
import org.accord.app.EventNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, "Forgery": nobody, not even a coordinator, appends an event of a type Accord writes itself
 * ({@code sbom.ingested}, {@code org.created}, …) through {@code POST /api/v1/log/entries}; the 400
 * names the type, and a batch holding one such event appends nothing (ADR 0086).
 */
class ReservedEventTypesTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  final HttpClient http = HttpClient.newHttpClient();
  Accord accord;
  WebServer server;
  String coordinator;

  @BeforeEach
  void start() {
    accord = Accord.open(new Accord.Config(dir, null));
    coordinator = org.accord.TestPrincipals.token(accord, "CERT", "cert", true, "test");
    server = WebServer.start(accord, "127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    server.close();
    accord.close();
  }

  HttpResponse<String> post(String query, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/log/entries" + query))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + coordinator)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void everyNamespaceAccordWritesIsRefusedByName() throws Exception {
    long before = accord.ledger().size();
    for (EventNamespace namespace : EventNamespace.values()) {
      for (String type : new String[] {namespace.prefix() + ".forged", namespace.prefix()}) {
        HttpResponse<String> refused = post("", "{\"type\":\"" + type + "\",\"subject\":\"x:1\",\"data\":{}}");
        assertThat(refused.statusCode()).as(type).isEqualTo(400);
        JsonNode error = JSON.readTree(refused.body());
        assertThat(error.toString()).as(type).contains("'" + type + "'").contains("Accord writes itself");
      }
    }
    HttpResponse<String> byDefault = post("?type=sbom.ingested&subject=product:acme", "{\"sha256\":\"00\"}");
    assertThat(byDefault.statusCode()).as("a type given as the query's default").isEqualTo(400);
    assertThat(byDefault.body()).contains("sbom.ingested");

    HttpResponse<String> mixed = post("", "[{\"type\":\"audit.note\",\"subject\":\"x:1\",\"data\":{}},"
        + "{\"type\":\"org.created\",\"subject\":\"org:Sybil\",\"data\":{\"organization\":\"Sybil\"}}]");
    assertThat(mixed.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(mixed.body()).get("location").asText()).isEqualTo("$[1]");
    assertThat(accord.ledger().size()).as("nothing of a refused batch is appended").isEqualTo(before);

    HttpResponse<String> lookalike = post("", "[{\"type\":\"sbomx.ingested\",\"subject\":\"x:1\",\"data\":{}},"
        + "{\"type\":\"audit.org\",\"subject\":\"x:1\",\"data\":{}}]");
    assertThat(lookalike.statusCode()).as("only whole namespaces are reserved").isEqualTo(201);
    assertThat(accord.ledger().size()).isEqualTo(before + 2);
  }
}
