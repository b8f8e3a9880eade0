package org.accord.app.replicas;

/** What a row of the change feed changed, and so which in-memory index applies it (ADR 0146). */
public enum ChangeKind {
  /** SBOM edges, products and deployments: a {@code GraphChange} for the exposure graph. */
  GRAPH,
  /** A product claim decided: the products' SBOM sources. */
  CLAIM,
  /** An advisory stored or replaced: the matcher's entry for it. */
  ADVISORY,
  /** VEX statements stored: read from the database, recorded so a reader can wait for them. */
  VEX,
  /** A case's participants changed: read from the database, recorded so a reader can wait for them. */
  CASE_MEMBERSHIP
}
