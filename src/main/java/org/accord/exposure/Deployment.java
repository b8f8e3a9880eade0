package org.accord.exposure;

import java.util.Objects;

/**
 * A product version running at one operator's site: a {@code RUNS} edge into the graph.
 *
 * @param id the store id, positive
 * @param operator the operating organization's name
 * @param site the site name
 * @param sector the sector label, such as {@code energy}
 * @param country the ISO 3166-1 alpha-2 code
 * @param criticality {@code essential}, {@code important} or {@code other}
 * @param productComponentId the store id of the product version's component
 */
public record Deployment(
    long id,
    String operator,
    String site,
    String sector,
    String country,
    String criticality,
    long productComponentId) {
  public Deployment {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(sector, "sector");
    Objects.requireNonNull(country, "country");
    Objects.requireNonNull(criticality, "criticality");
  }
}
