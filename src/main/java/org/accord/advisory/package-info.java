/**
 * Advisories and VEX: reading, matching and writing.
 *
 * <ul>
 *   <li>{@link org.accord.advisory.AdvisoryReader}: one entry point for OSV, CSAF 2.0 (any profile),
 *       OpenVEX and CycloneDX VEX, telling the format from the document, into an {@link
 *       org.accord.advisory.Advisory} (affected packages with their OSV event ranges, version lists and
 *       {@code vers:} ranges, see {@link org.accord.advisory.AffectedPackage}) and/or {@link
 *       org.accord.advisory.VexStatement}s (with a sealed {@link org.accord.advisory.VexStatus}).
 *   <li>{@link org.accord.advisory.Matcher}: the index from package key to affected entries, matching an
 *       advisory against the exposure graph and new package versions against the advisories.
 *   <li>{@link org.accord.advisory.AdvisoryExport}: OSV, CSAF 2.0 (VEX profile), OpenVEX and CycloneDX VEX
 *       writers, each validated in the tests against the official schema.
 *   <li>{@link org.accord.advisory.CsafValidator}: the JSON schema plus the CSAF 2.0 tests of §6, mandatory
 *       (§6.1), optional (§6.2) and informative (§6.3), with findings by {@link
 *       org.accord.advisory.CsafFinding.Level}; {@link org.accord.advisory.UrlResolver} for the URL tests;
 *       and {@link org.accord.advisory.SchemaValidator}, the one door to the JSON-schema library.
 * </ul>
 *
 * <p>Plain Java over identity, exposure, Jackson and (for the spell check) Lucene's Hunspell. Code
 * reads only the stream it is given; the schemas and reference data (CWE names, language subtags, the
 * spelling dictionary, the OSV and OpenVEX schemas) are classpath resources; URLs are resolved only by a
 * resolver the caller passes. Bad input is an {@link org.accord.InvalidInputException} naming the
 * problem and where it is. See ADRs 0040 to 0042 and 0045 to 0047 (validator), 0060 (import), 0061
 * (matching), 0062 (VEX) and 0064 (hand-written formats).
 */
package org.accord.advisory;
