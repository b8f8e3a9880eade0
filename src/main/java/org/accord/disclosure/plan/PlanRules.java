package org.accord.disclosure.plan;

import java.util.List;
import java.util.Optional;

/**
 * What the rule packs say about a plan (ADR 0137): per wave the rules that bind its recipients, every
 * conflict with the alternatives that survive, the parties a sanctions pack kept out of every wave, and
 * what the check could not know. Immutable.
 *
 * @param packs the ids of the law and sanctions packs applied, in id order; empty when no packs were
 *     applied (a plan computed by a strategy alone)
 * @param waves the rules per wave, one entry per wave of the plan, in wave order
 * @param conflicts every conflict found, in the order of the waves they concern, sanctions last
 * @param excluded the parties in no wave because a sanctions pack blocks their jurisdiction
 * @param notes what the check could not know or did not do (a fact Accord does not record, a policy no
 *     case can adopt yet)
 */
public record PlanRules(
    List<String> packs, List<WaveRules> waves, List<Conflict> conflicts, List<Excluded> excluded, List<String> notes) {
  /** No pack applied: the plan of a strategy alone. */
  public static final PlanRules NOT_CHECKED = new PlanRules(List.of(), List.of(), List.of(), List.of(),
      List.of("No rule pack was applied to this plan"));

  public PlanRules {
    packs = List.copyOf(packs);
    waves = List.copyOf(waves);
    conflicts = List.copyOf(conflicts);
    excluded = List.copyOf(excluded);
    notes = List.copyOf(notes);
  }

  /** The rules of wave {@code number}, if the check covered it. */
  public Optional<WaveRules> wave(int number) {
    return waves.stream().filter(w -> w.wave() == number).findFirst();
  }

  /** The conflicts that concern wave {@code number}. */
  public List<Conflict> conflictsOf(int number) {
    return conflicts.stream().filter(c -> c.waves().contains(number)).toList();
  }

  /** The conflicts of one kind, in order. */
  public <C extends Conflict> List<C> conflicts(Class<C> kind) {
    return conflicts.stream().filter(kind::isInstance).map(kind::cast).toList();
  }
}
