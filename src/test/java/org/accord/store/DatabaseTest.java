package org.accord.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.accord.EnvironmentException;
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
      java.util.List<String> organizations =
          database.jdbi().withHandle(h -> h.createQuery("SELECT name FROM organizations").mapTo(String.class).list());
      assertThat(organizations).as("a new store holds only the local command line's organization").containsExactly("local");
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
        .isInstanceOf(EnvironmentException.class)
        .hasMessageContaining("unsupported database URL")
        .hasMessageNotContaining("secret");
  }

  @Test
  @SuppressWarnings("try") // the first lock is held, not used
  void secondLockOnADirectoryFailsClearly() {
    try (DataDirectoryLock first = DataDirectoryLock.acquire(dir)) {
      assertThatThrownBy(() -> DataDirectoryLock.acquire(dir))
          .isInstanceOf(EnvironmentException.class)
          .hasMessageContaining("in use by another Accord process");
    }
    DataDirectoryLock.acquire(dir).close();
  }

  /** A lock file that does not hold a pid (not UTF-8 here) still gives the clear refusal. */
  @Test
  @SuppressWarnings("try") // the first lock is held, not used
  void aLockFileWithoutAPidStillFailsClearly() {
    String garbage = new String(new byte[] {(byte) 0xff, (byte) 0xfe, 0x31}, java.nio.charset.StandardCharsets.UTF_8);
    assertThat(DataDirectoryLock.inUse(dir, garbage)).contains("in use by another Accord process").doesNotContain("pid");
    assertThat(DataDirectoryLock.inUse(dir, "4242\n")).contains("(pid 4242)");
  }

  @Test
  @SuppressWarnings("try") // the first claim is held, never used, while the second is tried
  void aSecondClaimInTheSameProcessDoesNotDropTheFirst() throws IOException {
    try (DataDirectoryLock first = DataDirectoryLock.acquire(dir)) {
      assertThatThrownBy(() -> DataDirectoryLock.acquire(dir)).hasMessageContaining("in use by another Accord process");
      assertThatThrownBy(() -> DataDirectoryLock.acquire(dir.resolve("..").resolve(dir.getFileName())))
          .hasMessageContaining("in use");
      // The first claim still holds the OS lock: another channel in this JVM cannot take it.
      try (var channel = java.nio.channels.FileChannel.open(dir.resolve("accord.lock"), java.nio.file.StandardOpenOption.WRITE)) {
        assertThatThrownBy(channel::tryLock).isInstanceOf(java.nio.channels.OverlappingFileLockException.class);
      }
    }
    DataDirectoryLock.acquire(dir).close();
  }
}
