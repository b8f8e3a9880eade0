package org.accord.triage;

import java.util.Objects;

/**
 * The score of one CVSS vector.
 *
 * <p>For CVSS 4.0 the score is the one number the specification defines for the metrics present
 * (CVSS-B, -BT, -BE or -BTE). For CVSS 3.x it is the most refined score the vector supports: the
 * environmental score when any environmental metric is defined (not {@code X}), else the temporal
 * score when any temporal metric is defined, else the base score.
 *
 * <p>Immutable and thread-safe; no component is null.
 *
 * @param version {@code "3.0"}, {@code "3.1"} or {@code "4.0"}
 * @param score the score, 0.0 to 10.0 with one decimal
 * @param severity the qualitative rating of {@code score}
 * @param vector the vector in canonical form: the metrics in specification order, metrics set to
 *     {@code X} (not defined) left out
 */
public record CvssScore(String version, double score, Severity severity, String vector) {

  public CvssScore {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(vector, "vector");
  }
}
