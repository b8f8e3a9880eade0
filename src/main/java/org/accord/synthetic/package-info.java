/**
 * Synthetic ecosystems for the demo, benchmarks and {@code accord generate}: layered, power-law
 * dependency graphs with vendors, products, operators and deployments, written as real CycloneDX SBOMs
 * and inventories; and the demo's advisory, VEX and exploitation-evidence documents about them.
 */
package org.accord.synthetic;
