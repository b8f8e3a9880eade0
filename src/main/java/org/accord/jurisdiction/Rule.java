package org.accord.jurisdiction;

import java.util.Objects;
import org.accord.InvalidInputException;
import org.accord.party.OrgKind;

/**
 * One obligation of a law: when {@code trigger} holds for a party {@code binds} covers, the party owes
 * {@code obligation}.
 *
 * @param id unique within its pack: lower case letters, digits and hyphens
 * @param trigger what makes the rule apply
 * @param binds whom it binds
 * @param obligation what it requires
 * @param source the citation within the pack's legal source, such as {@code Art. 14(2)(a)}
 */
public record Rule(String id, Trigger trigger, Binding binds, Obligation obligation, String source) {
  public Rule {
    RulePack.requireId(id, "id");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(binds, "binds");
    Objects.requireNonNull(obligation, "obligation");
    if (source == null || source.isBlank()) {
      throw new InvalidInputException("a rule cites its source, such as Art. 14(2)(a)", "source");
    }
    source = source.strip();
  }

  /** Whether the rule applies to an organization of {@code kind} in {@code country} on {@code facts}. */
  public boolean appliesTo(OrgKind kind, String country, CaseFacts facts) {
    return binds.binds(kind, country) && trigger.holds(facts);
  }
}
