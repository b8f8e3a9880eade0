package org.accord.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.accord.ledger.Hash;
import org.accord.ledger.LedgerEvent;
import org.accord.ledger.Receipt;
import org.accord.store.Database;
import org.accord.testing.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 8, "Leaks": a private event's hash never becomes the {@code prev} of a public event, so the
 * public log does not show that a private event on the subject exists (ADR 0087). Checked from the
 * writer's memory and, after a restart, from the store.
 */
class SeparateChainsTest {
  @TempDir Path dir;

  static LedgerEvent event(String subject, int n) {
    return LedgerEvent.now("test.appended", subject, Map.of("n", n));
  }

  static Optional<Hash> prev(Receipt receipt) throws Exception {
    byte[] event = receipt.reveal().map(Receipt.Reveal::event).orElse(receipt.entry());
    return LedgerEvent.decode(event).previous();
  }

  static Hash hash(Receipt receipt) {
    return Hash.sha256(receipt.reveal().map(Receipt.Reveal::event).orElse(receipt.entry()));
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void aPublicEventNamesOnlyTheLastPublicOne(String engine) throws Exception {
    String url = engine.equals("postgresql") ? TestDatabases.freshPostgresUrl() : null;
    LedgerService.Options options = new LedgerService.Options(Duration.ofMillis(50), 512, "accord.test/chains");
    Receipt firstPublic;
    Receipt secondPrivate;
    try (Database database = url == null ? Database.openEmbedded(dir) : Database.open(url);
        LedgerService ledger = LedgerService.start(database, dir, options)) {
      Receipt firstPrivate = ledger.appendPrivate(event("advisory:ACME-SECRET", 1));
      Receipt publicAfterPrivate = ledger.append(event("advisory:ACME-SECRET", 2));
      assertThat(prev(publicAfterPrivate)).as("the subject's first public event names no private one").isEmpty();
      firstPublic = publicAfterPrivate;
      secondPrivate = ledger.appendPrivate(event("advisory:ACME-SECRET", 3));
      assertThat(prev(secondPrivate)).as("private events chain among themselves").contains(hash(firstPrivate));
      Receipt publicAgain = ledger.append(event("advisory:ACME-SECRET", 4));
      assertThat(prev(publicAgain)).as("a public event after a private one names the last public one")
          .contains(hash(publicAfterPrivate));
      firstPublic = publicAgain;
      // In one batch too, where the heads come from the writer's memory of the batch.
      var receipts = ledger.appendAll(java.util.List.of(
          LedgerService.Append.committed(event("advisory:ACME-SECRET", 5)),
          LedgerService.Append.open(event("advisory:ACME-SECRET", 6))));
      assertThat(prev(receipts.get(1))).contains(hash(publicAgain));
      assertThat(prev(receipts.get(0))).contains(hash(secondPrivate));
      firstPublic = receipts.get(1);
      secondPrivate = receipts.get(0);
    }
    // After a restart the heads come from the store.
    try (Database database = url == null ? Database.openEmbedded(dir) : Database.open(url);
        LedgerService ledger = LedgerService.start(database, dir, options)) {
      Receipt publicAfterRestart = ledger.append(event("advisory:ACME-SECRET", 7));
      assertThat(prev(publicAfterRestart)).contains(hash(firstPublic));
      Receipt privateAfterRestart = ledger.appendPrivate(event("advisory:ACME-SECRET", 8));
      assertThat(prev(privateAfterRestart)).contains(hash(secondPrivate));
    }
  }
}
