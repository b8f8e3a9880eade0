package org.accord.ledger;

/**
 * Where a {@link Prover} reads the hashes of complete subtrees: in Accord, the stored tiles ({@link
 * TiledNodes}); in tests, an in-memory tree.
 *
 * <p>Implementations must be safe for the threads that share them. They throw {@link
 * IllegalStateException} when a node that a tree of the prover's size must have is not available
 * (a missing or short tile), naming the tile.
 */
@FunctionalInterface
public interface NodeSource {
  /**
   * The Merkle tree hash of the complete subtree at {@code level} and {@code index}, which covers the
   * leaves {@code [index·2^level, (index+1)·2^level)}; level 0 is the leaf hashes.
   */
  Hash node(int level, long index);
}
