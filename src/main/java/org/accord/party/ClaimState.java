package org.accord.party;

import java.util.Locale;
import org.accord.InvalidInputException;

/**
 * Where a product claim stands: asked for, approved by the coordinator, or rejected by it. Only a
 * pending claim can be decided; an approved claim makes its organization the owner of the namespace.
 */
public enum ClaimState {
  PENDING,
  APPROVED,
  REJECTED;

  /** The state as stored and shown: {@code pending}, {@code approved}, {@code rejected}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The state with this label.
   *
   * @throws InvalidInputException for anything else; location {@code state}
   */
  public static ClaimState parse(String label) {
    for (ClaimState state : values()) {
      if (state.label().equals(label == null ? "" : label.strip().toLowerCase(Locale.ROOT))) {
        return state;
      }
    }
    throw new InvalidInputException("'" + label + "' is not a claim state; use pending, approved or rejected", "state");
  }
}
