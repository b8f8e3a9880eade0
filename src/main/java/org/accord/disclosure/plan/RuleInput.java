package org.accord.disclosure.plan;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.accord.jurisdiction.RuleBook;

/**
 * What a plan's rule check needs besides the {@link PlanInput} (ADR 0137). Immutable.
 *
 * @param book the instance's rule packs (shipped and its own, ADR 0131)
 * @param networkProduct whether an affected product is a network product, if the case declared it;
 *     empty when unknown (Accord does not record product kinds)
 * @param significantIncident whether the operators had a significant incident caused by the flaw, if
 *     the case declared it; empty when unknown (Accord does not record incidents)
 * @param awareSince when each organization already taking part learnt of the case (its invitation),
 *     by name, case-insensitive: its awareness clock started then, not when a wave would tell it
 * @param finders the organizations that found or reported the flaw (roles finder, reporter): the
 *     holders of the unpublished details a sharing restriction binds
 */
public record RuleInput(
    RuleBook book, Optional<Boolean> networkProduct, Optional<Boolean> significantIncident, Map<String, Instant> awareSince,
    Set<String> finders) {
  public RuleInput {
    Objects.requireNonNull(book, "book");
    Objects.requireNonNull(networkProduct, "networkProduct");
    Objects.requireNonNull(significantIncident, "significantIncident");
    TreeMap<String, Instant> aware = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    aware.putAll(awareSince);
    awareSince = Collections.unmodifiableMap(aware);
    TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    names.addAll(finders);
    finders = Collections.unmodifiableSet(names);
  }

  /** The fact's declared value, or empty when unknown; the recorded facts are not taken from here. */
  Optional<Boolean> declared(CaseFact fact) {
    return switch (fact) {
      case NETWORK_PRODUCT -> networkProduct;
      case SIGNIFICANT_INCIDENT -> significantIncident;
      case ATTACKS_OBSERVED, INTEGRATED_COMPONENT -> Optional.empty();
    };
  }
}
