package org.accord.advisory;

import java.util.List;

/**
 * The registry of the CSAF 2.0 informative tests (§6.3), in the order of the specification: each
 * test's number, its title as the specification gives it, and the method that runs it. A failed
 * informative test is information about a common mistake or bad practice; it does not make the
 * document invalid. Immutable.
 */
final class InformativeTests {
  private InformativeTests() {}

  static final List<CsafTest> ALL =
      List.of(
          new CsafTest("6.3.1", "Use of CVSS v2 as the only Scoring System", CvssTests::cvssV2Only),
          new CsafTest("6.3.2", "Use of CVSS v3.0", CvssTests::cvssV30),
          new CsafTest("6.3.3", "Missing CVE", VulnerabilityTests::missingCve),
          new CsafTest("6.3.4", "Missing CWE", VulnerabilityTests::missingCwe),
          new CsafTest("6.3.5", "Use of Short Hash", HashTests::shortHash),
          new CsafTest("6.3.6", "Use of non-self referencing URLs Failing to Resolve", UrlTests::nonSelfUrls),
          new CsafTest("6.3.7", "Use of self referencing URLs Failing to Resolve", UrlTests::selfUrls),
          new CsafTest("6.3.8", "Spell check", SpellCheckTests::spellCheck),
          new CsafTest("6.3.9", "Branch Categories", BranchTests::branchCategories),
          new CsafTest("6.3.10", "Usage of Product Version Range", BranchTests::productVersionRange),
          new CsafTest("6.3.11", "Usage of V as Version Indicator", BranchTests::vAsVersionIndicator));
}
