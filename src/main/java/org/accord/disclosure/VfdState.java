package org.accord.disclosure;

/**
 * The vendor half of Vultron's case state for one vendor participant ({@code
 * docs/topics/process_models/cs/cs_model.md}): aware ({@code V}), fix ready ({@code F}), fix deployed
 * ({@code D}). Immutable; the invariant D ⇒ F ⇒ V holds for every instance.
 *
 * @param vendorAware {@code V}
 * @param fixReady {@code F}; implies {@code vendorAware}
 * @param fixDeployed {@code D}; implies {@code fixReady}
 */
public record VfdState(boolean vendorAware, boolean fixReady, boolean fixDeployed) {
  /** {@code vfd}: the vendor does not know yet. */
  public static final VfdState UNAWARE = new VfdState(false, false, false);
  /** {@code Vfd}: aware, no fix yet. */
  public static final VfdState AWARE = new VfdState(true, false, false);

  /**
   * @throws IllegalArgumentException if D ⇒ F ⇒ V does not hold (the vendor fix path is causal,
   *     cs/transitions.md)
   */
  public VfdState {
    if (fixReady && !vendorAware) {
      throw new IllegalArgumentException("a fix cannot be ready before the vendor is aware (F implies V)");
    }
    if (fixDeployed && !fixReady) {
      throw new IllegalArgumentException("a fix cannot be deployed before it is ready (D implies F)");
    }
  }

  /** The three letters as Vultron writes them, e.g. {@code VFd}. */
  public String code() {
    return "" + (vendorAware ? 'V' : 'v') + (fixReady ? 'F' : 'f') + (fixDeployed ? 'D' : 'd');
  }
}
