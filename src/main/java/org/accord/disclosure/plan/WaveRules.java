package org.accord.disclosure.plan;

import java.util.List;
import java.util.Objects;

/**
 * The rules that bind one wave's recipients (ADR 0137). Immutable.
 *
 * @param wave the wave's number
 * @param rules each rule that binds a recipient, by recipient then pack order
 * @param unassessed the recipients no rule could be applied to, and why: never silently "no rule applies"
 */
public record WaveRules(int wave, List<AppliedRule> rules, List<Unassessed> unassessed) {
  public WaveRules {
    rules = List.copyOf(rules);
    unassessed = List.copyOf(unassessed);
  }

  /**
   * A recipient whose rules could not be assessed.
   *
   * @param party the organization's name
   * @param why what Accord does not know, in a sentence
   */
  public record Unassessed(String party, String why) {
    public Unassessed {
      Objects.requireNonNull(party, "party");
      Objects.requireNonNull(why, "why");
    }
  }
}
