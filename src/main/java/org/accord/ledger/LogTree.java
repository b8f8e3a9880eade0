package org.accord.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The growing right edge of a tiled Merkle log: appends leaf hashes, keeps the partial tile of every
 * level, reports which tiles changed, and computes the root.
 *
 * <p>Not thread-safe: one writer owns it. Memory is constant (one 8 KiB buffer per level), whatever
 * the size of the log.
 *
 * <p>How: a tree of {@code n} leaves has, at each tile level {@code L}, {@code floor(n / 256^(L+1))}
 * full tiles and one partial tile of {@code floor(n / 256^L) mod 256} hashes [1]. Only the partial
 * tiles change as the log grows, so they are all this class holds. An append writes the leaf hash into
 * the level-0 partial tile; when a tile fills, its Merkle root (255 interior hashes, one per leaf
 * amortized) is appended to the partial tile one level up, and the full tile is handed out once, for
 * storing. The root of the whole tree is the right fold of the complete subtrees that the binary
 * representation of {@code n} names, largest first [2 §2.1.1]; each lies inside one partial tile, so
 * computing it touches only those buffers: at most 255 interior hashes per level.
 *
 * <p>[1] C2SP tlog-tiles, https://c2sp.org/tlog-tiles, "Partial Tiles".
 * <br>[2] RFC 9162, Certificate Transparency Version 2.0.
 */
public final class LogTree {
  private static final int LEVELS = 8;
  private static final int WIDTH = TileId.FULL_WIDTH;

  private long size;
  private final byte[][] partial = new byte[LEVELS][WIDTH * Hash.SIZE];
  private final int[] widths = new int[LEVELS];
  private final boolean[] touched = new boolean[LEVELS];
  private final List<HashTile> completed = new ArrayList<>();

  private LogTree() {}

  /** An empty log. */
  public static LogTree empty() {
    return new LogTree();
  }

  /**
   * The right edge of a stored log of {@code size} leaves, read from its partial tiles.
   *
   * @throws IllegalStateException if a partial tile the size requires is missing or short
   */
  public static LogTree restore(long size, TileReader tiles) {
    if (size < 0) {
      throw new IllegalArgumentException("tree size " + size + " is negative");
    }
    LogTree tree = new LogTree();
    tree.size = size;
    for (int level = 0; level < LEVELS && (size >>> (TileId.HEIGHT * level)) != 0; level++) {
      int width = TileId.partialWidth(size, level);
      if (width > 0) {
        byte[] stored = tiles.read(level, TileId.fullTiles(size, level), width);
        if (stored.length < width * Hash.SIZE) {
          throw new IllegalStateException(
              "tile " + TileId.hashes(level, TileId.fullTiles(size, level), width) + " holds "
                  + stored.length / Hash.SIZE + " hashes; a tree of size " + size + " needs " + width);
        }
        System.arraycopy(stored, 0, tree.partial[level], 0, width * Hash.SIZE);
        tree.widths[level] = width;
      }
    }
    return tree;
  }

  /** Number of leaves. */
  public long size() {
    return size;
  }

  /** Appends one leaf hash. */
  public void append(Hash leafHash) {
    Objects.requireNonNull(leafHash, "leafHash");
    push(0, leafHash.array());
    size++;
  }

  private void push(int level, byte[] hash) {
    if (level >= LEVELS) {
      throw new IllegalStateException("the log is full (2^64 leaves)");
    }
    int width = widths[level];
    System.arraycopy(hash, 0, partial[level], width * Hash.SIZE, Hash.SIZE);
    width++;
    if (width < WIDTH) {
      widths[level] = width;
      touched[level] = true;
      return;
    }
    long index = TileId.fullTiles(size, level);
    byte[] full = partial[level].clone();
    completed.add(new HashTile(TileId.hashes(level, index, WIDTH), full));
    widths[level] = 0;
    touched[level] = false;
    push(level + 1, Subtrees.root(full, 0, WIDTH));
  }

  /** The root hash: RFC 9162 MTH of all leaves, {@link MerkleLog#EMPTY_ROOT} when empty. */
  public Hash root() {
    if (size == 0) {
      return MerkleLog.EMPTY_ROOT;
    }
    List<byte[]> subtrees = new ArrayList<>();
    for (int level = LEVELS - 1; level >= 0; level--) {
      int width = widths[level];
      int offset = 0;
      for (int bit = TileId.HEIGHT - 1; bit >= 0; bit--) {
        int count = 1 << bit;
        if ((width & count) != 0) {
          subtrees.add(Subtrees.root(partial[level], offset, count));
          offset += count;
        }
      }
    }
    byte[] hash = subtrees.get(subtrees.size() - 1);
    for (int i = subtrees.size() - 2; i >= 0; i--) {
      hash = Sha256.node(subtrees.get(i), 0, hash, 0);
    }
    return Hash.wrap(hash);
  }

  /**
   * The tiles that changed since the last call, for storing: every tile that filled up, then the
   * current partial tile of each level that received hashes. Storing them all, in one transaction
   * with the entries, keeps the stored tiles equal to this tree.
   */
  public List<HashTile> drainTiles() {
    List<HashTile> tiles = new ArrayList<>(completed);
    completed.clear();
    for (int level = 0; level < LEVELS; level++) {
      if (touched[level] && widths[level] > 0) {
        tiles.add(new HashTile(
            TileId.hashes(level, TileId.fullTiles(size, level), widths[level]),
            Arrays.copyOf(partial[level], widths[level] * Hash.SIZE)));
      }
      touched[level] = false;
    }
    return tiles;
  }

  /** A copy of this tree; the copy starts with no pending tile changes. */
  public LogTree copy() {
    LogTree copy = new LogTree();
    copy.size = size;
    for (int level = 0; level < LEVELS; level++) {
      copy.partial[level] = partial[level].clone();
      copy.widths[level] = widths[level];
    }
    return copy;
  }
}
