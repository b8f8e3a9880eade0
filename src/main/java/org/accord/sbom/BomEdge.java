package org.accord.sbom;

import java.util.Objects;

/**
 * A directed edge between two components of one SBOM, from the dependent (parent) to its dependency
 * (child). For {@link Relation#FORK_OF} the parent is the fork and the child the package it was forked
 * from.
 *
 * @param parentRef the ref of the dependent component
 * @param childRef the ref of the dependency
 * @param relation what the edge means
 * @param inferred true when the document listed the child but asserted no edge reaching it, so Accord
 *     attached it under the root
 */
public record BomEdge(String parentRef, String childRef, Relation relation, boolean inferred) {
  public BomEdge {
    Objects.requireNonNull(parentRef, "parentRef");
    Objects.requireNonNull(childRef, "childRef");
    Objects.requireNonNull(relation, "relation");
  }

  /** What an edge asserts. */
  public enum Relation {
    /** The parent depends on or contains the child (CycloneDX dependencies and nesting, SPDX DEPENDS_ON/CONTAINS). */
    DEPENDS_ON,
    /** The parent is a fork of the child (CycloneDX pedigree ancestors, SPDX VARIANT_OF/DESCENDANT_OF). */
    FORK_OF
  }
}
