package org.accord.disclosure;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.accord.ledger.LedgerEvent;

/**
 * Whether a private case event may be revealed when its case is published, and if not, why (ADRs
 * 0110 and 0115). A published case reveals each event's bytes; three things keep an event withheld
 * (only its index, commitment and hash are in the bundle, so the chain still links):
 *
 * <ol>
 *   <li>{@link Reason#MESSAGE}: it is a case message's event ({@code case.message_*}); the
 *       participants' conversation is never published, whatever its label (ADR 0117).
 *   <li>{@link Reason#ITEM_TLP}: it tells of an item labelled TLP:RED or TLP:AMBER+STRICT (its {@code
 *       tlp} data member; an unreadable label too). FIRST TLP 2.0 limits RED to named recipients and
 *       AMBER+STRICT to the recipient's organization; publishing the case does not widen an item's label.
 *       {@code case.created} is exempt: its label is the case's own, and publishing is the decision that
 *       the case is public.
 *   <li>{@link Reason#PERSON}: it names a person: the acting member ({@code actor.member}, which events
 *       written before ADR 0115 carry), an invited member ({@code member}), or any text shaped like an
 *       e-mail address. People are never named in public (ADR 0085); the person stays in the case's
 *       private history.
 *   <li>{@link Reason#UNNAMED_PARTY}: it names an organization that may not be named in public: as its
 *       actor or in a member that names an organization ({@link #ORGANIZATION_MEMBERS}: the owner, an
 *       invited or a status's organization, the proposer, the vendor; {@link #ORGANIZATION_LISTS}: an
 *       embargo alert's recipients), or by name in any other text (a title). An organization the policy
 *       does not know may not be named either.
 * </ol>
 *
 * <p>Who may be named is {@link #nameable}'s, through {@link PublicNames}, which the published documents
 * read too (ADR 0124): a participant's own choice ({@link CaseCredit}), else
 * the finder's credit preference from its report ({@link Credit}), else whether its kind acts in the
 * open (vendors, maintainers, CERTs: yes; operators and researchers: no, as {@code
 * party.Authority#namedInPublicLog} says). The withheld entry carries the reason class only, never the
 * party.
 *
 * <p>Immutable and thread-safe.
 */
public final class RevealPolicy {
  /** Why an event stays withheld: a closed set, written in the bundle as its {@link #label()}. */
  public enum Reason {
    /** An item above what publication reveals: TLP:RED or TLP:AMBER+STRICT. */
    ITEM_TLP,
    /** A case message: the participants' conversation is never published (ADR 0117). */
    MESSAGE,
    /** The event names a person. */
    PERSON,
    /** The event names an organization that may not be named in public. */
    UNNAMED_PARTY;

    /** {@code item_tlp}, {@code message}, {@code person}, {@code unnamed_party}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The reason with this label, if any. */
    public static Optional<Reason> fromLabel(String label) {
      for (Reason reason : values()) {
        if (reason.label().equals(label)) {
          return Optional.of(reason);
        }
      }
      return Optional.empty();
    }
  }

  /** The data members of case events whose value is an organization's name. */
  public static final Set<String> ORGANIZATION_MEMBERS = Set.of("owner", "organization", "proposed_by", "vendor");
  /** The data members of case events whose value is a list of organizations' names (an alert's recipients). */
  public static final Set<String> ORGANIZATION_LISTS = Set.of("recipients");
  /** The data member of a case event whose value is a person's e-mail address (an invited member). */
  public static final String PERSON_MEMBER = "member";
  /** The data member of every event that names its actor. */
  public static final String ACTOR = "actor";

  // Good enough to find an address in text: a false positive only withholds.
  static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

  /** Who may be named: the same answer the published documents read (ADR 0124). */
  private final PublicNames names;

  /** @param names who may be named; an organization they do not know may not be */
  public RevealPolicy(PublicNames names) {
    this.names = Objects.requireNonNull(names, "names");
  }

  /**
   * @param parties each organization the case's events may name, with whether it may be named in public
   *     (names compare case-insensitively); an organization not in it may not be named
   */
  public RevealPolicy(Map<String, Boolean> parties) {
    this(PublicNames.of(parties));
  }

  /**
   * Whether an organization may be named in a published case.
   *
   * @param listedToOthers whether its kind acts in the open (vendor, maintainer, foundation, CERT,
   *     government), as {@code party.OrgKind#listedToOthers} says
   * @param reported the credit preferences of its reports that belong to the case (empty when it did not
   *     report): it may be named only if every one of them asks for named credit
   * @param chosen its own choice in the case, which wins over both
   */
  public static boolean nameable(boolean listedToOthers, List<Credit.Preference> reported, Optional<CaseCredit> chosen) {
    if (chosen.isPresent()) {
      return chosen.get() == CaseCredit.PUBLIC;
    }
    if (!reported.isEmpty()) {
      return reported.stream().allMatch(p -> p == Credit.Preference.NAMED);
    }
    return listedToOthers;
  }

  /** Why {@code event} stays withheld at publication, or empty if it may be revealed. */
  public Optional<Reason> withholds(LedgerEvent event) {
    if (CaseEventType.of(event.type()).filter(CaseEventType::message).isPresent()) {
      return Optional.of(Reason.MESSAGE);
    }
    if (itemTlp(event)) {
      return Optional.of(Reason.ITEM_TLP);
    }
    if (namesPerson(event)) {
      return Optional.of(Reason.PERSON);
    }
    if (namesUnnamedParty(event)) {
      return Optional.of(Reason.UNNAMED_PARTY);
    }
    return Optional.empty();
  }

  /**
   * Whether the event tells of an item labelled TLP:RED or TLP:AMBER+STRICT (its {@code tlp} data
   * member; an unreadable label too). {@code case.created}'s label is the case's own and does not withhold.
   */
  public static boolean itemTlp(LedgerEvent event) {
    if (event.type().equals(CaseEventType.CREATED.label()) || !(event.data().get("tlp") instanceof String label)) {
      return false;
    }
    try {
      Tlp tlp = Tlp.parse(label);
      return tlp == Tlp.RED || tlp == Tlp.AMBER_STRICT;
    } catch (RuntimeException e) {
      return true; // an unreadable label is not a licence to reveal
    }
  }

  /** Whether the event names a person: its acting member, an invited member, or an e-mail address anywhere. */
  public static boolean namesPerson(LedgerEvent event) {
    Map<String, Object> data = event.data();
    if (data.get(ACTOR) instanceof Map<?, ?> actor && actor.get(PERSON_MEMBER) != null) {
      return true;
    }
    return data.get(PERSON_MEMBER) != null || anyText(data, text -> EMAIL.matcher(text).find());
  }

  /** The organizations the event names in its actor and its organization members, as written. */
  public static Set<String> organizations(LedgerEvent event) {
    Set<String> names = new TreeSet<>();
    Map<String, Object> data = event.data();
    if (data.get(ACTOR) instanceof Map<?, ?> actor && actor.get("organization") instanceof String name) {
      names.add(name);
    }
    for (String member : ORGANIZATION_MEMBERS) {
      if (data.get(member) instanceof String name) {
        names.add(name);
      }
    }
    for (String member : ORGANIZATION_LISTS) {
      if (data.get(member) instanceof List<?> list) {
        list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(names::add);
      }
    }
    return names;
  }

  private boolean namesUnnamedParty(LedgerEvent event) {
    for (String name : organizations(event)) {
      if (!names.nameable(name)) {
        return true;
      }
    }
    // Free text (a title, a justification) may name a party too; the organization members are checked above.
    Map<String, Object> text = new TreeMap<>(event.data());
    text.remove(ACTOR);
    ORGANIZATION_MEMBERS.forEach(text::remove);
    ORGANIZATION_LISTS.forEach(text::remove);
    return anyText(text, names::mentionsUnnamed);
  }

  /** Whether any string in {@code value} (member names and values, nested) satisfies {@code test}. */
  private static boolean anyText(Object value, java.util.function.Predicate<String> test) {
    if (value instanceof String s) {
      return test.test(s);
    }
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (anyText(e.getKey(), test) || anyText(e.getValue(), test)) {
          return true;
        }
      }
    }
    if (value instanceof List<?> list) {
      for (Object item : list) {
        if (anyText(item, test)) {
          return true;
        }
      }
    }
    return false;
  }
}
