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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the OASIS CSAF 2.0 validator test suite ({@code csaf/csaf_2.0/test/validator/data/testcases.json}):
 * every document of every test, mandatory, optional and informative, through a full validation
 * ({@link CsafValidator.Extent#FULL}) that resolves no URLs ({@link UrlResolver#offline()}).
 *
 * <ul>
 *   <li>Every must-fail document is flagged with its test id, at the test's level (mandatory for
 *       §6.1, optional for §6.2, informative for §6.3).
 *   <li>Every must-pass document has no finding of its test id.
 *   <li>Every document of the optional and informative groups is valid (no schema or §6.1 finding),
 *       except the two listed in {@link #INCIDENTAL}, which also break exactly that mandatory test;
 *       every must-pass document of the mandatory group is valid.
 *   <li>{@link #SKIPPED} lists the cases whose own test id cannot be decided offline, with the reason.
 *       They are still validated, and must come out as expected offline (valid under §6.1, their URL
 *       reported unchecked); the HTTP side is tested in {@code org.accord.cli.HttpUrlResolverTest}.
 * </ul>
 *
 * <p>After the run, one summary line per test id is printed: must-fail flagged / total, must-pass
 * clean / total, skipped, and how many must-pass documents passed only because a URL was left
 * unchecked offline.
 */
class CsafConformanceTest {
  private static final String SUITE = "csaf/csaf_2.0/test/validator/data";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * Optional-test documents that, besides the optional test they are written for, break a mandatory
   * one: two MD5 (or two SHA-1) hashes of the same file in one {@code file_hashes} list are also
   * §6.1.25 Multiple Use of Same Hash Algorithm.
   */
  static final Map<String, Set<String>> INCIDENTAL =
      Map.of(
          "optional/oasis_csaf_tc-csaf_2_0-2021-6-2-08-02.json", Set.of("6.1.25"),
          "optional/oasis_csaf_tc-csaf_2_0-2021-6-2-09-02.json", Set.of("6.1.25"));

  /**
   * Cases whose own test id is not checked here, with the reason. The document is still validated and
   * its other expectations checked.
   */
  static final Map<String, String> SKIPPED =
      Map.of(
          "informative/oasis_csaf_tc-csaf_2_0-2021-6-3-06-02.json",
          "needs the network: §6.3.6 must fail because https://github.com/oasis-tcs/csaf/not-available answers "
              + "HTTP 404, which only a request can tell; offline the URL is reported unchecked (run `accord "
              + "advisory validate --resolve-urls` or HttpUrlResolverTest with ACCORD_TEST_NETWORK=1)");

  private record Tally(int failFlagged, int failTotal, int passClean, int passTotal, int skipped, int passUnchecked) {
    static final Tally EMPTY = new Tally(0, 0, 0, 0, 0, 0);

    Tally plus(Tally other) {
      return new Tally(
          failFlagged + other.failFlagged,
          failTotal + other.failTotal,
          passClean + other.passClean,
          passTotal + other.passTotal,
          skipped + other.skipped,
          passUnchecked + other.passUnchecked);
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

  private static CsafFinding.Level level(String group) {
    return switch (group) {
      case "mandatory" -> CsafFinding.Level.MANDATORY;
      case "optional" -> CsafFinding.Level.OPTIONAL;
      case "informative" -> CsafFinding.Level.INFORMATIVE;
      default -> throw new IllegalArgumentException("unknown test group " + group);
    };
  }

  @ParameterizedTest(name = "{0} {2} mustFail={3}")
  @MethodSource("cases")
  void suiteDocument(String testId, String group, String name, boolean mustFail) throws IOException {
    CsafValidation validation;
    try (InputStream in = Files.newInputStream(TestData.resolve(SUITE).resolve(name))) {
      validation = CsafValidator.validate(in, CsafValidator.Options.of(CsafValidator.Extent.FULL));
    }
    CsafFinding.Level level = level(group);
    assertThat(CsafFinding.Level.of(testId)).as("level of %s", testId).isEqualTo(level);

    // Validity under the schema and §6.1.
    Set<String> mandatoryFailures = new TreeSet<>();
    validation.findings(CsafFinding.Level.MANDATORY).forEach(finding -> mandatoryFailures.add(finding.testId()));
    if (level == CsafFinding.Level.MANDATORY) {
      if (!mustFail) {
        assertThat(validation.findings(CsafFinding.Level.MANDATORY)).as("%s must be valid", name).isEmpty();
      }
    } else {
      assertThat(mandatoryFailures)
          .as("%s breaks no mandatory test but those listed in INCIDENTAL", name)
          .isEqualTo(mustFail ? INCIDENTAL.getOrDefault(name, Set.of()) : Set.of());
    }

    List<CsafFinding> own = validation.findings().stream().filter(f -> f.testId().equals(testId)).toList();
    boolean unchecked = validation.unchecked().stream().anyMatch(u -> u.testId().equals(testId));
    String skipReason = SKIPPED.get(name);
    if (skipReason != null) {
      assertThat(own).as("%s: %s is undecidable offline", name, testId).isEmpty();
      assertThat(unchecked).as("%s: the URL is reported unchecked", name).isTrue();
      TALLY.merge(testId, new Tally(0, 0, 0, 0, 1, 0), Tally::plus);
      Assumptions.abort(skipReason);
    }
    if (mustFail) {
      TALLY.merge(testId, new Tally(own.isEmpty() ? 0 : 1, 1, 0, 0, 0, 0), Tally::plus);
      assertThat(own).as("%s must be flagged by test %s", name, testId).isNotEmpty();
      assertThat(own).extracting(CsafFinding::level).as("level of the %s findings", testId).containsOnly(level);
    } else {
      TALLY.merge(testId, new Tally(0, 0, own.isEmpty() ? 1 : 0, 1, 0, unchecked ? 1 : 0), Tally::plus);
      assertThat(own).as("%s must have no finding of test %s", name, testId).isEmpty();
    }
  }

  /** Where the table per test id goes; the README's conformance table is read from it. */
  private static final Path REPORT = Path.of("target", "conformance", "csaf-validator-suite.txt");

  /** One console line with the totals per level, and the table per test id in {@link #REPORT}. */
  @AfterAll
  static void summary() throws IOException {
    if (TALLY.isEmpty()) {
      return; // nothing ran: without the test data, MissingTestDataSummary says so
    }
    Map<String, Tally> ordered = new TreeMap<>(MandatoryTests.ORDER);
    ordered.putAll(TALLY);
    Map<CsafFinding.Level, Tally> byLevel = new TreeMap<>();
    StringBuilder table = new StringBuilder(
        "CSAF 2.0 validator suite, full validation offline, per test id "
            + "(must-fail flagged with the id / must-pass without a finding of the id):\n");
    for (Map.Entry<String, Tally> entry : ordered.entrySet()) {
      Tally tally = entry.getValue();
      CsafFinding.Level level = CsafFinding.Level.of(entry.getKey());
      byLevel.merge(level, tally, Tally::plus);
      table.append(String.format(
          "  %-9s %-11s must-fail %d/%d, must-pass %d/%d%s%s%n",
          entry.getKey(),
          level.label(),
          tally.failFlagged,
          tally.failTotal,
          tally.passClean,
          tally.passTotal,
          tally.skipped == 0 ? "" : ", skipped " + tally.skipped,
          tally.passUnchecked == 0 ? "" : " (" + tally.passUnchecked + " must-pass with the URL unchecked offline)"));
    }
    List<String> totals = new ArrayList<>();
    byLevel.forEach((level, tally) -> {
      table.append(String.format(
          "  total %-11s must-fail %d/%d flagged, must-pass %d/%d clean, skipped %d%n",
          level.label(), tally.failFlagged, tally.failTotal, tally.passClean, tally.passTotal, tally.skipped));
      totals.add(String.format("%s %d/%d, %d/%d%s", level.label(), tally.failFlagged, tally.failTotal,
          tally.passClean, tally.passTotal, tally.skipped == 0 ? "" : " (" + tally.skipped + " skipped)"));
    });
    Files.createDirectories(REPORT.getParent());
    Files.writeString(REPORT, table);
    System.out.println("CSAF 2.0 validator suite (must-fail flagged, must-pass clean): " + String.join("; ", totals)
        + "; per test id in " + REPORT);
  }
}
