package org.accord.advisory;

import java.util.Locale;
import java.util.Objects;

/**
 * One failed check in a CSAF document: which test failed, at which level, where, and why.
 *
 * <p>{@code testId} is the number of the CSAF 2.0 test that failed, such as {@code 6.1.1} or {@code
 * 6.1.27.9} (section 6.1, mandatory tests), {@code 6.2.13} (section 6.2, optional tests) or {@code
 * 6.3.8} (section 6.3, informative tests), or {@link #SCHEMA} when the document breaks the CSAF JSON
 * schema itself. Schema problems inside a CVSS object are reported as {@code 6.1.8} (Invalid CVSS),
 * the test that owns them.
 *
 * <p>Immutable and thread-safe.
 *
 * @param testId the failed test; never null
 * @param jsonPath where in the document, as a JSONPath such as {@code
 *     $.product_tree.branches[0].name}; never null ({@code $} for the whole document)
 * @param message what is wrong, naming the offending value where that helps; never null
 * @param level how much the failure weighs: only {@link Level#MANDATORY} findings make a document
 *     invalid; never null
 */
public record CsafFinding(String testId, String jsonPath, String message, Level level) {
  /** The test id of a violation of the CSAF JSON schema. */
  public static final String SCHEMA = "schema";

  /**
   * The three kinds of test CSAF 2.0 §6 defines. A program must handle a failed mandatory test as an
   * error, a failed optional test as a warning and a failed informative test as information.
   */
  public enum Level {
    /** The JSON schema and §6.1: a finding makes the document invalid. */
    MANDATORY,
    /** §6.2: "SHOULD NOT fail at a valid CSAF document without a good reason"; a warning. */
    OPTIONAL,
    /** §6.3: common mistakes and bad practices that "MAY fail at a valid CSAF document". */
    INFORMATIVE;

    /** The level of a test id: {@code 6.2.x} optional, {@code 6.3.x} informative, anything else mandatory. */
    public static Level of(String testId) {
      if (testId.startsWith("6.2.")) {
        return OPTIONAL;
      }
      return testId.startsWith("6.3.") ? INFORMATIVE : MANDATORY;
    }

    /** The level in lower case, as printed and in JSON: {@code mandatory}, {@code optional}, {@code informative}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public CsafFinding {
    Objects.requireNonNull(testId, "testId");
    Objects.requireNonNull(jsonPath, "jsonPath");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(level, "level");
  }

  /** A finding whose level follows from its test id (see {@link Level#of(String)}). */
  public CsafFinding(String testId, String jsonPath, String message) {
    this(testId, jsonPath, message, Level.of(testId));
  }
}
