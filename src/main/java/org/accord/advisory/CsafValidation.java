package org.accord.advisory;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of validating one CSAF document: every finding, in test order. The document is valid
 * when there are none.
 *
 * <p>Immutable and thread-safe.
 *
 * @param findings the failed checks, ordered by test (schema first, then 6.1.1, 6.1.2, …) and then by
 *     path; never null
 */
public record CsafValidation(List<CsafFinding> findings) {
  public CsafValidation {
    findings = List.copyOf(findings);
  }

  /** Whether the document passed the schema and every mandatory test, that is, nothing was found. */
  public boolean valid() {
    return findings.isEmpty();
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
