package org.accord.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.accord.app.Accord;
import org.accord.app.LedgerService;
import org.accord.synthetic.SyntheticWorld;
import org.accord.synthetic.WorldWriter;
import org.accord.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7, item 1: concurrent writers never fail. Eight API clients upload 50 generated SBOMs each
 * while the transparency log publishes a checkpoint every 100 ms, the matcher updates its watermark
 * after every ingest (an advisory is loaded first, so it has work), and readers query where-used
 * throughout. Before every SQLite transaction took the write lock up front, this failed with {@code
 * SQLITE_BUSY} (the matcher's {@code component_watermark} upsert racing the log writer).
 */
class ConcurrentUploadsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CLIENTS = 8;
  private static final int PER_CLIENT = 50;

  private static final String LIBRA_ADVISORY = """
      {
        "schema_version": "1.6.0",
        "id": "GHSA-libr-a000-0001",
        "modified": "2026-08-01T00:00:00Z",
        "aliases": ["CVE-2026-0001"],
        "summary": "LibraCore deserialization leads to remote code execution",
        "affected": [{
          "package": {"ecosystem": "Maven", "name": "org.libra:libracore"},
          "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "2.0"}, {"fixed": "2.3.4"}]}]
        }]
      }
      """;

  @TempDir Path dir;

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void eightClientsUploadFiftySbomsEachWithoutAnError(String engine) throws Exception {
    String url = engine.equals("postgresql") ? TestDatabases.freshPostgresUrl() : null;
    SyntheticWorld world =
        SyntheticWorld.generate(new SyntheticWorld.Spec(600, 1_500, 0, 7L, 16, CLIENTS * PER_CLIENT, 1, 12, 8, true));
    List<byte[]> sboms = new ArrayList<>();
    for (int p = 0; p < world.products().size(); p++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      WorldWriter.writeSbom(world, p, out);
      sboms.add(out.toByteArray());
    }
    Accord.Config config =
        new Accord.Config(dir, url).withLedger(new LedgerService.Options(Duration.ofMillis(100), 4096, "test.local/log"));
    try (Accord accord = Accord.open(config);
        WebServer server = WebServer.start(accord, "127.0.0.1", 0)) {
      String token = org.accord.TestPrincipals.token(accord, "CERT", "cert", true, "test");
      accord.advisories().ingest(
          new java.io.ByteArrayInputStream(LIBRA_ADVISORY.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
          org.accord.TestPrincipals.of(accord, "CERT", true), false);
      for (int c = 0; c < CLIENTS; c++) {
        accord.parties().ensure("Vendor" + c, org.accord.party.OrgKind.VENDOR);
      }
      long sizeBefore = accord.ledger().size();
      java.util.Set<String> checkpoints = java.util.concurrent.ConcurrentHashMap.newKeySet();
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
      AtomicInteger created = new AtomicInteger();
      AtomicInteger reads = new AtomicInteger();
      AtomicBoolean uploading = new AtomicBoolean(true);
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 2);
      List<Future<?>> uploaders = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        uploaders.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < PER_CLIENT; i++) {
            byte[] body = sboms.get(client * PER_CLIENT + i);
            HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/sboms?org=Vendor" + client))
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 201) {
              created.incrementAndGet();
            } else {
              failures.add("client " + client + " upload " + i + ": " + response.statusCode() + " " + response.body());
            }
          }
          return null;
        }));
      }
      for (int r = 0; r < 2; r++) {
        pool.submit(() -> {
          start.await();
          while (uploading.get()) {
            HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + server.port() + "/api/v1/where-used?purl=pkg:maven/org.libra/libracore"))
                    .header("Authorization", "Bearer " + token)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
              failures.add("where-used: " + response.statusCode() + " " + response.body());
            }
            reads.incrementAndGet();
            checkpoints.add(accord.ledger().checkpoint());
          }
          return null;
        });
      }
      start.countDown();
      for (Future<?> uploader : uploaders) {
        uploader.get();
      }
      uploading.set(false);
      pool.shutdown();
      assertThat(pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)).isTrue();

      assertThat(failures).as("every request succeeded").isEmpty();
      assertThat(created.get()).isEqualTo(CLIENTS * PER_CLIENT);
      assertThat(reads.get()).as("readers ran beside the writers").isPositive();
      assertThat(accord.ledger().size() - sizeBefore).as("one log event per SBOM").isEqualTo(CLIENTS * PER_CLIENT);
      assertThat(checkpoints.size()).as("checkpoints were published while the uploads ran").isGreaterThan(3);
      JsonNode findings = JSON.readTree(http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/findings?advisory=GHSA-libr-a000-0001"))
              .header("Authorization", "Bearer " + token).build(),
          HttpResponse.BodyHandlers.ofString()).body());
      assertThat(findings.path("findings").asInt()).as("the matcher kept up with every ingest").isPositive();
      assertThat(accord.graph().stats().products()).isEqualTo(CLIENTS * PER_CLIENT);
    }
  }
}
