package org.accord.party;

import java.util.Objects;
import java.util.Optional;

/**
 * Who a request or a command acts as: an organization, the person acting for it when there is one,
 * and what it may do. Every write is attributed to a principal, and every read is filtered by one.
 * Built only by the edges from a credential they checked (an API token, a web sign-in, the local
 * command line); never from a value in a document.
 *
 * <p>Three kinds, by authority: {@link OrgMember} acts for its organization; {@link OrgAdmin} also
 * manages its organization's members and tokens; {@link Coordinator} is the instance's coordinator,
 * who sees every party's data, approves claims and may act for any organization. Immutable.
 */
public sealed interface Principal {
  /** The organization acted for. */
  Organization organization();

  /** The person acting, or null for an organization's machine token or the local command line. */
  Member member();

  /**
   * The public id of the API token this principal authenticated with, or null when it did not use one
   * (the local command line, a web sign-in); revoking that token ends its sessions too.
   */
  String tokenId();

  /** A person or machine acting for its organization. */
  record OrgMember(Organization organization, Member member, String tokenId) implements Principal {
    public OrgMember {
      Objects.requireNonNull(organization, "organization");
    }
  }

  /** A person who also manages the organization's members and tokens. */
  record OrgAdmin(Organization organization, Member member, String tokenId) implements Principal {
    public OrgAdmin {
      Objects.requireNonNull(organization, "organization");
      Objects.requireNonNull(member, "an admin is a person");
    }
  }

  /** The instance coordinator, acting as {@code organization}. */
  record Coordinator(Organization organization, Member member, String tokenId) implements Principal {
    public Coordinator {
      Objects.requireNonNull(organization, "organization");
    }
  }

  /**
   * The principal a credential grants: a coordinator if the credential says so, else an admin if it
   * belongs to a member with the admin role, else a member.
   *
   * @param member the person the credential belongs to, or null for an organization's machine token
   */
  static Principal of(Organization organization, Member member, boolean coordinator, String tokenId) {
    if (member != null && member.organization().id() != organization.id()) {
      throw new IllegalArgumentException("member " + member.email() + " is not of " + organization.name());
    }
    if (coordinator) {
      return new Coordinator(organization, member, tokenId);
    }
    if (member != null && member.role() == MemberRole.ADMIN) {
      return new OrgAdmin(organization, member, tokenId);
    }
    return new OrgMember(organization, member, tokenId);
  }

  /** Whether this is the instance coordinator. */
  default boolean isCoordinator() {
    return this instanceof Coordinator;
  }

  /** Whether this principal acts for {@code other} (the same organization). */
  default boolean actsFor(Organization other) {
    return organization().id() == other.id();
  }

  /** The person, if one is acting. */
  default Optional<Member> person() {
    return Optional.ofNullable(member());
  }

  /** How the transparency log attributes this principal's actions. */
  default Actor actor() {
    return new Actor(organization().name(), member() == null ? null : member().email());
  }

  /** The role's name for answers: {@code coordinator}, {@code admin} or {@code member}. */
  default String roleLabel() {
    if (this instanceof Coordinator) {
      return "coordinator";
    }
    return this instanceof OrgAdmin ? "admin" : "member";
  }
}
