package org.accord.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Creates the data directory and its files readable by their owner only: directories 0700, files 0600
 * (ADR 0089). Private documents and the ledger's salts live there. On file systems without POSIX
 * permissions (Windows), the platform's defaults apply. Stateless and thread-safe.
 */
public final class PrivateFiles {
  private PrivateFiles() {}

  /**
   * Creates {@code directory} and any missing parents, each new one with mode 0700; an existing
   * directory is left as it is.
   *
   * @throws IOException as {@link Files#createDirectories}
   */
  public static void createDirectories(Path directory) throws IOException {
    Path absolute = directory.toAbsolutePath();
    if (Files.isDirectory(absolute)) {
      return;
    }
    Path parent = absolute.getParent();
    if (parent != null) {
      createDirectories(parent);
    }
    try {
      if (posix(parent)) {
        Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectory(absolute);
      }
    } catch (FileAlreadyExistsException e) {
      if (!Files.isDirectory(absolute)) {
        throw e;
      }
    }
  }

  /**
   * Creates the empty file {@code file} with mode 0600 unless it exists; returns whether it created it.
   *
   * @throws IOException if the file cannot be created
   */
  public static boolean createFile(Path file) throws IOException {
    try {
      if (posix(file.toAbsolutePath().getParent())) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(file);
      }
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    }
  }

  private static boolean posix(Path directory) {
    return directory != null && Files.getFileAttributeView(directory, PosixFileAttributeView.class) != null;
  }
}
