package org.accord.disclosure;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every kind of event a case records: the one list of {@code case.*} types that its history holds and
 * the outbox writes to the log (ADR 0104, 0109). A reader of the log (the reveal verifier, an indicator
 * computed from published bundles) meets the same labels, so each has one spelling, here.
 *
 * <p>Which events a case's publication reveals, and to whom, is {@link RevealPolicy}'s rule; which
 * Vultron event each records is in the javadoc of each constant.
 */
public enum CaseEventType {
  /** The case was opened (by a report's acceptance or directly). */
  CREATED,
  /** An organization was invited as a participant (Vultron RM received for it). */
  PARTICIPANT_INVITED,
  /** A participant acknowledged the case (its RM moved to accepted). */
  ACKNOWLEDGED,
  /** An embargo was proposed, or a revision of one in force (Vultron EM P / Pr). */
  EMBARGO_PROPOSED,
  /** The owner put a proposal in force (EM A). */
  EMBARGO_ACCEPTED,
  /** A participant consented to the terms (ADR 0123). */
  EMBARGO_CONSENTED,
  /** A participant declined the terms. */
  EMBARGO_DECLINED,
  /** The owner rejected the open proposals (EM R). */
  EMBARGO_REJECTED,
  /** The embargo ended early (EM T). */
  EMBARGO_TERMINATED,
  /** The embargo met an event that ends it (P, X or A while active). */
  EMBARGO_ALERT,
  /** An RSVP deadline passed without an answer. */
  RSVP_LAPSED,
  /** A case-state event: V, F, D (per vendor), P, X or A (Vultron CS). */
  STATE_CHANGED,
  /** A vulnerability (an alias and its affected ranges) was added. */
  VULNERABILITY_ADDED,
  /** A participant set the status of one of its products. */
  STATUS_SET,
  /** The owner asked a participant for its status. */
  STATUS_REQUESTED,
  /** A message was posted to a thread. */
  MESSAGE_POSTED,
  /** A message was edited (a new revision; the old one is kept). */
  MESSAGE_EDITED,
  /** A participant chose how it is credited (ADR 0115). */
  CREDIT_SET,
  /** The owner adopted a notification plan (ADR 0134). */
  PLAN_ADOPTED,
  /** A wave of an adopted plan went out. */
  PLAN_WAVE_SENT,
  /** The owner or the coordinator acknowledged a conflict of the adopted plan (ADR 0139). */
  PLAN_CONFLICT_ACKNOWLEDGED,
  /** A participant recorded an obligation under the plan's rules done, with evidence (ADR 0138). */
  OBLIGATION_MET,
  /** An obligation's due time passed without it being recorded done (ADR 0138). */
  OBLIGATION_MISSED,
  /** A deadline (a pledge's or a legal obligation's) took a step of its escalation ladder (ADR 0155). */
  ESCALATED,
  /** An anomaly was seen: A or X under an embargo, exposure that does not shrink after F, a silent participant (ADR 0155). */
  ANOMALY_ALERT,
  /** The case adopted a published disclosure policy, or dropped it (ADR 0152). */
  POLICY_ADOPTED,
  /** The owner declared facts rule packs test that Accord does not record (ADR 0152). */
  FACTS_DECLARED,
  /** The case was published: the reveal bundle's anchor (ADR 0109). */
  PUBLISHED,
  /** Filler the case benchmark writes into a scratch store; never written by a served instance. */
  BENCH_NOTE;

  private static final String PREFIX = "case.";

  /** The type as the case history and the log spell it, such as {@code case.state_changed}. */
  public String label() {
    return PREFIX + name().toLowerCase(Locale.ROOT);
  }

  /** Whether this type records a message (posted or edited), which the reveal bundle treats apart. */
  public boolean message() {
    return this == MESSAGE_POSTED || this == MESSAGE_EDITED;
  }

  /** The type spelt {@code label}, if it is a case event type. */
  public static Optional<CaseEventType> of(String label) {
    return label == null ? Optional.empty() : Arrays.stream(values()).filter(t -> t.label().equals(label)).findFirst();
  }

  @Override
  public String toString() {
    return label();
  }
}
