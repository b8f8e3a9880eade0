package org.accord.sbom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.accord.identity.Purl;
import org.accord.sbom.BomEdge.Relation;

/**
 * Builds one {@link Bom} from what a format reader declares as it streams through a document, and
 * establishes the invariants {@link Bom} promises: unique refs, no dangling edges, a root, every
 * component reachable from the root. Not thread-safe; one per document.
 */
final class BomAssembler {
  /*
   * How it works, and why.
   *
   * Readers stream, so a ref may be used before it is declared (CycloneDX "dependencies" may precede
   * "components"; SPDX relationships may precede packages). Components therefore get a slot in
   * document order when the reader starts them (reserve) and are filled in when it ends them
   * (define); edges whose two refs are already known are stored at once as int pairs packed into a
   * long (parent << 32 | child), the rest wait in a pending list that build() resolves. Storing
   * edges as packed longs keeps a million edges at 8 MB and makes de-duplication a sort.
   *
   * build() then:
   *  1. resolves pending edges; a ref that names a non-component element the reader chose to ignore
   *     (an SPDX file, a CycloneDX service) drops the edge silently, a ref into another SPDX document
   *     (DocumentRef-…) and a ref that names nothing are dropped with an aggregated warning;
   *  2. picks the root: the CycloneDX metadata component, or the single SPDX DESCRIBES target; with
   *     several targets, or none, it synthesizes a generic root (above the targets) and warns;
   *  3. sorts and de-duplicates the edges and lays them out as a CSR adjacency (offsets/targets);
   *  4. marks everything reachable from the root (BFS), then attaches the unreached components under
   *     the root on edges marked inferred: first those with no incoming edge at all, in document
   *     order, each followed by a BFS so that what they reach is not attached again; then one member
   *     of each remaining unreached cycle. This attaches the fewest components directly, so an SPDX
   *     document without DESCRIBES keeps its A -> B structure instead of flattening B under the root;
   *  5. finds the cycles of the final graph with Tarjan's strongly-connected-components algorithm
   *     [1], iteratively (an explicit stack, so a 300,000-long chain cannot overflow the thread
   *     stack), and reports each cyclic component (size > 1, or a self-loop) in one warning.
   * Everything is linear in components plus edges, apart from the O(E log E) sort.
   *
   * [1] R. E. Tarjan, "Depth-first search and linear graph algorithms", SIAM J. Comput. 1(2), 1972.
   */

  private static final int UNKNOWN = -1;
  private static final int CYCLE_MEMBERS_SHOWN = 4;

  private final Warnings warnings;
  private final ArrayList<BomComponent> slots = new ArrayList<>();
  private final HashMap<String, Integer> indexByRef = new HashMap<>();
  private final Set<String> ignoredRefs = new HashSet<>();
  private final LinkedHashSet<String> rootCandidates = new LinkedHashSet<>();
  private final ArrayList<String> pendingParents = new ArrayList<>();
  private final ArrayList<String> pendingChildren = new ArrayList<>();
  private final ArrayList<Relation> pendingRelations = new ArrayList<>();
  private long[] dependsOn = new long[256];
  private int dependsOnCount;
  private long[] forkOf = new long[16];
  private int forkOfCount;
  private String rootRef;
  private String documentSupplier = "";

  BomAssembler(Warnings warnings) {
    this.warnings = warnings;
  }

  Warnings warnings() {
    return warnings;
  }

  /** Reserves the next slot in document order for a component the reader has started. */
  int reserve() {
    slots.add(null);
    return slots.size() - 1;
  }

  /**
   * Fills a reserved slot. A ref declared before is a duplicate: it is counted in a warning, the slot
   * stays empty and the first declaration stands (so {@code purl} may be null for a ref that {@link
   * #isDefined} already).
   *
   * @return the component's ref (edges from the reader use it)
   */
  String define(int slot, String ref, Purl purl, String name, String supplier) {
    Integer existing = indexByRef.putIfAbsent(ref, slot);
    if (existing != null) {
      warnings.note(Warnings.Kind.DUPLICATE_REF, Warnings.quote(ref));
      return ref;
    }
    slots.set(slot, new BomComponent(ref, purl, name, supplier));
    return ref;
  }

  /** Whether a component with this ref has been defined. */
  boolean isDefined(String ref) {
    return indexByRef.containsKey(ref);
  }

  /** How many distinct components have been defined so far, the root included. */
  int definedCount() {
    return indexByRef.size();
  }

  /** Records an edge from the dependent (or fork) to the dependency (or ancestor). */
  void addEdge(String parentRef, String childRef, Relation relation) {
    Integer parent = indexByRef.get(parentRef);
    Integer child = indexByRef.get(childRef);
    if (parent != null && child != null) {
      push(parent, child, relation);
    } else {
      pendingParents.add(parentRef);
      pendingChildren.add(childRef);
      pendingRelations.add(relation);
    }
  }

  /** Names an element that is not a component (SPDX file or snippet, CycloneDX service). */
  void ignore(String ref) {
    ignoredRefs.add(ref);
  }

  /** The product root, for formats that name exactly one (the CycloneDX metadata component). */
  void setRoot(String ref) {
    rootRef = ref;
  }

  /** A ref the document says it describes (SPDX DESCRIBES, documentDescribes). */
  void addRootCandidate(String ref) {
    rootCandidates.add(ref);
  }

  /** The document-level supplier, used for the root when its own supplier is unknown. */
  void documentSupplier(String supplier) {
    if (supplier != null && !supplier.isBlank() && documentSupplier.isEmpty()) {
      documentSupplier = supplier.strip();
    }
  }

  /**
   * Resolves, roots and checks the graph and returns the document.
   *
   * @param syntheticRootRef the ref to give a synthesized root (SPDX: the document's SPDXID)
   * @param syntheticRootName the name for a synthesized root (the document name)
   */
  Bom build(
      BomFormat format,
      String specVersion,
      String documentName,
      String syntheticRootRef,
      String syntheticRootName) {
    resolvePending();
    int root = chooseRoot(syntheticRootRef, syntheticRootName);
    int n = slots.size();

    dependsOnCount = sortUnique(dependsOn, dependsOnCount);
    forkOfCount = sortUnique(forkOf, forkOfCount);
    int[][] csr = adjacency(n, null, 0);
    int[] inferred = attachUnreached(root, n, csr[0], csr[1]);
    int[][] full = adjacency(n, inferred, root);
    reportCycles(n, full[0], full[1]);

    BomComponent rootComponent = slots.get(root);
    if (rootComponent.supplier().isEmpty() && !documentSupplier.isEmpty()) {
      rootComponent =
          new BomComponent(rootComponent.ref(), rootComponent.purl(), rootComponent.name(), documentSupplier);
    }
    List<BomComponent> components = new ArrayList<>(indexByRef.size());
    for (int i = 0; i < n; i++) {
      BomComponent component = slots.get(i);
      if (component != null && i != root) {
        components.add(component);
      }
    }
    List<BomEdge> edges = new ArrayList<>(dependsOnCount + forkOfCount + inferred.length);
    for (int i = 0; i < dependsOnCount; i++) {
      edges.add(edge(dependsOn[i], Relation.DEPENDS_ON, false));
    }
    for (int i = 0; i < forkOfCount; i++) {
      edges.add(edge(forkOf[i], Relation.FORK_OF, false));
    }
    String rootRefFinal = rootComponent.ref();
    for (int child : inferred) {
      edges.add(new BomEdge(rootRefFinal, slots.get(child).ref(), Relation.DEPENDS_ON, true));
    }
    return new Bom(format, specVersion, documentName, rootComponent, components, edges, warnings.render());
  }

  private BomEdge edge(long packed, Relation relation, boolean inferred) {
    return new BomEdge(
        slots.get((int) (packed >>> 32)).ref(), slots.get((int) packed).ref(), relation, inferred);
  }

  private void push(int parent, int child, Relation relation) {
    long packed = ((long) parent << 32) | (child & 0xffffffffL);
    if (relation == Relation.DEPENDS_ON) {
      if (dependsOnCount == dependsOn.length) {
        dependsOn = Arrays.copyOf(dependsOn, dependsOnCount * 2);
      }
      dependsOn[dependsOnCount++] = packed;
    } else {
      if (forkOfCount == forkOf.length) {
        forkOf = Arrays.copyOf(forkOf, forkOfCount * 2);
      }
      forkOf[forkOfCount++] = packed;
    }
  }

  private void resolvePending() {
    for (int i = 0; i < pendingParents.size(); i++) {
      String parentRef = pendingParents.get(i);
      String childRef = pendingChildren.get(i);
      Integer parent = indexByRef.get(parentRef);
      Integer child = indexByRef.get(childRef);
      if (parent != null && child != null) {
        push(parent, child, pendingRelations.get(i));
        continue;
      }
      String missing = parent == null ? parentRef : childRef;
      String example = Warnings.quote(parentRef) + " -> " + Warnings.quote(childRef);
      if (ignoredRefs.contains(parentRef) || ignoredRefs.contains(childRef)) {
        continue;
      }
      if (missing.startsWith("DocumentRef-")) {
        warnings.note(Warnings.Kind.EXTERNAL_REF, example);
      } else {
        warnings.note(Warnings.Kind.DANGLING_REF, example);
      }
    }
    pendingParents.clear();
    pendingChildren.clear();
    pendingRelations.clear();
  }

  private int chooseRoot(String syntheticRootRef, String syntheticRootName) {
    if (rootRef != null) {
      return indexByRef.get(rootRef);
    }
    List<Integer> described = new ArrayList<>();
    for (String candidate : rootCandidates) {
      Integer index = indexByRef.get(candidate);
      if (index != null) {
        if (!described.contains(index)) {
          described.add(index);
        }
      } else if (candidate.startsWith("DocumentRef-")) {
        warnings.note(Warnings.Kind.EXTERNAL_REF, "DESCRIBES " + Warnings.quote(candidate));
      } else if (!ignoredRefs.contains(candidate)) {
        warnings.note(Warnings.Kind.DANGLING_REF, "DESCRIBES " + Warnings.quote(candidate));
      }
    }
    if (described.size() == 1) {
      return described.get(0);
    }
    String ref = syntheticRootRef;
    while (indexByRef.containsKey(ref)) {
      ref = ref + "#root";
    }
    Purl purl = Purl.generic(syntheticRootName, "");
    int slot = reserve();
    define(slot, ref, purl, syntheticRootName, "");
    if (described.isEmpty()) {
      warnings.add(
          "the document names no root (no metadata component, DESCRIBES or documentDescribes); a generic root "
              + Warnings.quote(purl.canonical())
              + " was synthesized from the document name");
    } else {
      List<String> names = new ArrayList<>();
      for (int index : described) {
        push(slot, index, Relation.DEPENDS_ON);
        if (names.size() < Warnings.EXAMPLES) {
          names.add(Warnings.quote(slots.get(index).ref()));
        }
      }
      warnings.add(
          "the document describes "
              + described.size()
              + " packages ("
              + String.join(", ", names)
              + (described.size() > names.size() ? ", …" : "")
              + "); a generic root "
              + Warnings.quote(purl.canonical())
              + " was synthesized above them");
    }
    return slot;
  }

  /** Sorts packed edges and removes duplicates in place; returns the new count. */
  private static int sortUnique(long[] packed, int count) {
    Arrays.sort(packed, 0, count);
    int unique = 0;
    for (int i = 0; i < count; i++) {
      if (unique == 0 || packed[unique - 1] != packed[i]) {
        packed[unique++] = packed[i];
      }
    }
    return unique;
  }

  /**
   * CSR adjacency over both relations plus, when given, extra edges from {@code extraFrom}: returns
   * {offsets (n + 1), targets}.
   */
  private int[][] adjacency(int n, int[] extraTargets, int extraFrom) {
    int[] offsets = new int[n + 1];
    for (int i = 0; i < dependsOnCount; i++) {
      offsets[(int) (dependsOn[i] >>> 32) + 1]++;
    }
    for (int i = 0; i < forkOfCount; i++) {
      offsets[(int) (forkOf[i] >>> 32) + 1]++;
    }
    if (extraTargets != null) {
      offsets[extraFrom + 1] += extraTargets.length;
    }
    for (int i = 0; i < n; i++) {
      offsets[i + 1] += offsets[i];
    }
    int[] fill = Arrays.copyOf(offsets, n);
    int[] targets = new int[offsets[n]];
    for (int i = 0; i < dependsOnCount; i++) {
      targets[fill[(int) (dependsOn[i] >>> 32)]++] = (int) dependsOn[i];
    }
    for (int i = 0; i < forkOfCount; i++) {
      targets[fill[(int) (forkOf[i] >>> 32)]++] = (int) forkOf[i];
    }
    if (extraTargets != null) {
      for (int target : extraTargets) {
        targets[fill[extraFrom]++] = target;
      }
    }
    return new int[][] {offsets, targets};
  }

  /** Returns the components attached under the root, in the order they were attached. */
  private int[] attachUnreached(int root, int n, int[] offsets, int[] targets) {
    boolean[] visited = new boolean[n];
    int[] queue = new int[n];
    markFrom(root, visited, queue, offsets, targets);
    int[] inDegree = new int[n];
    for (int target : targets) {
      inDegree[target]++;
    }
    int[] attached = new int[16];
    int count = 0;
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < n; i++) {
        if (visited[i] || slots.get(i) == null || (pass == 0 && inDegree[i] > 0)) {
          continue;
        }
        if (count == attached.length) {
          attached = Arrays.copyOf(attached, count * 2);
        }
        attached[count++] = i;
        warnings.note(Warnings.Kind.UNREACHED, Warnings.quote(slots.get(i).ref()));
        markFrom(i, visited, queue, offsets, targets);
      }
    }
    return Arrays.copyOf(attached, count);
  }

  private static void markFrom(int start, boolean[] visited, int[] queue, int[] offsets, int[] targets) {
    if (visited[start]) {
      return;
    }
    int head = 0;
    int tail = 0;
    visited[start] = true;
    queue[tail++] = start;
    while (head < tail) {
      int node = queue[head++];
      for (int e = offsets[node]; e < offsets[node + 1]; e++) {
        int next = targets[e];
        if (!visited[next]) {
          visited[next] = true;
          queue[tail++] = next;
        }
      }
    }
  }

  /** Tarjan's SCC, iterative; notes each cyclic strongly connected component as one CYCLE warning. */
  private void reportCycles(int n, int[] offsets, int[] targets) {
    int[] index = new int[n];
    Arrays.fill(index, UNKNOWN);
    int[] low = new int[n];
    boolean[] onStack = new boolean[n];
    int[] stack = new int[n];
    int stackSize = 0;
    int[] callNode = new int[n];
    int[] callEdge = new int[n];
    int counter = 0;
    for (int start = 0; start < n; start++) {
      if (index[start] != UNKNOWN || offsets[start] == offsets[start + 1]) {
        continue;
      }
      callNode[0] = start;
      callEdge[0] = offsets[start];
      index[start] = low[start] = counter++;
      stack[stackSize++] = start;
      onStack[start] = true;
      int depth = 1;
      while (depth > 0) {
        int v = callNode[depth - 1];
        int e = callEdge[depth - 1];
        if (e < offsets[v + 1]) {
          callEdge[depth - 1] = e + 1;
          int w = targets[e];
          if (index[w] == UNKNOWN) {
            index[w] = low[w] = counter++;
            stack[stackSize++] = w;
            onStack[w] = true;
            callNode[depth] = w;
            callEdge[depth] = offsets[w];
            depth++;
          } else if (onStack[w]) {
            low[v] = Math.min(low[v], index[w]);
          }
          continue;
        }
        depth--;
        if (depth > 0) {
          int caller = callNode[depth - 1];
          low[caller] = Math.min(low[caller], low[v]);
        }
        if (low[v] == index[v]) {
          int size = 0;
          List<String> members = new ArrayList<>(CYCLE_MEMBERS_SHOWN);
          int w;
          do {
            w = stack[--stackSize];
            onStack[w] = false;
            size++;
            if (members.size() < CYCLE_MEMBERS_SHOWN) {
              members.add(slots.get(w).ref());
            }
          } while (w != v);
          if (size > 1 || hasSelfLoop(v, offsets, targets)) {
            warnings.note(
                Warnings.Kind.CYCLE,
                "["
                    + String.join(", ", members.stream().map(Warnings::quote).toList())
                    + (size > members.size() ? ", … " + size + " components" : "")
                    + "]");
          }
        }
      }
    }
  }

  private static boolean hasSelfLoop(int v, int[] offsets, int[] targets) {
    for (int e = offsets[v]; e < offsets[v + 1]; e++) {
      if (targets[e] == v) {
        return true;
      }
    }
    return false;
  }
}
