package org.accord.exposure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ExposureGraphTest {
  /** Versions ordered numerically by dotted parts: enough for tests, independent of identity. */
  static final ExposureGraph.VersionOrder NUMERIC =
      (type, a, b) -> {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
          int p = i < x.length ? Integer.parseInt(x[i]) : 0;
          int q = i < y.length ? Integer.parseInt(y[i]) : 0;
          if (p != q) {
            return Integer.compare(p, q);
          }
        }
        return 0;
      };

  static ComponentNode component(long id, String key, String version) {
    return new ComponentNode(id, key + "@" + version, key, version);
  }

  static final String LIB = "pkg:maven/org.libra/libracore";

  /**
   * product A (1) -> adapter (3) -> libracore 2.1 (10); product B (2) -> libracore 2.4 (11); fork
   * (4) FORK_OF libracore 2.1; product C (5) -> fork; cycle adapter <-> helper (6).
   */
  static ExposureGraph sample() {
    ExposureGraph.Builder builder = ExposureGraph.builder(NUMERIC).inlineCompaction();
    builder.addComponent(component(1, "pkg:generic/vendor/a", "1.0"));
    builder.addComponent(component(2, "pkg:generic/vendor/b", "1.0"));
    builder.addComponent(component(3, "pkg:maven/org.x/adapter", "1.0"));
    builder.addComponent(component(4, "pkg:maven/org.fork/libracore-ng", "1.0"));
    builder.addComponent(component(5, "pkg:generic/vendor/c", "1.0"));
    builder.addComponent(component(6, "pkg:maven/org.x/helper", "1.0"));
    builder.addComponent(component(10, LIB, "2.1"));
    builder.addComponent(component(11, LIB, "2.4"));
    builder.addComponent(component(12, LIB, "1.9"));
    for (long product : new long[] {1, 2, 5}) {
      builder.addProduct(product);
    }
    builder.addEdge(1, 3).addEdge(3, 10).addEdge(2, 11).addEdge(4, 10).addEdge(5, 4);
    builder.addEdge(3, 6).addEdge(6, 3).addEdge(1, 3); // cycle and a duplicate edge
    builder.addDeployment(new Deployment(100, "GridCo", "north", "energy", "DE", "essential", 1));
    builder.addDeployment(new Deployment(101, "WaterCo", "plant", "water", "DE", "important", 2));
    builder.addDeployment(new Deployment(102, "GridCo", "south", "energy", "DE", "essential", 1));
    return builder.build();
  }

  @Test
  void findsProductsDeploymentsAndShortestPaths() {
    WhereUsed result = sample().whereUsed(LIB, v -> NUMERIC.compare("maven", v, "2.0") >= 0 && NUMERIC.compare("maven", v, "2.3.4") < 0);

    assertThat(result.matched()).containsExactly(LIB + "@2.1");
    assertThat(result.products())
        .extracting(WhereUsed.ProductHit::purl, WhereUsed.ProductHit::path)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "pkg:generic/vendor/a@1.0",
                List.of("pkg:generic/vendor/a@1.0", "pkg:maven/org.x/adapter@1.0", LIB + "@2.1")),
            org.assertj.core.groups.Tuple.tuple(
                "pkg:generic/vendor/c@1.0",
                List.of("pkg:generic/vendor/c@1.0", "pkg:maven/org.fork/libracore-ng@1.0", LIB + "@2.1")));
    assertThat(result.deployments()).extracting(WhereUsed.DeploymentHit::site).containsExactly("north", "south");
    assertThat(result.aggregates()).containsExactly(new WhereUsed.AggregateCell("energy", "DE", 2, 1));
  }

  @Test
  void allVersionsAreSortedByTheSchemeAndUnknownPackagesAreEmpty() {
    ExposureGraph graph = sample();
    assertThat(graph.versionsOf(LIB)).containsExactly("1.9", "2.1", "2.4");
    WhereUsed all = graph.whereUsed(LIB, v -> true);
    assertThat(all.matched()).containsExactly(LIB + "@1.9", LIB + "@2.1", LIB + "@2.4");
    assertThat(all.products()).hasSize(3);
    assertThat(all.aggregates()).hasSize(2);
    WhereUsed none = graph.whereUsed("pkg:npm/left-pad", v -> true);
    assertThat(none.matched()).isEmpty();
    assertThat(none.products()).isEmpty();
  }

  @Test
  void appliedChangesAreVisibleAndRemovalsHide() {
    ExposureGraph graph = sample();
    graph.apply(
        new GraphChange(
            List.of(component(20, "pkg:generic/vendor/d", "2.0")),
            List.of(20L),
            List.of(new GraphChange.Edge(20, 11)),
            List.of(new GraphChange.Edge(2, 11)),
            List.of(new Deployment(103, "TelCo", "core", "telecom", "FR", "other", 20))));
    WhereUsed result = graph.whereUsed(LIB, "2.4"::equals);
    assertThat(result.products()).extracting(WhereUsed.ProductHit::purl).containsExactly("pkg:generic/vendor/d@2.0");
    assertThat(result.deployments()).extracting(WhereUsed.DeploymentHit::operator).containsExactly("TelCo");

    graph.compact();
    assertThat(graph.stats().pendingDelta()).isZero();
    assertThat(graph.whereUsed(LIB, "2.4"::equals).products())
        .extracting(WhereUsed.ProductHit::purl)
        .containsExactly("pkg:generic/vendor/d@2.0");
  }

  @Test
  void unparsableVersionsSortLastAndABrokenOrderFallsBackToText() {
    ExposureGraph.Builder builder = ExposureGraph.builder(NUMERIC);
    long id = 1;
    for (String version : new String[] {"10", "junk", "5", "9", "abc", "100"}) {
      builder.addComponent(component(id++, "pkg:generic/mixed", version));
    }
    assertThat(builder.build().versionsOf("pkg:generic/mixed")).containsExactly("5", "9", "10", "100", "abc", "junk");

    // An order that is not transitive must not fail the query.
    ExposureGraph.VersionOrder rockPaperScissors =
        (type, a, b) -> a.equals(b) ? 0 : (a + b).hashCode() % 2 == 0 ? -1 : 1;
    ExposureGraph.Builder broken = ExposureGraph.builder(rockPaperScissors);
    for (int v = 0; v < 200; v++) {
      broken.addComponent(component(1000 + v, "pkg:generic/odd", "v" + v));
    }
    ExposureGraph graph = broken.build();
    assertThat(graph.versionsOf("pkg:generic/odd")).hasSize(200);
    assertThat(graph.whereUsed("pkg:generic/odd", v -> true).matched()).hasSize(200);
  }

  @Test
  void unknownComponentsAreRejected() {
    assertThatThrownBy(() -> sample().apply(new GraphChange(List.of(), List.of(), List.of(new GraphChange.Edge(1, 999)), List.of(), List.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("999");
  }

  /**
   * Random graphs, random changes and compactions: the index must agree with a plain BFS over a
   * set-of-edges model on which products are reached and at what distance.
   */
  @Test
  void agreesWithANaiveModelUnderRandomChanges() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    for (int round = 0; round < 30; round++) {
      int nodes = 5 + random.nextInt(60);
      Set<Long> edges = new HashSet<>();
      Set<Long> productIds = new HashSet<>();
      // Small delta limits make changes go through compaction and whole rebuilds as well as the buffer.
      ExposureGraph.Builder builder =
          ExposureGraph.builder(NUMERIC).inlineCompaction().minDelta(random.nextBoolean() ? 1 << 16 : 1 + random.nextInt(6));
      for (int id = 1; id <= nodes; id++) {
        builder.addComponent(component(id, "pkg:generic/p" + (id % 7), Integer.toString(id)));
        if (random.nextInt(3) == 0) {
          builder.addProduct(id);
          productIds.add((long) id);
        }
      }
      for (int e = 0; e < nodes * 2; e++) {
        long parent = 1 + random.nextInt(nodes);
        long child = 1 + random.nextInt(nodes);
        edges.add(parent << 32 | child);
        builder.addEdge(parent, child);
      }
      ExposureGraph graph = builder.build();
      for (int step = 0; step < 20; step++) {
        List<GraphChange.Edge> added = new ArrayList<>();
        List<GraphChange.Edge> removed = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
          long parent = 1 + random.nextInt(nodes);
          long child = 1 + random.nextInt(nodes);
          if (random.nextBoolean()) {
            added.add(new GraphChange.Edge(parent, child));
          } else {
            removed.add(new GraphChange.Edge(parent, child));
          }
        }
        List<Long> newProducts = List.of(1L + random.nextInt(nodes));
        graph.apply(new GraphChange(List.of(), newProducts, added, removed, List.of()));
        productIds.addAll(newProducts);
        for (GraphChange.Edge edge : removed) {
          edges.remove(edge.parentId() << 32 | edge.childId());
        }
        for (GraphChange.Edge edge : added) {
          edges.add(edge.parentId() << 32 | edge.childId());
        }
        if (random.nextInt(5) == 0) {
          graph.compact();
        }
        String key = "pkg:generic/p" + random.nextInt(7);
        WhereUsed result = graph.whereUsed(key, v -> true);
        Map<Long, Integer> expected = naiveDistances(edges, key, nodes);
        Map<String, Integer> actual =
            result.products().stream()
                .collect(Collectors.toMap(WhereUsed.ProductHit::purl, hit -> hit.path().size() - 1));
        for (long productId : productIds) {
          String purl = key(productId) + "@" + productId;
          if (expected.containsKey(productId)) {
            assertThat(actual).as("seed %d: product %s", seed, purl).containsEntry(purl, expected.get(productId));
          } else {
            assertThat(actual).as("seed %d: product %s", seed, purl).doesNotContainKey(purl);
          }
        }
        for (WhereUsed.ProductHit hit : result.products()) {
          assertPathIsRealEdges(edges, hit.path(), seed);
        }
      }
    }
  }

  private static String key(long id) {
    return "pkg:generic/p" + (id % 7);
  }

  private static Map<Long, Integer> naiveDistances(Set<Long> edges, String key, int nodes) {
    Map<Long, Integer> distance = new HashMap<>();
    ArrayDeque<Long> queue = new ArrayDeque<>();
    for (long id = 1; id <= nodes; id++) {
      if (key(id).equals(key)) {
        distance.put(id, 0);
        queue.add(id);
      }
    }
    while (!queue.isEmpty()) {
      long child = queue.poll();
      for (long edge : new TreeSet<>(edges)) {
        long parent = edge >>> 32;
        if ((edge & 0xffffffffL) == child && !distance.containsKey(parent)) {
          distance.put(parent, distance.get(child) + 1);
          queue.add(parent);
        }
      }
    }
    return distance;
  }

  private static void assertPathIsRealEdges(Set<Long> edges, List<String> path, long seed) {
    for (int i = 0; i + 1 < path.size(); i++) {
      long parent = Long.parseLong(path.get(i).substring(path.get(i).indexOf('@') + 1));
      long child = Long.parseLong(path.get(i + 1).substring(path.get(i + 1).indexOf('@') + 1));
      assertThat(edges).as("seed %d: path %s", seed, path).contains(parent << 32 | child);
    }
  }

  @Test
  void searchFindsPackagesByNameExactAndPrefixFirst() {
    ExposureGraph graph = sample();
    assertThat(graph.searchPackages("libracore", 10)).extracting(ExposureGraph.PackageSummary::packageKey)
        .containsExactly(LIB, "pkg:maven/org.fork/libracore-ng");
    assertThat(graph.searchPackages("ORG.LIBRA", 10)).singleElement()
        .satisfies(pkg -> assertThat(pkg.versions()).as("versions in order").containsExactly("1.9", "2.1", "2.4"));
    assertThat(graph.searchPackages("libra", 10)).as("prefixes of the name, in key order").extracting(ExposureGraph.PackageSummary::packageKey)
        .containsExactly("pkg:maven/org.fork/libracore-ng", LIB);
    assertThat(graph.searchPackages("core", 10)).hasSize(2);
    assertThat(graph.searchPackages("org.x/", 10)).extracting(ExposureGraph.PackageSummary::packageKey)
        .containsExactly("pkg:maven/org.x/adapter", "pkg:maven/org.x/helper");
    assertThat(graph.searchPackages("libra", 1)).hasSize(1);
    assertThat(graph.searchPackages("  ", 10)).isEmpty();
    assertThat(graph.searchPackages("nothing-like-it", 10)).isEmpty();
  }

  @Test
  void similarPackagesSuggestTheNearestNames() {
    ExposureGraph graph = sample();
    assertThat(graph.similarPackages("pkg:maven/org.libra/libracor", 5)).first().isEqualTo(LIB);
    assertThat(graph.similarPackages("pkg:npm/libracore", 5)).contains(LIB);
    assertThat(graph.similarPackages("pkg:npm/zzzz", 5)).isEmpty();
    assertThat(graph.hasPackage(LIB)).isTrue();
    assertThat(graph.hasPackage("pkg:maven/org.libra/libracor")).isFalse();
  }

  @Test
  void theGenerationChangesWithEveryChangeAndOnlyThen() {
    ExposureGraph graph = sample();
    long before = graph.generation();
    assertThat(graph.generation()).isEqualTo(before);
    graph.apply(GraphChange.ofDeployments(List.of(new Deployment(103, "GridCo", "east", "energy", "DE", "essential", 1))));
    long after = graph.generation();
    assertThat(after).isGreaterThan(before);
    graph.compact();
    assertThat(graph.generation()).as("compaction changes no answer").isEqualTo(after);
  }
}
