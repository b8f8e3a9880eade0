package org.accord.advisory;

import java.util.Objects;

/**
 * One failed check in a CSAF document: which test failed, where, and why.
 *
 * <p>{@code testId} is the number of the CSAF 2.0 test that failed, such as {@code 6.1.1} or {@code
 * 6.1.27.9} (section 6.1, mandatory tests), or {@link #SCHEMA} when the document breaks the CSAF JSON
 * schema itself. Schema problems inside a CVSS object are reported as {@code 6.1.8} (Invalid CVSS),
 * the test that owns them.
 *
 * <p>Immutable and thread-safe.
 *
 * @param testId the failed test; never null
 * @param jsonPath where in the document, as a JSONPath such as {@code
 *     $.product_tree.branches[0].name}; never null ({@code $} for the whole document)
 * @param message what is wrong, naming the offending value where that helps; never null
 */
public record CsafFinding(String testId, String jsonPath, String message) {
  /** The test id of a violation of the CSAF JSON schema. */
  public static final String SCHEMA = "schema";

  public CsafFinding {
    Objects.requireNonNull(testId, "testId");
    Objects.requireNonNull(jsonPath, "jsonPath");
    Objects.requireNonNull(message, "message");
  }
}
