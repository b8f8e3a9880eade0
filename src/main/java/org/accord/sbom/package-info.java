/**
 * SBOM and inventory readers: CycloneDX (JSON, XML) and SPDX (JSON, tag-value) into one neutral {@link
 * org.accord.sbom.Bom}, and deployment inventories (CSV, JSON).
 *
 * <p>Plain Java over identity and Jackson. Readers consume the stream they are given, enforce size and
 * depth limits, refuse XML DTDs and external entities, and throw {@link org.accord.InvalidInputException}
 * naming the problem and where it is.
 */
package org.accord.sbom;
