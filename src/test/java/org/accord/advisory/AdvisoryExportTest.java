package org.accord.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.accord.InvalidInputException;
import org.accord.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every export format, for every advisory Accord can import from the shared test data (the 34 real
 * GitHub advisories, the GHSA-to-OSV and linter OSV records, Red Hat's OSV and CSAF files, the CSAF
 * examples) and for hand-made statement sets covering every status, validates against the format's
 * official schema; CSAF also passes the §6.1 mandatory tests.
 */
class AdvisoryExportTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AdvisoryExport.Context CONTEXT =
      new AdvisoryExport.Context("Accord Test CERT", "https://accord.example.org", Instant.parse("2025-09-01T12:00:00Z"), "test");

  /** Every importable advisory document of the test data, with its relative path. */
  static List<Path> advisoryFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String dir : List.of("osv", "csaf/csaf_2.0/examples/csaf")) {
      try (Stream<Path> walk = Files.walk(TestData.resolve(dir))) {
        walk.filter(path -> path.toString().endsWith(".json")).sorted().forEach(files::add);
      }
    }
    return files;
  }

  static Stream<Arguments> documentsAndFormats() throws IOException {
    List<Arguments> cases = new ArrayList<>();
    for (Path file : advisoryFiles()) {
      AdvisoryReader.Document document;
      try {
        document = AdvisoryReader.read(Files.readAllBytes(file));
      } catch (InvalidInputException refused) {
        continue; // refused documents are covered by AdvisoryImportFilesTest
      }
      if (document.advisory().isEmpty()) {
        continue;
      }
      String name = TestData.root().relativize(file).toString();
      for (AdvisoryFormat format : AdvisoryFormat.values()) {
        cases.add(Arguments.of(name, format, document));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("documentsAndFormats")
  void exportValidatesAgainstTheOfficialSchema(String name, AdvisoryFormat format, AdvisoryReader.Document document) throws IOException {
    Advisory advisory = document.advisory().orElseThrow();
    String text;
    try {
      text = AdvisoryExport.write(advisory, document.statements(), format, CONTEXT);
    } catch (InvalidInputException nothingToState) {
      // Only an advisory with neither statements nor an evaluable affected package has nothing to state.
      assertThat(format).isNotEqualTo(AdvisoryFormat.OSV);
      assertThat(AdvisoryExport.effective(advisory, document.statements()).stream().filter(AdvisoryExport::hasPurl)).isEmpty();
      return;
    }
    JsonNode exported = JSON.readTree(text);
    assertThat(ExportSchemas.problems(format, exported)).as(name + " as " + format).isEmpty();
    // And Accord reads its own export back, to the same statements (VEX) or the same advisory id (OSV, CSAF).
    AdvisoryReader.Document reread = AdvisoryReader.read(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(reread.format()).isEqualTo(format);
    if (format == AdvisoryFormat.OSV || format == AdvisoryFormat.CSAF) {
      Advisory back = reread.advisory().orElseThrow();
      assertThat(back.names().stream().anyMatch(n -> n.startsWith(advisory.id()))).as("the export keeps the advisory's id").isTrue();
    }
    if (format != AdvisoryFormat.OSV) {
      assertThat(reread.statements()).isNotEmpty();
    }
  }

  @Test
  void everyStatusAndShapeValidatesInEveryVexFormat() throws IOException {
    Advisory advisory = AdvisoryReader.read(Files.readAllBytes(TestData.resolve(
        "osv/advisories/github-reviewed/2021/12/GHSA-jfh8-c2jp-5v3q/GHSA-jfh8-c2jp-5v3q.json"))).advisory().orElseThrow();
    Optional<Instant> at = Optional.of(Instant.parse("2025-08-01T00:00:00Z"));
    List<VexStatement> statements = List.of(
        VexStatement.of("CVE-2021-44228", List.of(), "pkg:generic/acme/scada-hub@4.2.0", "", List.of("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"),
            new VexStatus.NotAffected(Optional.of(Justification.VULNERABLE_CODE_NOT_IN_EXECUTE_PATH), "JNDI lookups are disabled"), at),
        VexStatement.of("CVE-2021-44228", List.of(), "pkg:generic/acme/gateway@1.0", "", List.of(),
            new VexStatus.NotAffected(Optional.empty(), "the logger is never given user input"), at),
        VexStatement.of("CVE-2021-44228", List.of(), "pkg:generic/acme/portal@2.0", "", List.of(),
            new VexStatus.Affected("Upgrade to portal 2.0.1"), at),
        VexStatement.of("CVE-2021-44228", List.of(), "pkg:generic/acme/legacy", "vers:generic/<3.0", List.of(),
            new VexStatus.Affected(""), at),
        VexStatement.of("GHSA-jfh8-c2jp-5v3q", List.of(), "pkg:generic/acme/portal@2.0.1", "", List.of(), new VexStatus.Fixed(), at),
        VexStatement.of("CVE-2021-44228", List.of(), "pkg:generic/acme/broker@7.1", "", List.of(), new VexStatus.UnderInvestigation(), at),
        VexStatement.of("CVE-2021-44228", List.of(), "Acme Appliance 3000", "", List.of(), new VexStatus.UnderInvestigation(), at));
    for (AdvisoryFormat format : List.of(AdvisoryFormat.CSAF, AdvisoryFormat.OPENVEX, AdvisoryFormat.CYCLONEDX_VEX)) {
      String text = AdvisoryExport.write(advisory, statements, format, CONTEXT);
      assertThat(ExportSchemas.problems(format, JSON.readTree(text))).as(format.label() + ":\n" + text).isEmpty();
      List<VexStatement> reread = AdvisoryReader.read(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)).statements();
      List<String> statuses = reread.stream().map(s -> s.status().label()).distinct().sorted().toList();
      assertThat(statuses).as(format.label()).containsExactly("affected", "fixed", "not_affected", "under_investigation");
      VexStatement subcomponent =
          reread.stream().filter(s -> s.product().equals("pkg:generic/acme/scada-hub@4.2.0")).findFirst().orElseThrow();
      assertThat(subcomponent.subcomponents()).containsExactly("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
      assertThat(subcomponent.status().justificationLabel()).isEqualTo("vulnerable_code_not_in_execute_path");
    }
  }

  /** Product ids are ASCII whatever the JVM's locale: {@code %d} under ar-EG would write Arabic-Indic digits. */
  @Test
  void csafProductIdsDoNotDependOnTheDefaultLocale() throws IOException {
    Advisory advisory = AdvisoryReader.read(Files.readAllBytes(TestData.resolve(
        "osv/advisories/github-reviewed/2021/12/GHSA-jfh8-c2jp-5v3q/GHSA-jfh8-c2jp-5v3q.json"))).advisory().orElseThrow();
    List<VexStatement> statements = List.of(
        VexStatement.of("CVE-2021-44228", List.of(), "pkg:generic/acme/portal@2.0", "", List.of(),
            new VexStatus.Affected("Upgrade to portal 2.0.1"), Optional.empty()));
    Locale before = Locale.getDefault();
    String text;
    try {
      Locale.setDefault(Locale.forLanguageTag("ar-EG"));
      text = AdvisoryExport.write(advisory, statements, AdvisoryFormat.CSAF, CONTEXT);
    } finally {
      Locale.setDefault(before);
    }
    List<String> ids = JSON.readTree(text).findValuesAsText("product_id");
    assertThat(ids).isNotEmpty().allMatch(id -> id.matches("CSAFPID-[0-9]{4}"), "an ASCII CSAFPID-NNNN id");
  }

  @Test
  void anOsvAdvisoryExportsAsItsOriginalDocument() throws IOException {
    byte[] bytes = Files.readAllBytes(TestData.resolve(
        "osv/advisories/github-reviewed/2017/10/GHSA-9959-c6q6-6qp3/GHSA-9959-c6q6-6qp3.json"));
    Advisory advisory = AdvisoryReader.read(bytes).advisory().orElseThrow();
    assertThat(advisory.isWithdrawn()).isTrue();
    assertThat(AdvisoryExport.write(advisory, List.of(), AdvisoryFormat.OSV, CONTEXT)).isEqualTo(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void versRangesBecomeOneOsvRangePerInterval() {
    var ranges = JSON.createArrayNode();
    List<String> versions = new ArrayList<>();
    assertThat(OsvWriter.versToOsv("vers:npm/<1.0.2|>=2.0.0|<=2.3.0|3.1.0|>=4.0.0", ranges, versions)).isTrue();
    assertThat(ranges.toString()).isEqualTo(
        "[{\"type\":\"ECOSYSTEM\",\"events\":[{\"introduced\":\"0\"},{\"fixed\":\"1.0.2\"}]},"
            + "{\"type\":\"ECOSYSTEM\",\"events\":[{\"introduced\":\"2.0.0\"},{\"last_affected\":\"2.3.0\"}]},"
            + "{\"type\":\"ECOSYSTEM\",\"events\":[{\"introduced\":\"4.0.0\"}]}]");
    assertThat(versions).containsExactly("3.1.0");
    assertThat(OsvWriter.versToOsv("vers:npm/>1.0.0", JSON.createArrayNode(), new ArrayList<>())).isFalse();
    assertThat(OsvWriter.versToOsv("vers:npm/!=1.0.0", JSON.createArrayNode(), new ArrayList<>())).isFalse();
  }

  @Test
  void nothingToStateIsAClearError() throws IOException {
    Advisory gitOnly = AdvisoryReader.read(Files.readAllBytes(TestData.resolve(
        "osv/osv-schema/tools/osv-linter/testdata/CVE-2023-41045.json"))).advisory().orElseThrow();
    assertThatThrownBy(() -> AdvisoryExport.write(gitOnly, List.of(), AdvisoryFormat.OPENVEX, CONTEXT))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("nothing to write");
  }
}
