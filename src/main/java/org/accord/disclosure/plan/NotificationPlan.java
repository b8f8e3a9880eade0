package org.accord.disclosure.plan;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.accord.disclosure.Suggestion;

/**
 * A computed notification plan: its waves in order, and what it could not include. Immutable.
 *
 * @param strategy the name of the strategy that computed it
 * @param computedAt when it was computed
 * @param waves the waves, numbered from 1 in due order
 * @param withheld affected deployments of operators the requester may not see, as k-anonymous counts
 *     (ADR 0097): they are reached through their CERTs or the publication, never by name
 * @param notes what the plan could not include or decide (an unknown package, an organization without
 *     a country, no vendor found), so a short plan is never silent
 * @param rules what the rule packs say about its waves (ADR 0137), {@link PlanRules#NOT_CHECKED} for the
 *     plan of a strategy alone
 */
public record NotificationPlan(
    String strategy, Instant computedAt, List<Wave> waves, List<Suggestion.DeploymentCount> withheld, List<String> notes,
    PlanRules rules) {
  public NotificationPlan {
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(computedAt, "computedAt");
    waves = List.copyOf(waves);
    withheld = List.copyOf(withheld);
    notes = List.copyOf(notes);
    Objects.requireNonNull(rules, "rules");
  }

  /** A plan no rule pack was applied to. */
  public NotificationPlan(
      String strategy, Instant computedAt, List<Wave> waves, List<Suggestion.DeploymentCount> withheld, List<String> notes) {
    this(strategy, computedAt, waves, withheld, notes, PlanRules.NOT_CHECKED);
  }

  /** This plan with {@code rules}. */
  public NotificationPlan withRules(PlanRules rules) {
    return new NotificationPlan(strategy, computedAt, waves, withheld, notes, rules);
  }

  /** The wave that tells {@code organization} (case-insensitive), if any. */
  public Optional<Wave> waveOf(String organization) {
    return waves.stream()
        .filter(w -> w.recipients().stream().anyMatch(r -> r.organization().equalsIgnoreCase(organization)))
        .findFirst();
  }
}
