package org.accord.exposure;

import java.util.Arrays;

/**
 * Builds the Compressed Sparse Row arrays of the adjacency, both ways: for each child node the sorted,
 * distinct parents that depend on it (what where-used walks), and for each parent its children (what
 * the relevance marking walks).
 *
 * <p>A counting sort by child [1]: one pass counts each child's in-degree, a prefix sum turns counts
 * into offsets, a second pass scatters parents into place. Each segment is then sorted and
 * deduplicated in place and the array compacted. The forward arrays are the transpose, built by the
 * same counting sort keyed by parent; scanning children in ascending order leaves each forward
 * segment sorted. Time O(m + Σ d log d) for m edges, memory four int arrays of m at the peak. Not
 * thread-safe; callers hold the graph's lock.
 *
 * <p>[1] Cormen, Leiserson, Rivest, Stein. "Introduction to Algorithms", 3rd ed., §8.2 Counting sort.
 */
final class CsrBuilder {
  private CsrBuilder() {}

  /**
   * The built arrays: parents of child c are {@code parents[offsets[c] .. offsets[c + 1])}, children
   * of parent p are {@code children[childOffsets[p] .. childOffsets[p + 1])}.
   */
  record Csr(int nodeCount, int[] offsets, int[] parents, int[] childOffsets, int[] children) {}

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
    return merge(graph, new int[0], new int[0]);
  }

  /**
   * Folds a graph's base arrays, tombstones and delta buffer, plus the edges {@code extraParents[i] ->
   * extraChildren[i]}, into fresh arrays.
   */
  static Csr merge(ExposureGraph graph, int[] extraParents, int[] extraChildren) {
    int nodeCount = graph.nodeCount();
    int baseNodes = graph.baseNodeCount();
    int[] baseOffsets = graph.baseOffsets();
    int[] baseParents = graph.baseParents();
    boolean tombstones = graph.hasTombstones();
    int[] extraDegree = new int[nodeCount];
    for (int child : extraChildren) {
      extraDegree[child]++;
    }
    int capacity = extraChildren.length;
    for (int c = 0; c < nodeCount; c++) {
      IntList delta = graph.deltaParentsOf(c);
      capacity += (c < baseNodes ? baseOffsets[c + 1] - baseOffsets[c] : 0) + (delta == null ? 0 : delta.size());
    }
    int[] parents = new int[capacity];
    int[] actual = new int[nodeCount + 1];
    int[] extraAt = new int[nodeCount];
    int write = 0;
    for (int c = 0; c < nodeCount; c++) {
      actual[c] = write; // segments stay contiguous: c ends where c + 1 starts
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
      extraAt[c] = write; // room for this child's extra edges
      write += extraDegree[c];
    }
    actual[nodeCount] = write;
    for (int i = 0; i < extraChildren.length; i++) {
      parents[extraAt[extraChildren[i]]++] = extraParents[i];
    }
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
    int[] compact = write == parents.length ? parents : Arrays.copyOf(parents, write);
    return transposed(nodeCount, offsets, compact);
  }

  /**
   * Reorders each parent segment so that relevant parents come first, both runs staying sorted, and
   * returns where each segment's relevant run ends. The search then scans only the relevant run of a
   * segment: a popular library has hundreds of thousands of dependents, few of them in any product.
   */
  static int[] partition(Csr csr, java.util.BitSet relevant) {
    int nodeCount = csr.nodeCount();
    int[] offsets = csr.offsets();
    int[] parents = csr.parents();
    int[] relevantEnds = new int[nodeCount];
    int[] spill = new int[16];
    for (int c = 0; c < nodeCount; c++) {
      int write = offsets[c];
      int spilled = 0;
      for (int i = offsets[c]; i < offsets[c + 1]; i++) {
        int parent = parents[i];
        if (relevant.get(parent)) {
          parents[write++] = parent;
        } else {
          if (spilled == spill.length) {
            spill = Arrays.copyOf(spill, spilled * 2);
          }
          spill[spilled++] = parent;
        }
      }
      relevantEnds[c] = write;
      System.arraycopy(spill, 0, parents, write, spilled);
    }
    return relevantEnds;
  }

  private static Csr transposed(int nodeCount, int[] offsets, int[] parents) {
    int[] childOffsets = new int[nodeCount + 1];
    for (int parent : parents) {
      childOffsets[parent + 1]++;
    }
    for (int p = 0; p < nodeCount; p++) {
      childOffsets[p + 1] += childOffsets[p];
    }
    int[] cursor = Arrays.copyOf(childOffsets, nodeCount);
    int[] children = new int[parents.length];
    for (int child = 0; child < nodeCount; child++) {
      for (int i = offsets[child]; i < offsets[child + 1]; i++) {
        children[cursor[parents[i]]++] = child;
      }
    }
    return new Csr(nodeCount, offsets, parents, childOffsets, children);
  }
}
