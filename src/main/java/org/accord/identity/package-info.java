/**
 * Identity of software: canonical package URLs, ecosystems, version schemes and version ranges.
 *
 * <p>Plain Java: this package depends only on the JDK, packageurl-java, maven-artifact and semver4j.
 */
package org.accord.identity;
