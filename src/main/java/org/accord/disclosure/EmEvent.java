package org.accord.disclosure;

/**
 * What may happen to a case's embargo. Vultron's symbols are {@code Σ^em = {p, r, a, t}}
 * ({@code docs/topics/process_models/em/formal_model.md}); Accord names the revision variants of
 * {@code p}, {@code a} and {@code r} apart, because a revision keeps the embargo in force where a
 * first proposal does not, and a client must say which one it means.
 */
public enum EmEvent {
  /** Propose an embargo, or counter an open proposal ({@code p} in N or P; EP, EMB-01). */
  PROPOSE,
  /** Reject the open proposal ({@code r} in P; ER). */
  REJECT,
  /** Accept the open proposal ({@code a} in P; EA, EMB-02). */
  ACCEPT,
  /** Propose new terms for the embargo in force, or counter such a proposal ({@code p} in A or R; EV, EMB-03). */
  PROPOSE_REVISION,
  /** Accept the proposed revision ({@code a} in R; EC). */
  ACCEPT_REVISION,
  /** Reject the proposed revision; the old terms stand ({@code r} in R; EJ). */
  REJECT_REVISION,
  /** End the embargo in force ({@code t} in A or R; ET). */
  TERMINATE;
}
