package org.accord.app.accountability;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.accord.InvalidInputException;
import org.accord.NotFoundException;
import org.accord.accountability.commitment.CaseFacts;
import org.accord.accountability.commitment.CommitmentDeadline;
import org.accord.accountability.commitment.CommitmentDeadlines;
import org.accord.accountability.commitment.CommitmentEvent;
import org.accord.accountability.commitment.CommitmentKind;
import org.accord.accountability.commitment.CommitmentRules;
import org.accord.accountability.commitment.Pledge;
import org.accord.accountability.commitment.PledgeDocument;
import org.accord.accountability.commitment.PledgeVersion;
import org.accord.app.Cases;
import org.accord.app.EventOutbox;
import org.accord.disclosure.IllegalTransitionException;
import org.accord.party.Principal;
import org.accord.sbom.Sector;
import org.accord.store.Database;
import org.accord.store.Organizations;
import org.accord.store.accountability.Commitments.Membership;
import org.accord.store.accountability.Commitments.Row;
import org.accord.triage.Cvss;
import org.accord.triage.Severity;

/**
 * Commitments (ADR 0140, 0141): an organization's admins publish and supersede pledges in its name, a
 * foundation, CERT or government body publishes arrangements that other organizations' admins join, and
 * each case shows the deadlines the commitments binding its participants set in it.
 *
 * <p>Each publish, supersede and join writes its rows and stages its {@code commitment.*} event in one
 * transaction ({@link EventOutbox}); the event names the organization (a commitment is a public promise)
 * and the row keeps the member who acted. Commitments are public: any authenticated caller reads them.
 * Thread-safe; concurrent supersedes of one version leave one winner, the others get 409.
 */
public final class Commitments {
  /** The most commitments one list returns. */
  public static final int LIST_MAX = 500;

  private final Database database;
  private final Clock clock;
  private final EventOutbox log;
  private final Cases cases;

  /**
   * @param log where the events go, with the rows
   * @param cases whose views, events and items the case deadlines are computed from
   */
  public Commitments(Database database, Clock clock, EventOutbox log, Cases cases) {
    this.database = Objects.requireNonNull(database, "database");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.log = Objects.requireNonNull(log, "log");
    this.cases = Objects.requireNonNull(cases, "cases");
  }

  /** A commitment with every version, oldest first, and the members of each version of an arrangement. */
  public record Detail(List<PledgeVersion> versions, List<Membership> members) {
    /** The current version. */
    public PledgeVersion current() {
      return versions.get(versions.size() - 1);
    }
  }

  /** What a write did: the version written (or joined) and the log index of its event. */
  public record Written(PledgeVersion version, long logIndex) {}

  /**
   * Publishes a document: version 1 of a new commitment, or with {@code supersedes} the next version of
   * the actor's own commitment.
   *
   * @throws InvalidInputException naming the document's field
   * @throws org.accord.ForbiddenException for a document in another organization's name, a member who is
   *     not an admin, an arrangement by an organization that may not publish one, or a supersede of
   *     another organization's commitment
   * @throws NotFoundException if {@code supersedes} names no commitment
   * @throws IllegalTransitionException if the version superseded is not the current one
   */
  public Written publish(Principal actor, JsonNode document) {
    long now = clock.millis();
    PledgeDocument read = PledgeDocument.read(document, Instant.ofEpochMilli(now));
    CommitmentRules.requireOwnName(read, actor);
    Pledge pledge = read.pledge();
    EventOutbox.Committed<PledgeVersion> committed;
    if (read.supersedes().isEmpty()) {
      CommitmentRules.requireMayPublish(actor, pledge.kind());
      committed = log.inTransaction((handle, events) -> {
        Row row = org.accord.store.accountability.Commitments.create(handle, actor.organization().id(), pledge, memberId(actor), now);
        PledgeVersion version = org.accord.store.accountability.Commitments.versions(handle, row.pk()).get(0);
        events.stage(named(actor), CommitmentEvent.PUBLISHED.type(), CommitmentEvent.subject(row.id()), now, event(version), false);
        return version;
      });
    } else {
      PledgeDocument.Supersedes old = read.supersedes().get();
      committed = log.inTransaction((handle, events) -> {
        Row row = row(handle, old.commitment());
        List<PledgeVersion> versions = org.accord.store.accountability.Commitments.versions(handle, row.pk());
        PledgeVersion current = versions.get(versions.size() - 1);
        CommitmentRules.requireMaySupersede(actor, current, old.version(), pledge);
        if (!org.accord.store.accountability.Commitments.supersede(handle, row, old.version(), pledge, memberId(actor), now)) {
          // Another supersede of the same version committed first: the chain does not fork.
          throw new IllegalTransitionException(IllegalTransitionException.Machine.COMMITMENT, "version " + old.version(),
              "supersede version " + old.version(), "version " + old.version() + " of " + row.id()
                  + " was superseded meanwhile; read the current version and supersede that");
        }
        PledgeVersion next = org.accord.store.accountability.Commitments.versions(handle, row.pk()).get(old.version());
        Map<String, Object> data = event(next);
        data.put("supersedes", old.version());
        events.stage(named(actor), CommitmentEvent.SUPERSEDED.type(), CommitmentEvent.subject(row.id()), now, data, false);
        return next;
      });
    }
    return new Written(committed.value(), committed.await());
  }

  /**
   * The actor's organization joins the current version of an arrangement: an act of its own admin.
   *
   * @throws NotFoundException if there is no such commitment
   * @throws org.accord.ForbiddenException for a member who is not an admin
   * @throws IllegalTransitionException for a pledge, an expired arrangement or a second join
   */
  public Written join(Principal actor, String id) {
    long now = clock.millis();
    EventOutbox.Committed<PledgeVersion> committed = log.inTransaction((handle, events) -> {
      Row row = row(handle, id);
      List<PledgeVersion> versions = org.accord.store.accountability.Commitments.versions(handle, row.pk());
      PledgeVersion current = versions.get(versions.size() - 1);
      boolean joined = org.accord.store.accountability.Commitments.joined(handle, row, current.version(), actor.organization().id());
      CommitmentRules.requireMayJoin(actor, current, joined, Instant.ofEpochMilli(now));
      org.accord.store.accountability.Commitments.join(handle, row, current.version(), actor.organization().id(), memberId(actor), now);
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("commitment", row.id());
      data.put("version", current.version());
      data.put("member", actor.organization().name());
      events.stage(named(actor), CommitmentEvent.JOINED.type(), CommitmentEvent.subject(row.id()), now, data, false);
      return current;
    });
    return new Written(committed.value(), committed.await());
  }

  /**
   * The current versions, newest commitment first; commitments are public, so every caller sees them all.
   *
   * @param organization only this publisher's (by name), or null
   * @param kind only {@code pledge} or {@code arrangement}, or null
   * @param limit 1 to {@link #LIST_MAX}
   * @throws InvalidInputException for a limit out of range ({@code limit}) or an unknown kind ({@code kind})
   * @throws NotFoundException for an unknown organization
   */
  public List<PledgeVersion> list(String organization, String kind, int limit) {
    if (limit < 1 || limit > LIST_MAX) {
      throw new InvalidInputException("limit must be from 1 to " + LIST_MAX + ", not " + limit, "limit");
    }
    CommitmentKind wanted = kind == null || kind.isBlank() ? null : CommitmentKind.parse(kind, "kind");
    return database.jdbi().withHandle(handle -> {
      Long publisher = null;
      if (organization != null && !organization.isBlank()) {
        publisher = Organizations.find(handle, organization.strip())
            .orElseThrow(() -> new NotFoundException("no organization named '" + organization.strip() + "'")).id();
      }
      return org.accord.store.accountability.Commitments.current(handle, publisher, wanted, limit);
    });
  }

  /**
   * One commitment with its whole version history and members.
   *
   * @throws NotFoundException if there is no such commitment
   */
  public Detail show(String id) {
    return database.jdbi().withHandle(handle -> {
      Row row = row(handle, id);
      return new Detail(org.accord.store.accountability.Commitments.versions(handle, row.pk()),
          org.accord.store.accountability.Commitments.members(handle, row));
    });
  }

  /**
   * The deadlines the commitments binding a case's participants set in it, as {@code viewer} sees the
   * case: from the participants, vulnerabilities, statuses and events the viewer may see.
   *
   * @throws NotFoundException for a hidden or missing case (the same answer)
   */
  public List<CommitmentDeadline> ofCase(Principal viewer, String caseId) {
    Cases.View view = cases.show(viewer, caseId);
    List<Map<String, Object>> vulnerabilities = cases.vulnerabilities(viewer, caseId);
    List<Map<String, Object>> statuses = cases.statuses(viewer, caseId);
    List<Map<String, Object>> events = cases.events(viewer, caseId);
    Severity highest = null;
    Set<String> products = new HashSet<>();
    for (Map<String, Object> v : vulnerabilities) {
      if (v.get("cvss") instanceof String vector) {
        Severity s = Cvss.parse(vector).severity();
        highest = highest != null && highest.compareTo(s) >= 0 ? highest : s;
      }
      if (v.get("affected") instanceof List<?> affected) {
        affected.forEach(a -> products.add(String.valueOf(((Map<?, ?>) a).get("purl"))));
      }
    }
    statuses.forEach(s -> products.add(String.valueOf(s.get("product"))));
    Optional<Severity> severity = Optional.ofNullable(highest);
    Map<String, Long> byName = new LinkedHashMap<>();
    view.participants().forEach(p -> byName.put(p.organizationName(), p.participant().organization()));
    return database.jdbi().withHandle(handle -> {
      Map<Long, Set<Sector>> sectors = org.accord.store.accountability.Commitments.sectors(handle, byName.values());
      List<CaseFacts.Party> parties = new ArrayList<>();
      for (org.accord.store.Cases.ParticipantRow p : view.participants()) {
        long participant = p.participant().organization();
        parties.add(new CaseFacts.Party(participant, p.organizationName(), p.vendor().isPresent(), p.invited(), p.acknowledged(),
            sectors.getOrDefault(participant, Set.of())));
      }
      CaseFacts facts = new CaseFacts(view.row().created(), severity, products, parties, facts(events, byName));
      return CommitmentDeadlines.of(facts, org.accord.store.accountability.Commitments.bindings(handle, byName.values()), clock.instant());
    });
  }

  /**
   * The escalation ladder the current version of commitment {@code id} sets for its deadlines (an
   * arrangement's {@code escalation} block, ADR 0155); empty for the instance's ladder or an unknown id.
   */
  public Optional<org.accord.accountability.escalation.Ladder> ladder(String id) {
    return database.jdbi().withHandle(handle -> {
      Optional<Row> row = PledgeVersion.isId(id) ? org.accord.store.accountability.Commitments.find(handle, id) : Optional.empty();
      if (row.isEmpty()) {
        return Optional.<org.accord.accountability.escalation.Ladder>empty();
      }
      List<PledgeVersion> versions = org.accord.store.accountability.Commitments.versions(handle, row.get().pk());
      return versions.get(versions.size() - 1).pledge().escalation();
    });
  }

  /** The case events that start and keep commitments' clocks, as the core's facts. */
  private static List<CaseFacts.Fact> facts(List<Map<String, Object>> events, Map<String, Long> byName) {
    List<CaseFacts.Fact> out = new ArrayList<>();
    for (Map<String, Object> e : events) {
      Instant at = Instant.parse(String.valueOf(e.get("at")));
      Long by = e.get("actor") instanceof Map<?, ?> actor ? byName.get(String.valueOf(actor.get("organization"))) : null;
      Map<?, ?> data = e.get("data") instanceof Map<?, ?> d ? d : Map.of();
      switch (String.valueOf(e.get("type"))) {
        case "case.published" -> out.add(new CaseFacts.Fact.Published(at));
        case "case.state_changed" -> {
          Long vendor = byName.get(String.valueOf(data.get("vendor")));
          if ("fix_ready".equals(data.get("event")) && vendor != null) {
            out.add(new CaseFacts.Fact.FixReady(vendor, at));
          }
        }
        case "case.embargo_proposed" -> add(out, by, b -> new CaseFacts.Fact.EmbargoProposed(b, at));
        case "case.embargo_consented", "case.embargo_accepted" -> add(out, by, b -> new CaseFacts.Fact.EmbargoJoined(b, at));
        case "case.status_set" -> add(out, by, b -> new CaseFacts.Fact.StatusSet(b, at));
        case "case.participant_invited", "case.plan_wave_sent" -> add(out, by, b -> new CaseFacts.Fact.Notified(b, at));
        default -> {
          // other events neither start nor keep a commitment's clock
        }
      }
    }
    return out;
  }

  private static void add(List<CaseFacts.Fact> out, Long by, java.util.function.LongFunction<CaseFacts.Fact> fact) {
    if (by != null) {
      out.add(fact.apply(by));
    }
  }

  /** A version as both edges show it. */
  public static Map<String, Object> describe(PledgeVersion version) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", version.commitment());
    out.put("version", version.version());
    out.put("organization", version.organizationName());
    out.put("published", version.published().toString());
    out.put("superseded", version.superseded().map(Instant::toString).orElse(null));
    out.putAll(PledgeDocument.describe(version.pledge()));
    return out;
  }

  /** A commitment with its history and members as both edges show it: the current version, then every version. */
  public static Map<String, Object> describe(Detail detail) {
    Map<String, Object> out = describe(detail.current());
    out.put("versions", detail.versions().stream().map(Commitments::describe).toList());
    if (detail.current().pledge().kind() == CommitmentKind.ARRANGEMENT) {
      out.put("members", detail.members().stream().map(m -> {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("organization", m.organizationName());
        one.put("version", m.version());
        one.put("joined", m.joined().toString());
        return one;
      }).toList());
    }
    return out;
  }

  /** A deadline as both edges show it. */
  public static Map<String, Object> describe(CommitmentDeadline d) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("commitment", d.commitment());
    out.put("version", d.version());
    out.put("title", d.title());
    out.put("publisher", d.publisher());
    out.put("organization", d.organization());
    out.put("kind", d.kind().label());
    out.put("severity", d.severity().map(s -> s.label().toLowerCase(Locale.ROOT)).orElse(null));
    out.put("within", org.accord.accountability.commitment.Term.text(d.within()));
    out.put("start", d.start().map(Instant::toString).orElse(null));
    out.put("due", d.due().map(Instant::toString).orElse(null));
    out.put("kept", d.kept().map(Instant::toString).orElse(null));
    out.put("state", d.state().label());
    return out;
  }

  private static Row row(org.jdbi.v3.core.Handle handle, String id) {
    String clean = id == null ? "" : id.strip();
    return (PledgeVersion.isId(clean) ? org.accord.store.accountability.Commitments.find(handle, clean) : Optional.<Row>empty())
        .orElseThrow(() -> new NotFoundException("no commitment " + clean));
  }

  private static Map<String, Object> event(PledgeVersion version) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("commitment", version.commitment());
    data.put("version", version.version());
    data.put("publisher", version.organizationName());
    data.put("document", PledgeDocument.describe(version.pledge()));
    return data;
  }

  /** The organization as the log names it: a commitment is the organization's promise, the row keeps the person. */
  private static Principal named(Principal actor) {
    return new Principal.OrgMember(actor.organization(), null, null);
  }

  private static Long memberId(Principal actor) {
    return actor.member() == null ? null : actor.member().id();
  }
}
