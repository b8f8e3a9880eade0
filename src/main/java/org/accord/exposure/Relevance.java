package org.accord.exposure;

import java.util.BitSet;

/**
 * Marks the relevant nodes: those some product root or deployed node reaches by its dependency edges,
 * i.e. the union of every product's and deployment's transitive closure.
 *
 * <p>Why: where-used walks from the matched versions towards their dependents, and only product roots
 * and deployed nodes are answers. A dependent that no product or deployment contains can lead to no
 * answer, because anything it led to would contain it. Such nodes are most of a real catalogue (old
 * versions, libraries no deployed product uses): in the generated million-version world only about 8%
 * of the nodes are relevant. The search skips the others, which is exact and cuts its work by the
 * same factor.
 *
 * <p>How: a forward depth-first marking over the forward CSR arrays and the delta buffer, from every
 * product and deployed node, skipping tombstoned edges. Ingests extend the marking incrementally from
 * their new products, deployments and edges; removals leave it a superset (still exact for search,
 * only less pruned) until the next compaction recomputes it. Not thread-safe: callers hold the graph's
 * write lock, or its read lock for a compaction that builds a fresh marking.
 */
final class Relevance {
  private Relevance() {}

  /** The exact marking for the graph's current edges (base arrays {@code csr} plus its delta buffer). */
  static BitSet compute(ExposureGraph graph, CsrBuilder.Csr csr, boolean includeDelta) {
    BitSet relevant = new BitSet(graph.nodeCount());
    IntList seeds = new IntList(1024);
    for (int node = graph.nodeCount() - 1; node >= 0; node--) {
      if (graph.isProduct(node) || graph.deployments().isDeployed(node)) {
        seeds.add(node);
      }
    }
    extend(graph, csr, includeDelta, relevant, seeds);
    return relevant;
  }

  /** Marks {@code seeds} and everything they reach that is not marked yet; returns the newly marked nodes. */
  static IntList extend(ExposureGraph graph, CsrBuilder.Csr csr, boolean includeDelta, BitSet relevant, IntList seeds) {
    IntList marked = new IntList();
    int[] stack = new int[Math.max(16, seeds.size())];
    int top = 0;
    for (int i = 0; i < seeds.size(); i++) {
      int seed = seeds.get(i);
      if (!relevant.get(seed)) {
        relevant.set(seed);
        marked.add(seed);
        if (top == stack.length) {
          stack = java.util.Arrays.copyOf(stack, top * 2);
        }
        stack[top++] = seed;
      }
    }
    int baseNodes = csr.nodeCount();
    int[] offsets = csr.childOffsets();
    int[] children = csr.children();
    boolean tombstones = includeDelta && graph.hasTombstones();
    while (top > 0) {
      int node = stack[--top];
      if (node < baseNodes) {
        for (int i = offsets[node], end = offsets[node + 1]; i < end; i++) {
          int child = children[i];
          if (!relevant.get(child) && (!tombstones || !graph.isRemovedBase(node, child))) {
            relevant.set(child);
            marked.add(child);
            if (top == stack.length) {
              stack = java.util.Arrays.copyOf(stack, top * 2);
            }
            stack[top++] = child;
          }
        }
      }
      IntList delta = includeDelta ? graph.deltaChildrenOf(node) : null;
      if (delta != null) {
        for (int i = 0; i < delta.size(); i++) {
          int child = delta.get(i);
          if (!relevant.get(child)) {
            relevant.set(child);
            marked.add(child);
            if (top == stack.length) {
              stack = java.util.Arrays.copyOf(stack, top * 2);
            }
            stack[top++] = child;
          }
        }
      }
    }
    return marked;
  }
}
