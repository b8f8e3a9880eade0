package org.accord.jurisdiction;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.accord.InvalidInputException;

/**
 * One rule pack: a law's obligations, a set of published disclosure policies, or an instance's sanctions
 * list, with where it comes from and when it was last checked against that source (ADR 0130).
 *
 * <p>Valid by construction. Every refusal is an {@link InvalidInputException} whose location is a JSON
 * Pointer relative to the pack without its leading slash ({@code rules/2/id}), which {@link
 * RulePackReader} turns into the file's pointer.
 *
 * @param id the pack's id, lower case letters, digits and hyphens ({@code eu-cra}); an instance pack's
 *     file is named after it
 * @param kind which of {@code rules}, {@code policies} and {@code blocked} it fills
 * @param title a one-line title
 * @param jurisdictions the countries (or {@code EU}) the pack covers; empty for policies and for an
 *     unfilled sanctions template
 * @param source the legal source (for policies: the publishers; for sanctions: the instance's measures)
 * @param checked the date the pack was last checked against its source
 * @param overrides whether this pack, loaded from an instance's directory, deliberately replaces the
 *     shipped pack with the same id (ADR 0131); false for shipped packs
 * @param rules the obligations of a {@link PackKind#LAW} pack; at least one there, none elsewhere
 * @param policies the policies of a {@link PackKind#POLICIES} pack; at least one there, none elsewhere
 * @param blocked the blocked jurisdictions of a {@link PackKind#SANCTIONS} pack (possibly none: the
 *     shipped template); none elsewhere
 */
public record RulePack(
    String id,
    PackKind kind,
    String title,
    List<String> jurisdictions,
    LegalSource source,
    LocalDate checked,
    boolean overrides,
    List<Rule> rules,
    List<DisclosurePolicy> policies,
    List<BlockedJurisdiction> blocked) {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,62}");

  public RulePack {
    requireId(id, "id");
    Objects.requireNonNull(kind, "kind");
    if (title == null || title.isBlank()) {
      throw new InvalidInputException("a pack has a title", "title");
    }
    title = title.strip();
    jurisdictions = jurisdictions == null ? List.of() : List.copyOf(jurisdictions);
    for (int i = 0; i < jurisdictions.size(); i++) {
      try {
        Countries.require(jurisdictions.get(i));
      } catch (InvalidInputException e) {
        throw new InvalidInputException(e.getMessage(), "jurisdictions/" + i);
      }
    }
    Objects.requireNonNull(source, "source");
    if (checked == null) {
      throw new InvalidInputException("a pack states the date it was checked against its source", "checked");
    }
    rules = rules == null ? List.of() : List.copyOf(rules);
    policies = policies == null ? List.of() : List.copyOf(policies);
    blocked = blocked == null ? List.of() : List.copyOf(blocked);
    requireOnly(kind, PackKind.LAW, "rules", rules);
    requireOnly(kind, PackKind.POLICIES, "policies", policies);
    requireOnly(kind, PackKind.SANCTIONS, "blocked", blocked);
    if (kind == PackKind.LAW && rules.isEmpty()) {
      throw new InvalidInputException("a law pack has at least one rule", "rules");
    }
    if (kind == PackKind.POLICIES && policies.isEmpty()) {
      throw new InvalidInputException("a policies pack has at least one policy", "policies");
    }
    checkRules(rules);
    unique(policies.stream().map(DisclosurePolicy::id).toList(), "policies", "id");
    unique(blocked.stream().map(BlockedJurisdiction::country).toList(), "blocked", "country");
  }

  /** The rule with {@code ruleId}, if the pack has one. */
  public Optional<Rule> rule(String ruleId) {
    return rules.stream().filter(r -> r.id().equals(ruleId)).findFirst();
  }

  /**
   * {@code id} if it is a usable pack, rule or policy id: 2 to 63 lower-case letters, digits and
   * hyphens, starting with a letter.
   *
   * @throws InvalidInputException otherwise, located at {@code field}
   */
  static String requireId(String id, String field) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new InvalidInputException(
          "'" + id + "' is not an id: 2 to 63 lower-case letters, digits and hyphens, starting with a letter", field);
    }
    return id;
  }

  private static void requireOnly(PackKind kind, PackKind owner, String field, List<?> items) {
    if (kind != owner && !items.isEmpty()) {
      throw new InvalidInputException("a " + kind.name().toLowerCase(java.util.Locale.ROOT) + " pack has no " + field, field);
    }
  }

  /** Rule ids are unique, and each {@code after} names a notify rule listed earlier (so no clock waits on itself). */
  private static void checkRules(List<Rule> rules) {
    unique(rules.stream().map(Rule::id).toList(), "rules", "id");
    Map<String, Rule> earlier = new HashMap<>();
    for (int i = 0; i < rules.size(); i++) {
      Rule rule = rules.get(i);
      if (rule.obligation() instanceof Obligation.Notify notify && notify.after() != null) {
        Rule before = earlier.get(notify.after());
        if (before == null || !(before.obligation() instanceof Obligation.Notify)) {
          throw new InvalidInputException(
              "'" + notify.after() + "' is not a notify rule listed before '" + rule.id() + "'",
              "rules/" + i + "/obligation/after");
        }
      }
      earlier.put(rule.id(), rule);
    }
  }

  private static void unique(List<String> values, String list, String field) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < values.size(); i++) {
      if (!seen.add(values.get(i))) {
        throw new InvalidInputException("'" + values.get(i) + "' is listed twice", list + "/" + i + "/" + field);
      }
    }
  }
}
