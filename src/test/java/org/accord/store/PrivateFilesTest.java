package org.accord.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;
import org.accord.app.Accord;
import org.accord.testing.Documents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data directory holds private documents and the ledger's salts: on creation it is 0700 and every
 * file in it 0600, the database's -wal and -shm included. On 4c05838 they were 0755 and 0644.
 */
class PrivateFilesTest {
  @TempDir Path dir;

  @Test
  void aNewDataDirectoryAndEveryFileInItAreOwnerOnly() throws Exception {
    assumeTrue(Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null, "needs a POSIX file system");
    Path data = dir.resolve("new/accord-data");
    try (Accord accord = Accord.open(new Accord.Config(data, null))) {
      accord.ingestSbom(new java.io.ByteArrayInputStream(Documents.cycloneDx("app", "2.1.0").getBytes(java.nio.charset.StandardCharsets.UTF_8)), org.accord.TestPrincipals.member(accord, "Vendora"));
      accord.ledger().size();
      assertThat(Files.exists(data.resolve("accord.db-wal"))).as("the WAL exists while the database is open").isTrue();
      assertOwnerOnly(data);
    }
    assertThat(Files.getPosixFilePermissions(dir.resolve("new"))).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    assertOwnerOnly(data);
  }

  @Test
  void helpersCreateOwnerOnlyAndLeaveExistingThingsAlone() throws Exception {
    assumeTrue(Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null, "needs a POSIX file system");
    Path file = dir.resolve("a/b/file");
    PrivateFiles.createDirectories(file.getParent());
    assertThat(PrivateFiles.createFile(file)).isTrue();
    assertThat(PrivateFiles.createFile(file)).as("exists").isFalse();
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.getPosixFilePermissions(dir.resolve("a"))).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    Files.setPosixFilePermissions(dir.resolve("a"), PosixFilePermissions.fromString("rwxr-x---"));
    PrivateFiles.createDirectories(dir.resolve("a"));
    assertThat(Files.getPosixFilePermissions(dir.resolve("a"))).as("an existing directory keeps its mode").isEqualTo(PosixFilePermissions.fromString("rwxr-x---"));
  }

  private static void assertOwnerOnly(Path data) throws Exception {
    Set<PosixFilePermission> others =
        Set.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    try (Stream<Path> all = Files.walk(data)) {
      for (Path path : all.toList()) {
        assertThat(Files.getPosixFilePermissions(path)).as(data.relativize(path).toString()).doesNotContainAnyElementsOf(others);
      }
    }
    assertThat(Files.getPosixFilePermissions(data)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    assertThat(Files.getPosixFilePermissions(data.resolve("accord.db"))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }
}
