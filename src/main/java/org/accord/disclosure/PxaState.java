package org.accord.disclosure;

/**
 * The case-wide half of Vultron's case state ({@code docs/topics/process_models/cs/cs_model.md}):
 * whether the public is aware of the vulnerability ({@code P}), an exploit is public ({@code X}), and
 * attacks have been observed ({@code A}). Immutable; the invariant X ⇒ P holds for every instance.
 *
 * @param publicAware {@code P}
 * @param exploitPublic {@code X}; implies {@code publicAware}
 * @param attacksObserved {@code A}
 */
public record PxaState(boolean publicAware, boolean exploitPublic, boolean attacksObserved) {
  /** {@code pxa}: nothing public, no exploit, no attacks. */
  public static final PxaState INITIAL = new PxaState(false, false, false);

  /**
   * @throws IllegalArgumentException if {@code exploitPublic} holds without {@code publicAware}: Vultron
   *     treats exploit publication as public awareness ({@code ...pX. → ...PX.}, cs/transitions.md)
   */
  public PxaState {
    if (exploitPublic && !publicAware) {
      throw new IllegalArgumentException("an exploit that is public makes the public aware (X implies P)");
    }
  }

  /** Whether any of P, X or A holds, the condition under which no embargo may start (VP-06-001). */
  public boolean any() {
    return publicAware || exploitPublic || attacksObserved;
  }

  /** The three letters as Vultron writes them: upper case when set, e.g. {@code PXa}. */
  public String code() {
    return "" + (publicAware ? 'P' : 'p') + (exploitPublic ? 'X' : 'x') + (attacksObserved ? 'A' : 'a');
  }
}
