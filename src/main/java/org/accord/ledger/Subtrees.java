package org.accord.ledger;

/**
 * Merkle tree hashes of runs of consecutive hashes inside a tile buffer. A run of {@code 2^k} hashes,
 * aligned, is a complete subtree; its root costs {@code 2^k - 1} interior hashes.
 */
final class Subtrees {
  private Subtrees() {}

  /**
   * The root of the complete subtree over {@code count} (a power of two) hashes of {@code buffer}
   * starting at hash {@code first}.
   */
  static byte[] root(byte[] buffer, int first, int count) {
    if (count == 1) {
      byte[] single = new byte[Hash.SIZE];
      System.arraycopy(buffer, first * Hash.SIZE, single, 0, Hash.SIZE);
      return single;
    }
    byte[] scratch = new byte[(count / 2) * Hash.SIZE];
    for (int i = 0; i < count / 2; i++) {
      Sha256.node(buffer, (first + 2 * i) * Hash.SIZE, buffer, (first + 2 * i + 1) * Hash.SIZE, scratch, i * Hash.SIZE);
    }
    for (int n = count / 2; n > 1; n /= 2) {
      for (int i = 0; i < n / 2; i++) {
        Sha256.node(scratch, 2 * i * Hash.SIZE, scratch, (2 * i + 1) * Hash.SIZE, scratch, i * Hash.SIZE);
      }
    }
    byte[] root = new byte[Hash.SIZE];
    System.arraycopy(scratch, 0, root, 0, Hash.SIZE);
    return root;
  }

  /**
   * All levels of the subtrees of a tile of {@code width} hashes: {@code levels[r]} holds the roots of
   * the complete aligned runs of {@code 2^r} hashes, {@code floor(width / 2^r)} of them.
   */
  static byte[][] expand(byte[] hashes, int width) {
    byte[][] levels = new byte[TileId.HEIGHT][];
    levels[0] = hashes;
    int count = width;
    for (int r = 1; r < TileId.HEIGHT; r++) {
      int parents = count / 2;
      byte[] up = new byte[parents * Hash.SIZE];
      byte[] down = levels[r - 1];
      for (int i = 0; i < parents; i++) {
        Sha256.node(down, 2 * i * Hash.SIZE, down, (2 * i + 1) * Hash.SIZE, up, i * Hash.SIZE);
      }
      levels[r] = up;
      count = parents;
    }
    return levels;
  }
}
