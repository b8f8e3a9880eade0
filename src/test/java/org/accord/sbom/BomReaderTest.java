package org.accord.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.accord.InvalidInputException;
import org.accord.sbom.BomEdge.Relation;
import org.accord.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class BomReaderTest {

  static Bom read(String text) {
    return read(text, ReadLimits.defaults());
  }

  static Bom read(String text, ReadLimits limits) {
    Bom bom = BomReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test.sbom", limits);
    BomInvariants.check(bom);
    return bom;
  }

  static InvalidInputException refusal(String text) {
    return refusal(text, ReadLimits.defaults());
  }

  static InvalidInputException refusal(String text, ReadLimits limits) {
    return refusal(text.getBytes(StandardCharsets.UTF_8), limits);
  }

  static InvalidInputException refusal(byte[] bytes, ReadLimits limits) {
    try {
      BomReader.read(new ByteArrayInputStream(bytes), limits);
    } catch (InvalidInputException e) {
      return e;
    }
    throw new AssertionError("expected the input to be refused");
  }

  /** Edges as "parent -> child" (with " [fork]" / " [inferred]"), by ref. */
  static Set<String> edges(Bom bom) {
    return bom.edges().stream()
        .map(e -> e.parentRef() + " -> " + e.childRef()
            + (e.relation() == Relation.FORK_OF ? " [fork]" : "")
            + (e.inferred() ? " [inferred]" : ""))
        .collect(Collectors.toSet());
  }

  // ---- CycloneDX mapping ----

  private static final String CDX_NESTED =
      """
      {"bomFormat": "CycloneDX", "specVersion": "1.6",
       "metadata": {"component": {"type": "application", "bom-ref": "app", "name": "app", "version": "1.0",
                                  "purl": "pkg:maven/org.acme/app@1.0", "supplier": {"name": "Acme"}}},
       "components": [
         {"type": "library", "bom-ref": "a", "name": "a", "version": "1", "purl": "pkg:npm/a@1",
          "components": [{"type": "library", "bom-ref": "a-inner", "name": "inner", "version": "2", "purl": "pkg:npm/inner@2"}]},
         {"type": "library", "bom-ref": "b", "name": "b", "version": "1", "purl": "pkg:npm/b@1"},
         {"type": "library", "bom-ref": "lonely", "name": "lonely", "version": "3", "purl": "pkg:npm/lonely@3"}
       ],
       "dependencies": [{"ref": "app", "dependsOn": ["a"]}, {"ref": "a", "dependsOn": ["b"]}]}
      """;

  @Test
  void cycloneDxNestingAndDependenciesBecomeEdgesAndTheMetadataComponentIsTheRoot() {
    Bom bom = read(CDX_NESTED);
    assertThat(bom.format()).isEqualTo(BomFormat.CYCLONEDX_JSON);
    assertThat(bom.specVersion()).isEqualTo("1.6");
    assertThat(bom.root().ref()).isEqualTo("app");
    assertThat(bom.root().purl().canonical()).isEqualTo("pkg:maven/org.acme/app@1.0");
    assertThat(bom.root().supplier()).isEqualTo("Acme");
    assertThat(bom.components()).extracting(BomComponent::ref).containsExactly("a", "a-inner", "b", "lonely");
    assertThat(edges(bom))
        .containsExactlyInAnyOrder("app -> a", "a -> a-inner", "a -> b", "app -> lonely [inferred]");
    assertThat(bom.warnings()).singleElement().satisfies(w -> assertThat(w).contains("'lonely'"));
  }

  @Test
  void membersMayComeInAnyOrder() {
    String reordered =
        """
        {"dependencies": [{"dependsOn": ["b"], "ref": "a"}, {"ref": "app", "dependsOn": ["a"]}],
         "components": [
           {"components": [{"purl": "pkg:npm/inner@2", "bom-ref": "a-inner", "type": "library", "name": "inner"}],
            "purl": "pkg:npm/a@1", "type": "library", "name": "a", "bom-ref": "a"},
           {"type": "library", "bom-ref": "b", "name": "b", "purl": "pkg:npm/b@1"},
           {"type": "library", "bom-ref": "lonely", "name": "lonely", "purl": "pkg:npm/lonely@3"}],
         "metadata": {"component": {"purl": "pkg:maven/org.acme/app@1.0", "name": "app", "type": "application", "bom-ref": "app"}},
         "specVersion": "1.6", "bomFormat": "CycloneDX"}
        """;
    assertThat(edges(read(reordered))).isEqualTo(edges(read(CDX_NESTED)));
  }

  @Test
  void cycloneDxXmlReadsLikeJson() {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bom xmlns="http://cyclonedx.org/schema/bom/1.6" xmlns:x="urn:ext" version="1">
          <metadata><component type="application" bom-ref="app"><supplier><name>Acme</name></supplier>
            <name>app</name><version>1.0</version><purl>pkg:maven/org.acme/app@1.0</purl></component></metadata>
          <components>
            <component type="library" bom-ref="a"><name>a</name><version>1</version><purl><![CDATA[pkg:npm/a@1]]></purl>
              <x:extra><x:component bom-ref="not-me"/></x:extra>
              <components><component type="library" bom-ref="a-inner"><name>inner</name><purl>pkg:npm/inner@2</purl></component></components>
            </component>
            <component type="library" bom-ref="b"><name>b</name><purl>pkg:npm/b@1</purl></component>
            <component type="library" bom-ref="lonely"><name>lonely</name><purl>pkg:npm/lonely@3</purl></component>
          </components>
          <dependencies>
            <dependency ref="app"><dependency ref="a"><dependency ref="b"/></dependency></dependency>
          </dependencies>
        </bom>
        """;
    Bom bom = read(xml);
    assertThat(bom.format()).isEqualTo(BomFormat.CYCLONEDX_XML);
    assertThat(bom.root().supplier()).isEqualTo("Acme");
    assertThat(edges(bom)).isEqualTo(edges(read(CDX_NESTED)));
  }

  @Test
  void pedigreeAncestorsBecomeForkEdgesAndDescendantsAreNotRead() {
    String json =
        """
        {"bomFormat": "CycloneDX", "specVersion": "1.5",
         "metadata": {"component": {"type": "application", "bom-ref": "app", "name": "app", "version": "1"}},
         "components": [{"type": "library", "bom-ref": "fork", "name": "libracore-patched", "version": "2.1-acme",
           "purl": "pkg:maven/com.acme/libracore@2.1-acme",
           "pedigree": {"ancestors": [{"type": "library", "bom-ref": "upstream", "name": "libracore", "version": "2.1",
                                       "purl": "pkg:maven/org.libra/libracore@2.1"}],
                        "descendants": [{"type": "library", "name": "later", "version": "3"}],
                        "variants": [{"type": "library", "name": "cousin", "version": "1"}]}}],
         "dependencies": [{"ref": "app", "dependsOn": ["fork"]}]}
        """;
    Bom bom = read(json);
    assertThat(edges(bom)).containsExactlyInAnyOrder("app -> fork", "fork -> upstream [fork]");
    assertThat(bom.components()).extracting(c -> c.purl().canonical())
        .containsExactly("pkg:maven/com.acme/libracore@2.1-acme", "pkg:maven/org.libra/libracore@2.1");
    assertThat(bom.warnings()).anySatisfy(w -> assertThat(w).startsWith("2 pedigree descendants or variants"));
  }

  @Test
  void extensionElementsInsideAncestorsAreNotComponents() throws IOException {
    Path file = TestData.resolve("cyclonedx/specification/tools/src/test/resources/1.6/valid-external-elements-1.6.xml");
    try (InputStream in = Files.newInputStream(file)) {
      Bom bom = BomReader.read(in, ReadLimits.defaults());
      assertThat(bom.components()).extracting(c -> c.purl().canonical())
          .containsExactly(
              "pkg:maven/com.acme/tomcat-catalina@9.0.14?packaging=jar",
              "pkg:maven/org.apache.tomcat/tomcat-catalina@9.0.14?packaging=jar");
      assertThat(bom.edges()).filteredOn(e -> e.relation() == Relation.FORK_OF).hasSize(1);
    }
  }

  @Test
  void aComponentWithoutPurlGetsAGenericIdentityAndAnInvalidOneIsAWarningNamingIt() {
    String json =
        """
        {"bomFormat": "CycloneDX", "specVersion": "1.4",
         "metadata": {"component": {"type": "application", "name": "app", "version": "1", "purl": "pkg:npm/app@1"}},
         "components": [
           {"type": "library", "group": "org.acme", "name": "no-purl", "version": "1.2"},
           {"type": "library", "name": "bad-purl", "version": "3", "purl": "pkg:/broken"},
           {"type": "library", "name": "left-pad", "version": "1.3.0", "purl": "pkg:npm/left-pad"}]}
        """;
    Bom bom = read(json);
    assertThat(bom.components()).extracting(c -> c.purl().canonical())
        .containsExactly("pkg:generic/org.acme/no-purl@1.2", "pkg:generic/bad-purl@3", "pkg:npm/left-pad@1.3.0");
    assertThat(bom.components()).extracting(BomComponent::ref)
        .containsExactly("$.components[0]", "$.components[1]", "$.components[2]");
    assertThat(bom.root().ref()).isEqualTo("$.metadata.component");
    assertThat(bom.warnings())
        .anySatisfy(w -> assertThat(w).startsWith("1 component has no PURL").contains("'no-purl@1.2'"))
        .anySatisfy(w -> assertThat(w).startsWith("1 component has an invalid PURL").contains("'bad-purl@3'").contains("pkg:/broken"));
  }

  @Test
  void aDocumentWithoutRootGetsAGenericOneNamedAfterTheDocument() {
    String json =
        """
        {"bomFormat": "CycloneDX", "specVersion": "1.6",
         "components": [{"type": "library", "name": "a", "version": "1", "purl": "pkg:npm/a@1"}]}
        """;
    Bom bom = read(json);
    assertThat(bom.root().purl().canonical()).isEqualTo("pkg:generic/test.sbom");
    assertThat(edges(bom)).containsExactly("urn:accord:root -> $.components[0] [inferred]");
    assertThat(bom.warnings()).anySatisfy(w -> assertThat(w).contains("names no root"));
  }

  @Test
  void vexInsideAnSbomIsAWarningButVexAloneIsRefused() {
    String withComponents =
        """
        {"bomFormat": "CycloneDX", "specVersion": "1.4",
         "components": [{"type": "library", "name": "a", "version": "1", "purl": "pkg:npm/a@1"}],
         "vulnerabilities": [{"id": "CVE-2021-44228"}]}
        """;
    assertThat(read(withComponents).warnings()).anySatisfy(w -> assertThat(w).contains("1 vulnerabilities"));
    String vex =
        """
        {"bomFormat": "CycloneDX", "specVersion": "1.4",
         "metadata": {"component": {"type": "application", "name": "ABC", "bom-ref": "abc"}},
         "vulnerabilities": [{"id": "CVE-2021-44228", "affects": [{"ref": "abc"}]}]}
        """;
    assertThat(refusal(vex).getMessage()).startsWith("not an SBOM: looks like CycloneDX VEX");
  }

  // ---- SPDX mapping ----

  private static final String SPDX_JSON =
      """
      {"SPDXID": "SPDXRef-DOCUMENT", "name": "acme-app-sbom",
       "packages": [
         {"SPDXID": "SPDXRef-app", "name": "app", "versionInfo": "1.0", "supplier": "Organization: Acme Corp",
          "externalRefs": [{"referenceCategory": "PACKAGE-MANAGER", "referenceType": "purl", "referenceLocator": "pkg:maven/org.acme/app@1.0"}]},
         {"SPDXID": "SPDXRef-a", "name": "a", "versionInfo": "1",
          "externalRefs": [{"referenceCategory": "SECURITY", "referenceType": "cpe23Type", "referenceLocator": "cpe:2.3:a:x:a:1:*:*:*:*:*:*:*"},
                           {"referenceCategory": "PACKAGE_MANAGER", "referenceType": "purl", "referenceLocator": "pkg:npm/a@1"}]},
         {"SPDXID": "SPDXRef-b", "name": "b", "versionInfo": "1",
          "externalRefs": [{"referenceCategory": "PACKAGE-MANAGER", "referenceType": "purl", "referenceLocator": "pkg:npm/b@1"}]},
         {"SPDXID": "SPDXRef-c", "name": "c", "versionInfo": "1",
          "externalRefs": [{"referenceCategory": "PACKAGE-MANAGER", "referenceType": "purl", "referenceLocator": "pkg:npm/c@1"}]},
         {"SPDXID": "SPDXRef-d", "name": "d", "versionInfo": "1",
          "externalRefs": [{"referenceCategory": "PACKAGE-MANAGER", "referenceType": "purl", "referenceLocator": "pkg:npm/d@1"}]}],
       "files": [{"SPDXID": "SPDXRef-file", "fileName": "./a.js"}],
       "relationships": [
         {"spdxElementId": "SPDXRef-DOCUMENT", "relationshipType": "DESCRIBES", "relatedSpdxElement": "SPDXRef-app"},
         {"spdxElementId": "SPDXRef-app", "relationshipType": "DEPENDS_ON", "relatedSpdxElement": "SPDXRef-a"},
         {"spdxElementId": "SPDXRef-b", "relationshipType": "DEPENDENCY_OF", "relatedSpdxElement": "SPDXRef-a"},
         {"spdxElementId": "SPDXRef-a", "relationshipType": "CONTAINS", "relatedSpdxElement": "SPDXRef-file"},
         {"spdxElementId": "SPDXRef-c", "relationshipType": "CONTAINED_BY", "relatedSpdxElement": "SPDXRef-app"},
         {"spdxElementId": "SPDXRef-app", "relationshipType": "GENERATED_FROM", "relatedSpdxElement": "SPDXRef-d"},
         {"spdxElementId": "SPDXRef-app", "relationshipType": "DEPENDS_ON", "relatedSpdxElement": "NOASSERTION"}],
       "spdxVersion": "SPDX-2.3"}
      """;

  private static final String SPDX_TAG_VALUE =
      """
      SPDXVersion: SPDX-2.3
      DataLicense: CC0-1.0
      SPDXID: SPDXRef-DOCUMENT
      DocumentName: acme-app-sbom
      DocumentComment: <text>A comment that spans lines
      PackageName: this is not a package, it is inside a text value
      SPDXID: SPDXRef-not-a-package
      </text>
      Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-app

      # the product
      PackageName: app
      SPDXID: SPDXRef-app
      PackageVersion: 1.0
      PackageSupplier: Organization: Acme Corp
      ExternalRef: PACKAGE-MANAGER purl pkg:maven/org.acme/app@1.0

      PackageName: a
      SPDXID: SPDXRef-a
      PackageVersion: 1
      ExternalRef: SECURITY cpe23Type cpe:2.3:a:x:a:1:*:*:*:*:*:*:*
      ExternalRef: PACKAGE_MANAGER purl pkg:npm/a@1

      FileName: ./a.js
      SPDXID: SPDXRef-file

      PackageName: b
      SPDXID: SPDXRef-b
      PackageVersion: 1
      ExternalRef: PACKAGE-MANAGER purl pkg:npm/b@1
      PackageName: c
      SPDXID: SPDXRef-c
      PackageVersion: 1
      ExternalRef: PACKAGE-MANAGER purl pkg:npm/c@1
      PackageName: d
      SPDXID: SPDXRef-d
      PackageVersion: 1
      ExternalRef: PACKAGE-MANAGER purl pkg:npm/d@1

      Relationship: SPDXRef-app DEPENDS_ON SPDXRef-a
      Relationship: SPDXRef-b DEPENDENCY_OF SPDXRef-a
      Relationship: SPDXRef-a CONTAINS SPDXRef-file
      Relationship: SPDXRef-c CONTAINED_BY SPDXRef-app
      Relationship: SPDXRef-app GENERATED_FROM SPDXRef-d
      Relationship: SPDXRef-app DEPENDS_ON NOASSERTION
      """;

  @Test
  void spdxRelationshipsMapOntoEdgesAndDescribesNamesTheRoot() {
    Bom bom = read(SPDX_JSON);
    assertThat(bom.format()).isEqualTo(BomFormat.SPDX_JSON);
    assertThat(bom.specVersion()).isEqualTo("SPDX-2.3");
    assertThat(bom.name()).isEqualTo("acme-app-sbom");
    assertThat(bom.root().ref()).isEqualTo("SPDXRef-app");
    assertThat(bom.root().supplier()).isEqualTo("Acme Corp");
    assertThat(bom.components()).extracting(c -> c.purl().canonical())
        .containsExactly("pkg:npm/a@1", "pkg:npm/b@1", "pkg:npm/c@1", "pkg:npm/d@1");
    assertThat(edges(bom))
        .containsExactlyInAnyOrder(
            "SPDXRef-app -> SPDXRef-a", "SPDXRef-a -> SPDXRef-b", "SPDXRef-app -> SPDXRef-c",
            "SPDXRef-app -> SPDXRef-d [inferred]");
    assertThat(bom.warnings()).singleElement().satisfies(w -> assertThat(w).contains("'SPDXRef-d'"));
  }

  @Test
  void spdxTagValueReadsLikeSpdxJson() {
    Bom tagValue = read(SPDX_TAG_VALUE);
    Bom json = read(SPDX_JSON);
    assertThat(tagValue.format()).isEqualTo(BomFormat.SPDX_TAG_VALUE);
    assertThat(tagValue.components()).isEqualTo(json.components());
    assertThat(tagValue.root()).isEqualTo(json.root());
    assertThat(edges(tagValue)).isEqualTo(edges(json));
    assertThat(tagValue.warnings()).isEqualTo(json.warnings());
  }

  @Test
  void spdxWithoutAnyRelationshipHangsEveryPackageUnderASynthesizedRoot() {
    String json =
        """
        {"spdxVersion": "SPDX-2.2", "SPDXID": "SPDXRef-DOCUMENT", "name": "alpine-latest",
         "packages": [{"SPDXID": "SPDXRef-1", "name": "musl", "versionInfo": "1.2.3"},
                      {"SPDXID": "SPDXRef-2", "name": "busybox", "versionInfo": "1.35"}]}
        """;
    Bom bom = read(json);
    assertThat(bom.root().purl().canonical()).isEqualTo("pkg:generic/alpine-latest");
    assertThat(bom.root().ref()).isEqualTo("SPDXRef-DOCUMENT");
    assertThat(edges(bom))
        .containsExactlyInAnyOrder(
            "SPDXRef-DOCUMENT -> SPDXRef-1 [inferred]", "SPDXRef-DOCUMENT -> SPDXRef-2 [inferred]");
    assertThat(bom.warnings()).anySatisfy(w -> assertThat(w).contains("names no root"));
  }

  @Test
  void severalDescribedPackagesHangUnderASynthesizedRoot() {
    String json =
        """
        {"spdxVersion": "SPDX-2.3", "SPDXID": "SPDXRef-DOCUMENT", "name": "multi",
         "documentDescribes": ["SPDXRef-1"],
         "packages": [{"SPDXID": "SPDXRef-1", "name": "one", "versionInfo": "1"},
                      {"SPDXID": "SPDXRef-2", "name": "two", "versionInfo": "2"},
                      {"SPDXID": "SPDXRef-3", "name": "three", "versionInfo": "3"}],
         "relationships": [{"spdxElementId": "SPDXRef-2", "relationshipType": "DESCRIBED_BY", "relatedSpdxElement": "SPDXRef-DOCUMENT"},
                           {"spdxElementId": "SPDXRef-1", "relationshipType": "DEPENDS_ON", "relatedSpdxElement": "SPDXRef-3"}]}
        """;
    Bom bom = read(json);
    assertThat(edges(bom))
        .containsExactlyInAnyOrder("SPDXRef-DOCUMENT -> SPDXRef-1", "SPDXRef-DOCUMENT -> SPDXRef-2", "SPDXRef-1 -> SPDXRef-3");
    assertThat(bom.warnings()).anySatisfy(w -> assertThat(w).contains("describes 2 packages"));
  }

  @Test
  void relationshipsIntoOtherDocumentsAreReportedNotDangling() {
    String tagValue =
        """
        SPDXVersion: SPDX-2.2
        SPDXID: SPDXRef-DOCUMENT
        DocumentName: bin
        PackageName: hello
        SPDXID: SPDXRef-hello
        PackageVersion: 1
        Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-hello
        Relationship: SPDXRef-hello STATIC_LINK DocumentRef-lib:SPDXRef-fmt
        Relationship: SPDXRef-hello DEPENDS_ON SPDXRef-ghost
        """;
    Bom bom = read(tagValue);
    assertThat(bom.warnings())
        .anySatisfy(w -> assertThat(w).startsWith("1 relationship points into another SPDX document"))
        .anySatisfy(w -> assertThat(w).startsWith("1 edge names a ref the document does not define").contains("SPDXRef-ghost"));
  }

  // ---- wild-input tolerance: one aggregated warning per kind ----

  @Test
  void tenThousandDuplicatesDanglingRefsAndCyclesGiveOneWarningPerKind() {
    StringBuilder json = new StringBuilder(
        "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"metadata\":{\"component\":"
            + "{\"type\":\"application\",\"bom-ref\":\"root\",\"name\":\"r\",\"version\":\"1\",\"purl\":\"pkg:npm/r@1\"}},\"components\":[");
    int n = 10_000;
    for (int i = 0; i < n; i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"type\":\"library\",\"bom-ref\":\"c").append(i).append("\",\"name\":\"c").append(i)
          .append("\",\"version\":\"1\",\"purl\":\"pkg:npm/c").append(i).append("@1\"}")
          .append(",{\"type\":\"library\",\"bom-ref\":\"c").append(i).append("\",\"name\":\"dup\",\"version\":\"1\"}");
    }
    json.append("],\"dependencies\":[{\"ref\":\"root\",\"dependsOn\":[\"c0\"]}");
    for (int i = 0; i < n; i++) {
      // a chain c0 -> c1 -> … with a back edge every 100 (cycles) and a dangling ref each
      json.append(",{\"ref\":\"c").append(i).append("\",\"dependsOn\":[\"c").append((i + 1) % n).append("\",\"ghost")
          .append(i).append("\"").append(i % 100 == 99 ? ",\"c" + (i - 99) + "\"" : "").append("]}");
    }
    json.append("]}");
    Bom bom = read(json.toString());
    assertThat(bom.components()).hasSize(n);
    assertThat(bom.warnings()).hasSize(3);
    assertThat(bom.warnings().get(0)).startsWith(n + " repeated declarations of refs were merged").contains("first 5 shown");
    assertThat(bom.warnings().get(1)).startsWith(n + " edges name refs the document does not define");
    assertThat(bom.warnings().get(2)).startsWith("1 dependency cycle was kept").contains("10000 components");
    assertThat(bom.warnings()).allSatisfy(w -> assertThat(w.length()).isLessThan(1_000));
  }

  // ---- refusals: each names the problem and where ----

  static List<Arguments> malformed() {
    return List.of(
        Arguments.of("{\"bomFormat\": \"CycloneDX\",\n \"specVersion\": \"1.6\",\n \"components\": [ {,} ]}", "malformed JSON", "line 3"),
        Arguments.of("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\"} trailing", "malformed JSON", "line 1"),
        Arguments.of("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\"", "malformed JSON", "line 1"),
        Arguments.of("<?xml version=\"1.0\"?>\n<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\">\n  <components>\n</bom>", "malformed XML", "line 4"),
        Arguments.of("<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\"><components><component type=\"library\"><name>a &amp b</name></component></components></bom>", "malformed XML", "line 1"),
        Arguments.of("SPDXVersion: SPDX-2.3\nSPDXID: SPDXRef-DOCUMENT\nthis line has no tag\n", "expected 'Tag: value'", "line 3"),
        Arguments.of("SPDXVersion: SPDX-2.3\nDocumentComment: <text>never closed\n", "never closed", "line 2"),
        Arguments.of("SPDXVersion: SPDX-2.3\nRelationship: SPDXRef-a DEPENDS_ON\n", "Relationship needs", "line 2"),
        Arguments.of("SPDXVersion: SPDX-2.3\nPackageName: x\nPackageVersion: 1\n", "has no SPDXID", "line 2"));
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("malformed")
  void malformedInputIsRefusedWithItsLocation(String input, String problem, String location) {
    InvalidInputException e = refusal(input);
    assertThat(e.getMessage()).contains(problem);
    assertThat(e.location()).contains(location);
  }

  @Test
  void anXmlExternalEntityIsRefusedBeforeAnythingIsRead(@TempDir Path dir) throws IOException {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET");
    String xxe =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE bom [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
            + "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\"><components><component type=\"library\">"
            + "<name>&xxe;</name><version>1</version></component></components></bom>";
    InvalidInputException e = refusal(xxe);
    assertThat(e.getMessage()).contains("DOCTYPE").doesNotContain("TOP-SECRET");
    assertThat(e.location()).contains("line 2");
  }

  @Test
  void billionLaughsIsRefusedAtOnce() {
    StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE bom [\n<!ENTITY lol \"lol\">\n");
    for (int i = 1; i <= 9; i++) {
      dtd.append("<!ENTITY lol").append(i).append(" \"");
      for (int j = 0; j < 10; j++) {
        dtd.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
      }
      dtd.append("\">\n");
    }
    dtd.append("]>\n<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\"><metadata><component type=\"application\">"
        + "<name>&lol9;</name></component></metadata></bom>");
    long start = System.nanoTime();
    InvalidInputException e = refusal(dtd.toString());
    assertThat(e.getMessage()).contains("DOCTYPE");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void anExternalDtdIsRefused() {
    String xml =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE bom SYSTEM \"http://127.0.0.1:9/evil.dtd\">\n"
            + "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\"/>";
    assertThat(refusal(xml).getMessage()).contains("DOCTYPE");
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "xml", "tag-value"})
  void inputOverTheSizeLimitIsRefused(String kind) {
    StringBuilder body = new StringBuilder();
    switch (kind) {
      case "json" -> {
        body.append("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":[");
        for (int i = 0; i < 2_000; i++) {
          body.append(i == 0 ? "" : ",").append("{\"type\":\"library\",\"name\":\"n").append(i).append("\"}");
        }
        body.append("]}");
      }
      case "xml" -> {
        body.append("<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\"><components>");
        for (int i = 0; i < 2_000; i++) {
          body.append("<component type=\"library\"><name>n").append(i).append("</name></component>");
        }
        body.append("</components></bom>");
      }
      default -> {
        body.append("SPDXVersion: SPDX-2.3\nSPDXID: SPDXRef-DOCUMENT\n");
        for (int i = 0; i < 2_000; i++) {
          body.append("PackageName: n").append(i).append("\nSPDXID: SPDXRef-").append(i).append('\n');
        }
      }
    }
    ReadLimits tiny = ReadLimits.defaults().withMaxBytes(10 * 1024);
    InvalidInputException e = refusal(body.toString(), tiny);
    assertThat(e.getMessage()).isEqualTo("input too large: it exceeds the size limit of 10 KiB (ReadLimits.maxBytes)");
    assertThat(read(body.toString(), ReadLimits.defaults()).components()).hasSize(2_000);
  }

  static List<Arguments> unsupportedVersions() {
    return List.of(
        Arguments.of("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"9.9\", \"components\": []}", "unsupported CycloneDX specVersion '9.9'"),
        Arguments.of("{\"specVersion\": \"1.1\", \"bomFormat\": \"CycloneDX\"}", "unsupported CycloneDX specVersion '1.1'"),
        Arguments.of("<bom xmlns=\"http://cyclonedx.org/schema/bom/9.9\"/>", "unsupported CycloneDX XML namespace 'http://cyclonedx.org/schema/bom/9.9'"),
        Arguments.of("{\"spdxVersion\": \"SPDX-3.0\", \"SPDXID\": \"SPDXRef-DOCUMENT\"}", "unsupported SPDX version 'SPDX-3.0' (SPDX 3"),
        Arguments.of("{\"@context\": \"https://spdx.org/rdf/3.0.1/spdx-context.jsonld\", \"@graph\": []}", "SPDX 3 JSON-LD is not supported"),
        Arguments.of("SPDXVersion: SPDX-1.2\nSPDXID: SPDXRef-DOCUMENT\n", "unsupported SPDX version 'SPDX-1.2'"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("unsupportedVersions")
  void unknownSpecVersionsAreRefusedNamingWhatIsSupported(String input, String problem) {
    InvalidInputException e = refusal(input);
    assertThat(e.getMessage()).contains(problem).contains("CycloneDX 1.2–1.7 JSON").contains("SPDX 2.1–2.3");
  }

  @Test
  void jsonNestedTooDeepIsRefusedWithItsLine() {
    String deep =
        "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\",\n \"components\": [{\"type\": \"library\", \"name\": \"x\", \"properties\": "
            + "[".repeat(100) + "]".repeat(100) + "}]}";
    InvalidInputException e = refusal(deep);
    assertThat(e.getMessage()).isEqualTo("JSON nested too deep: more than 64 levels of objects and arrays");
    assertThat(e.location()).startsWith("line 2");
    assertThat(read(deep, ReadLimits.defaults().withMaxDepth(200)).components()).hasSize(1);
  }

  @Test
  void xmlNestedTooDeepIsRefusedWithItsLine() {
    String deep =
        "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\">\n<components><component type=\"library\"><name>x</name>"
            + "<x:e xmlns:x=\"urn:x\">".repeat(100) + "</x:e>".repeat(100) + "</component></components></bom>";
    InvalidInputException e = refusal(deep);
    assertThat(e.getMessage()).isEqualTo("XML nested too deep: more than 64 levels of elements");
    assertThat(e.location()).startsWith("line 2");
  }

  static List<Arguments> notSboms() {
    return List.of(
        Arguments.of("{\"@context\": \"https://openvex.dev/ns/v0.2.0\", \"@id\": \"x\", \"statements\": []}", "not an SBOM: looks like OpenVEX"),
        Arguments.of("{\"document\": {\"category\": \"csaf_vex\", \"csaf_version\": \"2.0\"}, \"vulnerabilities\": []}", "not an SBOM: looks like a CSAF advisory"),
        Arguments.of("{\"_type\": \"https://in-toto.io/Statement/v1\", \"predicateType\": \"https://slsa.dev/provenance/v1\"}", "not an SBOM: looks like an in-toto attestation"),
        Arguments.of("{\"payloadType\": \"application/vnd.in-toto+json\", \"payload\": \"e30=\", \"signatures\": []}", "not an SBOM: looks like a DSSE envelope"),
        Arguments.of("{\"$schema\": \"http://json-schema.org/draft-07/schema#\", \"properties\": {}}", "not an SBOM: looks like a JSON Schema"),
        Arguments.of("{\"schema_version\": \"1.6.0\", \"id\": \"GHSA-x\", \"modified\": \"2024-01-01T00:00:00Z\", \"affected\": []}", "not an SBOM: looks like an OSV advisory"),
        // an npm lockfile: its "packages" is an object, which would be an error in SPDX
        Arguments.of("{\"name\": \"app\", \"lockfileVersion\": 3, \"packages\": {\"\": {\"name\": \"app\"}}}", "not an SBOM: a JSON object without"),
        // a composer.lock: "packages" is an array of objects without SPDXID
        Arguments.of("{\"packages\": [{\"name\": \"monolog/monolog\", \"version\": \"2.0\"}]}", "not an SBOM: a JSON object without"),
        Arguments.of("{\"components\": [{\"type\": \"library\", \"name\": \"a\"}], \"specVersion\": \"1.6\"}", "looks like CycloneDX but has no \"bomFormat\""),
        Arguments.of("[{\"operator\": \"x\"}]", "not an SBOM: the document is a JSON array"),
        Arguments.of("\"just a string\"", "not an SBOM: unrecognised text"),
        Arguments.of("42", "not an SBOM: unrecognised text"),
        Arguments.of("spdxVersion: SPDX-2.3\nSPDXID: SPDXRef-DOCUMENT\n", "SPDX YAML is not supported"),
        Arguments.of("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/>", "SPDX RDF/XML is not supported"),
        Arguments.of("<html><body>hello</body></html>", "not an SBOM: XML root element <html>"),
        Arguments.of("<bom><components/></bom>", "CycloneDX XML without a namespace"),
        Arguments.of("Hello, this is a README.\n", "not an SBOM: unrecognised text"),
        Arguments.of("   \n\t ", "empty input"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("notSboms")
  void documentsThatAreNotSbomsAreRefusedSayingWhatTheyLookLike(String input, String problem) {
    assertThat(refusal(input).getMessage()).contains(problem);
  }

  @Test
  void compressedAndBinaryInputIsRefused() throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(CDX_NESTED.getBytes(StandardCharsets.UTF_8));
    }
    assertThat(refusal(gz.toByteArray(), ReadLimits.defaults()).getMessage()).contains("compressed input (gzip)");
    assertThat(refusal(new byte[] {1, 2, 3, 4, 5, 'a'}, ReadLimits.defaults()).getMessage()).contains("binary data");
  }

  @Test
  void aUtf8ByteOrderMarkIsAccepted() {
    assertThat(read("\uFEFF" + CDX_NESTED).components()).hasSize(4);
    assertThat(read("\uFEFF" + SPDX_TAG_VALUE).components()).hasSize(4);
  }

  @Test
  void componentProblemsThatBreakTheModelAreRefusedWithTheirPath() {
    String noType =
        "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\",\n\"components\": [{\"type\": \"library\", \"name\": \"ok\"},\n {\"name\": \"typeless\", \"version\": \"1\"}]}";
    InvalidInputException e = refusal(noType);
    assertThat(e.getMessage()).isEqualTo("component 'typeless@1' has no type");
    assertThat(e.location()).isEqualTo("$.components[1] (line 3, column 2)");
    String nonString = "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"components\": [{\"type\": \"library\", \"name\": 42}]}";
    assertThat(refusal(nonString).location()).startsWith("$.components[0].name");
  }

  @Test
  void readLimitsParseSizes() {
    assertThat(ReadLimits.parseSize("512MiB")).isEqualTo(512L << 20);
    assertThat(ReadLimits.parseSize("1g")).isEqualTo(1L << 30);
    assertThat(ReadLimits.parseSize("300 kB")).isEqualTo(300L << 10);
    assertThat(ReadLimits.parseSize("1048576")).isEqualTo(1L << 20);
    assertThatThrownBy(() -> ReadLimits.parseSize("lots")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> ReadLimits.parseSize("0")).isInstanceOf(InvalidInputException.class);
    assertThat(ReadLimits.defaults()).isEqualTo(new ReadLimits(512L << 20, 64, 64));
  }
}
