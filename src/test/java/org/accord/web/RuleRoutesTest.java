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
import java.nio.file.Path;
import org.accord.jurisdiction.RuleBook;
import org.accord.jurisdiction.RulePack;
import org.accord.jurisdiction.RulePackReader;
import org.accord.web.MatrixWorld.Who;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/v1/rules[/{id}]}: shipped and instance packs, the pack as its file holds it, 404 and 401. */
class RuleRoutesTest {
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

  HttpResponse<String> get(String token, String path) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + world.server.port() + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void membersReadShippedAndInstancePacks() throws Exception {
    Path rules = Files.createDirectories(dir.resolve("rules"));
    Files.writeString(rules.resolve("sanctions.yaml"), """
        id: sanctions
        kind: sanctions
        title: Our sanctions list
        jurisdictions: []
        source:
          title: Council Regulation (EU) No 833/2014
        checked: "2026-12-03"
        overrides: true
        blocked:
          - country: RU
            source: Council Regulation (EU) No 833/2014
        """, StandardCharsets.UTF_8);
    world = new MatrixWorld("sqlite", dir);
    String member = world.credentials.get(Who.MEMBER_B);

    HttpResponse<String> list = get(member, "/api/v1/rules");
    assertThat(list.statusCode()).isEqualTo(200);
    JsonNode packs = JSON.readTree(list.body()).path("packs");
    assertThat(packs).extracting(p -> p.path("id").asText())
        .containsExactly("cn-rmsv", "disclosure-policies", "eu-cra", "eu-nis2", "sanctions");
    JsonNode sanctions = packs.get(4);
    assertThat(sanctions.path("origin").asText()).isEqualTo("instance");
    assertThat(sanctions.path("file").asText()).as("the file's name, not the server's path").isEqualTo("sanctions.yaml");
    assertThat(sanctions.path("replaces_shipped").asBoolean()).isTrue();
    assertThat(sanctions.path("blocked").asInt()).isEqualTo(1);
    assertThat(packs.get(2).path("source").asText()).startsWith("Regulation (EU) 2024/2847");
    assertThat(packs.get(2).path("checked").asText()).isEqualTo("2026-12-03");

    HttpResponse<String> cra = get(member, "/api/v1/rules/eu-cra");
    assertThat(cra.statusCode()).isEqualTo(200);
    JsonNode shown = JSON.readTree(cra.body());
    assertThat(shown.path("origin").asText()).isEqualTo("shipped");
    // The pack in the answer is a valid pack file, equal to the shipped one.
    RulePack pack = RulePackReader.read("eu-cra.json", JSON.writeValueAsBytes(shown.path("pack")));
    assertThat(pack).isEqualTo(RuleBook.shippedOnly().pack("eu-cra").orElseThrow().pack());

    HttpResponse<String> missing = get(member, "/api/v1/rules/xx-gone");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(missing.body()).path("error").asText()).contains("xx-gone");
    assertThat(get(null, "/api/v1/rules").statusCode()).isEqualTo(401);
  }
}
