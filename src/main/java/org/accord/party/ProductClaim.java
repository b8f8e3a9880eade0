package org.accord.party;

import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.accord.InvalidInputException;

/**
 * An organization's claim to own a product namespace: a package URL without version (such as {@code
 * pkg:generic/acme/router}, which covers every version of that package) or a prefix ending in {@code
 * /} (such as {@code pkg:maven/com.vendora/}, which covers every package under it). The coordinator
 * approves or rejects it; an approved claim makes its organization the namespace's owner, whose VEX
 * statements decide the status of findings in the covered products. Uploading an SBOM first makes no
 * one an owner.
 *
 * @param id the public id ({@code clm_} and 16 hex digits), never the row id
 * @param organization the claiming organization
 * @param namespace the canonical package key or prefix claimed
 * @param state pending, approved or rejected
 * @param reason the coordinator's reason for a rejection; empty otherwise
 * @param created when it was claimed
 * @param decided when the coordinator decided it, or null while pending
 */
public record ProductClaim(
    String id, Organization organization, String namespace, ClaimState state, String reason, Instant created, Instant decided) {
  private static final Pattern ID = Pattern.compile("clm_[0-9a-f]{16}");

  public ProductClaim {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(organization, "organization");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(created, "created");
    reason = reason == null ? "" : reason;
  }

  /** Whether {@code text} has the form of a claim id; anything else names no claim. */
  public static boolean isId(String text) {
    return text != null && ID.matcher(text).matches();
  }

  /** Whether the namespace is a prefix ({@code pkg:maven/com.vendora/}) rather than one package. */
  public boolean isPrefix() {
    return namespace.endsWith("/");
  }

  /**
   * Whether this claim's namespace covers a package, given by its canonical package key (a PURL without
   * version): the same package, or a package under the prefix. Says nothing of the claim's state.
   */
  public boolean covers(String packageKey) {
    return covers(namespace, packageKey);
  }

  private static boolean covers(String namespace, String packageKey) {
    return namespace.endsWith("/") ? packageKey.startsWith(namespace) : packageKey.equals(namespace);
  }

  /** Whether two namespaces cover a common package: one equals or lies under the other. */
  public boolean overlaps(ProductClaim other) {
    return covers(namespace, other.namespace) || covers(other.namespace, namespace);
  }

  /**
   * The owner of a package: the most specific approved claim among {@code claims} that covers it (an
   * exact package before the longest prefix), or empty when none does.
   */
  public static Optional<ProductClaim> owner(Collection<ProductClaim> claims, String packageKey) {
    ProductClaim best = null;
    for (ProductClaim claim : claims) {
      if (claim.state() != ClaimState.APPROVED || !claim.covers(packageKey)) {
        continue;
      }
      if (best == null || specificity(claim) > specificity(best)) {
        best = claim;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * {@link #owner} for many packages over the same claims: an index of the approved claims by
   * namespace, looked up with the package key itself and then with each of its prefixes ending in
   * {@code /}, longest first. The same answers as {@code owner(claims, packageKey)}, in time of the
   * key's length instead of the number of claims (a plan asks it for every affected product).
   */
  public static java.util.function.Function<String, Optional<ProductClaim>> owners(Collection<ProductClaim> claims) {
    java.util.Map<String, ProductClaim> byNamespace = new java.util.HashMap<>();
    for (ProductClaim claim : claims) {
      if (claim.state() == ClaimState.APPROVED) {
        byNamespace.putIfAbsent(claim.namespace(), claim); // the first of equals, as owner keeps it
      }
    }
    return packageKey -> {
      ProductClaim exact = byNamespace.get(packageKey);
      if (exact != null) {
        return Optional.of(exact);
      }
      for (int slash = packageKey.lastIndexOf('/'); slash >= 0; slash = packageKey.lastIndexOf('/', slash - 1)) {
        ProductClaim prefix = byNamespace.get(packageKey.substring(0, slash + 1));
        if (prefix != null) {
          return Optional.of(prefix);
        }
      }
      return Optional.empty();
    };
  }

  private static int specificity(ProductClaim claim) {
    return claim.isPrefix() ? claim.namespace().length() : Integer.MAX_VALUE;
  }

  /**
   * This claim decided: approved, or rejected with a reason.
   *
   * @throws InvalidInputException if it is not pending (a decision is final; location {@code claim}),
   *     or {@code to} is pending
   */
  public ProductClaim decide(ClaimState to, String why, Instant at) {
    if (to == ClaimState.PENDING) {
      throw new InvalidInputException("a claim is decided as approved or rejected, not pending", "state");
    }
    if (state != ClaimState.PENDING) {
      throw new InvalidInputException("claim " + id + " is already " + state.label() + "; a decision is final", "claim");
    }
    String clean = why == null ? "" : why.strip();
    if (clean.length() > 500) {
      throw new InvalidInputException("a reason is at most 500 characters", "reason");
    }
    return new ProductClaim(id, organization, namespace, to, to == ClaimState.REJECTED ? clean : "", created, at);
  }
}
