package org.accord.disclosure.obligation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.accord.disclosure.plan.AppliedRule;
import org.accord.disclosure.plan.CaseFact;
import org.accord.jurisdiction.ClockStart;
import org.accord.jurisdiction.Obligation;
import org.accord.jurisdiction.Rule;
import org.accord.jurisdiction.Term;

/**
 * One notification a rule of an adopted plan asks of one party of the case (ADR 0138): who owes it, which
 * rule of which pack, what stage of the duty, whom to notify, the clock its term counts from and the
 * citation. Its due time is not part of it: the case's clocks decide it ({@link #due}). Immutable; nothing
 * is null.
 *
 * @param organization the bound organization's name
 * @param wave the plan's wave that tells the party
 * @param pack the rule pack's id, such as {@code eu-cra}
 * @param rule the rule's id within the pack, such as {@code cra-14-early-warning}
 * @param stage the stage in the law's words, such as {@code early warning}
 * @param citation the pack and the article, such as {@code eu-cra Art. 14(1) and 14(2)(a)}
 * @param clock when the term starts
 * @param within the term; empty when the law states none ("without undue delay"): then it never falls due
 * @param after for {@link ClockStart#AFTER_RULE}, the id of the rule (same pack, same party) whose
 *     notification starts the term
 * @param to whom to notify: the instance's organizations where the plan resolved them, else a description
 * @param assumes facts Accord does not record that the rule needs: the duty holds only if they hold
 */
public record ParticipantObligation(
    String organization, int wave, String pack, String rule, String stage, String citation, ClockStart clock,
    Optional<Term> within, Optional<String> after, List<String> to, List<CaseFact> assumes) {
  public ParticipantObligation {
    Objects.requireNonNull(organization, "organization");
    Objects.requireNonNull(pack, "pack");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(citation, "citation");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(within, "within");
    Objects.requireNonNull(after, "after");
    to = List.copyOf(to);
    assumes = List.copyOf(assumes);
    if ((clock == ClockStart.AFTER_RULE) != after.isPresent()) {
      throw new IllegalArgumentException("after names the earlier rule exactly when the clock is after_rule");
    }
  }

  /**
   * The obligation {@code rule} of {@code pack} puts on {@code party} when wave {@code wave} tells it, if
   * the rule is a notification (a sharing restriction is no deadline).
   *
   * @param to whom to notify, as the plan resolved the rule's recipients ({@link AppliedRule#to()})
   * @param assumes what the rule needs that Accord does not record ({@link AppliedRule#assumes()})
   */
  public static Optional<ParticipantObligation> of(String party, int wave, String pack, Rule rule, List<String> to, List<CaseFact> assumes) {
    if (!(rule.obligation() instanceof Obligation.Notify n)) {
      return Optional.empty();
    }
    return Optional.of(new ParticipantObligation(party, wave, pack, rule.id(), n.stage(), pack + " " + rule.source(), n.clock(),
        n.term(), Optional.ofNullable(n.after()), to, assumes));
  }

  /** As {@link #of(String, int, String, Rule, List, List)} for a rule as the plan applied it. */
  public static Optional<ParticipantObligation> of(AppliedRule applied, int wave) {
    return of(applied.party(), wave, applied.pack(), applied.rule(), applied.to(), applied.assumes());
  }

  /**
   * Whether the duty binds given the facts the case declared (ADR 0152): not when a fact it assumes was
   * declared false; only conditionally while one it assumes is undeclared.
   *
   * @param declared the facts the case declared, true or false; an absent fact is undeclared
   */
  public Applies applies(java.util.Map<CaseFact, Boolean> declared) {
    if (assumes.stream().anyMatch(f -> Boolean.FALSE.equals(declared.get(f)))) {
      return Applies.NO;
    }
    return assumes.stream().allMatch(f -> Boolean.TRUE.equals(declared.get(f))) ? Applies.YES : Applies.IF;
  }

  /** Whether a duty binds: yes, only if an undeclared fact holds, or no (a fact it assumes was declared false). */
  public enum Applies {
    YES,
    IF,
    NO;

    /** As the API writes it: {@code yes}, {@code if}, {@code no}. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * When the obligation falls due: its term after the instant its clock started for the party.
   *
   * @param afterRule for {@link ClockStart#AFTER_RULE}: when the earlier rule's notification was recorded
   *     as made or, until then, was due
   * @return empty while the clock has not started, or when the law states no term
   */
  public Optional<Instant> due(ObligationClocks clocks, Optional<Instant> afterRule) {
    Map<ClockStart, Instant> started = clocks.started(afterRule);
    Instant start = started.get(clock);
    return start == null || within.isEmpty() ? Optional.empty() : Optional.of(within.get().after(start));
  }

  /** When the clock started for the party, if it has. */
  public Optional<Instant> started(ObligationClocks clocks, Optional<Instant> afterRule) {
    return Optional.ofNullable(clocks.started(afterRule).get(clock));
  }

  /** One sentence: {@code Berlin Devices must send its early warning to CERT-Bund, ENISA by … [eu-cra Art. …]}. */
  public String text(Optional<Instant> due) {
    String when = due.map(d -> " by " + d).orElse(within.map(w -> " within " + w + " of " + clockText(clock) + " (not started yet)")
        .orElse(" (the law states no term)"));
    String condition = assumes.isEmpty() ? "" : " if " + String.join(" and ", assumes.stream().map(CaseFact::text).toList())
        + " (not recorded by Accord)";
    return organization + " must send its " + stage + " to " + String.join(", ", to) + when + " [" + citation + "]" + condition;
  }

  private static String clockText(ClockStart clock) {
    return switch (clock) {
      case AWARENESS -> "being told";
      case EXPLOITATION_OBSERVED -> "exploitation observed";
      case CORRECTIVE_MEASURE_AVAILABLE -> "a corrective measure";
      case AFTER_RULE -> "the earlier notification";
    };
  }
}
