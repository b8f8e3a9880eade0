package org.accord.disclosure;

import java.util.Objects;

/**
 * One participant's position towards the case's embargo: its consent to the case's terms and its answer
 * to an open revision of them (ADR 0123). Immutable and thread-safe.
 *
 * @param consent its consent to the terms in force (EM Active, Revise) or, while they are only
 *     proposed, to the terms the case owner's acceptance would put in force (the shortest open proposal)
 * @param revision its answer to the open revision; {@link RevisionAnswer#NONE} outside EM Revise
 */
public record EmbargoPosition(PecState consent, RevisionAnswer revision) {
  public EmbargoPosition {
    Objects.requireNonNull(consent, "consent");
    Objects.requireNonNull(revision, "revision");
  }

  /** A position without an open revision. */
  public static EmbargoPosition of(PecState consent) {
    return new EmbargoPosition(consent, RevisionAnswer.NONE);
  }
}
