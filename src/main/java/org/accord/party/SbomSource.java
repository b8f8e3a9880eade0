package org.accord.party;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Whose SBOMs describe a product version: the product's owner's (the organization holding the approved
 * claim on its namespace, ADR 0091), third parties' (anyone may upload an SBOM for any product:
 * operators often hold their vendors' SBOMs, ADR 0092), both, or none. The exposure graph is the union
 * of the live documents' edges, so a path through a {@link #MIXED} product may rest on either's edges.
 */
public enum SbomSource {
  /** Every live SBOM of the product version is its owner's. */
  OWNER,
  /** No live SBOM of the product version is its owner's (or it has no owner). */
  THIRD_PARTY,
  /** The owner's live SBOM and at least one other organization's. */
  MIXED,
  /** No live SBOM describes the product version. */
  NONE;

  /** The source as shown: {@code owner}, {@code third_party}, {@code mixed}, {@code none}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The source with this label.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static SbomSource fromLabel(String label) {
    for (SbomSource source : values()) {
      if (source.label().equals(label)) {
        return source;
      }
    }
    throw new IllegalArgumentException("not an SBOM source: " + label);
  }

  /**
   * The source of a product version's SBOMs.
   *
   * @param owner the approved claim that owns the product, or empty when none does
   * @param liveUploaders the organizations whose live SBOMs describe the product version
   */
  public static SbomSource of(Optional<ProductClaim> owner, Collection<Organization> liveUploaders) {
    Objects.requireNonNull(owner, "owner");
    if (liveUploaders.isEmpty()) {
      return NONE;
    }
    long ownerId = owner.map(claim -> claim.organization().id()).orElse(Long.MIN_VALUE);
    boolean owners = false;
    boolean others = false;
    for (Organization uploader : liveUploaders) {
      if (owner.isPresent() && uploader.id() == ownerId) {
        owners = true;
      } else {
        others = true;
      }
    }
    return owners ? (others ? MIXED : OWNER) : THIRD_PARTY;
  }
}
