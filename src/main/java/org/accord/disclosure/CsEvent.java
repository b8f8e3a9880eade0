package org.accord.disclosure;

/**
 * The events of Vultron's case state model ({@code Σ^cs = {V, F, D, P, X, A}}, {@code
 * docs/topics/process_models/cs/events.md}). V, F and D happen to one vendor participant; P, X and A
 * to the whole case.
 */
public enum CsEvent {
  /** The vendor becomes aware of the vulnerability. */
  VENDOR_AWARE('V', true),
  /** The vendor's fix is ready. */
  FIX_READY('F', true),
  /** The vendor's fix is deployed. */
  FIX_DEPLOYED('D', true),
  /** The public becomes aware of the vulnerability. */
  PUBLIC_AWARE('P', false),
  /** An exploit is made public. */
  EXPLOIT_PUBLIC('X', false),
  /** Attacks are observed. */
  ATTACKS_OBSERVED('A', false);

  private final char letter;
  private final boolean perVendor;

  CsEvent(char letter, boolean perVendor) {
    this.letter = letter;
    this.perVendor = perVendor;
  }

  /** The Vultron letter. */
  public char letter() {
    return letter;
  }

  /** Whether the event happens to one vendor participant (V, F, D) rather than to the case (P, X, A). */
  public boolean perVendor() {
    return perVendor;
  }
}
