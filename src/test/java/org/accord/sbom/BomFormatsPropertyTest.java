package org.accord.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.accord.sbom.BomEdge.Relation;
import org.junit.jupiter.api.Test;

/**
 * Property test over seeded random dependency graphs (cycles, self-loops, repeated edges, repeated
 * refs, refs that name nothing, components without PURL): each graph is written as CycloneDX JSON (with
 * members in random order), CycloneDX XML, SPDX JSON and SPDX tag-value (with DEPENDS_ON or the
 * reversed DEPENDENCY_OF at random), and all four must read to the same neutral graph, which must be
 * exactly the generated one: the same components in document order, the asserted edges between defined
 * refs and no others, one dangling-ref occurrence counted per generated dangling edge, and inferred
 * edges that are each needed for reachability. The seed is printed on failure.
 */
class BomFormatsPropertyTest {
  private static final long SEED = 0x5B0A_2024L;
  private static final int GRAPHS = 300;

  /** One random document: components 0..n-1, edges from -1 (the root) or a component. */
  private record Graph(
      int n, boolean[] hasPurl, List<int[]> edges, List<Integer> repeated, List<int[]> dangling) {}

  @Test
  void allFourSerialisationsReadToTheGeneratedGraph() {
    Random random = new Random(SEED);
    for (int round = 0; round < GRAPHS; round++) {
      Graph graph = generate(random);
      String context = "seed " + SEED + ", graph " + round;
      Expected expected = expected(graph);
      List<Bom> boms =
          List.of(
              read(cycloneDxJson(graph, random), context),
              read(cycloneDxXml(graph), context),
              read(spdxJson(graph, random), context),
              read(spdxTagValue(graph, random), context));
      for (Bom bom : boms) {
        String where = context + ", " + bom.format();
        BomInvariants.check(bom);
        Map<String, String> purlOf = new HashMap<>();
        purlOf.put(bom.root().ref(), "ROOT");
        for (BomComponent component : bom.components()) {
          purlOf.put(component.ref(), component.purl().canonical());
        }
        assertThat(bom.components()).extracting(c -> c.purl().canonical()).as(where).isEqualTo(expected.components);
        Set<String> asserted = new TreeSet<>();
        Set<String> inferred = new TreeSet<>();
        for (BomEdge edge : bom.edges()) {
          assertThat(edge.relation()).isEqualTo(Relation.DEPENDS_ON);
          String text = purlOf.get(edge.parentRef()) + " -> " + purlOf.get(edge.childRef());
          (edge.inferred() ? inferred : asserted).add(text);
        }
        assertThat(asserted).as(where + ": asserted edges").isEqualTo(expected.edges);
        for (String edge : inferred) {
          Set<String> others = new TreeSet<>(asserted);
          others.addAll(inferred);
          others.remove(edge);
          assertThat(reachable(others)).as(where + ": inferred edge " + edge + " is needed").doesNotContain(edge.split(" -> ")[1]);
        }
        long dangling = count(bom, "name refs the document does not define", "names a ref the document does not define");
        assertThat(dangling).as(where + ": dangling edges").isEqualTo(graph.dangling().size());
        long repeated = count(bom, "repeated declarations", "repeated declaration");
        assertThat(repeated).as(where + ": repeated refs").isEqualTo(graph.repeated().size());
      }
      for (int i = 1; i < boms.size(); i++) {
        assertThat(shape(boms.get(i))).as(context + ": " + boms.get(i).format() + " matches CycloneDX JSON").isEqualTo(shape(boms.get(0)));
      }
    }
  }

  private static Bom read(String text, String context) {
    try {
      return BomReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "doc", ReadLimits.defaults());
    } catch (RuntimeException e) {
      throw new AssertionError(context + ": " + e.getMessage() + "\n" + text, e);
    }
  }

  /** The count in the warning whose text contains one of the phrases, or 0. */
  private static long count(Bom bom, String many, String one) {
    for (String warning : bom.warnings()) {
      if (warning.contains(many) || warning.contains(one)) {
        return Long.parseLong(warning.substring(0, warning.indexOf(' ')));
      }
    }
    return 0;
  }

  /** The graph by PURL, with edge flags, and the warning kinds: what must not depend on the format. */
  private static List<Object> shape(Bom bom) {
    Map<String, String> purlOf = new HashMap<>();
    purlOf.put(bom.root().ref(), "ROOT");
    bom.components().forEach(c -> purlOf.put(c.ref(), c.purl().canonical()));
    Set<String> edges = new TreeSet<>();
    bom.edges().forEach(e -> edges.add(purlOf.get(e.parentRef()) + " -> " + purlOf.get(e.childRef()) + (e.inferred() ? " [inferred]" : "")));
    List<String> kinds = bom.warnings().stream().map(w -> w.replaceAll("^\\d+ ", "").replaceAll(":.*", "")).toList();
    return List.of(bom.components().stream().map(c -> c.purl().canonical()).toList(), edges, kinds);
  }

  private static Set<String> reachable(Set<String> edges) {
    Map<String, List<String>> out = new HashMap<>();
    for (String edge : edges) {
      String[] ends = edge.split(" -> ");
      out.computeIfAbsent(ends[0], k -> new ArrayList<>()).add(ends[1]);
    }
    Set<String> seen = new HashSet<>(Set.of("ROOT"));
    Deque<String> queue = new ArrayDeque<>(seen);
    while (!queue.isEmpty()) {
      for (String next : out.getOrDefault(queue.poll(), List.of())) {
        if (seen.add(next)) {
          queue.add(next);
        }
      }
    }
    return seen;
  }

  // ---- generation ----

  private static Graph generate(Random random) {
    int n = 1 + random.nextInt(40);
    boolean[] hasPurl = new boolean[n];
    for (int i = 0; i < n; i++) {
      hasPurl[i] = random.nextInt(8) != 0;
    }
    List<int[]> edges = new ArrayList<>();
    int m = random.nextInt(2 * n + 1);
    for (int i = 0; i < m; i++) {
      int parent = random.nextInt(5) == 0 ? -1 : random.nextInt(n);
      edges.add(new int[] {parent, random.nextInt(n)});
    }
    List<Integer> repeated = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (random.nextInt(10) == 0) {
        repeated.add(i);
      }
    }
    List<int[]> dangling = new ArrayList<>();
    int d = random.nextInt(4);
    for (int i = 0; i < d; i++) {
      dangling.add(new int[] {random.nextInt(n), 1000 + random.nextInt(5)});
    }
    return new Graph(n, hasPurl, edges, repeated, dangling);
  }

  private record Expected(List<String> components, Set<String> edges) {}

  private static Expected expected(Graph graph) {
    List<String> components = new ArrayList<>();
    for (int i = 0; i < graph.n(); i++) {
      components.add(purl(graph, i));
    }
    Set<String> edges = new TreeSet<>();
    for (int[] edge : graph.edges()) {
      edges.add((edge[0] < 0 ? "ROOT" : purl(graph, edge[0])) + " -> " + purl(graph, edge[1]));
    }
    return new Expected(components, edges);
  }

  private static String purl(Graph graph, int i) {
    return graph.hasPurl()[i] ? "pkg:npm/c" + i + "@1." + i : "pkg:generic/c" + i + "@1." + i;
  }

  private static String cdxRef(int i) {
    return i < 0 ? "root" : i >= 1000 ? "ghost" + i : "c" + i;
  }

  private static String spdxRef(int i) {
    return i < 0 ? "SPDXRef-root" : i >= 1000 ? "SPDXRef-ghost" + i : "SPDXRef-c" + i;
  }

  /** All edges, asserted and dangling, shuffled. */
  private static List<int[]> allEdges(Graph graph, Random random) {
    List<int[]> all = new ArrayList<>(graph.edges());
    all.addAll(graph.dangling());
    Collections.shuffle(all, random);
    return all;
  }

  private static String cycloneDxJson(Graph graph, Random random) {
    List<String> members = new ArrayList<>();
    members.add("\"bomFormat\": \"CycloneDX\"");
    members.add("\"specVersion\": \"1.6\"");
    members.add("\"metadata\": {\"component\": {\"type\": \"application\", \"bom-ref\": \"root\", \"name\": \"root\", \"version\": \"1\", \"purl\": \"pkg:npm/root@1\"}}");
    StringBuilder components = new StringBuilder("\"components\": [");
    for (int i = 0; i < graph.n(); i++) {
      List<String> fields = new ArrayList<>();
      fields.add("\"type\": \"library\"");
      fields.add("\"bom-ref\": \"" + cdxRef(i) + "\"");
      fields.add("\"name\": \"c" + i + "\"");
      fields.add("\"version\": \"1." + i + "\"");
      if (graph.hasPurl()[i]) {
        fields.add("\"purl\": \"pkg:npm/c" + i + "@1." + i + "\"");
      }
      fields.add("\"hashes\": [{\"alg\": \"SHA-1\", \"content\": \"00\"}]");
      Collections.shuffle(fields, random);
      components.append(i == 0 ? "" : ", ").append('{').append(String.join(", ", fields)).append('}');
      if (graph.repeated().contains(i)) {
        components.append(", {\"type\": \"library\", \"bom-ref\": \"c").append(i).append("\", \"name\": \"dup\", \"purl\": \"pkg:npm/dup@9\"}");
      }
    }
    members.add(components.append(']').toString());
    StringBuilder dependencies = new StringBuilder("\"dependencies\": [");
    boolean first = true;
    for (int[] edge : allEdges(graph, random)) {
      dependencies.append(first ? "" : ", ")
          .append("{\"ref\": \"").append(cdxRef(edge[0])).append("\", \"dependsOn\": [\"").append(cdxRef(edge[1])).append("\"]}");
      first = false;
    }
    members.add(dependencies.append(']').toString());
    Collections.shuffle(members, random);
    return "{" + String.join(",\n", members) + "}";
  }

  private static String cycloneDxXml(Graph graph) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<bom xmlns=\"http://cyclonedx.org/schema/bom/1.5\" version=\"1\">\n");
    xml.append("<metadata><component type=\"application\" bom-ref=\"root\"><name>root</name><version>1</version><purl>pkg:npm/root@1</purl></component></metadata>\n<components>\n");
    for (int i = 0; i < graph.n(); i++) {
      xml.append("<component type=\"library\" bom-ref=\"").append(cdxRef(i)).append("\"><name>c").append(i)
          .append("</name><version>1.").append(i).append("</version>");
      if (graph.hasPurl()[i]) {
        xml.append("<purl>pkg:npm/c").append(i).append("@1.").append(i).append("</purl>");
      }
      xml.append("</component>\n");
      if (graph.repeated().contains(i)) {
        xml.append("<component type=\"library\" bom-ref=\"c").append(i).append("\"><name>dup</name><purl>pkg:npm/dup@9</purl></component>\n");
      }
    }
    xml.append("</components>\n<dependencies>\n");
    Map<Integer, List<Integer>> byParent = new HashMap<>();
    List<int[]> all = new ArrayList<>(graph.edges());
    all.addAll(graph.dangling());
    for (int[] edge : all) {
      byParent.computeIfAbsent(edge[0], k -> new ArrayList<>()).add(edge[1]);
    }
    for (Map.Entry<Integer, List<Integer>> entry : byParent.entrySet()) {
      xml.append("<dependency ref=\"").append(cdxRef(entry.getKey())).append("\">");
      for (int child : entry.getValue()) {
        xml.append("<dependency ref=\"").append(cdxRef(child)).append("\"/>");
      }
      xml.append("</dependency>\n");
    }
    return xml.append("</dependencies>\n</bom>\n").toString();
  }

  private static String spdxJson(Graph graph, Random random) {
    List<String> members = new ArrayList<>();
    members.add("\"spdxVersion\": \"SPDX-2.3\"");
    members.add("\"SPDXID\": \"SPDXRef-DOCUMENT\"");
    members.add("\"name\": \"doc\"");
    StringBuilder packages = new StringBuilder("\"packages\": [");
    packages.append(spdxPackage("SPDXRef-root", "root", "1", "pkg:npm/root@1"));
    for (int i = 0; i < graph.n(); i++) {
      packages.append(", ").append(spdxPackage(spdxRef(i), "c" + i, "1." + i, graph.hasPurl()[i] ? "pkg:npm/c" + i + "@1." + i : null));
      if (graph.repeated().contains(i)) {
        packages.append(", ").append(spdxPackage(spdxRef(i), "dup", "9", "pkg:npm/dup@9"));
      }
    }
    members.add(packages.append(']').toString());
    StringBuilder relationships = new StringBuilder("\"relationships\": [");
    relationships.append(spdxRelationship("SPDXRef-DOCUMENT", "DESCRIBES", "SPDXRef-root"));
    for (int[] edge : allEdges(graph, random)) {
      boolean reversed = random.nextBoolean();
      relationships.append(", ").append(
          reversed
              ? spdxRelationship(spdxRef(edge[1]), "DEPENDENCY_OF", spdxRef(edge[0]))
              : spdxRelationship(spdxRef(edge[0]), "DEPENDS_ON", spdxRef(edge[1])));
    }
    members.add(relationships.append(']').toString());
    Collections.shuffle(members, random);
    return "{" + String.join(",\n", members) + "}";
  }

  private static String spdxPackage(String id, String name, String version, String purl) {
    String refs = purl == null ? "" : ", \"externalRefs\": [{\"referenceCategory\": \"PACKAGE-MANAGER\", \"referenceType\": \"purl\", \"referenceLocator\": \"" + purl + "\"}]";
    return "{\"SPDXID\": \"" + id + "\", \"name\": \"" + name + "\", \"versionInfo\": \"" + version + "\"" + refs + "}";
  }

  private static String spdxRelationship(String element, String type, String related) {
    return "{\"spdxElementId\": \"" + element + "\", \"relationshipType\": \"" + type + "\", \"relatedSpdxElement\": \"" + related + "\"}";
  }

  private static String spdxTagValue(Graph graph, Random random) {
    StringBuilder text = new StringBuilder("SPDXVersion: SPDX-2.2\nDataLicense: CC0-1.0\nSPDXID: SPDXRef-DOCUMENT\nDocumentName: doc\n\n");
    List<String> relationships = new ArrayList<>();
    relationships.add("Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-root");
    for (int[] edge : allEdges(graph, random)) {
      relationships.add(
          random.nextBoolean()
              ? "Relationship: " + spdxRef(edge[1]) + " DEPENDENCY_OF " + spdxRef(edge[0])
              : "Relationship: " + spdxRef(edge[0]) + " DEPENDS_ON " + spdxRef(edge[1]));
    }
    Set<String> placed = new LinkedHashSet<>();
    text.append(tagPackage("SPDXRef-root", "root", "1", "pkg:npm/root@1"));
    for (int i = 0; i < graph.n(); i++) {
      text.append(tagPackage(spdxRef(i), "c" + i, "1." + i, graph.hasPurl()[i] ? "pkg:npm/c" + i + "@1." + i : null));
      if (graph.repeated().contains(i)) {
        text.append(tagPackage(spdxRef(i), "dup", "9", "pkg:npm/dup@9"));
      }
      // relationships may sit anywhere between the elements
      if (!relationships.isEmpty() && random.nextInt(3) == 0) {
        String relationship = relationships.remove(relationships.size() - 1);
        placed.add(relationship);
        text.append(relationship).append('\n');
      }
    }
    relationships.forEach(r -> text.append(r).append('\n'));
    return text.toString();
  }

  private static String tagPackage(String id, String name, String version, String purl) {
    return "PackageName: " + name + "\nSPDXID: " + id + "\nPackageVersion: " + version + "\n"
        + (purl == null ? "" : "ExternalRef: PACKAGE-MANAGER purl " + purl + "\n")
        + "PackageDownloadLocation: NOASSERTION\nPackageComment: <text>not a tag:\nPackageName: nope\n</text>\n\n";
  }
}
