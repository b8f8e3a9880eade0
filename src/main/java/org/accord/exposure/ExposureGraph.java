package org.accord.exposure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import org.accord.InvalidInputException;
import org.accord.identity.Ecosystem;
import org.accord.identity.Version;
import org.accord.identity.VersionRange;

/**
 * The in-memory exposure index: package versions, products and deployments, with reverse dependency
 * adjacency, answering where-used queries in milliseconds.
 *
 * <p>The store is the source of truth; this is a derived index. Build it from the store with {@link
 * #builder}, then keep it current with {@link #apply} after each committed ingest.
 *
 * <p>Thread-safe. Any number of queries run at once; {@link #apply} waits for running queries and
 * blocks new ones only while it copies in the change, which is proportional to the change, not the
 * graph. Compaction of the change buffer runs on a background thread and blocks queries only for the
 * final swap of array references.
 */
public final class ExposureGraph {
  /*
   * Layout and why.
   *
   * Nodes are dense ints 0..n-1, one per catalogue component; the store id maps to the node through
   * an open-addressing IdIndex. Per node we keep the canonical PURL, its version and the package it
   * belongs to; a BitSet marks product roots.
   *
   * The reverse adjacency (child -> the parents that depend on it) is Compressed Sparse Row [1]: for
   * node c, its parents are baseParents[baseOffsets[c] .. baseOffsets[c+1]). Two int arrays, 4 bytes
   * an edge, read sequentially during a breadth-first search, which is what makes a reverse walk over
   * ten million edges fit a 20 ms budget. Each segment is sorted and deduplicated at build time, so
   * the same edge asserted by a hundred SBOMs is traversed once, and membership is a binary search.
   *
   * CSR cannot grow in place, so ingests land in a delta buffer: extra parents per child
   * (deltaParents), and tombstones for base edges that no live document asserts any more
   * (removedBase). Queries read base and delta together. When the delta grows past a fraction of the
   * base it is folded into fresh arrays on a background thread (compact): the compactor holds the
   * read lock, so queries continue while writers wait, then swaps the arrays under the write lock.
   * A modification counter detects the (impossible while it holds the read lock, but cheap to check)
   * case of a change slipping in between.
   *
   * Deployments hang off the component node they run (RUNS edges), in a DeploymentIndex: a bit per
   * node says whether anything runs there, so the search tests one bit per reached node.
   *
   * Each package keeps its version nodes; they are sorted by the ecosystem's version order on first
   * use (VersionOrder), so a range selects from a short, ordered list.
   *
   * [1] Saad, Y. "Iterative Methods for Sparse Linear Systems", 2nd ed., SIAM 2003, §3.4 (CSR format).
   */

  /** Orders the versions of one package type; see {@link #builder}. */
  @FunctionalInterface
  public interface VersionOrder {
    /** Compares two versions of a package of {@code purlType}, as its ecosystem orders them. */
    int compare(String purlType, String a, String b);
  }

  private static final int INITIAL_NODES = 1024;
  private static final int MIN_DELTA_BEFORE_COMPACTION = 1 << 16;

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private int minDelta = MIN_DELTA_BEFORE_COMPACTION;
  private final VersionOrder versionOrder;
  private final ExecutorService compactor;

  // Node table (guarded by lock).
  private int nodeCount;
  private String[] purls;
  private String[] versions;
  private PackageVersions[] packageOf;
  private final BitSet products = new BitSet();
  private final IdIndex nodeById;
  private long[] componentIds;
  private final TreeMap<String, PackageVersions> packages = new TreeMap<>();
  /** The same packages by hash, for exact lookups (the tree serves prefix queries). */
  private final HashMap<String, PackageVersions> packageIndex = new HashMap<>();

  // Reverse adjacency: CSR base plus delta buffer (guarded by lock).
  private CsrBuilder.Csr base;
  private int baseNodeCount;
  private int[] baseOffsets;
  private int[] baseParents;
  private final Map<Integer, IntList> deltaParents = new HashMap<>();
  private final Map<Integer, IntList> deltaChildren = new HashMap<>();
  private BitSet relevant = new BitSet();
  private int[] relevantEnds = new int[0];
  private final Map<Integer, IntList> lateParents = new HashMap<>();
  private final Set<Long> deltaEdges = new HashSet<>();
  private final Set<Long> removedBase = new HashSet<>();
  private long modifications;
  private boolean compactionScheduled;

  // Deployments (guarded by lock).
  private final DeploymentIndex deployments = new DeploymentIndex();

  private ExposureGraph(VersionOrder versionOrder, int expectedNodes, boolean backgroundCompaction) {
    this.versionOrder = Objects.requireNonNull(versionOrder, "versionOrder");
    int capacity = Math.max(INITIAL_NODES, expectedNodes);
    purls = new String[capacity];
    versions = new String[capacity];
    packageOf = new PackageVersions[capacity];
    componentIds = new long[capacity];
    nodeById = new IdIndex(capacity);
    installBase(new CsrBuilder.Csr(0, new int[1], new int[0], new int[1], new int[0]));
    compactor =
        backgroundCompaction
            ? Executors.newSingleThreadExecutor(
                runnable -> {
                  Thread thread = new Thread(runnable, "accord-graph-compactor");
                  thread.setDaemon(true);
                  return thread;
                })
            : null;
  }

  /**
   * Starts a graph. Add the catalogue, products, edges and deployments, then {@link Builder#build}.
   *
   * @param versionOrder how each package type orders its versions
   */
  public static Builder builder(VersionOrder versionOrder) {
    return new Builder(versionOrder);
  }

  /** Accumulates a graph's contents, then builds the CSR arrays once. Not thread-safe. */
  public static final class Builder {
    private final VersionOrder versionOrder;
    private final List<ComponentNode> components = new ArrayList<>();
    private final List<Long> productIds = new ArrayList<>();
    private long[] edgeParents = new long[1024];
    private long[] edgeChildren = new long[1024];
    private int edgeCount;
    private final List<Deployment> deployments = new ArrayList<>();
    private boolean backgroundCompaction = true;
    private int minDelta = MIN_DELTA_BEFORE_COMPACTION;

    private Builder(VersionOrder versionOrder) {
      this.versionOrder = versionOrder;
    }

    public Builder addComponent(ComponentNode component) {
      components.add(Objects.requireNonNull(component, "component"));
      return this;
    }

    public Builder addProduct(long componentId) {
      productIds.add(componentId);
      return this;
    }

    /** Adds an edge from the dependent {@code parentId} to the dependency {@code childId}. */
    public Builder addEdge(long parentId, long childId) {
      if (edgeCount == edgeParents.length) {
        edgeParents = Arrays.copyOf(edgeParents, edgeCount * 2);
        edgeChildren = Arrays.copyOf(edgeChildren, edgeCount * 2);
      }
      edgeParents[edgeCount] = parentId;
      edgeChildren[edgeCount] = childId;
      edgeCount++;
      return this;
    }

    public Builder addDeployment(Deployment deployment) {
      deployments.add(Objects.requireNonNull(deployment, "deployment"));
      return this;
    }

    /**
     * Sets the smallest delta (edges and tombstones) that triggers compaction, and the smallest change
     * that is folded in by a rebuild instead of the delta buffer; tests lower it to exercise both.
     */
    Builder minDelta(int edges) {
      this.minDelta = edges;
      return this;
    }

    /** Runs compaction inline instead of on a background thread; for tests and benchmarks. */
    public Builder inlineCompaction() {
      backgroundCompaction = false;
      return this;
    }

    /**
     * Builds the graph.
     *
     * @throws IllegalArgumentException if an edge, product or deployment names a component that was
     *     not added
     */
    public ExposureGraph build() {
      ExposureGraph graph = new ExposureGraph(versionOrder, components.size(), backgroundCompaction);
      graph.minDelta = minDelta;
      for (ComponentNode component : components) {
        graph.addNode(component);
      }
      for (long productId : productIds) {
        graph.products.set(graph.requireNode(productId));
      }
      int[] parents = new int[edgeCount];
      int[] children = new int[edgeCount];
      for (int i = 0; i < edgeCount; i++) {
        parents[i] = graph.requireNode(edgeParents[i]);
        children[i] = graph.requireNode(edgeChildren[i]);
      }
      edgeParents = null;
      edgeChildren = null;
      graph.installBase(CsrBuilder.build(graph.nodeCount, parents, children, edgeCount));
      for (Deployment deployment : deployments) {
        graph.putDeployment(deployment);
      }
      graph.relevant = Relevance.compute(graph, graph.base, false);
      graph.relevantEnds = CsrBuilder.partition(graph.base, graph.relevant);
      return graph;
    }
  }

  /**
   * Applies the change one committed ingest made. Components already present are ignored, so
   * applying the same change twice is harmless.
   *
   * @throws IllegalArgumentException if the change names a component neither in the graph nor in
   *     the change
   */
  public void apply(GraphChange change) {
    Objects.requireNonNull(change, "change");
    lock.writeLock().lock();
    try {
      for (ComponentNode component : change.components()) {
        if (nodeById.get(component.id()) < 0) {
          addNode(component);
        }
      }
      for (long productId : change.products()) {
        products.set(requireNode(productId));
      }
      for (GraphChange.Edge edge : change.removedEdges()) {
        removeEdge(requireNode(edge.parentId()), requireNode(edge.childId()));
      }
      boolean rebuild = change.addedEdges().size() > Math.max(minDelta, baseParents.length / 16);
      if (!rebuild) {
        for (GraphChange.Edge edge : change.addedEdges()) {
          addEdge(requireNode(edge.parentId()), requireNode(edge.childId()));
        }
      }
      for (Deployment deployment : change.deployments()) {
        putDeployment(deployment);
      }
      if (rebuild) {
        // A change as large as a sixteenth of the graph (a first big SBOM, a bulk import) is cheaper to
        // fold in by one rebuild of the arrays than edge by edge through the delta buffer.
        int[] parents = new int[change.addedEdges().size()];
        int[] children = new int[parents.length];
        for (int i = 0; i < parents.length; i++) {
          GraphChange.Edge edge = change.addedEdges().get(i);
          parents[i] = requireNode(edge.parentId());
          children[i] = requireNode(edge.childId());
        }
        CsrBuilder.Csr fresh = CsrBuilder.merge(this, parents, children);
        clearDelta();
        installBase(fresh);
        relevant = Relevance.compute(this, fresh, false);
        relevantEnds = CsrBuilder.partition(fresh, relevant);
      } else {
        markRelevant(change);
      }
      modifications++;
      if (!compactionScheduled && deltaSize() > Math.max(minDelta, baseParents.length / 16)) {
        compactionScheduled = true;
        if (compactor != null) {
          compactor.execute(this::compact);
        }
      }
    } finally {
      lock.writeLock().unlock();
    }
    if (compactor == null && compactionScheduled) {
      compact();
    }
  }

  /**
   * Answers a where-used query: every version of {@code packageKey} that {@code versionFilter}
   * accepts, and every product and deployment that reaches one of them.
   *
   * @param packageKey a package PURL without version, such as {@code pkg:maven/org.libra/libracore}
   * @param versionFilter accepts the versions to match; it must not throw
   */
  public WhereUsed whereUsed(String packageKey, Predicate<String> versionFilter) {
    Objects.requireNonNull(packageKey, "packageKey");
    Objects.requireNonNull(versionFilter, "versionFilter");
    lock.readLock().lock();
    try {
      PackageVersions pkg = packages.get(packageKey);
      if (pkg == null) {
        return new WhereUsed(packageKey, List.of(), List.of(), List.of(), List.of());
      }
      int[] sorted = pkg.sortedNodes(this);
      IntList sources = new IntList(sorted.length);
      for (int node : sorted) {
        if (versionFilter.test(versions[node])) {
          sources.add(node);
        }
      }
      return ReverseSearch.run(this, packageKey, sources.toArray());
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * The versions of {@code packageKey} that {@code range} contains: one range check per version of the
   * package, against versions parsed once per package by the ecosystem's scheme (chosen from the PURL
   * type) and cached until the package gains a version, so a check compares pre-parsed versions and
   * parses nothing. A version its scheme cannot parse is in no range. The advisory matcher's primitive;
   * see {@link RangeScan}.
   *
   * @param packageKey a package PURL without version
   * @param range the affected versions; a range of another scheme re-reads each version by its text
   * @return the matched component ids and PURLs in version order, and how many versions were checked;
   *     empty for an unknown package
   */
  public RangeHits versionsIn(String packageKey, VersionRange range) {
    Objects.requireNonNull(packageKey, "packageKey");
    Objects.requireNonNull(range, "range");
    lock.readLock().lock();
    try {
      PackageVersions pkg = packageIndex.get(packageKey);
      if (pkg == null) {
        return RangeHits.NONE;
      }
      PackageVersions.Parsed parsed = pkg.parsed(this);
      return RangeScan.scan(range, parsed.nodes(), parsed.versions(), componentIds, purls);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * As {@link #versionsIn}, without building a result: each matched version's component id goes to
   * {@code matched}, in version order, and the number of versions checked is returned. For matching many
   * ranges in a row (a full rematch), where allocation per range would dominate the checks.
   *
   * @param matched receives component ids; called under the graph's read lock, so it must not call back
   *     into the graph
   */
  public int componentsIn(String packageKey, VersionRange range, java.util.function.LongConsumer matched) {
    Objects.requireNonNull(packageKey, "packageKey");
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(matched, "matched");
    lock.readLock().lock();
    try {
      PackageVersions pkg = packageIndex.get(packageKey);
      if (pkg == null) {
        return 0;
      }
      PackageVersions.Parsed parsed = pkg.parsed(this);
      return RangeScan.scan(range, parsed.nodes(), parsed.versions(), componentIds, matched);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The versions of a package known to the graph, in its ecosystem's order; empty if unknown. */
  public List<String> versionsOf(String packageKey) {
    lock.readLock().lock();
    try {
      PackageVersions pkg = packages.get(packageKey);
      return pkg == null ? List.of() : summary(pkg).versions();
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Packages whose key starts with {@code prefix}, in key order, each with its versions in order; at
   * most {@code limit} packages. A prefix that contains {@code @} names one package exactly and a
   * prefix of its versions, so {@code pkg:npm/lodash@4.} lists the 4.x versions of lodash.
   */
  public List<PackageSummary> packagesByPrefix(String prefix, int limit) {
    Objects.requireNonNull(prefix, "prefix");
    int at = prefix.indexOf('@');
    String keyPrefix = at < 0 ? prefix : prefix.substring(0, at);
    String versionPrefix = at < 0 ? "" : prefix.substring(at + 1);
    lock.readLock().lock();
    try {
      List<PackageSummary> result = new ArrayList<>();
      Map<String, PackageVersions> candidates =
          at < 0
              ? packages.subMap(keyPrefix, true, keyPrefix + Character.MAX_VALUE, false)
              : packages.containsKey(keyPrefix) ? Map.of(keyPrefix, packages.get(keyPrefix)) : Map.of();
      for (Map.Entry<String, PackageVersions> entry : candidates.entrySet()) {
        if (result.size() == limit) {
          break;
        }
        List<String> versionList = new ArrayList<>();
        for (int node : entry.getValue().sortedNodes(this)) {
          if (versions[node].startsWith(versionPrefix)) {
            versionList.add(versions[node]);
          }
        }
        result.add(new PackageSummary(entry.getKey(), versionList));
      }
      return result;
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Packages whose {@code namespace/name} contains {@code text}, ignoring case (or whose key does, when
   * {@code text} starts with {@code pkg:}): exact matches of the name, {@code namespace/name} or key
   * first, then prefixes, then the rest, each group in key order; at most {@code limit}, each with its
   * versions in order. See {@link PackageNames}.
   *
   * @param text what to look for; blank text matches nothing
   */
  public List<PackageSummary> searchPackages(String text, int limit) {
    Objects.requireNonNull(text, "text");
    String query = text.strip().toLowerCase(java.util.Locale.ROOT);
    if (query.isEmpty() || limit <= 0) {
      return List.of();
    }
    lock.readLock().lock();
    try {
      List<List<PackageVersions>> byRank = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      for (PackageVersions pkg : packages.values()) {
        int rank = PackageNames.rank(pkg.names(), query);
        if (rank != PackageNames.NO_MATCH && byRank.get(rank).size() < limit) {
          byRank.get(rank).add(pkg);
        }
      }
      List<PackageSummary> result = new ArrayList<>();
      for (List<PackageVersions> group : byRank) {
        for (PackageVersions pkg : group) {
          if (result.size() < limit) {
            result.add(summary(pkg));
          }
        }
      }
      return result;
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * The known packages whose names are nearest to {@code packageKey}'s, most similar first: for "did
   * you mean" when a package is unknown. Only packages above a similarity threshold; see {@link
   * PackageNames}. Scans every package: for unknown packages, not for hot paths.
   */
  public List<String> similarPackages(String packageKey, int limit) {
    Objects.requireNonNull(packageKey, "packageKey");
    PackageNames.Parts wanted = PackageNames.Parts.of(packageKey);
    record Scored(String key, double score) {}
    List<Scored> scored = new ArrayList<>();
    lock.readLock().lock();
    try {
      for (PackageVersions pkg : packages.values()) {
        double score = PackageNames.similarity(wanted, pkg.names());
        if (score >= PackageNames.SUGGESTION_THRESHOLD && !pkg.packageKey.equals(packageKey)) {
          scored.add(new Scored(pkg.packageKey, score));
        }
      }
    } finally {
      lock.readLock().unlock();
    }
    scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::key));
    return scored.stream().limit(Math.max(0, limit)).map(Scored::key).toList();
  }

  /** Whether the graph knows any version of the package (a PURL without version). */
  public boolean hasPackage(String packageKey) {
    lock.readLock().lock();
    try {
      return packageIndex.containsKey(packageKey);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * A number that changes whenever an ingest changes the graph (not when the delta buffer is compacted,
   * which changes no answer): an answer computed after reading generation {@code g} is current for as
   * long as {@code generation()} still returns {@code g}. For caches of derived answers.
   */
  public long generation() {
    lock.readLock().lock();
    try {
      return modifications;
    } finally {
      lock.readLock().unlock();
    }
  }

  private PackageSummary summary(PackageVersions pkg) {
    List<String> versionList = new ArrayList<>();
    for (int node : pkg.sortedNodes(this)) {
      versionList.add(versions[node]);
    }
    return new PackageSummary(pkg.packageKey, versionList);
  }

  /**
   * A package and its known versions, in its ecosystem's order.
   *
   * @param packageKey the PURL without version
   * @param versions the versions, oldest first
   */
  public record PackageSummary(String packageKey, List<String> versions) {
    public PackageSummary {
      versions = List.copyOf(versions);
    }
  }

  /** Sizes, for status pages and benchmarks. */
  public Stats stats() {
    lock.readLock().lock();
    try {
      return new Stats(
          nodeCount, products.cardinality(), edgeCount(), deployments.size(), packages.size(), deltaSize());
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Graph sizes.
   *
   * @param components package-version nodes
   * @param products nodes that are product roots
   * @param edges distinct dependency edges
   * @param deployments deployments
   * @param packages distinct packages
   * @param pendingDelta edges and tombstones not yet compacted into the CSR arrays
   */
  public record Stats(int components, int products, long edges, int deployments, int packages, int pendingDelta) {}

  /** Folds the delta buffer into fresh CSR arrays. Queries run on meanwhile; writers wait. */
  public void compact() {
    CsrBuilder.Csr fresh;
    BitSet freshRelevant;
    int[] freshEnds;
    long seen;
    lock.readLock().lock();
    try {
      seen = modifications;
      fresh = CsrBuilder.merge(this);
      freshRelevant = Relevance.compute(this, fresh, false);
      freshEnds = CsrBuilder.partition(fresh, freshRelevant);
    } finally {
      lock.readLock().unlock();
    }
    lock.writeLock().lock();
    try {
      if (modifications == seen) {
        clearDelta();
        installBase(fresh);
        relevant = freshRelevant;
        relevantEnds = freshEnds;
      }
      compactionScheduled = false;
    } finally {
      lock.writeLock().unlock();
    }
  }

  // ---- package-private reads for ReverseSearch and CsrBuilder (caller holds the read lock) ----

  int nodeCount() {
    return nodeCount;
  }

  String purl(int node) {
    return purls[node];
  }

  long componentId(int node) {
    return componentIds[node];
  }

  boolean isProduct(int node) {
    return products.get(node);
  }

  int baseNodeCount() {
    return baseNodeCount;
  }

  int[] baseOffsets() {
    return baseOffsets;
  }

  int[] baseParents() {
    return baseParents;
  }

  boolean hasTombstones() {
    return !removedBase.isEmpty();
  }

  boolean isRemovedBase(int parent, int child) {
    return removedBase.contains(edgeKey(parent, child));
  }

  IntList deltaParentsOf(int child) {
    return deltaParents.get(child);
  }

  IntList deltaChildrenOf(int parent) {
    return deltaChildren.get(parent);
  }

  /** Whether some product root or deployed node reaches this node; see {@link Relevance}. */
  BitSet relevant() {
    return relevant;
  }

  /** Where each base segment's relevant run ends; see {@link CsrBuilder#partition}. */
  int[] relevantEnds() {
    return relevantEnds;
  }

  boolean hasLateParents() {
    return !lateParents.isEmpty();
  }

  /** Base parents of {@code child} that became relevant after the segments were partitioned. */
  IntList lateParentsOf(int child) {
    return lateParents.get(child);
  }

  DeploymentIndex deployments() {
    return deployments;
  }

  boolean hasDelta() {
    return !deltaParents.isEmpty();
  }

  // ---- mutation (caller holds the write lock, or is the builder before publication) ----

  private void addNode(ComponentNode component) {
    if (nodeCount == purls.length) {
      int capacity = purls.length * 2;
      purls = Arrays.copyOf(purls, capacity);
      versions = Arrays.copyOf(versions, capacity);
      packageOf = Arrays.copyOf(packageOf, capacity);
      componentIds = Arrays.copyOf(componentIds, capacity);
    }
    int node = nodeCount++;
    purls[node] = component.purl();
    versions[node] = component.version();
    componentIds[node] = component.id();
    PackageVersions pkg = packageIndex.get(component.packageKey());
    if (pkg == null) {
      pkg = new PackageVersions(component.packageKey());
      packages.put(component.packageKey(), pkg);
      packageIndex.put(component.packageKey(), pkg);
    }
    pkg.add(node);
    packageOf[node] = pkg;
    nodeById.put(component.id(), node);
  }

  private int requireNode(long componentId) {
    int node = nodeById.get(componentId);
    if (node < 0) {
      throw new IllegalArgumentException("unknown component id " + componentId);
    }
    return node;
  }

  private void addEdge(int parent, int child) {
    long key = edgeKey(parent, child);
    if (inBase(parent, child)) {
      removedBase.remove(key);
    } else if (deltaEdges.add(key)) {
      deltaParents.computeIfAbsent(child, c -> new IntList()).add(parent);
      deltaChildren.computeIfAbsent(parent, p -> new IntList()).add(child);
    }
  }

  private void removeEdge(int parent, int child) {
    long key = edgeKey(parent, child);
    if (deltaEdges.remove(key)) {
      IntList list = deltaParents.get(child);
      list.removeValue(parent);
      if (list.size() == 0) {
        deltaParents.remove(child);
      }
      IntList forward = deltaChildren.get(parent);
      forward.removeValue(child);
      if (forward.size() == 0) {
        deltaChildren.remove(parent);
      }
    } else if (inBase(parent, child)) {
      removedBase.add(key);
    }
  }

  private boolean inBase(int parent, int child) {
    if (child >= baseNodeCount) {
      return false;
    }
    // Each segment is two sorted runs: relevant parents, then the rest (see CsrBuilder.partition).
    int split = relevantEnds[child];
    return Arrays.binarySearch(baseParents, baseOffsets[child], split, parent) >= 0
        || Arrays.binarySearch(baseParents, split, baseOffsets[child + 1], parent) >= 0;
  }

  private void putDeployment(Deployment deployment) {
    int node = requireNode(deployment.productComponentId());
    long previous = deployments.previousProduct(deployment.id());
    deployments.put(deployment, node, previous == 0 ? -1 : requireNode(previous));
  }

  /**
   * Extends the relevance marking with what a change added: its products and deployed nodes, and the
   * children of added edges whose parent is relevant, with everything they reach.
   */
  private void markRelevant(GraphChange change) {
    IntList seeds = new IntList();
    for (long productId : change.products()) {
      seeds.add(requireNode(productId));
    }
    for (Deployment deployment : change.deployments()) {
      seeds.add(requireNode(deployment.productComponentId()));
    }
    for (GraphChange.Edge edge : change.addedEdges()) {
      if (relevant.get(requireNode(edge.parentId()))) {
        seeds.add(requireNode(edge.childId()));
      }
    }
    IntList marked = Relevance.extend(this, base, true, relevant, seeds);
    // A newly relevant node sits in the irrelevant run of its children's base segments, which the
    // search does not scan; list it as a late parent of each of them until the next compaction.
    int[] childOffsets = base.childOffsets();
    int[] children = base.children();
    for (int i = 0; i < marked.size(); i++) {
      int node = marked.get(i);
      if (node < baseNodeCount) {
        for (int j = childOffsets[node]; j < childOffsets[node + 1]; j++) {
          lateParents.computeIfAbsent(children[j], c -> new IntList()).add(node);
        }
      }
    }
  }

  private void clearDelta() {
    lateParents.clear();
    deltaParents.clear();
    deltaChildren.clear();
    deltaEdges.clear();
    removedBase.clear();
  }

  private void installBase(CsrBuilder.Csr csr) {
    base = csr;
    relevantEnds = java.util.Arrays.copyOfRange(csr.offsets(), 1, csr.nodeCount() + 1); // until partitioned
    baseNodeCount = csr.nodeCount();
    baseOffsets = csr.offsets();
    baseParents = csr.parents();
  }

  private long edgeCount() {
    return (long) baseParents.length - removedBase.size() + deltaEdges.size();
  }

  private int deltaSize() {
    return deltaEdges.size() + removedBase.size();
  }

  static long edgeKey(int parent, int child) {
    return ((long) parent << 32) | (child & 0xffffffffL);
  }

  /** The version nodes of one package, sorted on first use. Guarded by its own monitor for the sort. */
  private static final class PackageVersions {
    private final String packageKey;
    private final String purlType;
    private final PackageNames.Parts names;
    private final IntList nodes = new IntList(2);
    private int[] sorted;
    private Parsed parsed;

    /** The sorted version nodes with their versions parsed by the package's scheme (null: unparsable). */
    record Parsed(int[] nodes, Version[] versions) {}

    PackageVersions(String packageKey) {
      this.packageKey = packageKey;
      int colon = packageKey.indexOf(':');
      int slash = packageKey.indexOf('/', colon + 1);
      this.purlType = slash > colon ? packageKey.substring(colon + 1, slash) : "generic";
      this.names = PackageNames.Parts.of(packageKey);
    }

    /** The lower-cased key parts, for search and suggestions. */
    PackageNames.Parts names() {
      return names;
    }

    void add(int node) {
      nodes.add(node);
      synchronized (this) {
        sorted = null;
        parsed = null;
      }
    }

    synchronized Parsed parsed(ExposureGraph graph) {
      int[] order = sortedNodes(graph);
      if (parsed == null || parsed.nodes() != order) {
        org.accord.identity.VersionScheme scheme = Ecosystem.fromPurlType(purlType).scheme();
        Version[] values = new Version[order.length];
        for (int i = 0; i < order.length; i++) {
          try {
            values[i] = scheme.parse(graph.versions[order[i]]);
          } catch (InvalidInputException unparsable) {
            values[i] = null; // in no range, as for where-used
          }
        }
        parsed = new Parsed(order, values);
      }
      return parsed;
    }

    /**
     * The version nodes in the scheme's order. Versions the scheme cannot parse go last, by text, so
     * the order stays total when an SBOM carries junk; and if a scheme's own order is not transitive
     * on some mix of versions (Maven's ComparableVersion on odd qualifiers is not), the list falls back
     * to text order rather than failing the query.
     */
    synchronized int[] sortedNodes(ExposureGraph graph) {
      if (sorted == null) {
        Entry[] entries = new Entry[nodes.size()];
        for (int i = 0; i < entries.length; i++) {
          int node = nodes.get(i);
          entries[i] = new Entry(node, graph.versions[node], graph.purls[node], parses(graph.versionOrder, graph.versions[node]));
        }
        Comparator<Entry> byVersion =
            (a, b) -> {
              if (a.parses() != b.parses()) {
                return a.parses() ? -1 : 1;
              }
              int order =
                  a.parses() ? graph.versionOrder.compare(purlType, a.version(), b.version()) : a.version().compareTo(b.version());
              return order != 0 ? order : a.purl().compareTo(b.purl());
            };
        try {
          Arrays.sort(entries, byVersion);
        } catch (IllegalArgumentException notTransitive) {
          Arrays.sort(entries, Comparator.comparing(Entry::version).thenComparing(Entry::purl));
        }
        sorted = new int[entries.length];
        for (int i = 0; i < entries.length; i++) {
          sorted[i] = entries[i].node();
        }
      }
      return sorted;
    }

    private record Entry(int node, String version, String purl, boolean parses) {}

    private boolean parses(VersionOrder order, String version) {
      try {
        order.compare(purlType, version, version);
        return true;
      } catch (RuntimeException unparsable) {
        return false;
      }
    }

    @Override
    public String toString() {
      return packageKey;
    }
  }

}
