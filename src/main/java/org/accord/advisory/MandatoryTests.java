package org.accord.advisory;

import java.util.Comparator;
import java.util.List;

/**
 * The registry of the CSAF 2.0 mandatory tests (§6.1), in the order of the specification: each test's
 * number, its title as the specification gives it, and the method that runs it. Immutable. The
 * comparator {@link #ORDER} orders the test ids of every level.
 */
final class MandatoryTests {
  private MandatoryTests() {}

  static final List<CsafTest> ALL =
      List.of(
          new CsafTest("6.1.1", "Missing Definition of Product ID", ProductTreeTests::missingProductDefinition),
          new CsafTest("6.1.2", "Multiple Definition of Product ID", ProductTreeTests::multipleProductDefinition),
          new CsafTest("6.1.3", "Circular Definition of Product ID", ProductTreeTests::circularProductDefinition),
          new CsafTest("6.1.4", "Missing Definition of Product Group ID", ProductTreeTests::missingGroupDefinition),
          new CsafTest("6.1.5", "Multiple Definition of Product Group ID", ProductTreeTests::multipleGroupDefinition),
          new CsafTest("6.1.6", "Contradicting Product Status", VulnerabilityTests::contradictingProductStatus),
          new CsafTest("6.1.7", "Multiple Scores with same Version per Product", VulnerabilityTests::multipleScoresPerVersion),
          new CsafTest("6.1.8", "Invalid CVSS", CvssTests::invalidCvss),
          new CsafTest("6.1.9", "Invalid CVSS computation", CvssTests::invalidCvssComputation),
          new CsafTest("6.1.10", "Inconsistent CVSS", CvssTests::inconsistentCvss),
          new CsafTest("6.1.11", "CWE", DocumentTests::cwe),
          new CsafTest("6.1.12", "Language", DocumentTests::language),
          new CsafTest("6.1.13", "PURL", ProductTreeTests::purl),
          new CsafTest("6.1.14", "Sorted Revision History", RevisionTests::sortedRevisionHistory),
          new CsafTest("6.1.15", "Translator", DocumentTests::translator),
          new CsafTest("6.1.16", "Latest Document Version", RevisionTests::latestDocumentVersion),
          new CsafTest("6.1.17", "Document Status Draft", RevisionTests::documentStatusDraft),
          new CsafTest("6.1.18", "Released Revision History", RevisionTests::releasedRevisionHistory),
          new CsafTest("6.1.19", "Revision History Entries for Pre-release Versions", RevisionTests::preReleaseRevisions),
          new CsafTest("6.1.20", "Non-draft Document Version", RevisionTests::nonDraftDocumentVersion),
          new CsafTest("6.1.21", "Missing Item in Revision History", RevisionTests::missingRevision),
          new CsafTest("6.1.22", "Multiple Definition in Revision History", RevisionTests::multipleRevisionDefinition),
          new CsafTest("6.1.23", "Multiple Use of Same CVE", VulnerabilityTests::multipleUseOfSameCve),
          new CsafTest("6.1.24", "Multiple Definition in Involvements", VulnerabilityTests::multipleDefinitionInInvolvements),
          new CsafTest("6.1.25", "Multiple Use of Same Hash Algorithm", ProductTreeTests::multipleHashAlgorithm),
          new CsafTest("6.1.26", "Prohibited Document Category Name", ProfileTests::prohibitedCategoryName),
          new CsafTest("6.1.27.1", "Document Notes", ProfileTests::documentNotes),
          new CsafTest("6.1.27.2", "Document References", ProfileTests::documentReferences),
          new CsafTest("6.1.27.3", "Vulnerabilities (informational advisory)", ProfileTests::noVulnerabilities),
          new CsafTest("6.1.27.4", "Product Tree", ProfileTests::productTree),
          new CsafTest("6.1.27.5", "Vulnerability Notes", ProfileTests::vulnerabilityNotes),
          new CsafTest("6.1.27.6", "Product Status", ProfileTests::productStatus),
          new CsafTest("6.1.27.7", "VEX Product Status", ProfileTests::vexProductStatus),
          new CsafTest("6.1.27.8", "Vulnerability ID", ProfileTests::vulnerabilityId),
          new CsafTest("6.1.27.9", "Impact Statement", ProfileTests::impactStatement),
          new CsafTest("6.1.27.10", "Action Statement", ProfileTests::actionStatement),
          new CsafTest("6.1.27.11", "Vulnerabilities", ProfileTests::vulnerabilities),
          new CsafTest("6.1.28", "Translation", DocumentTests::translation),
          new CsafTest("6.1.29", "Remediation without Product Reference", VulnerabilityTests::remediationWithoutProductReference),
          new CsafTest("6.1.30", "Mixed Integer and Semantic Versioning", RevisionTests::mixedVersioning),
          new CsafTest("6.1.31", "Version Range in Product Version", ProductTreeTests::versionRangeInProductVersion),
          new CsafTest("6.1.32", "Flag without Product Reference", VulnerabilityTests::flagWithoutProductReference),
          new CsafTest("6.1.33", "Multiple Flags with VEX Justification Codes per Product", VulnerabilityTests::multipleVexJustifications));

  /**
   * Orders test ids as the specification numbers them: {@code schema} first, then section numbers
   * component by component ({@code 6.1.9} before {@code 6.1.10}, {@code 6.1.27.11} before {@code
   * 6.1.28}); anything else last, alphabetically.
   */
  static final Comparator<String> ORDER = MandatoryTests::compareIds;

  private static int compareIds(String left, String right) {
    if (left.equals(right)) {
      return 0;
    }
    if (left.equals(CsafFinding.SCHEMA) || right.equals(CsafFinding.SCHEMA)) {
      return left.equals(CsafFinding.SCHEMA) ? -1 : 1;
    }
    String[] leftParts = left.split("\\.");
    String[] rightParts = right.split("\\.");
    for (int index = 0; index < Math.min(leftParts.length, rightParts.length); index++) {
      int order = compareComponent(leftParts[index], rightParts[index]);
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(leftParts.length, rightParts.length);
  }

  private static int compareComponent(String left, String right) {
    boolean leftNumeric = !left.isEmpty() && left.chars().allMatch(Character::isDigit) && left.length() < 10;
    boolean rightNumeric = !right.isEmpty() && right.chars().allMatch(Character::isDigit) && right.length() < 10;
    if (leftNumeric && rightNumeric) {
      return Integer.compare(Integer.parseInt(left), Integer.parseInt(right));
    }
    if (leftNumeric != rightNumeric) {
      return leftNumeric ? -1 : 1;
    }
    return left.compareTo(right);
  }
}
