package org.accord.disclosure;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import org.accord.InvalidInputException;

/**
 * A Traffic Light Protocol 2.0 label [1] on a case item (the case, a vulnerability, a status, an
 * attachment), and the need-to-know rule that decides who may see the item. Constants are ordered from
 * the least to the most restricted, so {@code compareTo} says which of two labels is stricter.
 *
 * <p>How TLP's sharing boundaries map onto a case (ADR 0103), for an item owned by one organization:
 *
 * <ul>
 *   <li>{@link #RED}: only whoever created the item and the named recipient members ("for the eyes and
 *       ears of individual recipients only", ADR 0112). Being a participant, the coordinator or even a
 *       colleague of the creator is not enough.
 *   <li>Below RED, the organization the item concerns and the creator's organization always see it: TLP
 *       limits what recipients pass on, not what the source keeps.
 *   <li>{@link #AMBER_STRICT}: only those two organizations ("restricts sharing to the organization
 *       only").
 *   <li>{@link #AMBER}: the case's participants; the case is the need-to-know community. The instance's
 *       coordinator counts as a participant here: it runs the process that the case is.
 *   <li>{@link #GREEN}: the case's participants and the coordinator (the community).
 *   <li>{@link #CLEAR}: the same until the case is published, then everyone, anonymous readers included.
 * </ul>
 *
 * <p>A viewer who may see nothing of a case must get the same answer as for a missing case; that is the
 * edges' job, this class only answers yes or no. Immutable and thread-safe.
 *
 * <p>[1] FIRST, "Traffic Light Protocol (TLP) Version 2.0", https://www.first.org/tlp/
 */
public enum Tlp {
  CLEAR("TLP:CLEAR"),
  GREEN("TLP:GREEN"),
  AMBER("TLP:AMBER"),
  AMBER_STRICT("TLP:AMBER+STRICT"),
  RED("TLP:RED");

  private final String label;

  Tlp(String label) {
    this.label = label;
  }

  /** The official label, such as {@code TLP:AMBER+STRICT}. */
  public String label() {
    return label;
  }

  @Override
  public String toString() {
    return label;
  }

  /** Whether this label restricts more than {@code other}. */
  public boolean stricterThan(Tlp other) {
    return compareTo(Objects.requireNonNull(other, "other")) > 0;
  }

  /**
   * The label with this text: the official label ({@code TLP:AMBER+STRICT}) or the part after {@code
   * TLP:} ({@code AMBER+STRICT}), ignoring case and surrounding spaces.
   *
   * @throws InvalidInputException naming the value and the labels accepted, location {@code tlp};
   *     TLP 1.0's {@code WHITE} is refused with a pointer to {@code CLEAR}, which replaced it
   */
  public static Tlp parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException("a TLP label is required (" + accepted() + ")", "tlp");
    }
    String upper = text.strip().toUpperCase(Locale.ROOT);
    String bare = upper.startsWith("TLP:") ? upper.substring(4) : upper;
    for (Tlp tlp : values()) {
      if (tlp.label.substring(4).equals(bare)) {
        return tlp;
      }
    }
    String hint = bare.equals("WHITE") ? " (TLP 2.0 replaced TLP:WHITE with TLP:CLEAR)" : "";
    throw new InvalidInputException(
        "unknown TLP label '" + shorten(text) + "'" + hint + "; accepted: " + accepted(), "tlp");
  }

  private static String accepted() {
    StringBuilder names = new StringBuilder();
    for (Tlp tlp : values()) {
      names.append(names.length() == 0 ? "" : ", ").append(tlp.label);
    }
    return names.toString();
  }

  private static String shorten(String text) {
    String stripped = text.strip();
    return stripped.length() <= 40 ? stripped : stripped.substring(0, 40) + "...";
  }

  /**
   * Whether {@code viewer} may see an item with this label (ADR 0103, 0112).
   *
   * <ul>
   *   <li>{@link #RED}: only whoever created the item ({@link Origin#creatorMember}, or the creating
   *       organization when no person created it) and the named recipient members. Neither the
   *       organization the item concerns, nor participation, nor the coordinator role is enough.
   *   <li>every other label: the organization the item concerns and the creator's organization always;
   *       {@link #AMBER_STRICT} no one else; {@link #AMBER} and {@link #GREEN} also the case's
   *       participants and the coordinator; {@link #CLEAR} the same, and everyone once published.
   * </ul>
   *
   * @param origin whom the item concerns and who created it
   * @param recipients the item's named recipients; consulted for {@link #RED} only
   * @param viewer who asks
   * @param published whether the case has been published (opens {@link #CLEAR} items to everyone)
   */
  public boolean allows(Origin origin, Recipients recipients, Viewer viewer, boolean published) {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(recipients, "recipients");
    Objects.requireNonNull(viewer, "viewer");
    if (this == RED) {
      return origin.createdBy(viewer) || recipients.includes(viewer);
    }
    if (viewer.isOrganization(origin.organization()) || viewer.isOrganization(origin.creatorOrganization())) {
      return true;
    }
    return switch (this) {
      case RED, AMBER_STRICT -> false;
      case AMBER, GREEN -> viewer.participant() || viewer.coordinator();
      case CLEAR -> published || viewer.participant() || viewer.coordinator();
    };
  }

  /**
   * As {@link #allows(Origin, Recipients, Viewer, boolean)} for an item that {@code owner} created as an
   * organization (no person named): its whole organization sees it at every label.
   */
  public boolean allows(long owner, Recipients recipients, Viewer viewer, boolean published) {
    return allows(Origin.of(owner), recipients, viewer, published);
  }

  /**
   * Checks an item's label against its case's: an item is never less restricted than the case that
   * holds it, and only a {@link #RED} item names recipients.
   *
   * @param caseLabel the case's label
   * @param recipients how many recipients the item names
   * @throws InvalidInputException location {@code tlp} for a label below the case's, {@code recipients}
   *     for recipients on an item that is not RED
   */
  public void checkItem(Tlp caseLabel, int recipients) {
    Objects.requireNonNull(caseLabel, "caseLabel");
    if (caseLabel.stricterThan(this)) {
      throw new InvalidInputException("the item's " + label + " is less restricted than the case's " + caseLabel.label
          + "; give " + caseLabel.label + " or stricter", "tlp");
    }
    checkRecipients(recipients);
  }

  /**
   * Checks that recipients are named only on a {@link #RED} item.
   *
   * @throws InvalidInputException location {@code recipients}
   */
  public void checkRecipients(int recipients) {
    if (recipients > 0 && this != RED) {
      throw new InvalidInputException("recipients are named on TLP:RED items only; this one is " + label, "recipients");
    }
  }

  /**
   * A case item's label together with whom it concerns, who created it, its named recipients and, for
   * an item addressed to part of the case (a message to some organizations, ADR 0117), that audience:
   * all that {@link #allows} needs. Immutable.
   *
   * @param audience the organizations the item is addressed to, besides the concerned and the creating
   *     organization; empty for an item addressed to whoever its label lets see it
   */
  public record Marking(Tlp tlp, Origin origin, Recipients recipients, java.util.Optional<Set<Long>> audience) {
    public Marking {
      Objects.requireNonNull(tlp, "tlp");
      Objects.requireNonNull(origin, "origin");
      Objects.requireNonNull(recipients, "recipients");
      audience = Objects.requireNonNull(audience, "audience").map(Set::copyOf);
    }

    /** An item addressed to whoever its label lets see it. */
    public Marking(Tlp tlp, Origin origin, Recipients recipients) {
      this(tlp, origin, recipients, java.util.Optional.empty());
    }

    /**
     * Whether {@code viewer} may see the item: its label allows it and, for an addressed item, the
     * viewer created it or belongs to the audience, the concerned or the creating organization.
     */
    public boolean allows(Viewer viewer, boolean published) {
      if (audience.isPresent() && !origin.createdBy(viewer) && !viewer.isOrganization(origin.organization())
          && !viewer.isOrganization(origin.creatorOrganization())
          && (viewer.organization().isEmpty() || !audience.get().contains(viewer.organization().getAsLong()))) {
        return false;
      }
      return tlp.allows(origin, recipients, viewer, published);
    }
  }

  /**
   * Whom an item concerns and who created it.
   *
   * @param organization the organization the item concerns: a status's participant, or else the creator's
   * @param creatorOrganization the organization that created the item
   * @param creatorMember the person who created it, empty when an organization's machine token (or the
   *     local command line) did: then the organization as a whole is the creator
   */
  public record Origin(long organization, long creatorOrganization, OptionalLong creatorMember) {
    public Origin {
      Objects.requireNonNull(creatorMember, "creatorMember");
    }

    /** An item created by {@code organization} about itself, no person named. */
    public static Origin of(long organization) {
      return new Origin(organization, organization, OptionalLong.empty());
    }

    /** An item about {@code organization}, created by {@code creatorMember} (null: a machine) of {@code creatorOrganization}. */
    public static Origin of(long organization, long creatorOrganization, Long creatorMember) {
      return new Origin(organization, creatorOrganization,
          creatorMember == null ? OptionalLong.empty() : OptionalLong.of(creatorMember));
    }

    boolean createdBy(Viewer viewer) {
      return creatorMember.isPresent()
          ? viewer.member().isPresent() && viewer.member().getAsLong() == creatorMember.getAsLong()
          : viewer.isOrganization(creatorOrganization);
    }
  }

  /**
   * Who asks to see a case item. An anonymous reader has no organization.
   *
   * @param organization the viewer's organization id, empty for an anonymous reader
   * @param member the person's member id, empty for a machine token or an anonymous reader
   * @param participant whether the viewer's organization, or the member alone, takes part in the case
   * @param coordinator whether the viewer is the instance's coordinator
   */
  public record Viewer(OptionalLong organization, OptionalLong member, boolean participant, boolean coordinator) {
    public Viewer {
      Objects.requireNonNull(organization, "organization");
      Objects.requireNonNull(member, "member");
      if (organization.isEmpty() && (member.isPresent() || participant || coordinator)) {
        throw new IllegalArgumentException("an anonymous viewer has no member and takes no part in a case");
      }
    }

    /** Someone who is not signed in. */
    public static Viewer anonymous() {
      return new Viewer(OptionalLong.empty(), OptionalLong.empty(), false, false);
    }

    /** A signed-in viewer; {@code member} may be null for a machine token. */
    public static Viewer of(long organization, Long member, boolean participant, boolean coordinator) {
      return new Viewer(OptionalLong.of(organization), member == null ? OptionalLong.empty() : OptionalLong.of(member),
          participant, coordinator);
    }

    boolean isOrganization(long id) {
      return organization.isPresent() && organization.getAsLong() == id;
    }
  }

  /**
   * The named recipients of a {@link #RED} item: individual members ("for the eyes and ears of
   * individual recipients only"), never a whole organization. Immutable.
   */
  public record Recipients(Set<Long> members) {
    public Recipients {
      members = Set.copyOf(members);
    }

    /** No one besides the creator. */
    public static Recipients none() {
      return new Recipients(Set.of());
    }

    boolean includes(Viewer viewer) {
      return viewer.member().isPresent() && members.contains(viewer.member().getAsLong());
    }
  }
}
