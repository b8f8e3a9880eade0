package org.accord.disclosure.plan;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.accord.jurisdiction.BlockedJurisdiction;
import org.accord.jurisdiction.ClockStart;

/**
 * A place where a plan and a rule pack disagree, with the rule, the parties, the clock and the
 * {@link Alternative alternatives} that survive (issue 11 item 3, ADR 0137). A closed set, one record per
 * kind.
 */
public sealed interface Conflict {
  /** The lower-case label shown in the API and on the command line. */
  String kind();

  /** The organizations involved, by name. */
  List<String> parties();

  /** The waves it concerns, by number; empty when it concerns parties in no wave. */
  List<Integer> waves();

  /** The facts Accord does not know that the conflict depends on; empty when it follows from what Accord knows. */
  List<CaseFact> assumes();

  /** The ways around it that survive, at least one. */
  List<Alternative> alternatives();

  /** One sentence a case owner reads. */
  String text();

  private static <T> List<T> nonEmpty(List<T> alternatives) {
    List<T> copy = List.copyOf(alternatives);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("a conflict offers at least one alternative, if only a coverage gap");
    }
    return copy;
  }

  /**
   * A state-first reporting deadline falls before the fix is ready or before the embargo ends: the
   * authority learns of the flaw before the public, and maybe before a fix (CN RMSV Art. 7(2)).
   *
   * @param rule the rule, its bound party, its clock and due time (present)
   * @param wave the wave that tells the bound party
   * @param fixReady when the fix was ready, if it was
   * @param embargoEnd when the embargo ends, if terms are in force
   */
  record StateFirstDeadline(AppliedRule rule, int wave, Optional<Instant> fixReady, Optional<Instant> embargoEnd,
      List<Alternative> alternatives) implements Conflict {
    public StateFirstDeadline {
      Objects.requireNonNull(rule, "rule");
      if (rule.due().isEmpty()) {
        throw new IllegalArgumentException("a state-first deadline has a due time");
      }
      Objects.requireNonNull(fixReady, "fixReady");
      Objects.requireNonNull(embargoEnd, "embargoEnd");
      alternatives = nonEmpty(alternatives);
    }

    @Override
    public String kind() {
      return "state_first_deadline";
    }

    @Override
    public List<String> parties() {
      return List.of(rule.party());
    }

    @Override
    public List<Integer> waves() {
      return List.of(wave);
    }

    @Override
    public List<CaseFact> assumes() {
      return rule.assumes();
    }

    /** The clock the deadline counts from. */
    public ClockStart clock() {
      return rule.clock().orElseThrow();
    }

    @Override
    public String text() {
      Instant due = rule.due().orElseThrow();
      return rule.party() + " must send its " + rule.notification().orElseThrow().stage() + " to " + String.join(", ", rule.to())
          + " by " + due + " (" + rule.citation() + ", " + AppliedRule.clockText(clock()) + " at " + rule.started().orElseThrow() + "), "
          + (fixReady.isEmpty() ? "before any fix is ready" : fixReady.get().isAfter(due) ? "before the fix is ready at " + fixReady.get() : "")
          + (embargoEnd.filter(due::isBefore).isPresent() ? (fixReady.filter(f -> !f.isAfter(due)).isPresent() ? "" : " and ")
              + "before the embargo ends at " + embargoEnd.get() : "")
          + AppliedRule.condition(assumes());
    }
  }

  /**
   * A rule forbids giving the unpublished details a holder gave the case to a recipient of a wave
   * (CN RMSV Art. 9(7)).
   *
   * @param rule the restriction as it binds the holder (a finder or reporter)
   * @param recipient the recipient the wave would tell
   * @param recipientCountry its country, or null when unknown (which the law cannot be shown to allow)
   * @param wave the wave that would tell it
   */
  record SharingForbidden(AppliedRule rule, String recipient, String recipientCountry, int wave, List<Alternative> alternatives)
      implements Conflict {
    public SharingForbidden {
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(recipient, "recipient");
      alternatives = nonEmpty(alternatives);
    }

    @Override
    public String kind() {
      return "sharing_forbidden";
    }

    @Override
    public List<String> parties() {
      return List.of(rule.party(), recipient);
    }

    @Override
    public List<Integer> waves() {
      return List.of(wave);
    }

    @Override
    public List<CaseFact> assumes() {
      return rule.assumes();
    }

    @Override
    public String text() {
      return rule.party() + " (" + rule.country() + ") may not give unpublished details to " + recipient + " ("
          + (recipientCountry == null ? "country unknown" : recipientCountry) + "), which is not the product's provider, but wave "
          + wave + " would tell it before publication (" + rule.citation() + ")" + AppliedRule.condition(assumes());
    }
  }

  /**
   * A jurisdiction the instance's sanctions pack blocks holds parties the exposure suggests (exposed
   * operators, their CERT): they are in no wave ({@link Excluded}).
   *
   * @param pack the sanctions pack's id
   * @param blocked the country and the measure
   * @param excluded the parties put in no wave, with the wave each would have been in
   * @param deployments the affected deployments in the country the plan can count
   */
  record SanctionedJurisdiction(String pack, BlockedJurisdiction blocked, List<Excluded> excluded, int deployments,
      List<Alternative> alternatives) implements Conflict {
    public SanctionedJurisdiction {
      Objects.requireNonNull(pack, "pack");
      Objects.requireNonNull(blocked, "blocked");
      excluded = List.copyOf(excluded);
      alternatives = nonEmpty(alternatives);
    }

    @Override
    public String kind() {
      return "sanctioned_jurisdiction";
    }

    @Override
    public List<String> parties() {
      return excluded.stream().map(e -> e.recipient().organization()).toList();
    }

    @Override
    public List<Integer> waves() {
      return List.of();
    }

    @Override
    public List<CaseFact> assumes() {
      return List.of();
    }

    @Override
    public String text() {
      return blocked.country() + " is blocked by " + blocked.source() + " (" + pack + "): " + deployments
          + " affected deployment(s) there" + (excluded.isEmpty() ? "" : "; in no wave: " + String.join(", ", parties()));
    }
  }

  /**
   * A reporting clock started because exploitation was observed (the case's A event, EU CRA Art. 14):
   * the bound party must warn the authorities within hours, whatever the embargo says.
   *
   * @param rule the rule, its bound party, its clock start and due time (present)
   * @param wave the wave that tells the bound party
   * @param exploited when attacks were first observed
   * @param embargoEnd when the embargo ends, if terms are in force
   */
  record ExploitationClock(AppliedRule rule, int wave, Instant exploited, Optional<Instant> embargoEnd, List<Alternative> alternatives)
      implements Conflict {
    public ExploitationClock {
      Objects.requireNonNull(rule, "rule");
      if (rule.due().isEmpty()) {
        throw new IllegalArgumentException("an exploitation clock has a due time");
      }
      Objects.requireNonNull(exploited, "exploited");
      Objects.requireNonNull(embargoEnd, "embargoEnd");
      alternatives = nonEmpty(alternatives);
    }

    @Override
    public String kind() {
      return "exploitation_clock";
    }

    @Override
    public List<String> parties() {
      return List.of(rule.party());
    }

    @Override
    public List<Integer> waves() {
      return List.of(wave);
    }

    @Override
    public List<CaseFact> assumes() {
      return rule.assumes();
    }

    @Override
    public String text() {
      Instant due = rule.due().orElseThrow();
      return "exploitation observed at " + exploited + " starts " + rule.party() + "'s clock at " + rule.started().orElseThrow()
          + ": its " + rule.notification().orElseThrow().stage() + " to " + String.join(", ", rule.to()) + " is due by " + due
          + " (" + rule.citation() + ")" + embargoEnd.filter(due::isBefore).map(e -> ", before the embargo ends at " + e).orElse("")
          + AppliedRule.condition(assumes());
    }
  }
}
