package org.accord.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.accord.InvalidInputException;
import org.accord.identity.Purl;
import org.accord.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The VEX readers on the VEX documents of the shared test data: every file of {@code openvex/} and the
 * CycloneDX VEX, OpenVEX and CSAF documents of GUAC's fixtures, each read to its statements or refused
 * with a clear error, file by file; then what the statements say, case by case.
 */
class VexReadersTest {
  static final String GUAC = "guac/internal/testing/testdata/exampledata/";

  /** Refused files and why; every other listed file is read. */
  static final Map<String, String> REFUSED = new LinkedHashMap<>();

  static {
    REFUSED.put("openvex/LICENSE.go-vex", "malformed JSON");
    REFUSED.put("openvex/LICENSE.openvex-spec", "malformed JSON");
    REFUSED.put("openvex/SOURCE.md", "malformed JSON");
    REFUSED.put("openvex/go-vex/pkg/vex/testdata/vex.yaml", "malformed JSON"); // YAML is not read
    REFUSED.put("openvex/openvex-spec/ns/v0.2.0/context.json", "not an advisory or VEX document");
    REFUSED.put("openvex/openvex-spec/openvex_json_schema.json", "it is a JSON Schema");
    // go-vex's merge fixtures omit the timestamp the OpenVEX 0.2.0 schema requires.
    REFUSED.put("openvex/go-vex/pkg/vex/testdata/v020-1.vex.json", "required property 'timestamp'");
    REFUSED.put("openvex/go-vex/pkg/vex/testdata/v020-2.vex.json", "required property 'timestamp'");
    // go-vex's CSAF conversion fixture breaks the CSAF schema (a branch with too many members).
    REFUSED.put("openvex/go-vex/pkg/csaf/testdata/csaf.json", "invalid CSAF document: schema");
    // GUAC's "merged" OpenVEX fixture has an empty @context.
    REFUSED.put(GUAC + "open-vex-affected.json", "it looks like OpenVEX");
    REFUSED.put(GUAC + "cyclonedx-vex.xml", "malformed JSON"); // CycloneDX XML VEX is not read
  }

  static List<String> files() throws IOException {
    List<String> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(TestData.resolve("openvex"))) {
      walk.filter(Files::isRegularFile).map(p -> TestData.root().relativize(p).toString().replace('\\', '/')).sorted().forEach(files::add);
    }
    for (String name : List.of("cyclonedx-unaffected-vex.json", "cyclonedx-vex-affected.json", "cyclonedx-vex-false-positive.json",
        "cyclonedx-vex-no-analysis.json", "cyclonedx-vex-resolved-with-pedigree.json", "cyclonedx-vex.xml", "open-vex-affected.json",
        "open-vex-not-affected.json", "rhsa-csaf.json", "xray-cdx-vulns.json")) {
      files.add(GUAC + name);
    }
    return files;
  }

  static AdvisoryReader.Document read(String file) throws IOException {
    return AdvisoryReader.read(Files.readAllBytes(TestData.resolve(file)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void eachDocumentIsReadOrRefusedWithAClearError(String file) throws IOException {
    byte[] bytes = Files.readAllBytes(TestData.resolve(file));
    if (REFUSED.containsKey(file)) {
      assertThatThrownBy(() -> AdvisoryReader.read(bytes)).isInstanceOf(InvalidInputException.class).hasMessageContaining(REFUSED.get(file));
    } else {
      AdvisoryReader.Document document = AdvisoryReader.read(bytes);
      assertThat(document.format()).isIn(AdvisoryFormat.OPENVEX, AdvisoryFormat.CYCLONEDX_VEX, AdvisoryFormat.CSAF);
    }
  }

  @Test
  void theListCoversTheFolder() throws IOException {
    assertThat(files()).hasSize(28).containsAll(REFUSED.keySet());
  }

  @Test
  void openVexStatusesProductsAndTimestampInheritance() throws IOException {
    AdvisoryReader.Document minimal = read("openvex/openvex-spec/examples-from-OPENVEX-SPEC.md/minimal-document.json");
    assertThat(minimal.author()).isEqualTo("Wolfi J Inkinson");
    assertThat(minimal.statements()).hasSize(2).allSatisfy(s -> {
      assertThat(s.vulnerability()).isEqualTo("CVE-2023-12345");
      assertThat(s.status()).isInstanceOf(VexStatus.Fixed.class);
      assertThat(s.productKey()).isEqualTo("pkg:apk/wolfi/git");
      assertThat(s.productVersion()).isEqualTo("2.39.0-r1");
    });
    VexStatement inherited = read("openvex/openvex-spec/examples-from-OPENVEX-SPEC.md/statement-timestamp-inheritance.json").statements().get(0);
    assertThat(inherited.timestamp()).contains(Instant.parse("2023-01-09T00:02:03Z"));
    assertThat(inherited.status().label()).isEqualTo("under_investigation");
    // OpenVEX 0.0.1: vulnerability and products as plain strings.
    assertThat(read("openvex/go-vex/pkg/vex/testdata/v0.0.1.json").statements()).extracting(VexStatement::product)
        .containsExactly("pkg:apk/wolfi/git@2.39.0-r1?arch=armv7", "pkg:apk/wolfi/git@2.39.0-r1?arch=x86_64");
    VexStatement notAffected = read(GUAC + "open-vex-not-affected.json").statements().get(0);
    assertThat(notAffected.status().justificationLabel()).isEqualTo("inline_mitigations_already_exist");
    assertThat(notAffected.status().impactStatement()).contains("mitigated");
    assertThat(notAffected.subcomponents()).containsExactly("pkg:apk/alpine/git@2.38.1-r0?arch=x86_64", "pkg:apk/alpine/git@2.38.1-r0?arch=ppc64le");
  }

  @Test
  void cycloneDxAnalysisStatesMapToVexStatuses() throws IOException {
    VexStatement unaffected = read(GUAC + "cyclonedx-unaffected-vex.json").statements().get(0);
    assertThat(unaffected.status().label()).isEqualTo("not_affected");
    assertThat(unaffected.status().justificationLabel()).isEqualTo("vulnerable_code_not_in_execute_path");
    assertThat(unaffected.product()).as("a BOM-Link whose fragment is a PURL").isEqualTo(
        "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.10.0?type=jar");

    AdvisoryReader.Document affected = read(GUAC + "cyclonedx-vex-affected.json");
    assertThat(affected.statements()).hasSize(1);
    assertThat(affected.statements().get(0).status().actionStatement()).contains("will_not_fix, update").contains("upgrade");
    assertThat(affected.statements().get(0).applicable()).as("a BOM-Link into another BOM names no PURL here").isFalse();
    assertThat(affected.warnings()).anyMatch(w -> w.contains("no PURL here"));

    assertThat(read(GUAC + "cyclonedx-vex-false-positive.json").statements()).allSatisfy(s -> {
      assertThat(s.status().label()).isEqualTo("not_affected");
      assertThat(s.status().impactStatement()).isNotBlank();
    });
    assertThat(read(GUAC + "cyclonedx-vex-resolved-with-pedigree.json").statements()).extracting(s -> s.status().label())
        .containsOnly("fixed");
    AdvisoryReader.Document noAnalysis = read(GUAC + "cyclonedx-vex-no-analysis.json");
    assertThat(noAnalysis.statements()).as("no analysis, no statement: the findings stay unknown").isEmpty();
    assertThat(noAnalysis.warnings()).anyMatch(w -> w.contains("stay unknown"));
  }

  @Test
  void csafVexStatementsCarryFlagsThreatsAndRemediations() throws IOException {
    Map<String, String> byProduct = new LinkedHashMap<>();
    for (VexStatement statement : read("csaf/csaf_2.0/examples/csaf/csaf_vex/2022-evd-uc-03-ms-001.json").statements()) {
      byProduct.merge(statement.status().label(), statement.product(), (a, b) -> a);
    }
    assertThat(byProduct).containsKeys("affected", "not_affected", "fixed", "under_investigation");
    AdvisoryReader.Document redHat = read(GUAC + "rhsa-csaf.json");
    assertThat(redHat.advisory().orElseThrow().id()).isEqualTo("RHSA-2023:1441");
    assertThat(redHat.statements()).isNotEmpty().allSatisfy(s -> assertThat(s.vulnerability()).startsWith("CVE-"));
    VexStatement withPlatform = redHat.statements().stream().filter(s -> !s.subcomponents().isEmpty()).findFirst().orElse(null);
    if (withPlatform != null) {
      assertThat(Purl.parse(withPlatform.subcomponents().get(0)).hasVersion()).isTrue();
    }
  }

  @Test
  void decideTakesTheMostSpecificThenTheLatestStatement() {
    Purl product = Purl.parse("pkg:generic/acme/scada@1.0");
    Purl component = Purl.parse("pkg:maven/org.libra/libracore@2.1.0");
    Optional<Instant> early = Optional.of(Instant.parse("2025-01-01T00:00:00Z"));
    Optional<Instant> late = Optional.of(Instant.parse("2025-06-01T00:00:00Z"));
    VexStatement anyVersion = VexStatement.of("CVE-1", List.of(), "pkg:generic/acme/scada", "", List.of(), new VexStatus.UnderInvestigation(), late);
    VexStatement range = VexStatement.of("CVE-1", List.of(), "pkg:generic/acme/scada", "vers:generic/<2.0", List.of(), new VexStatus.Fixed(), late);
    VexStatement exact = VexStatement.of("CVE-1", List.of(), "pkg:generic/acme/scada@1.0", "", List.of(), new VexStatus.Affected("x"), early);
    VexStatement sub = VexStatement.of("CVE-1", List.of(), "pkg:generic/acme/scada@1.0", "", List.of("pkg:maven/org.libra/libracore@2.1.0"),
        new VexStatus.NotAffected(Optional.of(Justification.COMPONENT_NOT_PRESENT), ""), early);
    VexStatement otherSub = VexStatement.of("CVE-1", List.of(), "pkg:generic/acme/scada@1.0", "", List.of("pkg:maven/org.libra/libracore@9.9"),
        new VexStatus.Fixed(), late);
    VexStatement otherProduct = VexStatement.of("CVE-1", List.of(), "pkg:generic/acme/gateway@1.0", "", List.of(), new VexStatus.Fixed(), late);
    assertThat(VexStatement.decide(List.of(anyVersion), product, component)).contains(anyVersion);
    assertThat(VexStatement.decide(List.of(anyVersion, range), product, component)).contains(range);
    assertThat(VexStatement.decide(List.of(range, exact, anyVersion), product, component)).contains(exact);
    assertThat(VexStatement.decide(List.of(exact, sub, otherSub), product, component)).contains(sub);
    assertThat(VexStatement.decide(List.of(otherProduct, otherSub), product, component)).isEmpty();
    VexStatement exactLater = VexStatement.of("CVE-1", List.of(), "pkg:generic/acme/scada@1.0", "", List.of(), new VexStatus.Fixed(), late);
    assertThat(VexStatement.decide(List.of(exactLater, exact), product, component)).contains(exactLater);
    assertThat(VexStatement.decide(List.of(exact, exactLater), product, component)).contains(exactLater);
  }
}
