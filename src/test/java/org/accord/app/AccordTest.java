package org.accord.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.accord.InvalidInputException;
import org.accord.sbom.ReadLimits;
import org.accord.testing.Documents;
import org.accord.testing.TestData;
import org.accord.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AccordTest {
  @TempDir Path dir;

  static final List<String> TABLES =
      List.of("organizations", "components", "products", "sbom_documents", "edges", "inventory_documents", "deployments");

  Accord open(String engine) {
    String url = engine.equals("postgresql") ? TestDatabases.freshPostgresUrl() : null;
    return Accord.open(new Accord.Config(dir, url, ReadLimits.defaults().withMaxBytes(64 * 1024)));
  }

  static InputStream text(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  static Map<String, Long> counts(Accord accord) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : TABLES) {
      counts.put(table, accord.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one()));
    }
    return counts;
  }

  /** Each refused input names its problem, and leaves the store and the graph exactly as they were. */
  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void refusedInputChangesNothing(String engine) {
    try (Accord accord = open(engine)) {
      accord.ingestSbom(text(Documents.cycloneDx("scada", "2.1.0")), org.accord.TestPrincipals.member(accord, "Acme"));
      org.accord.TestPrincipals.ingestInventory(accord, Documents.inventory("scada"));
      Map<String, Long> before = counts(accord);
      var graphBefore = accord.graph().stats();

      Map<String, String> sboms = new LinkedHashMap<>();
      sboms.put("malformed JSON", "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"components\": [");
      sboms.put("malformed XML", "<?xml version=\"1.0\"?><bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\"><components>");
      sboms.put("XXE", """
          <?xml version="1.0"?>
          <!DOCTYPE bom [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
          <bom xmlns="http://cyclonedx.org/schema/bom/1.6"><metadata><component type="application"><name>&xxe;</name></component></metadata></bom>
          """);
      sboms.put("billion laughs", """
          <?xml version="1.0"?>
          <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
          <bom xmlns="http://cyclonedx.org/schema/bom/1.6"><metadata><component type="application"><name>&lol2;</name></component></metadata></bom>
          """);
      sboms.put("unknown spec version", Documents.cycloneDx("other", "1.0").replace("\"specVersion\": \"1.6\"", "\"specVersion\": \"9.9\""));
      sboms.put("over the size limit", Documents.cycloneDx("big", "1.0").replace("\"version\": 1,", "\"version\": 1, \"padding\": \"" + "x".repeat(70 * 1024) + "\","));
      for (Map.Entry<String, String> bad : sboms.entrySet()) {
        assertThatThrownBy(() -> accord.ingestSbom(text(bad.getValue()), org.accord.TestPrincipals.member(accord, "Acme")))
            .as(bad.getKey())
            .isInstanceOf(InvalidInputException.class)
            .satisfies(e -> assertThat(((InvalidInputException) e).describe()).isNotBlank());
      }
      assertThatThrownBy(() -> accord.ingestInventory(text(Documents.inventory("scada").replace(",DE,", ",XX,")), "sites.csv", org.accord.TestPrincipals.member(accord, "GridCo")))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("country")
          .hasMessageContaining("XX")
          .hasMessageContaining("line 2");
      assertThatThrownBy(() -> accord.ingestInventory(text(Documents.inventory("scada").replace(",water,", ",mining,")), "sites.csv", org.accord.TestPrincipals.member(accord, "GridCo")))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("sector")
          .hasMessageContaining("mining")
          .hasMessageContaining("line 4");
      assertThatThrownBy(() -> accord.exposure().whereUsed("pkg:maven/", null, Viewer.local(false)))
          .isInstanceOf(InvalidInputException.class);
      assertThatThrownBy(() -> accord.exposure().whereUsed("pkg:maven/org.libra/libracore", "[2.0,banana", Viewer.local(false)))
          .isInstanceOf(InvalidInputException.class)
          .satisfies(e -> assertThat(((InvalidInputException) e).location()).isEqualTo("range"));

      assertThat(counts(accord)).isEqualTo(before);
      assertThat(accord.graph().stats()).isEqualTo(graphBefore);
    }
  }

  @Test
  void anInvalidPurlInsideAnSbomIsAWarningAndAGenericIdentity() {
    try (Accord accord = open("sqlite")) {
      String sbom = Documents.cycloneDx("scada", "2.1.0").replace("pkg:npm/util@3.1.0", "npm/util 3.1.0");
      IngestResults.Sbom result = accord.ingestSbom(text(sbom), org.accord.TestPrincipals.member(accord, "Acme"));
      assertThat(result.warnings()).anySatisfy(warning -> assertThat(warning).contains("util"));
      assertThat(accord.exposure().packages("pkg:generic/", 10))
          .anySatisfy(pkg -> assertThat(pkg.packageKey()).contains("util"));
    }
  }

  @Test
  void reingestingIsANoOpAndANewSbomReplacesTheProductVersionsEdges() {
    try (Accord accord = open("sqlite")) {
      IngestResults.Sbom first = accord.ingestSbom(text(Documents.cycloneDx("scada", "2.1.0")), org.accord.TestPrincipals.member(accord, "Acme"));
      IngestResults.Sbom again = accord.ingestSbom(text(Documents.cycloneDx("scada", "2.1.0")), org.accord.TestPrincipals.member(accord, "Acme"));
      assertThat(again.duplicate()).isTrue();
      assertThat(again.documentId()).isEqualTo(first.documentId());
      assertThat(accord.exposure().whereUsed("pkg:maven/org.libra/libracore@2.1.0", null, Viewer.local(false)).products()).hasSize(1);

      IngestResults.Sbom fixed = accord.ingestSbom(text(Documents.cycloneDx("scada", "2.4.0")), org.accord.TestPrincipals.member(accord, "Acme"));
      assertThat(fixed.replacedDocumentId()).isEqualTo(first.documentId());
      assertThat(accord.exposure().whereUsed("pkg:maven/org.libra/libracore@2.1.0", null, Viewer.local(false)).products()).isEmpty();
      assertThat(accord.exposure().whereUsed("pkg:maven/org.libra/libracore@2.4.0", null, Viewer.local(false)).products()).hasSize(1);
    }
    // The graph rebuilt from the store at the next start agrees.
    try (Accord reopened = open("sqlite")) {
      assertThat(reopened.exposure().whereUsed("pkg:maven/org.libra/libracore@2.1.0", null, Viewer.local(false)).products()).isEmpty();
      assertThat(reopened.exposure().whereUsed("pkg:maven/org.libra/libracore", "[2.0,3.0)", Viewer.local(false)).products()).hasSize(1);
    }
  }

  @Test
  void everyIngestIsLoggedWithItsDigestUploaderAndTime() throws Exception {
    try (Accord accord = open("sqlite")) {
      IngestResults.Sbom sbom = accord.ingestSbom(text(Documents.cycloneDx("scada", "2.1.0")), org.accord.TestPrincipals.member(accord, "Acme"));
      IngestResults.Inventory inventory = accord.ingestInventory(text(Documents.inventory("scada").replaceAll("(?m)^AquaNet,.*\\n", "")), "sites.csv", org.accord.TestPrincipals.member(accord, "GridCo"));
      assertThat(accord.ingestSbom(text(Documents.cycloneDx("scada", "2.1.0")), org.accord.TestPrincipals.member(accord, "Acme")).ledgerIndex()).isEqualTo(-1);
      assertThat(sbom.ledgerIndex()).isGreaterThanOrEqualTo(0);
      assertThat(inventory.ledgerIndex()).isEqualTo(sbom.ledgerIndex() + 1);

      var receipt = accord.ledger().receipt(sbom.ledgerIndex(), false).orElseThrow();
      var decoded = org.accord.ledger.LedgerEvent.decode(receipt.entry());
      assertThat(decoded.event().type()).isEqualTo("sbom.ingested");
      assertThat(decoded.event().subject()).isEqualTo("product:pkg:generic/acme/scada@1.0");
      assertThat(decoded.event().data()).containsEntry("sha256", sbom.sha256()).containsEntry("uploader", "Acme");
      // an inventory names its operator: the public log holds only a salted commitment (issue 8)
      String inventoryEntry = new String(accord.ledger().receipt(inventory.ledgerIndex(), false).orElseThrow().entry(), StandardCharsets.UTF_8);
      assertThat(inventoryEntry).contains("commitment").doesNotContain("GridCo").doesNotContain(inventory.sha256()).doesNotContain("inventory.ingested");
      String inventoryEvent = new String(accord.ledger().secret(inventory.ledgerIndex()).orElseThrow().event(), StandardCharsets.UTF_8);
      assertThat(inventoryEvent).contains("inventory.ingested").contains(inventory.sha256()).contains("\"uploader\":\"GridCo\"");
    }
  }

  @Test
  void advisoryImportsAreLoggedAndPrivateOnesOnlyAsCommitments() throws Exception {
    try (Accord accord = open("sqlite")) {
      org.accord.party.Principal importer = org.accord.TestPrincipals.of(accord, "Libra PSIRT", false);
      Advisories.Imported open = accord.advisories().ingest(text(AdvisoryFixtures.libraAdvisory("OSV-2026-1", "CVE-2026-1")), importer, false);
      Advisories.Imported hidden = accord.advisories().ingest(text(AdvisoryFixtures.libraAdvisory("OSV-2026-2", "CVE-2026-2")), importer, true);
      assertThat(accord.advisories().ingest(text(AdvisoryFixtures.libraAdvisory("OSV-2026-1", "CVE-2026-1")), importer, false).ledgerIndex())
          .isEqualTo(-1);

      var openEvent = org.accord.ledger.LedgerEvent.decode(accord.ledger().receipt(open.ledgerIndex(), false).orElseThrow().entry());
      assertThat(openEvent.event().type()).isEqualTo("advisory.imported");
      assertThat(openEvent.event().subject()).isEqualTo("advisory:OSV-2026-1");
      assertThat(openEvent.event().data()).containsEntry("sha256", open.sha256());

      byte[] committed = accord.ledger().receipt(hidden.ledgerIndex(), false).orElseThrow().entry();
      String entry = new String(committed, StandardCharsets.UTF_8);
      assertThat(entry).contains("commitment").doesNotContain("OSV-2026-2").doesNotContain(hidden.sha256());
      var secret = accord.ledger().secret(hidden.ledgerIndex()).orElseThrow();
      assertThat(new String(secret.event(), StandardCharsets.UTF_8)).contains("OSV-2026-2");
    }
  }

  /**
   * Issue 7, item 1: one injected clock. An instance opened on a fixed clock stamps its ingest events
   * and the log's stored checkpoints with that clock's time, not the system's.
   */
  @Test
  void everyStampComesFromTheInjectedClock() throws Exception {
    java.time.Instant then = java.time.Instant.parse("2031-05-06T07:08:09.010Z");
    try (Accord accord = Accord.open(new Accord.Config(dir.resolve("clocked"), null), java.time.Clock.fixed(then, java.time.ZoneOffset.UTC))) {
      IngestResults.Sbom sbom = accord.ingestSbom(text(Documents.cycloneDx("scada", "2.3.3")), org.accord.TestPrincipals.member(accord, "Acme"));
      var event = org.accord.ledger.LedgerEvent.decode(accord.ledger().receipt(sbom.ledgerIndex(), false).orElseThrow().entry());
      assertThat(event.event().time()).isEqualTo(then);
      assertThat(accord.clock().instant()).isEqualTo(then);
      long stored = accord.database().jdbi().withHandle(handle ->
          handle.createQuery("SELECT MAX(created_at) FROM ledger_checkpoints").mapTo(Long.class).one());
      assertThat(stored).as("checkpoints are stamped by the instance's clock").isEqualTo(then.toEpochMilli());
    }
  }

  /** Real product SBOMs from the conformance data go through ingest and answer where-used with paths. */
  @Test
  void realSbomsIngestAndAnswer() throws Exception {
    Path keycloak = TestData.resolve("cyclonedx/bom-examples/SBOM/keycloak-10.0.2/bom.json");
    Path dropwizard = TestData.resolve("cyclonedx/bom-examples/SBOM/dropwizard-1.3.15/bom.xml");
    Path spdx = TestData.resolve("spdx/spdx-spec/examples/SPDXTagExample-v2.3.spdx");
    try (Accord accord = Accord.open(new Accord.Config(dir, null))) {
      for (Path file : List.of(keycloak, dropwizard, spdx)) {
        try (InputStream in = Files.newInputStream(file)) {
          IngestResults.Sbom result = accord.ingestSbom(in, org.accord.TestPrincipals.member(accord, "Examples"));
          assertThat(result.components()).as(file.toString()).isPositive();
        }
      }
      WhereUsedView view =
          accord.exposure().whereUsed("pkg:maven/com.fasterxml.jackson.core/jackson-databind", "[2.10,2.11)", Viewer.local(false));
      assertThat(view.matched()).anySatisfy(purl -> assertThat(purl).contains("jackson-databind@2.10.1"));
      assertThat(view.products()).anySatisfy(hit -> {
        assertThat(hit.purl()).startsWith("pkg:maven/org.keycloak/keycloak-parent@10.0.2");
        assertThat(hit.path().get(hit.path().size() - 1)).contains("jackson-databind@2.10.1");
      });
    }
  }
}
