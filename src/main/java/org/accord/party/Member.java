package org.accord.party;

import java.util.Locale;
import java.util.Objects;
import org.accord.InvalidInputException;

/**
 * A person who acts for one organization. A person is known by e-mail address, unique across the
 * instance, so a verified address from a sign-in provider names at most one member.
 *
 * @param id the store's id
 * @param organization the organization the person belongs to
 * @param email the address, in lower case
 * @param role admin or member
 */
public record Member(long id, Organization organization, String email, MemberRole role) {
  public Member {
    Objects.requireNonNull(organization, "organization");
    email = requireEmail(email, "email");
    Objects.requireNonNull(role, "role");
  }

  /**
   * {@code email} stripped and in lower case, if it looks like an address: one {@code @} with text on
   * both sides, a dot in the domain, no spaces or control characters, at most 254 characters. Whether
   * it is reachable is the sign-in provider's to prove, not ours.
   *
   * @throws InvalidInputException naming the problem, with location {@code where}
   */
  public static String requireEmail(String email, String where) {
    if (email == null || email.isBlank()) {
      throw new InvalidInputException("e-mail address is empty", where);
    }
    String clean = email.strip().toLowerCase(Locale.ROOT);
    int at = clean.indexOf('@');
    boolean shaped = clean.length() <= 254 && at > 0 && at == clean.lastIndexOf('@')
        && clean.indexOf('.', at) > at + 1 && !clean.endsWith(".");
    for (int i = 0; shaped && i < clean.length(); i++) {
      char c = clean.charAt(i);
      shaped = c > ' ' && c != 0x7f;
    }
    if (!shaped) {
      throw new InvalidInputException("'" + email.strip() + "' is not an e-mail address such as name@example.org", where);
    }
    return clean;
  }
}
