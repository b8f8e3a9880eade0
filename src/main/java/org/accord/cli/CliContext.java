package org.accord.cli;

import org.accord.app.Accord;

/** The resources one command-line run opens on first use and closes at exit. Not thread-safe. */
final class CliContext implements AutoCloseable {
  private final Main main;
  private Accord accord;

  CliContext(Main main) {
    this.main = main;
  }

  /** The instance on the chosen data directory and database, opened on first call. */
  Accord accord() {
    if (accord == null) {
      accord = Accord.open(new Accord.Config(main.dataDir(), main.dbUrl()));
    }
    return accord;
  }

  @Override
  public void close() {
    if (accord != null) {
      accord.close();
      accord = null;
    }
  }
}
