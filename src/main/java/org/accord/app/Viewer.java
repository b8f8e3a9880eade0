package org.accord.app;

import java.util.Objects;

/**
 * Who is asking, for the visibility rules of exposure data.
 *
 * <p>Products are visible to every authenticated party: sharing SBOM exposure is the point of the
 * platform. Deployments (which operator runs what, where) are sensitive: a party sees its own
 * deployments, and the sector × country counts of everyone's, with cells of fewer than {@code k}
 * distinct operators shown as {@code <k}. A coordinator (the instance's CERT role, or the local
 * administrator on the command line) sees everything, unless it asks for the shared view.
 *
 * @param organization the asking organization's name; empty for the local administrator
 * @param coordinator whether it holds the coordinator role
 * @param shared whether the answer will be shared beyond the asking party, forcing k-anonymity
 * @param k the minimum number of distinct operators a published cell needs
 */
public record Viewer(String organization, boolean coordinator, boolean shared, int k) {
  /** The default k of k-anonymity for shared aggregates. */
  public static final int DEFAULT_K = 3;

  public Viewer {
    Objects.requireNonNull(organization, "organization");
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1");
    }
  }

  /** The local administrator: full detail unless {@code shared}. */
  public static Viewer local(boolean shared) {
    return new Viewer("", true, shared, DEFAULT_K);
  }

  /** Whether this viewer may see every operator's deployments. */
  boolean seesAllDeployments() {
    return coordinator && !shared;
  }

  /** Whether this viewer may see the deployments of {@code operator}. */
  boolean seesDeploymentsOf(String operator) {
    return seesAllDeployments() || organization.equals(operator);
  }

  /**
   * Whether this viewer may filter answers by {@code organization} ({@code org=}): its own, or any for a
   * coordinator (issue 8). Another organization is answered as an unknown one.
   */
  boolean mayFilterBy(String organization) {
    return coordinator || this.organization.equals(organization);
  }

  /** Whether aggregate cells must be suppressed below k. */
  boolean suppressesAggregates() {
    return shared || !coordinator;
  }
}
