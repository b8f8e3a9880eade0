package org.accord.ledger;

/**
 * Reads stored hash tiles for {@link LogTree#restore} and {@link TiledNodes}. Accord's implementation
 * reads the SQL store; tests use memory.
 *
 * <p>Implementations must be thread-safe when shared by a {@link TiledNodes}.
 */
@FunctionalInterface
public interface TileReader {
  /**
   * The hashes of tile {@code index} at {@code level}: the concatenated 32-byte hashes, at least
   * {@code minWidth} of them. A wider stored tile may be returned whole; its first hashes are the same.
   *
   * @throws IllegalStateException if the tile is missing or holds fewer than {@code minWidth} hashes
   */
  byte[] read(int level, long index, int minWidth);
}
