package org.accord.accountability.commitment;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.accord.InvalidInputException;
import org.accord.triage.Severity;

/**
 * What one version of a commitment says: its kind, a title, its terms, its scope and the period it is
 * valid (ADR 0140). The organization is never part of it: a commitment is always the authenticated
 * publisher's. Immutable and thread-safe; nothing is null.
 *
 * @param kind a pledge (binds its publisher) or an arrangement (binds those who join it)
 * @param title 1 to {@link #TITLE_MAX} characters
 * @param terms at least one, no two of the same kind for the same severity
 * @param scope which cases it is about
 * @param validFrom when it starts to apply
 * @param validUntil when it stops, after {@code validFrom}; empty for until superseded
 * @param escalation the escalation ladder an arrangement sets for its members' deadlines (ADR 0155);
 *     empty for the instance's ladder, and always empty for a pledge
 */
public record Pledge(CommitmentKind kind, String title, List<Term> terms, Scope scope, Instant validFrom, Optional<Instant> validUntil,
    Optional<org.accord.accountability.escalation.Ladder> escalation) {
  /** The longest title, in characters. */
  public static final int TITLE_MAX = 300;
  /** The most terms one version holds. */
  public static final int TERMS_MAX = 50;

  /** @throws InvalidInputException naming the field ({@code title}, {@code terms}, {@code terms[i].severity}, {@code valid_until}) */
  public Pledge {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(validFrom, "validFrom");
    Objects.requireNonNull(validUntil, "validUntil");
    Objects.requireNonNull(escalation, "escalation");
    if (escalation.isPresent() && kind != CommitmentKind.ARRANGEMENT) {
      throw new InvalidInputException("an escalation ladder is set by an arrangement, for its members; a pledge uses the instance's",
          "escalation");
    }
    String clean = title == null ? "" : title.strip();
    if (clean.isEmpty()) {
      throw new InvalidInputException("missing title: a commitment says what it is, such as 'Vendora response pledge'", "title");
    }
    if (clean.length() > TITLE_MAX || clean.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidInputException("the title must be at most " + TITLE_MAX + " characters without control characters", "title");
    }
    title = clean;
    terms = List.copyOf(terms);
    if (terms.isEmpty()) {
      throw new InvalidInputException("a commitment promises something: give at least one term", "terms");
    }
    if (terms.size() > TERMS_MAX) {
      throw new InvalidInputException("at most " + TERMS_MAX + " terms, not " + terms.size(), "terms");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < terms.size(); i++) {
      Term term = terms.get(i);
      String key = term.kind() + "/" + term.severity().map(Severity::name).orElse("*");
      if (!seen.add(key)) {
        throw new InvalidInputException("a second " + term.kind().label() + " term for "
            + term.severity().map(s -> s.label().toLowerCase(java.util.Locale.ROOT)).orElse("any severity")
            + ": give one duration per kind and severity", "terms[" + i + "]");
      }
      if (term.severity().isPresent() && !scope.severities().isEmpty() && !scope.severities().contains(term.severity().get())) {
        throw new InvalidInputException("the term is for " + term.severity().get().label() + " severity, which the scope leaves out;"
            + " it could never apply", "terms[" + i + "].severity");
      }
    }
    if (validUntil.isPresent() && !validUntil.get().isAfter(validFrom)) {
      throw new InvalidInputException("valid_until " + validUntil.get() + " is not after valid_from " + validFrom, "valid_until");
    }
  }

  /** A version with the instance's escalation ladder. */
  public Pledge(CommitmentKind kind, String title, List<Term> terms, Scope scope, Instant validFrom, Optional<Instant> validUntil) {
    this(kind, title, terms, scope, validFrom, validUntil, Optional.empty());
  }

  /** Whether it is valid at {@code at}: from {@code validFrom}, before {@code validUntil}. */
  public boolean validAt(Instant at) {
    return !at.isBefore(validFrom) && validUntil.map(at::isBefore).orElse(true);
  }

  /** The term of {@code kind} for a case of {@code severity}: the one for that severity, else the one for any. */
  public Optional<Term> term(PledgeKind kind, Optional<Severity> severity) {
    Optional<Term> exact = severity.flatMap(s -> terms.stream().filter(t -> t.kind() == kind && t.severity().equals(Optional.of(s))).findFirst());
    return exact.isPresent() ? exact : terms.stream().filter(t -> t.kind() == kind && t.severity().isEmpty()).findFirst();
  }
}
