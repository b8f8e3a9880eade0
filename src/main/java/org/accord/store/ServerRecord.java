package org.accord.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * The note a running server leaves beside the data-directory lock ({@code accord.server}): where it
 * listens, its pid, and a credential for command-line runs on the same machine. While a server holds
 * the directory, {@code accord where-used}, {@code ingest}, … read this note and go through the
 * server's API instead of failing on the lock.
 *
 * <p>The credential is random per server run, held only in the server's memory and in this file,
 * which is created with mode 0600: whoever can read it can already read the database and the signing
 * key in the same directory, so it grants nothing new. It dies with the server.
 *
 * @param url the server's base URL, such as {@code http://127.0.0.1:8080/}
 * @param pid the server process's id
 * @param token the local command-line credential
 */
public record ServerRecord(String url, long pid, String token) {
  private static final String FILE = "accord.server";

  public ServerRecord {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(token, "token");
  }

  /** The note's path in a data directory. */
  public static Path file(Path dataDir) {
    return dataDir.resolve(FILE);
  }

  /**
   * Writes the note atomically (a temporary file moved into place), readable by the owner only.
   *
   * @throws org.accord.EnvironmentException if it cannot be written; the message names the file
   */
  public void write(Path dataDir) {
    Path target = file(dataDir);
    Path temporary = dataDir.resolve(FILE + ".tmp");
    Properties properties = new Properties();
    properties.setProperty("url", url);
    properties.setProperty("pid", Long.toString(pid));
    properties.setProperty("token", token);
    try {
      Files.deleteIfExists(temporary);
      try {
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException notPosix) {
        Files.createFile(temporary);
      }
      try (var out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
        properties.store(out, "written by the Accord server that holds this directory; removed when it stops");
      }
      try {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new org.accord.EnvironmentException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads the note, if there is one that names a live process. A note whose process has ended (the
   * server was killed) is ignored.
   *
   * @throws org.accord.EnvironmentException if the note exists but cannot be read or is malformed
   */
  public static Optional<ServerRecord> read(Path dataDir) {
    Path file = file(dataDir);
    Properties properties = new Properties();
    try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(in);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new org.accord.EnvironmentException("cannot read " + file + ": " + e.getMessage(), e);
    }
    String url = properties.getProperty("url");
    String pid = properties.getProperty("pid", "");
    String token = properties.getProperty("token");
    if (url == null || token == null || !pid.matches("[0-9]{1,19}")) {
      throw new org.accord.EnvironmentException(file + " is malformed (url, pid and token are required); delete it if no server runs");
    }
    long process = Long.parseLong(pid);
    if (ProcessHandle.of(process).map(ProcessHandle::isAlive).orElse(false)) {
      return Optional.of(new ServerRecord(url, process, token));
    }
    return Optional.empty();
  }

  /** Removes the note if it is this server's (a newer server's note is left alone). */
  public void delete(Path dataDir) {
    try {
      Optional<ServerRecord> current = read(dataDir);
      if (current.isEmpty() || current.get().token().equals(token)) {
        Files.deleteIfExists(file(dataDir));
      }
    } catch (IOException | org.accord.EnvironmentException e) {
      // Best effort at shutdown: a stale note names a dead pid and is ignored by readers.
    }
  }

  @Override
  public String toString() {
    return "ServerRecord[url=" + url + ", pid=" + pid + ", token=***]";
  }
}
