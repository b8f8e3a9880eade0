package org.accord.accountability.commitment;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.accord.InvalidInputException;
import org.accord.identity.Purl;
import org.accord.sbom.Sector;
import org.accord.triage.Severity;

/**
 * Which cases a commitment is about: case severities, product namespaces (package URL prefixes) and the
 * sectors of the bound organization. A dimension left empty admits anything; a scope must name at least
 * one thing (ADR 0140). Immutable and thread-safe; nothing is null.
 *
 * @param severities the case severities it covers, or empty for any
 * @param products package keys ({@code pkg:maven/com.vendora/router}) or prefixes ending in {@code /}
 *     ({@code pkg:maven/com.vendora/}), sorted and unique, or empty for any product
 * @param sectors the sectors of the bound organization's deployments it covers, or empty for any
 */
public record Scope(Set<Severity> severities, List<String> products, Set<Sector> sectors) {
  /** @throws InvalidInputException at {@code scope} if it names nothing, at {@code scope.products[i]} for a bad PURL */
  public Scope {
    severities = severities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(severities));
    sectors = sectors.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(sectors));
    TreeSet<String> clean = new TreeSet<>();
    int i = 0;
    for (String product : products) {
      clean.add(product(product, "scope.products[" + i++ + "]"));
    }
    products = List.copyOf(clean);
    if (severities.isEmpty() && products.isEmpty() && sectors.isEmpty()) {
      throw new InvalidInputException(
          "the scope names nothing: name severities, products (package URL prefixes) or sectors", "scope");
    }
  }

  /**
   * Whether a case with this severity, these affected products and this organization's sectors is in scope:
   * each dimension the scope names must meet the case (any of its values will do).
   *
   * @param severity the case's severity, empty when no vulnerability of it has a CVSS vector
   * @param caseProducts canonical package URLs of the case's affected packages and products
   * @param orgSectors the sectors of the bound organization
   */
  public boolean matches(Optional<Severity> severity, Collection<String> caseProducts, Set<Sector> orgSectors) {
    if (!severities.isEmpty() && (severity.isEmpty() || !severities.contains(severity.get()))) {
      return false;
    }
    if (!products.isEmpty() && caseProducts.stream().noneMatch(this::coversProduct)) {
      return false;
    }
    return sectors.isEmpty() || orgSectors.stream().anyMatch(sectors::contains);
  }

  /** Whether a package URL (with or without version) is under one of the scope's products. */
  boolean coversProduct(String purl) {
    String key;
    try {
      key = Purl.parse(purl).packageKey();
    } catch (RuntimeException e) {
      return false; // not a package URL: nothing a namespace can cover
    }
    for (String product : products) {
      if (product.endsWith("/") ? key.startsWith(product) : key.equals(product)) {
        return true;
      }
    }
    return false;
  }

  /** A product namespace in canonical form: a package key, or a prefix ending in '/' of type and namespace. */
  private static String product(String text, String location) {
    String clean = Objects.requireNonNull(text, location).strip();
    boolean prefix = clean.endsWith("/");
    Purl purl;
    try {
      purl = Purl.parse(prefix ? clean + "x" : clean);
    } catch (RuntimeException e) {
      throw new InvalidInputException("'" + clean + "' is not a package URL (pkg:generic/acme/router) or a prefix ending in"
          + " '/' (pkg:maven/com.vendora/)", location);
    }
    if (purl.hasVersion() || !purl.qualifiers().isEmpty() || !purl.subpath().isEmpty()) {
      throw new InvalidInputException("a product names a package without version, qualifiers or subpath, not '" + clean + "'", location);
    }
    String key = purl.packageKey();
    if (!prefix) {
      return key;
    }
    String namespace = key.substring(0, key.length() - 1);
    if (namespace.chars().filter(c -> c == '/').count() < 2) {
      throw new InvalidInputException("a product prefix names at least a type and a namespace (pkg:maven/com.vendora/), not a"
          + " whole ecosystem: '" + clean + "'", location);
    }
    return namespace;
  }
}
