package org.accord.triage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.accord.InvalidInputException;

/**
 * A syntactically valid CVSS 3.0, 3.1 or 4.0 vector: its version and its metrics, each checked against
 * the values the specification allows.
 *
 * <p>Immutable and thread-safe.
 */
final class CvssVector {

  /*
   * How: the vector is "CVSS:<version>/" followed by NAME:VALUE segments separated by "/". Each version
   * has a table of metric names, in specification order, with their allowed values; the base metrics
   * are mandatory, the others default to X ("not defined"). A metric may appear once. We accept metrics
   * in any order (CVSS 3.1 allows it; CVSS 4.0 asks for the listed order, but every calculator we know
   * of, the reference ones included, accepts any order), and we print vectors back in specification
   * order without the X metrics.
   *
   * [1] FIRST, CVSS v3.1 Specification, section 6 "Vector String", Table 15.
   * [2] FIRST, CVSS v3.0 Specification, section 6.
   * [3] FIRST, CVSS v4.0 Specification, section 7 "Vector String", Table 23.
   */

  private static final Map<String, List<String>> V3 = new LinkedHashMap<>();
  private static final List<String> V3_MANDATORY = List.of("AV", "AC", "PR", "UI", "S", "C", "I", "A");
  private static final Map<String, List<String>> V4 = new LinkedHashMap<>();
  private static final List<String> V4_MANDATORY =
      List.of("AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA");

  /** The CVSS 3.x temporal metrics. */
  static final List<String> V3_TEMPORAL = List.of("E", "RL", "RC");
  /** The CVSS 3.x environmental metrics. */
  static final List<String> V3_ENVIRONMENTAL =
      List.of("CR", "IR", "AR", "MAV", "MAC", "MPR", "MUI", "MS", "MC", "MI", "MA");

  static {
    V3.put("AV", List.of("N", "A", "L", "P"));
    V3.put("AC", List.of("L", "H"));
    V3.put("PR", List.of("N", "L", "H"));
    V3.put("UI", List.of("N", "R"));
    V3.put("S", List.of("U", "C"));
    V3.put("C", List.of("H", "L", "N"));
    V3.put("I", List.of("H", "L", "N"));
    V3.put("A", List.of("H", "L", "N"));
    V3.put("E", List.of("X", "H", "F", "P", "U"));
    V3.put("RL", List.of("X", "U", "W", "T", "O"));
    V3.put("RC", List.of("X", "C", "R", "U"));
    V3.put("CR", List.of("X", "H", "M", "L"));
    V3.put("IR", List.of("X", "H", "M", "L"));
    V3.put("AR", List.of("X", "H", "M", "L"));
    V3.put("MAV", List.of("X", "N", "A", "L", "P"));
    V3.put("MAC", List.of("X", "L", "H"));
    V3.put("MPR", List.of("X", "N", "L", "H"));
    V3.put("MUI", List.of("X", "N", "R"));
    V3.put("MS", List.of("X", "U", "C"));
    V3.put("MC", List.of("X", "H", "L", "N"));
    V3.put("MI", List.of("X", "H", "L", "N"));
    V3.put("MA", List.of("X", "H", "L", "N"));

    V4.put("AV", List.of("N", "A", "L", "P"));
    V4.put("AC", List.of("L", "H"));
    V4.put("AT", List.of("N", "P"));
    V4.put("PR", List.of("N", "L", "H"));
    V4.put("UI", List.of("N", "P", "A"));
    V4.put("VC", List.of("H", "L", "N"));
    V4.put("VI", List.of("H", "L", "N"));
    V4.put("VA", List.of("H", "L", "N"));
    V4.put("SC", List.of("H", "L", "N"));
    V4.put("SI", List.of("H", "L", "N"));
    V4.put("SA", List.of("H", "L", "N"));
    V4.put("E", List.of("X", "A", "P", "U"));
    V4.put("CR", List.of("X", "H", "M", "L"));
    V4.put("IR", List.of("X", "H", "M", "L"));
    V4.put("AR", List.of("X", "H", "M", "L"));
    V4.put("MAV", List.of("X", "N", "A", "L", "P"));
    V4.put("MAC", List.of("X", "L", "H"));
    V4.put("MAT", List.of("X", "N", "P"));
    V4.put("MPR", List.of("X", "N", "L", "H"));
    V4.put("MUI", List.of("X", "N", "P", "A"));
    V4.put("MVC", List.of("X", "H", "L", "N"));
    V4.put("MVI", List.of("X", "H", "L", "N"));
    V4.put("MVA", List.of("X", "H", "L", "N"));
    V4.put("MSC", List.of("X", "H", "L", "N"));
    V4.put("MSI", List.of("X", "S", "H", "L", "N"));
    V4.put("MSA", List.of("X", "S", "H", "L", "N"));
    V4.put("S", List.of("X", "N", "P"));
    V4.put("AU", List.of("X", "N", "Y"));
    V4.put("R", List.of("X", "A", "U", "I"));
    V4.put("V", List.of("X", "D", "C"));
    V4.put("RE", List.of("X", "L", "M", "H"));
    V4.put("U", List.of("X", "Clear", "Green", "Amber", "Red"));
  }

  private static final int MAX_LENGTH = 512;

  private final String version;
  private final Map<String, String> metrics;

  private CvssVector(String version, Map<String, String> metrics) {
    this.version = version;
    this.metrics = metrics;
  }

  /** {@code "3.0"}, {@code "3.1"} or {@code "4.0"}. */
  String version() {
    return version;
  }

  /** The value of a metric as written, or {@code "X"} when the vector leaves it out. */
  String get(String metric) {
    return metrics.getOrDefault(metric, "X");
  }

  /** Whether any of the metrics is present with a value other than X. */
  boolean anyDefined(List<String> names) {
    for (String name : names) {
      if (!get(name).equals("X")) {
        return true;
      }
    }
    return false;
  }

  /** The vector in specification order without X metrics. */
  String canonical() {
    StringBuilder out = new StringBuilder("CVSS:").append(version);
    for (String name : definitions(version).keySet()) {
      String value = get(name);
      if (!value.equals("X")) {
        out.append('/').append(name).append(':').append(value);
      }
    }
    return out.toString();
  }

  /**
   * Parses a vector string.
   *
   * @throws InvalidInputException naming the metric (or the position of a malformed segment)
   */
  static CvssVector parse(String input) {
    Objects.requireNonNull(input, "vector");
    String text = input.strip();
    if (text.isEmpty()) {
      throw new InvalidInputException("the CVSS vector is empty", "CVSS vector");
    }
    if (text.length() > MAX_LENGTH) {
      throw new InvalidInputException(
          "the CVSS vector is " + text.length() + " characters long; at most " + MAX_LENGTH + " are allowed",
          "CVSS vector");
    }
    if (!text.startsWith("CVSS:")) {
      throw new InvalidInputException(
          "a CVSS vector must start with CVSS:3.0/, CVSS:3.1/ or CVSS:4.0/ (CVSS v2 is not supported)",
          "CVSS vector prefix");
    }
    int slash = text.indexOf('/');
    String version = slash < 0 ? text.substring(5) : text.substring(5, slash);
    Map<String, List<String>> definitions = definitions(version);
    if (definitions == null) {
      throw new InvalidInputException(
          "unsupported CVSS version '" + version + "' (supported: 3.0, 3.1, 4.0)", "CVSS vector prefix");
    }
    if (slash < 0 || slash == text.length() - 1) {
      throw new InvalidInputException(
          "the CVSS " + version + " vector has no metrics; it lacks " + String.join(", ", mandatory(version)),
          "metrics " + String.join(", ", mandatory(version)));
    }
    String[] segments = text.substring(slash + 1).split("/", -1);
    Map<String, String> found = new LinkedHashMap<>();
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      String position = "metric #" + (i + 1);
      if (segment.isEmpty()) {
        throw new InvalidInputException(
            "empty metric in the CVSS " + version + " vector (a doubled or trailing '/')", position);
      }
      int colon = segment.indexOf(':');
      if (colon <= 0 || colon == segment.length() - 1 || segment.indexOf(':', colon + 1) >= 0) {
        throw new InvalidInputException(
            "malformed metric '" + segment + "' in the CVSS " + version + " vector (expected NAME:VALUE)", position);
      }
      String name = segment.substring(0, colon);
      String value = segment.substring(colon + 1);
      List<String> allowed = definitions.get(name);
      if (allowed == null) {
        throw new InvalidInputException(
            "unknown metric " + name + " in the CVSS " + version + " vector", "metric " + name);
      }
      if (found.containsKey(name)) {
        throw new InvalidInputException(
            "metric " + name + " appears more than once in the CVSS " + version + " vector", "metric " + name);
      }
      if (!allowed.contains(value)) {
        throw new InvalidInputException(
            "unknown value '" + value + "' for metric " + name + " in the CVSS " + version
                + " vector (allowed: " + String.join(", ", allowed) + ")",
            "metric " + name);
      }
      found.put(name, value);
    }
    List<String> missing = new ArrayList<>();
    for (String name : mandatory(version)) {
      if (!found.containsKey(name)) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      throw new InvalidInputException(
          "the CVSS " + version + " vector lacks mandatory metric" + (missing.size() == 1 ? " " : "s ")
              + String.join(", ", missing),
          (missing.size() == 1 ? "metric " : "metrics ") + String.join(", ", missing));
    }
    return new CvssVector(version, found);
  }

  private static Map<String, List<String>> definitions(String version) {
    return switch (version) {
      case "3.0", "3.1" -> V3;
      case "4.0" -> V4;
      default -> null;
    };
  }

  private static List<String> mandatory(String version) {
    return version.equals("4.0") ? V4_MANDATORY : V3_MANDATORY;
  }
}
