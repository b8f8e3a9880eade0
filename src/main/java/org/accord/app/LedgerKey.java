package org.accord.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.accord.EnvironmentException;
import org.accord.ledger.NoteSigner;

/**
 * The log's signing key in the data directory: {@code ledger.key}, in the signed-note private key
 * form, readable and writable by its owner only. Generated on first start.
 */
public final class LedgerKey {
  static final String FILE = "ledger.key";
  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private LedgerKey() {}

  /**
   * The key in {@code dataDir}, generated with key name {@code origin} if there is none.
   *
   * @throws EnvironmentException if the file cannot be read or written, or does not hold a key, or
   *     {@code origin} cannot name a key
   */
  static NoteSigner loadOrCreate(Path dataDir, String origin, SecureRandom random) {
    Path file = dataDir.resolve(FILE);
    try {
      if (!Files.exists(file)) {
        NoteSigner created;
        try {
          created = NoteSigner.generate(origin, random);
        } catch (IllegalArgumentException e) {
          throw new EnvironmentException("the log origin '" + origin + "' (ACCORD_LOG_ORIGIN) cannot name a key: " + e.getMessage(), e);
        }
        create(file, created.format());
      }
      restrict(file);
      return NoteSigner.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new EnvironmentException("cannot read or create the log key " + file + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new EnvironmentException("the log key " + file + " is not valid: " + e.getMessage(), e);
    }
  }

  /**
   * The key in {@code dataDir}, if there is one.
   *
   * @throws EnvironmentException if the file cannot be read or does not hold a key
   */
  static Optional<NoteSigner> load(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(NoteSigner.parse(Files.readString(file, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new EnvironmentException("cannot read the log key " + file + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new EnvironmentException("the log key " + file + " is not valid: " + e.getMessage(), e);
    }
  }

  /**
   * The secret text in {@code file}, created from {@code generate} (owner-only, atomically) if there is
   * none: how other keys of the instance, such as the witness key, are kept like the log key.
   *
   * @throws EnvironmentException if the file cannot be read or written
   */
  public static String loadOrCreateSecret(Path file, java.util.function.Supplier<String> generate) {
    try {
      if (!Files.exists(file)) {
        create(file, generate.get());
      }
      restrict(file);
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new EnvironmentException("cannot read or create the key " + file + ": " + e.getMessage(), e);
    }
  }

  private static void create(Path file, String secret) throws IOException {
    org.accord.store.PrivateFiles.createDirectories(file.getParent());
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(temp);
    boolean posix = Files.getFileAttributeView(file.getParent(), PosixFileAttributeView.class) != null;
    if (posix) {
      Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    } else {
      Files.createFile(temp);
    }
    Files.writeString(temp, secret + "\n", StandardCharsets.UTF_8);
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      Files.delete(temp);
    }
  }

  /** Keeps the key file owner-only, even if someone widened it. */
  private static void restrict(Path file) throws IOException {
    if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null
        && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
      Files.setPosixFilePermissions(file, OWNER_ONLY);
    }
  }
}
