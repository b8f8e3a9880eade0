package org.accord.app.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.accord.app.Accord;
import org.accord.app.LedgerAppends;
import org.accord.app.LedgerService;
import org.accord.cli.Main;
import org.accord.ledger.Cosigner;
import org.accord.ledger.TlogPolicy;
import org.accord.ledger.VerificationException;
import org.accord.ledger.Verifier;
import org.accord.ledger.WitnessAlertKind;
import org.accord.store.witness.LogWitnessStore;
import org.accord.testing.TestDatabases;
import org.accord.web.WebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 15 item 5 (ADR 0153): three Accord instances on loopback, each with its own data directory,
 * database and port, each witnessing the other two; clients hold a 2-of-3 policy. Then a fourth process
 * holding the third instance's log key serves a forked history (a split view): the witnesses refuse
 * it, the policy rejects it, and the refusal is an alert on the honest instances. Restarting an instance
 * loses no witness state. SQLite, and PostgreSQL when ACCORD_TEST_PG_URL is set.
 */
class ThreeCountriesTest {
  static final String[] COUNTRIES = {"fi", "ee", "lv"};

  @TempDir Path dir;
  final HttpClient http = HttpClient.newHttpClient();
  final List<Country> countries = new ArrayList<>();

  /** One instance: its data directory, database URL (null for SQLite), instance and server. */
  final class Country {
    final String name;
    final Path data;
    final String url;
    Accord accord;
    WebServer server;
    int port;

    Country(String name, String engine, Path data, Cosigner witnessKey) throws Exception {
      this.name = name;
      this.data = data;
      this.url = engine.equals("postgresql") ? TestDatabases.freshPostgresUrl() : null;
      Files.createDirectories(data);
      Files.writeString(data.resolve(Witnesses.KEY_FILE), witnessKey.format() + "\n");
      open();
    }

    void open() {
      accord = Accord.open(new Accord.Config(data, url).withLedger(
          new LedgerService.Options(Duration.ofMillis(150), 4096, "cert." + name + ".example/log")));
      // a restarted instance listens where its peers know it
      server = WebServer.start(accord, "127.0.0.1", port);
      port = server.port();
    }

    void close() {
      server.close();
      accord.close();
    }

    String witnessUrl() {
      return "http://127.0.0.1:" + server.port() + "/witness";
    }

    String logKey() {
      return accord.ledger().verifierKey().format();
    }

    String witnessKey() {
      return accord.witnesses().key().verifier().format();
    }

    void append(String what, int n) {
      accord.ledger().append(LedgerAppends.event("audit.note", "audit:" + what, accord.clock().instant(), Map.of("n", n), "test"));
    }

    long published() {
      return accord.ledger().publish();
    }
  }

  @AfterEach
  void stop() {
    for (Country country : countries) {
      try {
        country.close();
      } catch (RuntimeException e) {
        // already closed by the test
      }
    }
  }

  String policy() {
    StringBuilder text = new StringBuilder("# three CERTs, any two of them\n");
    for (Country c : countries) {
      text.append("log ").append(c.logKey()).append('\n');
    }
    List<String> names = new ArrayList<>();
    for (Country c : countries) {
      String name = "w-" + c.name;
      names.add(name);
      text.append("witness ").append(name).append(' ').append(c.witnessKey()).append(' ').append(c.witnessUrl()).append('\n');
    }
    return text.append("group two-of-three 2 ").append(String.join(" ", names)).append("\nquorum two-of-three\n").toString();
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void threeCertsWitnessEachOtherAndRefuseASplitView(String engine) throws Exception {
    for (String name : COUNTRIES) {
      countries.add(new Country(name, engine, dir.resolve(name), Cosigner.generate("cert." + name + ".example/witness", new SecureRandom())));
    }
    for (Country c : countries) {
      for (Country other : countries) {
        if (other != c) {
          c.accord.witnesses().addLog(c.accord.parties().localCoordinator(), List.of(other.logKey()));
          c.accord.logWitnessing().addWitness(c.accord.parties().localCoordinator(), other.witnessKey(), other.witnessUrl());
        }
      }
      c.accord.logWitnessing().start(Duration.ofMillis(100));
    }
    // concurrent writers on every log while the writers, publishers and submitters run
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<?>> writers = new ArrayList<>();
    for (Country c : countries) {
      for (int w = 0; w < 2; w++) {
        int writer = w;
        writers.add(pool.submit(() -> {
          for (int i = 0; i < 15; i++) {
            c.append(c.name + writer, i);
          }
        }));
      }
    }
    for (Future<?> f : writers) {
      f.get();
    }
    pool.shutdown();
    TlogPolicy policy = TlogPolicy.parse(policy());
    for (Country c : countries) {
      long size = c.published();
      assertThat(size).isGreaterThanOrEqualTo(30);
      awaitQuorum(c, policy);
    }

    // a receipt from each witnessed instance verifies offline under the 2-of-3 policy
    Path policyFile = dir.resolve("two-of-three.policy");
    Files.writeString(policyFile, policy());
    for (Country c : countries) {
      String receipt = get("http://127.0.0.1:" + c.server.port() + "/api/v1/log/receipts/3").body();
      Path file = dir.resolve("receipt-" + c.name + ".json");
      Files.writeString(file, receipt);
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true),
          "verify", "receipt", file.toString(), "--policy", policyFile.toString());
      assertThat(exit).as(err.toString()).isZero();
      // the same receipt with its cosignature lines cut is refused by the same command
      String bare = org.accord.ledger.Receipt.parse(receipt).checkpoint().replaceAll("\u2014 cert\\.[a-z]+\\.example/witness [^\n]*\n", "");
      assertThatThrownBy(() -> policy.verify(bare, Optional.empty())).isInstanceOf(VerificationException.class)
          .hasMessageContaining("two-of-three");
    }

    // restarting an instance loses no witness state, on either side
    Country ee = countries.get(1);
    var witnessedBefore = ee.accord.witnesses().logs();
    var witnessesBefore = ee.accord.logWitnessing().witnesses();
    long eeSize = ee.published();
    List<String> cosignaturesBefore = ee.accord.logWitnessing().cosignatures(eeSize);
    ee.close();
    ee.open();
    ee.accord.logWitnessing().start(Duration.ofMillis(100));
    assertThat(ee.accord.witnesses().logs()).isEqualTo(witnessedBefore);
    assertThat(ee.accord.logWitnessing().witnesses()).extracting(LogWitnessing.Status::cosignedSize)
        .isEqualTo(witnessesBefore.stream().map(LogWitnessing.Status::cosignedSize).toList());
    assertThat(ee.accord.logWitnessing().cosignatures(eeSize)).isEqualTo(cosignaturesBefore).hasSize(2);
    for (Country c : countries) {
      c.append("after-restart", 1);
      c.published();
      awaitQuorum(c, policy);
    }
    // the restarted witness answered from its stored size: no witness of ee had to restart from 0
    assertThat(ee.accord.witnesses().logs()).allSatisfy(l -> assertThat(l.size()).isGreaterThan(
        witnessedBefore.stream().filter(b -> b.origin().equals(l.origin())).findFirst().orElseThrow().size()));

    // the split view: a second process holding lv's log key serves another history under the same origin
    Country lv = countries.get(2);
    long honestSize = lv.published();
    Path forkDir = dir.resolve("lv-fork");
    Files.createDirectories(forkDir);
    Files.copy(lv.data.resolve("ledger.key"), forkDir.resolve("ledger.key"));
    Country fork = new Country("lv", engine, forkDir, Cosigner.generate("cert.lv.example/witness", new SecureRandom()));
    countries.add(fork);
    assertThat(fork.logKey()).isEqualTo(lv.logKey());
    for (int i = 0; i < honestSize + 3; i++) {
      fork.append("forked", i);
    }
    long forkSize = fork.published();
    for (Country honest : countries.subList(0, 2)) {
      fork.accord.logWitnessing().addWitness(fork.accord.parties().localCoordinator(), honest.witnessKey(), honest.witnessUrl());
    }
    fork.accord.logWitnessing().submitOnce();
    // the witnesses refused: the fork collected no cosignature, and its checkpoint fails the policy
    assertThat(fork.accord.logWitnessing().cosignatures(forkSize)).isEmpty();
    String forked = fork.accord.ledger().checkpoint();
    assertThat(Verifier.verifyCheckpoint(forked, fork.accord.ledger().verifierKey()).size()).isEqualTo(forkSize);
    assertThatThrownBy(() -> policy.verify(forked, Optional.empty())).isInstanceOf(VerificationException.class)
        .hasMessageContaining("valid cosignatures from: none");
    // the refusal is an alert on each honest witness, which still holds lv's honest history
    for (Country honest : countries.subList(0, 2)) {
      List<LogWitnessStore.Alert> alerts = honest.accord.logWitnessing().alerts(20);
      assertThat(alerts).anySatisfy(a -> {
        assertThat(a.kind()).isEqualTo(WitnessAlertKind.FORK_PRESENTED.label());
        assertThat(a.subject()).isEqualTo("cert.lv.example/log");
        assertThat(a.status()).isEqualTo(422);
      });
      var state = honest.accord.witnesses().logs().stream().filter(l -> l.origin().equals("cert.lv.example/log")).findFirst().orElseThrow();
      assertThat(state.size()).isLessThanOrEqualTo(lv.accord.ledger().size());
      assertThat(state.root().orElseThrow()).isEqualTo(lv.accord.ledger().root(state.size()).base64());
      String status = get("http://127.0.0.1:" + honest.server.port() + "/api/v1/log/witnesses").body();
      assertThat(status).contains("fork_presented").contains("cert.lv.example/log");
    }
    // and on the forking side the refusals are alerts too, never a silent gap
    assertThat(fork.accord.logWitnessing().alerts(20)).hasSize(2)
        .allSatisfy(a -> assertThat(a.kind()).isEqualTo(WitnessAlertKind.REFUSED_BY_WITNESS.label()));
    // the honest lv keeps being witnessed
    lv.append("still-honest", 1);
    lv.published();
    awaitQuorum(lv, policy);
  }

  /** Waits until the instance serves its published checkpoint cosigned by both its witnesses, and checks it with the policy. */
  void awaitQuorum(Country c, TlogPolicy policy) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      String note = get("http://127.0.0.1:" + c.server.port() + "/log/checkpoint").body();
      try {
        TlogPolicy.Accepted accepted = policy.verify(note, Optional.empty());
        assertThat(accepted.cosigners()).hasSize(2).doesNotContain("w-" + c.name);
        assertThat(accepted.checkpoint().size()).isEqualTo(c.accord.ledger().size());
        return;
      } catch (VerificationException | AssertionError e) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError(c.name + " was not cosigned by a quorum: " + e.getMessage() + "; witnesses "
              + c.accord.logWitnessing().witnesses(), e);
        }
        c.published();
        // The three PostgreSQL instances are schemas of one test database, and advisory locks are per database:
        // only one of them leads Job.WITNESS there (ADR 0147), so the test also submits for the others.
        c.accord.logWitnessing().submitOnce();
        Thread.sleep(50);
      }
    }
  }

  HttpResponse<String> get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
