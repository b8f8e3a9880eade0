package org.accord.disclosure;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.accord.InvalidInputException;

/**
 * What an organization does in a case. A participant holds one or more roles at once (a vendor that is
 * also the CNA, a finder that is also the reporter), kept as an {@link EnumSet}. Labels are the lower
 * snake case names, such as {@code case_owner}.
 */
public enum ParticipantRole {
  /** Found the vulnerability. */
  FINDER,
  /** Reported it to the case (often the finder). */
  REPORTER,
  /** Makes an affected product and can fix it. */
  VENDOR,
  /** Runs an affected product and deploys fixes. */
  DEPLOYER,
  /** Coordinates the case between the others (a CERT, a PSIRT). */
  COORDINATOR,
  /** Follows the case without acting in it. */
  OBSERVER,
  /** Decides for the case: invites, publishes, reads the access log. */
  CASE_OWNER,
  /** Assigns the CVE id. */
  CNA;

  /** The label, such as {@code case_owner}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role with this label (case-insensitive), if any. */
  public static Optional<ParticipantRole> fromLabel(String label) {
    if (label != null) {
      for (ParticipantRole role : values()) {
        if (role.label().equalsIgnoreCase(label.strip())) {
          return Optional.of(role);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The roles named by {@code labels}, at least one.
   *
   * @throws InvalidInputException with location {@code roles}: none given, or an unknown label (named,
   *     with the accepted ones)
   */
  public static Set<ParticipantRole> parseAll(List<String> labels) {
    if (labels == null || labels.isEmpty()) {
      throw new InvalidInputException("a participant needs at least one role (" + accepted() + ")", "roles");
    }
    EnumSet<ParticipantRole> roles = EnumSet.noneOf(ParticipantRole.class);
    for (String label : labels) {
      roles.add(fromLabel(label).orElseThrow(() -> new InvalidInputException(
          "unknown participant role '" + label + "'; accepted: " + accepted(), "roles")));
    }
    return roles;
  }

  static String accepted() {
    StringBuilder names = new StringBuilder();
    for (ParticipantRole role : values()) {
      names.append(names.length() == 0 ? "" : ", ").append(role.label());
    }
    return names.toString();
  }
}
