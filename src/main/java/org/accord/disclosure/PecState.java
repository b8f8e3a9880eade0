package org.accord.disclosure;

/**
 * One participant's consent to the case's embargo (Vultron Participant Embargo Consent, {@code
 * docs/topics/process_models/em/participant-embargo-consent.md}). Only a {@link #SIGNATORY} is bound by
 * the embargo (Vultron's {@code embargo_adherence}).
 */
public enum PecState {
  /** Not bound by any embargo terms (Vultron {@code UNBOUND}); the initial state. */
  NO_EMBARGO,
  /** Invited to the current terms; no answer yet. */
  INVITED,
  /** Accepted the current terms. */
  SIGNATORY,
  /** Refused, withdrew consent, or let the invitation's deadline pass (the pocket veto). */
  DECLINED,
  /**
   * Was a signatory, but longer terms it did not accept came into force (an accepted revision), so the
   * earlier consent no longer applies (MSM-07-005, EP-05-001; ADR 0123).
   */
  LAPSED;

  /** Whether the participant is bound by the embargo. */
  public boolean bound() {
    return this == SIGNATORY;
  }
}
