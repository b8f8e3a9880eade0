package org.accord.advisory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CSAF 2.0 tests on CVSS objects: mandatory §6.1.8 to §6.1.10, optional §6.2.19 and informative
 * §6.3.1, §6.3.2. Each {@code cvss_v2} and {@code cvss_v3} object is checked against its FIRST schema
 * first; only an object that passes is scored and compared with its vector. Stateless.
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

  /**
   * CSAF 2.0 §6.2.19 CVSS for Fixed Products (optional): every CVSS object that scores a product listed
   * as {@code first_fixed} or {@code fixed} in the same vulnerability has an environmental score of 0,
   * saying that the fixed product is no longer exposed. The score is computed, not read: from the
   * vector, with the metric properties the vector leaves out filling in (as in §6.1.10, a property
   * for a metric the vector omits adds information; the suite's valid 6-2-19-12, -13 and -16 set the
   * modified impacts or the target distribution that way). A vector that cannot be scored is left to
   * §6.1.8 and §6.1.9.
   */
  static void cvssForFixedProducts(CsafDocument document, Findings findings) {
    for (Located vulnerability : document.vulnerabilities()) {
      Set<String> fixed = new HashSet<>();
      for (String status : List.of("first_fixed", "fixed")) {
        fixed.addAll(CsafDocument.strings(vulnerability.field("product_status").field(status)));
      }
      if (fixed.isEmpty()) {
        continue;
      }
      for (Located score : vulnerability.field("scores").items()) {
        List<String> fixedHere = new ArrayList<>();
        for (String product : CsafDocument.strings(score.field("products"))) {
          if (fixed.contains(product)) {
            fixedHere.add(product);
          }
        }
        if (fixedHere.isEmpty()) {
          continue;
        }
        for (String field : List.of("cvss_v2", "cvss_v3")) {
          Located cvss = score.field(field);
          CvssVector vector = cvss.present() ? effectiveVector(cvss) : null;
          if (vector == null) {
            continue;
          }
          BigDecimal environmental = CvssScores.exact(vector).environmental();
          if (environmental.signum() != 0) {
            findings.add(
                "6.2.19",
                cvss,
                (fixedHere.size() == 1 ? "product '" + fixedHere.get(0) + "' is" : "products " + fixedHere + " are")
                    + " fixed but this CVSS " + vector.version() + " object has an environmental score of "
                    + environmental.toPlainString() + ", not 0");
          }
        }
      }
    }
  }

  /**
   * The vector of a CVSS object with the metric properties it omits added from the object's
   * properties, or null when the vector is missing or cannot be scored.
   */
  private static CvssVector effectiveVector(Located cvss) {
    String vectorString = cvss.text("vectorString");
    if (vectorString == null) {
      return null;
    }
    CvssVector vector;
    try {
      vector = CvssVector.parse(vectorString);
    } catch (IllegalArgumentException e) {
      return null;
    }
    Map<String, String> values = new LinkedHashMap<>(vector.values());
    for (CvssVector.Metric metric : CvssVector.metrics(vector.version())) {
      String stated = cvss.text(metric.property());
      if (stated == null || values.containsKey(metric.key())) {
        continue;
      }
      for (Map.Entry<String, String> name : metric.names().entrySet()) {
        if (name.getValue().equals(stated)) {
          values.put(metric.key(), name.getKey());
        }
      }
    }
    return new CvssVector(vector.version(), values);
  }

  /**
   * CSAF 2.0 §6.3.1 Use of CVSS v2 as the only Scoring System (informative): a score item with a {@code
   * cvss_v2} object also has a second scoring object, which in CSAF 2.0 can only be {@code cvss_v3}.
   * Read per score item, as the test says ("for each item in the list of scores").
   */
  static void cvssV2Only(CsafDocument document, Findings findings) {
    for (Located vulnerability : document.vulnerabilities()) {
      for (Located score : vulnerability.field("scores").items()) {
        if (score.has("cvss_v2") && !score.has("cvss_v3")) {
          findings.add(
              "6.3.1",
              score.field("cvss_v2"),
              "CVSS v2 is the only score for " + CsafDocument.strings(score.field("products")) + "; add CVSS v3.1");
        }
      }
    }
  }

  /**
   * CSAF 2.0 §6.3.2 Use of CVSS v3.0 (informative): no {@code cvss_v3} object is CVSS v3.0, told by its
   * {@code version} or, without a usable one, by its vector prefix {@code CVSS:3.0/}.
   */
  static void cvssV30(CsafDocument document, Findings findings) {
    for (CvssObject cvss : cvssObjects(document)) {
      if ("3.0".equals(cvss.version())) {
        findings.add("6.3.2", cvss.node(), "CVSS v3.0 is used; CVSS v3.1 is recommended");
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
