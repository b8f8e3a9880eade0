package org.accord.web.witness;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.accord.app.Accord;
import org.accord.app.witness.Witnesses;
import org.accord.ledger.Cosigner;
import org.accord.ledger.Hash;
import org.accord.ledger.MerkleLog;
import org.accord.ledger.Note;
import org.accord.ledger.NoteSigner;
import org.accord.ledger.NoteVerifier;
import org.accord.ledger.Checkpoint;
import org.accord.testing.TestDatabases;
import org.accord.web.WebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Accord's witness against the litewitness conformance script (FiloSottile/torchwood
 * {@code cmd/litewitness/testdata/litewitness.txt}, the add-checkpoint version, read from the x-stp/torchwood
 * copy at 000b870), request by request, then attacks and concurrency, on SQLite and PostgreSQL. Every
 * request gets the script's status and body; none differs under the current spec, because that version
 * already answers an unknown log 404 (the older add-tree-head script in FiloSottile/litetlog said 403).
 */
class WitnessRoutesTest {
  /** The Sigsum log of the script: {@code witnessctl add-sigsum-log -key=ffdc2d4d…}. */
  static final String SIGSUM_KEY = "ffdc2d4d98e4124d3feaf788c0c2f9abfd796083d1f0495437f302ec79cf100f";
  static final String ORIGIN = "sigsum.org/v1/tree/4d6d8825a6bb689d459628312889dfbb0bcd41b5211d9e1ce768b0ff0309e562";
  static final String SIG_1 = "— " + ORIGIN + " UgIom7fPZTqpxWWhyjWduBvTvGVqsokMbqTArsQilegKoFBJQjUFAmQ0+YeSPM3wfUQMFSzVnnNuWRTYrajXpNUbIQY=\n";
  static final String SIG_3 = "— " + ORIGIN + " UgIom2VbtIcdFbwFAy1n7s6IkAxIY6J/GQOTuZF2ORV39d75cbAj2aQYwyJre36kezNobZs4SUUdrcawfAB8WVrx6go=\n";
  static final String SIG_5 = "— " + ORIGIN + " UgIomw/EOJmWi0i1FQsOj+etB7F8IccFam/jgd6wzRns4QPVmyEZtdvl1U2KEmLOZ/ASRcWJi0tW90dJWAShei7sDww=\n";
  static final String CP_1 = ORIGIN + "\n1\nKgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n";
  static final String CP_3 = ORIGIN + "\n3\nRcCI1Nk56ZcSmIEfIn0SleqtV7uvrlXNccFx595Iwl0=\n";
  static final String CP_5 = ORIGIN + "\n5\nQrtXrQZCCvpIgsSmOsah7HdICzMLLyDfxToMql9WTjY=\n";

  @TempDir Path dir;
  final HttpClient http = HttpClient.newHttpClient();
  final List<AutoCloseable> open = new ArrayList<>();
  Accord accord;
  WebServer server;
  Cosigner witness;

  void start(String engine) throws Exception {
    String url = engine.equals("postgresql") ? TestDatabases.freshPostgresUrl() : null;
    Files.createDirectories(dir);
    witness = Cosigner.generate("example.com/witness", new SecureRandom());
    Files.writeString(dir.resolve(Witnesses.KEY_FILE), witness.format() + "\n");
    accord = Accord.open(new Accord.Config(dir, url));
    open.add(accord);
    server = WebServer.start(accord, "127.0.0.1", 0);
    open.add(server);
  }

  @AfterEach
  void stop() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  HttpResponse<String> post(String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/witness/add-checkpoint"))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  void expect(String body, int status, String contains) throws Exception {
    HttpResponse<String> answer = post(body);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    assertThat(answer.body()).contains(contains);
  }

  Witnesses.Log state(String origin) {
    return accord.witnesses().logs().stream().filter(l -> l.origin().equals(origin)).findFirst().orElseThrow();
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void replaysTheLitewitnessScript(String engine) throws Exception {
    start(engine);
    NoteVerifier sigsum = NoteVerifier.ed25519(ORIGIN, HexFormat.of().parseHex(SIGSUM_KEY));
    // the Sigsum log's note key is a plain Ed25519 signed-note key: its ID is the one the script's signatures carry
    assertThat(sigsum.keyIdHex()).isEqualTo("5202289b");
    accord.witnesses().addLog(accord.parties().localCoordinator(), List.of(sigsum.format()));

    expect("old 0\n\n" + CP_1 + "\n" + SIG_1, 200, "— example.com/witness");
    // the script's signature with its last base64 character changed: a valid note whose signature fails
    expect("old 1\nKgEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\nKgIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n" + CP_3 + "\n"
        + SIG_3.replace("6go=", "6gx="), 403, "invalid signature");
    // unknown log: 404 here and in the script's add-checkpoint version; the older add-tree-head version
    // of the script (FiloSottile/litetlog) answered 403, which the current tlog-witness spec replaced by 404
    String other = ORIGIN.substring(0, ORIGIN.length() - 1) + "3";
    expect("old 1\nKgEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\nKgIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n"
        + CP_3.replace(ORIGIN, other) + "\n" + SIG_3.replace(ORIGIN, other), 404, "unknown log");
    expect("old 1\n\n" + CP_3 + "\n" + SIG_3, 422, "consistency proof");
    expect("old 1\nKgEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\nKgIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAABA=\n\n" + CP_3 + "\n" + SIG_3,
        422, "consistency proof");
    assertThat(state(ORIGIN).size()).as("refusals leave the state").isEqualTo(1);
    expect("old 1\nKgEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\nKgIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n" + CP_3 + "\n" + SIG_3,
        200, "— example.com/witness");
    HttpResponse<String> conflict = post("old 1\nKgEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n+fUDV+k970B4I3uKrqJM4aP1lloPZP8mvr2Z4wRw2LI=\n"
        + "KgQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n" + CP_5 + "\n" + SIG_5);
    assertThat(conflict.statusCode()).isEqualTo(409);
    assertThat(conflict.body()).isEqualTo("3\n");
    assertThat(conflict.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/x.tlog.size"));
    expect("old 3\nKgIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\nKgMAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n"
        + "wgiIFdZfYNv6WU1OllBKsWnLYIS/DBMqt8Uh/S4OukE=\nKgQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n" + CP_5 + "\n" + SIG_5,
        200, "— example.com/witness");
    HttpResponse<String> fromZero = post("old 0\n\n" + CP_5 + "\n" + SIG_5);
    assertThat(fromZero.statusCode()).isEqualTo(409);
    assertThat(fromZero.body()).isEqualTo("5\n");
    // syntactically invalid note (no signature section)
    expect("old 5\n\n" + CP_5, 400, "invalid input");
    // correctly signed note with an invalid checkpoint body
    expect("old 5\n\n" + ORIGIN + "\nfive\nKgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n— " + ORIGIN
        + " UgIom4JTC2MerrFcJ5xDcWHzRPVB6zzGBIw4OFqcKDflqjH4q4xY5vMxUxyczvdIlEwFYf7ivQU4KoWan2bLmzLx0go=\n", 400, "invalid input");

    // witnessctl list-logs: the origin at size 5 (the script's index.hurl page is the explorer here: not replayed)
    assertThat(state(ORIGIN).size()).isEqualTo(5);
    HttpResponse<String> monitored = get("/witness/" + Witnesses.originHash(ORIGIN) + "/checkpoint");
    assertThat(monitored.statusCode()).isEqualTo(200);
    Note note = Note.parse(monitored.body());
    assertThat(note.text()).isEqualTo(CP_5);
    assertThat(witness.verifier().cosignature(note)).isPresent();
    sigsum.verify(note);
    assertThat(get("/witness/" + "0".repeat(64) + "/checkpoint").statusCode()).isEqualTo(404);
  }

  /** A log of our own whose key we hold, so that forks and bad proofs can be signed. */
  static final class OwnLog {
    final NoteSigner key = NoteSigner.generate("example.org/log", new SecureRandom());
    final List<Hash> leaves = new ArrayList<>();

    OwnLog grow(int size, String salt) {
      while (leaves.size() < size) {
        leaves.add(MerkleLog.leafHash((salt + leaves.size()).getBytes(StandardCharsets.UTF_8)));
      }
      return this;
    }

    Hash root(int size) {
      return MerkleLog.rootOfLeafHashes(leaves.subList(0, size));
    }

    String note(int size) {
      return new Checkpoint(key.name(), size, root(size)).sign(key);
    }

    List<Hash> proof(int from, int to) {
      return MerkleLog.prover(to, (level, index) -> MerkleLog.rootOfLeafHashes(
          leaves.subList((int) (index << level), (int) Math.min(to, (index + 1) << level)))).consistency(from);
    }

    String request(int old, int size) {
      StringBuilder body = new StringBuilder("old ").append(old).append('\n');
      if (old > 0 && old < size) {
        proof(old, size).forEach(h -> body.append(h.base64()).append('\n'));
      }
      return body.append('\n').append(note(size)).toString();
    }
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void badInputGetsTheSpecCodeAndNeverChangesTheState(String engine) throws Exception {
    start(engine);
    OwnLog log = new OwnLog().grow(20, "a");
    accord.witnesses().addLog(accord.parties().localCoordinator(), List.of(log.key.verifier().format()));
    expect(log.request(0, 7), 200, "— example.com/witness");
    String before = get("/witness/" + Witnesses.originHash(log.key.name()) + "/checkpoint").body();

    NoteSigner stranger = NoteSigner.generate(log.key.name(), new SecureRandom());
    expect(log.request(7, 9).replace(log.note(9), new Checkpoint(log.key.name(), 9, log.root(9)).sign(stranger)), 403, "invalid signature");
    expect("old 9\n\n" + log.note(7), 400, "larger than the checkpoint size");
    String shortProof = log.request(7, 9);
    String firstHash = log.proof(7, 9).get(0).base64() + "\n";
    expect(shortProof.replaceFirst(java.util.regex.Pattern.quote(firstHash), ""), 422, "consistency proof");
    expect(log.request(7, 9).replace("old 7\n", "old 7\n" + log.proof(7, 9).get(0).base64() + "\n"), 422, "consistency proof");
    expect("old 7\nnot-base64!\n\n" + log.note(9), 400, "invalid input");
    expect("old 07\n\n" + log.note(9), 400, "invalid input");
    expect(log.note(9), 400, "invalid input");
    expect("old 7\n\n" + log.note(9).replace(log.key.name() + "\n", log.key.name() + "\r\n"), 400, "invalid input");
    expect("old 7\n" + "A".repeat(Witnesses.MAX_BODY) + "\n\n" + log.note(9), 413, "larger than");
    OwnLog fork = new OwnLog();
    fork.leaves.addAll(log.leaves.subList(0, 6));
    fork.grow(20, "fork");
    String forked = "old 7\n\n" + new Checkpoint(log.key.name(), 7, fork.root(7)).sign(log.key);
    expect(forked, 409, "conflicting root hash at tree size 7");
    StringBuilder forkAhead = new StringBuilder("old 7\n");
    fork.proof(7, 9).forEach(h -> forkAhead.append(h.base64()).append('\n'));
    expect(forkAhead + "\n" + new Checkpoint(log.key.name(), 9, fork.root(9)).sign(log.key), 422, "consistency proof");
    expect(log.request(0, 7).replace("old 0\n", "old 0\n" + log.root(7).base64() + "\n"), 409, "7");

    assertThat(state(log.key.name()).size()).isEqualTo(7);
    assertThat(state(log.key.name()).root()).contains(log.root(7).base64());
    assertThat(get("/witness/" + Witnesses.originHash(log.key.name()) + "/checkpoint").body()).isEqualTo(before);
    expect(log.request(7, 7), 200, "— example.com/witness");
    expect(log.request(7, 12), 200, "— example.com/witness");
    assertThat(state(log.key.name()).size()).isEqualTo(12);
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void concurrentRequestsForOneOriginNeverBothAdvanceFromOneOldSize(String engine) throws Exception {
    start(engine);
    OwnLog log = new OwnLog().grow(200, "c");
    accord.witnesses().addLog(accord.parties().localCoordinator(), List.of(log.key.verifier().format()));
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(9);
    // the ledger writer runs throughout: each added log stages a witness.log_added event it appends
    Future<Integer> writer = pool.submit(() -> {
      int added = 0;
      while (running.get()) {
        NoteSigner other = NoteSigner.generate("example.net/log" + added, new SecureRandom());
        accord.witnesses().addLog(accord.parties().localCoordinator(), List.of(other.verifier().format()));
        added++;
      }
      return added;
    });
    int size = 1;
    expect(log.request(0, 1), 200, "—");
    for (int round = 0; round < 12; round++) {
      int old = size;
      CountDownLatch go = new CountDownLatch(1);
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (int k = 1; k <= 8; k++) {
        String body = log.request(old, old + k);
        answers.add(pool.submit(() -> {
          go.await();
          return post(body);
        }));
      }
      go.countDown();
      int cosigned = 0;
      long winner = -1;
      for (int k = 0; k < answers.size(); k++) {
        HttpResponse<String> answer = answers.get(k).get();
        if (answer.statusCode() == 200) {
          cosigned++;
          winner = old + k + 1;
        } else {
          assertThat(answer.statusCode()).as(answer.body()).isEqualTo(409);
        }
      }
      assertThat(cosigned).as("round " + round).isEqualTo(1);
      assertThat(state(log.key.name()).size()).isEqualTo(winner);
      size = (int) winner;
    }
    running.set(false);
    assertThat(writer.get()).isPositive();
    pool.shutdown();
    assertThat(state(log.key.name()).size()).isEqualTo(size);
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void stateSurvivesARestartAndTheRouteIsRateLimited(String engine) throws Exception {
    start(engine);
    OwnLog log = new OwnLog().grow(10, "r");
    accord.witnesses().addLog(accord.parties().localCoordinator(), List.of(log.key.verifier().format()));
    expect(log.request(0, 4), 200, "— example.com/witness");
    server.close();
    open.remove(server);
    Accord.Config config = accord.config();
    accord.close();
    open.remove(accord);
    accord = Accord.open(config);
    open.add(accord);
    server = WebServer.start(accord, "127.0.0.1", 0, List.of(new WitnessRoutes(2)));
    open.add(server);
    assertThat(state(log.key.name()).size()).isEqualTo(4);
    HttpResponse<String> stale = post(log.request(0, 6));
    assertThat(stale.body()).isEqualTo("4\n");
    expect(log.request(4, 6), 200, "— example.com/witness");
    HttpResponse<String> limited = post(log.request(6, 7));
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    assertThat(state(log.key.name()).size()).isEqualTo(6);
  }
}
