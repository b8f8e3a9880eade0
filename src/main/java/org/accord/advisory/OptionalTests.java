package org.accord.advisory;

import java.util.List;

/**
 * The registry of the CSAF 2.0 optional tests (§6.2), in the order of the specification: each test's
 * number, its title as the specification gives it, and the method that runs it. A failed optional test
 * is a warning: it does not make the document invalid. Immutable.
 */
final class OptionalTests {
  private OptionalTests() {}

  static final List<CsafTest> ALL =
      List.of(
          new CsafTest("6.2.1", "Unused Definition of Product ID", ProductTreeTests::unusedProductDefinition),
          new CsafTest("6.2.2", "Missing Remediation", VulnerabilityTests::missingRemediation),
          new CsafTest("6.2.3", "Missing Score", VulnerabilityTests::missingScore),
          new CsafTest("6.2.4", "Build Metadata in Revision History", RevisionTests::buildMetadataInRevisionHistory),
          new CsafTest("6.2.5", "Older Initial Release Date than Revision History", RevisionTests::olderInitialReleaseDate),
          new CsafTest("6.2.6", "Older Current Release Date than Revision History", RevisionTests::olderCurrentReleaseDate),
          new CsafTest("6.2.7", "Missing Date in Involvements", VulnerabilityTests::missingInvolvementDate),
          new CsafTest("6.2.8", "Use of MD5 as the only Hash Algorithm", HashTests::md5Only),
          new CsafTest("6.2.9", "Use of SHA-1 as the only Hash Algorithm", HashTests::sha1Only),
          new CsafTest("6.2.10", "Missing TLP label", DocumentTests::missingTlpLabel),
          new CsafTest("6.2.11", "Missing Canonical URL", DocumentTests::missingCanonicalUrl),
          new CsafTest("6.2.12", "Missing Document Language", DocumentTests::missingLanguage),
          new CsafTest("6.2.13", "Sorting", StructureTests::sorting),
          new CsafTest("6.2.14", "Use of Private Language", DocumentTests::privateLanguage),
          new CsafTest("6.2.15", "Use of Default Language", DocumentTests::defaultLanguage),
          new CsafTest("6.2.16", "Missing Product Identification Helper", ProductTreeTests::missingIdentificationHelper),
          new CsafTest("6.2.17", "CVE in field IDs", VulnerabilityTests::cveInIds),
          new CsafTest("6.2.18", "Product Version Range without vers", BranchTests::versionRangeWithoutVers),
          new CsafTest("6.2.19", "CVSS for Fixed Products", CvssTests::cvssForFixedProducts),
          new CsafTest("6.2.20", "Additional Properties", StructureTests::additionalProperties));
}
