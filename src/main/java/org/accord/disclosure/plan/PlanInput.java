package org.accord.disclosure.plan;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.accord.disclosure.ParticipantSuggestions;
import org.accord.party.Organization;

/**
 * What a plan is computed from. Immutable.
 *
 * @param suggestions who the exposure suggests, as the plan's requester may see them (ADR 0105): the
 *     plan names no one its requester could not be shown
 * @param organizations the instance's organizations by name (case-insensitive), for their kind and
 *     country
 * @param coordinator the coordinator's organization name, if the instance has one
 * @param participants the names of the organizations already taking part in the case
 * @param facts the case facts and the clock's now
 */
public record PlanInput(
    ParticipantSuggestions.Result suggestions, Map<String, Organization> organizations, Optional<String> coordinator,
    Set<String> participants, PlanFacts facts) {
  public PlanInput {
    Objects.requireNonNull(suggestions, "suggestions");
    TreeMap<String, Organization> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    byName.putAll(organizations);
    organizations = java.util.Collections.unmodifiableMap(byName);
    Objects.requireNonNull(coordinator, "coordinator");
    TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    names.addAll(participants);
    participants = java.util.Collections.unmodifiableSet(names);
    Objects.requireNonNull(facts, "facts");
  }
}
