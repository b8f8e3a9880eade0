package org.accord.disclosure;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Who a published case may name, and under which credit names (ADR 0124): the one answer that both the
 * reveal bundle ({@link RevealPolicy}) and the published documents ({@link CaseDocumentRules}: CSAF, OSV,
 * VEX) read, so that they can never disagree. Each organization's decision is {@link
 * RevealPolicy#nameable}'s (its own {@link CaseCredit} choice, else its reports' {@link Credit}
 * preferences, else its kind); an organization it does not know may not be named.
 *
 * <p>A nameable finder is credited under the names its reports gave with named credit ({@link
 * #creditNames}); a name shaped like an e-mail address is never used (people's addresses are never
 * published, ADR 0085). Names compare case-insensitively. Immutable and thread-safe.
 */
public final class PublicNames {
  /**
   * What decides whether one organization may be named.
   *
   * @param name the organization's name
   * @param listedToOthers whether its kind acts in the open ({@code party.OrgKind#listedToOthers})
   * @param reported the credit of each of its reports that belongs to the case (empty when it did not report)
   * @param chosen its own choice in the case before publication, if any
   */
  public record Party(String name, boolean listedToOthers, List<Credit> reported, Optional<CaseCredit> chosen) {
    public Party {
      Objects.requireNonNull(name, "name");
      reported = List.copyOf(reported);
      Objects.requireNonNull(chosen, "chosen");
    }

    /** Whether it may be named: {@link RevealPolicy#nameable}. */
    public boolean nameable() {
      return RevealPolicy.nameable(listedToOthers, reported.stream().map(Credit::preference).toList(), chosen);
    }
  }

  /** Lower-cased organization name to whether it may be named. */
  private final Map<String, Boolean> decisions;
  /** Lower-cased organization name to the names to credit (nameable organizations only). */
  private final Map<String, List<String>> creditNames;
  /** Word patterns of the organizations that may not be named, to find them in free text. */
  private final List<Pattern> unnamed;

  private PublicNames(Map<String, Boolean> decisions, Map<String, List<String>> creditNames) {
    this.decisions = Map.copyOf(decisions);
    this.creditNames = Map.copyOf(creditNames);
    this.unnamed = decisions.entrySet().stream().filter(e -> !e.getValue() && !e.getKey().isBlank())
        .map(e -> Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(e.getKey()) + "(?![\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
        .toList();
  }

  /**
   * Decides each party. Two entries whose names differ only in case are one organization, nameable only if
   * both are.
   */
  public static PublicNames decide(Collection<Party> parties) {
    Map<String, Boolean> decisions = new TreeMap<>();
    Map<String, Set<String>> names = new TreeMap<>();
    for (Party party : parties) {
      String key = key(party.name());
      decisions.merge(key, party.nameable(), Boolean::logicalAnd);
      party.reported().stream().filter(c -> c.preference() == Credit.Preference.NAMED).flatMap(c -> c.name().stream())
          .filter(n -> !RevealPolicy.EMAIL.matcher(n).find())
          .forEach(n -> names.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(n));
    }
    Map<String, List<String>> credited = new TreeMap<>();
    names.forEach((key, list) -> {
      if (decisions.get(key)) {
        credited.put(key, List.copyOf(list));
      }
    });
    return new PublicNames(decisions, credited);
  }

  /** Decisions already made, with no credit names (as a test or a caller that decided itself gives them). */
  public static PublicNames of(Map<String, Boolean> decided) {
    Map<String, Boolean> decisions = new TreeMap<>();
    decided.forEach((name, nameable) -> decisions.merge(key(name), Objects.requireNonNull(nameable, name), Boolean::logicalAnd));
    return new PublicNames(decisions, Map.of());
  }

  /** Whether the organization may be named in public; false for one these names do not know. */
  public boolean nameable(String organization) {
    return decisions.getOrDefault(key(organization), false);
  }

  /**
   * The names a nameable organization's reports asked to be credited under (named credit), in report
   * order, without e-mail addresses; empty for any other organization.
   */
  public List<String> creditNames(String organization) {
    return creditNames.getOrDefault(key(organization), List.of());
  }

  /** Whether the text names, as a word, an organization that may not be named. */
  public boolean mentionsUnnamed(String text) {
    return unnamed.stream().anyMatch(p -> p.matcher(text).find());
  }

  /** The text with each word-match of an organization that may not be named replaced by {@code replacement}. */
  public String redact(String text, String replacement) {
    String out = text;
    for (Pattern pattern : unnamed) {
      out = pattern.matcher(out).replaceAll(java.util.regex.Matcher.quoteReplacement(replacement));
    }
    return out;
  }

  /** The organizations known, lower-cased, each with whether it may be named. */
  public Map<String, Boolean> decisions() {
    return decisions;
  }

  private static String key(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }
}
