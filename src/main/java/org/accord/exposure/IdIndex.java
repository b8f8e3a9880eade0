package org.accord.exposure;

import java.util.Arrays;

/**
 * A map from store ids ({@code long}, positive) to dense node indexes ({@code int}), by open
 * addressing with linear probing.
 *
 * <p>The graph holds up to millions of nodes; a {@code HashMap<Long, Integer>} would cost about 60
 * bytes an entry in boxes and table nodes, this about 24 at the default load factor. Keys are mixed
 * with the 64-bit finaliser of MurmurHash3 [1] so that the dense ids a database hands out spread over
 * the table. Not thread-safe: the graph guards it with its lock.
 *
 * <p>[1] Austin Appleby, MurmurHash3, {@code fmix64}. https://github.com/aappleby/smhasher
 */
final class IdIndex {
  private static final long EMPTY = 0L;
  private static final int ABSENT = -1;

  private long[] keys;
  private int[] values;
  private int size;
  private int mask;

  IdIndex(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new long[capacity];
    values = new int[capacity];
    mask = capacity - 1;
  }

  /** The index for {@code id}, or -1. */
  int get(long id) {
    int slot = slot(id);
    while (true) {
      long key = keys[slot];
      if (key == id) {
        return values[slot];
      }
      if (key == EMPTY) {
        return ABSENT;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Maps {@code id} (which must be positive) to {@code index}, replacing any earlier mapping. */
  void put(long id, int index) {
    if (id <= 0) {
      throw new IllegalArgumentException("store ids are positive: " + id);
    }
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    int slot = slot(id);
    while (keys[slot] != EMPTY && keys[slot] != id) {
      slot = (slot + 1) & mask;
    }
    if (keys[slot] == EMPTY) {
      size++;
    }
    keys[slot] = id;
    values[slot] = index;
  }

  int size() {
    return size;
  }

  private int slot(long id) {
    long h = id;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return (int) h & mask;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    mask = keys.length - 1;
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        put(oldKeys[i], oldValues[i]);
      }
    }
    Arrays.fill(oldKeys, EMPTY);
  }
}
