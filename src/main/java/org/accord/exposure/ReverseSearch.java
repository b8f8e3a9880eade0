package org.accord.exposure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A where-used query: multi-source breadth-first search over the reverse dependency edges, from the
 * matched package versions up to every product and deployment that reaches them.
 *
 * <p>Breadth-first order makes the first discovery of each node a shortest path to the nearest
 * source [1]; a parent pointer per node records it, so one path per hit costs O(depth) to read back
 * and nothing to store beyond the pointer. Starting from all matched versions at once (distance 0)
 * gives each product the shortest path to any matched version, in one pass, instead of one search per
 * version.
 *
 * <p>No allocation proportional to the graph happens per query: the visited set, parent pointers and
 * queue are per-thread arrays reused across queries. A node counts as visited when its stamp equals
 * the current query's epoch, so "clearing" the set is incrementing an int [2]; only when the epoch
 * wraps is the array zeroed. Allocation per query is O(hits + path lengths).
 *
 * <p>[1] Cormen et al. "Introduction to Algorithms", 3rd ed., §22.2 Breadth-first search, Lemma 22.3.
 * <br>[2] Briggs, P., Torczon, L. "An efficient representation for sparse sets", ACM LOPLAS 2(1-4),
 * 1993 (constant-time clear by generation stamping).
 */
final class ReverseSearch {
  private ReverseSearch() {}

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  /** Per-thread search state, grown to the graph's node count on demand. */
  private static final class Scratch {
    int[] stamp = new int[0];
    int[] parent = new int[0];
    int[] queue = new int[0];
    int epoch;

    void ensure(int nodes) {
      if (stamp.length < nodes) {
        int capacity = Math.max(nodes, stamp.length + (stamp.length >> 1));
        stamp = new int[capacity];
        parent = new int[capacity];
        queue = new int[capacity];
        epoch = 0;
      }
      if (++epoch == 0) {
        Arrays.fill(stamp, 0);
        epoch = 1;
      }
    }
  }

  /** Runs the search; the caller holds the graph's read lock. */
  static WhereUsed run(ExposureGraph graph, String packageKey, int[] sources) {
    List<String> matched = new ArrayList<>(sources.length);
    for (int source : sources) {
      matched.add(graph.purl(source));
    }
    if (sources.length == 0) {
      return new WhereUsed(packageKey, matched, List.of(), List.of(), List.of());
    }
    Scratch scratch = SCRATCH.get();
    scratch.ensure(graph.nodeCount());
    int[] stamp = scratch.stamp;
    int[] parent = scratch.parent;
    int[] queue = scratch.queue;
    int epoch = scratch.epoch;

    int head = 0;
    int tail = 0;
    for (int source : sources) {
      if (stamp[source] != epoch) {
        stamp[source] = epoch;
        parent[source] = -1;
        queue[tail++] = source;
      }
    }
    int baseNodes = graph.baseNodeCount();
    int[] offsets = graph.baseOffsets();
    int[] parents = graph.baseParents();
    boolean tombstones = graph.hasTombstones();
    while (head < tail) {
      int node = queue[head++];
      if (node < baseNodes) {
        for (int i = offsets[node], end = offsets[node + 1]; i < end; i++) {
          int next = parents[i];
          if (stamp[next] != epoch && (!tombstones || !graph.isRemovedBase(next, node))) {
            stamp[next] = epoch;
            parent[next] = node;
            queue[tail++] = next;
          }
        }
      }
      IntList delta = graph.deltaParentsOf(node);
      if (delta != null) {
        for (int i = 0; i < delta.size(); i++) {
          int next = delta.get(i);
          if (stamp[next] != epoch) {
            stamp[next] = epoch;
            parent[next] = node;
            queue[tail++] = next;
          }
        }
      }
    }

    // The queue holds every reached node in order of distance, so hits come out shortest first.
    List<WhereUsed.ProductHit> products = new ArrayList<>();
    List<WhereUsed.DeploymentHit> deployments = new ArrayList<>();
    ExposureGraph.AggregateCounter aggregates = new ExposureGraph.AggregateCounter();
    for (int i = 0; i < tail; i++) {
      int node = queue[i];
      boolean product = graph.isProduct(node);
      IntList running = graph.deploymentsOf(node);
      if (!product && running == null) {
        continue;
      }
      List<String> path = pathFrom(graph, parent, node);
      if (product) {
        products.add(new WhereUsed.ProductHit(graph.purl(node), path));
      }
      if (running != null) {
        for (int d = 0; d < running.size(); d++) {
          Deployment deployment = graph.deployment(running.get(d));
          aggregates.add(deployment);
          deployments.add(
              new WhereUsed.DeploymentHit(
                  deployment.operator(),
                  deployment.site(),
                  deployment.sector(),
                  deployment.country(),
                  deployment.criticality(),
                  graph.purl(node),
                  path));
        }
      }
    }
    products.sort(Comparator.comparingInt((WhereUsed.ProductHit hit) -> hit.path().size()).thenComparing(WhereUsed.ProductHit::purl));
    deployments.sort(
        Comparator.comparingInt((WhereUsed.DeploymentHit hit) -> hit.path().size())
            .thenComparing(WhereUsed.DeploymentHit::operator)
            .thenComparing(WhereUsed.DeploymentHit::site)
            .thenComparing(WhereUsed.DeploymentHit::product));
    return new WhereUsed(packageKey, matched, products, deployments, aggregates.cells());
  }

  private static List<String> pathFrom(ExposureGraph graph, int[] parent, int node) {
    List<String> path = new ArrayList<>(8);
    for (int current = node; current >= 0; current = parent[current]) {
      path.add(graph.purl(current));
    }
    return List.copyOf(path);
  }
}
