package org.accord.accountability.commitment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The deadlines that commitments set in one case, as a pure function of the case's facts, the bindings and
 * the time (ADR 0141). Stateless and thread-safe.
 *
 * <p>A version attaches to a case by itself, for a participant, when the participant's organization is
 * bound by it (it published the pledge, or its admin joined the arrangement's version) no later than the
 * case was opened, the version was in force then (published, not yet superseded, valid), and its scope
 * admits the case: the case's severity, its products and the participant's sectors. Then each term of a
 * kind the participant can keep (fixes are a vendor's) and for the case's severity (or for any severity)
 * gives one deadline. Which version applies is fixed at the case's opening: a promise made or changed
 * later does not rewrite what was promised for a case already under way.
 *
 * <p>Each kind's clock, from the case's events:
 *
 * <ul>
 *   <li>acknowledge-report: from the participant's invitation (for the owner, the case's opening) to its
 *       acknowledgement;
 *   <li>fix-ready: from its invitation to its first fix-ready (Vultron F);
 *   <li>notify-downstream: from its first fix-ready to the first invitation or plan wave it sends after;
 *   <li>publish-vex: from the case's publication to its first VEX status (one set before publication is
 *       kept at publication);
 *   <li>join-embargo: from the later of its invitation and the first embargo proposal by another party, to
 *       its consent or acceptance (or its own proposal).
 * </ul>
 */
public final class CommitmentDeadlines {
  private CommitmentDeadlines() {}

  /**
   * An organization bound by a version from a time on.
   *
   * @param version the version
   * @param organization the bound organization's store id
   * @param since when it was bound: the version's publication for a pledge, the join for an arrangement
   */
  public record Binding(PledgeVersion version, long organization, Instant since) {
    public Binding {
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(since, "since");
    }
  }

  /**
   * The deadlines of {@code facts}'s case under {@code bindings}, ordered by due time (waiting ones last),
   * then commitment, kind and organization.
   *
   * @param now the time the states are computed at
   */
  public static List<CommitmentDeadline> of(CaseFacts facts, List<Binding> bindings, Instant now) {
    Objects.requireNonNull(facts, "facts");
    Objects.requireNonNull(now, "now");
    List<CommitmentDeadline> out = new ArrayList<>();
    for (CaseFacts.Party party : facts.participants()) {
      for (Binding binding : bindings) {
        PledgeVersion version = binding.version();
        if (binding.organization() != party.organization() || binding.since().isAfter(facts.opened())
            || !version.inForceAt(facts.opened())
            || !version.pledge().scope().matches(facts.severity(), facts.products(), party.sectors())) {
          continue;
        }
        for (PledgeKind kind : PledgeKind.values()) {
          if (kind.vendorOnly() && !party.vendor()) {
            continue;
          }
          version.pledge().term(kind, facts.severity()).ifPresent(term -> out.add(deadline(facts, party, version, term, now)));
        }
      }
    }
    out.sort(Comparator.comparing((CommitmentDeadline d) -> d.due().orElse(Instant.MAX))
        .thenComparing(CommitmentDeadline::commitment).thenComparing(CommitmentDeadline::kind).thenComparing(CommitmentDeadline::organization));
    return List.copyOf(out);
  }

  private static CommitmentDeadline deadline(CaseFacts facts, CaseFacts.Party party, PledgeVersion version, Term term, Instant now) {
    long org = party.organization();
    Optional<Instant> start;
    Optional<Instant> kept;
    switch (term.kind()) {
      case ACKNOWLEDGE_REPORT -> {
        start = Optional.of(party.invited());
        kept = party.acknowledged();
      }
      case FIX_READY -> {
        start = Optional.of(party.invited());
        kept = first(facts, f -> f instanceof CaseFacts.Fact.FixReady r && r.vendor() == org, Instant.MIN);
      }
      case NOTIFY_DOWNSTREAM -> {
        start = first(facts, f -> f instanceof CaseFacts.Fact.FixReady r && r.vendor() == org, Instant.MIN);
        kept = start.flatMap(s -> first(facts, f -> f instanceof CaseFacts.Fact.Notified n && n.by() == org, s));
      }
      case PUBLISH_VEX -> {
        start = first(facts, f -> f instanceof CaseFacts.Fact.Published, Instant.MIN);
        Optional<Instant> status = first(facts, f -> f instanceof CaseFacts.Fact.StatusSet s && s.by() == org, Instant.MIN);
        kept = start.flatMap(s -> status.map(t -> t.isBefore(s) ? s : t));
      }
      case JOIN_EMBARGO -> {
        Optional<Instant> proposed = first(facts, f -> f instanceof CaseFacts.Fact.EmbargoProposed p && p.by() != org, Instant.MIN);
        start = proposed.map(p -> p.isBefore(party.invited()) ? party.invited() : p);
        kept = start.flatMap(s -> first(facts, f -> f instanceof CaseFacts.Fact.EmbargoJoined j && j.by() == org
            || f instanceof CaseFacts.Fact.EmbargoProposed p && p.by() == org, Instant.MIN));
      }
      default -> throw new IllegalStateException("unknown kind " + term.kind());
    }
    Optional<Instant> due = start.map(s -> s.plus(term.within()));
    CommitmentDeadline.State state;
    if (due.isEmpty()) {
      state = CommitmentDeadline.State.WAITING;
    } else if (kept.isPresent()) {
      state = kept.get().isAfter(due.get()) ? CommitmentDeadline.State.LATE : CommitmentDeadline.State.MET;
    } else {
      state = now.isAfter(due.get()) ? CommitmentDeadline.State.MISSED : CommitmentDeadline.State.OPEN;
    }
    return new CommitmentDeadline(version.commitment(), version.version(), version.pledge().title(), version.organizationName(),
        term.kind(), term.severity(), term.within(), party.name(), start, due, kept, state);
  }

  /** The earliest fact matching {@code which} at or after {@code from}. */
  private static Optional<Instant> first(CaseFacts facts, Predicate<CaseFacts.Fact> which, Instant from) {
    return facts.facts().stream().filter(which).map(CaseFacts.Fact::at).filter(t -> !t.isBefore(from)).min(Comparator.naturalOrder());
  }
}
