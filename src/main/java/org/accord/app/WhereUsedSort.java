package org.accord.app;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.accord.InvalidInputException;
import org.accord.exposure.WhereUsed;

/**
 * The order of a where-used list: a field, ascending or descending, then the default order (depth,
 * then PURL for products; depth, operator, site and product for deployments) to break ties. Immutable.
 *
 * @param field the field, or null for the default order
 * @param descending whether the field sorts descending
 */
record WhereUsedSort(Field field, boolean descending) {
  static final WhereUsedSort DEFAULT = new WhereUsedSort(null, false);

  /** The sortable fields and the lists that have them. */
  enum Field {
    PURL(true, false),
    DEPTH(true, true),
    OPERATOR(false, true),
    SITE(false, true),
    SECTOR(false, true),
    COUNTRY(false, true),
    CRITICALITY(false, true),
    PRODUCT(false, true);

    final boolean products;
    final boolean deployments;

    Field(boolean products, boolean deployments) {
      this.products = products;
      this.deployments = deployments;
    }

    String apiName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Reads {@code [-]field} for the lists the answer carries.
   *
   * @throws InvalidInputException with location {@code sort}, listing the accepted fields, if no carried
   *     list has the field
   */
  static WhereUsedSort parse(String text, WhereUsedQuery.Lists lists) {
    if (text.isEmpty()) {
      return DEFAULT;
    }
    boolean descending = text.startsWith("-");
    String name = descending ? text.substring(1) : text;
    boolean products = lists != WhereUsedQuery.Lists.DEPLOYMENTS;
    boolean deployments = lists != WhereUsedQuery.Lists.PRODUCTS;
    List<String> accepted = new ArrayList<>();
    for (Field field : Field.values()) {
      if ((products && field.products) || (deployments && field.deployments)) {
        accepted.add(field.apiName());
        if (field.apiName().equals(name)) {
          return new WhereUsedSort(field, descending);
        }
      }
    }
    throw new InvalidInputException(
        "cannot sort " + (products && deployments ? "" : lists.apiName() + " ") + "by '" + text + "'; accepted: "
            + String.join(", ", accepted) + " (a leading - sorts descending)",
        "sort");
  }

  /** The text form, for cursors: {@code -depth}, or empty for the default. */
  String text() {
    return field == null ? "" : (descending ? "-" : "") + field.apiName();
  }

  static int depth(List<String> path) {
    return path.size() - 1;
  }

  private static final Comparator<String> TEXT = String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

  private static final Comparator<WhereUsed.ProductHit> PRODUCT_DEFAULT =
      Comparator.comparingInt((WhereUsed.ProductHit hit) -> depth(hit.path())).thenComparing(WhereUsed.ProductHit::purl, TEXT);

  private static final Comparator<WhereUsed.DeploymentHit> DEPLOYMENT_DEFAULT =
      Comparator.comparingInt((WhereUsed.DeploymentHit hit) -> depth(hit.path()))
          .thenComparing(WhereUsed.DeploymentHit::operator, TEXT)
          .thenComparing(WhereUsed.DeploymentHit::site, TEXT)
          .thenComparing(WhereUsed.DeploymentHit::product, TEXT);

  /** The product order; a deployments-only field leaves the default. */
  Comparator<WhereUsed.ProductHit> products() {
    if (field == null || !field.products) {
      return PRODUCT_DEFAULT;
    }
    Comparator<WhereUsed.ProductHit> primary =
        field == Field.DEPTH
            ? Comparator.comparingInt(hit -> depth(hit.path()))
            : Comparator.comparing(WhereUsed.ProductHit::purl, TEXT);
    return (descending ? primary.reversed() : primary).thenComparing(PRODUCT_DEFAULT);
  }

  /** The deployment order; a products-only field leaves the default. */
  Comparator<WhereUsed.DeploymentHit> deployments() {
    if (field == null || !field.deployments) {
      return DEPLOYMENT_DEFAULT;
    }
    Comparator<WhereUsed.DeploymentHit> primary =
        field == Field.DEPTH ? Comparator.comparingInt(hit -> depth(hit.path())) : Comparator.comparing(text(field), TEXT);
    return (descending ? primary.reversed() : primary).thenComparing(DEPLOYMENT_DEFAULT);
  }

  private static Function<WhereUsed.DeploymentHit, String> text(Field field) {
    return switch (field) {
      case OPERATOR -> WhereUsed.DeploymentHit::operator;
      case SITE -> WhereUsed.DeploymentHit::site;
      case SECTOR -> WhereUsed.DeploymentHit::sector;
      case COUNTRY -> WhereUsed.DeploymentHit::country;
      case CRITICALITY -> WhereUsed.DeploymentHit::criticality;
      default -> WhereUsed.DeploymentHit::product;
    };
  }
}
