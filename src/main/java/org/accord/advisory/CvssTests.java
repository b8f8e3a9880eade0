package org.accord.advisory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The CSAF 2.0 mandatory tests on CVSS objects (§6.1.8 to §6.1.10). Each {@code cvss_v2} and {@code
 * cvss_v3} object is checked against its FIRST schema first; only an object that passes is scored
 * and compared with its vector. Stateless.
 */
final class CvssTests {
  private CvssTests() {}

  /**
   * A CVSS object of a score item, with the CVSS version it claims and its violations of that
   * version's schema (null when no supported version can be told).
   */
  private record CvssObject(Located node, String version, List<SchemaViolation> violations) {}

  /**
   * CSAF 2.0 §6.1.8 Invalid CVSS: each CVSS object is valid against the FIRST schema it references
   * (v2.0, v3.0 or v3.1, by its {@code version}, else by its vector prefix). The CSAF schema check
   * leaves these objects to this test, so each problem is reported once.
   */
  static void invalidCvss(CsafDocument document, Findings findings) {
    for (CvssObject cvss : cvssObjects(document)) {
      if (cvss.violations() == null) {
        findings.add("6.1.8", cvss.node(), "CVSS object names no supported version (2.0, 3.0 or 3.1)");
        continue;
      }
      for (SchemaViolation violation : cvss.violations()) {
        findings.add("6.1.8", cvss.node().path() + violation.path().substring(1), violation.message());
      }
    }
  }

  /**
   * CSAF 2.0 §6.1.9 Invalid CVSS computation: the base, temporal and environmental scores (and, for
   * v3, severities) that a CVSS object states are the ones its vector gives, the vector taking
   * precedence. A vector that cannot be scored (a base metric missing, a metric repeated) fails too.
   */
  static void invalidCvssComputation(CsafDocument document, Findings findings) {
    for (CvssObject cvss : schemaValidCvssObjects(document)) {
      Located node = cvss.node();
      CvssVector vector;
      try {
        vector = CvssVector.parse(node.text("vectorString"));
      } catch (IllegalArgumentException e) {
        findings.add("6.1.9", node.field("vectorString"), "vector cannot be scored: " + e.getMessage());
        continue;
      }
      CvssScores exact = CvssScores.exact(vector);
      CvssScores binary = CvssScores.binary(vector);
      checkScore(node, "baseScore", exact.base(), binary.base(), findings);
      checkScore(node, "temporalScore", exact.temporal(), binary.temporal(), findings);
      checkScore(node, "environmentalScore", exact.environmental(), binary.environmental(), findings);
      if (!vector.isV2()) {
        checkSeverity(node, "baseSeverity", exact.base(), binary.base(), findings);
        checkSeverity(node, "temporalSeverity", exact.temporal(), binary.temporal(), findings);
        checkSeverity(node, "environmentalSeverity", exact.environmental(), binary.environmental(), findings);
      }
    }
  }

  /**
   * Accepts the score computed exactly or in binary floating point (see {@link CvssScores} on why the
   * two can differ by 0.1 in v2.0 and v3.0).
   */
  private static void checkScore(
      Located cvss, String property, BigDecimal exact, BigDecimal binary, Findings findings) {
    Located stated = cvss.field(property);
    if (!stated.node().isNumber()) {
      return;
    }
    BigDecimal value = stated.node().decimalValue();
    if (value.compareTo(exact) != 0 && value.compareTo(binary) != 0) {
      findings.add(
          "6.1.9", stated, property + " is " + stated.node().asText() + " but the vector gives " + exact.toPlainString());
    }
  }

  private static void checkSeverity(
      Located cvss, String property, BigDecimal exact, BigDecimal binary, Findings findings) {
    Located stated = cvss.field(property);
    String expected = CvssScores.severity(exact);
    if (stated.text() != null && !stated.text().equals(expected) && !stated.text().equals(CvssScores.severity(binary))) {
      findings.add(
          "6.1.9",
          stated,
          property + " is " + stated.text() + " but the vector's score " + exact.toPlainString() + " is " + expected);
    }
  }

  /**
   * CSAF 2.0 §6.1.10 Inconsistent CVSS: each metric property a CVSS object states (such as {@code
   * attackVector}) agrees with the vector. Only metrics the vector sets are compared: a property for a
   * temporal or environmental metric the vector leaves out adds information rather than contradicting
   * it, as the OASIS test documents 6-2-19-12, -13 and -16 (valid) show.
   */
  static void inconsistentCvss(CsafDocument document, Findings findings) {
    for (CvssObject cvss : schemaValidCvssObjects(document)) {
      Located node = cvss.node();
      CvssVector vector;
      try {
        vector = CvssVector.parse(node.text("vectorString"));
      } catch (IllegalArgumentException e) {
        continue; // reported by 6.1.9
      }
      for (CvssVector.Metric metric : CvssVector.metrics(vector.version())) {
        String stated = node.text(metric.property());
        String code = vector.values().get(metric.key());
        if (stated == null || code == null) {
          continue;
        }
        String expected = metric.names().get(code);
        if (!stated.equals(expected)) {
          findings.add(
              "6.1.10",
              node.field(metric.property()),
              metric.property() + " is " + stated + " but the vector has " + metric.key() + ":" + code + " (" + expected + ")");
        }
      }
    }
  }

  private static List<CvssObject> cvssObjects(CsafDocument document) {
    return document.memo("cvss", () -> findCvssObjects(document));
  }

  private static List<CvssObject> findCvssObjects(CsafDocument document) {
    List<CvssObject> objects = new ArrayList<>();
    for (Located vulnerability : document.vulnerabilities()) {
      for (Located score : vulnerability.field("scores").items()) {
        Located v2 = score.field("cvss_v2");
        if (v2.present()) {
          objects.add(checked(v2, "2.0"));
        }
        Located v3 = score.field("cvss_v3");
        if (v3.present()) {
          String version = v3.text("version");
          String vector = v3.text("vectorString");
          if (!"3.0".equals(version) && !"3.1".equals(version)) {
            version = vector != null && (vector.startsWith("CVSS:3.0/") || vector.startsWith("CVSS:3.1/"))
                ? vector.substring(5, 8)
                : null;
          }
          objects.add(checked(v3, version));
        }
      }
    }
    return objects;
  }

  private static CvssObject checked(Located node, String version) {
    SchemaValidator schema = version == null ? null : CsafSchemas.cvss(version);
    return new CvssObject(node, version, schema == null ? null : schema.validate(node.node()));
  }

  private static List<CvssObject> schemaValidCvssObjects(CsafDocument document) {
    List<CvssObject> valid = new ArrayList<>();
    for (CvssObject cvss : cvssObjects(document)) {
      if (cvss.violations() != null && cvss.violations().isEmpty()) {
        valid.add(cvss);
      }
    }
    return valid;
  }
}
