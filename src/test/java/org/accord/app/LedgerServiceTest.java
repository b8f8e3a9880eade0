package org.accord.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.accord.ledger.Checkpoint;
import org.accord.ledger.Hash;
import org.accord.ledger.LedgerEvent;
import org.accord.ledger.LogReport;
import org.accord.ledger.MerkleLog;
import org.accord.ledger.NoteVerifier;
import org.accord.ledger.Receipt;
import org.accord.ledger.VerificationException;
import org.accord.ledger.VerifiedReceipt;
import org.accord.ledger.Verifier;
import org.accord.store.Database;
import org.accord.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LedgerServiceTest {
  @TempDir Path dir;

  static LedgerService.Options options() {
    return new LedgerService.Options(Duration.ofMillis(50), 512, "accord.test/ledger");
  }

  static LedgerEvent event(String subject, int n) {
    return LedgerEvent.now("test.appended", subject, Map.of("n", n));
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void appendsChainVerifyAndSurviveARestart(String engine) throws Exception {
    String url = engine.equals("postgresql") ? TestDatabases.freshPostgresUrl() : null;
    List<Receipt> receipts = new ArrayList<>();
    String firstCheckpoint;
    NoteVerifier key;
    try (Database database = open(url); LedgerService ledger = LedgerService.start(database, dir, options())) {
      key = ledger.verifierKey();
      assertThat(Verifier.verifyCheckpoint(ledger.checkpoint(), key).size()).isZero();
      Receipt first = ledger.append(event("case:1", 1));
      Receipt second = ledger.append(event("case:1", 2));
      Receipt other = ledger.append(event("case:2", 3));
      receipts.addAll(List.of(first, second, other));
      VerifiedReceipt verified = Verifier.verifyReceipt(second.toJson(), key);
      assertThat(verified.event().orElseThrow().previous()).contains(Hash.sha256(first.entry()));
      assertThat(Verifier.verifyReceipt(other.tlogProof().format(), key).event().orElseThrow().previous()).isEmpty();

      Receipt secret = ledger.appendPrivate(event("case:1", 4));
      assertThat(new String(secret.entry(), java.nio.charset.StandardCharsets.UTF_8)).startsWith("{\"commitment\":");
      VerifiedReceipt revealed = Verifier.verifyReceipt(secret.toJson(), key);
      assertThat(revealed.committed()).isTrue();
      assertThat(revealed.event().orElseThrow().previous())
          .as("private events chain only to private ones (ADR 0087); this is case:1's first").isEmpty();
      assertThat(ledger.secret(secret.index())).isPresent();
      assertThat(ledger.append(event("case:1", 5)).index()).isEqualTo(4);
      receipts.add(secret);

      List<LedgerService.Append> batch = new ArrayList<>();
      for (int i = 0; i < 700; i++) {
        batch.add(LedgerService.Append.open(event("case:" + (i % 13), i)));
      }
      receipts.addAll(ledger.appendAll(batch));
      assertThat(ledger.size()).isEqualTo(705);
      waitForPublished(ledger, 705);
      firstCheckpoint = ledger.checkpoint();
      LogReport report = Verifier.verifyLog(ledger, key, Optional.empty());
      assertThat(report.entries()).isEqualTo(705);
    }
    try (Database database = open(url); LedgerService ledger = LedgerService.start(database, dir, options())) {
      assertThat(ledger.verifierKey()).isEqualTo(key);
      assertThat(ledger.size()).isEqualTo(705);
      assertThat(ledger.checkpoint()).isEqualTo(firstCheckpoint);
      Receipt after = ledger.append(event("case:1", 6));
      assertThat(after.index()).isEqualTo(705);
      Checkpoint before = Verifier.verifyCheckpoint(firstCheckpoint, key);
      Checkpoint now = Verifier.verifyCheckpoint(after.checkpoint(), key);
      MerkleLog.verifyConsistency(before.size(), now.size(), ledger.consistencyProof(before.size(), now.size()), before.root(), now.root());
      for (Receipt receipt : receipts) {
        Verifier.verifyReceipt(receipt, key);
        MerkleLog.verifyInclusion(receipt.index(), now.size(), receipt.leafHash(), ledger.inclusionProof(receipt.index(), now.size()), now.root());
      }
      // The chain continues across the restart.
      assertThat(Verifier.verifyReceipt(after, key).event().orElseThrow().previous()).isPresent();
      Verifier.verifyLog(ledger, key, Optional.of(before));
    }
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void concurrentAppendsGetDistinctIndexesAndValidReceipts(String engine) throws Exception {
    String url = engine.equals("postgresql") ? TestDatabases.freshPostgresUrl() : null;
    try (Database database = open(url); LedgerService ledger = LedgerService.start(database, dir, options())) {
      List<CompletableFuture<List<Receipt>>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        futures.add(CompletableFuture.supplyAsync(() -> {
          List<Receipt> mine = new ArrayList<>();
          for (int i = 0; i < 50; i++) {
            mine.add(ledger.append(event("thread:" + thread, i)));
          }
          return mine;
        }));
      }
      Set<Long> indexes = new HashSet<>();
      for (CompletableFuture<List<Receipt>> future : futures) {
        for (Receipt receipt : future.get()) {
          assertThat(indexes.add(receipt.index())).isTrue();
          Verifier.verifyReceipt(receipt, ledger.verifierKey());
        }
      }
      assertThat(indexes).hasSize(400);
      Verifier.verifyLog(ledger, ledger.verifierKey(), Optional.empty());
    }
  }

  @Test
  void badRequestsAreRefusedByName() {
    try (Database database = Database.openEmbedded(dir); LedgerService ledger = LedgerService.start(database, dir, options())) {
      ledger.append(event("a", 1));
      assertThatThrownBy(() -> ledger.inclusionProof(1, 1)).hasMessageContaining("index 1 is not in a tree of size 1");
      assertThatThrownBy(() -> ledger.inclusionProof(0, 2)).hasMessageContaining("tree size 2");
      assertThatThrownBy(() -> ledger.consistencyProof(0, 1)).hasMessageContaining("proves nothing");
      assertThatThrownBy(() -> ledger.append(LedgerEvent.now("big.event", "a", Map.of("x", "y".repeat(70_000)))))
          .isInstanceOf(org.accord.InvalidInputException.class).hasMessageContaining("65535");
      assertThat(ledger.fetch("tile/0/000.p/1")).isPresent();
      assertThat(ledger.fetch("tile/0/000.p/2")).isEmpty();
      assertThat(ledger.fetch("tile/entries/000.p/2")).isEmpty();
      assertThatThrownBy(() -> ledger.fetch("tile/0/1")).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void keyIsOwnerOnlyAndBindsTheStore() throws Exception {
    try (Database database = Database.openEmbedded(dir); LedgerService ledger = LedgerService.start(database, dir, options())) {
      ledger.append(event("a", 1));
    }
    Path key = dir.resolve("ledger.key");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
    assertThat(Files.readString(key)).startsWith("PRIVATE+KEY+accord.test/ledger+");
    Files.delete(key);
    try (Database database = Database.openEmbedded(dir)) {
      assertThatThrownBy(() -> LedgerService.start(database, dir, options()))
          .isInstanceOf(org.accord.EnvironmentException.class)
          .hasMessageContaining("was not signed by this data directory's key");
    }
  }

  /**
   * A change that commits while the writer waits for SQLite's write lock is in the writer's batch
   * (ADR 0111, addendum 2): the outbox is read inside the batch's transaction, not before it. The first
   * event is woken for while a second change holds the lock; both land under one checkpoint.
   */
  @Test
  void eventsCommittedWhileTheWriterWaitsShareItsBatch() throws Exception {
    Map<Long, Receipt> receipts = new java.util.concurrent.ConcurrentHashMap<>();
    java.util.concurrent.CountDownLatch both = new java.util.concurrent.CountDownLatch(2);
    LedgerService.OutboxListener listener = new LedgerService.OutboxListener() {
      @Override
      public void appended(long outboxId, Receipt receipt) {
        receipts.put(outboxId, receipt);
        both.countDown();
      }

      @Override
      public void failed(long outboxId, RuntimeException cause) {}

      @Override
      public void closed() {}
    };
    try (Database database = Database.openEmbedded(dir);
        LedgerService ledger = LedgerService.start(database, dir, options(), java.time.Clock.systemUTC(), listener)) {
      java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
      long[] ids = new long[2];
      Thread change = new Thread(() -> {
        try {
          database.jdbi().useTransaction(h -> {
            ids[1] = org.accord.store.Outbox.add(h, event("case:b", 2), false, 0);
            holding.countDown();
            Thread.sleep(500); // the writer, woken for the first event, queues for the lock meanwhile
          });
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      database.jdbi().useTransaction(h -> {
        ids[0] = org.accord.store.Outbox.add(h, event("case:a", 1), false, 0);
        change.start();
        // The second change queues for the (fair) write lock before the first commits, so it is next.
        while (change.getState() != Thread.State.WAITING) {
          Thread.sleep(5);
        }
      });
      holding.await();
      ledger.wakeOutbox();
      change.join();
      assertThat(both.await(10, java.util.concurrent.TimeUnit.SECONDS)).as("both events appended").isTrue();
      assertThat(receipts.get(ids[0]).checkpoint()).as("one batch, one signed checkpoint").isEqualTo(receipts.get(ids[1]).checkpoint());
      assertThat(Verifier.readCheckpoint(receipts.get(ids[0]).checkpoint()).size()).isEqualTo(ledger.size());
    }
  }

  private Database open(String url) {
    return url == null ? Database.openEmbedded(dir) : Database.open(url);
  }

  static void waitForPublished(LedgerService ledger, long size) throws VerificationException, InterruptedException {
    long deadline = System.currentTimeMillis() + 5000;
    while (Verifier.readCheckpoint(ledger.checkpoint()).size() < size) {
      assertThat(System.currentTimeMillis()).as("checkpoint of size " + size + " published").isLessThan(deadline);
      Thread.sleep(10);
    }
  }
}
