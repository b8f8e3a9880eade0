/**
 * Advisories: the CSAF 2.0 validator ({@link org.accord.advisory.CsafValidator}: JSON schema plus the
 * §6.1 mandatory tests) and the schema-validation helper every advisory exporter is tested with
 * ({@link org.accord.advisory.SchemaValidator}); later, OSV and CSAF readers and writers, the matcher,
 * VEX statements, OpenVEX and CycloneDX VEX writers.
 *
 * <p>Plain Java over identity, exposure and Jackson. Code reads only the stream it is given; the
 * schemas and reference data (CWE names, language subtags) are classpath resources. Bad input is an
 * {@link org.accord.InvalidInputException} naming the problem and where it is.
 */
package org.accord.advisory;
