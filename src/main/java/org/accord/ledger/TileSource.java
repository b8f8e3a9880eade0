package org.accord.ledger;

import java.io.IOException;
import java.util.Optional;

/**
 * Where an auditor reads a tiled log from: a web server, a directory, or Accord's own store. Paths
 * are relative to the log prefix: {@code checkpoint}, {@code tile/0/x001/234.p/5}, {@code
 * tile/entries/000}.
 *
 * <p>Implementations need not be thread-safe; the verifier reads from one thread.
 */
@FunctionalInterface
public interface TileSource {
  /**
   * The bytes of a resource, or empty if it does not exist (HTTP 404, no such file).
   *
   * @throws IOException if the resource could not be read for another reason
   */
  Optional<byte[]> fetch(String path) throws IOException;
}
