package org.accord.app;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.accord.EnvironmentException;
import org.accord.NotFoundException;
import org.accord.disclosure.CaseId;
import org.accord.disclosure.Deadline;
import org.accord.disclosure.DeadlineCalendar;
import org.accord.disclosure.Deadlines;
import org.accord.disclosure.EmState;
import org.accord.disclosure.EmbargoProposal;
import org.accord.party.Principal;
import org.accord.store.Cases.ParticipantRow;
import org.accord.store.Cases.ProposalRow;
import org.accord.store.Cases.ProposalState;
import org.accord.store.Database;

/**
 * A member's case deadlines as iCalendar (ADR 0132): the deadlines of one case, or of every case the
 * member sees, as the {@code disclosure} core's {@link Deadlines#of} selects them, written by {@link
 * DeadlineCalendar} with the instance clock's now as every event's stamp. Reads only; each case read
 * is recorded in the case's access log as {@code calendar}. A hidden case answers as a missing one.
 * Thread-safe.
 *
 * <p>New deadline sources (a plan's waves, legal obligations) add to {@link #deadlines(Cases.View,
 * Principal)}; the routes, the command and the calendar writer take whatever list it returns.
 */
public final class CaseCalendars {
  /** The public URL a calendar links to when {@code ACCORD_PUBLIC_URL} is not set (the local command line). */
  public static final URI DEFAULT_PUBLIC_URL = URI.create("http://localhost:8080");

  private final Database database;
  private final Clock clock;
  private final Cases cases;
  private final CaseAccessLog access;
  private final RulePacks rulePacks;

  CaseCalendars(Database database, Clock clock, Cases cases, CaseAccessLog access, RulePacks rulePacks) {
    this.rulePacks = rulePacks;
    this.database = database;
    this.clock = clock;
    this.cases = cases;
    this.access = access;
  }

  /**
   * The deadlines of one case that {@code viewer} sees, in time order.
   *
   * @throws org.accord.NotFoundException for a hidden or missing case (the same message)
   * @throws org.accord.InvalidInputException if {@code id} is not a case id
   */
  public List<Deadline> deadlines(Principal viewer, String id) {
    CaseId caseId = CaseId.parse(id == null ? "" : id.strip());
    return database.jdbi().withHandle(handle -> {
      Cases.View view = cases.load(handle, viewer, caseId);
      access.record(viewer, view.row().pk(), CaseAccessLog.Seen.CALENDAR);
      return deadlines(handle, view, viewer, clock.instant());
    });
  }

  /**
   * The deadlines of every case {@code viewer} sees, in time order. Only cases with embargo terms
   * proposed or in force, or with an adopted disclosure policy, are read beyond their list entry, since
   * a case without has no deadline the viewer may see.
   */
  public List<Deadline> deadlines(Principal viewer) {
    List<Deadline> out = new ArrayList<>();
    String cursor = null;
    do {
      ListPage<Cases.Summary> page = cases.list(viewer, Cases.LIST_MAX, cursor);
      java.util.Set<Long> withPolicy = database.jdbi().withHandle(org.accord.store.CaseTerms::withPolicy);
      List<CaseId> withTerms = page.items().stream()
          .filter(s -> (s.row().em() != EmState.NONE && s.row().em() != EmState.EXITED) || withPolicy.contains(s.row().pk())
              || s.row().owner() == viewer.organization().id() || viewer.isCoordinator())
          .map(s -> s.row().id())
          .toList();
      database.jdbi().useHandle(handle -> {
        for (CaseId id : withTerms) {
          Cases.View view;
          try {
            view = cases.load(handle, viewer, id);
          } catch (NotFoundException e) {
            continue; // hidden since the page was read
          }
          List<Deadline> found = deadlines(handle, view, viewer, clock.instant());
          if (!found.isEmpty()) {
            access.record(viewer, view.row().pk(), CaseAccessLog.Seen.CALENDAR);
            out.addAll(found);
          }
        }
      });
      cursor = page.cursor();
    } while (cursor != null);
    out.sort(Deadline.ORDER);
    return List.copyOf(out);
  }

  /** {@link #deadlines(Principal, String)} as iCalendar text, linking under {@code publicUrl}. */
  public String calendar(Principal viewer, String id, URI publicUrl) {
    List<Deadline> deadlines = deadlines(viewer, id);
    return DeadlineCalendar.write("Accord " + id.strip(), deadlines, clock.instant(), publicUrl);
  }

  /** {@link #deadlines(Principal)} as iCalendar text, linking under {@code publicUrl}. */
  public String calendar(Principal viewer, URI publicUrl) {
    return DeadlineCalendar.write("Accord case deadlines", deadlines(viewer), clock.instant(), publicUrl);
  }

  /**
   * The public URL from {@code ACCORD_PUBLIC_URL}, else {@link #DEFAULT_PUBLIC_URL}.
   *
   * @throws EnvironmentException for a value that is not an absolute http(s) URL
   */
  public static URI publicUrl() {
    String url = System.getenv("ACCORD_PUBLIC_URL");
    if (url == null || url.isBlank()) {
      return DEFAULT_PUBLIC_URL;
    }
    try {
      URI uri = new URI(url.strip());
      if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
        throw new java.net.URISyntaxException(url, "not an absolute http(s) URL");
      }
      return uri;
    } catch (java.net.URISyntaxException e) {
      throw new EnvironmentException("ACCORD_PUBLIC_URL is not an absolute http(s) URL: " + url.strip());
    }
  }

  /**
   * The deadlines of a case {@code viewer} sees, as the core selects them from the case as read, the
   * latest disclosure under the policy it adopted until it is public (ADR 0152), for the case owner and
   * the coordinator (who alone see the plan, ADR 0134) the waves of the adopted notification plan that
   * have not gone out, and the open obligations the viewer may see.
   */
  private List<Deadline> deadlines(org.jdbi.v3.core.Handle handle, Cases.View view, Principal viewer, Instant now) {
    List<Deadline> out = new ArrayList<>(embargo(view, viewer));
    if (!view.row().pxa().publicAware()) { // once public, the policy's deadline is met or moot
      CaseTerms.deadline(handle, view.row(), rulePacks.book())
          .ifPresent(d -> out.add(new Deadline.PolicyDisclosure(view.row().id(), d.policy(), d.at())));
    }
    // the open obligations the viewer may see: its own organization's; every one for the owner and the coordinator (ADR 0138)
    out.addAll(org.accord.app.obligation.Obligations.deadlines(handle, view, viewer, now));
    if (Cases.owns(view, viewer) || viewer.isCoordinator()) {
      org.accord.store.CasePlans.current(handle, view.row().pk(), org.accord.disclosure.plan.PlanState.ADOPTED).ifPresent(plan -> {
        for (org.accord.store.CasePlans.WaveRow w : org.accord.store.CasePlans.waves(handle, plan.id())) {
          if (w.sent().isEmpty()) {
            out.add(new Deadline.PlanWave(view.row().id(), w.kind(), w.due(), w.gate().isPresent()));
          }
        }
      });
    }
    out.sort(Deadline.ORDER);
    return List.copyOf(out);
  }

  /** The embargo's deadlines {@code viewer} sees, as the core selects them from the case as read. */
  private static List<Deadline> embargo(Cases.View view, Principal viewer) {
    List<EmbargoProposal> open = new ArrayList<>();
    for (ProposalRow p : view.proposals()) {
      if (p.state() == ProposalState.OPEN) {
        open.add(new EmbargoProposal(p.organization(), p.terms(), p.proposedAt()));
      }
    }
    Map<Long, Instant> waiting = new TreeMap<>();
    for (ParticipantRow p : view.participants()) {
      Optional<Instant> deadline = CaseDeadlines.deadline(p, view.proposals());
      deadline.ifPresent(at -> waiting.put(p.participant().organization(), at));
    }
    boolean takesPart = Cases.takesPart(view, viewer);
    Deadlines.Audience audience = new Deadlines.Audience(
        takesPart ? OptionalLong.of(viewer.organization().id()) : OptionalLong.empty(), takesPart && Cases.owns(view, viewer));
    return Deadlines.of(view.row().id(), view.row().em(), view.row().terms(), open, waiting, audience);
  }
}
