package org.accord.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The informative tests of CSAF 2.0 §6.3, case by case, beyond what the OASIS suite covers. The URL
 * tests run with a resolver that answers from a table, so that every kind of answer is exercised
 * without the network ({@code org.accord.cli.HttpUrlResolverTest} covers the real requests).
 */
class InformativeTestsTest {
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

  private static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static CsafValidation full(JsonNode document, UrlResolver resolver) {
    return CsafValidator.validate(document, CsafValidator.Options.of(CsafValidator.Extent.FULL).withUrlResolver(resolver));
  }

  private static List<CsafFinding> findings(JsonNode document, String testId) {
    return full(document, UrlResolver.offline()).findings().stream().filter(f -> f.testId().equals(testId)).toList();
  }

  private static ObjectNode withVulnerabilities(String array) {
    return document(d -> d.set("vulnerabilities", json(array)));
  }

  private static final String V2 = "\"cvss_v2\":{\"version\":\"2.0\",\"vectorString\":\"AV:N/AC:L/Au:N/C:C/I:C/A:C\",\"baseScore\":10}";
  private static final String V30 =
      "\"cvss_v3\":{\"version\":\"3.0\",\"vectorString\":\"CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\",\"baseScore\":9.8,\"baseSeverity\":\"CRITICAL\"}";
  private static final String V31 =
      "\"cvss_v3\":{\"version\":\"3.1\",\"vectorString\":\"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\",\"baseScore\":9.8,\"baseSeverity\":\"CRITICAL\"}";

  @Test
  void cvssV2AloneIsJudgedPerScoreItem() {
    ObjectNode document =
        withVulnerabilities(
            "[{\"scores\":[{\"products\":[\"A\"]," + V2 + "},{\"products\":[\"A\"]," + V31 + "}]},"
                + "{\"scores\":[{\"products\":[\"B\"]," + V2 + "," + V31 + "}]}]");
    assertThat(findings(document, "6.3.1")).extracting(CsafFinding::jsonPath).containsExactly("$.vulnerabilities[0].scores[0].cvss_v2");
  }

  @Test
  void cvssV30IsToldByVersionOrVector() {
    ObjectNode document =
        withVulnerabilities("[{\"scores\":[{\"products\":[\"A\"]," + V30 + "},{\"products\":[\"B\"]," + V31 + "}]}]");
    assertThat(findings(document, "6.3.2")).extracting(CsafFinding::jsonPath).containsExactly("$.vulnerabilities[0].scores[0].cvss_v3");
  }

  @Test
  void missingCveAndCwe() {
    ObjectNode document =
        withVulnerabilities("[{\"cve\":\"CVE-2021-44228\",\"cwe\":{\"id\":\"CWE-20\",\"name\":\"Improper Input Validation\"}},{\"title\":\"t\"}]");
    assertThat(findings(document, "6.3.3")).extracting(CsafFinding::jsonPath).containsExactly("$.vulnerabilities[1].cve");
    assertThat(findings(document, "6.3.4")).extracting(CsafFinding::jsonPath).containsExactly("$.vulnerabilities[1].cwe");
  }

  @Test
  void hashesShorterThan64CharactersAreShort() {
    ObjectNode document =
        document(
            d ->
                ((ObjectNode) d.at("/product_tree/full_product_names/0"))
                    .set(
                        "product_identification_helper",
                        json(
                            "{\"hashes\":[{\"file_hashes\":[{\"algorithm\":\"sha256\",\"value\":\"" + "a".repeat(64) + "\"},"
                                + "{\"algorithm\":\"x\",\"value\":\"" + "b".repeat(63) + "\"}],\"filename\":\"a.so\"}]}")));
    assertThat(findings(document, "6.3.5"))
        .extracting(CsafFinding::jsonPath)
        .containsExactly("$.product_tree.full_product_names[0].product_identification_helper.hashes[0].file_hashes[1].value");
  }

  @Test
  void urlTestsVisitEveryListedPathAndSplitSelfFromTheRest() {
    ObjectNode document =
        document(
            d -> {
              ObjectNode meta = (ObjectNode) d.get("document");
              meta.set("acknowledgments", json("[{\"urls\":[\"https://ack.test/1\"]}]"));
              meta.set("aggregate_severity", json("{\"namespace\":\"https://severity.test\",\"text\":\"high\"}"));
              meta.set("distribution", json("{\"tlp\":{\"label\":\"WHITE\",\"url\":\"https://tlp.test\"}}"));
              meta.set(
                  "references",
                  json(
                      "[{\"summary\":\"s\",\"url\":\"https://external.test\"},"
                          + "{\"category\":\"self\",\"summary\":\"s\",\"url\":\"https://self.test/accord-test-1.json\"}]"));
              ((ObjectNode) d.at("/product_tree/full_product_names/0"))
                  .set(
                      "product_identification_helper",
                      json("{\"sbom_urls\":[\"https://sbom.test\"],\"x_generic_uris\":[{\"namespace\":\"https://ns.test\",\"uri\":\"urn:x:1\"}]}"));
              d.set(
                  "vulnerabilities",
                  json(
                      "[{\"acknowledgments\":[{\"urls\":[\"https://vack.test\"]}],"
                          + "\"references\":[{\"category\":\"self\",\"summary\":\"s\",\"url\":\"https://vself.test\"},"
                          + "{\"category\":\"external\",\"summary\":\"s\",\"url\":\"https://vext.test\"}],"
                          + "\"remediations\":[{\"category\":\"vendor_fix\",\"details\":\"d\",\"product_ids\":[\"A\"],\"url\":\"https://fix.test\"}]}]"));
            });
    List<String> asked = Collections.synchronizedList(new ArrayList<>());
    Map<String, UrlResolver.Resolution> answers =
        Map.of(
            "https://external.test", new UrlResolver.Status(404),
            "https://fix.test", new UrlResolver.Status(301),
            "https://vself.test", new UrlResolver.Failed("unknown host"),
            "https://tlp.test", new UrlResolver.NotChecked("not asked"));
    UrlResolver table =
        url -> {
          asked.add(url);
          return answers.getOrDefault(url, UrlResolver.offline().resolve(url) instanceof UrlResolver.Failed failed
              ? failed
              : new UrlResolver.Status(200));
        };
    CsafValidation validation = full(document, table);
    assertThat(asked)
        .containsExactlyInAnyOrder(
            "https://ack.test/1", "https://severity.test", "https://tlp.test", "https://external.test",
            "https://self.test/accord-test-1.json", "https://accord.example", "https://sbom.test", "https://ns.test",
            "urn:x:1", "https://vack.test", "https://vself.test", "https://vext.test", "https://fix.test");
    List<CsafFinding> nonSelf = validation.findings().stream().filter(f -> f.testId().equals("6.3.6")).toList();
    assertThat(nonSelf)
        .extracting(CsafFinding::jsonPath)
        .containsExactly(
            "$.document.references[0].url",
            "$.product_tree.full_product_names[0].product_identification_helper.x_generic_uris[0].uri");
    assertThat(nonSelf.get(0).message()).contains("HTTP status 404");
    assertThat(nonSelf.get(1).message()).contains("urn: URL cannot resolve");
    assertThat(validation.findings().stream().filter(f -> f.testId().equals("6.3.7")))
        .extracting(CsafFinding::jsonPath, CsafFinding::message)
        .containsExactly(tuple("$.vulnerabilities[0].references[0].url", "'https://vself.test' does not resolve: unknown host"));
    assertThat(validation.unchecked())
        .filteredOn(unchecked -> unchecked.testId().startsWith("6.3.6") || unchecked.testId().startsWith("6.3.7"))
        .containsExactly(new CsafValidation.Unchecked("6.3.6", "$.document.distribution.tlp.url", "not asked"));
  }

  @Test
  void offlineResolutionFailsOnlyWhatCanNeverResolve() {
    UrlResolver offline = UrlResolver.offline();
    assertThat(offline.resolve("https://example.invalid")).isInstanceOf(UrlResolver.Failed.class);
    assertThat(offline.resolve("https://user@Sub.Example.INVALID.:8443/x?y#z")).isInstanceOf(UrlResolver.Failed.class);
    assertThat(offline.resolve("https://invalid")).isInstanceOf(UrlResolver.Failed.class);
    assertThat(offline.resolve("mailto:psirt@example.com")).isInstanceOf(UrlResolver.Failed.class);
    assertThat(offline.resolve("/relative/path")).isInstanceOf(UrlResolver.Failed.class);
    assertThat(offline.resolve("https:///no-host")).isInstanceOf(UrlResolver.Failed.class);
    assertThat(offline.resolve("https://example.net")).isInstanceOf(UrlResolver.NotChecked.class);
    assertThat(offline.resolve("HTTP://invalid.example.com/a b")).isInstanceOf(UrlResolver.NotChecked.class);
    assertThat(offline.resolve("https://[::1]:8080/")).isInstanceOf(UrlResolver.NotChecked.class);
    assertThat(new UrlResolver.Status(399).resolves()).isTrue();
    assertThat(new UrlResolver.Status(400).resolves()).isFalse();
    assertThat(new UrlResolver.Status(199).resolves()).isFalse();
  }

  @Test
  void spellCheckNeedsALanguageAndADictionary() {
    CsafValidation noLanguage = full(document(d -> {}), UrlResolver.offline());
    assertThat(noLanguage.findings()).extracting(CsafFinding::testId).doesNotContain("6.3.8");
    assertThat(noLanguage.unchecked()).extracting(CsafValidation.Unchecked::testId).contains("6.3.8");

    ObjectNode german = document(d -> ((ObjectNode) d.get("document")).put("lang", "de"));
    assertThat(findings(german, "6.3.8"))
        .extracting(CsafFinding::jsonPath, CsafFinding::message)
        .containsExactly(tuple("$.document.lang", "no spell check dictionary for language 'de' (Accord ships en and en-US)"));

    ObjectNode english = document(d -> ((ObjectNode) d.get("document")).put("lang", "en-US").put("title", "Minimal advisroy"));
    assertThat(findings(english, "6.3.8"))
        .extracting(CsafFinding::jsonPath, CsafFinding::message)
        .containsExactly(tuple("$.document.title", "possible spelling mistake (en_US): advisroy"));
  }

  @Test
  void spellCheckReadsTheCategoryOfCsafBaseDocumentsOnly() {
    ObjectNode custom =
        document(d -> ((ObjectNode) d.get("document")).put("lang", "en").put("category", "Example Company Securty Notice"));
    assertThat(findings(custom, "6.3.8")).extracting(CsafFinding::jsonPath).containsExactly("$.document.category");
    ObjectNode base = document(d -> ((ObjectNode) d.get("document")).put("lang", "en"));
    assertThat(findings(base, "6.3.8")).isEmpty();
  }

  @Test
  void branchCategoriesMayHaveOthersBeforeBetweenAndAfter() {
    ObjectNode document =
        document(
            d ->
                ((ObjectNode) d.get("product_tree"))
                    .set(
                        "branches",
                        json(
                            "[{\"category\":\"host_name\",\"name\":\"h\",\"branches\":[{\"category\":\"vendor\",\"name\":\"V\",\"branches\":["
                                + "{\"category\":\"product_family\",\"name\":\"F\",\"branches\":[{\"category\":\"product_name\",\"name\":\"P\",\"branches\":["
                                + "{\"category\":\"architecture\",\"name\":\"x86\",\"branches\":[{\"category\":\"product_version\",\"name\":\"1.0\","
                                + "\"branches\":[{\"category\":\"patch_level\",\"name\":\"2\",\"product\":{\"name\":\"ok\",\"product_id\":\"C\"}}]}]}]}]},"
                                + "{\"category\":\"product_version\",\"name\":\"2.0\",\"branches\":[{\"category\":\"product_name\",\"name\":\"P\","
                                + "\"product\":{\"name\":\"reversed\",\"product_id\":\"D\"}}]}]}]}]")));
    List<CsafFinding> found = findings(document, "6.3.9");
    assertThat(found).extracting(CsafFinding::jsonPath)
        .containsExactly("$.product_tree.branches[0].branches[0].branches[1].branches[0].product");
    assertThat(found.get(0).message()).contains("'D'", "'product_version'");
  }

  @Test
  void versionRangesAndVIndicators() {
    ObjectNode document =
        document(
            d ->
                ((ObjectNode) d.get("product_tree"))
                    .set(
                        "branches",
                        json(
                            "[{\"category\":\"vendor\",\"name\":\"V\",\"branches\":[{\"category\":\"product_name\",\"name\":\"P\",\"branches\":["
                                + "{\"category\":\"product_version_range\",\"name\":\"vers:generic/>1\",\"product\":{\"name\":\"a\",\"product_id\":\"C\"}},"
                                + "{\"category\":\"product_version\",\"name\":\"V2.0\",\"product\":{\"name\":\"b\",\"product_id\":\"D\"}},"
                                + "{\"category\":\"product_version\",\"name\":\"version 3\",\"product\":{\"name\":\"c\",\"product_id\":\"E\"}},"
                                + "{\"category\":\"product_name\",\"name\":\"v4\",\"product\":{\"name\":\"d\",\"product_id\":\"F\"}}]}]}]")));
    assertThat(findings(document, "6.3.10")).extracting(CsafFinding::jsonPath)
        .containsExactly("$.product_tree.branches[0].branches[0].branches[0].category");
    assertThat(findings(document, "6.3.11")).extracting(CsafFinding::jsonPath)
        .containsExactly("$.product_tree.branches[0].branches[0].branches[1].name");
  }
}
