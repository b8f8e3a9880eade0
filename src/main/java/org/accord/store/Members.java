package org.accord.store;

import java.util.List;
import java.util.Optional;
import org.accord.InvalidInputException;
import org.accord.party.Member;
import org.accord.party.MemberRole;
import org.accord.party.Organization;
import org.jdbi.v3.core.Handle;

/**
 * The members table: people, each in one organization, known by an e-mail address unique across the
 * instance. Stateless and thread-safe; methods run on the caller's handle and transaction.
 */
public final class Members {
  private Members() {}

  /**
   * Adds a person to an organization.
   *
   * @throws InvalidInputException if the address already belongs to a member (of any organization;
   *     the message does not say which), location {@code email}
   */
  public static Member add(Handle handle, Organization organization, String email, MemberRole role, long now) {
    String clean = Member.requireEmail(email, "email");
    if (byEmail(handle, clean).isPresent()) {
      throw new InvalidInputException(clean + " is already a member", "email");
    }
    long id =
        handle
            .createQuery("INSERT INTO members (org_id, email, role, created_at) VALUES (:org, :email, :role, :now) RETURNING id")
            .bind("org", organization.id())
            .bind("email", clean)
            .bind("role", role.label())
            .bind("now", now)
            .mapTo(Long.class)
            .one();
    return new Member(id, organization, clean, role);
  }

  /** The member with this address (any case), if any. */
  public static Optional<Member> byEmail(Handle handle, String email) {
    return handle
        .createQuery("SELECT id, org_id, email, role FROM members WHERE email = :email")
        .bind("email", email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT))
        .map((rs, ctx) -> new Member(
            rs.getLong("id"), Organizations.byId(handle, rs.getLong("org_id")), rs.getString("email"),
            MemberRole.parse(rs.getString("role"))))
        .findOne();
  }

  /** The members of one organization, by address. */
  public static List<Member> of(Handle handle, Organization organization) {
    return handle
        .createQuery("SELECT id, email, role FROM members WHERE org_id = :org ORDER BY email")
        .bind("org", organization.id())
        .map((rs, ctx) -> new Member(rs.getLong("id"), organization, rs.getString("email"), MemberRole.parse(rs.getString("role"))))
        .list();
  }

  /** The members of each of these organizations, by organization id, each list in e-mail order; one query. */
  public static java.util.Map<Long, List<Member>> of(Handle handle, java.util.Collection<Organization> organizations) {
    java.util.Map<Long, Organization> byId = new java.util.HashMap<>();
    organizations.forEach(o -> byId.put(o.id(), o));
    java.util.Map<Long, List<Member>> out = new java.util.HashMap<>();
    if (!byId.isEmpty()) {
      handle.createQuery("SELECT id, org_id, email, role FROM members WHERE org_id IN (<orgs>) ORDER BY org_id, email")
          .bindList("orgs", List.copyOf(byId.keySet()))
          .map((rs, ctx) -> out.computeIfAbsent(rs.getLong("org_id"), k -> new java.util.ArrayList<>()).add(new Member(rs.getLong("id"),
              byId.get(rs.getLong("org_id")), rs.getString("email"), MemberRole.parse(rs.getString("role")))))
          .list();
    }
    return out;
  }
}
