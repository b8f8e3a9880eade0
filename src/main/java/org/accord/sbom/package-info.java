/**
 * SBOM and inventory readers: CycloneDX (JSON, XML) and SPDX (JSON, tag-value) into one neutral {@link
 * org.accord.sbom.Bom}, and deployment inventories (CSV, JSON) into {@link
 * org.accord.sbom.DeploymentRow}s.
 *
 * <p>Public API: {@link org.accord.sbom.BomReader#read(java.io.InputStream, ReadLimits)} (format
 * sniffed from the content), {@link org.accord.sbom.InventoryReader#read(java.io.InputStream, String,
 * ReadLimits)}, the limits record {@link org.accord.sbom.ReadLimits}, the model ({@link
 * org.accord.sbom.Bom}, {@link org.accord.sbom.BomComponent}, {@link org.accord.sbom.BomEdge}, {@link
 * org.accord.sbom.BomFormat}) and the inventory vocabulary ({@link org.accord.sbom.Sector}, {@link
 * org.accord.sbom.Criticality}). Everything else is package-private.
 *
 * <p>Plain Java over identity and Jackson. Readers consume the stream they are given (streaming, never
 * a whole-document tree), enforce size and depth limits, refuse XML DTDs and external entities, and
 * throw {@link org.accord.InvalidInputException} naming the problem and where it is. ADR 0050 explains
 * why the readers are hand-written; ADR 0051 how each format maps onto the neutral model and what is
 * refused.
 */
package org.accord.sbom;
