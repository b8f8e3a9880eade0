package org.accord.disclosure.plan;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.accord.jurisdiction.ClockStart;
import org.accord.jurisdiction.Obligation;
import org.accord.jurisdiction.Rule;

/**
 * One rule of a pack that binds one recipient of a plan, with its due time (ADR 0137). Immutable.
 *
 * @param party the bound organization's name
 * @param country its country (never null: a party without one is {@link WaveRules.Unassessed})
 * @param pack the pack's id, such as {@code eu-cra}
 * @param packTitle the pack's one-line title
 * @param rule the rule, with its obligation and its citation ({@link Rule#source()})
 * @param started when the obligation's clock started for this party, if it has ({@link Obligation.Notify} only)
 * @param due when the notification is due; empty while the clock has not started, when the law states no
 *     term, and for a sharing restriction
 * @param to whom the notification goes to, resolved to the instance's organizations where it knows
 *     them (a CERT of the party's country), else described; empty for a sharing restriction
 * @param assumes the facts Accord does not know that the rule needs: empty when the rule applies on
 *     what Accord knows, else it applies only if these hold
 */
public record AppliedRule(
    String party, String country, String pack, String packTitle, Rule rule, Optional<Instant> started, Optional<Instant> due,
    List<String> to, List<CaseFact> assumes) {
  public AppliedRule {
    Objects.requireNonNull(party, "party");
    Objects.requireNonNull(country, "country");
    Objects.requireNonNull(pack, "pack");
    Objects.requireNonNull(packTitle, "packTitle");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(due, "due");
    to = List.copyOf(to);
    assumes = List.copyOf(assumes);
  }

  /** The notification, when the rule's obligation is one. */
  public Optional<Obligation.Notify> notification() {
    return rule.obligation() instanceof Obligation.Notify n ? Optional.of(n) : Optional.empty();
  }

  /** The clock the due time counts from, for a notification. */
  public Optional<ClockStart> clock() {
    return notification().map(Obligation.Notify::clock);
  }

  /** {@code eu-cra Art. 14(2)(a)}: the pack and the citation. */
  public String citation() {
    return pack + " " + rule.source();
  }

  /** One sentence a case owner reads. */
  public String text() {
    String what;
    if (rule.obligation() instanceof Obligation.Notify n) {
      what = n.stage() + " to " + String.join(", ", to)
          + due.map(d -> " by " + d).orElse(n.term().isEmpty() ? " (no term stated)"
              : " within " + n.within() + " of " + clockText(n.clock()) + ", not started yet");
    } else {
      Obligation.RestrictSharing r = (Obligation.RestrictSharing) rule.obligation();
      what = "no unpublished details to organizations outside " + String.join(", ", r.countries())
          + (r.except().isEmpty() ? "" : " but the product's provider");
    }
    return party + " (" + country + "): " + what + " [" + citation() + "]"
        + condition(assumes);
  }

  /** {@code " if FACT and FACT (not declared for the case: accord case terms)"}, or empty when nothing is assumed. */
  static String condition(List<CaseFact> assumes) {
    return assumes.isEmpty() ? "" : " if " + assumes.stream().map(CaseFact::text).collect(Collectors.joining(" and ")) + " (not declared for the case: accord case terms)";
  }

  static String clockText(ClockStart clock) {
    return switch (clock) {
      case AWARENESS -> "awareness";
      case EXPLOITATION_OBSERVED -> "exploitation observed";
      case CORRECTIVE_MEASURE_AVAILABLE -> "a corrective measure";
      case AFTER_RULE -> "the earlier notification";
    };
  }
}
