package org.accord.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks the invariants {@link Bom} promises, for any document a reader returned. */
final class BomInvariants {
  private BomInvariants() {}

  static void check(Bom bom) {
    Set<String> refs = new HashSet<>();
    for (BomComponent component : bom.components()) {
      assertThat(refs.add(component.ref())).as("ref %s is unique", component.ref()).isTrue();
      assertThat(component.purl().canonical()).as("PURL of %s rebuilds", component.ref()).isNotBlank();
    }
    assertThat(refs).as("the root is not among the components").doesNotContain(bom.root().ref());
    assertThat(bom.root().purl().canonical()).isNotBlank();
    Set<String> all = new HashSet<>(refs);
    all.add(bom.root().ref());
    Map<String, List<String>> out = new HashMap<>();
    Set<String> edgeKeys = new HashSet<>();
    for (BomEdge edge : bom.edges()) {
      assertThat(all).as("edge %s names defined refs", edge).contains(edge.parentRef(), edge.childRef());
      assertThat(edgeKeys.add(edge.parentRef() + "\u0000" + edge.childRef() + "\u0000" + edge.relation()))
          .as("edge %s is not repeated", edge)
          .isTrue();
      if (edge.inferred()) {
        assertThat(edge.parentRef()).as("inferred edges hang under the root").isEqualTo(bom.root().ref());
        assertThat(edge.relation()).isEqualTo(BomEdge.Relation.DEPENDS_ON);
      }
      out.computeIfAbsent(edge.parentRef(), k -> new ArrayList<>()).add(edge.childRef());
    }
    Set<String> reached = new HashSet<>();
    Deque<String> queue = new ArrayDeque<>();
    queue.add(bom.root().ref());
    reached.add(bom.root().ref());
    while (!queue.isEmpty()) {
      for (String next : out.getOrDefault(queue.poll(), List.of())) {
        if (reached.add(next)) {
          queue.add(next);
        }
      }
    }
    assertThat(reached).as("every component is reachable from the root").containsAll(refs);
    assertThat(bom.warnings()).doesNotContainNull();
  }
}
