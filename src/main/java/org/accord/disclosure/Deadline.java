package org.accord.disclosure;

import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;

/**
 * A dated point of a case that a member must act on or know about: the embargo's end, a proposed new
 * end, an RSVP deadline. A closed set of kinds, each a record; later sources (a plan's waves, legal
 * obligations from rule packs) become new records here and every reader of deadlines, such as {@link
 * DeadlineCalendar}, takes them from the list it is given (ADR 0132). Immutable and thread-safe;
 * nothing is null.
 *
 * <p>{@link #subject()} tells two deadlines of one kind in one case apart and never changes with the
 * deadline's time, so a calendar event keyed on case, kind and subject is updated when the time moves
 * rather than duplicated.
 */
public sealed interface Deadline permits Deadline.EmbargoEnd, Deadline.EmbargoRevision, Deadline.Rsvp, Deadline.PlanWave,
    Deadline.ObligationDue, Deadline.PolicyDisclosure {
  /** Deadlines in time order, then by kind and subject, so a list of them has one order. */
  Comparator<Deadline> ORDER = Comparator.comparing(Deadline::at).thenComparing(Deadline::kind).thenComparing(Deadline::subject);

  /** The kinds of deadline. */
  enum Kind {
    /** When the embargo ends: the terms in force, or the terms the owner's accept would put in force. */
    EMBARGO_END("embargo ends"),
    /** When a proposed revision of the embargo in force would end it. */
    EMBARGO_REVISION("proposed new embargo end"),
    /** When a participant must answer the embargo terms it is invited to (ADR 0116). */
    RSVP("RSVP deadline"),
    /** When a wave of the adopted notification plan goes out (ADR 0133, 0134). */
    PLAN_WAVE("notification wave"),
    /** When a participant's obligation under a rule pack falls due (ADR 0138). */
    OBLIGATION("obligation due"),
    /** The latest the case must be public under the disclosure policy it adopted (ADR 0152). */
    POLICY_DISCLOSURE("disclosure due under the case's policy");

    private final String title;

    Kind(String title) {
      this.title = title;
    }

    /** The kind as an identifier: {@code embargo-end}, {@code embargo-revision}, {@code rsvp}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind as a person reads it: {@code embargo ends}. */
    public String title() {
      return title;
    }
  }

  /** The case the deadline belongs to. */
  CaseId caseId();

  /** When it falls, in UTC. */
  Instant at();

  /** Its kind. */
  Kind kind();

  /** What it is about within its kind and case, stable while its time moves; empty when a case has one of the kind. */
  String subject();

  /** Whether it is only proposed (nobody agreed to it yet), rather than in force. */
  boolean tentative();

  /** A sentence without embargoed detail: the kind, and for an RSVP deadline whose it is. */
  String title();

  /**
   * The end of the embargo.
   *
   * @param agreed whether these are the terms in force; false for the terms the case owner's accept
   *     would put in force (EM Proposed)
   */
  record EmbargoEnd(CaseId caseId, Instant at, boolean agreed) implements Deadline {
    public EmbargoEnd {
      Objects.requireNonNull(caseId, "caseId");
      Objects.requireNonNull(at, "at");
    }

    @Override
    public Kind kind() {
      return Kind.EMBARGO_END;
    }

    @Override
    public String subject() {
      return "";
    }

    @Override
    public boolean tentative() {
      return !agreed;
    }

    @Override
    public String title() {
      return agreed ? "embargo ends" : "embargo ends (proposed, not agreed yet)";
    }
  }

  /** The end a proposed revision of the embargo in force would set (EM Revise); the terms in force still hold. */
  record EmbargoRevision(CaseId caseId, Instant at) implements Deadline {
    public EmbargoRevision {
      Objects.requireNonNull(caseId, "caseId");
      Objects.requireNonNull(at, "at");
    }

    @Override
    public Kind kind() {
      return Kind.EMBARGO_REVISION;
    }

    @Override
    public String subject() {
      return "";
    }

    @Override
    public boolean tentative() {
      return true;
    }

    @Override
    public String title() {
      return "proposed new embargo end (not agreed yet)";
    }
  }

  /**
   * A participant's RSVP deadline.
   *
   * @param organization the participant's organization id (the subject)
   * @param own whether it is the deadline of the member's own participant, rather than another's (as
   *     the case owner sees them)
   */
  record Rsvp(CaseId caseId, long organization, Instant at, boolean own) implements Deadline {
    public Rsvp {
      Objects.requireNonNull(caseId, "caseId");
      Objects.requireNonNull(at, "at");
    }

    @Override
    public Kind kind() {
      return Kind.RSVP;
    }

    @Override
    public String subject() {
      return "participant-" + organization;
    }

    @Override
    public boolean tentative() {
      return false;
    }

    @Override
    public String title() {
      return own ? "your RSVP deadline on the embargo terms" : "a participant's RSVP deadline on the embargo terms";
    }
  }

  /**
   * A wave of the case's adopted notification plan that has not gone out yet, as its case owner and
   * the coordinator see it (the plan names parties others may not know of, so only they see it).
   *
   * @param wave what the wave is for (the subject: a recomputed plan keeps its waves' kinds)
   * @param gated whether it also waits for a fix; its time is then the earliest it can go out
   */
  record PlanWave(CaseId caseId, org.accord.disclosure.plan.WaveKind wave, Instant at, boolean gated) implements Deadline {
    public PlanWave {
      Objects.requireNonNull(caseId, "caseId");
      Objects.requireNonNull(wave, "wave");
      Objects.requireNonNull(at, "at");
    }

    @Override
    public Kind kind() {
      return Kind.PLAN_WAVE;
    }

    @Override
    public String subject() {
      return wave.label().replace('_', '-');
    }

    @Override
    public boolean tentative() {
      return gated;
    }

    @Override
    public String title() {
      String what = wave == org.accord.disclosure.plan.WaveKind.PUBLICATION ? "publication due" : "notification wave (" + wave.label().replace('_', ' ') + ")";
      return what + (gated ? ", once a fix is ready" : "");
    }
  }

  /**
   * A participant's open obligation under the adopted plan's rules (ADR 0138), as its organization, the
   * case owner and the coordinator see it. The title names neither the law nor the organization: a
   * calendar leaves TLP's community (ADR 0132), and "an EU early warning is due" tells of exploitation.
   *
   * @param obligation the obligation's public id (the subject; random, so it names nothing)
   * @param own whether it is the member's own organization's
   * @param conditional whether it holds only if a fact Accord does not record holds: shown as tentative
   */
  record ObligationDue(CaseId caseId, String obligation, Instant at, boolean own, boolean conditional) implements Deadline {
    public ObligationDue {
      Objects.requireNonNull(caseId, "caseId");
      Objects.requireNonNull(obligation, "obligation");
      Objects.requireNonNull(at, "at");
    }

    @Override
    public Kind kind() {
      return Kind.OBLIGATION;
    }

    @Override
    public String subject() {
      return obligation;
    }

    @Override
    public boolean tentative() {
      return conditional;
    }

    @Override
    public String title() {
      return (own ? "your organization's reporting obligation is due" : "a participant's reporting obligation is due")
          + (conditional ? " (if a condition holds)" : "");
    }
  }

  /**
   * The latest the case must be public under the disclosure policy it adopted, as every participant
   * who sees the case sees it: a policy is a term of the case, like the embargo's end.
   *
   * @param policy the policy's id (the subject: the time moves as a fix or an attack is recorded)
   */
  record PolicyDisclosure(CaseId caseId, String policy, Instant at) implements Deadline {
    public PolicyDisclosure {
      Objects.requireNonNull(caseId, "caseId");
      Objects.requireNonNull(policy, "policy");
      Objects.requireNonNull(at, "at");
    }

    @Override
    public Kind kind() {
      return Kind.POLICY_DISCLOSURE;
    }

    @Override
    public String subject() {
      return policy;
    }

    @Override
    public boolean tentative() {
      return false;
    }

    @Override
    public String title() {
      return "disclosure due under the case's policy (" + policy + ")";
    }
  }
}
