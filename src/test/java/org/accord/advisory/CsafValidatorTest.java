package org.accord.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.accord.InvalidInputException;
import org.accord.testing.TestData;
import org.junit.jupiter.api.Test;

class CsafValidatorTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final CsafValidator.Options FULL = CsafValidator.Options.of(CsafValidator.Extent.FULL);

  /** A minimal valid CSAF Base document that the tests below break one way at a time. */
  static final String MINIMAL =
      """
      {
        "document": {
          "category": "csaf_base",
          "csaf_version": "2.0",
          "publisher": {"category": "vendor", "name": "Accord tests", "namespace": "https://accord.example"},
          "title": "Minimal",
          "tracking": {
            "current_release_date": "2024-01-02T00:00:00.000Z",
            "id": "ACCORD-TEST-1",
            "initial_release_date": "2024-01-01T00:00:00.000Z",
            "revision_history": [{"date": "2024-01-01T00:00:00.000Z", "number": "1", "summary": "Initial"}],
            "status": "final",
            "version": "1"
          }
        },
        "product_tree": {
          "full_product_names": [
            {"name": "Product A", "product_id": "A"},
            {"name": "Product B", "product_id": "B"}
          ]
        }
      }
      """;

  private static ObjectNode minimal() throws IOException {
    return (ObjectNode) MAPPER.readTree(MINIMAL);
  }

  private static ObjectNode with(Consumer<ObjectNode> change) throws IOException {
    ObjectNode document = minimal();
    change.accept(document);
    return document;
  }

  private static ObjectNode json(String text) {
    try {
      return (ObjectNode) MAPPER.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static List<String> tests(JsonNode document) {
    return CsafValidator.validate(document).findings().stream().map(CsafFinding::testId).toList();
  }

  @Test
  void minimalDocumentIsValid() throws IOException {
    assertThat(CsafValidator.validate(minimal()).findings()).isEmpty();
    assertThat(CsafValidator.validate(new ByteArrayInputStream(MINIMAL.getBytes(StandardCharsets.UTF_8))).valid()).isTrue();
  }

  @Test
  void mandatoryTestRegistryCoversSection61() {
    assertThat(CsafValidator.mandatoryTests()).hasSize(43).containsKeys("6.1.1", "6.1.27.11", "6.1.33");
    List<String> ids = new ArrayList<>(CsafValidator.mandatoryTests().keySet());
    List<String> sorted = new ArrayList<>(ids);
    sorted.sort(MandatoryTests.ORDER);
    assertThat(sorted).isEqualTo(ids);
    assertThat(MandatoryTests.ORDER.compare("schema", "6.1.1")).isNegative();
    assertThat(MandatoryTests.ORDER.compare("6.1.9", "6.1.10")).isNegative();
    assertThat(MandatoryTests.ORDER.compare("6.1.27.11", "6.1.28")).isNegative();
  }

  @Test
  void optionalAndInformativeRegistriesCoverSections62And63InOrder() {
    List<String> optional = new ArrayList<>(CsafValidator.tests(CsafFinding.Level.OPTIONAL).keySet());
    List<String> informative = new ArrayList<>(CsafValidator.tests(CsafFinding.Level.INFORMATIVE).keySet());
    List<String> expectedOptional = new ArrayList<>();
    for (int number = 1; number <= 20; number++) {
      expectedOptional.add("6.2." + number);
    }
    List<String> expectedInformative = new ArrayList<>();
    for (int number = 1; number <= 11; number++) {
      expectedInformative.add("6.3." + number);
    }
    assertThat(optional).isEqualTo(expectedOptional);
    assertThat(informative).isEqualTo(expectedInformative);
    assertThat(CsafValidator.tests(CsafFinding.Level.OPTIONAL)).containsEntry("6.2.13", "Sorting");
    assertThat(CsafValidator.tests(CsafFinding.Level.INFORMATIVE)).containsEntry("6.3.8", "Spell check");
    assertThat(CsafValidator.tests(CsafFinding.Level.MANDATORY)).isEqualTo(CsafValidator.mandatoryTests());
    assertThat(MandatoryTests.ORDER.compare("6.1.33", "6.2.1")).isNegative();
    assertThat(MandatoryTests.ORDER.compare("6.2.9", "6.2.10")).isNegative();
    assertThat(MandatoryTests.ORDER.compare("6.2.20", "6.3.1")).isNegative();
  }

  @Test
  void levelsFollowTheSectionAndOnlyMandatoryFindingsMakeADocumentInvalid() throws IOException {
    assertThat(CsafFinding.Level.of("schema")).isEqualTo(CsafFinding.Level.MANDATORY);
    assertThat(CsafFinding.Level.of("6.1.27.3")).isEqualTo(CsafFinding.Level.MANDATORY);
    assertThat(CsafFinding.Level.of("6.2.13")).isEqualTo(CsafFinding.Level.OPTIONAL);
    assertThat(CsafFinding.Level.of("6.3.8")).isEqualTo(CsafFinding.Level.INFORMATIVE);
    assertThat(new CsafFinding("6.2.1", "$", "m").level()).isEqualTo(CsafFinding.Level.OPTIONAL);

    // The minimal document has no language, no TLP label, no canonical URL and unused products.
    CsafValidation full = CsafValidator.validate(minimal(), FULL);
    assertThat(full.valid()).isTrue();
    assertThat(full.findings(CsafFinding.Level.MANDATORY)).isEmpty();
    assertThat(full.findings(CsafFinding.Level.OPTIONAL))
        .extracting(CsafFinding::testId)
        .containsExactly("6.2.1", "6.2.1", "6.2.10", "6.2.11", "6.2.12", "6.2.16", "6.2.16");
    assertThat(full.unchecked()).extracting(CsafValidation.Unchecked::testId).containsExactly("6.3.6", "6.3.8");

    CsafValidation extended = CsafValidator.validate(minimal(), CsafValidator.Options.of(CsafValidator.Extent.EXTENDED));
    assertThat(extended.findings()).isEqualTo(full.findings(CsafFinding.Level.OPTIONAL));
    assertThat(extended.unchecked()).isEmpty();

    // The basic run (what the import uses) is unchanged: no optional or informative finding.
    assertThat(CsafValidator.validate(minimal()).findings()).isEmpty();
    assertThat(CsafValidator.validate(minimal()).unchecked()).isEmpty();

    ObjectNode broken = with(d -> ((ObjectNode) d.get("document")).remove("title"));
    CsafValidation invalid = CsafValidator.validate(broken, FULL);
    assertThat(invalid.valid()).isFalse();
    assertThat(invalid.findings().get(0).testId()).isEqualTo(CsafFinding.SCHEMA);
  }

  @Test
  void malformedJsonNamesLineAndColumn() {
    assertLocation("{\"document\": }", "line 1, column 14");
    assertLocation("{\n  \"a\": 1,\n  \"a\": 2\n}", "line 3, column 6");
    assertLocation("{} {}", "line 1, column 4");
    assertLocation("[1, 2", "line 1, column 6");
    assertLocation("", "line 1, column 1");
  }

  private static void assertLocation(String input, String location) {
    assertThatThrownBy(() -> CsafValidator.validate(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8))))
        .as(input)
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.location()).isEqualTo(location));
  }

  @Test
  void nestingBeyondTheLimitIsRefused() {
    String deep = "[".repeat(CsafValidator.MAX_NESTING_DEPTH + 1) + "]".repeat(CsafValidator.MAX_NESTING_DEPTH + 1);
    assertThatThrownBy(() -> CsafValidator.validate(new ByteArrayInputStream(deep.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("nesting depth");
  }

  @Test
  void schemaViolationsCarryTheirPathAndComeFirst() throws IOException {
    ObjectNode document =
        with(d -> {
          ((ObjectNode) d.get("document")).remove("title");
          ((ObjectNode) d.at("/document/tracking")).put("version", "2");
        });
    CsafValidation validation = CsafValidator.validate(document);
    assertThat(validation.findings().get(0))
        .isEqualTo(new CsafFinding("schema", "$.document", "required property 'title' not found"));
    assertThat(validation.findings()).extracting(CsafFinding::testId).containsExactly("schema", "6.1.16");
    assertThat(validation.countsByTest()).containsExactly(java.util.Map.entry("schema", 1), java.util.Map.entry("6.1.16", 1));
  }

  @Test
  void cvssSchemaProblemsBelongToTest618Only() throws IOException {
    ObjectNode document = withVulnerability("""
        {"scores": [{"products": ["A"], "cvss_v3": {"version": "3.1",
          "vectorString": "CVSS:3.1/AV:L/AC:L/PR:H/UI:R/S:U/C:H/I:H/A:H", "baseScore": 6.5}}]}
        """);
    List<CsafFinding> findings = CsafValidator.validate(document).findings();
    assertThat(findings)
        .containsExactly(
            new CsafFinding("6.1.8", "$.vulnerabilities[0].scores[0].cvss_v3", "required property 'baseSeverity' not found"));
  }

  private static ObjectNode withVulnerability(String vulnerability) throws IOException {
    return with(d -> d.set("vulnerabilities", MAPPER.createArrayNode().add(json(vulnerability))));
  }

  @Test
  void scoresComputedInExactOrBinaryArithmeticAreBothAccepted() throws IOException {
    // 5.0 x 0.92 is 4.6 exactly and 4.7 in FIRST's v3.0 JavaScript calculator.
    for (String temporal : List.of("4.6", "4.7")) {
      ObjectNode document = withVulnerability("""
          {"scores": [{"products": ["A"], "cvss_v3": {"version": "3.0",
            "vectorString": "CVSS:3.0/AV:L/AC:H/PR:H/UI:R/S:C/C:H/I:N/A:N/E:H/RL:X/RC:U",
            "baseScore": 5.0, "baseSeverity": "MEDIUM", "temporalScore": %s, "temporalSeverity": "MEDIUM"}}]}
          """.formatted(temporal));
      assertThat(CsafValidator.validate(document).findings()).as(temporal).isEmpty();
    }
    ObjectNode wrong = withVulnerability("""
        {"scores": [{"products": ["A"], "cvss_v3": {"version": "3.0",
          "vectorString": "CVSS:3.0/AV:L/AC:H/PR:H/UI:R/S:C/C:H/I:N/A:N/E:H/RL:X/RC:U",
          "baseScore": 5.0, "baseSeverity": "MEDIUM", "temporalScore": 4.8}}]}
        """);
    assertThat(CsafValidator.validate(wrong).findings())
        .containsExactly(
            new CsafFinding(
                "6.1.9", "$.vulnerabilities[0].scores[0].cvss_v3.temporalScore", "temporalScore is 4.8 but the vector gives 4.6"));
  }

  @Test
  void inconsistentCvssComparesOnlyTheMetricsTheVectorSets() throws IOException {
    ObjectNode document = withVulnerability("""
        {"scores": [{"products": ["A"], "cvss_v3": {"version": "3.1",
          "vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "baseScore": 9.8, "baseSeverity": "CRITICAL",
          "attackVector": "LOCAL", "modifiedAttackVector": "LOCAL"}}]}
        """);
    assertThat(CsafValidator.validate(document).findings())
        .extracting(CsafFinding::jsonPath)
        .containsExactly("$.vulnerabilities[0].scores[0].cvss_v3.attackVector");
  }

  @Test
  void circularDefinitionReportsProductsOnOrLeadingIntoACycle() throws IOException {
    ObjectNode document =
        with(d -> ((ObjectNode) d.get("product_tree")).set("relationships", MAPPER.valueToTree(List.of(
            relationship("X", "A", "Y"), relationship("Y", "X", "B"), relationship("Z", "X", "A"), relationship("W", "A", "B")))));
    List<CsafFinding> cycles =
        CsafValidator.validate(document).findings().stream().filter(f -> f.testId().equals("6.1.3")).toList();
    assertThat(cycles)
        .extracting(CsafFinding::jsonPath)
        .containsExactly(
            "$.product_tree.relationships[0].full_product_name.product_id",
            "$.product_tree.relationships[1].full_product_name.product_id",
            "$.product_tree.relationships[2].full_product_name.product_id");
  }

  private static java.util.Map<String, Object> relationship(String id, String reference, String relatesTo) {
    return java.util.Map.of(
        "category", "installed_on",
        "full_product_name", java.util.Map.of("name", "Product " + id, "product_id", id),
        "product_reference", reference,
        "relates_to_product_reference", relatesTo);
  }

  @Test
  void revisionHistoryRules() throws IOException {
    // Same date, numbers in any order: sorted by number, so neither 6.1.14 nor 6.1.16 fails.
    assertThat(tests(history("2", "[[\"2024-01-01T00:00:00Z\",\"2\"],[\"2024-01-01T00:00:00Z\",\"1\"]]"))).isEmpty();
    // A later date with a lower number.
    assertThat(tests(history("2", "[[\"2024-01-02T00:00:00Z\",\"1\"],[\"2024-01-01T00:00:00Z\",\"2\"]]")))
        .containsExactly("6.1.14", "6.1.16");
    // Instants, not strings: 01:00+01:00 is midnight UTC, before 00:30Z.
    assertThat(tests(history("2", "[[\"2024-01-01T01:00:00+01:00\",\"1\"],[\"2024-01-01T00:30:00Z\",\"2\"]]"))).isEmpty();
    // A huge gap is one finding, not billions.
    assertThat(CsafValidator.validate(history("9999999999", "[[\"2024-01-01T00:00:00Z\",\"1\"],[\"2024-01-02T00:00:00Z\",\"9999999999\"]]")).findings())
        .filteredOn(f -> f.testId().equals("6.1.21"))
        .extracting(CsafFinding::message)
        .containsExactly("the revision history has no items for versions 2 to 9999999998");
    // Mixed schemes.
    assertThat(tests(history("2", "[[\"2024-01-01T00:00:00Z\",\"1.0.0\"],[\"2024-01-02T00:00:00Z\",\"2\"]]"))).containsExactly("6.1.30");
  }

  private static ObjectNode history(String version, String items) throws IOException {
    return with(d -> {
      ObjectNode tracking = (ObjectNode) d.at("/document/tracking");
      tracking.put("version", version);
      ArrayNode history = tracking.putArray("revision_history");
      for (JsonNode item : json("{\"i\":" + items + "}").get("i")) {
        history.addObject().put("date", item.get(0).asText()).put("number", item.get(1).asText()).put("summary", "s");
      }
    });
  }

  @Test
  void involvementsAtTheSameInstantInDifferentOffsetsCollide() throws IOException {
    ObjectNode document = withVulnerability("""
        {"involvements": [{"date": "2024-01-01T10:00:00Z", "party": "vendor", "status": "completed"},
                          {"date": "2024-01-01T12:00:00+02:00", "party": "vendor", "status": "in_progress"}]}
        """);
    assertThat(tests(document)).containsExactly("6.1.24");
  }

  @Test
  void vexProfileResolvesProductGroups() throws IOException {
    ObjectNode document =
        with(d -> {
          ((ObjectNode) d.get("document")).put("category", "csaf_vex");
          ((ObjectNode) d.get("product_tree")).set("product_groups", json("{\"g\":[{\"group_id\": \"G\", \"product_ids\": [\"A\", \"B\"]}]}").get("g"));
          d.set("vulnerabilities", MAPPER.createArrayNode().add(json("""
              {"cve": "CVE-2024-0001", "notes": [{"category": "description", "text": "t"}],
               "product_status": {"known_not_affected": ["A", "B"], "known_affected": ["B"]},
               "flags": [{"label": "component_not_present", "group_ids": ["G"]}],
               "remediations": [{"category": "vendor_fix", "details": "d", "product_ids": ["A"]}]}
              """)));
        });
    List<CsafFinding> findings = CsafValidator.validate(document).findings();
    assertThat(findings).extracting(CsafFinding::testId).containsExactly("6.1.6", "6.1.27.10");
    assertThat(findings.get(1).jsonPath()).isEqualTo("$.vulnerabilities[0].product_status.known_affected[0]");
  }

  /**
   * Property: whatever is done to a document's tree, the validator answers with findings, never with
   * an exception, answers the same way twice, and a basic run finds what the mandatory level of a full
   * run finds. Mutations of the suite's and the examples' documents: a node replaced by a value of
   * another type, removed, or wrapped in an array.
   */
  @Test
  void neverThrowsOnMutatedDocuments() throws IOException {
    List<Path> sources = new ArrayList<>();
    for (String folder : List.of("csaf/csaf_2.0/test/validator/data", "csaf/csaf_2.0/examples/csaf")) {
      try (Stream<Path> walk = Files.walk(TestData.resolve(folder))) {
        walk.filter(path -> path.toString().endsWith(".json") && !path.endsWith("testcases.json"))
            .sorted()
            .forEach(sources::add);
      }
    }
    long seed = 424242L;
    Random random = new Random(seed);
    for (int round = 0; round < 1000; round++) {
      Path source = sources.get(random.nextInt(sources.size()));
      JsonNode document = MAPPER.readTree(source.toFile());
      for (int mutation = 0; mutation <= random.nextInt(4); mutation++) {
        mutate(document, random);
      }
      String context = "seed " + seed + " round " + round + " " + source.getFileName();
      CsafValidation first = CsafValidator.validate(document, FULL);
      assertThat(CsafValidator.validate(document, FULL)).as(context).isEqualTo(first);
      assertThat(CsafValidator.validate(document).findings())
          .as("%s: a basic run finds exactly the mandatory findings of a full run", context)
          .isEqualTo(first.findings(CsafFinding.Level.MANDATORY));
      assertThat(new HashSet<>(first.findings())).as(context).hasSize((int) first.findings().stream().distinct().count());
    }
  }

  private static void mutate(JsonNode root, Random random) {
    List<JsonNode> containers = new ArrayList<>();
    collect(root, containers);
    JsonNode container = containers.get(random.nextInt(containers.size()));
    JsonNode replacement = randomValue(random);
    if (container instanceof ObjectNode object && object.size() > 0) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      String name = names.get(random.nextInt(names.size()));
      switch (random.nextInt(3)) {
        case 0 -> object.set(name, replacement);
        case 1 -> object.remove(name);
        default -> object.set(name, MAPPER.createArrayNode().add(object.get(name)));
      }
    } else if (container instanceof ArrayNode array && array.size() > 0) {
      int index = random.nextInt(array.size());
      switch (random.nextInt(3)) {
        case 0 -> array.set(index, replacement);
        case 1 -> array.remove(index);
        default -> array.add(array.get(index).deepCopy());
      }
    }
  }

  private static void collect(JsonNode node, List<JsonNode> containers) {
    if (node.isContainerNode()) {
      containers.add(node);
      node.elements().forEachRemaining(child -> collect(child, containers));
    }
  }

  private static JsonNode randomValue(Random random) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    return switch (random.nextInt(9)) {
      case 0 -> nodes.nullNode();
      case 1 -> nodes.booleanNode(random.nextBoolean());
      case 2 -> nodes.numberNode(random.nextInt(20) - 5);
      case 3 -> nodes.numberNode(random.nextDouble() * 12);
      case 4 -> nodes.textNode("");
      case 5 -> nodes.textNode(List.of("CSAFPID-9080700", "CVSS:3.1/AV:N", "1.0.0-rc", "EZ", "csaf_vex", "2021-07-21T10:00:00Z", "pkg:maven/@1").get(random.nextInt(7)));
      case 6 -> nodes.arrayNode();
      case 7 -> nodes.objectNode();
      default -> nodes.arrayNode().add("CSAFPID-9080700");
    };
  }
}
