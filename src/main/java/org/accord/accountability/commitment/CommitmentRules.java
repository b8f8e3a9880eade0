package org.accord.accountability.commitment;

import java.time.Instant;
import java.util.Set;
import org.accord.ForbiddenException;
import org.accord.disclosure.IllegalTransitionException;
import org.accord.party.Authority;
import org.accord.party.OrgKind;
import org.accord.party.Principal;

/**
 * Who may publish, supersede and join commitments, as pure checks (ADR 0140). The organization is always
 * the authenticated principal's: a document's {@code organization} is compared, never believed. Stateless
 * and thread-safe.
 *
 * <ul>
 *   <li>A commitment binds an organization, so only its admins (or the coordinator acting for it) publish,
 *       supersede or join one in its name.
 *   <li>An arrangement is published by a body others follow: a foundation, a CERT or a government body.
 *   <li>Only the publisher supersedes, from the version that is current (else 409: the chain never forks).
 *   <li>Only an arrangement is joined, while current and valid, once per version per organization.
 * </ul>
 */
public final class CommitmentRules {
  /** The kinds of organization that publish arrangements for others to join. */
  public static final Set<OrgKind> ARRANGERS = Set.of(OrgKind.FOUNDATION, OrgKind.CERT, OrgKind.GOVERNMENT);

  private CommitmentRules() {}

  /**
   * Refuses a document in another organization's name.
   *
   * @throws ForbiddenException if the document names an organization that is not {@code actor}'s
   */
  public static void requireOwnName(PledgeDocument document, Principal actor) {
    if (document.organization().isPresent() && !document.organization().get().strip().equals(actor.organization().name())) {
      throw new ForbiddenException("a commitment is published in the name of the authenticated organization ("
          + actor.organization().name() + ") only, not '" + document.organization().get().strip() + "'");
    }
  }

  /**
   * Refuses a publisher who may not make this promise.
   *
   * @throws ForbiddenException for a member who is not an admin, or an arrangement by an organization that
   *     is not a foundation, CERT or government body
   */
  public static void requireMayPublish(Principal actor, CommitmentKind kind) {
    Authority.requireManages(actor, actor.organization(), "publish commitments in its name");
    if (kind == CommitmentKind.ARRANGEMENT && !ARRANGERS.contains(actor.organization().kind()) && !actor.isCoordinator()) {
      throw new ForbiddenException("an arrangement is published by a foundation, CERT or government body, not by a "
          + actor.organization().kind().label() + " such as " + actor.organization().name());
    }
  }

  /**
   * Refuses a new version that may not supersede {@code current}.
   *
   * @param read the version the publisher read and means to supersede
   * @throws ForbiddenException if the actor's organization did not publish the commitment
   * @throws IllegalTransitionException (409) if {@code read} is not the current version, or the kind changes
   */
  public static void requireMaySupersede(Principal actor, PledgeVersion current, int read, Pledge next) {
    if (actor.organization().id() != current.organization()) {
      throw new ForbiddenException("only " + current.organizationName() + " publishes new versions of " + current.commitment());
    }
    requireMayPublish(actor, next.kind());
    if (read != current.version()) {
      throw new IllegalTransitionException(IllegalTransitionException.Machine.COMMITMENT, "version " + current.version(),
          "supersede version " + read, "version " + read + " of " + current.commitment() + " is not the current one ("
              + current.version() + "); read the current version and supersede that");
    }
    if (next.kind() != current.pledge().kind()) {
      throw new IllegalTransitionException(IllegalTransitionException.Machine.COMMITMENT, current.pledge().kind().label(),
          "supersede as " + next.kind().label(), "a new version keeps the commitment's kind; publish a new commitment instead");
    }
  }

  /**
   * Refuses a join that may not happen.
   *
   * @param joined whether the actor's organization already joined this version
   * @throws ForbiddenException for a member who is not an admin of its organization
   * @throws IllegalTransitionException (409) for a pledge, a version no longer valid, or a second join
   */
  public static void requireMayJoin(Principal actor, PledgeVersion current, boolean joined, Instant now) {
    Authority.requireManages(actor, actor.organization(), "join an arrangement in its name");
    String from = "version " + current.version();
    if (current.pledge().kind() != CommitmentKind.ARRANGEMENT) {
      throw new IllegalTransitionException(IllegalTransitionException.Machine.COMMITMENT, from, "join",
          current.commitment() + " is a pledge, which binds " + current.organizationName() + " alone; only an arrangement is joined");
    }
    if (current.pledge().validUntil().map(u -> !now.isBefore(u)).orElse(false)) {
      throw new IllegalTransitionException(IllegalTransitionException.Machine.COMMITMENT, from, "join",
          "it was valid until " + current.pledge().validUntil().get());
    }
    if (joined) {
      throw new IllegalTransitionException(IllegalTransitionException.Machine.COMMITMENT, from, "join",
          actor.organization().name() + " already joined version " + current.version() + " of " + current.commitment());
    }
  }
}
