package org.accord.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A tile store in memory for tests: what the SQL store does, without SQL. */
final class MemoryTiles implements TileReader {
  final Map<String, byte[]> tiles = new ConcurrentHashMap<>();
  final List<byte[]> entries = new ArrayList<>();

  void store(List<HashTile> changed) {
    for (HashTile tile : changed) {
      tiles.put(tile.id().level() + "/" + tile.id().index(), tile.hashes());
    }
  }

  @Override
  public byte[] read(int level, long index, int minWidth) {
    byte[] stored = tiles.get(level + "/" + index);
    if (stored == null || stored.length < minWidth * Hash.SIZE) {
      throw new IllegalStateException("tile " + level + "/" + index + " missing or short");
    }
    return stored;
  }

  /** Appends entries to a tree and stores the changed tiles, as the ledger service does per batch. */
  static LogTree appendAll(LogTree tree, MemoryTiles store, List<byte[]> batch) {
    for (byte[] entry : batch) {
      tree.append(MerkleLog.leafHash(entry));
      store.entries.add(entry);
    }
    store.store(tree.drainTiles());
    return tree;
  }
}
