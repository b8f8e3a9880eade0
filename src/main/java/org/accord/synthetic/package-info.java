/**
 * Synthetic ecosystems for the demo, benchmarks and {@code accord generate}: layered, power-law
 * dependency graphs with vendors, products, operators and deployments, written as real CycloneDX SBOMs
 * and inventories.
 */
package org.accord.synthetic;
