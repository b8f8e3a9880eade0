package org.accord.app;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.accord.InvalidInputException;
import org.accord.identity.Purl;
import org.accord.party.Authority;
import org.accord.party.ClaimState;
import org.accord.party.Organization;
import org.accord.party.Principal;
import org.accord.party.ProductClaim;
import org.accord.store.Claims;
import org.accord.store.Database;

/**
 * Product claims (ADR 0091): an organization claims a product namespace, the coordinator approves or
 * rejects the claim, and the approved claims say who owns which products. The rules are {@link
 * Authority}'s and {@link ProductClaim}'s; this class asks them, writes in one transaction, and logs
 * each change as a salted commitment with its actor (a claim names who makes which products before the
 * coordinator has vetted it). Claims and decisions are serialised on one lock, so two overlapping
 * claims can never both be approved. Thread-safe.
 */
public final class ProductClaims {
  private final Database database;
  private final Clock clock;
  private final Parties parties;
  private final EventOutbox log;
  private final Object lock = new Object();

  /** Told after each committed decision (where-used provenance changes with it). */
  /** The change feed (ADR 0146): a decision is recorded in it, and applying it moves the products' sources. */
  private final org.accord.app.replicas.ChangeFeed feed;

  ProductClaims(Database database, Clock clock, Parties parties, EventOutbox log, org.accord.app.replicas.ChangeFeed feed) {
    this.feed = feed;
    this.database = database;
    this.clock = clock;
    this.parties = parties;
    this.log = log;
  }

  /**
   * Claims a product namespace for an organization; pending until the coordinator decides.
   *
   * @param purl a package URL without version ({@code pkg:generic/acme/router}) or a prefix ending in
   *     {@code /} with at least a type and one namespace segment ({@code pkg:maven/com.vendora/})
   * @param organization the claiming organization, or null for the actor's own
   * @throws InvalidInputException for a malformed namespace (location {@code purl}) or one the
   *     organization already claims
   * @throws org.accord.ForbiddenException if the actor names another organization and is not the
   *     coordinator ({@link Authority})
   * @throws org.accord.NotFoundException if the coordinator names an unknown organization
   */
  public ProductClaim claim(Principal actor, String purl, String organization) {
    String namespace = namespace(purl);
    Organization org = parties.actingFor(actor, organization).organization();
    Authority.requireMayClaim(actor, org);
    long now = clock.millis();
    EventOutbox.Committed<ProductClaim> committed;
    synchronized (lock) {
      // The claim and its event commit together (ADR 0085).
      committed = log.inTransaction((handle, events) -> {
        ProductClaim wanted = new ProductClaim("clm_0000000000000000", org, namespace, ClaimState.PENDING, "", clock.instant(), null);
        Authority.requireNotClaimed(wanted, Claims.list(handle, org));
        ProductClaim created = Claims.create(handle, org, namespace, now);
        events.stage(actor, "claim.requested", "claim:" + created.id(), now, event(created), true);
        return created;
      });
    }
    committed.await();
    return committed.value();
  }

  /**
   * Approves a pending claim; only the coordinator may. Its organization then owns the namespace.
   *
   * @throws org.accord.ForbiddenException if the actor is not the coordinator
   * @throws org.accord.NotFoundException if there is no such claim
   * @throws InvalidInputException if it is decided already or overlaps another owner's approved claim
   */
  public ProductClaim approve(Principal actor, String id) {
    return decide(actor, id, ClaimState.APPROVED, "");
  }

  /**
   * Rejects a pending claim with an optional reason (at most 500 characters); only the coordinator may.
   *
   * @throws org.accord.ForbiddenException if the actor is not the coordinator
   * @throws org.accord.NotFoundException if there is no such claim
   * @throws InvalidInputException if it is decided already
   */
  public ProductClaim reject(Principal actor, String id, String reason) {
    return decide(actor, id, ClaimState.REJECTED, reason);
  }

  private ProductClaim decide(Principal actor, String id, ClaimState to, String reason) {
    Authority.requireMayDecideClaims(actor);
    long now = clock.millis();
    EventOutbox.Committed<ProductClaim> committed;
    synchronized (lock) {
      committed = log.inTransaction((handle, events) -> {
        feed.lockWriters(handle); // the overlap check sees every replica's approvals
        ProductClaim claim = (ProductClaim.isId(id) ? Claims.byId(handle, id) : java.util.Optional.<ProductClaim>empty())
            .filter(c -> Authority.maySee(actor, c))
            .orElseThrow(() -> Authority.noSuchClaim(id));
        ProductClaim result = claim.decide(to, reason, java.time.Instant.ofEpochMilli(now));
        if (to == ClaimState.APPROVED) {
          Authority.requireNoOverlap(result, Claims.approved(handle));
        }
        if (!Claims.decide(handle, result)) {
          throw new InvalidInputException("claim " + claim.id() + " was decided meanwhile", "claim");
        }
        Map<String, Object> data = event(result);
        if (!result.reason().isEmpty()) {
          data.put("reason", result.reason());
        }
        events.stage(actor, "claim." + result.state().label(), "claim:" + result.id(), now, data, true);
        feed.record(handle, org.accord.app.replicas.ChangeKind.CLAIM, () -> "{}", Boolean.TRUE);
        return result;
      });
    }
    feed.catchUp(); // after the commit: where-used pages rendered before it are not served again
    committed.await();
    return committed.value();
  }

  /** The claims {@code viewer} may see: all for the coordinator, its organization's otherwise; oldest first. */
  public List<ProductClaim> claims(Principal viewer) {
    return database.jdbi().withHandle(handle -> Claims.list(handle, viewer.isCoordinator() ? null : viewer.organization()))
        .stream().filter(c -> Authority.maySee(viewer, c)).toList();
  }

  /**
   * The canonical namespace of a claim: the package key of a PURL without version, or a prefix ending
   * in {@code /}.
   *
   * @throws InvalidInputException naming the problem; location {@code purl}
   */
  static String namespace(String text) {
    String clean = text == null ? "" : text.strip();
    if (clean.isEmpty()) {
      throw new InvalidInputException("missing purl: name a package without version, such as pkg:generic/acme/router", "purl");
    }
    boolean prefix = clean.endsWith("/");
    Purl purl;
    try {
      purl = Purl.parse(prefix ? clean + "x" : clean);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(
          "'" + clean + "' is not a package URL without version (pkg:generic/acme/router) or a prefix ending in '/'"
              + " (pkg:maven/com.vendora/): " + e.getMessage(), "purl");
    }
    if (purl.hasVersion() || !purl.qualifiers().isEmpty() || !purl.subpath().isEmpty()) {
      throw new InvalidInputException(
          "a claim names a package without version, qualifiers or subpath (pkg:generic/acme/router), not '" + clean + "'", "purl");
    }
    String key = purl.packageKey();
    if (!prefix) {
      return key;
    }
    String namespace = key.substring(0, key.length() - 1);
    if (namespace.chars().filter(c -> c == '/').count() < 2) {
      throw new InvalidInputException(
          "a prefix claim names at least a type and a namespace (pkg:maven/com.vendora/), not a whole ecosystem: '" + clean + "'",
          "purl");
    }
    return namespace;
  }

  /** A claim as both edges show it (no store id). */
  public static Map<String, Object> describe(ProductClaim claim) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", claim.id());
    view.put("organization", claim.organization().name());
    view.put("purl", claim.namespace());
    view.put("state", claim.state().label());
    view.put("reason", claim.reason());
    view.put("created", claim.created().toString());
    view.put("decided", claim.decided() == null ? null : claim.decided().toString());
    return view;
  }

  /** The event data of a claim; the outbox adds the actor. */
  private static Map<String, Object> event(ProductClaim claim) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("claim", claim.id());
    data.put("organization", claim.organization().name());
    data.put("purl", claim.namespace());
    return data;
  }
}
