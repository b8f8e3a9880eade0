package org.accord.disclosure;

import java.util.List;
import java.util.Objects;
import org.accord.party.OrgKind;

/**
 * One organization suggested as a participant of a case, with why (ADR 0105). Immutable.
 *
 * @param organization the organization's name
 * @param orgKind what the organization is
 * @param kind why it is suggested
 * @param roles the roles it would hold when invited, in {@link ParticipantRole} order
 * @param verified whether the suggestion rests on an approved claim or on the organization's own
 *     deployments (true), or only on who uploaded an SBOM of a product nobody has claimed (false)
 * @param reason one sentence a coordinator reads
 * @param evidence what the reason rests on
 */
public record Suggestion(
    String organization, OrgKind orgKind, SuggestionKind kind, List<ParticipantRole> roles, boolean verified, String reason,
    Evidence evidence) {
  public Suggestion {
    Objects.requireNonNull(organization, "organization");
    Objects.requireNonNull(orgKind, "orgKind");
    Objects.requireNonNull(kind, "kind");
    roles = List.copyOf(roles);
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(evidence, "evidence");
  }

  /**
   * What a suggestion rests on.
   *
   * @param claims the approved claim namespaces involved (maintainers, verified vendors)
   * @param packages the affected packages (without version) it concerns
   * @param paths one dependency path per affected product version, from the product to the affected
   *     component, ordered by product
   * @param deployments affected deployments per sector, country and criticality
   */
  public record Evidence(List<String> claims, List<String> packages, List<ProductPath> paths, List<DeploymentCount> deployments) {
    public Evidence {
      claims = List.copyOf(claims);
      packages = List.copyOf(packages);
      paths = List.copyOf(paths);
      deployments = List.copyOf(deployments);
    }

    /** The number of deployments counted in {@link #deployments()}, suppressed cells excluded. */
    public int deploymentTotal() {
      return deployments.stream().mapToInt(c -> c.deployments() == null ? 0 : c.deployments()).sum();
    }
  }

  /**
   * An affected product version and one path that makes it affected.
   *
   * @param product the product version's PURL
   * @param path PURLs from the product down to the affected component
   */
  public record ProductPath(String product, List<String> path) {
    public ProductPath {
      Objects.requireNonNull(product, "product");
      path = List.copyOf(path);
    }
  }

  /**
   * Affected deployments in one sector, country and criticality.
   *
   * @param sector the sector label
   * @param country the ISO 3166-1 alpha-2 code
   * @param criticality the criticality label; empty in k-anonymous cells, which are per sector and country
   * @param deployments how many, or null when the cell belongs to fewer than k distinct operators and the
   *     viewer may not see it (shown as {@code "<k"})
   */
  public record DeploymentCount(String sector, String country, String criticality, Integer deployments) {
    public DeploymentCount {
      Objects.requireNonNull(sector, "sector");
      Objects.requireNonNull(country, "country");
      Objects.requireNonNull(criticality, "criticality");
    }
  }
}
