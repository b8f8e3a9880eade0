package org.accord.disclosure;

/**
 * A participant's answer to the open revision of the embargo in force (EM Revise), kept apart from its
 * consent to the terms in force ({@link PecState}) because a signatory stays bound by those terms
 * while it is asked about new ones (Vultron EP-05-002, EP-09-004; ADR 0123).
 */
public enum RevisionAnswer {
  /** No revision is open, or the participant joined after it was proposed and was not asked. */
  NONE,
  /** Asked whether it accepts the open revision; no answer yet. */
  ASKED,
  /** Accepted the open revision, or proposed it (proposing terms is consenting to them). */
  ACCEPTED,
  /** Refused the open revision; a signatory stays bound by the terms in force. */
  DECLINED
}
