package org.accord.party;

import java.util.Locale;
import org.accord.InvalidInputException;

/** A person's role in their organization. */
public enum MemberRole {
  /** Manages the organization's members and tokens. */
  ADMIN,
  /** Acts for the organization. */
  MEMBER;

  /** The lower-case name used in the API and in the store. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The role named by {@code text}.
   *
   * @throws InvalidInputException if it is neither {@code admin} nor {@code member}
   */
  public static MemberRole parse(String text) {
    for (MemberRole role : values()) {
      if (role.label().equals(text)) {
        return role;
      }
    }
    throw new InvalidInputException("unknown member role '" + text + "'; use admin or member", "role");
  }
}
