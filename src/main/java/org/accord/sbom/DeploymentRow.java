package org.accord.sbom;

import java.util.Objects;
import org.accord.identity.Purl;

/**
 * One validated inventory row: a product version running at an operator's site.
 *
 * @param line the row's line (CSV) or 1-based index (JSON), for messages
 * @param operator the operating organization
 * @param site the site name
 * @param sector the sector
 * @param country the ISO 3166-1 alpha-2 country code, upper case
 * @param criticality the criticality
 * @param product the product PURL, with version
 */
public record DeploymentRow(
    int line, String operator, String site, Sector sector, String country, Criticality criticality, Purl product) {
  public DeploymentRow {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(sector, "sector");
    Objects.requireNonNull(country, "country");
    Objects.requireNonNull(criticality, "criticality");
    Objects.requireNonNull(product, "product");
  }
}
