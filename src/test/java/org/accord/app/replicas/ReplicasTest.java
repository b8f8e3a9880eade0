package org.accord.app.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.accord.TestPrincipals;
import org.accord.app.Accord;
import org.accord.app.LedgerService;
import org.accord.app.Viewer;
import org.accord.party.Principal;
import org.accord.testing.Documents;
import org.accord.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Accord instances in one JVM over one PostgreSQL schema, as two replicas (ADRs 0146, 0147). Skipped
 * with a message without {@code ACCORD_TEST_PG_URL}. The three-process kill test is issue 16 item 5.
 */
class ReplicasTest {
  private static final String LIB = "pkg:maven/org.libra/libracore";
  private static final Viewer COORDINATOR = Viewer.local(false);
  private static final LedgerService.Options LOG = new LedgerService.Options(Duration.ofMillis(200), 256, "accord.test/replicas");

  @TempDir Path dirs;
  private String url;
  private final List<Accord> open = new ArrayList<>();

  @BeforeEach
  void schema() {
    Assumptions.assumeTrue(TestDatabases.pgUrl() != null, "ACCORD_TEST_PG_URL is not set: replica tests need PostgreSQL, skipped");
    url = TestDatabases.freshPostgresUrl();
  }

  @AfterEach
  void closeAll() {
    open.forEach(Accord::close);
  }

  /** A replica with its own data directory, sharing the first one's log signing key. */
  private Accord replica(String name) throws Exception {
    Path dir = Files.createDirectories(dirs.resolve(name));
    if (!open.isEmpty()) {
      open.get(0).ledger(); // creates the key
      Files.copy(open.get(0).config().dataDir().resolve("ledger.key"), dir.resolve("ledger.key"));
    }
    Accord accord = Accord.open(new Accord.Config(dir, url).withLedger(LOG));
    open.add(accord);
    return accord;
  }

  private static long ingest(Accord accord, Principal who, String product, String version) {
    accord.ingestSbom(new ByteArrayInputStream(Documents.cycloneDx(product, version).getBytes(StandardCharsets.UTF_8)), who);
    return accord.feed().applied();
  }

  private static Set<String> products(Accord accord) {
    return accord.exposure().whereUsed(LIB, "", COORDINATOR).products().stream()
        .map(hit -> hit.purl()).collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void aWriteOnOneReplicaIsAppliedOnTheOtherByNotification() throws Exception {
    Accord a = replica("a");
    Accord b = replica("b");
    Principal vendor = TestPrincipals.member(a, "Pump Co");
    assertThat(b.feed().caughtUp()).isTrue();
    long before = b.feed().applied();
    long started = System.nanoTime();
    long id = ingest(a, vendor, "pump", "2.1.0");
    assertThat(id).isGreaterThan(before);
    // B is not asked to catch up: its applier thread hears NOTIFY (it polls only once a second).
    while (b.feed().applied() < id && System.nanoTime() - started < 5_000_000_000L) {
      Thread.sleep(5);
    }
    double lagMs = (System.nanoTime() - started) / 1e6;
    System.out.printf("replicas: change %d visible on the other replica %.1f ms after the write began%n", id, lagMs);
    assertThat(b.feed().applied()).isGreaterThanOrEqualTo(id);
    assertThat(products(b)).isEqualTo(products(a)).hasSize(1);
    assertThat(b.graph().stats()).isEqualTo(a.graph().stats());
  }

  @Test
  void readYourWritesWaitsForTheIdAndSaysWhenItCannot() throws Exception {
    Accord a = replica("a");
    Accord b = replica("b");
    Principal vendor = TestPrincipals.member(a, "Pump Co");
    long id = ingest(a, vendor, "pump", "2.1.0");
    assertThat(b.feed().awaitApplied(id, Duration.ofSeconds(5))).isTrue();
    assertThat(products(b)).hasSize(1);
    long waitStarted = System.nanoTime();
    assertThat(b.feed().awaitApplied(id + 1000, Duration.ofMillis(300))).isFalse();
    assertThat((System.nanoTime() - waitStarted) / 1e6).isBetween(290.0, 3000.0);
  }

  @Test
  void closingTheLogLeaderHandsTheWriterOverAndEveryIndexIsUsedOnce() throws Exception {
    Accord a = replica("a");
    Accord b = replica("b");
    Accord leader = a.leadership().leads(Job.LOG_WRITER) ? a : b;
    Accord other = leader == a ? b : a;
    assertThat(other.leadership().leads(Job.LOG_WRITER)).isFalse();
    Principal vendor = TestPrincipals.member(a, "Pump Co");
    // The non-leader's event is appended by the leader's writer; the non-leader reads its index from the store.
    ingest(other, vendor, "before", "2.1.0");
    long closed = System.nanoTime();
    leader.close();
    open.remove(leader);
    while (!other.leadership().leads(Job.LOG_WRITER) && System.nanoTime() - closed < 10_000_000_000L) {
      Thread.sleep(10);
    }
    double failover = (System.nanoTime() - closed) / 1e9;
    System.out.printf("replicas: log writer handed over %.2f s after the leader began to close%n", failover);
    assertThat(other.leadership().leads(Job.LOG_WRITER)).isTrue();
    assertThat(failover).isLessThan(5.0);
    var result = other.ingestSbom(new ByteArrayInputStream(Documents.cycloneDx("after", "2.2.0").getBytes(StandardCharsets.UTF_8)), vendor);
    assertThat(result.ledgerIndex()).isGreaterThanOrEqualTo(0);
    assertIndexesUsedOnce(other);
  }

  @Test
  void concurrentWritersOnBothReplicasAgreeAndUseEachIndexOnce() throws Exception {
    Accord a = replica("a");
    Accord b = replica("b");
    Principal vendorA = TestPrincipals.member(a, "Pump Co");
    Principal vendorB = TestPrincipals.member(b, "Valve Co");
    int perWriter = 6;
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      int writer = w;
      Accord on = w % 2 == 0 ? a : b;
      Principal who = w % 2 == 0 ? vendorA : vendorB;
      done.add(pool.submit(() -> {
        for (int n = 0; n < perWriter; n++) {
          ingest(on, who, "p" + writer + "-" + n, "2." + (n % 4) + ".0");
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    long latest = Math.max(a.feed().catchUp(), b.feed().catchUp());
    assertThat(a.feed().awaitApplied(latest, Duration.ofSeconds(5))).isTrue();
    assertThat(b.feed().awaitApplied(latest, Duration.ofSeconds(5))).isTrue();
    assertThat(products(a)).hasSize(4 * perWriter).isEqualTo(products(b));
    assertThat(a.graph().stats()).isEqualTo(b.graph().stats());
    // every event is in the log once, each index once, and nothing is left in the outbox
    long outbox;
    long deadline = System.nanoTime() + 10_000_000_000L;
    do {
      outbox = a.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox").mapTo(Long.class).one());
      Thread.sleep(20);
    } while (outbox > 0 && System.nanoTime() < deadline);
    assertThat(outbox).isZero();
    long sbomEvents = a.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM ledger_entries WHERE subject LIKE 'product:%'")
        .mapTo(Long.class).one());
    assertThat(sbomEvents).isEqualTo(4L * perWriter);
    assertIndexesUsedOnce(a);
  }

  @Test
  void anAdvisoryOnOneReplicaMatchesWhatTheOtherJustIngested() throws Exception {
    Accord a = replica("a");
    Accord b = replica("b");
    Principal vendor = TestPrincipals.member(b, "Pump Co");
    Principal cert = TestPrincipals.coordinator(a, "CERT");
    ingest(b, vendor, "pump", "2.1.0"); // A does not catch up by hand: the import's feed lock makes it
    var imported = a.advisories().ingest(new ByteArrayInputStream(Documents.osv("OSV-2026-1", "CVE-2026-1").getBytes(StandardCharsets.UTF_8)), cert, false);
    assertThat(imported.matched()).isEqualTo(1);
    // and the other way round: B's matcher has A's advisory before it matches B's next ingest
    ingest(b, vendor, "valve", "2.2.0");
    long matches = b.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM advisory_matches").mapTo(Long.class).one());
    assertThat(matches).isEqualTo(2);
  }

  @Test
  void anonymousReportsAreCountedAcrossReplicas() throws Exception {
    Accord a = replica("a");
    Accord b = replica("b");
    byte[] report = ("# Heap overflow in LibraCore\nA crafted frame overflows the buffer.\n## Affected\n"
        + "- pkg:maven/org.libra/libracore [2.0,2.3.4)\n").getBytes(StandardCharsets.UTF_8);
    for (int n = 0; n < org.accord.app.Reports.ANONYMOUS_PER_WINDOW; n++) {
      (n % 2 == 0 ? a : b).reports().submitAnonymous("203.0.113.7", report);
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.reports().submitAnonymous("203.0.113.7", report))
        .isInstanceOf(org.accord.app.Reports.RateLimited.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> a.reports().submitAnonymous("203.0.113.7", report))
        .isInstanceOf(org.accord.app.Reports.RateLimited.class);
    a.reports().submitAnonymous("203.0.113.8", report); // another address is counted apart
  }

  private static void assertIndexesUsedOnce(Accord accord) {
    List<Long> indexes = accord.database().jdbi().withHandle(h -> h.createQuery("SELECT idx FROM ledger_entries ORDER BY idx")
        .mapTo(Long.class).list());
    for (int i = 0; i < indexes.size(); i++) {
      assertThat(indexes.get(i)).isEqualTo((long) i);
    }
    long size = accord.database().jdbi().withHandle(h -> h.createQuery("SELECT MAX(tree_size) FROM ledger_checkpoints").mapTo(Long.class).one());
    assertThat(size).isEqualTo(indexes.size());
  }
}
