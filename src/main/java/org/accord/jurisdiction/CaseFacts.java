package org.accord.jurisdiction;

/**
 * What a plan knows about a case as seen from one party, for evaluating a {@link Trigger}. The plan
 * fills it from the case state and the exposure; this package does not know where each fact comes from.
 *
 * @param attacksObserved the case's A event holds (Vultron {@code ...A}): exploitation was observed
 * @param networkProduct an affected product is a network product (hardware or software that connects
 *     to a network); the rule's binding decides whether the party is its provider or a finder
 * @param integratedComponent the vulnerable package is a component the party integrates, not its own code
 * @param significantIncident the party, as an operator, had a significant incident caused by the
 *     vulnerability
 */
public record CaseFacts(
    boolean attacksObserved, boolean networkProduct, boolean integratedComponent, boolean significantIncident) {
  /** No fact holds: only {@link Trigger#ANY_VULNERABILITY} applies. */
  public static final CaseFacts NONE = new CaseFacts(false, false, false, false);
}
