package org.accord.ledger;

import java.util.Objects;

/**
 * The result of auditing a whole tiled log: the checkpoint it was checked against and how much was read.
 *
 * @param checkpoint the verified checkpoint whose tree was recomputed
 * @param entries entries read and hashed
 * @param tiles hash tiles and entry bundles read
 * @param bytes bytes read
 */
public record LogReport(Checkpoint checkpoint, long entries, long tiles, long bytes) {
  public LogReport {
    Objects.requireNonNull(checkpoint, "checkpoint");
  }
}
