/**
 * The exposure graph: where a package version runs, in which products and deployments, and how it got
 * there.
 *
 * <p>{@link org.accord.exposure.ExposureGraph} is an in-memory index derived from the store: package
 * versions, products and deployments as int-indexed nodes, reverse adjacency in CSR arrays, per-package
 * version lists. A {@link org.accord.exposure.WhereUsed} query is a multi-source reverse breadth-first
 * search that returns every affected product and deployment with one shortest dependency path, and
 * counts by sector and country with k-anonymity for shared views.
 *
 * <p>Plain Java over {@code identity}: no SQL, HTTP or CLI code.
 */
package org.accord.exposure;
