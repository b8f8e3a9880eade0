package org.accord.exercise;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.accord.InvalidInputException;
import org.accord.exposure.ExposureGraph;
import org.accord.exposure.WhereUsed;
import org.accord.identity.VersionRange;

/**
 * The part of the exposure graph a scenario's flaw reaches, as flat arrays: computed once per scenario
 * so that each of thousands of runs only reads arrays.
 *
 * <p>How and why. One where-used query ({@link ExposureGraph#whereUsed}, a reverse breadth-first search)
 * gives every affected deployment with one shortest dependency path from its product down to a
 * vulnerable version. The union of those paths is a tree rooted at the vulnerable versions (a node's
 * first discovery fixes its parent), so a fix travels it hop by hop: each node gets its own release
 * delay and releases after the node below it. Nodes are numbered by hop (depth), parents first, so one
 * forward pass over {@link #parent} computes every release day. A product reached by several paths is
 * taken to wait for its shortest one only; that is optimistic where a longer path's packages are slower,
 * and exact where the vulnerable versions are one hop from each product (ADR 0148).
 *
 * <p>Deployments are int columns (node, country, sector, criticality), the struct-of-arrays layout that
 * keeps the per-run loop over them sequential in memory. Immutable after construction; thread-safe.
 */
public final class AffectedWorld {
  /** Criticality codes: 0 essential, 1 important, 2 other. */
  public static final List<String> CRITICALITIES = List.of("essential", "important", "other");

  final int nodes;
  /** The node below each node on its path (toward the vulnerable version); -1 for a vulnerable version. */
  final int[] parent;
  /** Each node's distance from a vulnerable version. */
  final int[] hop;
  final String[] purls;
  final int deployments;
  final int[] node;
  final int[] country;
  final int[] sector;
  final int[] criticality;
  final List<String> countries;
  final List<String> sectors;
  final int vulnerableVersions;

  private AffectedWorld(int[] parent, int[] hop, String[] purls, int[] node, int[] country, int[] sector, int[] criticality,
      List<String> countries, List<String> sectors, int vulnerableVersions) {
    this.nodes = parent.length;
    this.parent = parent;
    this.hop = hop;
    this.purls = purls;
    this.deployments = node.length;
    this.node = node;
    this.country = country;
    this.sector = sector;
    this.criticality = criticality;
    this.countries = countries;
    this.sectors = sectors;
    this.vulnerableVersions = vulnerableVersions;
  }

  /**
   * Computes the affected part of {@code graph} for {@code scenario}'s flaw and checks the scenario
   * against it.
   *
   * @throws ScenarioException naming the file, line and field when the package is unknown to the graph,
   *     no version of it is in the range, or an inject names a country with no affected deployment
   */
  public static AffectedWorld of(ExposureGraph graph, Scenario scenario) {
    LineMap lines = scenario.lines();
    if (!graph.hasPackage(scenario.packageKey())) {
      List<String> similar = graph.similarPackages(scenario.packageKey(), 3);
      throw new ScenarioException(scenario.file(), lines.lineOf("/vulnerable/package"), "/vulnerable/package",
          "the world has no package " + scenario.packageKey() + (similar.isEmpty() ? "" : "; did you mean " + String.join(", ", similar) + "?"));
    }
    VersionRange range = VersionRange.parseVers(scenario.range());
    WhereUsed answer = graph.whereUsed(scenario.packageKey(), version -> inRange(range, version));
    if (answer.matched().isEmpty()) {
      throw new ScenarioException(scenario.file(), lines.lineOf("/vulnerable/range"), "/vulnerable/range",
          "no version of " + scenario.packageKey() + " in the world is in " + scenario.range());
    }
    // Nodes of the path tree, discovered from each deployment's path (product first, vulnerable version last).
    Map<String, Integer> index = new HashMap<>();
    List<String> purls = new ArrayList<>();
    List<Integer> parents = new ArrayList<>();
    List<Integer> hops = new ArrayList<>();
    List<WhereUsed.DeploymentHit> hits = answer.deployments();
    int m = hits.size();
    int[] deployedNode = new int[m];
    List<String> lastPath = null;
    int lastNode = -1;
    for (int d = 0; d < m; d++) {
      List<String> path = hits.get(d).path();
      if (path != lastPath) { // hits of one product share their path list
        int below = -1;
        for (int i = path.size() - 1; i >= 0; i--) {
          String purl = path.get(i);
          Integer known = index.get(purl);
          if (known == null) {
            known = purls.size();
            index.put(purl, known);
            purls.add(purl);
            parents.add(below);
            hops.add(path.size() - 1 - i);
          }
          below = known;
        }
        lastPath = path;
        lastNode = below;
      }
      deployedNode[d] = lastNode;
    }
    // Renumber by hop, so a parent always precedes its children.
    int n = purls.size();
    int maxHop = 0;
    for (int h : hops) {
      maxHop = Math.max(maxHop, h);
    }
    int[] start = new int[maxHop + 2];
    for (int h : hops) {
      start[h + 1]++;
    }
    for (int h = 0; h <= maxHop; h++) {
      start[h + 1] += start[h];
    }
    int[] renumber = new int[n];
    for (int i = 0; i < n; i++) {
      renumber[i] = start[hops.get(i)]++;
    }
    int[] parent = new int[n];
    int[] hop = new int[n];
    String[] names = new String[n];
    for (int i = 0; i < n; i++) {
      int to = renumber[i];
      parent[to] = parents.get(i) < 0 ? -1 : renumber[parents.get(i)];
      hop[to] = hops.get(i);
      names[to] = purls.get(i);
    }
    TreeSet<String> countrySet = new TreeSet<>();
    TreeSet<String> sectorSet = new TreeSet<>();
    for (WhereUsed.DeploymentHit hit : hits) {
      countrySet.add(hit.country());
      sectorSet.add(hit.sector());
    }
    List<String> countries = List.copyOf(countrySet);
    List<String> sectors = List.copyOf(sectorSet);
    int[] node = new int[m];
    int[] country = new int[m];
    int[] sector = new int[m];
    int[] criticality = new int[m];
    for (int d = 0; d < m; d++) {
      WhereUsed.DeploymentHit hit = hits.get(d);
      node[d] = renumber[deployedNode[d]];
      country[d] = countries.indexOf(hit.country());
      sector[d] = sectors.indexOf(hit.sector());
      int c = CRITICALITIES.indexOf(hit.criticality());
      criticality[d] = c < 0 ? 2 : c;
    }
    for (int i = 0; i < scenario.injects().size(); i++) {
      Inject inject = scenario.injects().get(i);
      for (int c = 0; c < inject.countries().size(); c++) {
        if (!countrySet.contains(inject.countries().get(c))) {
          String pointer = "/injects/" + i + "/countries/" + c;
          throw new ScenarioException(scenario.file(), lines.lineOf(pointer), pointer, inject.kind().label() + " names "
              + inject.countries().get(c) + ", a country with no affected deployment in this world; it has " + String.join(", ", countries));
        }
      }
    }
    for (String s : scenario.behaviour().sectorFactors().keySet()) {
      if (!sectorSet.contains(s)) {
        String pointer = "/behaviour/sector_factors/" + s;
        throw new ScenarioException(scenario.file(), lines.lineOf(pointer), pointer,
            "no affected deployment is in sector " + s + "; the world has " + String.join(", ", sectors));
      }
    }
    return new AffectedWorld(parent, hop, names, node, country, sector, criticality, countries, sectors, answer.matched().size());
  }

  private static boolean inRange(VersionRange range, String version) {
    try {
      return range.contains(version);
    } catch (InvalidInputException e) {
      return false; // a version the range's scheme cannot read is in no range
    }
  }

  /** How many deployments the flaw reaches. */
  public int deployments() {
    return deployments;
  }

  /** How many package versions and products lie on the paths. */
  public int nodes() {
    return nodes;
  }

  /** The countries of the affected deployments, sorted. */
  public List<String> countries() {
    return countries;
  }

  /** The sectors of the affected deployments, sorted. */
  public List<String> sectors() {
    return sectors;
  }

  /** The longest path, in hops. */
  public int depth() {
    int depth = 0;
    for (int h : hop) {
      depth = Math.max(depth, h);
    }
    return depth;
  }

  /** How many versions of the package are in the range. */
  public int vulnerableVersions() {
    return vulnerableVersions;
  }
}
