package org.accord.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.accord.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the OASIS CSAF 2.0 validator test suite ({@code csaf/csaf_2.0/test/validator/data/testcases.json}):
 * every document of every test, mandatory, optional and informative.
 *
 * <ul>
 *   <li>Mandatory tests (§6.1): a must-fail document is rejected and the expected test id is among
 *       the findings; a must-pass document has no findings at all.
 *   <li>Optional (§6.2) and informative (§6.3) tests: this validator implements §6.1 only, and CSAF
 *       2.0 §6.2/§6.3 say that failing those tests does not make a document invalid. So their
 *       must-pass documents must be valid here, and their must-fail documents too, except the two
 *       listed in {@link #INCIDENTAL}, which also break a mandatory test and must be rejected by
 *       exactly that test. This runs them against the schema and all 43 mandatory tests, but does not
 *       check their own test ids ({@link #SKIPPED_OWN_TEST} says why).
 * </ul>
 *
 * <p>After the run, one summary line per test id is printed.
 */
class CsafConformanceTest {
  private static final String SUITE = "csaf/csaf_2.0/test/validator/data";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Why the own test id of optional and informative cases is not checked. */
  static final String SKIPPED_OWN_TEST =
      "§6.2 optional and §6.3 informative tests are outside this validator (mandatory tests only); "
          + "their documents are checked to be valid under the schema and §6.1 instead";

  /**
   * Optional-test documents that, besides the optional test they are written for, break a mandatory
   * one: two MD5 (or two SHA-1) hashes of the same file in one {@code file_hashes} list are also
   * §6.1.25 Multiple Use of Same Hash Algorithm.
   */
  static final Map<String, Set<String>> INCIDENTAL =
      Map.of(
          "optional/oasis_csaf_tc-csaf_2_0-2021-6-2-08-02.json", Set.of("6.1.25"),
          "optional/oasis_csaf_tc-csaf_2_0-2021-6-2-09-02.json", Set.of("6.1.25"));

  private record Tally(int failRejected, int failTotal, int passAccepted, int passTotal) {
    Tally add(boolean mustFail, boolean ok) {
      return mustFail
          ? new Tally(failRejected + (ok ? 1 : 0), failTotal + 1, passAccepted, passTotal)
          : new Tally(failRejected, failTotal, passAccepted + (ok ? 1 : 0), passTotal + 1);
    }
  }

  private static final Map<String, Tally> TALLY = new ConcurrentHashMap<>();

  static Stream<Arguments> cases() throws IOException {
    Path suite = TestData.resolve(SUITE);
    JsonNode testcases = MAPPER.readTree(suite.resolve("testcases.json").toFile());
    List<Arguments> cases = new ArrayList<>();
    for (JsonNode test : testcases.get("tests")) {
      String id = test.get("id").asText();
      String group = test.get("group").asText();
      for (JsonNode failure : test.path("failures")) {
        cases.add(Arguments.of(id, group, failure.get("name").asText(), true));
      }
      for (JsonNode valid : test.path("valid")) {
        cases.add(Arguments.of(id, group, valid.get("name").asText(), false));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {2} mustFail={3}")
  @MethodSource("cases")
  void suiteDocument(String testId, String group, String name, boolean mustFail) throws IOException {
    CsafValidation validation;
    try (InputStream in = Files.newInputStream(TestData.resolve(SUITE).resolve(name))) {
      validation = CsafValidator.validate(in);
    }
    boolean mandatory = group.equals("mandatory");
    Set<String> failedTests = new TreeSet<>();
    validation.findings().forEach(finding -> failedTests.add(finding.testId()));
    Set<String> expectedIncidental = mustFail ? INCIDENTAL.getOrDefault(name, Set.of()) : Set.of();
    boolean ok = mandatory && mustFail ? failedTests.contains(testId) : failedTests.equals(expectedIncidental);
    TALLY.merge(testId, new Tally(0, 0, 0, 0).add(mustFail, ok), (a, b) -> new Tally(
        a.failRejected + b.failRejected, a.failTotal + b.failTotal, a.passAccepted + b.passAccepted, a.passTotal + b.passTotal));
    if (mandatory && mustFail) {
      assertThat(validation.findings())
          .as("%s must be rejected by test %s", name, testId)
          .extracting(CsafFinding::testId)
          .contains(testId);
    } else if (!expectedIncidental.isEmpty()) {
      assertThat(failedTests).as("%s breaks exactly these mandatory tests", name).isEqualTo(expectedIncidental);
    } else {
      assertThat(validation.findings()).as("%s must be valid under the schema and §6.1", name).isEmpty();
    }
  }

  @AfterAll
  static void summary() {
    Map<String, Tally> ordered = new TreeMap<>(MandatoryTests.ORDER);
    ordered.putAll(TALLY);
    int failRejected = 0;
    int failTotal = 0;
    int passAccepted = 0;
    int passTotal = 0;
    System.out.println("CSAF 2.0 validator suite, per test id (must-fail rejected with the id / must-pass accepted):");
    for (Map.Entry<String, Tally> entry : ordered.entrySet()) {
      Tally tally = entry.getValue();
      boolean mandatory = entry.getKey().startsWith("6.1.");
      System.out.printf(
          "  %-10s must-fail %d/%d %s, must-pass %d/%d accepted%n",
          entry.getKey(),
          tally.failRejected,
          tally.failTotal,
          mandatory ? "rejected with this id" : "as expected under §6.1 (own id skipped)",
          tally.passAccepted,
          tally.passTotal);
      if (mandatory) {
        failRejected += tally.failRejected;
        failTotal += tally.failTotal;
      }
      passAccepted += tally.passAccepted;
      passTotal += tally.passTotal;
    }
    System.out.printf(
        "  total: mandatory must-fail %d/%d rejected with the right id; must-pass %d/%d accepted%n",
        failRejected, failTotal, passAccepted, passTotal);
  }
}
