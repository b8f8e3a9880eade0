package org.accord.jurisdiction;

import java.util.List;
import java.util.Objects;
import org.accord.InvalidInputException;
import org.accord.party.OrgKind;

/**
 * Whom a {@link Rule} binds: organizations of one of {@code kinds} in one of {@code countries}.
 *
 * @param kinds the organization kinds bound; at least one
 * @param countries where the bound organizations are (ISO codes, or {@code EU} for every member state);
 *     at least one
 * @param note how the law's own category (a "manufacturer", an "essential entity") maps to these, when
 *     it is an approximation; may be null
 */
public record Binding(List<OrgKind> kinds, List<String> countries, String note) {
  public Binding {
    kinds = List.copyOf(Objects.requireNonNull(kinds, "kinds"));
    if (kinds.isEmpty()) {
      throw new InvalidInputException("a rule binds at least one organization kind", "kinds");
    }
    countries = List.copyOf(Objects.requireNonNull(countries, "countries"));
    if (countries.isEmpty()) {
      throw new InvalidInputException("a rule binds organizations in at least one country", "countries");
    }
    for (int i = 0; i < countries.size(); i++) {
      try {
        Countries.require(countries.get(i));
      } catch (InvalidInputException e) {
        throw new InvalidInputException(e.getMessage(), "countries/" + i);
      }
    }
    note = note == null || note.isBlank() ? null : note.strip();
  }

  /**
   * Whether an organization of {@code kind} in {@code country} is bound. An organization whose country
   * is not known (null) is bound by no rule; the plan reports it as a gap rather than guess.
   */
  public boolean binds(OrgKind kind, String country) {
    return kinds.contains(kind) && Countries.covers(countries, country);
  }
}
