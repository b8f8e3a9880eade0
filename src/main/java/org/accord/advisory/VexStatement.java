package org.accord.advisory;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.accord.InvalidInputException;
import org.accord.identity.Ecosystem;
import org.accord.identity.Purl;
import org.accord.identity.VersionRange;

/**
 * One VEX statement: what its author says about one vulnerability in one product, optionally narrowed
 * to some of the product's components. Read from OpenVEX, CycloneDX VEX and CSAF VEX documents.
 *
 * <p>A statement is about a product, and only that product: it confirms or suppresses the findings of
 * that product (see {@link #appliesTo}). The product is a PURL when the document identifies it by one;
 * a version-less PURL means every version, and a {@code vers:} range a set of versions. A product
 * named otherwise (a CPE, a name, an unresolved reference) is kept for the record but applies to no
 * finding.
 *
 * <p>Immutable and thread-safe; nothing is null.
 *
 * @param vulnerability the vulnerability's id as the document names it, such as {@code CVE-2021-44228}
 * @param aliases other ids the document gives for it
 * @param product the product: a canonical PURL, or the identifier as given
 * @param productKey the product's package key when {@code product} is a PURL; empty otherwise
 * @param productVersion the product's version; empty for every version (or a range)
 * @param productRange a {@code vers:} range of product versions; empty for none
 * @param subcomponents canonical PURLs of the components the statement is about; empty for the
 *     whole product
 * @param status the status, with its justification, impact or action statement
 * @param timestamp when the statement was made, if the document says
 */
public record VexStatement(
    String vulnerability,
    List<String> aliases,
    String product,
    String productKey,
    String productVersion,
    String productRange,
    List<String> subcomponents,
    VexStatus status,
    Optional<Instant> timestamp) {

  public VexStatement {
    Objects.requireNonNull(vulnerability, "vulnerability");
    aliases = List.copyOf(aliases);
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(productKey, "productKey");
    Objects.requireNonNull(productVersion, "productVersion");
    Objects.requireNonNull(productRange, "productRange");
    subcomponents = List.copyOf(subcomponents);
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(timestamp, "timestamp");
  }

  /**
   * A statement about the product a document identifies by {@code productId}: a PURL is canonicalised
   * and split into package key and version; anything else is kept as given.
   *
   * @param subcomponents PURLs (or other identifiers, which are dropped: they can name no component)
   */
  public static VexStatement of(
      String vulnerability, List<String> aliases, String productId, String productRange, List<String> subcomponents,
      VexStatus status, Optional<Instant> timestamp) {
    String product = productId.strip();
    String key = "";
    String version = "";
    if (product.startsWith("pkg:")) {
      Purl purl = Purl.parse(product);
      product = purl.canonical();
      key = purl.packageKey();
      version = purl.version();
    }
    Set<String> subs = new LinkedHashSet<>();
    for (String sub : subcomponents) {
      if (sub.strip().startsWith("pkg:")) {
        subs.add(Purl.parse(sub.strip()).canonical());
      }
    }
    if (!productRange.isEmpty()) {
      if (key.isEmpty()) {
        throw new InvalidInputException("a product version range needs a product PURL, not '" + productId + "'", "product");
      }
      VersionRange.parseVersLenient(productRange);
    }
    return new VexStatement(vulnerability.strip(), aliases, product, key, version, productRange, List.copyOf(subs), status, timestamp);
  }

  /** The vulnerability id and its aliases. */
  public List<String> names() {
    Set<String> names = new LinkedHashSet<>();
    names.add(vulnerability);
    names.addAll(aliases);
    return List.copyOf(names);
  }

  /** Whether the product is a PURL, so the statement can apply to findings. */
  public boolean applicable() {
    return !productKey.isEmpty();
  }

  /**
   * How specifically this statement applies to a finding in product version {@code productPurl}
   * reaching component version {@code componentPurl}: -1 when it does not apply; otherwise higher is
   * more specific (a named subcomponent beats the whole product, an exact product version beats a
   * range, a range beats every version). Both PURLs are canonical, with versions.
   */
  public int appliesTo(Purl productPurl, Purl componentPurl) {
    if (!applicable() || !productKey.equals(productPurl.packageKey())) {
      return -1;
    }
    int score;
    if (!productVersion.isEmpty()) {
      if (!sameVersion(productPurl, productVersion)) {
        return -1;
      }
      score = 4;
    } else if (!productRange.isEmpty()) {
      if (!inRange(productPurl)) {
        return -1;
      }
      score = 2;
    } else {
      score = 0;
    }
    if (!subcomponents.isEmpty()) {
      boolean named = false;
      for (String sub : subcomponents) {
        Purl subPurl = Purl.parse(sub);
        if (subPurl.packageKey().equals(componentPurl.packageKey())
            && (subPurl.version().isEmpty() || sameVersion(componentPurl, subPurl.version()))) {
          named = true;
          break;
        }
      }
      if (!named) {
        return -1;
      }
      score += 1;
    }
    return score;
  }

  private static boolean sameVersion(Purl purl, String version) {
    if (purl.version().equals(version)) {
      return true;
    }
    try {
      return Ecosystem.fromPurlType(purl.type()).scheme().compare(purl.version(), version) == 0;
    } catch (InvalidInputException unparsable) {
      return false;
    }
  }

  private boolean inRange(Purl purl) {
    try {
      return VersionRange.parseVersLenient(productRange).contains(purl.version());
    } catch (InvalidInputException unparsable) {
      return false;
    }
  }

  /**
   * The statement that decides a finding: among {@code statements} (already selected by
   * vulnerability name), the one that applies most specifically to the product and component, and
   * among equally specific ones the latest (by timestamp; statements without one count as oldest;
   * later list positions win ties, so callers list them in import order).
   */
  public static Optional<VexStatement> decide(List<VexStatement> statements, Purl productPurl, Purl componentPurl) {
    VexStatement best = null;
    int bestScore = -1;
    for (VexStatement statement : statements) {
      int score = statement.appliesTo(productPurl, componentPurl);
      if (score < 0) {
        continue;
      }
      if (best == null || score > bestScore || (score == bestScore && !statement.olderThan(best))) {
        best = statement;
        bestScore = score;
      }
    }
    return Optional.ofNullable(best);
  }

  private boolean olderThan(VexStatement other) {
    Instant mine = timestamp.orElse(Instant.MIN);
    Instant theirs = other.timestamp.orElse(Instant.MIN);
    return mine.isBefore(theirs);
  }
}
