package org.accord.cli;

import org.accord.app.Accord;
import org.accord.sbom.ReadLimits;

/**
 * The resources one command-line run opens on first use and closes at exit. Thread-safe: a shutdown
 * hook may close it while the command's thread still runs.
 */
final class CliContext implements AutoCloseable {
  private final Main main;
  private Accord accord;
  private boolean closed;

  CliContext(Main main) {
    this.main = main;
  }

  /** The instance on the chosen data directory and database, opened on first call. */
  synchronized Accord accord() {
    if (closed) {
      throw new IllegalStateException("accord is shutting down");
    }
    if (accord == null) {
      accord = Accord.open(new Accord.Config(main.dataDir(), main.dbUrl(), limits()));
    }
    return accord;
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
