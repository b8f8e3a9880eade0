package org.accord.disclosure;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One participant's proposed embargo terms. Participants negotiate by proposing; the terms that hold
 * are those of the shortest proposal ({@link #shortest}), because an embargo protects users only while
 * every party keeps it, and the party that needs to publish soonest cannot be held longer than it
 * agreed. Immutable and thread-safe.
 *
 * @param organization the proposing organization's id
 * @param terms the proposed terms
 * @param proposedAt when the proposal was made
 */
public record EmbargoProposal(long organization, EmbargoTerms terms, Instant proposedAt) {
  /** Earliest end first; for equal ends the earlier proposal, then the lower organization id. */
  static final Comparator<EmbargoProposal> SHORTEST_FIRST = Comparator
      .comparing((EmbargoProposal p) -> p.terms().end())
      .thenComparing(EmbargoProposal::proposedAt)
      .thenComparingLong(EmbargoProposal::organization);

  public EmbargoProposal {
    Objects.requireNonNull(terms, "terms");
    Objects.requireNonNull(proposedAt, "proposedAt");
  }

  /**
   * The proposal that wins a negotiation: the one that ends first (ties go to the earlier proposal, then
   * to the lower organization id, so the answer never depends on the order given). Empty when there is
   * no proposal.
   */
  public static Optional<EmbargoProposal> shortest(Collection<EmbargoProposal> proposals) {
    return proposals.stream().min(SHORTEST_FIRST);
  }
}
