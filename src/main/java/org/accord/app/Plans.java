package org.accord.app;

import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.accord.disclosure.CaseId;
import org.accord.disclosure.ParticipantRole;
import org.accord.disclosure.ParticipantSuggestions;
import org.accord.disclosure.ReportedPackage;
import org.accord.disclosure.plan.NotificationPlan;
import org.accord.disclosure.plan.PlanFacts;
import org.accord.disclosure.plan.PlanInput;
import org.accord.disclosure.plan.PlanStrategy;
import org.accord.party.Organization;
import org.accord.party.Principal;
import org.accord.store.Cases.CaseRow;
import org.accord.store.Cases.ParticipantRow;
import org.accord.store.Database;
import org.accord.store.Organizations;

/**
 * Notification plans of cases (issue 11; ADR 0133): gathers a plan's inputs (the case as its owner
 * sees it, the participants the exposure suggests, the organizations, the case facts) and lets a
 * {@link PlanStrategy} compute the waves. The rules are the strategy's; this class only reads.
 * Thread-safe.
 */
public final class Plans {
  private final Database database;
  private final Clock clock;
  private final Cases cases;
  private final Suggestions suggestions;

  Plans(Database database, Clock clock, Cases cases, Suggestions suggestions) {
    this.database = database;
    this.clock = clock;
    this.cases = cases;
    this.suggestions = suggestions;
  }

  /**
   * Computes a plan for the case with {@code strategy}, as of the clock's now. Nothing is stored.
   *
   * @param actor the case owner or the coordinator
   * @param id the case id ({@code ACC-…})
   * @throws org.accord.NotFoundException for a hidden or missing case
   * @throws org.accord.ForbiddenException for a participant that does not own the case
   * @throws org.accord.InvalidInputException if the case has no affected package to plan from
   */
  public NotificationPlan compute(Principal actor, String id, PlanStrategy strategy) {
    return compute(actor, id, strategy, suggestions::suggest);
  }

  /**
   * As {@link #compute(Principal, String, PlanStrategy)}, with the exposure's suggestions gathered by
   * {@code suggest} instead of {@link Suggestions}: everything else (the case, its facts, the
   * organizations) is read as there. For {@code accord bench plan} (ADR 0135), whose baseline gathers
   * the same inputs one product at a time.
   *
   * @param suggest the suggestions for the case's affected packages as the actor may see them
   */
  public NotificationPlan compute(
      Principal actor, String id, PlanStrategy strategy, BiFunction<List<ReportedPackage>, Principal, ParticipantSuggestions.Result> suggest) {
    CaseId caseId = CaseId.parse(id == null ? "" : id.strip());
    Cases.PlanSource source = cases.planSource(actor, caseId);
    ParticipantSuggestions.Result suggested = suggest.apply(source.packages(), actor);
    Map<String, Organization> organizations = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    database.jdbi().withHandle(Organizations::list).forEach(o -> organizations.put(o.name(), o));
    Set<String> participants = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    Optional<String> coordinator = Optional.empty();
    for (ParticipantRow p : source.view().participants()) {
      participants.add(p.organizationName());
      if (coordinator.isEmpty() && p.participant().has(ParticipantRole.COORDINATOR)) {
        coordinator = Optional.of(p.organizationName());
      }
    }
    CaseRow row = source.view().row();
    PlanFacts facts = new PlanFacts(clock.instant(),
        row.em().inForce() ? row.terms().map(t -> t.end()) : Optional.empty(),
        source.fixReady(), source.attacked(), row.pxa().publicAware(), row.tlp());
    return strategy.plan(new PlanInput(suggested, Collections.unmodifiableMap(organizations), coordinator, participants, facts));
  }
}
