package org.accord.party;

import org.accord.ForbiddenException;
import org.accord.InvalidInputException;
import org.accord.NotFoundException;

/**
 * Who may manage parties: organizations, members and tokens. Pure rules over principals; the
 * application asks before it writes, and the edges translate the exceptions (403, and 404 for what
 * the principal may not know exists). Stateless.
 *
 * <ul>
 *   <li>Only the coordinator creates organizations and coordinator tokens.
 *   <li>An organization's admin (or the coordinator) adds its members and creates, lists and revokes
 *       its tokens.
 *   <li>A member lists and revokes its own tokens.
 *   <li>Organizations of kinds that act in the open ({@link OrgKind#listedToOthers()}) are listed to
 *       everyone; operators and researchers only to themselves and the coordinator.
 *   <li>An organization claims product namespaces for itself (the coordinator for any organization);
 *       only the coordinator approves or rejects claims; a claim is seen by its organization and the
 *       coordinator only. Approved claims may not overlap across organizations.
 *   <li>A VEX statement decides a finding's status only when its uploader owns the product through an
 *       approved claim, or is the coordinator; anyone else's statement is kept, unverified.
 * </ul>
 */
public final class Authority {
  private Authority() {}

  /**
   * Refuses anyone but the coordinator.
   *
   * @param action what was asked, for the message ("create organizations")
   * @throws ForbiddenException otherwise
   */
  public static void requireCoordinator(Principal principal, String action) {
    if (!principal.isCoordinator()) {
      throw new ForbiddenException("only the instance coordinator may " + action);
    }
  }

  /**
   * Whether {@code principal} may facilitate exercises (ADR 0158): run a simulation on the instance's
   * graph and start a live tabletop. The coordinator may, and the admins of a CERT organization, whose
   * office runs such exercises; no one else.
   */
  public static boolean mayFacilitate(Principal principal) {
    return principal.isCoordinator()
        || principal instanceof Principal.OrgAdmin admin && admin.organization().kind() == OrgKind.CERT;
  }

  /** Whether {@code principal} manages {@code organization}'s members and tokens. */
  public static boolean manages(Principal principal, Organization organization) {
    return principal.isCoordinator()
        || (principal instanceof Principal.OrgAdmin && principal.actsFor(organization));
  }

  /**
   * Refuses anyone who does not manage {@code organization}.
   *
   * @throws ForbiddenException otherwise
   */
  public static void requireManages(Principal principal, Organization organization, String action) {
    if (!manages(principal, organization)) {
      throw new ForbiddenException(
          "only an admin of " + organization.name() + " or the instance coordinator may " + action);
    }
  }

  /**
   * Refuses a token request the principal may not make: a coordinator token by anyone but the
   * coordinator; a token for an organization it does not manage; a member of another organization.
   *
   * @throws ForbiddenException naming the rule
   */
  public static void requireMayCreateToken(Principal principal, Organization organization, Member member, boolean coordinator) {
    if (coordinator) {
      requireCoordinator(principal, "create coordinator tokens");
    }
    requireManages(principal, organization, "create its tokens");
    if (member != null && member.organization().id() != organization.id()) {
      throw new ForbiddenException(member.email() + " is not a member of " + organization.name());
    }
  }

  /** Whether {@code principal} may see (list, revoke) {@code token}. */
  public static boolean maySee(Principal principal, ApiToken token) {
    if (manages(principal, token.organization())) {
      return true;
    }
    return token.member() != null && principal.member() != null && token.member().id() == principal.member().id();
  }

  /** Whether {@code principal} may know that {@code organization} takes part. */
  public static boolean maySee(Principal principal, Organization organization) {
    return principal.isCoordinator() || principal.actsFor(organization) || organization.kind().listedToOthers();
  }

  /**
   * Whether an event {@code actor} caused may name it in the open transparency log. Every change event
   * carries its actor (organization and, when a person acted, the person's address), and the public
   * log is read by anyone: so only an organization listed to everyone, acting without a named person
   * (a machine token, the local command line), is named in the open. Any other actor's events enter
   * the log as salted commitments, as {@code org.created} of an operator does (ADR 0081, ADR 0085).
   */
  public static boolean namedInPublicLog(Principal actor) {
    return actor.organization().kind().listedToOthers() && actor.member() == null;
  }

  /**
   * Refuses to act for an organization other than the principal's own, unless it is the coordinator.
   *
   * @throws ForbiddenException otherwise
   */
  public static void requireActsFor(Principal principal, Organization organization, String action) {
    if (!principal.isCoordinator() && !principal.actsFor(organization)) {
      throw new ForbiddenException("only the instance coordinator may " + action + " for another organization");
    }
  }

  /**
   * Refuses a claim the principal may not make: for an organization other than its own, unless it is
   * the coordinator.
   *
   * @throws ForbiddenException otherwise
   */
  public static void requireMayClaim(Principal principal, Organization organization) {
    requireActsFor(principal, organization, "claim products");
  }

  /**
   * Refuses anyone but the coordinator a decision on a claim.
   *
   * @throws ForbiddenException otherwise
   */
  public static void requireMayDecideClaims(Principal principal) {
    requireCoordinator(principal, "approve or reject product claims");
  }

  /** Whether {@code principal} may see {@code claim}: its organization and the coordinator. */
  public static boolean maySee(Principal principal, ProductClaim claim) {
    return principal.isCoordinator() || principal.actsFor(claim.organization());
  }

  /**
   * Refuses a new claim that repeats one of the organization's open (pending or approved) claims.
   *
   * @param existing the organization's claims
   * @throws InvalidInputException naming the open claim; location {@code purl}
   */
  public static void requireNotClaimed(ProductClaim wanted, java.util.Collection<ProductClaim> existing) {
    for (ProductClaim claim : existing) {
      if (claim.organization().id() == wanted.organization().id() && claim.namespace().equals(wanted.namespace())
          && claim.state() != ClaimState.REJECTED) {
        throw new InvalidInputException(
            wanted.organization().name() + " already has claim " + claim.id() + " (" + claim.state().label() + ") on "
                + wanted.namespace(), "purl");
      }
    }
  }

  /**
   * Refuses to approve a claim that overlaps another organization's approved claim: a namespace has one
   * owner.
   *
   * @param approved every approved claim
   * @throws InvalidInputException naming the claim in the way; location {@code claim}
   */
  public static void requireNoOverlap(ProductClaim claim, java.util.Collection<ProductClaim> approved) {
    for (ProductClaim other : approved) {
      if (other.state() == ClaimState.APPROVED && !other.id().equals(claim.id()) && other.overlaps(claim)) {
        throw new InvalidInputException(
            claim.namespace() + " overlaps " + other.namespace() + ", owned by " + other.organization().name()
                + " through approved claim " + other.id() + "; a namespace has one owner", "claim");
      }
    }
  }

  /**
   * Whether a VEX statement decides the status of a finding in a product: its uploader is the
   * coordinator, or the organization that owns the product through an approved claim. A name in the
   * document (its author) plays no part.
   *
   * @param uploader the name of the organization that uploaded the statement's document (names are
   *     unique)
   * @param uploaderCoordinator whether the coordinator uploaded it
   * @param owner the product's owning claim ({@link ProductClaim#owner}), or empty
   */
  public static boolean decidesVex(String uploader, boolean uploaderCoordinator, java.util.Optional<ProductClaim> owner) {
    return uploaderCoordinator || owner.map(c -> c.organization().name().equals(uploader)).orElse(false);
  }

  /** The error for a claim the principal may not see, identical to the one for a missing claim. */
  public static NotFoundException noSuchClaim(String id) {
    return new NotFoundException("no claim with id " + (id == null ? "" : id.strip()));
  }

  /** The error for a token the principal may not see, identical to the one for a missing token. */
  public static NotFoundException noSuchToken(String id) {
    return new NotFoundException("no token with id " + id);
  }
}
