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
 *   <li>The owner organization always sees its own item: TLP limits what recipients pass on, not what
 *       the source keeps, and an organization's data in Accord is its members' data.
 *   <li>{@link #RED}: only the named recipients, organizations or individual members ("for the eyes and
 *       ears of individual recipients only"). Being a participant or the coordinator is not enough.
 *   <li>{@link #AMBER_STRICT}: only the owner's own organization ("restricts sharing to the organization
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
   * Whether {@code viewer} may see an item with this label.
   *
   * @param owner the organization that owns the item (its source)
   * @param recipients the item's named recipients; consulted for {@link #RED} only
   * @param viewer who asks
   * @param published whether the case has been published (opens {@link #CLEAR} items to everyone)
   */
  public boolean allows(long owner, Recipients recipients, Viewer viewer, boolean published) {
    Objects.requireNonNull(recipients, "recipients");
    Objects.requireNonNull(viewer, "viewer");
    if (viewer.isOrganization(owner)) {
      return true;
    }
    return switch (this) {
      case RED -> recipients.includes(viewer);
      case AMBER_STRICT -> false;
      case AMBER, GREEN -> viewer.participant() || viewer.coordinator();
      case CLEAR -> published || viewer.participant() || viewer.coordinator();
    };
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
   * The named recipients of a {@link #RED} item: whole organizations, or individual members (who see
   * the item without the rest of their organization).
   */
  public record Recipients(Set<Long> organizations, Set<Long> members) {
    public Recipients {
      organizations = Set.copyOf(organizations);
      members = Set.copyOf(members);
    }

    /** No one besides the owner. */
    public static Recipients none() {
      return new Recipients(Set.of(), Set.of());
    }

    boolean includes(Viewer viewer) {
      return viewer.organization().isPresent() && organizations.contains(viewer.organization().getAsLong())
          || viewer.member().isPresent() && members.contains(viewer.member().getAsLong());
    }
  }
}
