package org.accord.app;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.accord.ForbiddenException;
import org.accord.InvalidInputException;
import org.accord.disclosure.CaseEventType;
import org.accord.disclosure.CaseId;
import org.accord.disclosure.IllegalTransitionException;
import org.accord.disclosure.PolicyDeadline;
import org.accord.jurisdiction.DisclosurePolicy;
import org.accord.jurisdiction.RuleBook;
import org.accord.party.Principal;
import org.accord.store.Cases.CaseRow;
import org.accord.store.Database;
import org.jdbi.v3.core.Handle;

/**
 * The terms a case declares (ADR 0152): the published disclosure policy it adopts from the policy
 * packs (Project Zero, ZDI, CERT/CC, linux-distros), which bounds its embargo, and the facts rule packs
 * test that Accord does not record itself (a network product, a significant incident), which turn a
 * plan's conditional rules into applying or not applying ones. The case owner or the coordinator
 * declares them; every participant who sees the case reads them. Each change is a case event in the same
 * transaction. Thread-safe: writes run under the case lock.
 */
public final class CaseTerms {
  private final Database database;
  private final Clock clock;
  private final Cases cases;
  private final EventOutbox log;
  private final RulePacks rulePacks;

  CaseTerms(Database database, Clock clock, Cases cases, EventOutbox log, RulePacks rulePacks) {
    this.database = database;
    this.clock = clock;
    this.cases = cases;
    this.log = log;
    this.rulePacks = rulePacks;
  }

  /**
   * A change to one declared term: keep it, clear it (no policy; the fact unknown), or set it.
   *
   * @param <T> the term's type
   */
  public sealed interface Change<T> permits Change.Keep, Change.Clear, Change.Set {
    /** Leave the term as it is. */
    record Keep<T>() implements Change<T> {}

    /** No policy, or the fact unknown. */
    record Clear<T>() implements Change<T> {}

    /** The term is {@code value}. */
    record Set<T>(T value) implements Change<T> {
      public Set {
        Objects.requireNonNull(value, "value");
      }
    }

    /** Keep. */
    static <T> Change<T> keep() {
      return new Keep<>();
    }

    /** Clear. */
    static <T> Change<T> clear() {
      return new Clear<>();
    }

    /** Set to {@code value}, or clear when it is null. */
    static <T> Change<T> to(T value) {
      return value == null ? new Clear<>() : new Set<>(value);
    }

    private Optional<T> apply(Optional<T> current) {
      if (this instanceof Set<T> set) {
        return Optional.of(set.value());
      }
      return this instanceof Clear<T> ? Optional.empty() : current;
    }
  }

  /**
   * The case's terms as {@code viewer} sees them: the policy with its deadline now, and the declared facts.
   *
   * @throws org.accord.NotFoundException for a hidden or missing case (the same message)
   */
  public Map<String, Object> show(Principal viewer, String id) {
    CaseId caseId = CaseId.parse(id == null ? "" : id.strip());
    return database.jdbi().withHandle(handle -> describe(handle, cases.load(handle, viewer, caseId).row(), rulePacks.book()));
  }

  /**
   * Declares the case's terms: adopts or drops a policy and sets or clears the two facts. An adopted
   * policy's deadline bounds every later embargo proposal ({@link PolicyDeadline#check}); a policy whose
   * deadline falls before the end of the embargo in force is refused, so that no agreed term breaks it.
   * Records {@code case.policy_adopted} when the policy changes and {@code case.facts_declared} when a
   * fact does; a declaration that changes nothing records nothing.
   *
   * @throws InvalidInputException naming {@code policy} for a policy no policy pack in use has
   * @throws ForbiddenException for a participant that neither owns the case nor coordinates
   * @throws IllegalTransitionException when the embargo in force ends after the policy's deadline
   * @throws org.accord.NotFoundException for a hidden or missing case
   */
  public Map<String, Object> declare(
      Principal actor, String id, Change<String> policy, Change<Boolean> networkProduct, Change<Boolean> significantIncident) {
    CaseId caseId = CaseId.parse(id == null ? "" : id.strip());
    RuleBook book = rulePacks.book();
    if (policy instanceof Change.Set<String> set && book.policy(set.value()).isEmpty()) {
      throw new InvalidInputException("no policy pack in use has the policy '" + set.value() + "'; known: "
          + String.join(", ", policies(book)), "policy");
    }
    EventOutbox.Committed<Map<String, Object>> committed = cases.locked(() -> log.inTransaction((handle, events) -> {
      Cases.View view = cases.load(handle, actor, caseId);
      if (!Cases.owns(view, actor) && !actor.isCoordinator()) {
        throw new ForbiddenException("only the case owner or the coordinator declares the terms of " + caseId);
      }
      CaseRow row = view.row();
      org.accord.store.CaseTerms.Row before = org.accord.store.CaseTerms.of(handle, row.pk());
      Instant now = clock.instant();
      Optional<String> chosen = policy.apply(before.policy());
      boolean policyChanged = !chosen.equals(before.policy());
      Optional<Instant> adopted = policyChanged ? chosen.map(p -> now) : before.policyAdopted();
      org.accord.store.CaseTerms.Row after = new org.accord.store.CaseTerms.Row(chosen, adopted,
          networkProduct.apply(before.networkProduct()), significantIncident.apply(before.significantIncident()));
      if (after.equals(before)) {
        return describe(handle, row, book);
      }
      Optional<PolicyDeadline> deadline = deadline(handle, row, after, book);
      if (policyChanged && deadline.isPresent() && row.em().inForce()) {
        Instant end = row.terms().orElseThrow().end();
        if (end.isAfter(deadline.get().at())) {
          throw new IllegalTransitionException(IllegalTransitionException.Machine.EM, row.em().name(), "ADOPT_POLICY",
              "the embargo in force ends " + end + ", after " + chosen.get() + " allows (" + deadline.get().reason()
                  + "): propose a revision ending by " + deadline.get().at() + " first");
        }
      }
      org.accord.store.CaseTerms.save(handle, row.pk(), after, now);
      if (policyChanged) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("policy", chosen.orElse(null));
        data.put("previous", before.policy().orElse(null));
        deadline.ifPresent(d -> data.put("deadline", d.at().toString()));
        Cases.event(handle, events, actor, row, CaseEventType.POLICY_ADOPTED, data, now.toEpochMilli());
      }
      if (!after.networkProduct().equals(before.networkProduct()) || !after.significantIncident().equals(before.significantIncident())) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("network_product", after.networkProduct().orElse(null));
        data.put("significant_incident", after.significantIncident().orElse(null));
        Cases.event(handle, events, actor, row, CaseEventType.FACTS_DECLARED, data, now.toEpochMilli());
      }
      return describe(handle, row, book);
    }));
    committed.await();
    return committed.value();
  }

  /**
   * The deadline the case's adopted policy sets now, if it adopted one that a policy pack in use still
   * has. For the embargo check of {@link Cases#propose} and for calendars.
   */
  static Optional<PolicyDeadline> deadline(Handle handle, CaseRow row, RuleBook book) {
    return deadline(handle, row, org.accord.store.CaseTerms.of(handle, row.pk()), book);
  }

  private static Optional<PolicyDeadline> deadline(Handle handle, CaseRow row, org.accord.store.CaseTerms.Row terms, RuleBook book) {
    Optional<DisclosurePolicy> policy = terms.policy().flatMap(book::policy);
    if (policy.isEmpty()) {
      return Optional.empty();
    }
    Cases.Milestones milestones = Cases.milestones(handle, row.pk());
    return Optional.of(PolicyDeadline.of(policy.get(), row.created(), terms.policyAdopted().orElse(row.created()),
        milestones.fixReady(), milestones.attacked()));
  }

  private static Map<String, Object> describe(Handle handle, CaseRow row, RuleBook book) {
    org.accord.store.CaseTerms.Row terms = org.accord.store.CaseTerms.of(handle, row.pk());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("case", row.id().toString());
    if (terms.policy().isPresent()) {
      Map<String, Object> policy = new LinkedHashMap<>();
      policy.put("id", terms.policy().get());
      policy.put("adopted_at", terms.policyAdopted().map(Instant::toString).orElse(null));
      Optional<DisclosurePolicy> known = book.policy(terms.policy().get());
      if (known.isPresent()) {
        PolicyDeadline deadline = deadline(handle, row, terms, book).orElseThrow();
        policy.put("title", known.get().title());
        policy.put("url", known.get().url());
        policy.put("deadline", deadline.at().toString());
        policy.put("reason", deadline.reason());
      } else {
        // Never a silent gap: the pack that had it was removed from the instance after adoption.
        policy.put("deadline", null);
        policy.put("reason", "no policy pack in use has this policy any more: it bounds nothing until a pack has it again");
      }
      out.put("policy", policy);
    } else {
      out.put("policy", null);
    }
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("network_product", terms.networkProduct().orElse(null));
    facts.put("significant_incident", terms.significantIncident().orElse(null));
    out.put("facts", facts);
    out.put("embargo_end", row.em().inForce() ? row.terms().map(t -> t.end().toString()).orElse(null) : null);
    return out;
  }

  private static List<String> policies(RuleBook book) {
    return book.packs().stream().flatMap(e -> e.pack().policies().stream()).map(DisclosurePolicy::id).sorted().toList();
  }
}
