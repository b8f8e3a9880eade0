package org.accord.app;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accord.NotFoundException;
import org.accord.party.ApiToken;
import org.accord.party.Authority;
import org.accord.party.Member;
import org.accord.party.MemberRole;
import org.accord.party.OrgKind;
import org.accord.party.Organization;
import org.accord.party.Principal;
import org.accord.store.Database;
import org.accord.store.Members;
import org.accord.store.Organizations;
import org.accord.store.Tokens;

/**
 * Organizations, members and API tokens: creating them, listing what a principal may see, revoking,
 * and turning a presented credential into a {@link Principal}. The rules of who may do what are
 * {@link Authority}'s; this class asks them, writes in one transaction, and logs each change. Changes
 * that name people or hidden parties (members, tokens, operators and researchers) enter the public log
 * only as salted commitments. Thread-safe.
 */
public final class Parties {
  /** The organization of the local command line: the coordinator acting on this machine. */
  public static final String LOCAL = "local";

  private final Database database;
  private final Clock clock;
  private final RecentPrincipals recent;
  private final EventOutbox log;

  Parties(Database database, Clock clock, EventOutbox log) {
    this.database = database;
    this.clock = clock;
    this.recent = new RecentPrincipals(clock);
    this.log = log;
  }

  /**
   * Creates an organization; only the coordinator may.
   *
   * @throws org.accord.ForbiddenException if {@code actor} is not the coordinator
   * @throws org.accord.InvalidInputException for a bad or taken name, country or address
   */
  public Organization createOrganization(Principal actor, String name, OrgKind kind, String country, String contactEmail) {
    Authority.requireCoordinator(actor, "create organizations");
    long now = clock.millis();
    EventOutbox.Committed<Organization> committed = log.inTransaction((handle, events) -> {
      Organization created = Organizations.create(handle, name, kind, country, contactEmail, now);
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("organization", created.name());
      data.put("kind", kind.label());
      if (created.country() != null) {
        data.put("country", created.country());
      }
      events.stage(actor, "org.created", "org:" + created.name(), now, data, !kind.listedToOthers());
      return created;
    });
    committed.await();
    return committed.value();
  }

  /** The organizations {@code viewer} may know take part, by name. */
  public List<Organization> organizations(Principal viewer) {
    return database.jdbi().withHandle(Organizations::list).stream().filter(o -> Authority.maySee(viewer, o)).toList();
  }

  /**
   * The organization named {@code name}, if {@code viewer} may know it takes part.
   *
   * @throws NotFoundException if there is none or it is hidden from the viewer (the same message)
   */
  public Organization organization(Principal viewer, String name) {
    Optional<Organization> found = database.jdbi().withHandle(handle -> Organizations.find(handle, name));
    if (found.isEmpty() || !Authority.maySee(viewer, found.get())) {
      throw new NotFoundException("no organization named '" + (name == null ? "" : name.strip()) + "'");
    }
    return found.get();
  }

  /**
   * Adds a person to an organization; its admins and the coordinator may.
   *
   * @throws NotFoundException if the organization is unknown or hidden from {@code actor}
   * @throws org.accord.ForbiddenException if {@code actor} does not manage it
   * @throws org.accord.InvalidInputException for a bad or taken address
   */
  public Member addMember(Principal actor, String organization, String email, MemberRole role) {
    Organization org = organization(actor, organization);
    Authority.requireManages(actor, org, "add its members");
    long now = clock.millis();
    EventOutbox.Committed<Member> committed = log.inTransaction((handle, events) -> {
      Member member = Members.add(handle, org, email, role, now);
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("organization", org.name());
      data.put("member", member.email());
      data.put("role", role.label());
      events.stage(actor, "member.added", "org:" + org.name(), now, data, true);
      return member;
    });
    committed.await();
    return committed.value();
  }

  /**
   * The members of an organization; its admins and the coordinator may list them.
   *
   * @throws NotFoundException if the organization is unknown or hidden
   * @throws org.accord.ForbiddenException if {@code actor} does not manage it
   */
  public List<Member> members(Principal actor, String organization) {
    Organization org = organization(actor, organization);
    Authority.requireManages(actor, org, "list its members");
    return database.jdbi().withHandle(handle -> Members.of(handle, org));
  }

  /**
   * Creates an API token.
   *
   * @param memberEmail the person it belongs to (a member of the organization), or null for a machine
   *     token of the organization
   * @param lifetime how long it works, or null for a token that never expires
   * @throws NotFoundException if the organization or member is unknown or hidden
   * @throws org.accord.ForbiddenException if {@code actor} may not create it ({@link Authority})
   */
  public Tokens.Created createToken(
      Principal actor, String organization, String memberEmail, boolean coordinator, String label, Duration lifetime) {
    Organization org = organization(actor, organization);
    long now = clock.millis();
    EventOutbox.Committed<Tokens.Created> committed = log.inTransaction((handle, events) -> {
      Member member = null;
      if (memberEmail != null) {
        member = Members.byEmail(handle, Member.requireEmail(memberEmail, "member"))
            .filter(m -> Authority.manages(actor, m.organization()))
            .orElseThrow(() -> new NotFoundException("no member " + memberEmail.strip() + " in " + org.name()));
      }
      Authority.requireMayCreateToken(actor, org, member, coordinator);
      Tokens.Created created = Tokens.create(handle, org, member, coordinator, label, lifetime == null ? null : now + lifetime.toMillis(), now);
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("token", created.token().id());
      data.put("organization", org.name());
      data.put("role", created.token().principal().roleLabel());
      events.stage(actor, "token.created", "token:" + created.token().id(), now, data, true);
      return created;
    });
    committed.await();
    return committed.value();
  }

  /**
   * The tokens {@code actor} may see: all (or one organization's) for the coordinator, the
   * organization's for its admins, a member's own otherwise.
   *
   * @param organization only this organization's tokens, or null for all the actor may see
   * @throws NotFoundException if the organization is unknown or hidden
   */
  public List<ApiToken> tokens(Principal actor, String organization) {
    Organization org = organization == null ? null : organization(actor, organization);
    return database.jdbi().withHandle(handle -> Tokens.list(handle, org)).stream().filter(t -> Authority.maySee(actor, t)).toList();
  }

  /**
   * Revokes a token; from the next request on it gets 401, and its web sessions end.
   *
   * @return the token as revoked
   * @throws NotFoundException if there is no such token or {@code actor} may not see it (the same
   *     message)
   */
  public ApiToken revokeToken(Principal actor, String id) {
    long now = clock.millis();
    EventOutbox.Committed<ApiToken> committed = log.inTransaction((handle, events) -> {
      ApiToken token = Tokens.byId(handle, id).filter(t -> Authority.maySee(actor, t)).orElseThrow(() -> Authority.noSuchToken(id));
      Tokens.revoke(handle, id, now);
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("token", id);
      events.stage(actor, "token.revoked", "token:" + id, now, data, true);
      return Tokens.byId(handle, id).orElseThrow();
    });
    recent.clear();
    committed.await();
    return committed.value();
  }

  /**
   * The principal behind a presented token secret, or empty when the secret is unknown, revoked or
   * expired. Tokens that succeeded in the last minute are answered from memory ({@link
   * RecentPrincipals}); a revocation here clears that memory, and an expiry bounds it.
   */
  public Optional<Principal> authenticate(String secret) {
    return recent.authenticate(
        secret,
        s -> database.jdbi().withHandle(handle -> Tokens.bySecret(handle, s)).filter(t -> t.activeAt(clock.instant())));
  }

  /**
   * Whether a principal obtained earlier still holds: its token (if it used one) is neither revoked
   * nor expired. Web sessions ask on each request.
   */
  public boolean stillValid(Principal principal) {
    if (principal.tokenId() == null) {
      return principal.member() == null
          || database.jdbi().withHandle(handle -> Members.byEmail(handle, principal.member().email())).isPresent();
    }
    return database.jdbi().withHandle(handle -> Tokens.byId(handle, principal.tokenId()))
        .map(t -> t.activeAt(clock.instant()))
        .orElse(false);
  }

  /**
   * The principal of a person signed in with a verified e-mail address (OpenID Connect), or empty if
   * no member has that address.
   */
  public Optional<Principal> memberByVerifiedEmail(String email) {
    return database.jdbi().withHandle(handle -> Members.byEmail(handle, email))
        .map(m -> Principal.of(m.organization(), m, false, null));
  }

  /** The local command line: the instance coordinator acting as organization {@value #LOCAL}. */
  public Principal localCoordinator() {
    Organization local = database.jdbi().withHandle(handle -> Organizations.find(handle, LOCAL))
        .orElseThrow(() -> new IllegalStateException("the store has no organization '" + LOCAL + "' (migration V4 adds it)"));
    return new Principal.Coordinator(local, null, null);
  }

  /**
   * The coordinator {@code coordinator} acting for the existing organization {@code organization}, as
   * the command line's {@code --org} and the API's {@code ?org=} do.
   *
   * @throws org.accord.ForbiddenException if {@code coordinator} is not the coordinator and names
   *     another organization
   * @throws NotFoundException if there is no such organization; uploads never create one
   */
  public Principal actingFor(Principal coordinator, String organization) {
    if (organization == null || organization.isBlank() || organization.strip().equals(coordinator.organization().name())) {
      return coordinator;
    }
    Authority.requireCoordinator(coordinator, "act for another organization");
    Organization org = database.jdbi().withHandle(handle -> Organizations.find(handle, organization))
        .orElseThrow(() -> new NotFoundException("no organization named '" + organization.strip()
            + "'; uploads never create one: create it with 'accord org create' (POST /api/v1/orgs) first"));
    return new Principal.Coordinator(org, coordinator.member(), coordinator.tokenId());
  }

  /** The organization with this name, creating it if absent; for the demo world and tests. */
  public Organization ensure(String name, OrgKind kind) {
    long now = clock.millis();
    return database.jdbi().inTransaction(handle -> Organizations.ensure(handle, name, kind, now));
  }

  /** An organization as both edges show it: name, kind, country and contact (no store id). */
  public static Map<String, Object> describe(Organization organization) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("name", organization.name());
    view.put("kind", organization.kind().label());
    view.put("country", organization.country());
    view.put("contactEmail", organization.contactEmail());
    return view;
  }

  /** A member as both edges show it. */
  public static Map<String, Object> describe(Member member) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("email", member.email());
    view.put("organization", member.organization().name());
    view.put("role", member.role().label());
    return view;
  }

  /** A token as both edges show it: never its secret. {@code now} decides {@code active}. */
  public static Map<String, Object> describe(ApiToken token, java.time.Instant now) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", token.id());
    view.put("organization", token.organization().name());
    view.put("member", token.member() == null ? null : token.member().email());
    view.put("role", token.principal().roleLabel());
    view.put("label", token.label());
    view.put("created", token.created().toString());
    view.put("expires", token.expires() == null ? null : token.expires().toString());
    view.put("revoked", token.revoked() == null ? null : token.revoked().toString());
    view.put("active", token.activeAt(now));
    return view;
  }
}
