package org.accord.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.accord.ledger.LedgerEvent;
import org.accord.ledger.Receipt;
import org.accord.ledger.VerificationException;
import org.accord.party.OrgKind;
import org.accord.party.Principal;
import org.accord.store.Outbox;
import org.accord.testing.Documents;
import org.accord.testing.TestClock;
import org.accord.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 8, "Loss": every ledger event commits with the change it attests (ADR 0085). A failure between
 * the data's commit and the log append loses nothing, and concurrent writers get exactly one event per
 * change while the ledger's writer and publisher run.
 */
class OutboxTest {
  @TempDir Path dir;
  final TestClock clock = new TestClock(Instant.parse("2026-12-03T09:00:00Z"));
  Accord accord;
  String url;

  Accord open(String engine, Duration checkpoints) {
    if (url == null && engine.equals("postgresql")) {
      url = TestDatabases.freshPostgresUrl();
    }
    accord = Accord.open(new Accord.Config(dir, url).withLedger(new LedgerService.Options(checkpoints, 4096, "test.local/log")), clock);
    return accord;
  }

  @AfterEach
  void close() {
    if (accord != null) {
      accord.close();
    }
  }

  static ByteArrayInputStream bytes(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Every event in the log, private ones opened with their stored secret. */
  static List<LedgerEvent> events(LedgerService ledger) throws VerificationException {
    List<LedgerEvent> events = new ArrayList<>();
    for (long i = 0; i < ledger.size(); i++) {
      Optional<Receipt.Reveal> secret = ledger.secret(i);
      byte[] entry = secret.isPresent() ? secret.get().event() : ledger.entry(i).orElseThrow();
      events.add(LedgerEvent.decode(entry).event());
    }
    return events;
  }

  static long count(List<LedgerEvent> events, String type, String key, String value) {
    return events.stream().filter(e -> e.type().equals(type) && value.equals(e.data().get(key))).count();
  }

  static long outbox(Accord accord) {
    return accord.database().jdbi().withHandle(Outbox::count);
  }

  /**
   * Waits at most {@code timeout} until the outbox is empty and the log service has taken every
   * committed entry: the outbox rows leave in the batch's own transaction, and the service's size moves
   * just after that commit, so an empty outbox alone does not mean {@link LedgerService#size()} has moved.
   */
  static void awaitDrained(Accord accord, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      long stored = accord.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM ledger_entries").mapTo(Long.class).one());
      if (outbox(accord) == 0 && accord.ledger().size() == stored) {
        return;
      }
      Thread.sleep(20);
    }
  }

  /** (a) The log append fails after the SBOM committed: the event waits, lands once after a restart, and a re-upload is still a duplicate. */
  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void aFailureBetweenCommitAndAppendLosesNothing(String engine) throws Exception {
    open(engine, Duration.ofMillis(50));
    Principal vendor = org.accord.TestPrincipals.member(accord, "Vendora");
    accord.ingestSbom(bytes(Documents.cycloneDx("router", "2.1.0")), vendor);
    AtomicInteger faults = new AtomicInteger();
    accord.ledger().injectOutboxFault(() -> {
      faults.incrementAndGet();
      throw new IllegalStateException("injected: the process dies before the log append commits");
    });
    String sbom = Documents.cycloneDx("switch", "2.2.0");
    assertThatThrownBy(() -> accord.ingestSbom(bytes(sbom), vendor))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the change is stored")
        .hasMessageContaining("waits in the outbox");
    assertThat(faults.get()).as("the writer tried the drain").isPositive();
    long size = accord.ledger().size();
    assertThat(events(accord.ledger())).as("the event is not in the log yet").extracting(LedgerEvent::type).containsOnly("sbom.ingested").hasSize(1);
    assertThat(outbox(accord)).as("but it waits in the outbox, committed with the document").isEqualTo(1);
    IngestResults.Sbom again = accord.ingestSbom(bytes(sbom), vendor);
    assertThat(again.duplicate()).as("the document itself is stored").isTrue();

    // The process stops with the fault still in place (the final drain fails too), then starts again.
    accord.close();
    assertThat(accord.ledger().size()).isEqualTo(size);
    accord = null;
    open(engine, Duration.ofMillis(50));
    LedgerService ledger = accord.ledger();
    awaitDrained(accord, Duration.ofSeconds(20));
    assertThat(outbox(accord)).as("start-up drained the outbox").isZero();
    String sha = again.sha256();
    assertThat(count(events(ledger), "sbom.ingested", "sha256", sha)).as("the event is in the log exactly once").isEqualTo(1);
    IngestResults.Sbom third = accord.ingestSbom(bytes(sbom), vendor);
    assertThat(third.duplicate()).isTrue();
    assertThat(third.ledgerIndex()).isEqualTo(-1);
    assertThat(count(events(ledger), "sbom.ingested", "sha256", sha)).as("a re-upload adds no second event").isEqualTo(1);
  }

  /** (a') The same with the writer stopped: the data and its pending event stay consistent, and the event lands later. */
  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void aClosedLedgerKeepsEventsForTheNextRun(String engine) throws Exception {
    open(engine, Duration.ofMillis(50));
    Principal coordinator = accord.parties().localCoordinator();
    accord.ledger().close();
    assertThatThrownBy(() -> accord.parties().createOrganization(coordinator, "GridCo", OrgKind.OPERATOR, "FR", null))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("waits in the outbox");
    assertThat(accord.parties().organizations(coordinator)).extracting(o -> o.name()).contains("GridCo");
    Principal vendor = org.accord.TestPrincipals.member(accord, "Vendora");
    assertThatThrownBy(() -> accord.ingestSbom(bytes(Documents.cycloneDx("router", "2.1.0")), vendor))
        .isInstanceOf(IllegalStateException.class);
    assertThat(outbox(accord)).isEqualTo(2);
    accord.close();
    accord = null;

    open(engine, Duration.ofMillis(50));
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (outbox(accord) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(outbox(accord)).as("opening the instance drained the outbox, before anything asked for the log").isZero();
    IngestResults.Sbom next = accord.ingestSbom(bytes(Documents.cycloneDx("switch", "2.2.0")), vendor);
    List<LedgerEvent> events = events(accord.ledger());
    assertThat(events).extracting(LedgerEvent::type).containsExactly("org.created", "sbom.ingested", "sbom.ingested");
    assertThat(next.ledgerIndex()).isEqualTo(2);
    assertThat(outbox(accord)).isZero();
    for (LedgerEvent event : events) {
      assertThat(event.data()).as("every change event names its actor").containsKey("actor");
      assertThat(event.time()).as("and the server's time").isEqualTo(clock.instant());
    }
  }

  /** (b) Eight writers mixing SBOMs, inventories and tokens (and a direct appender): exactly one event per change. */
  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void concurrentWritersGetExactlyOneEventPerChange(String engine) throws Exception {
    open(engine, Duration.ofMillis(10));
    Parties parties = accord.parties();
    Principal coordinator = parties.localCoordinator();
    int writers = 8;
    int rounds = 6;
    List<Principal> vendors = new ArrayList<>();
    List<Principal> operators = new ArrayList<>();
    for (int t = 0; t < writers; t++) {
      parties.createOrganization(coordinator, "Vendor" + t, OrgKind.VENDOR, null, null);
      parties.createOrganization(coordinator, "Operator" + t, OrgKind.OPERATOR, null, null);
      vendors.add(new Principal.OrgMember(parties.organization(coordinator, "Vendor" + t), null, null));
      operators.add(new Principal.OrgMember(parties.organization(coordinator, "Operator" + t), null, null));
    }
    Set<String> sboms = ConcurrentHashMap.newKeySet();
    Set<String> inventories = ConcurrentHashMap.newKeySet();
    Set<String> tokens = ConcurrentHashMap.newKeySet();
    Set<String> revoked = ConcurrentHashMap.newKeySet();
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
    try {
      Future<Integer> direct = pool.submit(() -> {
        int n = 0;
        while (running.get()) {
          accord.ledger().append(LedgerAppends.event("audit.note", "audit:" + (n % 3), clock.instant(), Map.of("n", n), "test"));
          n++;
        }
        return n;
      });
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < writers; t++) {
        int writer = t;
        futures.add(pool.submit(() -> {
          for (int round = 0; round < rounds; round++) {
            switch ((writer + round) % 3) {
              case 0 -> {
                String sbom = Documents.cycloneDx("product-" + writer + "-" + round, "2." + round + ".0");
                IngestResults.Sbom stored = accord.ingestSbom(bytes(sbom), vendors.get(writer));
                assertThat(stored.duplicate()).isFalse();
                sboms.add(stored.sha256());
                assertThat(accord.ingestSbom(bytes(sbom), vendors.get(writer)).duplicate()).isTrue();
              }
              case 1 -> {
                String name = "Operator" + writer;
                String csv = "operator,site,sector,country,criticality,product\n"
                    + name + ",Site " + round + ",energy,DE,essential,pkg:generic/acme/product-" + writer + "@1.0\n";
                IngestResults.Inventory stored = accord.ingestInventory(bytes(csv), "inventory.csv", operators.get(writer));
                assertThat(stored.duplicate()).isFalse();
                inventories.add(stored.sha256());
              }
              default -> {
                String id = parties.createToken(coordinator, "Vendor" + writer, null, false, "w" + writer, Duration.ofDays(1)).token().id();
                tokens.add(id);
                if (round % 2 == 0) {
                  parties.revokeToken(coordinator, id);
                  revoked.add(id);
                }
              }
            }
          }
          return null;
        }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
      running.set(false);
      assertThat(direct.get()).as("direct appends ran beside the writers").isPositive();
    } finally {
      running.set(false);
      pool.shutdown();
    }
    assertThat(outbox(accord)).isZero();
    List<LedgerEvent> events = events(accord.ledger());
    Map<String, Integer> perType = new HashMap<>();
    for (LedgerEvent event : events) {
      perType.merge(event.type(), 1, Integer::sum);
      if (!event.type().startsWith("audit.")) {
        assertThat(event.data()).as(event.type() + " names its actor").containsKey("actor");
      }
    }
    for (String sha : sboms) {
      assertThat(count(events, "sbom.ingested", "sha256", sha)).as("SBOM " + sha).isEqualTo(1);
    }
    for (String sha : inventories) {
      assertThat(count(events, "inventory.ingested", "sha256", sha)).as("inventory " + sha).isEqualTo(1);
    }
    for (String id : tokens) {
      assertThat(count(events, "token.created", "token", id)).as("token " + id).isEqualTo(1);
    }
    for (String id : revoked) {
      assertThat(count(events, "token.revoked", "token", id)).as("revocation of " + id).isEqualTo(1);
    }
    assertThat(perType.get("sbom.ingested")).isEqualTo(sboms.size());
    assertThat(perType.get("inventory.ingested")).isEqualTo(inventories.size());
    assertThat(perType.get("token.created")).isEqualTo(tokens.size());
    assertThat(perType.get("token.revoked")).isEqualTo(revoked.size());
    assertThat(perType.get("org.created")).isEqualTo(2 * writers);
    assertThat(sboms.size() + inventories.size() + tokens.size()).isEqualTo(writers * rounds);
    assertThat(accord.ledger().publish()).as("the publisher keeps up").isEqualTo(accord.ledger().size());
  }

  /** The actor on every event never names a hidden party or a person in the open: such events are commitments. */
  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void thePublicLogNamesNoHiddenPartyNorPerson(String engine) throws Exception {
    open(engine, Duration.ofMillis(50));
    Parties parties = accord.parties();
    Principal coordinator = parties.localCoordinator();
    parties.createOrganization(coordinator, "GridCo", OrgKind.OPERATOR, "FR", null);
    parties.createOrganization(coordinator, "Vendora", OrgKind.VENDOR, "DE", null);
    parties.addMember(coordinator, "Vendora", "alice@vendora.example", org.accord.party.MemberRole.ADMIN);
    Principal operator = new Principal.OrgMember(parties.organization(coordinator, "GridCo"), null, null);
    Principal alice = parties.authenticate(
        parties.createToken(coordinator, "Vendora", "alice@vendora.example", false, "alice", Duration.ofDays(1)).secret()).orElseThrow();
    Principal vendorMachine = new Principal.OrgMember(parties.organization(coordinator, "Vendora"), null, null);
    long byOperator = accord.ingestSbom(bytes(Documents.cycloneDx("scada", "2.1.0")), operator).ledgerIndex();
    long byPerson = accord.ingestSbom(bytes(Documents.cycloneDx("router", "2.1.0")), alice).ledgerIndex();
    long byMachine = accord.ingestSbom(bytes(Documents.cycloneDx("switch", "2.1.0")), vendorMachine).ledgerIndex();
    LedgerService ledger = accord.ledger();
    assertThat(ledger.secret(byOperator)).as("an operator's upload is a commitment").isPresent();
    assertThat(ledger.secret(byPerson)).as("a person's upload is a commitment").isPresent();
    assertThat(ledger.secret(byMachine)).as("a listed vendor's machine upload is public").isEmpty();
    assertThat(LedgerEvent.decode(ledger.entry(byMachine).orElseThrow()).event().data().get("actor"))
        .isEqualTo(Map.of("organization", "Vendora"));
    StringBuilder open = new StringBuilder();
    for (long i = 0; i < ledger.size(); i++) {
      open.append(new String(ledger.entry(i).orElseThrow(), StandardCharsets.UTF_8));
    }
    assertThat(open.toString()).as("the public entries").doesNotContain("GridCo").doesNotContain("alice@vendora.example");
  }
}
