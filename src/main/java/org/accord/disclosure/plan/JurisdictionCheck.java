package org.accord.disclosure.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.accord.disclosure.ParticipantSuggestions;
import org.accord.disclosure.Suggestion;
import org.accord.disclosure.SuggestionKind;
import org.accord.jurisdiction.BlockedJurisdiction;
import org.accord.jurisdiction.CaseFacts;
import org.accord.jurisdiction.ClockStart;
import org.accord.jurisdiction.Obligation;
import org.accord.jurisdiction.PackKind;
import org.accord.jurisdiction.Rule;
import org.accord.jurisdiction.RuleBook;
import org.accord.jurisdiction.RulePack;
import org.accord.party.OrgKind;
import org.accord.party.Organization;

/**
 * Computes a plan with the instance's rule packs (issue 11 items 2 and 3, ADR 0137): parties in a
 * jurisdiction a sanctions pack blocks are kept out of every wave; the strategy computes the waves of
 * the others; then every law rule that binds a recipient is listed with its wave, its clock and its due
 * time, and every conflict with the alternatives that survive. A pure function of its inputs.
 *
 * <p>How the clocks start for a recipient: awareness when the wave tells it (a wave gated on the fix:
 * at its due time or the fix, whichever is later), or when it was invited if it already takes part;
 * exploitation at the later of the A event and its awareness; the corrective measure when the case's fix
 * was ready (the case's F stands for each vendor's own); {@code after_rule} at the due time of the rule
 * it names for the same party.
 */
public final class JurisdictionCheck {
  private static final Set<org.accord.jurisdiction.Recipient.Kind> STATE = EnumSet.of(
      org.accord.jurisdiction.Recipient.Kind.AUTHORITY, org.accord.jurisdiction.Recipient.Kind.NATIONAL_CSIRT,
      org.accord.jurisdiction.Recipient.Kind.COMPETENT_AUTHORITY);

  private JurisdictionCheck() {}

  /**
   * Computes the plan of {@code strategy} on {@code input}, checked against {@code rules}.
   *
   * @return the plan, its {@link NotificationPlan#rules()} filled
   */
  public static NotificationPlan plan(PlanStrategy strategy, PlanInput input, RuleInput rules) {
    Map<String, Blocked> blocked = blocked(rules.book());
    List<Suggestion> kept = new ArrayList<>();
    Set<String> out = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (Suggestion s : input.suggestions().suggestions()) {
      Organization org = input.organizations().get(s.organization());
      String country = org == null ? null : org.country();
      if (country != null && blocked.containsKey(country)) {
        out.add(s.organization());
      } else {
        kept.add(s);
      }
    }
    List<Excluded> excluded = new ArrayList<>();
    NotificationPlan plan;
    if (out.isEmpty()) {
      plan = strategy.plan(input);
    } else {
      // where each blocked party would have gone, so the plan can say so; then the plan without them
      for (Wave w : strategy.plan(input).waves()) {
        for (Recipient r : w.recipients()) {
          if (out.contains(r.organization())) {
            Blocked b = blocked.get(r.country());
            excluded.add(new Excluded(r, w.kind(), w.due(), b.pack(), b.jurisdiction()));
          }
        }
      }
      ParticipantSuggestions.Result suggestions = input.suggestions();
      plan = strategy.plan(new PlanInput(new ParticipantSuggestions.Result(kept, suggestions.withheld(), suggestions.notes()),
          input.organizations(), input.coordinator(), input.participants(), input.facts()));
    }
    return plan.withRules(new Check(plan, input, rules, blocked, excluded).run());
  }

  /** A blocked country and the sanctions pack that blocks it. */
  private record Blocked(String pack, BlockedJurisdiction jurisdiction) {}

  private static Map<String, Blocked> blocked(RuleBook book) {
    Map<String, Blocked> out = new TreeMap<>();
    for (RuleBook.Entry e : book.packs()) {
      if (e.pack().kind() == PackKind.SANCTIONS) {
        e.pack().blocked().forEach(b -> out.putIfAbsent(b.country(), new Blocked(e.pack().id(), b)));
      }
    }
    return out;
  }

  /** One check of one plan. */
  private static final class Check {
    final NotificationPlan plan;
    final PlanInput input;
    final RuleInput rules;
    final PlanFacts facts;
    final Map<String, Blocked> blocked;
    final List<Excluded> excluded;
    final List<RulePack> laws;
    final Instant publication;
    final Map<String, List<String>> certs = new HashMap<>();
    final Map<String, List<String>> authorities = new HashMap<>();
    final List<String> maintainers = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final Set<CaseFact> assumed = EnumSet.noneOf(CaseFact.class);
    final Set<String> forbidden = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    Check(NotificationPlan plan, PlanInput input, RuleInput rules, Map<String, Blocked> blocked, List<Excluded> excluded) {
      this.plan = plan;
      this.input = input;
      this.rules = rules;
      this.facts = input.facts();
      this.blocked = blocked;
      this.excluded = excluded;
      this.laws = rules.book().packs().stream().map(RuleBook.Entry::pack).filter(p -> p.kind() == PackKind.LAW).toList();
      this.publication = plan.waves().stream().filter(w -> w.kind() == WaveKind.PUBLICATION).map(Wave::due).findFirst()
          .orElse(plan.waves().isEmpty() ? facts.now() : plan.waves().get(plan.waves().size() - 1).due());
      for (Organization o : input.organizations().values()) {
        if (o.country() != null && o.kind() == OrgKind.CERT) {
          certs.computeIfAbsent(o.country(), c -> new ArrayList<>()).add(o.name());
        } else if (o.country() != null && o.kind() == OrgKind.GOVERNMENT) {
          authorities.computeIfAbsent(o.country(), c -> new ArrayList<>()).add(o.name());
        }
      }
      for (Wave w : plan.waves()) {
        for (Recipient r : w.recipients()) {
          if (r.reasons().stream().anyMatch(x -> x instanceof Recipient.Maintains)) {
            maintainers.add(r.organization());
          }
        }
      }
    }

    PlanRules run() {
      List<WaveRules> waves = new ArrayList<>();
      List<Conflict> conflicts = new ArrayList<>();
      List<Conflict> sharing = sharing();
      for (Wave w : plan.waves()) {
        List<AppliedRule> applied = new ArrayList<>();
        List<WaveRules.Unassessed> unassessed = new ArrayList<>();
        for (Recipient r : w.recipients()) {
          if (r.country() == null) {
            unassessed.add(new WaveRules.Unassessed(r.organization(),
                "gives no country: Accord cannot tell which jurisdiction's rules bind it, so none is applied"));
            continue;
          }
          List<AppliedRule> mine = rulesOf(r, w);
          applied.addAll(mine);
          mine.forEach(a -> deadline(a, w).ifPresent(conflicts::add));
        }
        waves.add(new WaveRules(w.number(), applied, unassessed));
        sharing.stream().filter(c -> c.waves().contains(w.number())).forEach(conflicts::add);
      }
      conflicts.addAll(sanctions());
      notes();
      List<String> packs = new ArrayList<>(laws.stream().map(RulePack::id).toList());
      blocked.values().stream().map(Blocked::pack).distinct().forEach(packs::add);
      packs.sort(Comparator.naturalOrder());
      return new PlanRules(packs, waves, conflicts, excluded, notes);
    }

    /** The law rules that bind {@code r}, told by {@code w}, with their clocks and due times. */
    List<AppliedRule> rulesOf(Recipient r, Wave w) {
      List<AppliedRule> out = new ArrayList<>();
      Instant aware = awareness(r, w);
      for (RulePack pack : laws) {
        Map<String, Instant> dueByRule = new HashMap<>();
        for (Rule rule : pack.rules()) {
          Optional<List<CaseFact>> assumes = applies(rule, r.kind(), r.country(), ships(r));
          if (assumes.isEmpty()) {
            continue;
          }
          Optional<Instant> started = Optional.empty();
          Optional<Instant> due = Optional.empty();
          List<String> notify = List.of();
          if (rule.obligation() instanceof Obligation.Notify n) {
            Map<ClockStart, Instant> clocks = new EnumMap<>(ClockStart.class);
            clocks.put(ClockStart.AWARENESS, aware);
            facts.exploited().ifPresent(a -> clocks.put(ClockStart.EXPLOITATION_OBSERVED, a.isAfter(aware) ? a : aware));
            facts.fixReady().ifPresent(f -> clocks.put(ClockStart.CORRECTIVE_MEASURE_AVAILABLE, f));
            if (n.after() != null && dueByRule.containsKey(n.after())) {
              clocks.put(ClockStart.AFTER_RULE, dueByRule.get(n.after()));
            }
            started = Optional.ofNullable(clocks.get(n.clock()));
            due = n.dueAt(clocks);
            due.ifPresent(d -> dueByRule.put(rule.id(), d));
            notify = resolve(n.recipients(), r.country());
          }
          out.add(new AppliedRule(r.organization(), r.country(), pack.id(), pack.title(), rule, started, due, notify, assumes.get()));
        }
      }
      return out;
    }

    /**
     * Whether {@code rule} binds an organization on what Accord knows (an empty list), only if facts
     * Accord does not know hold (those facts), or not at all (empty).
     */
    Optional<List<CaseFact>> applies(Rule rule, OrgKind kind, String country, boolean integrates) {
      CaseFacts known = facts(integrates, null);
      if (rule.appliesTo(kind, country, known)) {
        return Optional.of(List.of());
      }
      List<CaseFact> needed = new ArrayList<>();
      for (CaseFact f : CaseFact.values()) {
        if (!f.recorded() && rules.declared(f).isEmpty() && rule.appliesTo(kind, country, facts(integrates, f))) {
          needed.add(f);
        }
      }
      assumed.addAll(needed);
      return needed.isEmpty() ? Optional.empty() : Optional.of(needed);
    }

    /** The facts for one party: unknown facts false, but {@code assume} true. */
    CaseFacts facts(boolean integrates, CaseFact assume) {
      return new CaseFacts(facts.exploited().isPresent(),
          rules.networkProduct().orElse(assume == CaseFact.NETWORK_PRODUCT), integrates,
          rules.significantIncident().orElse(assume == CaseFact.SIGNIFICANT_INCIDENT));
    }

    Instant awareness(Recipient r, Wave w) {
      Instant invited = r.participant() ? rules.awareSince().get(r.organization()) : null;
      if (invited != null) {
        return invited;
      }
      Optional<Instant> fix = facts.fixReady();
      return w.gate().isPresent() && fix.isPresent() && fix.get().isAfter(w.due()) ? fix.get() : w.due();
    }

    /** Whom a notification goes to, by the instance's organizations where it knows them. */
    List<String> resolve(List<org.accord.jurisdiction.Recipient> recipients, String country) {
      List<String> out = new ArrayList<>();
      for (org.accord.jurisdiction.Recipient to : recipients) {
        switch (to.kind()) {
          case AUTHORITY -> out.add(to.name());
          case NATIONAL_CSIRT -> out.addAll(known(certs.get(country), "the national CSIRT of " + country));
          case COMPETENT_AUTHORITY -> out.addAll(known(authorities.get(country), "the competent authority of " + country));
          case COMPONENT_MAINTAINER -> out.addAll(known(maintainers.isEmpty() ? null : maintainers, "the component's maintainer"));
        }
      }
      return out;
    }

    static List<String> known(List<String> names, String what) {
      return names == null ? List.of(what + " (not an organization of this instance)") : names;
    }

    /** A state-first deadline or an exploitation clock, for one rule that binds a recipient of {@code w}. */
    Optional<Conflict> deadline(AppliedRule rule, Wave w) {
      Optional<Obligation.Notify> n = rule.notification();
      if (n.isEmpty() || rule.due().isEmpty()) {
        return Optional.empty();
      }
      Instant due = rule.due().get();
      List<Alternative> alternatives = new ArrayList<>();
      alternatives.add(new Alternative.ReportEarly(rule.party(), rule.to(), due));
      facts.embargoEnd().filter(end -> due.isBefore(end) && due.isAfter(facts.now()))
          .ifPresent(end -> alternatives.add(new Alternative.ShortenEmbargo(due)));
      if (n.get().clock() == ClockStart.EXPLOITATION_OBSERVED) {
        return Optional.of(new Conflict.ExploitationClock(rule, w.number(), facts.exploited().orElseThrow(), facts.embargoEnd(), alternatives));
      }
      boolean state = n.get().recipients().stream().anyMatch(to -> STATE.contains(to.kind()));
      boolean beforePublic = w.due().isBefore(publication) && due.isBefore(publication);
      boolean beforeFix = facts.fixReady().map(due::isBefore).orElse(true);
      boolean beforeEnd = facts.embargoEnd().map(due::isBefore).orElse(false);
      if (!state || !beforePublic || !beforeFix && !beforeEnd) {
        return Optional.empty();
      }
      return Optional.of(new Conflict.StateFirstDeadline(rule, w.number(), facts.fixReady(), facts.embargoEnd(), alternatives));
    }

    /** The sharing restrictions that bind the finders, checked against each recipient told before publication. */
    List<Conflict> sharing() {
      List<Conflict> out = new ArrayList<>();
      for (String finder : rules.finders()) {
        Organization org = input.organizations().get(finder);
        if (org == null || org.country() == null) {
          notes.add(finder + " found or reported the flaw but gives no country: no sharing restriction could be checked for it");
          continue;
        }
        for (RulePack pack : laws) {
          for (Rule rule : pack.rules()) {
            if (!(rule.obligation() instanceof Obligation.RestrictSharing restriction)) {
              continue;
            }
            Optional<List<CaseFact>> assumes = applies(rule, org.kind(), org.country(), false);
            if (assumes.isEmpty()) {
              continue;
            }
            AppliedRule bound = new AppliedRule(org.name(), org.country(), pack.id(), pack.title(), rule, Optional.empty(),
                Optional.empty(), List.of(), assumes.get());
            for (Wave w : plan.waves()) {
              if (w.channel() != WaveChannel.INVITATION || !w.due().isBefore(publication)) {
                continue;
              }
              for (Recipient r : w.recipients()) {
                if (r.participant() || r.organization().equalsIgnoreCase(finder)
                    || !restriction.forbids(r.country(), exemptions(r))) {
                  continue;
                }
                forbidden.add(r.organization());
                List<Alternative> alternatives = new ArrayList<>();
                for (Recipient v : recipients()) {
                  // a provider outside the restriction may receive the details and pass them on (CRA Art. 13(6))
                  if (ships(v) && v.country() != null && !v.organization().equalsIgnoreCase(r.organization())
                      && !rule.binds().binds(v.kind(), v.country())) {
                    alternatives.add(new Alternative.RouteViaVendor(v.organization(), v.country()));
                  }
                }
                alternatives.add(new Alternative.TellAtPublication(r.organization(), publication));
                out.add(new Conflict.SharingForbidden(bound, r.organization(), r.country(), w.number(), alternatives));
              }
            }
          }
        }
      }
      return out;
    }

    /** One conflict per blocked country that holds exposed operators or parties put in no wave. */
    List<Conflict> sanctions() {
      List<Conflict> out = new ArrayList<>();
      for (Map.Entry<String, Blocked> b : blocked.entrySet()) {
        String country = b.getKey();
        List<Excluded> here = excluded.stream().filter(e -> country.equals(e.blocked().country())).toList();
        Set<String> names = here.stream().map(e -> e.recipient().organization()).collect(Collectors.toCollection(LinkedHashSet::new));
        int deployments = 0;
        boolean exposed = !here.isEmpty();
        for (Suggestion s : input.suggestions().suggestions()) {
          if (s.kind() == SuggestionKind.OPERATOR && names.contains(s.organization())) {
            deployments += count(s.evidence().deployments(), country);
          }
        }
        for (Suggestion.DeploymentCount c : input.suggestions().withheld()) {
          if (country.equals(c.country())) {
            exposed = true;
            deployments += c.deployments() == null ? 0 : c.deployments();
          }
        }
        if (!exposed) {
          continue;
        }
        List<Alternative> alternatives = new ArrayList<>();
        for (Recipient r : recipients()) {
          if (r.country() == null || forbidden.contains(r.organization())) {
            continue;
          }
          if (r.kind() == OrgKind.FOUNDATION) {
            alternatives.add(new Alternative.RouteViaFoundation(r.organization(), r.country()));
          } else if (r.kind() == OrgKind.VENDOR && ships(r)) {
            alternatives.add(new Alternative.RouteViaVendor(r.organization(), r.country()));
          }
        }
        List<String> operators = here.stream().filter(e -> e.recipient().kind() == OrgKind.OPERATOR)
            .map(e -> e.recipient().organization()).toList();
        alternatives.add(new Alternative.CoverageGap(country, operators, deployments));
        out.add(new Conflict.SanctionedJurisdiction(b.getValue().pack(), b.getValue().jurisdiction(), here, deployments, alternatives));
      }
      return out;
    }

    void notes() {
      for (CaseFact f : assumed) {
        notes.add("Accord does not record whether " + f.text() + ": the rules that need it are listed as applying if it holds");
      }
      if (facts.fixReady().isEmpty()) {
        notes.add("Clocks that start at a corrective measure have not started: no fix is ready");
      }
      rules.book().packs().stream().filter(e -> e.pack().kind() == PackKind.POLICIES).findFirst().ifPresent(e -> notes.add(
          "The disclosure policies of " + e.pack().id() + " are not applied: a case cannot adopt one yet, so the embargo is the case's own terms"));
    }

    /** Every recipient of the plan, in wave order. */
    List<Recipient> recipients() {
      return plan.waves().stream().flatMap(w -> w.recipients().stream()).toList();
    }

    static boolean ships(Recipient r) {
      return r.reasons().stream().anyMatch(x -> x instanceof Recipient.Ships);
    }

    static Set<Obligation.RestrictSharing.Exemption> exemptions(Recipient r) {
      return ships(r) ? EnumSet.of(Obligation.RestrictSharing.Exemption.PRODUCT_PROVIDER)
          : EnumSet.noneOf(Obligation.RestrictSharing.Exemption.class);
    }

    static int count(List<Suggestion.DeploymentCount> cells, String country) {
      return cells.stream().filter(c -> country.equals(c.country()) && c.deployments() != null).mapToInt(Suggestion.DeploymentCount::deployments).sum();
    }
  }
}
