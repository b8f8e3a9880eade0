package org.accord.advisory;

import java.util.Objects;

/**
 * One severity an advisory states, as OSV writes it: a type such as {@code CVSS_V3}, {@code CVSS_V4},
 * {@code CVSS_V2} or {@code Ubuntu}, and the score in that type's notation (a vector for CVSS).
 * Immutable; nothing is null.
 *
 * @param type the OSV severity type
 * @param score the vector or rating
 */
public record SeverityScore(String type, String score) {
  public SeverityScore {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(score, "score");
  }

  /** Whether this is a CVSS 3.x or 4.0 vector, which triage can score. */
  public boolean scoredByTriage() {
    return type.equals("CVSS_V3") || type.equals("CVSS_V4");
  }
}
