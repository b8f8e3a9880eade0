package org.accord.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accord.ledger.Checkpoint;
import org.accord.ledger.EntryBundle;
import org.accord.ledger.Hash;
import org.accord.ledger.MerkleLog;
import org.accord.ledger.NoteVerifier;
import org.accord.ledger.Receipt;
import org.accord.ledger.TileId;
import org.accord.ledger.TileSource;
import org.accord.ledger.Verifier;
import org.accord.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue item 7: {@code accord serve} is killed with SIGKILL while a client appends at full speed;
 * after a restart every receipt the client was given is still in the log, and the checkpoint seen
 * before the crash is consistent with the ones after it. Runs the packaged jar.
 */
class LedgerCrashIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern URL = Pattern.compile("\"url\"\\s*:\\s*\"(http://[^\"]+)\"");
  private static final int CLIENTS = 3;
  private static final int BATCH = 200;

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void sqliteSurvivesKill9() throws Exception {
    crashAndRecover(null);
  }

  @Test
  void postgresqlSurvivesKill9() throws Exception {
    assumeTrue(TestDatabases.pgUrl() != null, "ACCORD_TEST_PG_URL is not set; skipping the PostgreSQL crash test");
    crashAndRecover(TestDatabases.freshPostgresUrl());
  }

  private void crashAndRecover(String dbUrl) throws Exception {
    Path jar = Path.of(System.getProperty("accord.jar", "target/accord.jar"));
    assertThat(jar).as("the packaged jar (mvn package)").exists();
    List<String> base = new ArrayList<>(List.of("java", "-Xmx512m", "-jar", jar.toString(), "--data", dir.resolve("data").toString()));
    if (dbUrl != null) {
      base.addAll(List.of("--db", dbUrl));
    }
    runToCompletion(base, "org", "create", "CrashTest", "--kind", "cert");
    String created = runToCompletion(base, "token", "create", "--org", "CrashTest", "--coordinator");
    Matcher secret = Pattern.compile("accord_[A-Za-z0-9_-]+").matcher(created);
    assertThat(secret.find()).as(created).isTrue();
    String token = secret.group();

    Process first = serve(base, "first");
    String url = awaitUrl(first, "first");
    NoteVerifier key = NoteVerifier.parse(JSON.readTree(get(url + "api/v1/log/key")).get("verifier_key").asText());

    ConcurrentLinkedQueue<Receipt> receipts = new ConcurrentLinkedQueue<>();
    AtomicReference<String> lastSeen = new AtomicReference<>(get(url + "log/checkpoint"));
    AtomicBoolean running = new AtomicBoolean(true);
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      Thread thread = new Thread(() -> append(url, token, client, receipts, running));
      thread.start();
      clients.add(thread);
    }
    Thread watcher = new Thread(() -> {
      while (running.get()) {
        try {
          lastSeen.set(get(url + "log/checkpoint"));
          Thread.sleep(50);
        } catch (Exception e) {
          return;
        }
      }
    });
    watcher.start();
    long deadline = System.currentTimeMillis() + 15_000;
    while (receipts.size() < 5_000 && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    Thread.sleep(500);
    // Mid-stream: the clients are still posting.
    first.destroyForcibly();
    assertThat(first.waitFor(20, TimeUnit.SECONDS)).isTrue();
    running.set(false);
    for (Thread client : clients) {
      client.join();
    }
    watcher.join();
    String beforeCrash = lastSeen.get();
    assertThat(receipts).as("receipts before the crash").hasSizeGreaterThan(1000);

    Process second = serve(base, "second");
    try {
      String url2 = awaitUrl(second, "second");
      Checkpoint seen = Verifier.verifyCheckpoint(beforeCrash, key);
      Checkpoint firstAfter = Verifier.verifyCheckpoint(get(url2 + "log/checkpoint"), key);
      assertThat(firstAfter.size()).isGreaterThanOrEqualTo(seen.size());
      verifyConsistency(url2, seen, firstAfter);

      // Every receipt verifies against its own checkpoint (signature checked once per checkpoint).
      Map<String, Checkpoint> checkpoints = new HashMap<>();
      long newest = 0;
      for (Receipt receipt : receipts) {
        Checkpoint checkpoint = checkpoints.get(receipt.checkpoint());
        if (checkpoint == null) {
          checkpoint = Verifier.verifyCheckpoint(receipt.checkpoint(), key);
          checkpoints.put(receipt.checkpoint(), checkpoint);
        }
        MerkleLog.verifyInclusion(receipt.index(), checkpoint.size(), receipt.leafHash(), receipt.proof(), checkpoint.root());
        newest = Math.max(newest, checkpoint.size());
      }
      // The restarted log publishes everything that was committed, and it extends what every receipt saw.
      Checkpoint after = awaitPublished(url2, key, newest);
      verifyConsistency(url2, firstAfter, after);
      for (Checkpoint checkpoint : checkpoints.values()) {
        verifyConsistency(url2, checkpoint, after);
      }
      // The whole log recomputes to the new checkpoint and still contains the one seen before the crash.
      TileSource tiles = path -> fetch(url2 + "log/" + path);
      Verifier.verifyLog(tiles, key, Optional.of(seen));
      // Every receipted entry is in the log at its index, byte for byte.
      Map<Long, List<byte[]>> bundles = new HashMap<>();
      for (Receipt receipt : receipts) {
        long bundle = receipt.index() / TileId.FULL_WIDTH;
        List<byte[]> entries = bundles.computeIfAbsent(bundle, b -> bundle(tiles, b, after.size()));
        assertThat(Arrays.equals(entries.get((int) (receipt.index() % TileId.FULL_WIDTH)), receipt.entry()))
            .as("entry %d is the receipted one", receipt.index()).isTrue();
      }
      // And the log keeps going.
      String more = post(url2, token, "[{\"type\":\"crash.after\",\"subject\":\"client:0\",\"data\":{\"n\":1}}]");
      Receipt next = Receipt.parse(JSON.readTree(more).get("receipts").get(0).toString());
      assertThat(next.index()).isGreaterThanOrEqualTo(after.size());
      assertThat(Verifier.verifyReceipt(next, key).event().orElseThrow().previous()).isPresent();
      System.out.printf("crash test (%s): %d receipts before kill -9, %d checkpoints, log %d -> %d entries, all verified%n",
          dbUrl == null ? "sqlite" : "postgresql", receipts.size(), checkpoints.size(), seen.size(), after.size());
    } finally {
      second.destroy();
      if (!second.waitFor(20, TimeUnit.SECONDS)) {
        second.destroyForcibly();
      }
    }
  }

  private void append(String url, String token, int client, ConcurrentLinkedQueue<Receipt> receipts, AtomicBoolean running) {
    int n = 0;
    while (running.get()) {
      StringBuilder body = new StringBuilder("[");
      for (int i = 0; i < BATCH; i++) {
        body.append(i == 0 ? "" : ",").append("{\"type\":\"crash.append\",\"subject\":\"client:").append(client)
            .append("\",\"data\":{\"n\":").append(n++).append("}}");
      }
      String response;
      try {
        response = post(url, token, body.append("]").toString());
      } catch (IOException | InterruptedException e) {
        return;
      }
      try {
        for (JsonNode receipt : JSON.readTree(response).get("receipts")) {
          receipts.add(Receipt.parse(receipt.toString()));
        }
      } catch (Exception e) {
        throw new IllegalStateException("bad response: " + response, e);
      }
    }
  }

  private void verifyConsistency(String url, Checkpoint older, Checkpoint newer) throws Exception {
    if (older.size() == 0) {
      return;
    }
    JsonNode proof = JSON.readTree(get(url + "api/v1/log/proof/consistency?from=" + older.size() + "&to=" + newer.size()));
    List<Hash> hashes = new ArrayList<>();
    for (JsonNode hash : proof.get("proof")) {
      hashes.add(Hash.fromBase64(hash.asText()));
    }
    MerkleLog.verifyConsistency(older.size(), newer.size(), hashes, older.root(), newer.root());
  }

  private Checkpoint awaitPublished(String url, NoteVerifier key, long size) throws Exception {
    long deadline = System.currentTimeMillis() + 10_000;
    while (true) {
      Checkpoint checkpoint = Verifier.verifyCheckpoint(get(url + "log/checkpoint"), key);
      if (checkpoint.size() >= size) {
        return checkpoint;
      }
      assertThat(System.currentTimeMillis()).as("a checkpoint of size %d is published", size).isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private static List<byte[]> bundle(TileSource tiles, long index, long size) {
    int width = (int) Math.min(TileId.FULL_WIDTH, size - index * TileId.FULL_WIDTH);
    try {
      return EntryBundle.decode(tiles.fetch(TileId.entries(index, width).path()).orElseThrow());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Process serve(List<String> base, String name) throws IOException {
    List<String> command = new ArrayList<>(base);
    command.addAll(List.of("serve", "--port", "0", "--json"));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(dir.resolve(name + ".out").toFile())
        .redirectError(dir.resolve(name + ".err").toFile());
    builder.environment().put("ACCORD_LOG_CHECKPOINT_MS", "200");
    return builder.start();
  }

  private String awaitUrl(Process process, String name) throws Exception {
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline) {
      Matcher matcher = URL.matcher(Files.readString(dir.resolve(name + ".out")));
      if (matcher.find()) {
        String url = matcher.group(1);
        return url.endsWith("/") ? url : url + "/";
      }
      if (!process.isAlive()) {
        break;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("server did not start: " + Files.readString(dir.resolve(name + ".out"))
        + Files.readString(dir.resolve(name + ".err")));
  }

  private String runToCompletion(List<String> base, String... args) throws Exception {
    List<String> command = new ArrayList<>(base);
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
    return output;
  }

  private String get(String url) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("HTTP " + response.statusCode() + " from " + url + ": " + response.body());
    }
    return response.body();
  }

  private Optional<byte[]> fetch(String url) throws IOException {
    try {
      HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      return response.statusCode() == 404 ? Optional.empty() : Optional.of(response.body());
    } catch (InterruptedException e) {
      throw new IOException(e);
    }
  }

  private String post(String url, String token, String body) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "api/v1/log/entries"))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IOException("HTTP " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }
}
