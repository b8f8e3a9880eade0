package org.accord.advisory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed CVSS v2.0, v3.0 or v3.1 vector: its version and the value code of each metric it sets, such
 * as {@code AV -> N}. Metrics the vector omits take their "not defined" value ({@code ND} in v2,
 * {@code X} in v3); a base metric cannot be omitted.
 *
 * <p>The metric tables also carry the names the FIRST CVSS JSON schemas give each metric and value
 * (such as {@code attackVector: NETWORK}), which CSAF 2.0 §6.1.10 compares with the vector.
 *
 * @param version {@code 2.0}, {@code 3.0} or {@code 3.1}
 * @param values metric abbreviation to value code, in vector order
 */
record CvssVector(String version, Map<String, String> values) {

  /** One metric: its abbreviation, JSON property, whether it is a base metric, and its value names. */
  record Metric(String key, String property, boolean base, Map<String, String> names) {}

  static final List<Metric> V2 =
      List.of(
          new Metric("AV", "accessVector", true, Map.of("L", "LOCAL", "A", "ADJACENT_NETWORK", "N", "NETWORK")),
          new Metric("AC", "accessComplexity", true, Map.of("H", "HIGH", "M", "MEDIUM", "L", "LOW")),
          new Metric("Au", "authentication", true, Map.of("M", "MULTIPLE", "S", "SINGLE", "N", "NONE")),
          new Metric("C", "confidentialityImpact", true, Map.of("N", "NONE", "P", "PARTIAL", "C", "COMPLETE")),
          new Metric("I", "integrityImpact", true, Map.of("N", "NONE", "P", "PARTIAL", "C", "COMPLETE")),
          new Metric("A", "availabilityImpact", true, Map.of("N", "NONE", "P", "PARTIAL", "C", "COMPLETE")),
          new Metric(
              "E",
              "exploitability",
              false,
              Map.of("U", "UNPROVEN", "POC", "PROOF_OF_CONCEPT", "F", "FUNCTIONAL", "H", "HIGH", "ND", "NOT_DEFINED")),
          new Metric(
              "RL",
              "remediationLevel",
              false,
              Map.of(
                  "OF", "OFFICIAL_FIX", "TF", "TEMPORARY_FIX", "W", "WORKAROUND", "U", "UNAVAILABLE", "ND", "NOT_DEFINED")),
          new Metric(
              "RC",
              "reportConfidence",
              false,
              Map.of("UC", "UNCONFIRMED", "UR", "UNCORROBORATED", "C", "CONFIRMED", "ND", "NOT_DEFINED")),
          new Metric(
              "CDP",
              "collateralDamagePotential",
              false,
              Map.of(
                  "N", "NONE", "L", "LOW", "LM", "LOW_MEDIUM", "MH", "MEDIUM_HIGH", "H", "HIGH", "ND", "NOT_DEFINED")),
          new Metric(
              "TD",
              "targetDistribution",
              false,
              Map.of("N", "NONE", "L", "LOW", "M", "MEDIUM", "H", "HIGH", "ND", "NOT_DEFINED")),
          requirement("CR", "confidentialityRequirement", "ND"),
          requirement("IR", "integrityRequirement", "ND"),
          requirement("AR", "availabilityRequirement", "ND"));

  static final List<Metric> V3 =
      List.of(
          new Metric(
              "AV", "attackVector", true, Map.of("N", "NETWORK", "A", "ADJACENT_NETWORK", "L", "LOCAL", "P", "PHYSICAL")),
          new Metric("AC", "attackComplexity", true, Map.of("L", "LOW", "H", "HIGH")),
          new Metric("PR", "privilegesRequired", true, Map.of("N", "NONE", "L", "LOW", "H", "HIGH")),
          new Metric("UI", "userInteraction", true, Map.of("N", "NONE", "R", "REQUIRED")),
          new Metric("S", "scope", true, Map.of("U", "UNCHANGED", "C", "CHANGED")),
          new Metric("C", "confidentialityImpact", true, Map.of("N", "NONE", "L", "LOW", "H", "HIGH")),
          new Metric("I", "integrityImpact", true, Map.of("N", "NONE", "L", "LOW", "H", "HIGH")),
          new Metric("A", "availabilityImpact", true, Map.of("N", "NONE", "L", "LOW", "H", "HIGH")),
          new Metric(
              "E",
              "exploitCodeMaturity",
              false,
              Map.of("X", "NOT_DEFINED", "U", "UNPROVEN", "P", "PROOF_OF_CONCEPT", "F", "FUNCTIONAL", "H", "HIGH")),
          new Metric(
              "RL",
              "remediationLevel",
              false,
              Map.of(
                  "X", "NOT_DEFINED", "O", "OFFICIAL_FIX", "T", "TEMPORARY_FIX", "W", "WORKAROUND", "U", "UNAVAILABLE")),
          new Metric(
              "RC",
              "reportConfidence",
              false,
              Map.of("X", "NOT_DEFINED", "U", "UNKNOWN", "R", "REASONABLE", "C", "CONFIRMED")),
          requirement("CR", "confidentialityRequirement", "X"),
          requirement("IR", "integrityRequirement", "X"),
          requirement("AR", "availabilityRequirement", "X"),
          new Metric(
              "MAV",
              "modifiedAttackVector",
              false,
              Map.of("X", "NOT_DEFINED", "N", "NETWORK", "A", "ADJACENT_NETWORK", "L", "LOCAL", "P", "PHYSICAL")),
          new Metric("MAC", "modifiedAttackComplexity", false, Map.of("X", "NOT_DEFINED", "L", "LOW", "H", "HIGH")),
          new Metric(
              "MPR", "modifiedPrivilegesRequired", false, Map.of("X", "NOT_DEFINED", "N", "NONE", "L", "LOW", "H", "HIGH")),
          new Metric("MUI", "modifiedUserInteraction", false, Map.of("X", "NOT_DEFINED", "N", "NONE", "R", "REQUIRED")),
          new Metric("MS", "modifiedScope", false, Map.of("X", "NOT_DEFINED", "U", "UNCHANGED", "C", "CHANGED")),
          modifiedImpact("MC", "modifiedConfidentialityImpact"),
          modifiedImpact("MI", "modifiedIntegrityImpact"),
          modifiedImpact("MA", "modifiedAvailabilityImpact"));

  private static Metric requirement(String key, String property, String notDefined) {
    return new Metric(key, property, false, Map.of(notDefined, "NOT_DEFINED", "L", "LOW", "M", "MEDIUM", "H", "HIGH"));
  }

  private static Metric modifiedImpact(String key, String property) {
    return new Metric(key, property, false, Map.of("X", "NOT_DEFINED", "N", "NONE", "L", "LOW", "H", "HIGH"));
  }

  CvssVector {
    Objects.requireNonNull(version, "version");
    values = Map.copyOf(values);
  }

  /**
   * Parses a vector string.
   *
   * @param vectorString such as {@code CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H} or, for v2, {@code
   *     AV:N/AC:L/Au:N/C:C/I:C/A:C}
   * @throws IllegalArgumentException naming the first problem: an unknown prefix, metric or value, a
   *     metric given twice, or a missing base metric
   */
  static CvssVector parse(String vectorString) {
    String version;
    String body;
    if (vectorString.startsWith("CVSS:3.0/") || vectorString.startsWith("CVSS:3.1/")) {
      version = vectorString.substring(5, 8);
      body = vectorString.substring(9);
    } else if (vectorString.startsWith("CVSS:")) {
      throw new IllegalArgumentException("unsupported CVSS version in '" + vectorString + "'");
    } else {
      version = "2.0";
      body = vectorString.startsWith("(") && vectorString.endsWith(")")
          ? vectorString.substring(1, vectorString.length() - 1)
          : vectorString;
    }
    List<Metric> metrics = metrics(version);
    Map<String, String> values = new LinkedHashMap<>();
    for (String part : body.split("/", -1)) {
      int colon = part.indexOf(':');
      String key = colon < 0 ? part : part.substring(0, colon);
      Metric metric = metric(metrics, key);
      if (colon < 0 || metric == null) {
        throw new IllegalArgumentException("'" + part + "' is not a CVSS " + version + " metric");
      }
      String value = part.substring(colon + 1);
      if (!metric.names().containsKey(value)) {
        throw new IllegalArgumentException("'" + value + "' is not a value of CVSS " + version + " metric " + key);
      }
      if (values.put(key, value) != null) {
        throw new IllegalArgumentException("metric " + key + " is given twice");
      }
    }
    for (Metric metric : metrics) {
      if (metric.base() && !values.containsKey(metric.key())) {
        throw new IllegalArgumentException("base metric " + metric.key() + " is missing");
      }
    }
    return new CvssVector(version, values);
  }

  static List<Metric> metrics(String version) {
    return version.equals("2.0") ? V2 : V3;
  }

  private static Metric metric(List<Metric> metrics, String key) {
    for (Metric metric : metrics) {
      if (metric.key().equals(key)) {
        return metric;
      }
    }
    return null;
  }

  boolean isV2() {
    return version.equals("2.0");
  }

  /** The value code of a metric, or its "not defined" code when the vector omits it. */
  String get(String key) {
    String value = values.get(key);
    return value != null ? value : isV2() ? "ND" : "X";
  }
}
