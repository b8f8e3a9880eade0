package org.accord.app;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.accord.InvalidInputException;
import org.accord.party.Member;
import org.accord.store.Members;
import org.jdbi.v3.core.Handle;

/**
 * Named recipients of TLP:RED case items, read from e-mail addresses (ADR 0112). Orchestration only:
 * who may see an item is {@link org.accord.disclosure.Tlp#allows}; this class turns addresses into
 * member ids and refuses a recipient who could not see the case the item is in. Stateless.
 */
final class NeedToKnow {
  /** The most recipients one item names. */
  static final int MAX_RECIPIENTS = 100;

  private NeedToKnow() {}

  /**
   * The member ids of {@code emails}, each of whom {@code mayReceive} accepts; duplicates collapse.
   *
   * @param where what the recipient must be able to see, for the message ({@code ACC-2026-0001})
   * @throws InvalidInputException location {@code recipients[i]} for an address that is not such a
   *     member, with the same message whether the address exists or not (no address oracle), or
   *     {@code recipients} for more than {@link #MAX_RECIPIENTS}
   */
  static Set<Long> resolve(Handle handle, List<String> emails, Predicate<Member> mayReceive, String where) {
    Set<Long> out = new LinkedHashSet<>();
    if (emails == null) {
      return out;
    }
    if (emails.size() > MAX_RECIPIENTS) {
      throw new InvalidInputException(emails.size() + " recipients; at most " + MAX_RECIPIENTS, "recipients");
    }
    for (int i = 0; i < emails.size(); i++) {
      String email = emails.get(i) == null ? "" : emails.get(i).strip();
      String shown = email.length() > 80 ? email.substring(0, 80) + "..." : email;
      Optional<Member> member = email.isEmpty() ? Optional.empty() : Members.byEmail(handle, email);
      if (member.isEmpty() || !mayReceive.test(member.get())) {
        throw new InvalidInputException("'" + shown + "' is not a member who sees " + where
            + "; a TLP:RED recipient is a person taking part in the case", "recipients[" + i + "]");
      }
      out.add(member.get().id());
    }
    return out;
  }

  /** The number of addresses given, for the early check that only RED items name recipients. */
  static int count(List<String> emails) {
    return emails == null ? 0 : emails.size();
  }
}
