package org.accord.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.accord.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DatabaseTest {
  @TempDir Path dir;

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void migratesAndReopens(String engine) {
    try (Database database = TestDatabases.open(engine, dir)) {
      int tables =
          database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM organizations").mapTo(Integer.class).one());
      assertThat(tables).isZero();
    }
    if (engine.equals("sqlite")) {
      try (Database again = Database.openEmbedded(dir)) {
        assertThat(again.dialect()).isEqualTo(Database.Dialect.SQLITE);
      }
    }
  }

  @Test
  void rejectsUnknownEngine() {
    assertThatThrownBy(() -> Database.open("jdbc:mysql://localhost/x?password=secret"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unsupported database URL")
        .hasMessageNotContaining("secret");
  }

  @Test
  @SuppressWarnings("try") // the first lock is held, not used
  void secondLockOnADirectoryFailsClearly() {
    try (DataDirectoryLock first = DataDirectoryLock.acquire(dir)) {
      assertThatThrownBy(() -> DataDirectoryLock.acquire(dir))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("in use by another Accord process");
    }
    DataDirectoryLock.acquire(dir).close();
  }

  /** A lock file that does not hold a pid (not UTF-8 here) still gives the clear refusal. */
  @Test
  @SuppressWarnings("try") // the first lock is held, not used
  void aLockFileWithoutAPidStillFailsClearly() throws IOException {
    try (DataDirectoryLock first = DataDirectoryLock.acquire(dir)) {
      Files.write(dir.resolve("accord.lock"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x31});
      assertThatThrownBy(() -> DataDirectoryLock.acquire(dir))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("in use by another Accord process")
          .hasMessageNotContaining("pid");
    }
    DataDirectoryLock.acquire(dir).close();
  }
}
