package org.accord.disclosure.plan;

import java.util.Locale;
import org.accord.jurisdiction.CaseFacts;
import org.accord.jurisdiction.Trigger;

/**
 * A fact of a case a rule's {@link Trigger} tests, and how a plan learns it (ADR 0137). Two are known to
 * Accord for every recipient (the A event, and whether the recipient ships a product that integrates the
 * affected component); two are not recorded by Accord and are unknown unless the case declares them
 * ({@link RuleInput}): a rule that needs an unknown fact is listed as applying <em>if</em> the fact holds,
 * never dropped.
 */
public enum CaseFact {
  /** Exploitation was observed: the case's A event. Known to Accord. */
  ATTACKS_OBSERVED("exploitation was observed (the case's A event)", true),
  /** An affected product is a network product (CN RMSV Art. 2). Not recorded by Accord. */
  NETWORK_PRODUCT("an affected product is a network product", false),
  /** The recipient ships a product that integrates the affected component (a dependency path). Known to Accord. */
  INTEGRATED_COMPONENT("the party integrates the affected component in its product", true),
  /** The recipient, as an operator, had a significant incident caused by the flaw (NIS2 Art. 23(3)). Not recorded by Accord. */
  SIGNIFICANT_INCIDENT("the party had a significant incident caused by the vulnerability", false);

  private final String text;
  private final boolean recorded;

  CaseFact(String text, boolean recorded) {
    this.text = text;
    this.recorded = recorded;
  }

  /** The fact in a sentence. */
  public String text() {
    return text;
  }

  /** Whether Accord records this fact itself; the others are unknown unless the case declares them. */
  public boolean recorded() {
    return recorded;
  }

  /** The lower-case label shown in the API and on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether this fact holds in {@code facts}. */
  boolean in(CaseFacts facts) {
    return switch (this) {
      case ATTACKS_OBSERVED -> facts.attacksObserved();
      case NETWORK_PRODUCT -> facts.networkProduct();
      case INTEGRATED_COMPONENT -> facts.integratedComponent();
      case SIGNIFICANT_INCIDENT -> facts.significantIncident();
    };
  }
}
