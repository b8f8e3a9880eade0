/**
 * Identity of software: canonical package URLs ({@link org.accord.identity.Purl}), ecosystems ({@link
 * org.accord.identity.Ecosystem}), one {@link org.accord.identity.VersionScheme} per ecosystem parsing to
 * comparable {@link org.accord.identity.Version}s, and {@link org.accord.identity.VersionRange}s built
 * from OSV events, {@code vers:} strings and native range notations.
 *
 * <p>Plain Java: this package depends only on the JDK, packageurl-java and maven-artifact. Everything in
 * it is immutable and thread-safe; no public method accepts or returns null unless it says so. Bad input
 * is refused with {@link org.accord.InvalidInputException}, naming the offending value.
 */
package org.accord.identity;
