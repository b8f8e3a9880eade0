package org.accord.app;

import org.accord.disclosure.CaseEventType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.accord.ForbiddenException;
import org.accord.InvalidInputException;
import java.util.function.BiFunction;
import org.accord.disclosure.CaseId;
import org.accord.disclosure.IllegalTransitionException;
import org.accord.disclosure.ParticipantRole;
import org.accord.disclosure.ParticipantSuggestions;
import org.accord.disclosure.plan.JurisdictionCheck;
import org.accord.disclosure.ReportedPackage;
import org.accord.disclosure.plan.NotificationPlan;
import org.accord.disclosure.plan.PlanDiff;
import org.accord.disclosure.plan.PlanFacts;
import org.accord.disclosure.plan.PlanInput;
import org.accord.disclosure.plan.PlanState;
import org.accord.disclosure.plan.PlanStrategy;
import org.accord.disclosure.plan.Recipient;
import org.accord.disclosure.plan.ShippedStrategy;
import org.accord.disclosure.plan.Wave;
import org.accord.party.Authority;
import org.accord.disclosure.plan.RuleInput;
import org.accord.party.Organization;
import org.accord.party.Principal;
import org.accord.store.CasePlans;
import org.accord.store.CasePlans.PlanRow;
import org.accord.store.CasePlans.WaveRow;
import org.accord.store.Cases.CaseRow;
import org.accord.store.Cases.ParticipantRow;
import org.accord.store.Database;
import org.accord.store.Organizations;
import org.jdbi.v3.core.Handle;

/**
 * Notification plans of cases (issue 11; ADRs 0133, 0134, 0137): gathers a plan's inputs (the case as
 * its owner sees it, the participants the exposure suggests, the organizations, the case facts) and
 * lets a {@link PlanStrategy} compute the waves, checked against the instance's rule packs ({@link
 * JurisdictionCheck}); stores drafts, adopts one, and shows the draft and the adopted plan with the
 * diff between them. The rules are the strategy's, the check's and {@link PlanDiff}'s; this class
 * orchestrates. Only the case owner and the coordinator plan; plan writes run under the lock {@link
 * Cases} serialises case writes on. The waves go out through {@link PlanWaves}. Thread-safe.
 */
public final class Plans {
  /** The event of an adoption: counts per wave, never an organization's name (ADR 0110, 0124). */
  public static final CaseEventType ADOPTED_EVENT = CaseEventType.PLAN_ADOPTED;
  /** The event of a conflict of the adopted plan acknowledged by the case owner or the coordinator (ADR 0139). */
  public static final CaseEventType CONFLICT_ACKNOWLEDGED_EVENT = CaseEventType.PLAN_CONFLICT_ACKNOWLEDGED;

  private final Database database;
  private final Clock clock;
  private final Cases cases;
  private final Suggestions suggestions;
  private final EventOutbox log;
  private final RulePacks rulePacks;
  private final org.accord.app.obligation.Obligations obligations;

  Plans(Database database, Clock clock, Cases cases, Suggestions suggestions, EventOutbox log, RulePacks rulePacks,
      org.accord.app.obligation.Obligations obligations) {
    this.database = database;
    this.clock = clock;
    this.cases = cases;
    this.suggestions = suggestions;
    this.log = log;
    this.rulePacks = rulePacks;
    this.obligations = obligations;
  }

  /**
   * Computes a plan for the case with {@code strategy}, as of the clock's now, with the rules of the
   * instance's packs and the conflicts they raise (ADR 0137). Nothing is stored. Whether an affected
   * product is a network product and whether an operator had a significant incident are not recorded
   * by Accord: the case declares them ({@link CaseTerms}, ADR 0152), and while it has not they stay
   * unknown and the rules that need them are listed as applying if they hold.
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
    Map<String, Organization> organizations = organizations();
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
    RuleInput rules = new RuleInput(rulePacks.book(), source.terms().networkProduct(), source.terms().significantIncident(), awareSince,
        finders);
    return JurisdictionCheck.plan(strategy, input, rules);
  }

  /**
   * Computes a plan with the strategy named {@code strategy} ({@code coordinated} when null) and stores
   * it as the case's draft, replacing the previous draft. The plan is computed outside the case lock
   * (the exposure may be large) and stored under it; of two concurrent recomputations the later stored
   * is the draft, and adopting the other's id is refused as stale.
   *
   * @return the draft as {@link #describe} shows it, and {@code diff} against the adopted plan when one is
   * @throws InvalidInputException naming {@code strategy} for an unknown strategy (nothing is computed)
   */
  public Map<String, Object> draft(Principal actor, String id, String strategy) {
    ShippedStrategy chosen = strategy == null ? ShippedStrategy.COORDINATED : ShippedStrategy.parse(strategy);
    CaseId caseId = CaseId.parse(id == null ? "" : id.strip());
    NotificationPlan plan = compute(actor, caseId.toString(), chosen);
    String body = PlanJson.write(plan);
    List<WaveRow> waves = plan.waves().stream().map(w -> new WaveRow(0, w.number(), w.kind(), w.due(),
        w.gate(), Optional.empty(), Optional.empty())).toList();
    return cases.locked(() -> database.jdbi().inTransaction(handle -> {
      Cases.View view = requirePlanner(handle, actor, caseId);
      long pk = view.row().pk();
      CasePlans.saveDraft(handle, pk, plan.strategy(), plan.computedAt(), actor.organization().id(), member(actor), body, waves);
      return answer(handle, actor, view, true);
    }));
  }

  /**
   * The case's draft and adopted plans (each null when there is none), the adopted plan's waves with
   * when each went out, and the diff from the adopted plan to the draft when both exist. A plan the
   * coordinator computed may name operators the case owner may not see: they are left out of what the
   * owner is shown (ADR 0097, 0134).
   */
  public Map<String, Object> show(Principal actor, String id) {
    CaseId caseId = CaseId.parse(id == null ? "" : id.strip());
    return database.jdbi().withHandle(handle -> answer(handle, actor, requirePlanner(handle, actor, caseId), false));
  }

  /**
   * Adopts the case's draft {@code draftId}: it becomes the adopted plan, the adopted plan before it is
   * superseded, and one {@link #ADOPTED_EVENT} event records it in the same transaction.
   *
   * @throws InvalidInputException naming {@code draft} when it is missing
   * @throws IllegalTransitionException (409) when {@code draftId} is not the case's current draft, naming
   *     the current one, or when the case has no draft
   */
  public Map<String, Object> adopt(Principal actor, String id, Long draftId) {
    CaseId caseId = CaseId.parse(id == null ? "" : id.strip());
    if (draftId == null) {
      throw new InvalidInputException("missing draft: name the draft to adopt (the id POST /plan answered)", "draft");
    }
    EventOutbox.Committed<Map<String, Object>> committed = cases.locked(() -> log.inTransaction((handle, events) -> {
      Cases.View view = requirePlanner(handle, actor, caseId);
      long pk = view.row().pk();
      Optional<PlanRow> draft = CasePlans.current(handle, pk, PlanState.DRAFT);
      if (draft.isEmpty()) {
        throw new IllegalTransitionException(IllegalTransitionException.Machine.PLAN, "no draft", "ADOPT",
            caseId + " has no draft plan: compute one first (POST /api/v1/cases/" + caseId + "/plan)");
      }
      if (draft.get().id() != draftId) {
        throw new IllegalTransitionException(IllegalTransitionException.Machine.PLAN, "draft " + draft.get().id(), "ADOPT",
            "draft " + draftId + " is not the current draft of " + caseId + "; the current draft is " + draft.get().id());
      }
      long now = clock.millis();
      CasePlans.adopt(handle, pk, draftId, Instant.ofEpochMilli(now), actor.organization().id(), member(actor));
      NotificationPlan plan = PlanJson.read(draft.get().body());
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("plan", draftId);
      data.put("strategy", plan.strategy());
      List<Map<String, Object>> waves = new ArrayList<>();
      for (Wave w : plan.waves()) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("number", w.number());
        one.put("kind", w.kind().label());
        one.put("due", w.due().toString());
        one.put("gate", w.gate().map(Wave.Gate::label).orElse(null));
        one.put("recipients", w.recipients().size());
        waves.add(one);
      }
      data.put("waves", waves);
      // every notification the rules ask of a party the plan tells becomes its obligation (ADR 0138)
      data.put("obligations_added", obligations.adopt(handle, pk, draftId, draft.get().body(), Instant.ofEpochMilli(now)));
      Cases.event(handle, events, actor, view.row(), ADOPTED_EVENT, data, now);
      return answer(handle, actor, view, false);
    }));
    committed.await();
    return committed.value();
  }

  /**
   * Acknowledges conflict {@code conflict} (its number in the plan's {@code conflicts}) of the case's adopted
   * plan: the case owner or the coordinator says it has seen it and the alternatives. One {@value
   * #CONFLICT_ACKNOWLEDGED_EVENT} event (plan, number, kind; no names) records it (ADR 0139).
   *
   * @return the plans as {@link #show} answers them, the conflict now with {@code acknowledged_at}
   * @param number the conflict's number, as the path gives it
   * @throws org.accord.NotFoundException for a hidden or missing case, and for a conflict the plan does not
   *     have (a text that is not a number names none) or the actor is not shown (a plan naming parties the case owner may not see shows it none)
   * @throws IllegalTransitionException (409) when the case has no adopted plan or the conflict was acknowledged
   */
  public Map<String, Object> acknowledge(Principal actor, String id, String number) {
    CaseId caseId = CaseId.parse(id == null ? "" : id.strip());
    String text = number == null ? "" : number.strip();
    EventOutbox.Committed<Map<String, Object>> committed = cases.locked(() -> log.inTransaction((handle, events) -> {
      Cases.View view = requirePlanner(handle, actor, caseId);
      long pk = view.row().pk();
      PlanRow adopted = CasePlans.current(handle, pk, PlanState.ADOPTED).orElseThrow(() -> new IllegalTransitionException(
          IllegalTransitionException.Machine.PLAN, "no adopted plan", "ACKNOWLEDGE", caseId + " has no adopted plan: its conflicts are acknowledged once one is"));
      List<?> conflicts = (List<?>) PlanJson.parse(adopted.body()).getOrDefault("conflicts", List.of());
      int conflict = text.matches("[1-9][0-9]{0,8}") ? Integer.parseInt(text) : 0; // anything else names no conflict
      if (!hidden(adopted, actor, organizations(handle)).isEmpty() || conflict < 1 || conflict > conflicts.size()) {
        throw new org.accord.NotFoundException("no conflict " + text + " in the adopted plan of " + caseId);
      }
      String kind = String.valueOf(((Map<?, ?>) conflicts.get(conflict - 1)).get("kind"));
      long now = clock.millis();
      if (!org.accord.store.obligation.ObligationRows.acknowledge(handle, adopted.id(), conflict, kind, Instant.ofEpochMilli(now),
          actor.organization().id(), member(actor))) {
        throw new IllegalTransitionException(IllegalTransitionException.Machine.PLAN, "conflict " + conflict + " acknowledged", "ACKNOWLEDGE",
            "conflict " + conflict + " of plan " + adopted.id() + " of " + caseId + " is already acknowledged");
      }
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("plan", adopted.id());
      data.put("conflict", conflict);
      data.put("kind", kind);
      Cases.event(handle, events, actor, view.row(), CONFLICT_ACKNOWLEDGED_EVENT, data, now);
      return answer(handle, actor, view, false);
    }));
    committed.await();
    return committed.value();
  }

  /** The case if {@code actor} may plan it: hidden or missing is the missing case; another participant 403. */
  private Cases.View requirePlanner(Handle handle, Principal actor, CaseId caseId) {
    Cases.View view = cases.load(handle, actor, caseId);
    if (!Cases.owns(view, actor) && !actor.isCoordinator()) {
      throw new ForbiddenException("only the case owner or the coordinator plans the notifications of " + caseId);
    }
    return view;
  }

  /** The answer of every plan route: the case, the draft, the adopted plan and their diff. */
  private Map<String, Object> answer(Handle handle, Principal actor, Cases.View view, boolean draftOnly) {
    long pk = view.row().pk();
    Map<String, Organization> organizations = organizations(handle);
    Optional<PlanRow> draft = CasePlans.current(handle, pk, PlanState.DRAFT);
    Optional<PlanRow> adopted = CasePlans.current(handle, pk, PlanState.ADOPTED);
    Optional<NotificationPlan> draftPlan = draft.map(d -> visible(PlanJson.read(d.body()), actor, organizations));
    Optional<NotificationPlan> adoptedPlan = adopted.map(a -> visible(PlanJson.read(a.body()), actor, organizations));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("case", view.row().id().toString());
    if (draftOnly) {
      out.putAll(describe(handle, draft.orElseThrow(), draftPlan.orElseThrow(), List.of(), actor, organizations));
    } else {
      out.put("draft", draft.map(d -> describe(handle, d, draftPlan.orElseThrow(), List.of(), actor, organizations)).orElse(null));
      out.put("adopted", adopted.map(a -> describe(handle, a, adoptedPlan.orElseThrow(), CasePlans.waves(handle, a.id()), actor, organizations))
          .orElse(null));
    }
    out.put("diff", draftPlan.isPresent() && adoptedPlan.isPresent()
        ? PlanJson.diff(PlanDiff.between(adoptedPlan.get(), draftPlan.get())) : null);
    return out;
  }

  /** One stored plan: its id, state, who computed (and adopted) it, the plan, and each wave's sent state. */
  private static Map<String, Object> describe(
      Handle handle, PlanRow row, NotificationPlan plan, List<WaveRow> waves, Principal viewer, Map<String, Organization> organizations) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", row.id());
    out.put("state", row.state().label());
    out.put("computed_by", Organizations.byId(handle, row.computedByOrg()).name());
    if (row.adoptedAt().isPresent()) {
      out.put("adopted_at", row.adoptedAt().get().toString());
      out.put("adopted_by", Organizations.byId(handle, row.adoptedByOrg()).name());
    }
    Map<String, Object> body = PlanJson.toMap(plan);
    if (!waves.isEmpty()) {
      for (Object o : (List<?>) body.get("waves")) {
        @SuppressWarnings("unchecked")
        Map<String, Object> w = (Map<String, Object>) o;
        WaveRow stored = waves.stream().filter(s -> s.number() == ((Number) w.get("number")).intValue()).findFirst().orElseThrow();
        w.put("sent_at", stored.sent().map(Instant::toString).orElse(null));
        if (stored.told().isPresent()) {
          w.put("owner_told_at", stored.told().get().toString());
        }
      }
    }
    overlayRules(body, PlanJson.parse(row.body()), hidden(row, viewer, organizations));
    acknowledged(handle, row, body);
    out.putAll(body);
    return out;
  }

  /** Puts when and by whom each shown conflict of the plan was acknowledged (ADR 0139) into its body. */
  @SuppressWarnings("unchecked")
  private static void acknowledged(Handle handle, PlanRow row, Map<String, Object> body) {
    List<org.accord.store.obligation.ObligationRows.Ack> acks = org.accord.store.obligation.ObligationRows.acknowledged(handle, row.id());
    for (Map<String, Object> c : (List<Map<String, Object>>) body.getOrDefault("conflicts", List.of())) {
      int index = ((Number) c.get("index")).intValue();
      Optional<org.accord.store.obligation.ObligationRows.Ack> ack = acks.stream().filter(a -> a.conflict() == index).findFirst();
      c.put("acknowledged_at", ack.map(a -> a.at().toString()).orElse(null));
      c.put("acknowledged_by", ack.map(a -> Organizations.byId(handle, a.organization()).name()).orElse(null));
    }
  }

  /** The names (lower case) of a stored plan's recipients {@code viewer} may not see, as {@link #visible} leaves them out. */
  private static Set<String> hidden(PlanRow row, Principal viewer, Map<String, Organization> organizations) {
    Set<String> hidden = new TreeSet<>();
    if (!viewer.isCoordinator()) {
      for (Wave w : PlanJson.read(row.body()).waves()) {
        for (Recipient r : w.recipients()) {
          Organization org = organizations.get(r.organization());
          if (org == null || !Authority.maySee(viewer, org)) {
            hidden.add(r.organization().toLowerCase(java.util.Locale.ROOT));
          }
        }
      }
    }
    return hidden;
  }

  /**
   * Puts the stored plan's rules and conflicts (ADR 0137) into its shown body. To a viewer the plan hides
   * recipients from, only the rules binding parties it may see are shown, and no conflict: a conflict's
   * parties and text name sanctioned operators and finders, which the coordinator alone may see.
   */
  @SuppressWarnings("unchecked")
  private static void overlayRules(Map<String, Object> body, Map<String, Object> stored, Set<String> hidden) {
    boolean whole = hidden.isEmpty();
    java.util.function.Predicate<Object> shown = o -> whole || !(o instanceof Map<?, ?> m)
        || !hidden.contains(String.valueOf(m.get("party")).toLowerCase(java.util.Locale.ROOT));
    body.put("rule_packs", stored.getOrDefault("rule_packs", List.of()));
    body.put("conflicts", whole ? stored.getOrDefault("conflicts", List.of()) : List.of());
    body.put("excluded", whole ? stored.getOrDefault("excluded", List.of()) : List.of());
    List<Object> notes = new ArrayList<>(((List<Object>) stored.getOrDefault("rule_notes", List.of())).stream()
        .filter(n -> hidden.stream().noneMatch(h -> String.valueOf(n).toLowerCase(java.util.Locale.ROOT).contains(h))).toList());
    if (!whole) {
      notes.add("Conflicts are not shown: this plan names parties you may not see; the coordinator sees them");
    }
    body.put("rule_notes", notes);
    List<Map<String, Object>> storedWaves = (List<Map<String, Object>>) stored.getOrDefault("waves", List.of());
    for (Map<String, Object> w : (List<Map<String, Object>>) body.get("waves")) {
      Map<String, Object> from = storedWaves.stream().filter(s -> w.get("number").equals(s.get("number"))).findFirst().orElse(Map.of());
      w.put("rules", ((List<Object>) from.getOrDefault("rules", List.of())).stream().filter(shown).toList());
      w.put("unassessed", ((List<Object>) from.getOrDefault("unassessed", List.of())).stream().filter(shown).toList());
      w.put("conflicts", whole ? from.getOrDefault("conflicts", List.of()) : List.of());
    }
  }

  /**
   * The plan as {@code viewer} may be shown it: the coordinator sees it whole; anyone else without the
   * recipients whose organization it may not see (an operator the coordinator's plan names), as the
   * suggestions leave them out (ADR 0097).
   */
  static NotificationPlan visible(NotificationPlan plan, Principal viewer, Map<String, Organization> organizations) {
    if (viewer.isCoordinator()) {
      return plan;
    }
    List<Wave> waves = new ArrayList<>();
    List<String> hidden = new ArrayList<>();
    for (Wave w : plan.waves()) {
      List<Recipient> shown = new ArrayList<>();
      for (Recipient r : w.recipients()) {
        Organization org = organizations.get(r.organization());
        if (org != null && Authority.maySee(viewer, org)) {
          shown.add(r);
        } else {
          hidden.add(r.organization().toLowerCase(java.util.Locale.ROOT));
        }
      }
      waves.add(new Wave(w.number(), w.kind(), w.due(), w.gate(), w.channel(), w.tlp(), shown));
    }
    // A note about a hidden recipient ("X gives no country") would name it: such notes are left out too.
    List<String> notes = plan.notes().stream()
        .filter(n -> hidden.stream().noneMatch(h -> n.toLowerCase(java.util.Locale.ROOT).contains(h))).toList();
    return new NotificationPlan(plan.strategy(), plan.computedAt(), waves, plan.withheld(), notes);
  }

  private Map<String, Organization> organizations() {
    return database.jdbi().withHandle(Plans::organizations);
  }

  private static Map<String, Organization> organizations(Handle handle) {
    Map<String, Organization> organizations = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    Organizations.list(handle).forEach(o -> organizations.put(o.name(), o));
    return organizations;
  }

  private static Long member(Principal actor) {
    return actor.member() == null ? null : actor.member().id();
  }
}
