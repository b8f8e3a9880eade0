package org.accord.disclosure;

/**
 * What a participant (or its invitation's deadline) does to its consent. The cascades of embargo
 * changes (proposals, decisions, the embargo's end) are not events here: {@link EmbargoNegotiation}
 * and {@link EmbargoConsent#afterEmbargo} apply them to every participant.
 */
public enum PecEvent {
  /** The participant is invited to the current terms (EP; MSM-07-002). */
  INVITE,
  /** The participant accepts the current terms (EA; MSM-07-003). */
  ACCEPT,
  /** The participant declines, or withdraws its consent (ER; MSM-07-004). */
  DECLINE,
  /** The invitation's answer deadline passed without an answer (the pocket veto; MSM-07-007). */
  DEADLINE_PASSED
}
