package org.accord.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.accord.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every one of the 27 CSAF 2.0 examples in {@code csaf/csaf_2.0/examples}. Nineteen are CSAF
 * documents (6 security advisories, 13 VEX documents) and must pass the validator. The other eight
 * are not CSAF documents but the distribution files of CSAF 2.0 §7: the provider metadata and the
 * three aggregators are checked against their own schemas (with {@link SchemaValidator}, as any
 * exporter test would); the four ROLIE feed and service documents have no schema in the suite, so
 * they are run through the CSAF validator and must be rejected by the schema, showing it does not
 * accept arbitrary JSON.
 */
class CsafExamplesTest {
  private static final String EXAMPLES = "csaf/csaf_2.0/examples";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static List<String> csafDocuments() throws IOException {
    return files("csaf");
  }

  static List<String> rolieDocuments() throws IOException {
    return files("ROLIE");
  }

  private static List<String> files(String folder) throws IOException {
    Path root = TestData.resolve(EXAMPLES);
    try (Stream<Path> walk = Files.walk(root.resolve(folder))) {
      return walk.filter(path -> path.toString().endsWith(".json"))
          .map(path -> root.relativize(path).toString())
          .sorted()
          .collect(Collectors.toList());
    }
  }

  @Test
  void theFolderHoldsTheTwentySevenExamples() throws IOException {
    try (Stream<Path> walk = Files.walk(TestData.resolve(EXAMPLES))) {
      assertThat(walk.filter(path -> path.toString().endsWith(".json")).count()).isEqualTo(27);
    }
    assertThat(csafDocuments()).hasSize(19);
    assertThat(rolieDocuments()).hasSize(4);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("csafDocuments")
  void csafExampleIsValid(String name) throws IOException {
    try (InputStream in = Files.newInputStream(TestData.resolve(EXAMPLES).resolve(name))) {
      assertThat(CsafValidator.validate(in).findings()).as(name).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rolieDocuments")
  void rolieDocumentIsNoCsafDocument(String name) throws IOException {
    try (InputStream in = Files.newInputStream(TestData.resolve(EXAMPLES).resolve(name))) {
      CsafValidation validation = CsafValidator.validate(in);
      assertThat(validation.valid()).isFalse();
      assertThat(validation.findings()).extracting(CsafFinding::testId).contains(CsafFinding.SCHEMA);
    }
  }

  @Test
  void providerMetadataMatchesTheProviderSchema() throws IOException {
    SchemaValidator provider = distributionSchema("provider_json_schema.json");
    assertThat(provider.validate(read("provider-metadata/example-01-provider-metadata.json"))).isEmpty();
  }

  @Test
  void aggregatorsMatchTheAggregatorSchema() throws IOException {
    SchemaValidator aggregator = distributionSchema("aggregator_json_schema.json");
    for (String name : List.of("example-01-aggregator.json", "example-02-aggregator.json", "example-03-aggregator.json")) {
      assertThat(aggregator.validate(read("aggregator/" + name))).as(name).isEmpty();
    }
    // And the schema is really applied: a provider-metadata document is no aggregator.
    assertThat(aggregator.validate(read("provider-metadata/example-01-provider-metadata.json"))).isNotEmpty();
  }

  private static SchemaValidator distributionSchema(String file) {
    Path schemas = TestData.resolve("csaf/csaf_2.0/json_schema");
    return SchemaValidator.builder("https://docs.oasis-open.org/csaf/csaf/v2.0/" + file)
        .map("https://docs.oasis-open.org/csaf/csaf/v2.0/", schemas.toUri().toString())
        .map("https://www.first.org/cvss/", TestData.resolve("csaf/csaf_2.0/referenced_schema/first").toUri().toString())
        .build();
  }

  private static JsonNode read(String name) throws IOException {
    return MAPPER.readTree(TestData.resolve(EXAMPLES).resolve(name).toFile());
  }
}
