package org.accord.advisory;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The CSAF 2.0 mandatory tests tied to profiles: §6.1.26 (the category of a CSAF Base document) and
 * the profile tests §6.1.27.1 to §6.1.27.11, each of which runs only for the {@code
 * /document/category} values it names. Stateless.
 */
final class ProfileTests {
  private ProfileTests() {}

  static final String INFORMATIONAL = "csaf_informational_advisory";
  static final String INCIDENT = "csaf_security_incident_response";
  static final String ADVISORY = "csaf_security_advisory";
  static final String VEX = "csaf_vex";

  /** The category values of the profiles CSAF 2.0 defines (§4). */
  private static final Set<String> PROFILE_CATEGORIES = Set.of("csaf_base", INFORMATIONAL, INCIDENT, ADVISORY, VEX);

  /** Names and values of every profile other than CSAF Base, normalised as §6.1.26 prescribes. */
  private static final Set<String> PROHIBITED_CATEGORY_NAMES =
      Set.of(
          normalise("Security incident response"),
          normalise(INCIDENT),
          normalise("Informational Advisory"),
          normalise(INFORMATIONAL),
          normalise("Security Advisory"),
          normalise(ADVISORY),
          normalise("VEX"),
          normalise(VEX));

  private static final Set<String> DESCRIPTIVE_NOTES = Set.of("description", "details", "general", "summary");

  /**
   * CSAF 2.0 §6.1.26 Prohibited Document Category Name: a document of the CSAF Base profile does not
   * use, ignoring case, dashes, whitespace and underscores, the name or category value of another
   * profile, and does not start with the reserved prefix {@code csaf_} (except {@code csaf_base}).
   * Skipped for the five category values of the defined profiles.
   */
  static void prohibitedCategoryName(CsafDocument document, Findings findings) {
    String category = document.category();
    if (category == null || PROFILE_CATEGORIES.contains(category)) {
      return;
    }
    Located where = document.document().field("category");
    if (category.toLowerCase(Locale.ROOT).startsWith("csaf_")) {
      findings.add("6.1.26", where, "category '" + category + "' uses the reserved prefix csaf_");
    } else if (PROHIBITED_CATEGORY_NAMES.contains(normalise(category))) {
      findings.add("6.1.26", where, "category '" + category + "' is the name of a CSAF profile other than CSAF Base");
    }
  }

  private static String normalise(String value) {
    return value.toLowerCase(Locale.ROOT).replaceAll("[-_\\s]", "");
  }

  /**
   * CSAF 2.0 §6.1.27.1 Document Notes: informational advisories and security incident responses have
   * a document note of category description, details, general or summary.
   */
  static void documentNotes(CsafDocument document, Findings findings) {
    if (!categoryIn(document, INFORMATIONAL, INCIDENT)) {
      return;
    }
    for (Located note : document.document().field("notes").items()) {
      String category = note.text("category");
      if (category != null && DESCRIPTIVE_NOTES.contains(category)) {
        return;
      }
    }
    findings.add(
        "6.1.27.1",
        document.document().field("notes"),
        "a " + document.category() + " needs a document note of category description, details, general or summary");
  }

  /**
   * CSAF 2.0 §6.1.27.2 Document References: informational advisories and security incident responses
   * have a document reference of category {@code external}.
   */
  static void documentReferences(CsafDocument document, Findings findings) {
    if (!categoryIn(document, INFORMATIONAL, INCIDENT)) {
      return;
    }
    for (Located reference : document.document().field("references").items()) {
      if ("external".equals(reference.text("category"))) {
        return;
      }
    }
    findings.add(
        "6.1.27.2",
        document.document().field("references"),
        "a " + document.category() + " needs a document reference of category external");
  }

  /** CSAF 2.0 §6.1.27.3 Vulnerabilities: an informational advisory has no {@code /vulnerabilities}. */
  static void noVulnerabilities(CsafDocument document, Findings findings) {
    if (categoryIn(document, INFORMATIONAL) && document.root().has("vulnerabilities")) {
      findings.add(
          "6.1.27.3",
          document.root().field("vulnerabilities"),
          "an informational advisory must not list vulnerabilities (use csaf_base or csaf_security_advisory)");
    }
  }

  /** CSAF 2.0 §6.1.27.4 Product Tree: security advisories and VEX documents have a product tree. */
  static void productTree(CsafDocument document, Findings findings) {
    if (categoryIn(document, ADVISORY, VEX) && !document.root().has("product_tree")) {
      findings.add("6.1.27.4", document.productTree(), "a " + document.category() + " needs a product_tree");
    }
  }

  /**
   * CSAF 2.0 §6.1.27.5 Vulnerability Notes: in security advisories and VEX documents every
   * vulnerability has {@code notes}.
   */
  static void vulnerabilityNotes(CsafDocument document, Findings findings) {
    if (!categoryIn(document, ADVISORY, VEX)) {
      return;
    }
    for (Located vulnerability : document.vulnerabilities()) {
      if (!vulnerability.has("notes")) {
        findings.add("6.1.27.5", vulnerability, "vulnerability has no notes");
      }
    }
  }

  /**
   * CSAF 2.0 §6.1.27.6 Product Status: in security advisories every vulnerability has a {@code
   * product_status}.
   */
  static void productStatus(CsafDocument document, Findings findings) {
    if (!categoryIn(document, ADVISORY)) {
      return;
    }
    for (Located vulnerability : document.vulnerabilities()) {
      if (!vulnerability.has("product_status")) {
        findings.add("6.1.27.6", vulnerability, "vulnerability has no product_status");
      }
    }
  }

  /**
   * CSAF 2.0 §6.1.27.7 VEX Product Status: in VEX documents every vulnerability's {@code
   * product_status} has {@code fixed}, {@code known_affected}, {@code known_not_affected} or {@code
   * under_investigation}.
   */
  static void vexProductStatus(CsafDocument document, Findings findings) {
    if (!categoryIn(document, VEX)) {
      return;
    }
    for (Located vulnerability : document.vulnerabilities()) {
      Located status = vulnerability.field("product_status");
      boolean any = false;
      for (String list : List.of("fixed", "known_affected", "known_not_affected", "under_investigation")) {
        any |= status.has(list);
      }
      if (!any) {
        findings.add(
            "6.1.27.7",
            status.present() ? status : vulnerability,
            "product_status has none of fixed, known_affected, known_not_affected, under_investigation");
      }
    }
  }

  /** CSAF 2.0 §6.1.27.8 Vulnerability ID: in VEX documents every vulnerability has a {@code cve} or {@code ids}. */
  static void vulnerabilityId(CsafDocument document, Findings findings) {
    if (!categoryIn(document, VEX)) {
      return;
    }
    for (Located vulnerability : document.vulnerabilities()) {
      if (!vulnerability.has("cve") && !vulnerability.has("ids")) {
        findings.add("6.1.27.8", vulnerability, "vulnerability has neither cve nor ids");
      }
    }
  }

  /**
   * CSAF 2.0 §6.1.27.9 Impact Statement: in VEX documents every product that is {@code
   * known_not_affected} is covered, directly or through a product group, by a flag or by a threat of
   * category {@code impact} of the same vulnerability.
   */
  static void impactStatement(CsafDocument document, Findings findings) {
    if (!categoryIn(document, VEX)) {
      return;
    }
    for (Located vulnerability : document.vulnerabilities()) {
      Set<String> covered = new java.util.HashSet<>();
      for (Located flag : vulnerability.field("flags").items()) {
        covered.addAll(document.productsOf(flag));
      }
      for (Located threat : vulnerability.field("threats").items()) {
        if ("impact".equals(threat.text("category"))) {
          covered.addAll(document.productsOf(threat));
        }
      }
      for (Located productId : vulnerability.field("product_status").field("known_not_affected").items()) {
        if (productId.text() != null && !covered.contains(productId.text())) {
          findings.add(
              "6.1.27.9",
              productId,
              "product '" + productId.text() + "' is known_not_affected but has no impact statement (flag or impact threat)");
        }
      }
    }
  }

  /**
   * CSAF 2.0 §6.1.27.10 Action Statement: in VEX documents every product that is {@code
   * known_affected} is covered, directly or through a product group, by a remediation of the same
   * vulnerability.
   */
  static void actionStatement(CsafDocument document, Findings findings) {
    if (!categoryIn(document, VEX)) {
      return;
    }
    for (Located vulnerability : document.vulnerabilities()) {
      Set<String> covered = new java.util.HashSet<>();
      for (Located remediation : vulnerability.field("remediations").items()) {
        covered.addAll(document.productsOf(remediation));
      }
      for (Located productId : vulnerability.field("product_status").field("known_affected").items()) {
        if (productId.text() != null && !covered.contains(productId.text())) {
          findings.add(
              "6.1.27.10",
              productId,
              "product '" + productId.text() + "' is known_affected but has no action statement (remediation)");
        }
      }
    }
  }

  /** CSAF 2.0 §6.1.27.11 Vulnerabilities: security advisories and VEX documents list vulnerabilities. */
  static void vulnerabilities(CsafDocument document, Findings findings) {
    if (categoryIn(document, ADVISORY, VEX) && !document.root().has("vulnerabilities")) {
      findings.add(
          "6.1.27.11", document.root().field("vulnerabilities"), "a " + document.category() + " needs vulnerabilities");
    }
  }

  private static boolean categoryIn(CsafDocument document, String... categories) {
    String category = document.category();
    for (String candidate : categories) {
      if (candidate.equals(category)) {
        return true;
      }
    }
    return false;
  }
}
