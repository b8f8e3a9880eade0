package org.accord.exposure;

import java.util.Arrays;

/**
 * Builds the Compressed Sparse Row arrays of the reverse adjacency: for each child node, the sorted,
 * distinct parents that depend on it.
 *
 * <p>A counting sort by child [1]: one pass counts each child's in-degree, a prefix sum turns counts
 * into offsets, a second pass scatters parents into place. Each segment is then sorted and
 * deduplicated in place and the array compacted. Time O(m + Σ d log d) for m edges, memory two int
 * arrays of m. Not thread-safe; callers hold the graph's lock.
 *
 * <p>[1] Cormen, Leiserson, Rivest, Stein. "Introduction to Algorithms", 3rd ed., §8.2 Counting sort.
 */
final class CsrBuilder {
  private CsrBuilder() {}

  /** The built arrays: parents of child c are {@code parents[offsets[c] .. offsets[c + 1])}. */
  record Csr(int nodeCount, int[] offsets, int[] parents) {}

  /** Builds from parallel edge arrays ({@code parents[i] -> children[i]}, the first {@code m}). */
  static Csr build(int nodeCount, int[] parents, int[] children, int m) {
    int[] offsets = new int[nodeCount + 1];
    for (int i = 0; i < m; i++) {
      offsets[children[i] + 1]++;
    }
    for (int c = 0; c < nodeCount; c++) {
      offsets[c + 1] += offsets[c];
    }
    int[] cursor = Arrays.copyOf(offsets, nodeCount);
    int[] scattered = new int[m];
    for (int i = 0; i < m; i++) {
      scattered[cursor[children[i]]++] = parents[i];
    }
    return sortAndDeduplicate(nodeCount, offsets, scattered);
  }

  /** Folds a graph's base arrays, tombstones and delta buffer into fresh arrays. */
  static Csr merge(ExposureGraph graph) {
    int nodeCount = graph.nodeCount();
    int baseNodes = graph.baseNodeCount();
    int[] baseOffsets = graph.baseOffsets();
    int[] baseParents = graph.baseParents();
    boolean tombstones = graph.hasTombstones();
    int[] offsets = new int[nodeCount + 1];
    for (int c = 0; c < nodeCount; c++) {
      int degree = c < baseNodes ? baseOffsets[c + 1] - baseOffsets[c] : 0;
      IntList delta = graph.deltaParentsOf(c);
      offsets[c + 1] = offsets[c] + degree + (delta == null ? 0 : delta.size());
    }
    int[] parents = new int[offsets[nodeCount]];
    int[] actual = new int[nodeCount + 1];
    int write = 0;
    for (int c = 0; c < nodeCount; c++) {
      int start = write; // segments stay contiguous: c ends where c + 1 starts
      if (c < baseNodes) {
        for (int i = baseOffsets[c]; i < baseOffsets[c + 1]; i++) {
          int parent = baseParents[i];
          if (!tombstones || !graph.isRemovedBase(parent, c)) {
            parents[write++] = parent;
          }
        }
      }
      IntList delta = graph.deltaParentsOf(c);
      if (delta != null) {
        for (int i = 0; i < delta.size(); i++) {
          parents[write++] = delta.get(i);
        }
      }
      actual[c] = start;
    }
    actual[nodeCount] = write;
    return sortAndDeduplicate(nodeCount, actual, parents);
  }

  private static Csr sortAndDeduplicate(int nodeCount, int[] offsets, int[] parents) {
    int write = 0;
    for (int c = 0; c < nodeCount; c++) {
      int from = offsets[c];
      int to = offsets[c + 1];
      offsets[c] = write;
      if (to - from > 1) {
        Arrays.sort(parents, from, to);
      }
      int previous = -1;
      for (int i = from; i < to; i++) {
        int parent = parents[i];
        if (parent != previous) {
          parents[write++] = parent;
          previous = parent;
        }
      }
    }
    offsets[nodeCount] = write;
    return new Csr(nodeCount, offsets, write == parents.length ? parents : Arrays.copyOf(parents, write));
  }
}
