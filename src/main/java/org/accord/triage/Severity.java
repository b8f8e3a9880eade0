package org.accord.triage;

/**
 * The CVSS qualitative severity rating scale, the same for CVSS 3.0, 3.1 and 4.0: None 0.0, Low
 * 0.1-3.9, Medium 4.0-6.9, High 7.0-8.9, Critical 9.0-10.0 (CVSS v3.1 specification section 5, CVSS
 * v4.0 specification section 6).
 *
 * <p>Immutable and thread-safe.
 */
public enum Severity {
  NONE("None"),
  LOW("Low"),
  MEDIUM("Medium"),
  HIGH("High"),
  CRITICAL("Critical");

  private final String label;

  Severity(String label) {
    this.label = label;
  }

  /** The rating as the specifications spell it, such as {@code "Critical"}. */
  public String label() {
    return label;
  }

  /**
   * The rating of a score rounded to one decimal.
   *
   * @throws IllegalArgumentException if the score is outside 0.0-10.0 or not a number
   */
  public static Severity of(double score) {
    if (!(score >= 0.0 && score <= 10.0)) {
      throw new IllegalArgumentException("CVSS score out of range: " + score);
    }
    if (score == 0.0) {
      return NONE;
    }
    if (score < 4.0) {
      return LOW;
    }
    if (score < 7.0) {
      return MEDIUM;
    }
    if (score < 9.0) {
      return HIGH;
    }
    return CRITICAL;
  }
}
