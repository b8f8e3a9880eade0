package org.accord.app;

import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.accord.disclosure.CaseId;
import org.accord.disclosure.ParticipantRole;
import org.accord.disclosure.ParticipantSuggestions;
import org.accord.disclosure.plan.JurisdictionCheck;
import org.accord.disclosure.plan.NotificationPlan;
import org.accord.disclosure.plan.PlanFacts;
import org.accord.disclosure.plan.PlanInput;
import org.accord.disclosure.plan.PlanStrategy;
import org.accord.disclosure.plan.RuleInput;
import org.accord.party.Organization;
import org.accord.party.Principal;
import org.accord.store.Cases.CaseRow;
import org.accord.store.Cases.ParticipantRow;
import org.accord.store.Database;
import org.accord.store.Organizations;

/**
 * Notification plans of cases (issue 11; ADR 0133): gathers a plan's inputs (the case as its owner
 * sees it, the participants the exposure suggests, the organizations, the case facts) and lets a
 * {@link PlanStrategy} compute the waves, checked against the instance's rule packs ({@link
 * JurisdictionCheck}, ADR 0137). The rules are the strategy's and the check's; this class only reads.
 * Thread-safe.
 */
public final class Plans {
  private final Database database;
  private final Clock clock;
  private final Cases cases;
  private final Suggestions suggestions;
  private final RulePacks rulePacks;

  Plans(Database database, Clock clock, Cases cases, Suggestions suggestions, RulePacks rulePacks) {
    this.database = database;
    this.clock = clock;
    this.cases = cases;
    this.suggestions = suggestions;
    this.rulePacks = rulePacks;
  }

  /**
   * Computes a plan for the case with {@code strategy}, as of the clock's now, with the rules of the
   * instance's packs and the conflicts they raise (ADR 0137). Nothing is stored. Whether an affected
   * product is a network product and whether an operator had a significant incident are not recorded
   * by Accord: they stay unknown, and the rules that need them are listed as applying if they hold.
   *
   * @param actor the case owner or the coordinator
   * @param id the case id ({@code ACC-…})
   * @throws org.accord.NotFoundException for a hidden or missing case
   * @throws org.accord.ForbiddenException for a participant that does not own the case
   * @throws org.accord.InvalidInputException if the case has no affected package to plan from
   */
  public NotificationPlan compute(Principal actor, String id, PlanStrategy strategy) {
    CaseId caseId = CaseId.parse(id == null ? "" : id.strip());
    Cases.PlanSource source = cases.planSource(actor, caseId);
    ParticipantSuggestions.Result suggested = suggestions.suggest(source.packages(), actor);
    Map<String, Organization> organizations = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    database.jdbi().withHandle(Organizations::list).forEach(o -> organizations.put(o.name(), o));
    Set<String> participants = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    Optional<String> coordinator = Optional.empty();
    Map<String, Instant> awareSince = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    Set<String> finders = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (ParticipantRow p : source.view().participants()) {
      participants.add(p.organizationName());
      awareSince.merge(p.organizationName(), p.invited(), (a, b) -> a.isBefore(b) ? a : b);
      if (p.participant().has(ParticipantRole.FINDER) || p.participant().has(ParticipantRole.REPORTER)) {
        finders.add(p.organizationName());
      }
      if (coordinator.isEmpty() && p.participant().has(ParticipantRole.COORDINATOR)) {
        coordinator = Optional.of(p.organizationName());
      }
    }
    CaseRow row = source.view().row();
    PlanFacts facts = new PlanFacts(clock.instant(),
        row.em().inForce() ? row.terms().map(t -> t.end()) : Optional.empty(),
        source.fixReady(), source.attacked(), row.pxa().publicAware(), row.tlp());
    PlanInput input = new PlanInput(suggested, Collections.unmodifiableMap(organizations), coordinator, participants, facts);
    RuleInput rules = new RuleInput(rulePacks.book(), Optional.empty(), Optional.empty(), awareSince, finders);
    return JurisdictionCheck.plan(strategy, input, rules);
  }
}
