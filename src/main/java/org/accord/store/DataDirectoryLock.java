package org.accord.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.accord.EnvironmentException;

/**
 * The exclusive claim of one process on a data directory, held through an OS file lock on {@code
 * accord.lock}. The lock is released when the process ends, however it ends, so a crash never leaves
 * a stale lock behind; the file only records the holder's pid for the error message.
 *
 * <p>Not thread-safe; one instance per process and directory.
 */
public final class DataDirectoryLock implements AutoCloseable {
  private static final String LOCK_FILE = "accord.lock";

  /** The directories this process holds, by absolute normalised path. */
  private static final java.util.Set<Path> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private final FileChannel channel;
  private final FileLock lock;
  private final Path key;

  private DataDirectoryLock(FileChannel channel, FileLock lock, Path key) {
    this.key = key;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Claims the directory, creating it (mode 0700, {@link PrivateFiles}) if needed.
   *
   * @throws EnvironmentException if another process holds it (the message names that process) or the
   *     directory cannot be created or locked
   */
  public static DataDirectoryLock acquire(Path dataDir) {
    Path file = dataDir.resolve(LOCK_FILE);
    // POSIX record locks belong to the process, and closing any descriptor of the file drops them
    // all, so a second claim from this same JVM must be refused before it opens the file.
    Path key = dataDir.toAbsolutePath().normalize();
    if (!HELD.add(key)) {
      throw new EnvironmentException(inUse(key, Long.toString(ProcessHandle.current().pid())));
    }
    boolean acquired = false;
    try {
      PrivateFiles.createDirectories(dataDir);
      PrivateFiles.createFile(file);
      FileChannel channel =
          FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      try {
        FileLock lock;
        try {
          lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
          lock = null;
        }
        if (lock == null) {
          // Only for the message: whatever the file holds, the refusal stays this one.
          throw new EnvironmentException(inUse(key, new String(Files.readAllBytes(file), StandardCharsets.UTF_8)));
        }
        channel.truncate(0);
        channel.write(java.nio.ByteBuffer.wrap(
            Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
        channel.force(false);
        acquired = true;
        return new DataDirectoryLock(channel, lock, key);
      } catch (IOException | RuntimeException e) {
        channel.close(); // also releases the lock if it was taken
        throw e;
      }
    } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.NotDirectoryException e) {
      throw new EnvironmentException("data directory " + dataDir + " is not a directory (" + e.getMessage() + " is a file)", e);
    } catch (IOException e) {
      throw new EnvironmentException("cannot lock data directory " + dataDir + ": " + e.getMessage(), e);
    } finally {
      if (!acquired) {
        HELD.remove(key);
      }
    }
  }

  /** The refusal message; the holder is named only when the lock file holds a pid. */
  static String inUse(Path dataDir, String lockFileContent) {
    String holder = lockFileContent.strip();
    return "data directory "
        + dataDir
        + " is in use by another Accord process"
        + (holder.matches("[0-9]+") ? " (pid " + holder + ")" : "")
        + "; stop it first, or point --data at another directory";
  }

  @Override
  public void close() {
    try (channel) {
      lock.release();
    } catch (IOException e) {
      // The OS drops the lock with the channel anyway; nothing more to do.
    } finally {
      HELD.remove(key);
    }
  }
}
