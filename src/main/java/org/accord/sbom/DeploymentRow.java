package org.accord.sbom;

import java.util.Objects;
import org.accord.identity.Purl;

/**
 * One deployment from an inventory: an operator runs one product version at one site.
 *
 * <p>Immutable and thread-safe; no component is null and the strings are stripped and non-empty.
 *
 * @param line where the row starts in its file, 1-based (the CSV record's line; the line of the JSON
 *     object's opening brace), for messages
 * @param operator the operating organisation
 * @param site the site's name, unique within the operator
 * @param sector the sector the deployment serves
 * @param country the ISO 3166-1 alpha-2 code of the country the site is in, upper case
 * @param criticality how critical the deployment is
 * @param product the product version that runs there; always has a version
 */
public record DeploymentRow(
    int line,
    String operator,
    String site,
    Sector sector,
    String country,
    Criticality criticality,
    Purl product) {
  public DeploymentRow {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(sector, "sector");
    Objects.requireNonNull(country, "country");
    Objects.requireNonNull(criticality, "criticality");
    Objects.requireNonNull(product, "product");
  }
}
