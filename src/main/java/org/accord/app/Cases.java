package org.accord.app;

import org.accord.disclosure.CaseEventType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.accord.ForbiddenException;
import org.accord.InvalidInputException;
import org.accord.NotFoundException;
import org.accord.disclosure.CaseId;
import org.accord.disclosure.CaseState;
import org.accord.disclosure.CsEvent;
import org.accord.disclosure.EmbargoAlert;
import org.accord.disclosure.EmEvent;
import org.accord.disclosure.EmState;
import org.accord.disclosure.EmbargoConsent;
import org.accord.disclosure.EmbargoManagement;
import org.accord.disclosure.EmbargoNegotiation;
import org.accord.disclosure.EmbargoPosition;
import org.accord.disclosure.EmbargoProposal;
import org.accord.disclosure.EmbargoRules;
import org.accord.disclosure.EmbargoTerms;
import org.accord.disclosure.Participant;
import org.accord.disclosure.ParticipantRole;
import org.accord.disclosure.PecEvent;
import org.accord.disclosure.PecState;
import org.accord.disclosure.PxaState;
import org.accord.disclosure.RevisionAnswer;
import org.accord.disclosure.RsvpDeadline;
import org.accord.disclosure.Tlp;
import org.accord.disclosure.VfdState;
import org.accord.party.Member;
import org.accord.party.Organization;
import org.accord.party.Principal;
import org.accord.store.Cases.CaseRow;
import org.accord.store.Cases.ParticipantRow;
import org.accord.store.Cases.ProposalRow;
import org.accord.store.Cases.ProposalState;
import org.accord.store.Database;
import org.accord.store.Members;
import org.jdbi.v3.core.Handle;

/**
 * Disclosure cases (ADR 0104): create, show and list, invite participants, negotiate the embargo and
 * move the case state. Orchestration only: the machines and limits are the {@code disclosure} core's
 * ({@link EmbargoManagement}, {@link EmbargoConsent}, {@link CaseState}, {@link EmbargoRules}, {@link
 * Tlp#allows}); this class loads a case, asks the core, and writes the result with one {@code case.*}
 * event in one transaction. Every event is a salted commitment while the case is not published (no
 * case is, yet). A case the caller may not see answers exactly like a missing one ({@link
 * NotFoundException} with the same message). Writes are serialised on one lock, so a case's state is
 * read and written without interleaving and the ids of a year have no gaps. Thread-safe.
 */
public final class Cases {
  /** The longest case title, in characters. */
  public static final int TITLE_MAX_CHARS = 300;

  private final Database database;
  private final Clock clock;
  private final Parties parties;
  private final EventOutbox log;
  /** The policy packs, for the disclosure policy a case adopted (ADR 0152). */
  private final RulePacks rulePacks;
  private final CaseAccessLog access;
  /** The change feed (ADR 0146): membership changes are recorded in it, and case ids are allocated under its lock. */
  private final org.accord.app.replicas.ChangeFeed feed;
  private final Object lock = new Object();
  /** Views of recently read cases, each valid while its case's revision stays (ADR 0111). */
  private final Revisions<Long, View> views = new Revisions<>(256);
  /** List pages by viewer, position and size, each valid while no case changes (ADR 0111). */
  private final Revisions<String, ListPage<Summary>> pages = new Revisions<>(1024);

  Cases(Database database, Clock clock, Parties parties, EventOutbox log, CaseAccessLog access, RulePacks rulePacks,
      org.accord.app.replicas.ChangeFeed feed) {
    this.rulePacks = rulePacks;
    this.feed = feed;
    this.database = database;
    this.clock = clock;
    this.parties = parties;
    this.log = log;
    this.access = access;
  }

  /**
   * A case as its viewer sees it.
   *
   * @param row the case
   * @param participants its participants, in the order they joined
   * @param proposals its embargo proposals, oldest first
   * @param consequence what the last case-state change did to the embargo ({@code NONE} otherwise)
   */
  public record View(CaseRow row, List<ParticipantRow> participants, List<ProposalRow> proposals,
      EmbargoManagement.Consequence consequence) {
    /** Whether attacks were observed under an embargo in force: the signatories are told to end it. */
    public boolean alert() {
      return consequence == EmbargoManagement.Consequence.RECOMMEND_TERMINATION;
    }
  }

  /**
   * Opens a case; the actor's organization owns it and takes part as case owner (with {@code roles}
   * besides).
   *
   * @param tlp the TLP label, {@code TLP:AMBER} when null
   * @param roles further roles of the owner (may be null or empty)
   * @throws InvalidInputException for a blank or overlong title (location {@code title}), an unknown TLP
   *     label or role
   */
  public View create(Principal actor, String title, String tlp, List<String> roles) {
    return create(actor, title, tlp, roles, List.of());
  }

  /**
   * As {@link #create(Principal, String, String, List)}, naming the recipients of a TLP:RED case
   * (members of the actor's organization, by e-mail; ADR 0112). A RED case is seen by the person who
   * opened it, its named recipients and the members invited to it later, no one else.
   *
   * @throws InvalidInputException location {@code recipients[i]} for an address that is not a member
   *     of the actor's organization, {@code recipients} for recipients on a case that is not RED
   */
  public View create(Principal actor, String title, String tlp, List<String> roles, List<String> recipients) {
    String clean = title == null ? "" : title.strip();
    if (clean.isEmpty()) {
      throw new InvalidInputException("missing title: a case needs a title", "title");
    }
    if (clean.length() > TITLE_MAX_CHARS) {
      throw new InvalidInputException("the title has " + clean.length() + " characters; at most " + TITLE_MAX_CHARS, "title");
    }
    Tlp label = tlp == null ? Tlp.AMBER : Tlp.parse(tlp);
    label.checkRecipients(NeedToKnow.count(recipients));
    EnumSet<ParticipantRole> ownerRoles = EnumSet.of(ParticipantRole.CASE_OWNER);
    if (roles != null && !roles.isEmpty()) {
      ownerRoles.addAll(ParticipantRole.parseAll(roles));
    }
    return write(handle -> {
      Change change = created(handle, actor.organization(), clean, label, ownerRoles);
      Set<Long> named = NeedToKnow.resolve(handle, recipients, m -> m.organization().id() == actor.organization().id(),
          byPk(handle, change.pk()).id().toString());
      org.accord.store.CaseMarkings.setCase(handle, change.pk(), memberId(actor), named);
      return change;
    }, actor);
  }

  /**
   * A case as a list shows it to one viewer (ADR 0111): its header, its participant count and the
   * viewer's own roles in it; the participants themselves are the view's.
   *
   * @param roles the viewer's roles in the case, empty if it does not take part (the coordinator)
   * @param participants how many participants the case has
   */
  public record Summary(CaseRow row, Set<ParticipantRole> roles, int participants) {}

  /** The most cases a list page holds. */
  public static final int LIST_MAX = 500;

  /**
   * A page of the cases {@code viewer} sees (those its organization takes part in, and every case the
   * TLP lets the coordinator see), oldest first: two queries per page whatever the case sizes, and a
   * case hidden from the viewer is neither listed nor counted. A page is kept while no case changes (a
   * third query, the sum of the case revisions, tells), and the same page object is then returned.
   *
   * @param limit the page size, 1 to {@link #LIST_MAX}
   * @param cursor the cursor of the previous page, or null for the first
   * @throws InvalidInputException for a limit out of range ({@code limit}) or a cursor of another list
   *     or viewer ({@code cursor})
   */
  public ListPage<Summary> list(Principal viewer, int limit, String cursor) {
    if (limit < 1 || limit > LIST_MAX) {
      throw new InvalidInputException("limit must be from 1 to " + LIST_MAX + ", not " + limit, "limit");
    }
    Long member = viewer.member() == null ? null : viewer.member().id();
    // The TLP labels under which this viewer sees a case it takes no part in, as the core says.
    Tlp.Viewer outsider = Tlp.Viewer.of(viewer.organization().id(), member, false, viewer.isCoordinator());
    EnumSet<Tlp> beyond = EnumSet.noneOf(Tlp.class);
    for (Tlp t : Tlp.values()) {
      if (t.allows(-1, Tlp.Recipients.none(), outsider, false)) {
        beyond.add(t);
      }
    }
    org.accord.store.Cases.Lister lister = new org.accord.store.Cases.Lister(viewer.organization().id(), member, beyond);
    String question = viewer.organization().id() + ":" + member + ":" + viewer.isCoordinator();
    int offset = ListPage.offset(cursor, "cases", question);
    String key = question + ":" + offset + ":" + limit;
    return database.jdbi().withHandle(handle -> {
      // Any write to any case changes the sum of the revisions: an unchanged store answers from memory.
      long revision = org.accord.store.Cases.revisions(handle);
      ListPage<Summary> kept = pages.get(key, revision);
      if (kept != null) {
        return kept;
      }
      int total = org.accord.store.Cases.count(handle, lister);
      List<Summary> items = org.accord.store.Cases.summaries(handle, lister, limit, offset).stream()
          .map(r -> new Summary(r.row(), r.roles().orElse(Set.of()), r.participants()))
          .toList();
      ListPage<Summary> page = ListPage.window(items, total, limit, offset, "cases", question);
      pages.put(key, revision, page);
      return page;
    });
  }

  private Change created(Handle handle, Organization ownerOrg, String title, Tlp label, Set<ParticipantRole> ownerRoles) {
    long now = clock.millis();
    int year = Instant.ofEpochMilli(now).atZone(ZoneOffset.UTC).getYear();
    feed.lockWriters(handle); // ids without gaps across replicas too: one creation at a time (ADR 0104, 0146)
    CaseId id = new CaseId(year, org.accord.store.Cases.nextSequence(handle, year));
    long pk = org.accord.store.Cases.create(handle, id, title, label, ownerOrg.id(), now);
    Participant owner = Participant.organization(ownerOrg.id(), ownerRoles);
    org.accord.store.Cases.addParticipant(handle, pk, owner, PecState.NO_EMBARGO,
        owner.has(ParticipantRole.VENDOR) ? VfdState.UNAWARE : null, now);
    feed.record(handle, org.accord.app.replicas.ChangeKind.CASE_MEMBERSHIP, () -> "{\"case\":\"" + id + "\"}", null);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("title", title);
    data.put("tlp", label.label());
    data.put("owner", ownerOrg.name());
    data.put("roles", labels(ownerRoles));
    return new Change(pk, CaseEventType.CREATED, data, EmbargoManagement.Consequence.NONE);
  }

  /**
   * Opens a case for a report {@code actor} accepts, in the caller's transaction (run it inside {@link
   * #locked}): {@code owner} owns it (a vendor if {@code ownerIsVendor}), {@code vendors} and the
   * reporting organization (as reporter and finder) take part, and the report's affected packages are
   * its first vulnerability. Each step records its {@code case.*} event through {@code events}, as
   * {@code actor}, so the case and its history commit with the caller's own changes or not at all (ADR
   * 0114).
   *
   * @param reporter the reporting organization, empty for an anonymous report
   * @param affected the report's packages as {@code "PURL RANGE"}
   * @param cvss the report's CVSS vector, or null
   */
  View openForReport(Handle handle, EventOutbox.Stager events, Principal actor, String title, Organization owner,
      boolean ownerIsVendor, List<Organization> vendors, Optional<Organization> reporter, List<String> affected, String cvss) {
    Set<ParticipantRole> roles = ownerIsVendor ? EnumSet.of(ParticipantRole.CASE_OWNER, ParticipantRole.VENDOR)
        : EnumSet.of(ParticipantRole.CASE_OWNER);
    Change created = created(handle, owner, title, Tlp.AMBER, roles);
    org.accord.store.CaseMarkings.setCase(handle, created.pk(), owner.id() == actor.organization().id() ? memberId(actor) : null, Set.of());
    View view = record(handle, events, actor, created);
    for (Organization vendor : vendors) {
      view = record(handle, events, actor, invited(handle, view, vendor, OptionalLong.empty(), null, EnumSet.of(ParticipantRole.VENDOR)));
    }
    if (reporter.isPresent() && participant(view, reporter.get().id()).isEmpty()) {
      view = record(handle, events, actor, invited(handle, view, reporter.get(), OptionalLong.empty(), null,
          EnumSet.of(ParticipantRole.REPORTER, ParticipantRole.FINDER)));
    }
    return record(handle, events, actor, vulnerabilityAdded(handle, view, actor, "", affected(affected), cvss, view.row().tlp(),
        recipients(handle, view, view.row().tlp(), List.of())));
  }

  private static Optional<ParticipantRow> participant(View view, long organization) {
    return view.participants().stream().filter(p -> p.participant().organization() == organization).findFirst();
  }

  /**
   * Every case {@code viewer} sees, each as a whole view; oldest first. For a few cases (tests, a
   * local CLI); the served list is {@link #list(Principal, int, String)}.
   */
  public List<View> list(Principal viewer) {
    return database.jdbi().withHandle(handle -> {
      List<CaseRow> rows = viewer.isCoordinator()
          ? org.accord.store.Cases.all(handle)
          : org.accord.store.Cases.list(handle, viewer.organization().id(), viewer.member() == null ? null : viewer.member().id());
      List<View> views = new ArrayList<>();
      for (CaseRow row : rows) {
        View view = view(handle, row, EmbargoManagement.Consequence.NONE);
        if (visible(handle, view, viewer)) {
          views.add(view);
          access.record(viewer, row.pk(), CaseAccessLog.Seen.LIST);
        }
      }
      return views;
    });
  }

  /**
   * One case.
   *
   * @throws NotFoundException if there is no such case or {@code viewer} may not see it (the same message)
   * @throws InvalidInputException if {@code id} is not a case id
   */
  public View show(Principal viewer, String id) {
    CaseId caseId = CaseId.parse(id == null ? "" : id.strip());
    return database.jdbi().withHandle(handle -> {
      View view = load(handle, viewer, caseId);
      Optional<ParticipantRow> own = participant(view, viewer);
      if (own.isPresent() && own.get().viewed().isEmpty()) {
        // First view by a member of the participant: set once (the UPDATE keeps an earlier time).
        org.accord.store.Cases.viewed(handle, view.row().pk(), own.get().participant().organization(), clock.millis());
        view = view(handle, byPk(handle, view.row().pk()), EmbargoManagement.Consequence.NONE);
      }
      access.record(viewer, view.row().pk(), CaseAccessLog.Seen.CASE);
      return view;
    });
  }

  /**
   * Invites an organization (or one member of it, with {@code memberEmail}) to the case; the case owner
   * and the coordinator may. While an embargo is proposed or in force, the new participant is invited to
   * it.
   *
   * @throws NotFoundException for a hidden or missing case, organization or member
   * @throws ForbiddenException if the actor sees the case but does not own it
   * @throws InvalidInputException for unknown roles, or an organization that already takes part
   */
  public View invite(Principal actor, String id, String organization, List<String> roles, String memberEmail) {
    CaseId caseId = CaseId.parse(id == null ? "" : id.strip());
    Set<ParticipantRole> parsed = ParticipantRole.parseAll(roles);
    return write(handle -> {
      View view = load(handle, actor, caseId);
      if (!owns(view, actor) && !actor.isCoordinator()) {
        throw new ForbiddenException("only the case owner or the coordinator invites participants to " + caseId);
      }
      if (organization == null || organization.isBlank()) {
        throw new InvalidInputException("missing organization: name the organization to invite", "organization");
      }
      Organization invited = parties.organization(actor, organization);
      OptionalLong member = OptionalLong.empty();
      if (memberEmail != null && !memberEmail.isBlank()) {
        Member found = Members.byEmail(handle, memberEmail.strip())
            .filter(m -> m.organization().id() == invited.id())
            .orElseThrow(() -> new NotFoundException("no member " + memberEmail.strip() + " in " + invited.name()));
        member = OptionalLong.of(found.id());
      }
      if (view.row().tlp() == Tlp.RED) {
        // A RED case reaches named people only (ADR 0112): the invited member becomes a recipient.
        if (member.isEmpty()) {
          throw new InvalidInputException("a TLP:RED case is shared with named members only: name the member of "
              + invited.name() + " to invite", "member");
        }
        org.accord.store.CaseMarkings.CaseAccess named = org.accord.store.CaseMarkings.ofCase(handle, view.row().pk());
        Set<Long> recipients = new java.util.HashSet<>(named.recipients());
        recipients.add(member.getAsLong());
        org.accord.store.CaseMarkings.setCase(handle, view.row().pk(), boxed(named.creatorMember()), recipients);
      }
      return invited(handle, view, invited, member, member.isPresent() ? memberEmail.strip() : null, parsed);
    }, actor);
  }

  /**
   * Adds {@code invited} to the case. While an embargo is proposed or in force it is invited to it; it
   * receives every report of the case it did not send (its own RM state, Vultron RM being per
   * participant: S -r-> R).
   */
  private Change invited(Handle handle, View view, Organization invited, OptionalLong member, String memberEmail,
      Set<ParticipantRole> roles) {
    if (view.participants().stream().anyMatch(p -> p.participant().organization() == invited.id())) {
      throw new InvalidInputException(invited.name() + " already takes part in " + view.row().id(), "organization");
    }
    Participant participant = new Participant(invited.id(), member, roles);
    EmState em = view.row().em();
    PecState consent = em == EmState.NONE || em == EmState.EXITED
        ? PecState.NO_EMBARGO : EmbargoConsent.next(PecState.NO_EMBARGO, PecEvent.INVITE, em);
    VfdState vendor = participant.has(ParticipantRole.VENDOR) ? state(view).withVendor(invited.id()).vendor(invited.id()) : null;
    long now = clock.millis();
    org.accord.store.Cases.addParticipant(handle, view.row().pk(), participant, consent, vendor, now);
    feed.record(handle, org.accord.app.replicas.ChangeKind.CASE_MEMBERSHIP, () -> "{\"case\":\"" + view.row().id() + "\"}", null);
    int reports = org.accord.store.Reports.receiveForCase(handle, view.row().pk(), invited.id(),
        org.accord.disclosure.ReportManagement.next(org.accord.disclosure.RmState.START, org.accord.disclosure.RmEvent.RECEIVE), now);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("organization", invited.name());
    data.put("roles", labels(roles));
    if (memberEmail != null) {
      data.put("member", memberEmail);
    }
    data.put("consent", consent.name().toLowerCase(Locale.ROOT));
    if (reports > 0) {
      data.put("reports_received", reports);
    }
    return new Change(view.row().pk(), CaseEventType.PARTICIPANT_INVITED, data, EmbargoManagement.Consequence.NONE);
  }

  /**
   * Invites {@code invited} with {@code roles} in the caller's transaction, as {@code actor}: the same
   * change and {@code case.participant_invited} event as {@link #invite} (so the invitation notification
   * goes out the same way), without its own lock or transaction. For a plan's waves (ADR 0134): the
   * caller holds {@link #locked} and has checked that {@code invited} does not take part yet.
   */
  void inviteWithin(Handle handle, EventOutbox.Stager events, Principal actor, long casePk, Organization invited,
      Set<ParticipantRole> roles) {
    View view = view(handle, byPk(handle, casePk), EmbargoManagement.Consequence.NONE);
    record(handle, events, actor, invited(handle, view, invited, OptionalLong.empty(), null, roles));
  }

  /**
   * Proposes embargo terms (or a revision of the embargo in force); any participant may. Proposing is
   * consenting to one's own terms: the proposer signs them (or, under an embargo in force, accepts the
   * revision) unless another open proposal ends earlier, to which it is then invited like everyone
   * else. Participants not bound are invited; no signatory lapses, and under an embargo in force every
   * signatory stays bound by it and is asked about the revision ({@link EmbargoNegotiation#onProposal},
   * ADR 0123).
   *
   * @param end an instant ({@code 2027-03-01T00:00:00Z}) or a number of days from now ({@code 45d})
   * @param justification why the embargo must run longer than 90 days, or null
   * @throws org.accord.disclosure.IllegalTransitionException if the EM machine refuses (an ended
   *     embargo, P, X or A holding)
   * @throws InvalidInputException if the terms break {@link EmbargoRules}
   */
  public View propose(Principal actor, String id, String end, String justification) {
    CaseId caseId = CaseId.parse(id == null ? "" : id.strip());
    return write(handle -> {
      View view = load(handle, actor, caseId);
      long proposer = requireParticipant(view, actor, "proposes an embargo").participant().organization();
      long now = clock.millis();
      Instant at = Instant.ofEpochMilli(now);
      EmbargoTerms terms = new EmbargoTerms(end(end, at), Optional.ofNullable(justification));
      CaseRow row = view.row();
      EmEvent event = row.em().inForce() ? EmEvent.PROPOSE_REVISION : EmEvent.PROPOSE;
      EmState after = EmbargoManagement.next(row.em(), event, row.pxa());
      if (row.em().inForce()) {
        EmbargoRules.checkRevision(terms, at, row.embargoSince().orElse(at));
      } else {
        EmbargoRules.check(terms, at);
      }
      CaseTerms.deadline(handle, row, rulePacks.book()).ifPresent(policy -> policy.check(terms));
      Instant rsvp = EmbargoRules.rsvpDeadline(at, Optional.empty());
      boolean first = EmbargoNegotiation.endsFirst(terms.end(), view.proposals().stream()
          .filter(p -> p.state() == ProposalState.OPEN).map(p -> p.terms().end()).toList());
      EmbargoPosition own = null;
      for (ParticipantRow p : view.participants()) {
        boolean proposing = p.participant().organization() == proposer;
        EmbargoPosition position = EmbargoNegotiation.onProposal(p.position(), row.em(), proposing, first);
        setPosition(handle, row.pk(), p, position);
        own = proposing ? position : own;
      }
      org.accord.store.Cases.addProposal(handle, row.pk(), actor.organization().id(), terms, rsvp, now);
      org.accord.store.Cases.update(handle, row.pk(), after, row.terms().orElse(null), boxed(row.termsProposedBy()),
          row.embargoSince().orElse(null), row.pxa(), now);
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("event", event.name().toLowerCase(Locale.ROOT));
      data.put("end", terms.end().toString());
      terms.justification().ifPresent(j -> data.put("justification", j));
      data.put("rsvp_deadline", rsvp.toString());
      data.put("em", after.name().toLowerCase(Locale.ROOT));
      describe(own, data);
      return new Change(row.pk(), CaseEventType.EMBARGO_PROPOSED, data, EmbargoManagement.Consequence.NONE);
    }, actor);
  }

  /**
   * Accepts the open proposals. The case owner's (or coordinator's) acceptance puts the shortest open
   * proposal in force ({@link EmbargoProposal#shortest}); another participant's acceptance is its own
   * consent to the terms, or under an open revision its answer to it ({@link
   * EmbargoNegotiation#onAnswer}). An accepted revision that ends later than the terms it replaces
   * lapses the signatories that did not accept it; one that ends no later carries them over ({@link
   * EmbargoNegotiation#onDecision}, ADR 0123).
   *
   * @throws org.accord.disclosure.IllegalTransitionException if there is nothing to accept
   */
  public View accept(Principal actor, String id) {
    CaseId caseId = CaseId.parse(id == null ? "" : id.strip());
    return write(handle -> {
      View view = load(handle, actor, caseId);
      CaseRow row = view.row();
      long now = clock.millis();
      Instant at = Instant.ofEpochMilli(now);
      Map<String, Object> data = new LinkedHashMap<>();
      if (!decidesTerms(view, actor)) {
        return consent(handle, view, actor, PecEvent.ACCEPT, "consents to an embargo", CaseEventType.EMBARGO_CONSENTED);
      }
      EmEvent event = row.em() == EmState.REVISE ? EmEvent.ACCEPT_REVISION : EmEvent.ACCEPT;
      EmState after = EmbargoManagement.next(row.em(), event, row.pxa());
      List<ProposalRow> open = org.accord.store.Cases.proposals(handle, row.pk(), ProposalState.OPEN);
      Map<EmbargoProposal, ProposalRow> byProposal = new LinkedHashMap<>();
      for (ProposalRow p : open) {
        byProposal.put(new EmbargoProposal(p.organization(), p.terms(), p.proposedAt()), p);
      }
      ProposalRow winner = byProposal.get(EmbargoProposal.shortest(byProposal.keySet())
          .orElseThrow(() -> new IllegalStateException("EM is " + row.em() + " without an open proposal")));
      Instant since = row.em().inForce() ? row.embargoSince().orElse(at) : at;
      EmbargoRules.checkRevision(winner.terms(), at, since);
      for (ProposalRow p : open) {
        org.accord.store.Cases.setProposal(handle, p.id(), p == winner ? ProposalState.ACCEPTED : ProposalState.SUPERSEDED);
      }
      boolean longer = row.terms().map(old -> winner.terms().end().isAfter(old.end())).orElse(false);
      List<String> lapsed = new ArrayList<>();
      for (ParticipantRow p : view.participants()) {
        boolean decider = p.participant().organization() == actor.organization().id();
        EmbargoPosition position = EmbargoNegotiation.onDecision(p.position(), row.em(), event, decider, longer);
        if (position.consent() == PecState.LAPSED && p.consent() != PecState.LAPSED) {
          lapsed.add(p.organizationName());
        }
        setPosition(handle, row.pk(), p, position);
      }
      org.accord.store.Cases.update(handle, row.pk(), after, winner.terms(), winner.organization(), since, row.pxa(), now);
      data.put("event", event.name().toLowerCase(Locale.ROOT));
      data.put("end", winner.terms().end().toString());
      winner.terms().justification().ifPresent(j -> data.put("justification", j));
      data.put("proposed_by", winner.organizationName());
      data.put("em", after.name().toLowerCase(Locale.ROOT));
      if (!lapsed.isEmpty()) {
        data.put("lapsed", lapsed); // signatories that did not accept the longer terms now in force
      }
      return new Change(row.pk(), CaseEventType.EMBARGO_ACCEPTED, data, EmbargoManagement.Consequence.NONE);
    }, actor);
  }

  /**
   * A participant that does not own the case answers the open terms for itself (its embargo consent),
   * or under an open revision the revision ({@link EmbargoNegotiation#onAnswer}).
   */
  private Change consent(Handle handle, View view, Principal actor, PecEvent event, String what, CaseEventType type) {
    CaseRow row = view.row();
    ParticipantRow own = requireParticipant(view, actor, what);
    long organization = own.participant().organization();
    // An answer after the RSVP deadline is taken, also once the deadline declined for it (ADR 0116).
    Optional<Instant> lapsed = own.consent() == PecState.DECLINED
        ? Optional.ofNullable(org.accord.store.CaseDeadlines.lapsed(handle, row.pk()).get(organization)) : Optional.empty();
    Optional<Instant> missed = lapsed.or(() -> CaseDeadlines.deadline(own, view.proposals())
        .filter(deadline -> RsvpDeadline.passed(deadline, clock.instant())));
    EmbargoPosition position = EmbargoNegotiation.onAnswer(own.position(), event, row.em(), lapsed);
    setPosition(handle, row.pk(), own, position);
    Map<String, Object> data = new LinkedHashMap<>();
    describe(position, data);
    missed.ifPresent(deadline -> {
      data.put("late", true);
      data.put("rsvp_deadline", deadline.toString());
    });
    return new Change(row.pk(), type, data, EmbargoManagement.Consequence.NONE);
  }

  /**
   * Rejects the open proposals. The case owner's (or coordinator's) rejection drops them (a rejected
   * revision leaves the embargo in force and every consent to it as it was); another participant's is
   * its own refusal to consent, or under an open revision its refusal of the revision, which leaves a
   * signatory bound by the terms in force (ADR 0123).
   *
   * @throws org.accord.disclosure.IllegalTransitionException if there is nothing to reject
   */
  public View reject(Principal actor, String id) {
    CaseId caseId = CaseId.parse(id == null ? "" : id.strip());
    return write(handle -> {
      View view = load(handle, actor, caseId);
      CaseRow row = view.row();
      long now = clock.millis();
      Map<String, Object> data = new LinkedHashMap<>();
      if (!decidesTerms(view, actor)) {
        return consent(handle, view, actor, PecEvent.DECLINE, "declines an embargo", CaseEventType.EMBARGO_DECLINED);
      }
      EmEvent event = row.em() == EmState.REVISE ? EmEvent.REJECT_REVISION : EmEvent.REJECT;
      EmState after = EmbargoManagement.next(row.em(), event, row.pxa());
      for (ProposalRow p : org.accord.store.Cases.proposals(handle, row.pk(), ProposalState.OPEN)) {
        org.accord.store.Cases.setProposal(handle, p.id(), ProposalState.REJECTED);
      }
      cascade(handle, view, event);
      org.accord.store.Cases.update(handle, row.pk(), after, row.terms().orElse(null), boxed(row.termsProposedBy()),
          row.embargoSince().orElse(null), row.pxa(), now);
      data.put("event", event.name().toLowerCase(Locale.ROOT));
      data.put("em", after.name().toLowerCase(Locale.ROOT));
      return new Change(row.pk(), CaseEventType.EMBARGO_REJECTED, data, EmbargoManagement.Consequence.NONE);
    }, actor);
  }

  /**
   * Ends the embargo in force; the case owner and the coordinator may.
   *
   * @throws ForbiddenException for another participant
   * @throws org.accord.disclosure.IllegalTransitionException if no embargo is in force
   */
  public View terminate(Principal actor, String id) {
    CaseId caseId = CaseId.parse(id == null ? "" : id.strip());
    return write(handle -> {
      View view = load(handle, actor, caseId);
      if (!owns(view, actor) && !actor.isCoordinator()) {
        throw new ForbiddenException("only the case owner or the coordinator ends the embargo of " + caseId);
      }
      CaseRow row = view.row();
      EmState after = EmbargoManagement.next(row.em(), EmEvent.TERMINATE, row.pxa());
      abandonOpen(handle, row);
      cascade(handle, view, EmEvent.TERMINATE);
      long now = clock.millis();
      org.accord.store.Cases.update(handle, row.pk(), after, row.terms().orElse(null), boxed(row.termsProposedBy()),
          row.embargoSince().orElse(null), row.pxa(), now);
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("em", after.name().toLowerCase(Locale.ROOT));
      return new Change(row.pk(), CaseEventType.EMBARGO_TERMINATED, data, EmbargoManagement.Consequence.NONE);
    }, actor);
  }

  /**
   * A case-state event (VFDPXA). V, F and D name a vendor participant and are the vendor's, the case
   * owner's or the coordinator's to record; P, X and A are the whole case's and any participant's. P or
   * X ends the embargo (or drops its proposal); A under an embargo in force sets {@link View#alert()}.
   *
   * @param event {@code vendor_aware}, {@code fix_ready}, {@code fix_deployed}, {@code public_aware},
   *     {@code exploit_public} or {@code attacks_observed} (or the Vultron letter)
   * @param vendor the vendor participant's organization name, for V, F and D
   * @throws org.accord.disclosure.IllegalTransitionException if the case state refuses the event
   */
  public View transition(Principal actor, String id, String event, String vendor) {
    CaseId caseId = CaseId.parse(id == null ? "" : id.strip());
    CsEvent cs = csEvent(event);
    return write(handle -> {
      View view = load(handle, actor, caseId);
      requireParticipantOrCoordinator(view, actor);
      CaseRow row = view.row();
      CaseState before = state(view);
      CaseState after;
      String vendorName = null;
      if (cs.perVendor()) {
        if (vendor == null || vendor.isBlank()) {
          throw new InvalidInputException(cs.name().toLowerCase(Locale.ROOT) + " happens to a vendor participant; name it", "vendor");
        }
        ParticipantRow v = view.participants().stream()
            .filter(p -> p.organizationName().equalsIgnoreCase(vendor.strip()) && p.vendor().isPresent())
            .findFirst()
            .orElseThrow(() -> new InvalidInputException("'" + vendor.strip() + "' is not a vendor participant of " + caseId, "vendor"));
        if (v.participant().organization() != actor.organization().id() && !owns(view, actor) && !actor.isCoordinator()) {
          throw new ForbiddenException("only the vendor, the case owner or the coordinator records " + cs.name().toLowerCase(Locale.ROOT));
        }
        vendorName = v.organizationName();
        after = before.next(v.participant().organization(), cs);
      } else {
        if (vendor != null && !vendor.isBlank()) {
          throw new InvalidInputException(cs.name().toLowerCase(Locale.ROOT) + " happens to the whole case; name no vendor", "vendor");
        }
        after = before.next(cs);
      }
      EmbargoManagement.Consequence consequence = EmbargoManagement.onCaseStateChange(row.em(), before.pxa(), after.pxa());
      Map<String, PecState> consents = new TreeMap<>();
      view.participants().forEach(p -> consents.put(p.organizationName(), p.consent()));
      Map<String, Object> alert = EmbargoAlert.of(consequence, consents).map(a -> {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", a.kind().label());
        out.put("cause", cs.name().toLowerCase(Locale.ROOT));
        out.put("message", a.kind().message());
        out.put("recipients", List.copyOf(a.recipients()));
        return out;
      }).orElse(null);
      EmState em = row.em();
      if (consequence.event().isPresent()) {
        EmEvent emEvent = consequence.event().get();
        em = EmbargoManagement.next(row.em(), emEvent, after.pxa());
        abandonOpen(handle, row);
        cascade(handle, view, emEvent);
      }
      for (Map.Entry<Long, VfdState> e : after.vendors().entrySet()) {
        if (!e.getValue().equals(before.vendors().get(e.getKey()))) {
          org.accord.store.Cases.setVendor(handle, row.pk(), e.getKey(), e.getValue());
        }
      }
      long now = clock.millis();
      org.accord.store.Cases.update(handle, row.pk(), em, row.terms().orElse(null), boxed(row.termsProposedBy()),
          row.embargoSince().orElse(null), after.pxa(), now);
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("event", cs.name().toLowerCase(Locale.ROOT));
      if (vendorName != null) {
        data.put("vendor", vendorName);
      }
      data.put("pxa", after.pxa().code());
      data.put("em", em.name().toLowerCase(Locale.ROOT));
      data.put("embargo", consequence.name().toLowerCase(Locale.ROOT));
      return new Change(row.pk(), CaseEventType.STATE_CHANGED, data, consequence, null, alert);
    }, actor);
  }

  /**
   * The case's events, oldest first, as recorded with each change.
   *
   * @throws NotFoundException for a hidden or missing case
   */
  public List<Map<String, Object>> events(Principal viewer, String id) {
    CaseId caseId = CaseId.parse(id == null ? "" : id.strip());
    return database.jdbi().withHandle(handle -> {
      View view = load(handle, viewer, caseId);
      // An event that tells of an item is shown to those who see the item; seq counts what the viewer
      // sees, so a hidden event leaves no gap (ADR 0112).
      Map<Long, Tlp.Marking> markings = org.accord.store.CaseMarkings.eventMarkings(handle, view.row().pk());
      Tlp.Viewer who = who(view, viewer);
      List<Map<String, Object>> events = new ArrayList<>();
      for (org.accord.store.Cases.EventRow e : org.accord.store.Cases.events(handle, view.row().pk())) {
        Tlp.Marking marking = markings.get(e.seq());
        if (marking != null && !marking.allows(who, false)) {
          continue;
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("seq", events.size() + 1);
        event.put("type", e.type());
        event.put("at", e.at().toString());
        Map<String, Object> actor = new LinkedHashMap<>();
        actor.put("organization", e.actorOrganization());
        if (e.actorMember() != null) {
          actor.put("member", e.actorMember());
        }
        event.put("actor", actor);
        event.put("data", e.data());
        events.add(event);
      }
      access.record(viewer, view.row().pk(), CaseAccessLog.Seen.EVENTS);
      return events;
    });
  }

  /**
   * The embargo alerts addressed to {@code viewer}'s organization (every alert for the coordinator),
   * oldest first: the {@code case.embargo_alert} events naming it as a recipient (ADR 0114).
   *
   * @throws NotFoundException for a hidden or missing case
   */
  public List<Map<String, Object>> alerts(Principal viewer, String id) {
    return events(viewer, id).stream()
        .filter(e -> e.get("type").equals(CaseEventType.EMBARGO_ALERT.label()))
        .filter(e -> viewer.isCoordinator()
            || e.get("data") instanceof Map<?, ?> data && data.get("recipients") instanceof List<?> to && to.contains(viewer.organization().name()))
        .toList();
  }

  /**
   * Who viewed what of the case, oldest first (ADR 0113); the case owner's admins and the coordinator
   * may read it, since it names people and an organization's people are shown to its admins and the
   * coordinator only (ADR 0081). Pending views are written first, so the answer includes this read.
   *
   * @throws NotFoundException for a hidden or missing case
   * @throws ForbiddenException for anyone else who sees the case
   */
  public List<Map<String, Object>> accessLog(Principal viewer, String id) {
    CaseId caseId = CaseId.parse(id == null ? "" : id.strip());
    long pk = database.jdbi().withHandle(handle -> {
      View view = load(handle, viewer, caseId);
      if (!(owns(view, viewer) && viewer instanceof Principal.OrgAdmin) && !viewer.isCoordinator()) {
        throw new ForbiddenException("only the case owner's admins or the coordinator read the access log of " + caseId);
      }
      return view.row().pk();
    });
    access.record(viewer, pk, CaseAccessLog.Seen.ACCESS_LOG);
    access.flush();
    return database.jdbi().withHandle(handle -> {
      List<Map<String, Object>> out = new ArrayList<>();
      for (org.accord.store.CaseAccessLog.Row row : org.accord.store.CaseAccessLog.read(handle, pk)) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("organization", row.organization().orElse(null));
        one.put("member", row.member().orElse(null));
        one.put("what", row.what());
        one.put("first", row.first().toString());
        one.put("last", row.last().toString());
        one.put("views", row.views());
        out.add(one);
      }
      return out;
    });
  }

  // --- vulnerabilities, suggestions, statuses (ADR 0107) ---------------------------------------

  /** The longest vulnerability alias, in characters. */
  public static final int ALIAS_MAX_CHARS = 100;

  /**
   * Adds a vulnerability to the case; the case owner or the coordinator may.
   *
   * @param alias a CVE id or another alias, or null/blank for none yet
   * @param affected at least one {@code "PURL RANGE"} (range in {@code vers:} or interval notation)
   * @param cvss a CVSS vector, checked with {@code triage}'s parser, or null
   * @param tlp the item's TLP label, the case's when null
   * @throws InvalidInputException naming the field ({@code affected[i]}, {@code cvss}, {@code alias}, {@code tlp})
   */
  public List<Map<String, Object>> addVulnerability(Principal actor, String id, String alias, List<String> affected, String cvss,
      String tlp) {
    return addVulnerability(actor, id, alias, affected, cvss, tlp, List.of());
  }

  /**
   * As {@link #addVulnerability(Principal, String, String, List, String, String)}, naming the recipients
   * of a TLP:RED item by e-mail (people who see the case). A RED item in a RED case that names none
   * reaches the case's recipients. The item's label is never below the case's.
   *
   * @throws InvalidInputException location {@code tlp} for a label below the case's, {@code recipients}
   *     for recipients on an item that is not RED, {@code recipients[i]} for an address that is not a
   *     person who sees the case
   */
  public List<Map<String, Object>> addVulnerability(Principal actor, String id, String alias, List<String> affected, String cvss,
      String tlp, List<String> recipients) {
    CaseId caseId = CaseId.parse(id == null ? "" : id.strip());
    String cleanAlias = alias == null ? "" : alias.strip();
    if (cleanAlias.length() > ALIAS_MAX_CHARS || cleanAlias.chars().anyMatch(Character::isWhitespace)) {
      throw new InvalidInputException("an alias is one word of at most " + ALIAS_MAX_CHARS + " characters, such as CVE-2026-12345", "alias");
    }
    Map<String, String> packages = affected(affected);
    String vector = null;
    if (cvss != null && !cvss.isBlank()) {
      vector = cvss.strip();
      try {
        org.accord.triage.Cvss.parse(vector);
      } catch (InvalidInputException e) {
        throw new InvalidInputException(e.getMessage() + (e.location() == null ? "" : " (" + e.location() + ")"), "cvss");
      }
    }
    Tlp label = tlp == null || tlp.isBlank() ? null : Tlp.parse(tlp);
    String cleanVector = vector;
    write(handle -> {
      View view = load(handle, actor, caseId);
      if (!owns(view, actor) && !actor.isCoordinator()) {
        throw new ForbiddenException("only the case owner or the coordinator adds vulnerabilities to " + caseId);
      }
      Tlp itemTlp = label == null ? view.row().tlp() : label;
      return vulnerabilityAdded(handle, view, actor, cleanAlias, packages, cleanVector, itemTlp, recipients(handle, view, itemTlp, recipients));
    }, actor);
    return vulnerabilities(actor, id);
  }

  private Change vulnerabilityAdded(Handle handle, View view, Principal actor, String alias, Map<String, String> packages,
      String vector, Tlp itemTlp, Set<Long> named) {
    long now = clock.millis();
    long vid = org.accord.store.CaseItems.addVulnerability(handle, view.row().pk(), alias, packages, vector, itemTlp,
        actor.organization().id(), memberId(actor), named, now);
    Tlp.Marking marking = new Tlp.Marking(itemTlp, Tlp.Origin.of(actor.organization().id(), actor.organization().id(), memberId(actor)),
        new Tlp.Recipients(named));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("vulnerability", vid);
    data.put("alias", alias);
    data.put("affected", packages);
    data.put("cvss", vector);
    data.put("tlp", itemTlp.label());
    return new Change(view.row().pk(), CaseEventType.VULNERABILITY_ADDED, data, EmbargoManagement.Consequence.NONE, marking);
  }


  /**
   * The case's vulnerabilities {@code viewer} may see (each item's TLP; its owner is the organization
   * that added it), oldest first.
   *
   * @throws NotFoundException for a hidden or missing case
   */
  public List<Map<String, Object>> vulnerabilities(Principal viewer, String id) {
    CaseId caseId = CaseId.parse(id == null ? "" : id.strip());
    return database.jdbi().withHandle(handle -> {
      View view = load(handle, viewer, caseId);
      List<org.accord.store.CaseItems.VulnerabilityRow> visible = visibleVulnerabilities(handle, view, viewer);
      Map<Long, String> emails = emails(handle, visible.stream().flatMap(v -> v.recipients().stream()).toList());
      List<Map<String, Object>> out = new ArrayList<>();
      for (org.accord.store.CaseItems.VulnerabilityRow v : visible) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("id", v.id());
        one.put("alias", v.alias().isEmpty() ? null : v.alias());
        List<Map<String, Object>> packages = new ArrayList<>();
        v.affected().forEach((purl, range) -> packages.add(new LinkedHashMap<>(Map.of("purl", purl, "range", range))));
        one.put("affected", packages);
        one.put("cvss", v.cvss().orElse(null));
        one.put("tlp", v.tlp().label());
        one.put("recipients", named(v.recipients(), emails));
        one.put("added_by", v.organizationName());
        one.put("added", v.created().toString());
        out.add(one);
      }
      access.record(viewer, view.row().pk(), CaseAccessLog.Seen.VULNERABILITIES);
      return out;
    });
  }

  /**
   * Participants suggested from the case's visible vulnerabilities' affected packages (ADR 0105),
   * with {@code viewer} as the viewer. Organizations that already take part are kept and marked.
   *
   * @throws NotFoundException for a hidden or missing case
   * @throws InvalidInputException if the case has no vulnerability with affected packages yet
   */
  public Map<String, Object> suggest(Principal viewer, String id, Suggestions suggestions) {
    CaseId caseId = CaseId.parse(id == null ? "" : id.strip());
    record Loaded(View view, List<org.accord.disclosure.ReportedPackage> packages) {}
    Loaded loaded = database.jdbi().withHandle(handle -> {
      View view = load(handle, viewer, caseId);
      Map<String, org.accord.disclosure.ReportedPackage> packages = new LinkedHashMap<>();
      for (org.accord.store.CaseItems.VulnerabilityRow v : visibleVulnerabilities(handle, view, viewer)) {
        v.affected().forEach((purl, range) -> packages.putIfAbsent(purl + " " + range, reported(purl, range, "affected")));
      }
      access.record(viewer, view.row().pk(), CaseAccessLog.Seen.SUGGESTIONS);
      return new Loaded(view, List.copyOf(packages.values()));
    });
    if (loaded.packages().isEmpty()) {
      throw new InvalidInputException(caseId + " has no vulnerability with affected packages yet: add one first", "vulnerabilities");
    }
    org.accord.disclosure.ParticipantSuggestions.Result result = suggestions.suggest(loaded.packages(), viewer);
    Set<String> taking = new java.util.HashSet<>();
    loaded.view().participants().forEach(p -> taking.add(p.organizationName().toLowerCase(Locale.ROOT)));
    List<Map<String, Object>> list = new ArrayList<>();
    for (org.accord.disclosure.Suggestion s : result.suggestions()) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("organization", s.organization());
      one.put("org_kind", s.orgKind().label());
      one.put("kind", s.kind().label());
      one.put("roles", s.roles().stream().map(ParticipantRole::label).toList());
      one.put("verified", s.verified());
      one.put("participant", taking.contains(s.organization().toLowerCase(Locale.ROOT)));
      one.put("reason", s.reason());
      Map<String, Object> evidence = new LinkedHashMap<>();
      evidence.put("claims", s.evidence().claims());
      evidence.put("packages", s.evidence().packages());
      evidence.put("paths", s.evidence().paths().stream()
          .map(p -> (Object) new LinkedHashMap<String, Object>(Map.of("product", p.product(), "path", p.path()))).toList());
      evidence.put("deployments", s.evidence().deployments().stream().map(PlanJson::cell).toList());
      one.put("evidence", evidence);
      list.add(one);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("case", caseId.toString());
    out.put("packages", loaded.packages().stream().map(p -> p.purl().canonical() + " " + p.range().toVers()).toList());
    out.put("suggestions", list);
    out.put("withheld", result.withheld().stream().map(PlanJson::cell).toList());
    out.put("notes", result.notes());
    return out;
  }

  /**
   * What a notification plan of the case is computed from (ADR 0133), read in one transaction: the
   * affected packages of the vulnerabilities {@code actor} may see, the participants, and the case
   * facts from its history (when a fix became ready, when attacks were first observed). Only the case
   * owner and the coordinator plan a case.
   *
   * @throws NotFoundException for a hidden or missing case
   * @throws ForbiddenException for a participant that does not own the case
   * @throws InvalidInputException if the case has no vulnerability with affected packages yet
   */
  PlanSource planSource(Principal actor, CaseId caseId) {
    PlanSource source = database.jdbi().withHandle(handle -> {
      View view = load(handle, actor, caseId);
      if (!owns(view, actor) && !actor.isCoordinator()) {
        throw new ForbiddenException("only the case owner or the coordinator plans the notifications of " + caseId);
      }
      Map<String, org.accord.disclosure.ReportedPackage> packages = new LinkedHashMap<>();
      for (org.accord.store.CaseItems.VulnerabilityRow v : visibleVulnerabilities(handle, view, actor)) {
        v.affected().forEach((purl, range) -> packages.putIfAbsent(purl + " " + range, reported(purl, range, "affected")));
      }
      Milestones milestones = milestones(handle, view.row().pk());
      access.record(actor, view.row().pk(), CaseAccessLog.Seen.SUGGESTIONS);
      return new PlanSource(view, List.copyOf(packages.values()), milestones.fixReady(), milestones.attacked(),
          org.accord.store.CaseTerms.of(handle, view.row().pk()));
    });
    if (source.packages().isEmpty()) {
      throw new InvalidInputException(caseId + " has no vulnerability with affected packages yet: add one first", "vulnerabilities");
    }
    return source;
  }

  /**
   * What {@link #planSource} read.
   *
   * @param view the case as its owner sees it
   * @param packages the affected packages of the visible vulnerabilities
   * @param fixReady when a vendor first reached F, if one did
   * @param attacked when attacks were first observed, if they were
   * @param terms the facts and policy the case declared (ADR 0152)
   */
  record PlanSource(View view, List<org.accord.disclosure.ReportedPackage> packages, Optional<Instant> fixReady, Optional<Instant> attacked,
      org.accord.store.CaseTerms.Row terms) {}

  /**
   * When a case's first fix was ready (a vendor's F) and when attacks were first observed (A), from its
   * events.
   */
  public record Milestones(Optional<Instant> fixReady, Optional<Instant> attacked) {}

  /** The case's {@link Milestones}, read from its history. */
  public static Milestones milestones(Handle handle, long pk) {
    Optional<Instant> fixReady = Optional.empty();
    Optional<Instant> attacked = Optional.empty();
    for (org.accord.store.Cases.EventRow e : org.accord.store.Cases.events(handle, pk)) {
      if (e.type().equals(CaseEventType.STATE_CHANGED.label())) {
        Object event = e.data().get("event");
        if ("fix_ready".equals(event) && fixReady.isEmpty()) {
          fixReady = Optional.of(e.at());
        } else if ("attacks_observed".equals(event) && attacked.isEmpty()) {
          attacked = Optional.of(e.at());
        }
      }
    }
    return new Milestones(fixReady, attacked);
  }

  /**
   * Sets one participant's status for one product: its VEX answer ({@code not_yet_checked} or null for
   * none yet), justification and CSAF involvement. A participant sets its own; the coordinator anyone's.
   *
   * @param organization the participant, the actor's own organization when null
   * @throws InvalidInputException for an unknown status, justification, involvement, TLP or a bad PURL
   */
  public List<Map<String, Object>> setStatus(Principal actor, String id, String organization, String product, String status,
      String justification, String involvement, String tlp) {
    return setStatus(actor, id, organization, product, status, justification, involvement, tlp, List.of());
  }

  /**
   * As {@link #setStatus(Principal, String, String, String, String, String, String, String)}, naming
   * the recipients of a TLP:RED status by e-mail. The status concerns the participant; its creator is
   * the actor (ADR 0112).
   *
   * @throws InvalidInputException as for {@link #addVulnerability(Principal, String, String, List, String, String, List)}
   */
  public List<Map<String, Object>> setStatus(Principal actor, String id, String organization, String product, String status,
      String justification, String involvement, String tlp, List<String> recipients) {
    CaseId caseId = CaseId.parse(id == null ? "" : id.strip());
    if (product == null || product.isBlank()) {
      throw new InvalidInputException("missing product: name it by PURL", "product");
    }
    String purl;
    try {
      purl = org.accord.identity.Purl.parse(product.strip()).canonical();
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("the product is not a PURL: " + e.getMessage(), "product");
    }
    org.accord.disclosure.ProductCheck check = check(status, justification);
    org.accord.disclosure.Involvement inv = involvement == null || involvement.isBlank()
        ? org.accord.disclosure.Involvement.OPEN : org.accord.disclosure.Involvement.parse(involvement);
    Tlp label = tlp == null || tlp.isBlank() ? null : Tlp.parse(tlp);
    write(handle -> {
      View view = load(handle, actor, caseId);
      ParticipantRow target;
      if (organization == null || organization.isBlank()
          || organization.strip().equalsIgnoreCase(actor.organization().name())) {
        target = participant(view, actor).orElseThrow(() -> new ForbiddenException(
            "only a participant of " + caseId + " sets its status; the coordinator names the participant"));
      } else {
        if (!actor.isCoordinator()) {
          throw new ForbiddenException("a participant sets only its own status; the coordinator sets anyone's");
        }
        target = view.participants().stream().filter(p -> p.organizationName().equalsIgnoreCase(organization.strip())).findFirst()
            .orElseThrow(() -> new InvalidInputException("'" + organization.strip() + "' is not a participant of " + caseId, "organization"));
      }
      Tlp itemTlp = label == null ? view.row().tlp() : label;
      Set<Long> named = recipients(handle, view, itemTlp, recipients);
      Tlp.Marking marking = new Tlp.Marking(itemTlp,
          Tlp.Origin.of(target.participant().organization(), actor.organization().id(), memberId(actor)), new Tlp.Recipients(named));
      String vex = check.vex().map(org.accord.advisory.VexStatus::label).orElse(null);
      String why = check.vex().map(org.accord.advisory.VexStatus::justificationLabel).filter(j -> !j.isEmpty()).orElse(null);
      long now = clock.millis();
      org.accord.store.CaseItems.putStatus(handle, view.row().pk(), target.participant().organization(), purl, vex, why,
          inv.label(), itemTlp, actor.organization().id(), memberId(actor), named, now);
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("organization", target.organizationName());
      data.put("product", purl);
      data.put("checked", vex != null);
      data.put("vex_status", vex);
      data.put("justification", why);
      data.put("involvement", inv.label());
      data.put("tlp", itemTlp.label());
      return new Change(view.row().pk(), CaseEventType.STATUS_SET, data, EmbargoManagement.Consequence.NONE, marking);
    }, actor);
    return statuses(actor, id);
  }

  /** The VEX answer from a status label and justification; "not yet checked" is its own state. */
  static org.accord.disclosure.ProductCheck check(String status, String justification) {
    String clean = status == null ? "" : status.strip().toLowerCase(Locale.ROOT);
    if (clean.isEmpty() || clean.equals("not_yet_checked")) {
      if (justification != null && !justification.isBlank()) {
        throw new InvalidInputException("a justification goes with not_affected, not with a product not yet checked", "justification");
      }
      return org.accord.disclosure.ProductCheck.notYetChecked();
    }
    String why = justification == null ? "" : justification.strip();
    if (!why.isEmpty() && !clean.equals("not_affected")) {
      throw new InvalidInputException("a justification goes with not_affected only", "justification");
    }
    return org.accord.disclosure.ProductCheck.checked(org.accord.advisory.VexStatus.of(clean, why, null, null));
  }

  /**
   * The ids of the cases where a product of {@code viewer}'s organization awaits its status (a status
   * row not checked yet): the case list's "awaiting my status" filter. Only cases the organization takes
   * part in; one query.
   */
  public Set<String> awaitingStatus(Principal viewer) {
    return database.jdbi().withHandle(handle -> org.accord.store.CaseItems.awaitingStatus(handle, viewer.organization().id()));
  }

  /**
   * The statuses {@code viewer} may see (each item's TLP; its owner is the participant it is about),
   * with the participant's notified, first-viewed and acknowledged times.
   *
   * @throws NotFoundException for a hidden or missing case
   */
  public List<Map<String, Object>> statuses(Principal viewer, String id) {
    CaseId caseId = CaseId.parse(id == null ? "" : id.strip());
    return database.jdbi().withHandle(handle -> {
      View view = load(handle, viewer, caseId);
      Tlp.Viewer who = who(view, viewer);
      Map<Long, ParticipantRow> byOrg = new TreeMap<>();
      view.participants().forEach(p -> byOrg.put(p.participant().organization(), p));
      List<org.accord.store.CaseItems.StatusRow> visible = org.accord.store.CaseItems.statuses(handle, view.row().pk()).stream()
          .filter(s -> s.marking().allows(who, false)).toList();
      Map<Long, String> emails = emails(handle, visible.stream().flatMap(s -> s.recipients().stream()).toList());
      List<Map<String, Object>> out = new ArrayList<>();
      for (org.accord.store.CaseItems.StatusRow s : visible) {
        ParticipantRow p = byOrg.get(s.organization());
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("organization", s.organizationName());
        one.put("product", s.product());
        one.put("checked", s.vexStatus().isPresent());
        one.put("vexStatus", s.vexStatus().orElse(null));
        one.put("justification", s.justification().orElse(null));
        one.put("involvement", s.involvement());
        one.put("tlp", s.tlp().label());
        one.put("recipients", named(s.recipients(), emails));
        one.put("updated", s.updated().toString());
        one.put("notified", p == null ? null : p.notified().map(Instant::toString).orElse(null));
        one.put("firstViewed", p == null ? null : p.viewed().map(Instant::toString).orElse(null));
        one.put("acknowledged", p == null ? null : p.acknowledged().map(Instant::toString).orElse(null));
        out.add(one);
      }
      access.record(viewer, view.row().pk(), CaseAccessLog.Seen.STATUSES);
      return out;
    });
  }

  /**
   * The actor's participant acknowledges the case (the first acknowledgement stays); one
   * {@code case.acknowledged} event.
   */
  public View acknowledge(Principal actor, String id) {
    CaseId caseId = CaseId.parse(id == null ? "" : id.strip());
    return write(handle -> {
      View view = load(handle, actor, caseId);
      ParticipantRow own = requireParticipant(view, actor, "acknowledges it");
      long now = clock.millis();
      org.accord.store.CaseItems.acknowledged(handle, view.row().pk(), own.participant().organization(), now);
      org.accord.store.Cases.viewed(handle, view.row().pk(), own.participant().organization(), now);
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("organization", own.organizationName());
      return new Change(view.row().pk(), CaseEventType.ACKNOWLEDGED, data, EmbargoManagement.Consequence.NONE);
    }, actor);
  }

  private static List<org.accord.store.CaseItems.VulnerabilityRow> visibleVulnerabilities(Handle handle, View view, Principal viewer) {
    Tlp.Viewer who = who(view, viewer);
    return org.accord.store.CaseItems.vulnerabilities(handle, view.row().pk()).stream()
        .filter(v -> v.marking().allows(who, false))
        .toList();
  }

  static Tlp.Viewer who(View view, Principal viewer) {
    return Tlp.Viewer.of(viewer.organization().id(), memberId(viewer), participant(view, viewer).isPresent(), viewer.isCoordinator());
  }

  private static Long memberId(Principal principal) {
    return principal.member() == null ? null : principal.member().id();
  }

  /**
   * The recipients of an item labelled {@code tlp} in the case: checked against the case's label, each
   * a person who sees the case; a RED item in a RED case that names none reaches the case's recipients.
   */
  static Set<Long> recipients(Handle handle, View view, Tlp tlp, List<String> emails) {
    tlp.checkItem(view.row().tlp(), NeedToKnow.count(emails));
    Set<Long> named = NeedToKnow.resolve(handle, emails, member -> visible(handle, view, Tlp.Viewer.of(member.organization().id(),
        member.id(), participant(view, member.organization().id(), member.id()).isPresent(), false)), view.row().id().toString());
    if (tlp == Tlp.RED && named.isEmpty() && view.row().tlp() == Tlp.RED) {
      org.accord.store.CaseMarkings.CaseAccess kase = org.accord.store.CaseMarkings.ofCase(handle, view.row().pk());
      named = new java.util.LinkedHashSet<>(kase.recipients());
      kase.creatorMember().ifPresent(named::add);
    }
    return named;
  }

  private static Map<Long, String> emails(Handle handle, List<Long> members) {
    return members.isEmpty() ? Map.of() : org.accord.store.CaseMarkings.emails(handle, new java.util.HashSet<>(members));
  }

  private static List<String> named(Set<Long> recipients, Map<Long, String> emails) {
    return recipients.stream().map(id -> emails.getOrDefault(id, "")).sorted().toList();
  }

  /** Affected packages {@code "PURL RANGE"} as PURL to {@code vers:} text; at least one, no PURL twice. */
  static Map<String, String> affected(List<String> affected) {
    if (affected == null || affected.isEmpty()) {
      throw new InvalidInputException("missing affected: give at least one 'PURL RANGE', such as 'pkg:maven/org.libra/libracore [2.0,2.3.4)'", "affected");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < affected.size(); i++) {
      String field = "affected[" + i + "]";
      String text = affected.get(i) == null ? "" : affected.get(i).strip();
      int space = text.indexOf(' ');
      if (space < 0) {
        throw new InvalidInputException("'" + shorten(text) + "' needs a PURL and a range, such as 'pkg:maven/org.libra/libracore [2.0,2.3.4)'", field);
      }
      org.accord.disclosure.ReportedPackage p = reported(text.substring(0, space), text.substring(space + 1).strip(), field);
      if (out.put(p.purl().canonical(), p.range().toVers()) != null) {
        throw new InvalidInputException(p.purl().canonical() + " is named twice; give one range for it", field);
      }
    }
    return out;
  }

  private static org.accord.disclosure.ReportedPackage reported(String purlText, String rangeText, String field) {
    try {
      if (!purlText.startsWith("pkg:")) {
        throw new IllegalArgumentException("a package is named by its PURL, as in pkg:maven/org.libra/libracore");
      }
      org.accord.identity.Purl purl = org.accord.identity.Purl.parse(purlText);
      if (purl.hasVersion()) {
        throw new IllegalArgumentException("the PURL has a version; give the versions as a range");
      }
      org.accord.identity.Ecosystem ecosystem = org.accord.identity.Ecosystem.fromPurlType(purl.type());
      return new org.accord.disclosure.ReportedPackage(purl, org.accord.identity.RangeNotation.parse(ecosystem, rangeText));
    } catch (InvalidInputException e) {
      throw new InvalidInputException("'" + shorten(purlText + " " + rangeText) + "': " + e.getMessage(), field);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("'" + shorten(purlText + " " + rangeText) + "': " + e.getMessage(), field);
    }
  }

  private static String shorten(String text) {
    return text.length() > 80 ? text.substring(0, 80) + "..." : text;
  }

  // --- the pieces --------------------------------------------------------------------------------

  /**
   * What a write did: the case, the event to record, the embargo consequence for the answer, the
   * marking of the event when it is an item's (null: a change of the case itself, whose event follows
   * the case's visibility), and the data of a {@code case.embargo_alert} event to record after it (null
   * for none; ADR 0114).
   */
  private record Change(long pk, CaseEventType type, Map<String, Object> data, EmbargoManagement.Consequence consequence,
      Tlp.Marking marking, Map<String, Object> alert) {
    Change(long pk, CaseEventType type, Map<String, Object> data, EmbargoManagement.Consequence consequence, Tlp.Marking marking) {
      this(pk, type, data, consequence, marking, null);
    }

    /** A change of the case itself: its event follows the case's visibility. */
    Change(long pk, CaseEventType type, Map<String, Object> data, EmbargoManagement.Consequence consequence) {
      this(pk, type, data, consequence, null, null);
    }
  }

  @FunctionalInterface
  private interface Write {
    Change run(Handle handle);
  }

  /**
   * Runs {@code work} under the lock that serialises case writes, so that no case changes meanwhile:
   * the hook of {@link CasePublication} (ADR 0109). {@code work} may call this class's writes, or run
   * its own transaction through the package-private steps ({@link Reports}' accept, ADR 0114), the lock
   * keeping case ids gapless.
   */
  public <T> T locked(java.util.function.Supplier<T> work) {
    synchronized (lock) {
      return work.get();
    }
  }

  /** Runs one change and its event in one transaction, under the lock; the case as it is after. */
  private View write(Write work, Principal actor) {
    EventOutbox.Committed<View> committed;
    synchronized (lock) {
      committed = log.inTransaction((handle, events) -> record(handle, events, actor, work.run(handle)));
    }
    committed.await();
    return committed.value();
  }

  /** Records a change's event, and its alert if any, in the caller's transaction; the case as it is after. */
  private View record(Handle handle, EventOutbox.Stager events, Principal actor, Change change) {
    long now = clock.millis();
    CaseRow current = byPk(handle, change.pk());
    long seq = event(handle, events, actor, current, change.type(), change.data(), now);
    if (change.marking() != null) {
      org.accord.store.CaseMarkings.markEvent(handle, change.pk(), seq, change.marking());
    }
    if (change.alert() != null) {
      event(handle, events, actor, current, CaseEventType.EMBARGO_ALERT, change.alert(), now);
    }
    return view(handle, byPk(handle, change.pk()), change.consequence());
  }

  /** Records one event in the case's history and stages it for the log; its sequence number. */
  public static long event(Handle handle, EventOutbox.Stager events, Principal actor, CaseRow current, CaseEventType type,
      Map<String, Object> change, long now) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("case", current.id().toString());
    data.putAll(change);
    long seq = org.accord.store.Cases.addEvent(handle, current.pk(), type.label(), now, actor.organization().name(),
        actor.member() == null ? null : actor.member().email(), data);
    // Private while the case is not published (ADR 0104); the log names the organization, the history
    // above the person (ADR 0115).
    events.stageCaseEvent(actor, type.label(), "case:" + current.id(), now, data, true);
    return seq;
  }

  private static CaseRow byPk(Handle handle, long pk) {
    return org.accord.store.Cases.byPk(handle, pk)
        .orElseThrow(() -> new IllegalStateException("case row " + pk + " vanished"));
  }

  /**
   * The case as read now. A read outside a write ({@code consequence} NONE, no transaction) is served
   * from {@link #views} while the case's revision is the one it was assembled at, as the same object;
   * the participants and proposals are read after {@code row}, so a view is never older than the
   * revision it is kept under. A view read inside a write's transaction is not kept: it is not
   * committed yet.
   */
  private View view(Handle handle, CaseRow row, EmbargoManagement.Consequence consequence) {
    boolean cacheable = consequence == EmbargoManagement.Consequence.NONE && !handle.isInTransaction();
    if (cacheable) {
      View cached = views.get(row.pk(), row.revision());
      if (cached != null) {
        return cached;
      }
    }
    View view = new View(row, org.accord.store.Cases.participants(handle, row.pk()),
        org.accord.store.Cases.proposals(handle, row.pk(), null), consequence);
    if (cacheable) {
      views.put(row.pk(), row.revision(), view);
    }
    return view;
  }

  /** The case if {@code viewer} may see it; the same NotFoundException for a hidden and a missing case. */
  public View load(Handle handle, Principal viewer, CaseId id) {
    return load(handle, viewer, id, org.accord.store.Cases.byId(handle, id));
  }

  /** As {@link #load(Handle, Principal, CaseId)} for a case row the caller read (or its absence). */
  View load(Handle handle, Principal viewer, CaseId id, Optional<CaseRow> row) {
    if (row.isPresent()) {
      View view = view(handle, row.get(), EmbargoManagement.Consequence.NONE);
      if (visible(handle, view, viewer)) {
        return view;
      }
    }
    throw new NotFoundException("no case " + id);
  }

  private static boolean visible(Handle handle, View view, Principal viewer) {
    return visible(handle, view, who(view, viewer));
  }

  /**
   * Whether {@code who} sees the case: below RED, its participants and whoever the label lets; a RED
   * case only the person who opened it and its named recipients (ADR 0112), whose marking is read only
   * for RED cases so other reads cost no query.
   */
  static boolean visible(Handle handle, View view, Tlp.Viewer who) {
    CaseRow row = view.row();
    if (row.tlp() == Tlp.RED) {
      org.accord.store.CaseMarkings.CaseAccess named = org.accord.store.CaseMarkings.ofCase(handle, row.pk());
      return Tlp.RED.allows(new Tlp.Origin(row.owner(), row.owner(), named.creatorMember()), new Tlp.Recipients(named.recipients()),
          who, false);
    }
    return who.participant() || row.tlp().allows(row.owner(), Tlp.Recipients.none(), who, false);
  }

  /** The viewer's participant row: its organization's, unless only another member of it takes part. */
  private static Optional<ParticipantRow> participant(View view, Principal viewer) {
    return participant(view, viewer.organization().id(), memberId(viewer));
  }

  private static Optional<ParticipantRow> participant(View view, long organization, Long member) {
    return view.participants().stream()
        .filter(p -> p.participant().organization() == organization)
        .filter(p -> p.participant().member().isEmpty()
            || member != null && p.participant().member().getAsLong() == member)
        .findFirst();
  }

  /**
   * Whether {@code actor}'s accept or reject decides the terms (the case owner; the coordinator unless
   * it takes part as another participant, as when it acts for one with {@code --org}) rather than
   * answering for its own participant.
   */
  private static boolean decidesTerms(View view, Principal actor) {
    return owns(view, actor) || actor.isCoordinator() && participant(view, actor).isEmpty();
  }

  /** Whether {@code viewer} takes part in the case (its organization, or it as the named member). */
  public static boolean takesPart(View view, Principal viewer) {
    return participant(view, viewer).isPresent();
  }

  public static boolean owns(View view, Principal actor) {
    return participant(view, actor).map(p -> p.participant().has(ParticipantRole.CASE_OWNER)).orElse(false);
  }

  private static ParticipantRow requireParticipant(View view, Principal actor, String what) {
    return participant(view, actor).orElseThrow(() ->
        new ForbiddenException("only a participant of " + view.row().id() + " " + what));
  }

  private static void requireParticipantOrCoordinator(View view, Principal actor) {
    if (participant(view, actor).isEmpty() && !actor.isCoordinator()) {
      throw new ForbiddenException("only a participant of " + view.row().id() + " changes its state");
    }
  }

  private static CaseState state(View view) {
    Map<Long, VfdState> vendors = new TreeMap<>();
    for (ParticipantRow p : view.participants()) {
      p.vendor().ifPresent(v -> vendors.put(p.participant().organization(), v));
    }
    return new CaseState(view.row().pxa(), vendors);
  }

  /** Every participant's position after a decision nobody takes part in as a participant (reject, terminate). */
  private static void cascade(Handle handle, View view, EmEvent event) {
    for (ParticipantRow p : view.participants()) {
      setPosition(handle, view.row().pk(), p, EmbargoNegotiation.onDecision(p.position(), view.row().em(), event, false, false));
    }
  }

  /** Writes what changed of a participant's consent and revision answer. */
  private static void setPosition(Handle handle, long pk, ParticipantRow p, EmbargoPosition position) {
    if (position.consent() != p.consent()) {
      org.accord.store.Cases.setConsent(handle, pk, p.participant().organization(), position.consent());
    }
    if (position.revision() != p.revision()) {
      org.accord.store.Cases.setRevisionAnswer(handle, pk, p.participant().organization(), position.revision());
    }
  }

  /** An event's {@code consent} and, while a revision is open, {@code revision} (the answer to it). */
  private static void describe(EmbargoPosition position, Map<String, Object> data) {
    data.put("consent", position.consent().name().toLowerCase(Locale.ROOT));
    if (position.revision() != RevisionAnswer.NONE) {
      data.put("revision", position.revision().name().toLowerCase(Locale.ROOT));
    }
  }

  private static void abandonOpen(Handle handle, CaseRow row) {
    for (ProposalRow p : org.accord.store.Cases.proposals(handle, row.pk(), ProposalState.OPEN)) {
      org.accord.store.Cases.setProposal(handle, p.id(), ProposalState.ABANDONED);
    }
  }

  private static Long boxed(OptionalLong value) {
    return value.isPresent() ? value.getAsLong() : null;
  }

  private static List<String> labels(Set<ParticipantRole> roles) {
    return roles.stream().map(ParticipantRole::label).toList();
  }

  /** An embargo end: an ISO-8601 instant, or {@code Nd} days from {@code now}. */
  static Instant end(String text, Instant now) {
    String clean = text == null ? "" : text.strip();
    if (clean.isEmpty()) {
      throw new InvalidInputException("missing end: give an instant such as 2027-03-01T00:00:00Z, or days such as 45d", "end");
    }
    if (clean.matches("[0-9]{1,4}d")) {
      return now.plus(Duration.ofDays(Long.parseLong(clean.substring(0, clean.length() - 1))));
    }
    try {
      return Instant.parse(clean);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("the end '" + (clean.length() > 40 ? clean.substring(0, 40) + "..." : clean)
          + "' is neither an instant in UTC (2027-03-01T00:00:00Z) nor days (45d)", "end");
    }
  }

  /** A case-state event by name ({@code exploit_public}) or Vultron letter ({@code X}). */
  static CsEvent csEvent(String text) {
    String clean = text == null ? "" : text.strip();
    for (CsEvent e : CsEvent.values()) {
      if (e.name().equalsIgnoreCase(clean.replace('-', '_')) || clean.length() == 1 && clean.charAt(0) == e.letter()) {
        return e;
      }
    }
    List<String> names = new ArrayList<>();
    for (CsEvent e : CsEvent.values()) {
      names.add(e.name().toLowerCase(Locale.ROOT));
    }
    throw new InvalidInputException("unknown case state event '" + (clean.length() > 40 ? clean.substring(0, 40) : clean)
        + "'; accepted: " + String.join(", ", names) + " (or V, F, D, P, X, A)", "event");
  }

  /**
   * A case as both edges show it, with the embargo's end also in the viewer's {@code zone}, the zone
   * named ({@code embargo.end_local}, {@code embargo.zone}; issue 9, item 4), and so each waiting
   * participant's RSVP deadline ({@code rsvp_deadline_local}).
   */
  public static Map<String, Object> describe(View view, ZoneId zone) {
    Map<String, Object> out = describe(view);
    if (out.get("embargo") instanceof Map<?, ?> && view.row().terms().isPresent()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> embargo = (Map<String, Object>) out.get("embargo");
      embargo.put("end_local", view.row().terms().get().endIn(zone));
      embargo.put("zone", zone.getId());
    }
    // A participant's RSVP deadline in the viewer's zone too (ADR 0116).
    if (out.get("participants") instanceof List<?> participants) {
      for (Object p : participants) {
        @SuppressWarnings("unchecked")
        Map<String, Object> one = (Map<String, Object>) p;
        if (one.get("rsvp_deadline") instanceof String deadline) {
          one.put("rsvp_deadline_local", EmbargoTerms.endingAt(Instant.parse(deadline)).endIn(zone));
        }
      }
    }
    return out;
  }

  /**
   * A viewer's time zone by its IANA name ({@code Europe/Zurich}) or a UTC offset ({@code +02:00}).
   *
   * @throws InvalidInputException naming {@code field} if it is neither
   */
  public static ZoneId zone(String text, String field) {
    try {
      return ZoneId.of(text.strip());
    } catch (java.time.DateTimeException e) {
      throw new InvalidInputException("unknown time zone '" + shorten(text) + "'; use an IANA name such as Europe/Zurich"
          + " or an offset such as +02:00", field);
    }
  }

  /**
   * A case as both edges list it (no store ids): {@code id}, {@code title}, {@code tlp}, {@code em},
   * {@code embargo_end} (null without terms), {@code pxa}, the viewer's {@code roles}, {@code
   * participant_count} and {@code updated}.
   */
  public static Map<String, Object> describe(Summary summary) {
    CaseRow row = summary.row();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", row.id().toString());
    out.put("title", row.title());
    out.put("tlp", row.tlp().label());
    out.put("em", row.em().name().toLowerCase(Locale.ROOT));
    out.put("embargo_end", row.terms().map(t -> t.end().toString()).orElse(null));
    out.put("pxa", row.pxa().code());
    out.put("roles", labels(summary.roles()));
    out.put("participant_count", summary.participants());
    out.put("updated", row.updated().toString());
    return out;
  }

  /** A case as both edges show it (no store ids). */
  public static Map<String, Object> describe(View view) {
    CaseRow row = view.row();
    Map<Long, String> names = new TreeMap<>();
    view.participants().forEach(p -> names.put(p.participant().organization(), p.organizationName()));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", row.id().toString());
    out.put("title", row.title());
    out.put("tlp", row.tlp().label());
    out.put("owner", names.getOrDefault(row.owner(), ""));
    out.put("em", row.em().name().toLowerCase(Locale.ROOT));
    if (row.terms().isPresent()) {
      Map<String, Object> embargo = new LinkedHashMap<>();
      embargo.put("end", row.terms().get().end().toString());
      embargo.put("end_utc", row.terms().get().endIn(ZoneOffset.UTC));
      embargo.put("justification", row.terms().get().justification().orElse(null));
      embargo.put("proposed_by", row.termsProposedBy().isPresent() ? names.getOrDefault(row.termsProposedBy().getAsLong(), "") : null);
      embargo.put("since", row.embargoSince().map(Instant::toString).orElse(null));
      out.put("embargo", embargo);
    } else {
      out.put("embargo", null);
    }
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("pxa", row.pxa().code());
    state.put("public_aware", row.pxa().publicAware());
    state.put("exploit_public", row.pxa().exploitPublic());
    state.put("attacks_observed", row.pxa().attacksObserved());
    out.put("state", state);
    List<Map<String, Object>> participants = new ArrayList<>();
    for (ParticipantRow p : view.participants()) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("organization", p.organizationName());
      one.put("member", p.memberEmail().orElse(null));
      one.put("roles", labels(p.participant().roles()));
      one.put("consent", p.consent().name().toLowerCase(Locale.ROOT));
      // Its answer to an open revision of the embargo in force (ADR 0123), null without one.
      one.put("revision", p.revision() == RevisionAnswer.NONE ? null : p.revision().name().toLowerCase(Locale.ROOT));
      one.put("vfd", p.vendor().map(VfdState::code).orElse(null));
      one.put("invited", p.invited().toString());
      one.put("notified", p.notified().map(Instant::toString).orElse(null));
      one.put("viewed", p.viewed().map(Instant::toString).orElse(null));
      one.put("acknowledged", p.acknowledged().map(Instant::toString).orElse(null));
      // While it waits for its answer: the instant its silence declines (ADR 0116).
      one.put("rsvp_deadline", CaseDeadlines.deadline(p, view.proposals()).map(Instant::toString).orElse(null));
      participants.add(one);
    }
    out.put("participants", participants);
    List<Map<String, Object>> proposals = new ArrayList<>();
    for (ProposalRow p : view.proposals()) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("organization", p.organizationName());
      one.put("end", p.terms().end().toString());
      one.put("justification", p.terms().justification().orElse(null));
      one.put("rsvp_deadline", p.rsvpDeadline().toString());
      one.put("state", p.state().label());
      one.put("proposed", p.proposedAt().toString());
      proposals.add(one);
    }
    out.put("proposals", proposals);
    out.put("created", row.created().toString());
    out.put("updated", row.updated().toString());
    out.put("alert", view.alert() ? "attacks observed under the embargo: signatories are advised to end it" : null);
    return out;
  }
}
