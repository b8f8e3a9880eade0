package org.accord.ledger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the root, inclusion proofs and consistency proofs of one tree size from the hashes of its
 * complete subtrees.
 *
 * <p>Not thread-safe: it memoizes the hashes of the tree's incomplete right-border subtrees, which
 * every proof against the same size shares. Make one per tree size and thread; they are cheap.
 *
 * <p>How: RFC 9162 defines both proofs recursively over ranges of leaves, splitting a range of {@code
 * n} leaves at the largest power of two below {@code n} [1 §2.1.3.1, §2.1.4.1]. Each proof element is
 * the Merkle tree hash of one range. A range whose length is a power of two is a complete, aligned
 * subtree and is read from the {@link NodeSource} (one tile read); any other range is a suffix {@code
 * [a, size)} of the tree, hashed from the complete subtrees that tile it, largest first. So a proof
 * costs O(log n) node reads and no recomputation from leaves, which is what tiles are for [2].
 *
 * <p>[1] RFC 9162, Certificate Transparency Version 2.0, §2.1.
 * <br>[2] C2SP tlog-tiles, https://c2sp.org/tlog-tiles.
 */
public final class Prover {
  private final long size;
  private final NodeSource nodes;
  private final Map<Long, Hash> suffixHashes = new HashMap<>();

  Prover(long size, NodeSource nodes) {
    if (size < 0) {
      throw new IllegalArgumentException("tree size " + size + " is negative");
    }
    this.size = size;
    this.nodes = Objects.requireNonNull(nodes, "nodes");
  }

  /** The tree size this prover works on. */
  public long size() {
    return size;
  }

  /** The root hash of the tree: RFC 9162 MTH of all leaves; {@code SHA-256("")} when empty. */
  public Hash root() {
    return size == 0 ? MerkleLog.EMPTY_ROOT : rangeHash(0, size);
  }

  /**
   * The inclusion proof (audit path) of leaf {@code index}, from the leaf's sibling up to the root's
   * child, as RFC 9162 §2.1.3.1 orders it.
   *
   * @throws IllegalArgumentException if {@code index} is not in the tree
   */
  public List<Hash> inclusion(long index) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException("index " + index + " is not in a tree of size " + size);
    }
    List<Hash> path = new ArrayList<>(64);
    long offset = 0;
    long length = size;
    long leaf = index;
    while (length > 1) {
      long split = Long.highestOneBit(length - 1);
      if (leaf < split) {
        path.add(rangeHash(offset + split, offset + length));
        length = split;
      } else {
        path.add(rangeHash(offset, offset + split));
        leaf -= split;
        offset += split;
        length -= split;
      }
    }
    Collections.reverse(path);
    return path;
  }

  /**
   * The consistency proof from the tree of size {@code from} to this one, as RFC 9162 §2.1.4.1 defines
   * it; empty when {@code from} equals {@link #size()}.
   *
   * @throws IllegalArgumentException if {@code from} is not between 1 and {@link #size()}
   */
  public List<Hash> consistency(long from) {
    if (from < 1 || from > size) {
      throw new IllegalArgumentException(
          "a consistency proof needs 1 <= from <= " + size + ", not from = " + from);
    }
    List<Hash> proof = new ArrayList<>(64);
    long offset = 0;
    long length = size;
    long old = from;
    boolean whole = true;
    while (true) {
      if (old == length) {
        if (!whole) {
          proof.add(rangeHash(offset, offset + length));
        }
        break;
      }
      long split = Long.highestOneBit(length - 1);
      if (old <= split) {
        proof.add(rangeHash(offset + split, offset + length));
        length = split;
      } else {
        proof.add(rangeHash(offset, offset + split));
        old -= split;
        offset += split;
        length -= split;
        whole = false;
      }
    }
    Collections.reverse(proof);
    return proof;
  }

  /** MTH of the leaves {@code [begin, end)}, a range that RFC 9162's recursion produces. */
  private Hash rangeHash(long begin, long end) {
    long length = end - begin;
    if ((length & (length - 1)) == 0) {
      int level = Long.numberOfTrailingZeros(length);
      if ((begin & (length - 1)) != 0) {
        throw new IllegalStateException("unaligned subtree [" + begin + ", " + end + ")");
      }
      return nodes.node(level, begin >>> level);
    }
    if (end == size) {
      Hash cached = suffixHashes.get(begin);
      if (cached != null) {
        return cached;
      }
    }
    long split = Long.highestOneBit(length);
    Hash hash = MerkleLog.nodeHash(rangeHash(begin, begin + split), rangeHash(begin + split, end));
    if (end == size) {
      suffixHashes.put(begin, hash);
    }
    return hash;
  }
}
