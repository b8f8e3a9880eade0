package org.accord.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.accord.party.OrgKind;
import org.accord.exposure.GraphChange;
import org.accord.identity.Purl;
import org.accord.sbom.Bom;
import org.accord.sbom.BomComponent;
import org.accord.sbom.BomEdge;
import org.accord.sbom.BomFormat;
import org.accord.testing.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SbomDocumentsTest {
  @TempDir Path dir;

  static BomComponent component(String ref, String purl) {
    return new BomComponent(ref, Purl.parse(purl), ref);
  }

  static Bom bom(String productVersion, List<BomComponent> components, List<BomEdge> edges) {
    return new Bom(
        BomFormat.CYCLONEDX_JSON, "1.6", "test",
        component("root", "pkg:generic/acme/app@" + productVersion), components, edges, List.of("a warning"));
  }

  static BomEdge depends(String parent, String child) {
    return new BomEdge(parent, child, BomEdge.Relation.DEPENDS_ON, false);
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void storesDeduplicatesAndReplaces(String engine) throws Exception {
    try (Database database = TestDatabases.open(engine, dir)) {
      Bom first =
          bom("1.0",
              List.of(component("a", "pkg:maven/org.x/a@1.0"), component("b", "pkg:maven/org.x/b@2.0"),
                  component("b-again", "pkg:maven/org.x/b@2.0")),
              List.of(depends("root", "a"), depends("a", "b"), depends("a", "b-again"), depends("root", "b")));
      SbomDocuments.Stored stored = database.jdbi().inTransaction(h ->
          SbomDocuments.store(h, first, "sha-1", Organizations.ensure(h, "Acme", OrgKind.VENDOR, 1).id(), 1));
      assertThat(stored.duplicate()).isFalse();
      assertThat(stored.components()).isEqualTo(3); // root, a, b (b listed twice)
      assertThat(stored.edges()).isEqualTo(3);
      assertThat(stored.change().addedEdges()).hasSize(3);
      assertThat(stored.productPurl()).isEqualTo("pkg:generic/acme/app@1.0");
      assertThat(count(database, "edges")).isEqualTo(3);

      SbomDocuments.Stored again = database.jdbi().inTransaction(h ->
          SbomDocuments.store(h, first, "sha-1", Organizations.ensure(h, "Acme", OrgKind.VENDOR, 2).id(), 2));
      assertThat(again.duplicate()).isTrue();
      assertThat(again.documentId()).isEqualTo(stored.documentId());
      assertThat(again.warnings()).containsExactly("a warning");
      assertThat(count(database, "sbom_documents")).isEqualTo(1);

      // A new SBOM for the same product version: a -> b is gone, a -> c is new.
      Bom second =
          bom("1.0",
              List.of(component("a", "pkg:maven/org.x/a@1.0"), component("c", "pkg:maven/org.x/c@3.0")),
              List.of(depends("root", "a"), depends("a", "c")));
      SbomDocuments.Stored replaced = database.jdbi().inTransaction(h ->
          SbomDocuments.store(h, second, "sha-2", Organizations.ensure(h, "Acme", OrgKind.VENDOR, 3).id(), 3));
      assertThat(replaced.replaced()).isEqualTo(stored.documentId());
      List<GraphChange.Edge> removed = replaced.change().removedEdges();
      assertThat(removed).hasSize(2); // a -> b and root -> b are no longer asserted by anyone
      assertThat(count(database, "edges")).isEqualTo(2);
      assertThat(SbomDocuments.findById(database.jdbi().open(), stored.documentId()).orElseThrow().replacedBy())
          .isEqualTo(replaced.documentId());
    }
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void anEdgeAssertedElsewhereSurvivesReplacement(String engine) throws Exception {
    try (Database database = TestDatabases.open(engine, dir)) {
      Bom app = bom("1.0", List.of(component("a", "pkg:maven/org.x/a@1.0"), component("b", "pkg:maven/org.x/b@2.0")),
          List.of(depends("root", "a"), depends("a", "b")));
      Bom other = new Bom(BomFormat.SPDX_JSON, "SPDX-2.3", "other", component("root", "pkg:generic/other/tool@9"),
          List.of(component("a", "pkg:maven/org.x/a@1.0"), component("b", "pkg:maven/org.x/b@2.0")),
          List.of(depends("root", "a"), depends("a", "b")), List.of());
      Bom appNext = bom("1.0", List.of(component("a", "pkg:maven/org.x/a@1.0")), List.of(depends("root", "a")));
      database.jdbi().useTransaction(h -> {
        long org = Organizations.ensure(h, "Acme", OrgKind.VENDOR, 1).id();
        SbomDocuments.store(h, app, "s1", org, 1);
        SbomDocuments.store(h, other, "s2", org, 1);
        SbomDocuments.Stored next = SbomDocuments.store(h, appNext, "s3", org, 1);
        assertThat(next.change().removedEdges()).isEmpty(); // other/tool still asserts a -> b
      });
    }
  }

  private static long count(Database database, String table) {
    return database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
  }
}
