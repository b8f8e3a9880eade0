package org.accord.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.accord.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** SQLite's transactions queue on one in-process lock (ADR 0111); PostgreSQL's do not. */
class SerialWritesTest {
  @TempDir Path dir;

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void concurrentReadThenWriteTransactionsAllCommitAndOnlySqliteQueues(String engine) throws Exception {
    try (Database database = TestDatabases.open(engine, dir)) {
      assertThat(database.jdbi().getTransactionHandler() instanceof SerialWrites).isEqualTo(engine.equals("sqlite"));
      database.jdbi().useHandle(h -> {
        h.execute("CREATE TABLE serial_writes_probe (n BIGINT NOT NULL)");
        h.execute("INSERT INTO serial_writes_probe (n) VALUES (0)");
      });
      AtomicInteger inside = new AtomicInteger();
      AtomicInteger most = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(6);
      try {
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
          writers.add(pool.submit(() -> {
            for (int i = 0; i < 25; i++) {
              database.jdbi().useTransaction(h -> {
                most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                long n = h.createQuery("SELECT n FROM serial_writes_probe").mapTo(Long.class).one();
                h.createUpdate("UPDATE serial_writes_probe SET n = :n").bind("n", n + 1).execute();
                inside.decrementAndGet();
              });
            }
            return null;
          }));
        }
        for (Future<?> writer : writers) {
          writer.get(120, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
      if (engine.equals("sqlite")) {
        assertThat(most.get()).as("one transaction of the process at a time").isEqualTo(1);
        long n = database.jdbi().withHandle(h -> h.createQuery("SELECT n FROM serial_writes_probe").mapTo(Long.class).one());
        assertThat(n).isEqualTo(150L);
      }
    }
  }

  @Test
  void aFailedOrNestedTransactionLeavesTheLockFree() throws Exception {
    try (Database database = Database.openEmbedded(dir)) {
      database.jdbi().useHandle(h -> h.execute("CREATE TABLE serial_writes_probe (n BIGINT NOT NULL)"));
      assertThatThrownBy(() -> database.jdbi().useTransaction(h -> {
        h.execute("INSERT INTO serial_writes_probe (n) VALUES (1)");
        throw new IllegalStateException("refused");
      })).hasMessage("refused");
      // Nested on the same handle: reentrant.
      database.jdbi().useTransaction(h -> h.useTransaction(inner -> inner.execute("INSERT INTO serial_writes_probe (n) VALUES (2)")));
      ExecutorService other = Executors.newSingleThreadExecutor();
      try {
        Future<Long> sum = other.submit(() -> database.jdbi().inTransaction(
            h -> h.createQuery("SELECT COALESCE(SUM(n), 0) FROM serial_writes_probe").mapTo(Long.class).one()));
        assertThat(sum.get(10, TimeUnit.SECONDS)).as("another thread gets the lock; the refused row is gone").isEqualTo(2L);
      } finally {
        other.shutdownNow();
      }
    }
  }
}
