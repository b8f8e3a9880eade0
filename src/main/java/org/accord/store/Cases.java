package org.accord.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.accord.disclosure.CaseId;
import org.accord.disclosure.EmState;
import org.accord.disclosure.EmbargoTerms;
import org.accord.disclosure.EmbargoPosition;
import org.accord.disclosure.Participant;
import org.accord.disclosure.ParticipantRole;
import org.accord.disclosure.PecState;
import org.accord.disclosure.PxaState;
import org.accord.disclosure.RevisionAnswer;
import org.accord.disclosure.Tlp;
import org.accord.disclosure.VfdState;
import org.jdbi.v3.core.Handle;

/**
 * Disclosure cases (ADR 0104): the case row, its participants, its embargo proposals and its own event
 * history. Rows are translated to and from the {@code disclosure} core's values; no rule lives here.
 * Stateless and thread-safe; methods run on the caller's handle and transaction.
 */
public final class Cases {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Cases() {}

  /**
   * A stored case: its header and the embargo terms in force, if any. {@code revision} grows with every
   * write to the case, its participants or its proposals (ADR 0111): a view assembled at a revision is
   * the case's as long as the revision stays.
   */
  public record CaseRow(
      long pk, CaseId id, String title, Tlp tlp, long owner, EmState em, Optional<EmbargoTerms> terms,
      OptionalLong termsProposedBy, Optional<Instant> embargoSince, PxaState pxa, long eventCount, Instant created,
      Instant updated, long revision) {}

  /**
   * A stored participant; {@code revision} is its answer to the open revision of the embargo in force
   * (ADR 0123).
   */
  public record ParticipantRow(
      Participant participant, String organizationName, Optional<String> memberEmail, PecState consent, Optional<VfdState> vendor, Instant invited,
      Optional<Instant> notified, Optional<Instant> viewed, Optional<Instant> acknowledged, RevisionAnswer revision) {
    /** A participant without an answer to a revision. */
    public ParticipantRow(
        Participant participant, String organizationName, Optional<String> memberEmail, PecState consent, Optional<VfdState> vendor, Instant invited,
        Optional<Instant> notified, Optional<Instant> viewed, Optional<Instant> acknowledged) {
      this(participant, organizationName, memberEmail, consent, vendor, invited, notified, viewed, acknowledged, RevisionAnswer.NONE);
    }

    /** Its consent and revision answer together. */
    public EmbargoPosition position() {
      return new EmbargoPosition(consent, revision);
    }
  }

  /** The states an embargo proposal goes through in the store. */
  public enum ProposalState {
    OPEN, ACCEPTED, REJECTED, SUPERSEDED, ABANDONED;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    static ProposalState parse(String label) {
      return valueOf(label.toUpperCase(java.util.Locale.ROOT));
    }
  }

  /** A stored embargo proposal. */
  public record ProposalRow(
      long id, long organization, String organizationName, EmbargoTerms terms, Instant rsvpDeadline, ProposalState state,
      Instant proposedAt) {}

  /** A stored case event, as the case's history shows it. */
  public record EventRow(long seq, String type, Instant at, String actorOrganization, String actorMember, Map<String, Object> data) {}

  /** The next free sequence number of {@code year}: one more than the highest, so ids have no gaps. */
  public static long nextSequence(Handle handle, int year) {
    return handle.createQuery("SELECT COALESCE(MAX(sequence), 0) FROM cases WHERE year = :year")
        .bind("year", year).mapTo(Long.class).one() + 1;
  }

  /** Inserts a new case with no embargo and nothing public; its row id. */
  public static long create(Handle handle, CaseId id, String title, Tlp tlp, long owner, long now) {
    return handle.createQuery(
            "INSERT INTO cases (public_id, year, sequence, title, tlp, owner_org_id, em_state, public_aware, exploit_public,"
                + " attacks_observed, event_count, created_at, updated_at)"
                + " VALUES (:pid, :year, :seq, :title, :tlp, :owner, :em, 0, 0, 0, 0, :now, :now) RETURNING id")
        .bind("pid", id.toString())
        .bind("year", id.year())
        .bind("seq", id.sequence())
        .bind("title", title)
        .bind("tlp", tlp.name())
        .bind("owner", owner)
        .bind("em", EmState.NONE.name())
        .bind("now", now)
        .mapTo(Long.class).one();
  }

  private static final List<String> CASE_COLUMNS = List.of("id", "public_id", "title", "tlp", "owner_org_id", "em_state",
      "embargo_end", "embargo_justification", "embargo_proposed_by", "embargo_since", "public_aware", "exploit_public",
      "attacks_observed", "event_count", "created_at", "updated_at", "revision");

  private static final String SELECT_CASE = "SELECT " + String.join(", ", CASE_COLUMNS) + " FROM cases";

  /** The case with this id, if any. */
  public static Optional<CaseRow> byId(Handle handle, CaseId id) {
    return handle.createQuery(SELECT_CASE + " WHERE public_id = :pid").bind("pid", id.toString())
        .map((rs, ctx) -> readCase(rs)).findOne();
  }

  /**
   * The case with this id and, in the same statement, its message revision and {@code reader}'s marks
   * revision (ADR 0136): the one statement of an unread count.
   */
  public static Optional<CaseWithReadState> byIdWithReadState(Handle handle, CaseId id, CaseMessages.Reader reader) {
    return handle.createQuery("SELECT " + String.join(", ", CASE_COLUMNS.stream().map(c -> "c." + c).toList())
            + ", c.message_revision, COALESCE(k.revision, 0) AS marks FROM cases c LEFT JOIN case_reader_marks k"
            + " ON k.case_id = c.id AND k.org_id = :org AND k.member_id = :member WHERE c.public_id = :pid")
        .bind("pid", id.toString()).bind("org", reader.organization()).bind("member", reader.markerKey())
        .map((rs, ctx) -> new CaseWithReadState(readCase(rs),
            new CaseMessages.ReadState(rs.getLong("message_revision"), rs.getLong("marks"))))
        .findOne();
  }

  /** A case row with the message read state of one reader. */
  public record CaseWithReadState(CaseRow row, CaseMessages.ReadState state) {}

  /** The case with this row id, if any. */
  public static Optional<CaseRow> byPk(Handle handle, long pk) {
    return handle.createQuery(SELECT_CASE + " WHERE id = :pk").bind("pk", pk).map((rs, ctx) -> readCase(rs)).findOne();
  }

  /**
   * The cases in which {@code organization} takes part (as a whole, or through {@code member}), or
   * every case when {@code organization} is null; oldest first.
   */
  public static List<CaseRow> list(Handle handle, Long organization, Long member) {
    if (organization == null) {
      return handle.createQuery(SELECT_CASE + " ORDER BY year, sequence").map((rs, ctx) -> readCase(rs)).list();
    }
    return handle.createQuery(SELECT_CASE + " WHERE id IN (SELECT case_id FROM case_participants WHERE org_id = :org"
            + " AND (member_id IS NULL OR member_id = :member)) ORDER BY year, sequence")
        .bind("org", organization)
        .bind("member", member == null ? -1L : member)
        .map((rs, ctx) -> readCase(rs)).list();
  }

  /**
   * Who lists cases (ADR 0111): an organization, the member asking (null for a machine token), and
   * the TLP labels under which it sees a case it takes no part in (the {@code disclosure} core's
   * {@code Tlp.allows}, asked by the caller; empty for anyone but the coordinator). It sees the cases
   * its organization owns, those it takes part in (as a whole, or through this member) and those.
   */
  public record Lister(long organization, Long member, Set<Tlp> beyondParticipation) {
    public Lister {
      beyondParticipation = Set.copyOf(beyondParticipation);
    }
  }

  /**
   * One case as a list shows it.
   *
   * @param row the case
   * @param participants how many participants it has
   * @param roles the lister's own roles in it, empty if it takes no part
   */
  public record SummaryRow(CaseRow row, int participants, Optional<Set<ParticipantRole>> roles) {}

  /** The lister's own participant row of case {@code c}: its organization's, or its member's. */
  private static final String OWN = "p.case_id = c.id AND p.org_id = :org AND (p.member_id IS NULL OR p.member_id = :member)";

  private static final String PROJECTION = "SELECT " + String.join(", ", CASE_COLUMNS.stream().map(c -> "c." + c).toList())
      + ", (SELECT COUNT(*) FROM case_participants n WHERE n.case_id = c.id) AS participant_count"
      + ", (SELECT p.roles FROM case_participants p WHERE " + OWN + ") AS own_roles FROM cases c";

  /**
   * The number of cases plus the sum of their revisions: it grows with every new case and every write
   * to any case, so a list read at one sum is the list as long as the sum stays (ADR 0111).
   */
  public static long revisions(Handle handle) {
    return handle.createQuery("SELECT CAST(COUNT(*) + COALESCE(SUM(revision), 0) AS BIGINT) FROM cases").mapTo(Long.class).one();
  }

  /** How many cases {@code lister} sees. */
  public static int count(Handle handle, Lister lister) {
    return bindLister(handle.createQuery("SELECT COUNT(*) FROM cases c WHERE " + visibleTo(lister)), lister)
        .mapTo(Integer.class).one();
  }

  /**
   * The cases {@code lister} sees from {@code offset}, at most {@code limit}, oldest first: one query,
   * with each case's participant count and the lister's roles.
   */
  public static List<SummaryRow> summaries(Handle handle, Lister lister, int limit, int offset) {
    return bindLister(handle.createQuery(PROJECTION + " WHERE " + visibleTo(lister)
                + " ORDER BY c.year, c.sequence LIMIT :limit OFFSET :offset"), lister)
        .bind("limit", limit)
        .bind("offset", offset)
        .map((rs, ctx) -> {
          String roles = rs.getString("own_roles");
          return new SummaryRow(readCase(rs), rs.getInt("participant_count"),
              roles == null ? Optional.empty() : Optional.of(parseRoles(roles)));
        })
        .list();
  }

  /**
   * The lister's cases, as {@code Tlp.allows} decides for a case (ADR 0112): below RED, those its
   * organization owns or takes part in, and those of a label it sees beyond participation; a RED case
   * only when the lister is the person who opened it (the organization, if a machine token did) or one
   * of its named recipients. The recipients column is the canonical JSON array Jackson writes for
   * {@link CaseMarkings} ({@code [3,17]}, ascending, no spaces), so a member is in it exactly when
   * {@code ",3,17,"} contains {@code ",<id>,"}: portable SQL, no JSON functions.
   */
  private static String visibleTo(Lister lister) {
    String participates = "(c.owner_org_id = :org OR EXISTS (SELECT 1 FROM case_participants p WHERE " + OWN + ")"
        + (lister.beyondParticipation().isEmpty() ? "" : " OR c.tlp IN (<open>)") + ")";
    String named = "(c.created_by_member = :member OR (c.created_by_member IS NULL AND c.owner_org_id = :org)"
        + " OR (c.recipients IS NOT NULL AND ',' || SUBSTR(c.recipients, 2, LENGTH(c.recipients) - 2) || ',' LIKE :named))";
    return "((c.tlp <> 'RED' AND " + participates + ") OR (c.tlp = 'RED' AND " + named + "))";
  }

  private static org.jdbi.v3.core.statement.Query bindLister(org.jdbi.v3.core.statement.Query query, Lister lister) {
    query.bind("org", lister.organization()).bind("member", lister.member() == null ? -1L : lister.member())
        .bind("named", lister.member() == null ? "" : "%," + lister.member() + ",%");
    if (!lister.beyondParticipation().isEmpty()) {
      query.bindList("open", lister.beyondParticipation().stream().map(Tlp::name).sorted().toList());
    }
    return query;
  }

  /** Every case (for the coordinator's list); oldest first. */
  public static List<CaseRow> all(Handle handle) {
    return list(handle, null, null);
  }

  /** Writes the case's EM state, embargo terms (null for none), PXA and update time. */
  public static void update(Handle handle, long pk, EmState em, EmbargoTerms terms, Long proposedBy, Instant since, PxaState pxa, long now) {
    handle.createUpdate(
            "UPDATE cases SET em_state = :em, embargo_end = :end, embargo_justification = :why, embargo_proposed_by = :by,"
                + " embargo_since = :since, public_aware = :p, exploit_public = :x, attacks_observed = :a, updated_at = :now"
                + " WHERE id = :pk")
        .bind("em", em.name())
        .bind("end", terms == null ? null : terms.end().toEpochMilli())
        .bind("why", terms == null ? null : terms.justification().orElse(null))
        .bind("by", proposedBy)
        .bind("since", since == null ? null : since.toEpochMilli())
        .bind("p", pxa.publicAware() ? 1 : 0)
        .bind("x", pxa.exploitPublic() ? 1 : 0)
        .bind("a", pxa.attacksObserved() ? 1 : 0)
        .bind("now", now)
        .bind("pk", pk)
        .execute();
  }

  /** Adds a participant; {@code vendor} is its VFD state when it holds the vendor role. */
  public static void addParticipant(Handle handle, long pk, Participant participant, PecState consent, VfdState vendor, long now) {
    handle.createUpdate(
            "INSERT INTO case_participants (case_id, org_id, member_id, roles, pec_state, vendor_aware, fix_ready, fix_deployed,"
                + " invited_at, notified_at) VALUES (:pk, :org, :member, :roles, :pec, :v, :f, :d, :now, :now)")
        .bind("pk", pk)
        .bind("org", participant.organization())
        .bind("member", participant.member().isPresent() ? participant.member().getAsLong() : null)
        .bind("roles", roles(participant.roles()))
        .bind("pec", consent.name())
        .bind("v", vendor == null ? null : vendor.vendorAware() ? 1 : 0)
        .bind("f", vendor == null ? null : vendor.fixReady() ? 1 : 0)
        .bind("d", vendor == null ? null : vendor.fixDeployed() ? 1 : 0)
        .bind("now", now)
        .execute();
  }

  /** Writes a participant's consent; a lapse by the RSVP deadline ({@link CaseDeadlines#lapse}) is over then. */
  public static void setConsent(Handle handle, long pk, long organization, PecState consent) {
    handle.createUpdate("UPDATE case_participants SET pec_state = :pec, rsvp_lapsed_at = NULL WHERE case_id = :pk AND org_id = :org")
        .bind("pec", consent.name()).bind("pk", pk).bind("org", organization).execute();
  }

  /**
   * Writes a participant's answer to the open revision (ADR 0123); its consent, and a lapse by the RSVP
   * deadline, stay as they are.
   */
  public static void setRevisionAnswer(Handle handle, long pk, long organization, RevisionAnswer answer) {
    handle.createUpdate("UPDATE case_participants SET revision_answer = :answer WHERE case_id = :pk AND org_id = :org")
        .bind("answer", answer.name()).bind("pk", pk).bind("org", organization).execute();
  }

  /** Writes a vendor participant's VFD state. */
  public static void setVendor(Handle handle, long pk, long organization, VfdState vendor) {
    handle.createUpdate(
            "UPDATE case_participants SET vendor_aware = :v, fix_ready = :f, fix_deployed = :d WHERE case_id = :pk AND org_id = :org")
        .bind("v", vendor.vendorAware() ? 1 : 0).bind("f", vendor.fixReady() ? 1 : 0).bind("d", vendor.fixDeployed() ? 1 : 0)
        .bind("pk", pk).bind("org", organization).execute();
  }

  /**
   * Records the first time the participant viewed the case (later views keep the first); a first view
   * bumps the case's revision.
   *
   * @return whether this was the first
   */
  public static boolean viewed(Handle handle, long pk, long organization, long now) {
    boolean first = handle.createUpdate(
            "UPDATE case_participants SET viewed_at = :now WHERE case_id = :pk AND org_id = :org AND viewed_at IS NULL")
        .bind("now", now).bind("pk", pk).bind("org", organization).execute() > 0;
    if (first) {
      handle.createUpdate("UPDATE cases SET revision = revision + 1 WHERE id = :pk").bind("pk", pk).execute();
    }
    return first;
  }

  /** The case's participants, in the order they joined. */
  public static List<ParticipantRow> participants(Handle handle, long pk) {
    return handle.createQuery(
            "SELECT p.org_id, o.name, p.member_id, p.roles, p.pec_state, p.revision_answer, p.vendor_aware, p.fix_ready, p.fix_deployed, p.invited_at,"
                + " p.notified_at, p.viewed_at, p.acknowledged_at, m.email FROM case_participants p JOIN organizations o ON o.id = p.org_id"
                + " LEFT JOIN members m ON m.id = p.member_id"
                + " WHERE p.case_id = :pk ORDER BY p.invited_at, p.org_id")
        .bind("pk", pk)
        .map((rs, ctx) -> {
          long member = rs.getLong("member_id");
          OptionalLong memberId = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(member);
          Participant participant = new Participant(rs.getLong("org_id"), memberId, parseRoles(rs.getString("roles")));
          int v = rs.getInt("vendor_aware");
          Optional<VfdState> vendor = rs.wasNull() ? Optional.empty()
              : Optional.of(new VfdState(v == 1, rs.getInt("fix_ready") == 1, rs.getInt("fix_deployed") == 1));
          return new ParticipantRow(participant, rs.getString("name"), Optional.ofNullable(rs.getString("email")), PecState.valueOf(rs.getString("pec_state")), vendor,
              Instant.ofEpochMilli(rs.getLong("invited_at")), instant(rs, "notified_at"), instant(rs, "viewed_at"),
              instant(rs, "acknowledged_at"), RevisionAnswer.valueOf(rs.getString("revision_answer")));
        })
        .list();
  }

  /** Stores an open proposal; its id. */
  public static long addProposal(Handle handle, long pk, long organization, EmbargoTerms terms, Instant rsvp, long now) {
    return handle.createQuery(
            "INSERT INTO case_embargo_proposals (case_id, org_id, end_at, justification, rsvp_deadline, state, proposed_at)"
                + " VALUES (:pk, :org, :end, :why, :rsvp, :state, :now) RETURNING id")
        .bind("pk", pk)
        .bind("org", organization)
        .bind("end", terms.end().toEpochMilli())
        .bind("why", terms.justification().orElse(null))
        .bind("rsvp", rsvp.toEpochMilli())
        .bind("state", ProposalState.OPEN.label())
        .bind("now", now)
        .mapTo(Long.class).one();
  }

  /** The case's proposals in {@code state}, or all when null; oldest first. */
  public static List<ProposalRow> proposals(Handle handle, long pk, ProposalState state) {
    String where = state == null ? "" : " AND p.state = :state";
    var query = handle.createQuery(
            "SELECT p.id, p.org_id, o.name, p.end_at, p.justification, p.rsvp_deadline, p.state, p.proposed_at"
                + " FROM case_embargo_proposals p JOIN organizations o ON o.id = p.org_id WHERE p.case_id = :pk" + where
                + " ORDER BY p.proposed_at, p.id")
        .bind("pk", pk);
    if (state != null) {
      query.bind("state", state.label());
    }
    return query.map((rs, ctx) -> new ProposalRow(rs.getLong("id"), rs.getLong("org_id"), rs.getString("name"),
            new EmbargoTerms(Instant.ofEpochMilli(rs.getLong("end_at")), Optional.ofNullable(rs.getString("justification"))),
            Instant.ofEpochMilli(rs.getLong("rsvp_deadline")), ProposalState.parse(rs.getString("state")),
            Instant.ofEpochMilli(rs.getLong("proposed_at"))))
        .list();
  }

  /** Moves one proposal to {@code state}. */
  public static void setProposal(Handle handle, long id, ProposalState state) {
    handle.createUpdate("UPDATE case_embargo_proposals SET state = :state WHERE id = :id")
        .bind("state", state.label()).bind("id", id).execute();
  }

  /** Records one event in the case's history; its sequence number in the case (1, 2, ...). */
  public static long addEvent(Handle handle, long pk, String type, long at, String actorOrganization, String actorMember, Map<String, Object> data) {
    long seq = handle.createQuery("SELECT event_count FROM cases WHERE id = :pk").bind("pk", pk).mapTo(Long.class).one() + 1;
    handle.createUpdate("UPDATE cases SET event_count = :seq, revision = revision + 1 WHERE id = :pk").bind("seq", seq).bind("pk", pk)
        .execute();
    handle.createUpdate(
            "INSERT INTO case_events (case_id, seq, type, at, actor_org, actor_member, data) VALUES (:pk, :seq, :type, :at, :org, :member, :data)")
        .bind("pk", pk).bind("seq", seq).bind("type", type).bind("at", at).bind("org", actorOrganization).bind("member", actorMember)
        .bind("data", json(data))
        .execute();
    return seq;
  }

  /** The case's history, oldest first. */
  public static List<EventRow> events(Handle handle, long pk) {
    return handle.createQuery("SELECT seq, type, at, actor_org, actor_member, data FROM case_events WHERE case_id = :pk ORDER BY seq")
        .bind("pk", pk)
        .map((rs, ctx) -> new EventRow(rs.getLong("seq"), rs.getString("type"), Instant.ofEpochMilli(rs.getLong("at")),
            rs.getString("actor_org"), rs.getString("actor_member"), data(rs.getString("data"))))
        .list();
  }

  private static CaseRow readCase(ResultSet rs) throws SQLException {
    long end = rs.getLong("embargo_end");
    Optional<EmbargoTerms> terms = rs.wasNull() ? Optional.empty()
        : Optional.of(new EmbargoTerms(Instant.ofEpochMilli(end), Optional.ofNullable(rs.getString("embargo_justification"))));
    long by = rs.getLong("embargo_proposed_by");
    OptionalLong proposedBy = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(by);
    boolean p = rs.getInt("public_aware") == 1;
    return new CaseRow(rs.getLong("id"), CaseId.parse(rs.getString("public_id")), rs.getString("title"),
        Tlp.valueOf(rs.getString("tlp")), rs.getLong("owner_org_id"), EmState.valueOf(rs.getString("em_state")), terms, proposedBy,
        instant(rs, "embargo_since"), new PxaState(p, rs.getInt("exploit_public") == 1, rs.getInt("attacks_observed") == 1),
        rs.getLong("event_count"), Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("updated_at")),
        rs.getLong("revision"));
  }

  private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(value));
  }

  private static String roles(Set<ParticipantRole> roles) {
    List<String> labels = new ArrayList<>();
    roles.forEach(r -> labels.add(r.label()));
    return JsonColumns.toJson(labels);
  }

  private static Set<ParticipantRole> parseRoles(String json) {
    EnumSet<ParticipantRole> roles = EnumSet.noneOf(ParticipantRole.class);
    for (String label : JsonColumns.fromJson(json, "case_participants.roles")) {
      roles.add(ParticipantRole.fromLabel(label).orElseThrow(() -> new StoreException("unknown role '" + label + "' in case_participants", null)));
    }
    return roles;
  }

  private static String json(Map<String, Object> data) {
    try {
      return JSON.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("event data is not JSON: " + e.getMessage(), e);
    }
  }

  private static Map<String, Object> data(String json) {
    try {
      return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new StoreException("case_events.data is not JSON: " + e.getMessage(), e);
    }
  }
}
