package org.accord.party;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Who did something, as the transparency log records it: the authenticated organization and, when a
 * person (not a machine token) acted, that person's e-mail address. Never taken from a document.
 *
 * @param organization the organization's name
 * @param member the acting person's e-mail address, or null for an organization's machine token or
 *     the local command line
 */
public record Actor(String organization, String member) {
  public Actor {
    Objects.requireNonNull(organization, "organization");
  }

  /** The actor as a ledger event's data member: {@code {"organization": …, "member": …}}. */
  public Map<String, Object> toData() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("organization", organization);
    if (member != null) {
      data.put("member", member);
    }
    return data;
  }
}
