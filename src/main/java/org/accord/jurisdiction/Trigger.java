package org.accord.jurisdiction;

/**
 * What makes a {@link Rule} apply, as a closed set a plan evaluates against a case's facts for one
 * party ({@link #holds(CaseFacts)}). A pack naming any other trigger is refused by the schema.
 */
public enum Trigger {
  /** The party is aware of an actively exploited vulnerability: the case's A event (EU CRA Art. 14(1)). */
  ACTIVELY_EXPLOITED,
  /** A vulnerability in a network product (hardware or software) the party provides (CN RMSV). */
  VULNERABILITY_IN_NETWORK_PRODUCT,
  /** The party found the flaw in a component it integrates into its own product (EU CRA Art. 13(6)). */
  FLAW_IN_INTEGRATED_COMPONENT,
  /** A significant incident at an entity the party is (EU NIS2 Art. 23(3)). */
  SIGNIFICANT_INCIDENT,
  /** Any vulnerability the case is about. */
  ANY_VULNERABILITY;

  /** Whether the trigger holds on {@code facts}. */
  public boolean holds(CaseFacts facts) {
    return switch (this) {
      case ACTIVELY_EXPLOITED -> facts.attacksObserved();
      case VULNERABILITY_IN_NETWORK_PRODUCT -> facts.networkProduct();
      case FLAW_IN_INTEGRATED_COMPONENT -> facts.integratedComponent();
      case SIGNIFICANT_INCIDENT -> facts.significantIncident();
      case ANY_VULNERABILITY -> true;
    };
  }
}
