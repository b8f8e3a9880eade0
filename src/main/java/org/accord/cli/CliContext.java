package org.accord.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.accord.app.Accord;
import org.accord.sbom.ReadLimits;
import org.accord.store.ServerRecord;

/**
 * The resources one command-line run opens on first use and closes at exit: either the data directory
 * itself, or, while a server holds it (or with {@code --server}), that server's API.
 *
 * <p>Thread-safe: a shutdown hook may close it while the command's thread still runs.
 */
public final class CliContext implements AutoCloseable {
  private final Main main;
  private Accord accord;
  private Optional<Remote> remote;
  private boolean creating;
  private boolean closed;

  CliContext(Main main) {
    this.main = main;
  }

  /** Set by each command before it runs: whether it may create a data directory that holds no store. */
  synchronized void allowCreating(boolean creating) {
    this.creating = creating;
  }

  /**
   * The server this run goes through, if any: the one named by {@code --server} (with the token in
   * {@code ACCORD_TOKEN}), else the one whose {@link ServerRecord} is in the data directory.
   *
   * @throws UserException if {@code --server} is given without {@code ACCORD_TOKEN}
   * @throws org.accord.EnvironmentException if the server's note is unreadable
   */
  synchronized Optional<Remote> remote() {
    if (remote == null) {
      remote = findRemote();
    }
    return remote;
  }

  private Optional<Remote> findRemote() {
    if (main.server() != null) {
      String token = System.getenv("ACCORD_TOKEN");
      if (token == null || token.isBlank()) {
        throw new UserException("--server needs a token: set ACCORD_TOKEN (accord token create --org NAME prints one)");
      }
      return Optional.of(new Remote(main.server(), token.strip(), "the Accord server at " + main.server()));
    }
    if (main.dbUrl() != null && !Files.isDirectory(main.dataDir())) {
      return Optional.empty();
    }
    return ServerRecord.read(main.dataDir())
        .map(r -> new Remote(r.url(), r.token(), "the Accord server at " + r.url() + " (pid " + r.pid() + ")"));
  }

  /**
   * The instance on the chosen data directory and database, opened on first call.
   *
   * @throws UserException if a server holds the directory (this command has no API path), or a read
   *     command finds no store there
   */
  public synchronized Accord accord() {
    if (closed) {
      throw new IllegalStateException("accord is shutting down");
    }
    if (accord == null) {
      Optional<Remote> server = remote();
      if (server.isPresent()) {
        throw new UserException(
            server.get().describe() + " holds " + where() + ", and this command does not go through its API;"
                + " stop the server to run it on the directory itself");
      }
      Path database = main.dataDir().resolve("accord.db");
      if (main.dbUrl() == null && !creating && !Files.exists(database)) {
        throw new UserException(
            "no Accord data in " + where() + " (no accord.db): ingest something first, run 'accord demo',"
                + " or point --data (or ACCORD_DATA) at the data directory");
      }
      accord = Accord.open(new Accord.Config(main.dataDir(), main.dbUrl(), limits()));
    }
    return accord;
  }

  private String where() {
    return main.dataDir().toAbsolutePath().normalize().toString();
  }

  /** Document limits, with {@code ACCORD_MAX_DOCUMENT_BYTES} (such as {@code 512m}) when set. */
  static ReadLimits limits() {
    String max = System.getenv("ACCORD_MAX_DOCUMENT_BYTES");
    if (max == null || max.isBlank()) {
      return ReadLimits.defaults();
    }
    try {
      return ReadLimits.defaults().withMaxBytes(ReadLimits.parseSize(max));
    } catch (RuntimeException e) {
      throw new UserException("ACCORD_MAX_DOCUMENT_BYTES: " + e.getMessage());
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (accord != null) {
      accord.close();
      accord = null;
    }
  }
}
