package org.accord.triage;

import org.accord.InvalidInputException;

/**
 * Parses CVSS vectors and scores them: CVSS 3.0, 3.1 and 4.0.
 *
 * <p>Scores match the FIRST specifications and their reference calculators on every vector of the
 * Red Hat and FIRST conformance suites (see {@code docs/adr/0030-own-cvss-calculator.md} for why this
 * is not a library).
 *
 * <p>Stateless and thread-safe.
 */
public final class Cvss {
  private Cvss() {}

  /**
   * Parses and scores a vector such as {@code CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H}.
   * Surrounding whitespace is ignored; metrics may come in any order.
   *
   * @param vector the vector string; not null
   * @return the score; never null
   * @throws InvalidInputException when the prefix or version is unknown, or a metric is missing,
   *     duplicated, unknown or has an unknown value; the location names the metric
   */
  public static CvssScore parse(String vector) {
    CvssVector parsed = CvssVector.parse(vector);
    return switch (parsed.version()) {
      case "4.0" -> Cvss4Calculator.score(parsed);
      default -> Cvss3Calculator.score(parsed);
    };
  }
}
