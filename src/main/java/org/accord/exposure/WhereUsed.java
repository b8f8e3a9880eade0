package org.accord.exposure;

import java.util.List;

/**
 * The answer to "where does this package, in this range, run?".
 *
 * <p>Immutable. Lists are ordered: {@code matched} by version; products by path length, then
 * catalogue order (the order components were first ingested); deployments in their product's order,
 * then by operator and site; aggregates by sector and country.
 *
 * @param packageKey the package asked about
 * @param matched the matched package-version PURLs
 * @param products every product version that contains a matched version, each with one shortest path
 * @param deployments every deployment of an affected product version, with that product's path
 * @param aggregates deployment counts by sector and country
 */
public record WhereUsed(
    String packageKey,
    List<String> matched,
    List<ProductHit> products,
    List<DeploymentHit> deployments,
    List<AggregateCell> aggregates) {

  public WhereUsed {
    matched = List.copyOf(matched);
    products = List.copyOf(products);
    // DeploymentHits is already an immutable snapshot; copying it would build every row eagerly.
    deployments = deployments instanceof DeploymentHits ? deployments : List.copyOf(deployments);
    aggregates = List.copyOf(aggregates);
  }

  /**
   * An affected product version.
   *
   * @param purl the product version's PURL
   * @param path PURLs from the product root down to the matched component; the product alone when it
   *     is itself a matched version
   */
  public record ProductHit(String purl, List<String> path) {
    public ProductHit {
      path = List.copyOf(path);
    }
  }

  /**
   * An affected deployment.
   *
   * @param operator the operating organization
   * @param site the site
   * @param sector the sector label
   * @param country the ISO 3166-1 alpha-2 code
   * @param criticality the criticality label
   * @param product the deployed product version's PURL
   * @param path from the deployed product down to the matched component
   */
  public record DeploymentHit(
      String operator,
      String site,
      String sector,
      String country,
      String criticality,
      String product,
      List<String> path) {
    public DeploymentHit {
      path = List.copyOf(path);
    }
  }

  /**
   * Affected deployments in one sector and country.
   *
   * @param sector the sector label
   * @param country the country code
   * @param deployments how many affected deployments
   * @param operators how many distinct operators run them
   */
  public record AggregateCell(String sector, String country, int deployments, int operators) {
    /** Whether a view shared beyond the querying organization must hide this cell's count. */
    public boolean suppressedBelow(int k) {
      return operators < k;
    }
  }
}
