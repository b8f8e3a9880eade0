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
 * <p>Only relevant nodes are entered: those some product or deployment contains (see {@link
 * Relevance}). A dependent outside every product's closure can lead to no answer, and in a real
 * catalogue most dependents are such, so skipping them is exact and cuts the work several-fold.
 *
 * <p>No allocation or work proportional to the graph happens per query: the visited set, parent
 * pointers and queue are per-thread arrays reused across queries. The visited set is one bit per node
 * (128 KiB per million nodes), because the test "seen this parent?" runs once per traversed edge at a
 * random node, and a bitset that fits the per-core L2 cache answers it several times faster than a
 * 4 MiB array of epoch stamps [2]. Instead of an epoch, the bits set by a query are cleared after it by
 * walking its queue, which holds exactly the visited nodes (O(visited), the same order as the search),
 * or, when it visited more than one node in eight words' worth, by one sequential sweep of the bitset.
 * Allocation per query is O(hits + path lengths).
 *
 * <p>[1] Cormen et al. "Introduction to Algorithms", 3rd ed., §22.2 Breadth-first search, Lemma 22.3.
 * <br>[2] Beamer, S., Asanović, K., Patterson, D. "Direction-Optimizing Breadth-First Search", SC 2012,
 * §5 (bitmap visited sets for cache locality); measured here with {@code accord bench where-used}.
 */
final class ReverseSearch {
  private ReverseSearch() {}

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  /** Per-thread search state, grown to the graph's node count on demand; all bits clear between queries. */
  private static final class Scratch {
    long[] visited = new long[0];
    int[] parent = new int[0];
    int[] queue = new int[0];

    void ensure(int nodes) {
      if (queue.length < nodes) {
        int capacity = Math.max(nodes, queue.length + (queue.length >> 1));
        visited = new long[(capacity + 63) >>> 6];
        parent = new int[capacity];
        queue = new int[capacity];
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
    long[] visited = scratch.visited;
    int[] parent = scratch.parent;
    int[] queue = scratch.queue;

    int head = 0;
    int tail = 0;
    java.util.BitSet relevant = graph.relevant();
    for (int source : sources) {
      if (relevant.get(source) && (visited[source >>> 6] & (1L << source)) == 0) {
        visited[source >>> 6] |= 1L << source;
        parent[source] = -1;
        queue[tail++] = source;
      }
    }
    int baseNodes = graph.baseNodeCount();
    int[] offsets = graph.baseOffsets();
    int[] ends = graph.relevantEnds();
    int[] parents = graph.baseParents();
    boolean tombstones = graph.hasTombstones();
    boolean hasDelta = graph.hasDelta();
    boolean hasLate = graph.hasLateParents();
    try {
      while (head < tail) {
        int node = queue[head++];
        if (node < baseNodes) {
          // Only the segment's relevant run: its other parents are in no product's closure.
          for (int i = offsets[node], end = ends[node]; i < end; i++) {
            int next = parents[i];
            long bit = 1L << next;
            if ((visited[next >>> 6] & bit) == 0 && (!tombstones || !graph.isRemovedBase(next, node))) {
              visited[next >>> 6] |= bit;
              parent[next] = node;
              queue[tail++] = next;
            }
          }
          IntList late = hasLate ? graph.lateParentsOf(node) : null;
          if (late != null) {
            for (int i = 0; i < late.size(); i++) {
              int next = late.get(i);
              if ((visited[next >>> 6] & (1L << next)) == 0 && (!tombstones || !graph.isRemovedBase(next, node))) {
                visited[next >>> 6] |= 1L << next;
                parent[next] = node;
                queue[tail++] = next;
              }
            }
          }
        }
        IntList delta = hasDelta ? graph.deltaParentsOf(node) : null;
        if (delta != null) {
          for (int i = 0; i < delta.size(); i++) {
            int next = delta.get(i);
            if ((visited[next >>> 6] & (1L << next)) == 0 && relevant.get(next)) {
              visited[next >>> 6] |= 1L << next;
              parent[next] = node;
              queue[tail++] = next;
            }
          }
        }
      }
      return collect(graph, packageKey, matched, queue, tail, parent);
    } finally {
      // Clear what this query set: word by word through the queue when it visited few nodes, or the
      // whole bitset in one sequential sweep when that touches less memory than random word writes.
      if (tail < visited.length >>> 3) {
        for (int i = 0; i < tail; i++) {
          visited[queue[i] >>> 6] = 0; // the whole word: every other node in it is clear or visited
        }
      } else {
        Arrays.fill(visited, 0L);
      }
    }
  }

  private static WhereUsed collect(
      ExposureGraph graph, String packageKey, List<String> matched, int[] queue, int tail, int[] parent) {
    // Hits are reached nodes that are product roots or run somewhere. The queue is in order of
    // distance; within a distance, hits are ordered by catalogue id (ingest order), an order that is
    // stable across restarts and needs no string comparison.
    DeploymentIndex running = graph.deployments();
    List<Hit> hits = new ArrayList<>();
    int deploymentCount = 0;
    for (int i = 0; i < tail; i++) {
      int node = queue[i];
      boolean product = graph.isProduct(node);
      IntList onNode = running.isDeployed(node) ? running.of(node) : null;
      if (product || onNode != null) {
        List<String> path = pathFrom(graph, parent, node);
        hits.add(new Hit(node, graph.componentId(node), product, onNode, graph.purl(node), path));
        deploymentCount += onNode == null ? 0 : onNode.size();
      }
    }
    hits.sort(BY_DISTANCE_THEN_ID);

    List<WhereUsed.ProductHit> products = new ArrayList<>(hits.size());
    Deployment[] rows = new Deployment[deploymentCount];
    int[] hitOf = new int[deploymentCount];
    String[] hitPurls = new String[hits.size()];
    List<List<String>> hitPaths = new ArrayList<>(hits.size());
    DeploymentIndex.Counter aggregates = running.new Counter();
    int row = 0;
    for (int h = 0; h < hits.size(); h++) {
      Hit hit = hits.get(h);
      hitPurls[h] = hit.purl();
      hitPaths.add(hit.path());
      if (hit.product()) {
        products.add(new WhereUsed.ProductHit(hit.purl(), hit.path()));
      }
      IntList onNode = hit.deployments();
      if (onNode != null) {
        for (int d = 0; d < onNode.size(); d++) {
          int index = onNode.get(d);
          aggregates.add(index);
          rows[row] = running.get(index);
          hitOf[row++] = h;
        }
      }
    }
    return new WhereUsed(
        packageKey, matched, products, new DeploymentHits(rows, hitOf, hitPurls, hitPaths), aggregates.cells());
  }

  private static final Comparator<Hit> BY_DISTANCE_THEN_ID =
      Comparator.comparingInt((Hit hit) -> hit.path().size()).thenComparingLong(Hit::componentId);

  /** A reached product or deployed node with its path. */
  private record Hit(int node, long componentId, boolean product, IntList deployments, String purl, List<String> path) {}

  private static List<String> pathFrom(ExposureGraph graph, int[] parent, int node) {
    List<String> path = new ArrayList<>(8);
    for (int current = node; current >= 0; current = parent[current]) {
      path.add(graph.purl(current));
    }
    return List.copyOf(path);
  }
}
