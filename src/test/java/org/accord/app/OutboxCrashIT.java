package org.accord.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accord.ledger.LedgerEvent;
import org.accord.store.Outbox;
import org.accord.testing.AccordProcess;
import org.accord.testing.Documents;
import org.accord.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, "Atomic accountability": {@code accord serve} is killed with SIGKILL at random points while
 * clients upload SBOMs, three times over. After the last restart, every stored SBOM has exactly one
 * {@code sbom.ingested} event and every such event names a stored SBOM: a document and its event are
 * both there or neither is (ADR 0085). Every upload the server acknowledged is among them. Runs the
 * packaged jar.
 */
class OutboxCrashIT {
  private static final Pattern SHA = Pattern.compile("\"sha256\"\\s*:\\s*\"([0-9a-f]{64})\"");
  private static final int CLIENTS = 3;
  private static final int KILLS = 3;

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void sqliteKeepsDocumentsAndEventsTogether() throws Exception {
    crashAndCheck(null);
  }

  @Test
  void postgresqlKeepsDocumentsAndEventsTogether() throws Exception {
    assumeTrue(TestDatabases.pgUrl() != null, "ACCORD_TEST_PG_URL is not set; skipping the PostgreSQL crash test");
    crashAndCheck(TestDatabases.freshPostgresUrl());
  }

  private void crashAndCheck(String dbUrl) throws Exception {
    AccordProcess process = new AccordProcess(dir, dbUrl);
    process.run("org", "create", "Vendora", "--kind", "vendor");
    String token = process.token("--org", "Vendora");

    SplittableRandom random = new SplittableRandom(20261203);
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicInteger serial = new AtomicInteger();
    for (int round = 0; round < KILLS; round++) {
      AccordProcess.Served server = process.serve("run" + round);
      String url = server.url();
      AtomicBoolean running = new AtomicBoolean(true);
      List<Thread> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        Thread client = new Thread(() -> {
          while (running.get()) {
            int n = serial.incrementAndGet();
            try {
              HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "api/v1/sboms"))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(Documents.cycloneDx("crash-" + n, "2." + (n % 50) + ".0")))
                  .build(), HttpResponse.BodyHandlers.ofString());
              Matcher sha = SHA.matcher(response.body());
              if (response.statusCode() == 201 && sha.find()) {
                acknowledged.add(sha.group(1));
              }
            } catch (IOException | InterruptedException e) {
              return;
            }
          }
        });
        client.start();
        clients.add(client);
      }
      Thread.sleep(1500 + random.nextInt(2500));
      server.kill();
      running.set(false);
      for (Thread client : clients) {
        client.join();
      }
    }
    assertThat(acknowledged).as("uploads acknowledged before the kills").hasSizeGreaterThan(10);

    // Restart in process: starting the log drains what the last run left in the outbox.
    try (Accord accord = Accord.open(new Accord.Config(dir.resolve("data"), dbUrl))) {
      LedgerService ledger = accord.ledger();
      OutboxTest.awaitDrained(accord, Duration.ofSeconds(30));
      assertThat(accord.database().jdbi().withHandle(Outbox::count)).as("the outbox is drained").isZero();
      Set<String> stored = new HashSet<>(accord.database().jdbi().withHandle(
          handle -> handle.createQuery("SELECT sha256 FROM sbom_documents").mapTo(String.class).list()));
      Map<String, Integer> events = new HashMap<>();
      for (LedgerEvent event : OutboxTest.events(ledger)) {
        if (event.type().equals("sbom.ingested")) {
          events.merge((String) event.data().get("sha256"), 1, Integer::sum);
        }
      }
      assertThat(stored).as("every acknowledged upload is stored").containsAll(acknowledged);
      assertThat(events.keySet()).as("stored documents and logged events are the same set").isEqualTo(stored);
      assertThat(events.values()).as("one event per document").containsOnly(1);
      System.out.printf("outbox crash test (%s): %d kills, %d documents stored (%d acknowledged), %d events, all paired%n",
          dbUrl == null ? "sqlite" : "postgresql", KILLS, stored.size(), acknowledged.size(), events.size());
    }
  }
}
