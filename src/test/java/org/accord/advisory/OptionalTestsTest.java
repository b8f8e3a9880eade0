package org.accord.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The optional tests of CSAF 2.0 §6.2, case by case, beyond what the OASIS suite covers: the readings
 * their javadoc documents, each with a case that must pass and one that must fail.
 */
class OptionalTestsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static ObjectNode document(Consumer<ObjectNode> change) {
    try {
      ObjectNode document = (ObjectNode) MAPPER.readTree(CsafValidatorTest.MINIMAL);
      change.accept(document);
      return document;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode json(String text) {
    try {
      return (ObjectNode) MAPPER.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static List<CsafFinding> findings(JsonNode document, String testId) {
    return CsafValidator.validate(document, CsafValidator.Options.of(CsafValidator.Extent.EXTENDED)).findings().stream()
        .filter(finding -> finding.testId().equals(testId))
        .toList();
  }

  private static ObjectNode vulnerabilities(ObjectNode document, String json) {
    document.set("vulnerabilities", MAPPER.valueToTree(json(json).get("v")));
    return document;
  }

  @Test
  void unusedProductIdCountsEveryReferenceAndSkipsInformationalAdvisories() {
    ObjectNode unused = document(d -> {});
    assertThat(findings(unused, "6.2.1"))
        .extracting(CsafFinding::jsonPath)
        .containsExactly("$.product_tree.full_product_names[0].product_id", "$.product_tree.full_product_names[1].product_id");
    ObjectNode referenced =
        document(
            d -> {
              ((ObjectNode) d.get("product_tree"))
                  .set("product_groups", json("{\"g\":[{\"group_id\":\"G\",\"product_ids\":[\"A\",\"B\"]}]}").get("g"));
            });
    assertThat(findings(referenced, "6.2.1")).isEmpty();
    ObjectNode flagged =
        document(d -> vulnerabilities(d, "{\"v\":[{\"flags\":[{\"label\":\"component_not_present\",\"product_ids\":[\"A\"]}]}]}"));
    assertThat(findings(flagged, "6.2.1")).extracting(CsafFinding::message).containsExactly("product ID 'B' is defined but never used");
    ObjectNode informational = document(d -> ((ObjectNode) d.get("document")).put("category", "csaf_informational_advisory"));
    assertThat(findings(informational, "6.2.1")).isEmpty();
  }

  @Test
  void missingRemediationAcceptsRemediationsThroughGroups() {
    ObjectNode document =
        document(
            d -> {
              ((ObjectNode) d.get("product_tree"))
                  .set("product_groups", json("{\"g\":[{\"group_id\":\"G\",\"product_ids\":[\"A\"]}]}").get("g"));
              vulnerabilities(
                  d,
                  "{\"v\":[{\"product_status\":{\"known_affected\":[\"A\"],\"under_investigation\":[\"B\"]},"
                      + "\"remediations\":[{\"category\":\"none_available\",\"details\":\"x\",\"group_ids\":[\"G\"]}]}]}");
            });
    assertThat(findings(document, "6.2.2"))
        .extracting(CsafFinding::jsonPath)
        .containsExactly("$.vulnerabilities[0].product_status.under_investigation[0]");
  }

  @Test
  void missingScoreLooksAtTheAffectedGroupOnly() {
    ObjectNode document =
        document(
            d ->
                vulnerabilities(
                    d,
                    "{\"v\":[{\"product_status\":{\"last_affected\":[\"A\"],\"fixed\":[\"B\"]},"
                        + "\"scores\":[{\"cvss_v3\":{\"version\":\"3.1\",\"vectorString\":\"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\","
                        + "\"baseScore\":9.8,\"baseSeverity\":\"CRITICAL\"},\"products\":[\"B\"]}]}]}"));
    assertThat(findings(document, "6.2.3")).extracting(CsafFinding::message).containsExactly("product 'A' is last_affected but has no score");
  }

  @Test
  void releaseDatesCompareAsInstants() {
    ObjectNode sameInstant =
        document(d -> ((ObjectNode) d.at("/document/tracking")).put("initial_release_date", "2024-01-01T02:00:00+02:00"));
    assertThat(findings(sameInstant, "6.2.5")).isEmpty();
    ObjectNode earlier =
        document(d -> ((ObjectNode) d.at("/document/tracking")).put("initial_release_date", "2024-01-01T02:00:00+03:00"));
    assertThat(findings(earlier, "6.2.5")).extracting(CsafFinding::jsonPath).containsExactly("$.document.tracking.initial_release_date");
    ObjectNode current =
        document(d -> ((ObjectNode) d.at("/document/tracking")).put("current_release_date", "2023-12-31T23:59:59.999Z"));
    assertThat(findings(current, "6.2.6")).extracting(CsafFinding::jsonPath).containsExactly("$.document.tracking.current_release_date");
    assertThat(findings(document(d -> {}), "6.2.6")).isEmpty();
  }

  @Test
  void weakHashAlgorithmsAloneAreFlaggedWhateverTheirSpelling() {
    ObjectNode sha1 = document(d -> hashes(d, "SHA-1", "sha1"));
    assertThat(findings(sha1, "6.2.9")).hasSize(1);
    assertThat(findings(sha1, "6.2.8")).isEmpty();
    ObjectNode md5 = document(d -> hashes(d, "MD5"));
    assertThat(findings(md5, "6.2.8")).extracting(CsafFinding::jsonPath)
        .containsExactly("$.product_tree.full_product_names[0].product_identification_helper.hashes[0].file_hashes");
    ObjectNode accompanied = document(d -> hashes(d, "md5", "sha256"));
    assertThat(findings(accompanied, "6.2.8")).isEmpty();
  }

  static void hashes(ObjectNode document, String... algorithms) {
    StringBuilder fileHashes = new StringBuilder();
    for (String algorithm : algorithms) {
      fileHashes.append(fileHashes.length() == 0 ? "" : ",")
          .append("{\"algorithm\":\"").append(algorithm).append("\",\"value\":\"")
          .append(algorithm.toLowerCase().startsWith("sha256") ? "a".repeat(64) : "b".repeat(40)).append("\"}");
    }
    ((ObjectNode) document.at("/product_tree/full_product_names/0"))
        .set(
            "product_identification_helper",
            json("{\"hashes\":[{\"file_hashes\":[" + fileHashes + "],\"filename\":\"a.so\"}]}"));
  }

  @Test
  void tlpLabelMustBePresentAndKnown() {
    assertThat(findings(document(d -> {}), "6.2.10")).extracting(CsafFinding::message).containsExactly("the document has no TLP label");
    ObjectNode white = document(d -> ((ObjectNode) d.get("document")).set("distribution", json("{\"tlp\":{\"label\":\"WHITE\"}}")));
    assertThat(findings(white, "6.2.10")).isEmpty();
    ObjectNode clear = document(d -> ((ObjectNode) d.get("document")).set("distribution", json("{\"tlp\":{\"label\":\"CLEAR\"}}")));
    assertThat(findings(clear, "6.2.10")).hasSize(1);
  }

  @Test
  void filenamesFollowSection51() {
    assertThat(DocumentTests.filename("cisco-sa-20190513-secureboot")).isEqualTo("cisco-sa-20190513-secureboot.json");
    assertThat(DocumentTests.filename("Example Company - 2019-YH3234")).isEqualTo("example_company_-_2019-yh3234.json");
    assertThat(DocumentTests.filename("RHBA-2019:0024")).isEqualTo("rhba-2019_0024.json");
    assertThat(DocumentTests.filename("2022_#01-A")).isEqualTo("2022_01-a.json");
    assertThat(DocumentTests.filename("OASIS_CSAF_TC-CSAF_2.0-2021-6-2-11-11")).isEqualTo("oasis_csaf_tc-csaf_2_0-2021-6-2-11-11.json");
  }

  @Test
  void canonicalUrlIsAnHttpsSelfReferenceEndingInTheFileName() {
    assertThat(findings(withSelf("https://accord.example/csaf/accord-test-1.json"), "6.2.11")).isEmpty();
    assertThat(findings(withSelf("http://accord.example/csaf/accord-test-1.json"), "6.2.11")).hasSize(1);
    assertThat(findings(withSelf("https://accord.example/csaf/xaccord-test-1.json"), "6.2.11")).hasSize(1);
    assertThat(findings(withSelf("https://accord.example/csaf/ACCORD-TEST-1.json"), "6.2.11")).hasSize(1);
  }

  private static ObjectNode withSelf(String url) {
    return document(
        d -> ((ObjectNode) d.get("document"))
            .set("references", json("{\"r\":[{\"category\":\"self\",\"summary\":\"s\",\"url\":\"" + url + "\"}]}").get("r")));
  }

  @Test
  void sortingReportsOnceAtTheFirstUnsortedKeyInDocumentOrder() {
    ObjectNode sorted = document(d -> {});
    assertThat(findings(sorted, "6.2.13")).isEmpty();
    ObjectNode unsorted =
        json(
            "{\"document\":{\"title\":\"t\",\"category\":\"csaf_base\"},"
                + "\"product_tree\":{\"full_product_names\":[{\"product_id\":\"A\",\"name\":\"A\"}]}}");
    List<CsafFinding> found = findings(unsorted, "6.2.13");
    assertThat(found).hasSize(1);
    assertThat(found.get(0).jsonPath()).isEqualTo("$.document.category");
    assertThat(found.get(0).message()).contains("the keys of 2 objects are not sorted");
  }

  @Test
  void privateUseSubtagsAnywhereInTheTag() {
    LanguageTags tags = LanguageTags.registry();
    assertThat(tags.privateUse("en-US")).isNull();
    assertThat(tags.privateUse("de-Latn-DE")).isNull();
    assertThat(tags.privateUse("i-default")).isNull();
    assertThat(tags.privateUse("qtx")).contains("qtx");
    assertThat(tags.privateUse("x-accord")).contains("private use");
    assertThat(tags.privateUse("en-x-accord")).contains("x-accord");
    assertThat(tags.privateUse("en-Qabc")).contains("Qabc");
    assertThat(tags.privateUse("en-QM")).contains("QM");
    assertThat(tags.privateUse("en-XP")).contains("XP");
    assertThat(tags.privateUse("en-AA")).contains("AA");
    assertThat(tags.privateUse("fr-ZZ")).contains("ZZ");
    assertThat(tags.privateUse("en-QA")).isNull();
    ObjectNode source = document(d -> ((ObjectNode) d.get("document")).put("lang", "en").put("source_lang", "qcb"));
    assertThat(findings(source, "6.2.14")).extracting(CsafFinding::jsonPath).containsExactly("$.document.source_lang");
  }

  @Test
  void defaultLanguageIgnoresCase() {
    ObjectNode document = document(d -> ((ObjectNode) d.get("document")).put("lang", "I-Default"));
    assertThat(findings(document, "6.2.15")).hasSize(1);
  }

  @Test
  void cveIdsBelongInTheCveField() {
    ObjectNode document =
        document(
            d ->
                vulnerabilities(
                    d,
                    "{\"v\":[{\"ids\":[{\"system_name\":\"a\",\"text\":\"CVE-2021-44228\"},"
                        + "{\"system_name\":\"b\",\"text\":\"GHSA-jfh8-c2jp-5v3q\"},{\"system_name\":\"c\",\"text\":\"CVE-21-1\"}]}]}"));
    assertThat(findings(document, "6.2.17")).extracting(CsafFinding::jsonPath).containsExactly("$.vulnerabilities[0].ids[0].text");
  }

  @Test
  void versionRangesMustBeVers() {
    ObjectNode document =
        document(
            d ->
                ((ObjectNode) d.get("product_tree"))
                    .set(
                        "branches",
                        json(
                            "{\"b\":[{\"category\":\"vendor\",\"name\":\"V\",\"branches\":["
                                + "{\"category\":\"product_version_range\",\"name\":\"vers:npm/>=1.0.0|<2.0.0\",\"product\":{\"name\":\"n\",\"product_id\":\"C\"}},"
                                + "{\"category\":\"product_version_range\",\"name\":\"<= 2.0\",\"product\":{\"name\":\"n\",\"product_id\":\"D\"}}]}]}")
                            .get("b")));
    assertThat(findings(document, "6.2.18")).extracting(CsafFinding::jsonPath).containsExactly("$.product_tree.branches[0].branches[1].name");
  }

  @Test
  void cvssOfFixedProductsMustHaveAZeroEnvironmentalScore() {
    String base = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
    ObjectNode notZero = fixedWithScore("\"vectorString\":\"" + base + "\",\"baseScore\":9.8,\"baseSeverity\":\"CRITICAL\"");
    assertThat(findings(notZero, "6.2.19")).extracting(CsafFinding::message)
        .containsExactly("product 'A' is fixed but this CVSS 3.1 object has an environmental score of 9.8, not 0");
    ObjectNode inVector = fixedWithScore("\"vectorString\":\"" + base + "/MC:N/MI:N/MA:N\",\"baseScore\":9.8,\"baseSeverity\":\"CRITICAL\"");
    assertThat(findings(inVector, "6.2.19")).isEmpty();
    ObjectNode inProperties =
        fixedWithScore(
            "\"vectorString\":\"" + base + "\",\"baseScore\":9.8,\"baseSeverity\":\"CRITICAL\",\"modifiedAvailabilityImpact\":\"NONE\","
                + "\"modifiedConfidentialityImpact\":\"NONE\",\"modifiedIntegrityImpact\":\"NONE\"");
    assertThat(findings(inProperties, "6.2.19")).isEmpty();
    ObjectNode vectorWins =
        fixedWithScore(
            "\"vectorString\":\"" + base + "/MA:H\",\"baseScore\":9.8,\"baseSeverity\":\"CRITICAL\",\"modifiedAvailabilityImpact\":\"NONE\","
                + "\"modifiedConfidentialityImpact\":\"NONE\",\"modifiedIntegrityImpact\":\"NONE\"");
    assertThat(findings(vectorWins, "6.2.19")).hasSize(1);
  }

  private static ObjectNode fixedWithScore(String cvss) {
    return document(
        d ->
            vulnerabilities(
                d,
                "{\"v\":[{\"product_status\":{\"fixed\":[\"A\"],\"known_affected\":[\"B\"]},"
                    + "\"scores\":[{\"cvss_v3\":{\"version\":\"3.1\"," + cvss + "},\"products\":[\"A\",\"B\"]}]}]}"));
  }

  @Test
  void additionalPropertiesAreFoundEvenWhereTheSchemaAllowsThem() {
    assertThat(findings(document(d -> {}), "6.2.20")).isEmpty();
    ObjectNode custom = document(d -> ((ObjectNode) d.get("document")).put("x_custom", 1));
    assertThat(findings(custom, "6.2.20")).extracting(CsafFinding::jsonPath).containsExactly("$.document");
    assertThat(findings(custom, "6.2.20").get(0).message()).contains("x_custom");
    assertThat(CsafValidator.validate(custom).valid()).isTrue();
    ObjectNode inCvss =
        document(
            d ->
                vulnerabilities(
                    d,
                    "{\"v\":[{\"scores\":[{\"cvss_v3\":{\"version\":\"3.1\",\"vectorString\":\"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\","
                        + "\"baseScore\":9.8,\"baseSeverity\":\"CRITICAL\",\"vendorNote\":\"x\"},\"products\":[\"A\"]}]}]}"));
    assertThat(findings(inCvss, "6.2.20")).extracting(CsafFinding::jsonPath).containsExactly("$.vulnerabilities[0].scores[0].cvss_v3");
  }
}
