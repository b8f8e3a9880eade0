package org.accord.disclosure;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.accord.ForbiddenException;
import org.accord.InvalidInputException;

/**
 * Whom a case message is addressed to (ADR 0117): every participant, a named group of participant
 * organizations, or one organization. With the message's TLP label it decides who sees the message:
 * {@link #marking} turns both into a {@link Tlp.Marking}, whose {@link Tlp.Marking#allows} is the one
 * rule, and {@link Grants#of} turns a marking into the access list the store filters on, so that counts
 * and search never touch a message the viewer may not see.
 *
 * <p>The rules, for a viewer who sees the case:
 *
 * <ul>
 *   <li>the author (the person; the organization for a machine token) always sees its message;
 *   <li>{@link All}: whoever the label lets see it, as any case item (ADR 0112);
 *   <li>{@link Group}, {@link One}: only the audience's organizations and the author's, within what the
 *       label lets; the coordinator is not in an audience it is not named in;
 *   <li>TLP:AMBER+STRICT ("restricts sharing to the organization only") is for a message to {@link One}
 *       organization, which is then the concerned organization;
 *   <li>TLP:RED reaches the named recipient members only, each of an audience organization.
 * </ul>
 *
 * <p>Pure and immutable; a closed set.
 */
public sealed interface MessageAudience {
  /** The longest group. */
  int MAX_ORGANIZATIONS = 200;

  /** Every participant of the case (and the coordinator, as the label lets). */
  record All() implements MessageAudience {}

  /** A named group of two or more participant organizations. */
  record Group(Set<Long> organizations) implements MessageAudience {
    public Group {
      organizations = Set.copyOf(organizations);
      if (organizations.size() < 2) {
        throw new IllegalArgumentException("a group names two or more organizations; use One");
      }
    }
  }

  /** One participant organization. */
  record One(long organization) implements MessageAudience {}

  /** Every participant. */
  static MessageAudience all() {
    return new All();
  }

  /**
   * The audience of these organizations: {@link One} for one, a {@link Group} for more (duplicates
   * collapse).
   *
   * @throws InvalidInputException location {@code audience} for none or more than {@link #MAX_ORGANIZATIONS}
   */
  static MessageAudience of(Collection<Long> organizations) {
    Set<Long> distinct = new TreeSet<>(organizations);
    if (distinct.isEmpty()) {
      throw new InvalidInputException("an audience names at least one organization, or is \"all\"", "audience");
    }
    if (distinct.size() > MAX_ORGANIZATIONS) {
      throw new InvalidInputException(distinct.size() + " organizations in the audience; at most " + MAX_ORGANIZATIONS, "audience");
    }
    return distinct.size() == 1 ? new One(distinct.iterator().next()) : new Group(distinct);
  }

  /** {@code all}, {@code group} or {@code organization}, as stored and shown. */
  default String kind() {
    return this instanceof All ? "all" : this instanceof Group ? "group" : "organization";
  }

  /** The organizations named, empty for {@link All}. */
  default Set<Long> organizations() {
    if (this instanceof Group group) {
      return group.organizations();
    }
    return this instanceof One one ? Set.of(one.organization()) : Set.of();
  }

  /**
   * Checks a new message's audience and label against the case.
   *
   * @param tlp the message's label
   * @param caseTlp the case's label
   * @param recipients how many recipients the message names
   * @param participants the case's participant organizations
   * @param audienceFields the request's field for each organization named, in {@link #organizations()}
   *     order of the caller's list (such as {@code audience[1]}), for the error's location
   * @throws InvalidInputException location {@code tlp} for a label below the case's or AMBER+STRICT to
   *     more than one organization, {@code recipients} for recipients on a message that is not RED, the
   *     organization's field for one that does not take part in the case
   */
  default void check(Tlp tlp, Tlp caseTlp, int recipients, Set<Long> participants, List<Long> named, List<String> audienceFields) {
    Objects.requireNonNull(tlp, "tlp");
    tlp.checkItem(caseTlp, recipients);
    for (int i = 0; i < named.size(); i++) {
      if (!participants.contains(named.get(i))) {
        throw new InvalidInputException("the organization is not a participant of the case; a message is addressed to participants only",
            audienceFields.get(i));
      }
    }
    if (tlp == Tlp.AMBER_STRICT && !(this instanceof One)) {
      throw new InvalidInputException("TLP:AMBER+STRICT restricts sharing to one organization: address the message to one "
          + "organization, or label it TLP:AMBER", "tlp");
    }
  }

  /**
   * The marking of a message with this audience: the concerned organization is the one addressed for
   * {@link One}, the author's otherwise; the audience restricts beyond the label for {@link Group} and
   * {@link One}.
   *
   * @param authorMember the person who posted, null for a machine token
   */
  default Tlp.Marking marking(Tlp tlp, long authorOrganization, Long authorMember, Set<Long> recipients) {
    long concerned = this instanceof One one ? one.organization() : authorOrganization;
    Optional<Set<Long>> addressed = this instanceof All ? Optional.empty() : Optional.of(organizations());
    return new Tlp.Marking(tlp, Tlp.Origin.of(concerned, authorOrganization, authorMember), new Tlp.Recipients(recipients), addressed);
  }

  /**
   * Checks an attachment's label against its message's: never below it, RED only on a RED message (whose
   * recipients it reaches) and AMBER+STRICT only on a message to one organization, so that an attachment
   * is seen by exactly those who see its message.
   *
   * @param field the attachment's field, such as {@code attachments[0].tlp}
   * @throws InvalidInputException at {@code field}
   */
  static void checkAttachment(Tlp message, Tlp attachment, MessageAudience audience, String field) {
    if (message.stricterThan(attachment)) {
      throw new InvalidInputException("the attachment's " + attachment.label() + " is less restricted than its message's "
          + message.label(), field);
    }
    if (attachment == Tlp.RED && message != Tlp.RED) {
      throw new InvalidInputException("a TLP:RED attachment goes with a TLP:RED message, which names its recipients", field);
    }
    if (attachment == Tlp.AMBER_STRICT && !(audience instanceof One)) {
      throw new InvalidInputException("a TLP:AMBER+STRICT attachment goes with a message to one organization", field);
    }
  }

  /**
   * Whether {@code viewer} may post in the case: a participant or the coordinator.
   *
   * @throws ForbiddenException otherwise (the viewer sees the case, or it would not get this far)
   */
  static void requirePoster(Tlp.Viewer viewer, String caseId) {
    if (!viewer.participant() && !viewer.coordinator()) {
      throw new ForbiddenException("only a participant of " + caseId + " or the coordinator posts messages");
    }
  }

  /**
   * Whether {@code viewer} may edit a message with {@code origin}: only its author (the person; the
   * organization's machine tokens for a message a machine token posted).
   *
   * @throws ForbiddenException otherwise
   */
  static void requireAuthor(Tlp.Origin origin, Tlp.Viewer viewer) {
    if (!origin.createdBy(viewer)) {
      throw new ForbiddenException("only the author edits a message");
    }
  }

  /**
   * The access list of a marking, which the store filters on with set membership only: a viewer who
   * sees the case sees the item exactly when {@link #admits} says so, which is {@link
   * Tlp.Marking#allows} for such a viewer (tested as a property).
   *
   * @param everyone whether everyone who sees the case sees it
   * @param organizations organizations whose members (and machine tokens) see it
   * @param members persons who see it
   */
  record Grants(boolean everyone, Set<Long> organizations, Set<Long> members) {
    public Grants {
      organizations = Set.copyOf(organizations);
      members = Set.copyOf(members);
    }

    /** The access list of {@code marking} for viewers who see the case. */
    public static Grants of(Tlp.Marking marking) {
      Tlp.Origin origin = marking.origin();
      if (marking.tlp() == Tlp.RED) {
        Set<Long> members = new TreeSet<>(marking.recipients().members());
        OptionalLong creator = origin.creatorMember();
        if (creator.isPresent()) {
          members.add(creator.getAsLong());
          return new Grants(false, Set.of(), members);
        }
        return new Grants(false, Set.of(origin.creatorOrganization()), members);
      }
      Set<Long> organizations = new TreeSet<>(List.of(origin.organization(), origin.creatorOrganization()));
      if (marking.tlp() == Tlp.AMBER_STRICT) {
        return new Grants(false, organizations, Set.of());
      }
      if (marking.audience().isEmpty()) {
        return new Grants(true, Set.of(), Set.of());
      }
      organizations.addAll(marking.audience().get());
      return new Grants(false, organizations, Set.of());
    }

    /** Whether {@code viewer}, who sees the case, sees the item. */
    public boolean admits(Tlp.Viewer viewer) {
      return everyone
          || viewer.organization().isPresent() && organizations.contains(viewer.organization().getAsLong())
          || viewer.member().isPresent() && members.contains(viewer.member().getAsLong());
    }
  }
}
