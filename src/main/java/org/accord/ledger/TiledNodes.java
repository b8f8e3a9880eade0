package org.accord.ledger;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Complete-subtree hashes read from stored tiles, with a bounded cache of expanded tiles: the {@link
 * NodeSource} that makes a proof O(log n) tile reads.
 *
 * <p>Thread-safe. The cache holds at most {@code capacity} tiles, least recently used first out. It
 * never serves stale data: the first {@code W} hashes of a tile never change, and an entry narrower
 * than a request needs is read again.
 *
 * <p>How: the node at tree height {@code h} and index {@code j} lives in the tile at level {@code L =
 * h / 8}, as the root of the aligned run of {@code 2^(h mod 8)} hashes starting at {@code j·2^(h mod
 * 8)} in that level's numbering [1]. A tile is expanded once into its eight internal levels (at most
 * 255 hashes), after which every node under it is an array lookup.
 *
 * <p>[1] C2SP tlog-tiles, https://c2sp.org/tlog-tiles, "Merkle Tree".
 */
public final class TiledNodes implements NodeSource {
  private final TileReader reader;
  private final Map<Long, Expanded> cache;

  /**
   * @param reader where tiles come from
   * @param capacity how many expanded tiles (about 16 KiB each) to keep
   */
  public TiledNodes(TileReader reader, int capacity) {
    this.reader = Objects.requireNonNull(reader, "reader");
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity " + capacity + " is not positive");
    }
    this.cache = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Long, Expanded> eldest) {
        return size() > capacity;
      }
    };
  }

  @Override
  public Hash node(int level, long index) {
    int tileLevel = level / TileId.HEIGHT;
    int height = level % TileId.HEIGHT;
    long first = index << height;
    long tileIndex = first >>> TileId.HEIGHT;
    int offset = (int) (first & (TileId.FULL_WIDTH - 1));
    int needed = offset + (1 << height);
    Expanded tile = tile(tileLevel, tileIndex, needed);
    byte[] row = tile.level(height);
    int at = (offset >>> height) * Hash.SIZE;
    byte[] hash = new byte[Hash.SIZE];
    System.arraycopy(row, at, hash, 0, Hash.SIZE);
    return Hash.wrap(hash);
  }

  /** Puts freshly written tile content in the cache, replacing narrower content. */
  public void offer(HashTile tile) {
    long key = key(tile.id().level(), tile.id().index());
    Expanded fresh = new Expanded(tile.hashes(), tile.id().width());
    synchronized (cache) {
      Expanded old = cache.get(key);
      if (old == null || old.width <= fresh.width) {
        cache.put(key, fresh);
      }
    }
  }

  /** Empties the cache, for instance after the store was rolled back. */
  public void clear() {
    synchronized (cache) {
      cache.clear();
    }
  }

  private Expanded tile(int level, long index, int needed) {
    long key = key(level, index);
    synchronized (cache) {
      Expanded cached = cache.get(key);
      if (cached != null && cached.width >= needed) {
        return cached;
      }
    }
    byte[] hashes = reader.read(level, index, needed);
    int width = Math.min(hashes.length / Hash.SIZE, TileId.FULL_WIDTH);
    if (width < needed) {
      throw new IllegalStateException(
          "tile " + TileId.hashes(level, index, needed) + " has " + width + " hashes, " + needed + " needed");
    }
    Expanded fresh = new Expanded(hashes, width);
    synchronized (cache) {
      Expanded cached = cache.get(key);
      if (cached == null || cached.width < width) {
        cache.put(key, fresh);
      }
    }
    return fresh;
  }

  private static long key(int level, long index) {
    return ((long) level << 56) | index;
  }

  /** One tile and, once needed, its internal levels. */
  private static final class Expanded {
    final int width;
    private final byte[] hashes;
    private volatile byte[][] levels;

    Expanded(byte[] hashes, int width) {
      this.hashes = hashes.length == width * Hash.SIZE ? hashes : java.util.Arrays.copyOf(hashes, width * Hash.SIZE);
      this.width = width;
    }

    byte[] level(int height) {
      if (height == 0) {
        return hashes;
      }
      byte[][] expanded = levels;
      if (expanded == null) {
        expanded = Subtrees.expand(hashes, width);
        levels = expanded;
      }
      return expanded[height];
    }
  }
}
