package org.accord.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.accord.app.Accord;
import org.accord.ledger.Checkpoint;
import org.accord.ledger.Hash;
import org.accord.ledger.MerkleLog;
import org.accord.ledger.NoteVerifier;
import org.accord.ledger.Receipt;
import org.accord.ledger.VerifiedReceipt;
import org.accord.ledger.Verifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerRoutesTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  final List<AutoCloseable> open = new ArrayList<>();
  final HttpClient http = HttpClient.newHttpClient();
  Accord accord;
  WebServer server;
  String coordinator;
  String member;

  @BeforeEach
  void start() {
    accord = Accord.open(new Accord.Config(dir.resolve("a"), null));
    coordinator = org.accord.TestPrincipals.token(accord, "CERT", "cert", true, "test");
    member = org.accord.TestPrincipals.token(accord, "Vendor", "vendor", false, "test");
    server = WebServer.start(accord, "127.0.0.1", 0);
    open.add(accord);
    open.add(server);
  }

  @AfterEach
  void stop() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  String base(WebServer web) {
    return "http://127.0.0.1:" + web.port();
  }

  HttpResponse<String> get(WebServer web, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base(web) + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(WebServer web, String path, String token, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base(web) + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String events(int from, int count, String subject) {
    StringBuilder body = new StringBuilder("[");
    for (int i = from; i < from + count; i++) {
      body.append(i == from ? "" : ",").append("{\"type\":\"test.event\",\"subject\":\"").append(subject)
          .append("\",\"time\":\"2025-01-01T00:00:00.000Z\",\"data\":{\"i\":").append(i).append("}}");
    }
    return body.append("]").toString();
  }

  static List<Receipt> receipts(HttpResponse<String> response) throws Exception {
    List<Receipt> receipts = new ArrayList<>();
    for (JsonNode node : JSON.readTree(response.body()).get("receipts")) {
      receipts.add(Receipt.parse(node.toString()));
    }
    return receipts;
  }

  @Test
  void appendNeedsACoordinatorAndTheLogIsPublic() throws Exception {
    assertThat(post(server, "/api/v1/log/entries", null, events(0, 1, "case:1")).statusCode()).isEqualTo(401);
    assertThat(post(server, "/api/v1/log/entries", member, events(0, 1, "case:1")).statusCode()).isEqualTo(403);
    HttpResponse<String> bad = post(server, "/api/v1/log/entries", coordinator, "[{\"type\":\"Bad Type\",\"subject\":\"s\",\"data\":{}}]");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).get("location").asText()).isEqualTo("$[0]");

    HttpResponse<String> created = post(server, "/api/v1/log/entries", coordinator, events(0, 300, "case:1"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    List<Receipt> receipts = receipts(created);
    assertThat(receipts).hasSize(300);
    JsonNode key = JSON.readTree(get(server, "/api/v1/log/key").body());
    NoteVerifier verifier = NoteVerifier.parse(key.get("verifier_key").asText());
    for (Receipt receipt : List.of(receipts.get(0), receipts.get(299))) {
      Verifier.verifyReceipt(receipt, verifier);
    }
    HttpResponse<String> secret = post(server, "/api/v1/log/entries", coordinator,
        "{\"type\":\"audit.note\",\"subject\":\"case:1\",\"private\":true,\"data\":{\"embargoed\":\"yes\"}}");
    Receipt privateReceipt = receipts(secret).get(0);
    VerifiedReceipt opened = Verifier.verifyReceipt(privateReceipt, verifier);
    assertThat(opened.committed()).isTrue();
    assertThat(opened.event().orElseThrow().event().data()).containsEntry("embargoed", "yes");

    accord.ledger().publish();
    HttpResponse<String> checkpoint = get(server, "/log/checkpoint");
    assertThat(checkpoint.statusCode()).isEqualTo(200);
    assertThat(checkpoint.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
    Checkpoint head = Verifier.verifyCheckpoint(checkpoint.body(), verifier);
    assertThat(head.size()).isEqualTo(301);

    HttpResponse<String> publicReceipt = get(server, "/api/v1/log/receipts/" + privateReceipt.index());
    assertThat(publicReceipt.body()).doesNotContain("embargoed").doesNotContain("salt");
    assertThat(Verifier.verifyReceipt(publicReceipt.body(), verifier).event()).isEmpty();
    HttpResponse<String> tlogProof = get(server, "/api/v1/log/receipts/7?format=tlog-proof");
    assertThat(tlogProof.body()).startsWith("c2sp.org/tlog-proof@v1\nextra ");
    Verifier.verifyReceipt(tlogProof.body(), verifier);

    JsonNode inclusion = JSON.readTree(get(server, "/api/v1/log/proof/inclusion?index=5&size=301").body());
    MerkleLog.verifyInclusion(5, 301, receipts.get(5).leafHash(), hashes(inclusion), head.root());
    JsonNode consistency = JSON.readTree(get(server, "/api/v1/log/proof/consistency?from=100&to=301").body());
    // Entry 99's receipt proves against the checkpoint of the batch that took it: all 300 entries if the
    // writer took them at once, fewer if it cut the batch (timing decides, so the size is read, not assumed).
    Checkpoint at100 = Verifier.readCheckpoint(receipts.get(99).checkpoint());
    assertThat(at100.size()).isBetween(100L, 300L);
    JsonNode consistencyThen = JSON.readTree(get(server, "/api/v1/log/proof/consistency?from=" + at100.size()).body());
    MerkleLog.verifyConsistency(at100.size(), 301, hashes(consistencyThen), at100.root(), head.root());
    assertThat(consistency.get("proof").size()).isPositive();

    assertThat(get(server, "/api/v1/log/proof/inclusion?index=301&size=301").statusCode()).isEqualTo(400);
    assertThat(get(server, "/api/v1/log/proof/consistency?from=0&to=5").statusCode()).isEqualTo(400);
    assertThat(get(server, "/api/v1/log/proof/inclusion?index=x").statusCode()).isEqualTo(400);
    assertThat(get(server, "/log/tile/0/x000/001").statusCode()).isEqualTo(404);
    assertThat(get(server, "/log/tile/0/005").statusCode()).isEqualTo(404);
    HttpResponse<byte[]> tile = http.send(HttpRequest.newBuilder(URI.create(base(server) + "/log/tile/0/001.p/45")).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(tile.statusCode()).isEqualTo(200);
    assertThat(tile.body()).hasSize(45 * 32);
    assertThat(tile.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable");

    Path vkey = dir.resolve("vkey");
    Files.writeString(vkey, verifier.format());
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    int exit = org.accord.cli.Main.run(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true),
        "verify", "log", base(server) + "/log", "--key", vkey.toString());
    assertThat(exit).as("exit code; stderr: %s", err).isZero();
    assertThat(out.toString()).startsWith("OK: ").contains("root matches the signed checkpoint");
  }

  /** Issue item 6: a server that serves a checkpoint forking from one the auditor saw is caught. */
  @Test
  void aForkedLogIsCaughtByTheAuditor() throws Exception {
    List<Receipt> honest = receipts(post(server, "/api/v1/log/entries", coordinator, events(0, 500, "case:1")));
    accord.ledger().publish();
    String seen = get(server, "/log/checkpoint").body();
    NoteVerifier verifier = accord.ledger().verifierKey();

    // A second instance with the same key, the same first 400 events, then a different history.
    Path forkDir = dir.resolve("fork");
    Files.createDirectories(forkDir);
    Files.copy(dir.resolve("a").resolve("ledger.key"), forkDir.resolve("ledger.key"));
    Accord forkAccord = Accord.open(new Accord.Config(forkDir, null));
    open.add(forkAccord);
    String forkToken = org.accord.TestPrincipals.token(forkAccord, "CERT", "cert", true, "test");
    WebServer fork = WebServer.start(forkAccord, "127.0.0.1", 0);
    open.add(fork);
    receipts(post(fork, "/api/v1/log/entries", forkToken, events(0, 400, "case:1")));
    receipts(post(fork, "/api/v1/log/entries", forkToken, events(10_000, 300, "case:1")));
    forkAccord.ledger().publish();
    String forked = get(fork, "/log/checkpoint").body();
    assertThat(Verifier.verifyCheckpoint(forked, verifier).size()).isEqualTo(700);

    Path seenFile = dir.resolve("seen.txt");
    Path forkedFile = dir.resolve("forked.txt");
    Path proofFile = dir.resolve("proof.json");
    Path vkey = dir.resolve("vkey");
    Files.writeString(seenFile, seen);
    Files.writeString(forkedFile, forked);
    Files.writeString(proofFile, get(fork, "/api/v1/log/proof/consistency?from=500&to=700").body());
    Files.writeString(vkey, verifier.format());
    java.io.StringWriter err = new java.io.StringWriter();
    int exit = org.accord.cli.Main.run(new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err, true),
        "verify", "consistency", seenFile.toString(), forkedFile.toString(), "--proof", proofFile.toString(), "--key", vkey.toString());
    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains("forked");

    java.io.StringWriter err2 = new java.io.StringWriter();
    int audit = org.accord.cli.Main.run(new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err2, true),
        "verify", "log", base(fork) + "/log", "--key", vkey.toString(), "--previous", seenFile.toString());
    assertThat(audit).isEqualTo(1);
    assertThat(err2.toString()).contains("the log has forked");

    // Every receipt of the honest log beyond the shared prefix fails against the forked tree.
    Checkpoint forkHead = Verifier.verifyCheckpoint(forked, verifier);
    Receipt late = honest.get(450);
    JsonNode proof = JSON.readTree(get(fork, "/api/v1/log/proof/inclusion?index=450&size=700").body());
    org.assertj.core.api.Assertions.assertThatThrownBy(() ->
        MerkleLog.verifyInclusion(450, 700, late.leafHash(), hashes(proof), forkHead.root()))
        .hasMessageContaining("does not lead to the root");
  }

  static List<Hash> hashes(JsonNode body) {
    List<Hash> hashes = new ArrayList<>();
    for (JsonNode hash : body.get("proof")) {
      hashes.add(Hash.fromBase64(hash.asText()));
    }
    return hashes;
  }
}
