package org.accord.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.accord.advisory.CsafFinding;
import org.accord.advisory.CsafValidation;
import org.accord.advisory.CsafValidator;
import org.accord.app.Accord;
import org.accord.app.Advisories;
import org.accord.app.Findings;
import org.accord.app.Viewer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDocumentsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static SyntheticWorld world;
  private static DemoDocuments documents;

  @TempDir Path dir;

  @BeforeAll
  static void generate() {
    world = SyntheticWorld.generate(SyntheticWorld.Spec.demo());
    documents = DemoDocuments.of(world);
  }

  private static InputStream utf8(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theSameWorldGivesTheSameBytes() {
    DemoDocuments again = DemoDocuments.of(SyntheticWorld.generate(SyntheticWorld.Spec.demo()));
    assertThat(List.of(again.osv(), again.csaf(), again.openVex(), again.kev(), again.epss()))
        .containsExactly(documents.osv(), documents.csaf(), documents.openVex(), documents.kev(), documents.epss());
  }

  @Test
  void aWorldWithoutLibraCoreIsRefused() {
    SyntheticWorld plain = SyntheticWorld.generate(SyntheticWorld.Spec.scaled(200, 400, 50, 1L));
    assertThatThrownBy(() -> DemoDocuments.of(plain)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LibraCore");
  }

  @Test
  void theCsafPassesTheBasicValidatorAndTheExtendedOne() throws Exception {
    CsafValidation basic = CsafValidator.validate(utf8(documents.csaf()));
    assertThat(basic.findings()).isEmpty();
    CsafValidation extended =
        CsafValidator.validate(JSON.readTree(documents.csaf()), CsafValidator.Options.of(CsafValidator.Extent.EXTENDED));
    assertThat(extended.findings(CsafFinding.Level.OPTIONAL)).isEmpty();
  }

  @Test
  void theCsafListsEveryVersionFromTheFirstAffectedOneWithItsStatus() throws Exception {
    JsonNode csaf = JSON.readTree(documents.csaf());
    assertThat(csaf.at("/document/category").asText()).isEqualTo("csaf_security_advisory");
    assertThat(csaf.at("/document/publisher/category").asText()).isEqualTo("coordinator");
    JsonNode status = csaf.at("/vulnerabilities/0/product_status");
    assertThat(texts(status.get("known_affected")))
        .containsExactly(
            "LIBRACORE-2.0.0", "LIBRACORE-2.0.1", "LIBRACORE-2.0.2", "LIBRACORE-2.1.0", "LIBRACORE-2.1.1", "LIBRACORE-2.1.2",
            "LIBRACORE-2.2.0", "LIBRACORE-2.2.1", "LIBRACORE-2.3.0", "LIBRACORE-2.3.1", "LIBRACORE-2.3.2", "LIBRACORE-2.3.3");
    assertThat(texts(status.get("fixed"))).containsExactly("LIBRACORE-2.3.4", "LIBRACORE-2.4.0", "LIBRACORE-2.4.1");
    assertThat(csaf.at("/vulnerabilities/0/cve").asText()).isEqualTo(DemoDocuments.CVE);
    assertThat(csaf.at("/vulnerabilities/0/scores/0/cvss_v3/baseScore").asDouble()).isEqualTo(9.8);
  }

  @Test
  void theVexStatementNarrowsToAffectedLibraCoreVersions() {
    assertThat(documents.vexComponents())
        .isNotEmpty()
        .allSatisfy(purl -> assertThat(purl).isBetween(SyntheticWorld.LIBRACORE + "@2.0.0", SyntheticWorld.LIBRACORE + "@2.3.3"));
    assertThat(documents.openVex()).contains(documents.vexProduct().purl()).contains(DemoDocuments.JUSTIFICATION);
  }

  @Test
  void everyDocumentImportsThroughTheNormalPathAndTheSuppliersStatementDecides() throws Exception {
    SyntheticWorld.Product product = documents.vexProduct();
    try (Accord accord = Accord.open(new Accord.Config(dir, null))) {
      ByteArrayOutputStream sbom = new ByteArrayOutputStream();
      WorldWriter.writeSbom(world, world.products().indexOf(product), sbom);
      accord.ingestSbom(new ByteArrayInputStream(sbom.toByteArray()), org.accord.TestPrincipals.member(accord, product.vendor()));
      org.accord.TestPrincipals.owner(accord, product.vendor(), org.accord.identity.Purl.parse(product.purl()).packageKey());

      Advisories advisories = accord.advisories();
      Advisories.Imported osv = advisories.ingest(utf8(documents.osv()), org.accord.TestPrincipals.of(accord, DemoDocuments.MAINTAINERS, false), false);
      Advisories.Imported csaf = advisories.ingest(utf8(documents.csaf()), org.accord.TestPrincipals.of(accord, DemoDocuments.COORDINATOR, true), false);
      Advisories.Imported vex = advisories.ingest(utf8(documents.openVex()), org.accord.TestPrincipals.of(accord, product.vendor(), false), false);
      assertThat(osv.advisory()).isEqualTo(DemoDocuments.OSV_ID);
      assertThat(osv.format()).isEqualTo("osv");
      assertThat(csaf.advisory()).isEqualTo(DemoDocuments.CSAF_ID);
      assertThat(csaf.format()).isEqualTo("csaf");
      for (Advisories.Imported advisory : List.of(osv, csaf)) {
        assertThat(advisory.warnings()).isEmpty();
        assertThat(advisory.matched()).isEqualTo(documents.vexComponents().size());
        assertThat(advisory.evaluable()).isEqualTo(advisory.packages()).isPositive();
      }
      assertThat(vex.statements()).isEqualTo(1);
      assertThat(vex.warnings()).isEmpty();
      Advisories.FeedImported kev = advisories.ingestKev(utf8(documents.kev()));
      Advisories.FeedImported epss = advisories.ingestEpss(utf8(documents.epss()));
      assertThat(kev.entries()).isEqualTo(1);
      assertThat(epss.entries()).isEqualTo(5);
      assertThat(advisories.latestFeed(kev.feed())).contains(documents.kevProvenance());
      assertThat(advisories.latestFeed(epss.feed())).contains(documents.epssProvenance());

      Findings.View findings = accord.findings().findings(DemoDocuments.CVE, null, Viewer.local(false));
      Findings.Finding finding = findings.advisories().get(0).findings().get(0);
      assertThat(finding.product()).isEqualTo(product.purl());
      assertThat(finding.supplier()).isEqualTo(product.vendor());
      assertThat(finding.status()).isEqualTo("not_affected");
      assertThat(finding.statement().justification()).isEqualTo(DemoDocuments.JUSTIFICATION);

      // The same bytes again are duplicates.
      assertThat(advisories.ingest(utf8(documents.osv()), org.accord.TestPrincipals.of(accord, DemoDocuments.MAINTAINERS, false), false).duplicate()).isTrue();
      assertThat(advisories.ingest(utf8(documents.csaf()), org.accord.TestPrincipals.of(accord, DemoDocuments.COORDINATOR, true), false).duplicate()).isTrue();
      assertThat(advisories.ingest(utf8(documents.openVex()), org.accord.TestPrincipals.of(accord, product.vendor(), false), false).duplicate()).isTrue();
      assertThat(advisories.ingestKev(utf8(documents.kev())).duplicate()).isTrue();
      assertThat(advisories.ingestEpss(utf8(documents.epss())).duplicate()).isTrue();
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }
}
