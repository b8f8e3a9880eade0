package org.accord.advisory;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The outcome of validating one CSAF document: every finding, in test order, and what could not be
 * checked. The document is valid when no finding is {@linkplain CsafFinding.Level#MANDATORY
 * mandatory}; optional and informative findings (which only {@link CsafValidator.Extent#EXTENDED} and
 * {@link CsafValidator.Extent#FULL} runs produce) are warnings and information that never make it
 * invalid.
 *
 * <p>Immutable and thread-safe.
 *
 * @param findings the failed checks, ordered by test (schema first, then 6.1.1, 6.1.2, …, 6.2.1, …,
 *     6.3.11) and then by path; never null
 * @param unchecked checks a test could not make in this run (a URL not resolved offline, a spell check
 *     without a document language), in test order; never null, empty for a basic run
 */
public record CsafValidation(List<CsafFinding> findings, List<Unchecked> unchecked) {
  public CsafValidation {
    findings = List.copyOf(findings);
    unchecked = List.copyOf(unchecked);
  }

  /** A validation with findings only, nothing left unchecked. */
  public CsafValidation(List<CsafFinding> findings) {
    this(findings, List.of());
  }

  /**
   * Something a test could not decide, and why; not a finding.
   *
   * @param testId the test, such as {@code 6.3.6}; never null
   * @param jsonPath what was not checked; never null
   * @param reason why, such as {@code not resolved: URLs are resolved only with --resolve-urls}; never
   *     null
   */
  public record Unchecked(String testId, String jsonPath, String reason) {
    public Unchecked {
      Objects.requireNonNull(testId, "testId");
      Objects.requireNonNull(jsonPath, "jsonPath");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * Whether the document passed the schema and every mandatory test (§6.1), that is, no finding is
   * mandatory. Optional and informative findings do not count.
   */
  public boolean valid() {
    return findings.stream().noneMatch(finding -> finding.level() == CsafFinding.Level.MANDATORY);
  }

  /** The findings of one level, in test order. */
  public List<CsafFinding> findings(CsafFinding.Level level) {
    Objects.requireNonNull(level, "level");
    return findings.stream().filter(finding -> finding.level() == level).toList();
  }

  /** How many findings each failed test produced, by test id in natural order. */
  public Map<String, Integer> countsByTest() {
    Map<String, Integer> counts = new TreeMap<>(MandatoryTests.ORDER);
    for (CsafFinding finding : findings) {
      counts.merge(finding.testId(), 1, Integer::sum);
    }
    return counts;
  }
}
