package org.accord.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.accord.InvalidInputException;
import org.accord.identity.Purl;
import org.accord.testing.TestData;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.parsers.BomParserFactory;
import org.cyclonedx.parsers.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares the streaming CycloneDX reader with the reference library, cyclonedx-core-java 12.2.0
 * (which builds the whole object model), on every CycloneDX file of the corpus that both accept: the
 * same declared bom-refs, the same PURL for each, the same number of components, and every dependency
 * and nesting the library sees is an edge of ours (and nothing else is). See ADR 0050.
 *
 * <p>Skipped, with the reason, are only files the library cannot parse: CycloneDX 1.7, which it does
 * not know (12.2.0 supports up to 1.6).
 */
class CycloneDxOracleTest {
  /** Files the reference library cannot parse, and why. */
  private static final Map<String, String> SKIPPED = skipped();

  private static Map<String, String> skipped() {
    String corpus = "cyclonedx/specification/tools/src/test/resources/1.6/";
    String refusesEnum =
        "the reference library refuses this invalid-* file outright (Jackson enum binding of a field outside "
            + "the neutral model, which our reader does not read; see the conformance table)";
    Map<String, String> skipped = new java.util.TreeMap<>();
    skipped.put("guac/internal/testing/testdata/exampledata/cyclonedx-1.7.json",
        "cyclonedx-core-java 12.2.0 supports CycloneDX up to 1.6");
    for (String name : List.of("invalid-issue-type-1.6", "invalid-patch-type-1.6", "invalid-scope-1.6", "invalid-service-data-1.6")) {
      skipped.put(corpus + name + ".json", refusesEnum);
      skipped.put(corpus + name + ".xml", refusesEnum);
    }
    skipped.put(corpus + "invalid-license-id-count-1.6.xml",
        "the reference library refuses this invalid-* file (a licence with two <id>s; licences are not read by us)");
    skipped.put(corpus + "invalid-license-name-count-1.6.xml",
        "the reference library refuses this invalid-* file (a licence with two <name>s; licences are not read by us)");
    skipped.put(corpus + "valid-external-elements-1.6.xml",
        "the reference library counts the extension elements <foo:fruit> inside <ancestors> as components (10); "
            + "the document has 2 (tomcat-catalina and its one ancestor), as our reader and BomReaderTest find");
    return skipped;
  }

  private static int compared;
  private static int skipped;

  static Stream<String> cycloneDxFiles() {
    TestData.root();
    return BomReaderConformanceTest.table().values().stream()
        .filter(BomReaderConformanceTest.Expectation::accept)
        .map(BomReaderConformanceTest.Expectation::path)
        .filter(path -> !path.startsWith("spdx/") && !path.contains("spdx"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cycloneDxFiles")
  void streamingReaderAgreesWithTheReferenceLibrary(String path) throws Exception {
    Path file = TestData.resolve(path);
    byte[] bytes = Files.readAllBytes(file);
    Bom ours;
    try (InputStream in = Files.newInputStream(file)) {
      ours = BomReader.read(in, ReadLimits.defaults());
    }
    if (ours.format() != BomFormat.CYCLONEDX_JSON && ours.format() != BomFormat.CYCLONEDX_XML) {
      return;
    }
    if (SKIPPED.containsKey(path)) {
      skipped++; // the reason is beside the path in SKIPPED
      return;
    }
    Parser parser = BomParserFactory.createParser(bytes);
    org.cyclonedx.model.Bom reference = parser.parse(bytes);

    Library library = new Library();
    if (reference.getMetadata() != null && reference.getMetadata().getComponent() != null) {
      library.walk(reference.getMetadata().getComponent());
    }
    if (reference.getComponents() != null) {
      for (Component component : reference.getComponents()) {
        library.walk(component);
      }
    }
    if (reference.getDependencies() != null) {
      for (Dependency dependency : reference.getDependencies()) {
        library.dependencies(dependency);
      }
    }

    Map<String, BomComponent> byRef = new HashMap<>();
    for (BomComponent component : ours.components()) {
      byRef.put(component.ref(), component);
    }
    byRef.put(ours.root().ref(), ours.root());
    boolean synthesizedRoot = ours.warnings().stream().anyMatch(w -> w.contains("names no root"));

    // the same declared refs, each with the same PURL
    Set<String> ourDeclared = new HashSet<>();
    for (String ref : byRef.keySet()) {
      if (!ref.startsWith("$.") && !ref.startsWith("/bom/") && !(synthesizedRoot && ref.equals(ours.root().ref()))) {
        ourDeclared.add(ref);
      }
    }
    assertThat(ourDeclared).as("declared bom-refs").isEqualTo(library.purlByRef.keySet());
    for (Map.Entry<String, String> entry : library.purlByRef.entrySet()) {
      String purl = entry.getValue();
      if (purl == null) {
        continue;
      }
      Purl expected;
      try {
        expected = Purl.parse(purl);
      } catch (InvalidInputException invalid) {
        continue; // ours carries a generic identity and a warning
      }
      assertThat(byRef.get(entry.getKey()).purl().withVersion(""))
          .as("PURL of %s", entry.getKey())
          .isEqualTo(expected.withVersion(""));
    }

    // the same number of components (duplicated refs counted once)
    int ourCount = ours.components().size() + (synthesizedRoot ? 0 : 1);
    assertThat(ourCount).as("components including the root").isEqualTo(library.distinctCount());

    // edges between declared refs: the library's dependencies and nesting, and nothing else
    Set<String> ourEdges = new HashSet<>();
    for (BomEdge edge : ours.edges()) {
      if (!edge.inferred() && ourDeclared.contains(edge.parentRef()) && ourDeclared.contains(edge.childRef())) {
        ourEdges.add(edge.relation() + " " + edge.parentRef() + " -> " + edge.childRef());
      }
    }
    Set<String> libraryEdges = new HashSet<>();
    for (String edge : library.edges) {
      String[] parts = edge.split(" ", 2)[1].split(" -> ");
      if (library.purlByRef.containsKey(parts[0]) && library.purlByRef.containsKey(parts[1])) {
        libraryEdges.add(edge);
      }
    }
    assertThat(ourEdges).as("edges between declared refs").isEqualTo(libraryEdges);
    compared++;
  }

  @AfterAll
  static void report() {
    if (compared + skipped == 0) {
      return; // nothing ran: without the test data, MissingTestDataSummary says so
    }
    System.out.printf("CycloneDX oracle: %d files compared, %d skipped (reasons in CycloneDxOracleTest.SKIPPED)%n",
        compared, skipped);
  }

  /** What the reference library's object model holds, flattened. */
  private static final class Library {
    final Map<String, String> purlByRef = new HashMap<>();
    final Set<String> edges = new HashSet<>();
    int withoutRef;

    void walk(Component component) {
      String ref = component.getBomRef();
      if (ref == null) {
        withoutRef++;
      } else {
        purlByRef.putIfAbsent(ref, component.getPurl());
      }
      if (component.getComponents() != null) {
        for (Component child : component.getComponents()) {
          walk(child);
          edge("DEPENDS_ON", ref, child.getBomRef());
        }
      }
      if (component.getPedigree() != null && component.getPedigree().getAncestors() != null
          && component.getPedigree().getAncestors().getComponents() != null) {
        for (Component ancestor : component.getPedigree().getAncestors().getComponents()) {
          walk(ancestor);
          edge("FORK_OF", ref, ancestor.getBomRef());
        }
      }
    }

    void dependencies(Dependency dependency) {
      List<Dependency> children = dependency.getDependencies() == null ? new ArrayList<>() : dependency.getDependencies();
      for (Dependency child : children) {
        edge("DEPENDS_ON", dependency.getRef(), child.getRef());
        dependencies(child);
      }
    }

    private void edge(String relation, String parent, String child) {
      if (parent != null && child != null) {
        edges.add(relation + " " + parent + " -> " + child);
      }
    }

    int distinctCount() {
      return purlByRef.size() + withoutRef;
    }
  }
}
