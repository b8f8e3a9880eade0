package org.accord.web.page;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.accord.NotFoundException;
import org.accord.app.CaseMessages;
import org.accord.app.Cases;
import org.accord.disclosure.EmEvent;
import org.accord.disclosure.EmState;
import org.accord.disclosure.EmbargoManagement;
import org.accord.disclosure.ParticipantRole;
import org.accord.party.Principal;
import org.accord.web.Parameters;
import org.accord.web.WebServer;

/**
 * {@code GET /cases/{id}[?tz=ZONE]}: one case as its viewer sees it: the embargo counting down in the
 * viewer's zone (named), the participants with their consent and vendor (VFD) states, the status matrix
 * (participant × product, "not checked" apart from "not affected"), the timeline of case events, and the
 * message threads with their unread messages marked. Everything comes from the {@code app} services
 * the API answers from, called with the viewer's principal, so a case the viewer may not see is the
 * same 404 page as a missing one, and an item the API hides is not on the page.
 *
 * <p>The actions offered (propose, accept or reject an embargo, acknowledge, invite, from the
 * suggestions or by name, set a status, post a message) are those the API would let this viewer take in the case's current state ({@link Actions});
 * each posts to the API from {@code /static/pages.js}, which shows the API's refusal when it refuses.
 */
public final class CasePage implements Pages.Module {
  /** The most messages shown per thread. */
  static final int THREAD_PAGE = 50;

  @Override
  public void register(JavalinConfig config, WebServer server) {
    server.get(config, "/cases/{id}", Parameters.of("tz"), ctx -> show(server, ctx));
  }

  /** The embargo in force or proposed, in the viewer's zone. */
  public record Embargo(String end, String now, String endLocal, String endUtc, String zone, String remaining, String justification, String proposedBy) {}

  /** A proposal still open or decided. */
  public record Proposal(String organization, String endLocal, String state, String rsvpLocal) {}

  /** A participant and its states; {@code you} marks the viewer's own organization. */
  public record Participant(String organization, String roles, String consent, String vfd, String notified, String viewed,
      String acknowledged, boolean you) {}

  /** One case event. */
  public record Event(int seq, String type, String at, String actor) {}

  /** A status cell: {@code kind} is {@code none} (no row), {@code not-checked}, or the VEX status label. */
  public record Cell(String kind, String text) {}

  /** A participant's row of the status matrix, one cell per product column. */
  public record MatrixRow(String organization, List<Cell> cells) {}

  /** The status matrix: products as columns, participants with a status as rows. */
  public record Matrix(List<String> products, List<MatrixRow> rows) {}

  /** One message; {@code unread} for the viewer. */
  public record Message(String id, String author, String posted, String body, boolean unread, List<String> attachments) {}

  /** A thread with its first page of messages; {@code more} when the page does not reach the end. */
  public record MessageThread(String id, String subject, int unread, List<Message> messages, boolean more) {}

  /**
   * What the viewer may do now, as the API decides it: a participant proposes and sets its own status;
   * open proposals are answered by participants and the coordinator; the case owner and the
   * coordinator invite; anyone who sees the case posts.
   */
  public record Actions(boolean propose, boolean answer, boolean acknowledge, boolean setStatus, boolean post,
      boolean invite, List<String> ownProducts) {}

  /** A vulnerability of the case the viewer may see: its alias, TLP, and affected packages with their ranges. */
  public record Vulnerability(String alias, String tlp, List<String> affected) {}

  /** A participant suggested from the exposure (ADR 0105), for those who may invite. */
  public record Suggestion(String organization, String kind, String roles, String reason, boolean participant) {}

  /** Everything the case page shows. */
  public record Model(String id, String title, String tlp, String owner, String em, String pxa, Embargo embargo,
      List<Proposal> proposals, List<Participant> participants, List<Event> timeline, Matrix matrix, List<MessageThread> threads,
      List<Vulnerability> vulnerabilities, Actions actions, List<Suggestion> suggestions, String zone, String alert, boolean canWrite) {}

  /** The not-found page's model: the id asked for, as given. */
  public record Missing(String id) {}

  private static void show(WebServer server, Context ctx) {
    var caller = Pages.signedIn(server, ctx);
    if (caller.isEmpty()) {
      return;
    }
    Principal principal = caller.get().principal();
    String id = ctx.pathParam("id");
    ZoneId zone = Zones.of(ctx.queryParam("tz"));
    Shell shell = new Shell("Case " + id, Nav.CASES, caller);
    Cases cases = server.accord().cases();
    Cases.View view;
    try {
      view = cases.show(principal, id);
    } catch (NotFoundException | org.accord.InvalidInputException e) {
      // hidden, missing and malformed ids: one page, the same bytes but for the id asked for
      Pages.render(ctx, HttpStatus.NOT_FOUND, "casemissing.jte", shell, new Missing(id));
      return;
    }
    Map<String, Object> described = Cases.describe(view, zone);
    Model model = model(server, principal, view, described, zone, caller.get().session().isPresent());
    shell = new Shell("Case " + model.id() + ": " + model.title(), Nav.CASES, caller);
    Pages.render(ctx, HttpStatus.OK, "casepage.jte", shell, model);
  }

  @SuppressWarnings("unchecked")
  private static Model model(WebServer server, Principal principal, Cases.View view, Map<String, Object> described, ZoneId zone,
      boolean session) {
    String id = view.row().id().toString();
    Cases cases = server.accord().cases();
    CaseMessages messages = server.accord().messages();

    Embargo embargo = null;
    if (view.row().terms().isPresent()) {
      Map<String, Object> e = (Map<String, Object>) described.get("embargo");
      Instant end = view.row().terms().get().end();
      embargo = new Embargo(end.toString(), server.accord().clock().instant().toString(), Zones.format(end, zone), Zones.format(end, ZoneId.of("UTC")), zone.getId(),
          Zones.remaining(server.accord().clock().instant(), end), (String) e.get("justification"), (String) e.get("proposed_by"));
    }
    List<Proposal> proposals = new ArrayList<>();
    for (Map<String, Object> p : (List<Map<String, Object>>) described.get("proposals")) {
      proposals.add(new Proposal((String) p.get("organization"), Zones.format(Instant.parse((String) p.get("end")), zone),
          (String) p.get("state"), Zones.format(Instant.parse((String) p.get("rsvp_deadline")), zone)));
    }
    String own = principal.organization().name();
    List<Participant> participants = new ArrayList<>();
    for (Map<String, Object> p : (List<Map<String, Object>>) described.get("participants")) {
      participants.add(new Participant((String) p.get("organization"), String.join(", ", (List<String>) p.get("roles")),
          (String) p.get("consent"), Objects.requireNonNullElse((String) p.get("vfd"), "—"), when(p.get("notified"), zone),
          when(p.get("viewed"), zone), when(p.get("acknowledged"), zone), own.equals(p.get("organization"))));
    }
    List<Event> timeline = new ArrayList<>();
    for (Map<String, Object> e : cases.events(principal, id)) {
      Map<String, Object> actor = (Map<String, Object>) e.get("actor");
      String who = actor.get("member") == null ? String.valueOf(actor.get("organization"))
          : actor.get("organization") + " (" + actor.get("member") + ")";
      timeline.add(new Event((Integer) e.get("seq"), (String) e.get("type"), when(e.get("at"), zone), who));
    }
    List<Map<String, Object>> statuses = cases.statuses(principal, id);
    Matrix matrix = matrix(statuses);
    List<MessageThread> threads = new ArrayList<>();
    for (Map<String, Object> t : messages.threads(principal, id)) {
      String thread = (String) t.get("id");
      int unread = (Integer) t.get("unread");
      Map<String, Object> page = messages.page(principal, id, thread, THREAD_PAGE, null);
      List<Map<String, Object>> shown = (List<Map<String, Object>>) page.get("messages");
      boolean more = page.get("cursor") != null;
      List<Message> list = new ArrayList<>();
      for (int i = 0; i < shown.size(); i++) {
        Map<String, Object> m = shown.get(i);
        Map<String, Object> author = (Map<String, Object>) m.get("author");
        List<String> files = new ArrayList<>();
        if (m.get("attachments") instanceof List<?> attachments) {
          for (Object a : attachments) {
            files.add(String.valueOf(((Map<String, Object>) a).get("name")));
          }
        }
        // the unread messages are the thread's newest: the last {@code unread} of it
        boolean isUnread = !more && i >= shown.size() - unread;
        list.add(new Message((String) m.get("id"), author.get("organization") + (author.get("member") == null ? "" : " (" + author.get("member") + ")"),
            when(m.get("posted"), zone), (String) m.get("body"), isUnread, files));
      }
      threads.add(new MessageThread(thread, subject(t), unread, list, more));
    }
    Actions actions = actions(view, principal, statuses);
    List<Suggestion> suggestions = new ArrayList<>();
    List<Vulnerability> vulnerabilities = new ArrayList<>();
    for (Map<String, Object> v : cases.vulnerabilities(principal, id)) {
      List<String> affected = new ArrayList<>();
      for (Map<String, Object> a : (List<Map<String, Object>>) v.get("affected")) {
        affected.add(a.get("purl") + " " + a.get("range"));
      }
      vulnerabilities.add(new Vulnerability(v.get("alias") == null ? "(no alias)" : (String) v.get("alias"), (String) v.get("tlp"), affected));
    }
    // suggestions come from the affected packages; without any the API refuses to suggest (400)
    if (actions.invite() && !vulnerabilities.isEmpty()) {
      Map<String, Object> suggested = cases.suggest(principal, id, server.accord().suggestions());
      for (Map<String, Object> one : (List<Map<String, Object>>) suggested.get("suggestions")) {
        suggestions.add(new Suggestion((String) one.get("organization"), (String) one.get("org_kind"),
            String.join(",", (List<String>) one.get("roles")), String.valueOf(one.get("reason")), Boolean.TRUE.equals(one.get("participant"))));
      }
    }
    return new Model(id, view.row().title(), view.row().tlp().label(), (String) described.get("owner"), CaseListPage.label(view.row().em()),
        view.row().pxa().code(), embargo, proposals, participants, timeline, matrix, threads, vulnerabilities, actions, suggestions, zone.getId(),
        (String) described.get("alert"), session);
  }

  private static String subject(Map<String, Object> thread) {
    Object kind = thread.get("kind");
    if (thread.get("product") != null) {
      return "Product " + thread.get("product");
    }
    if (thread.get("vendor") != null) {
      return "Vendor " + thread.get("vendor");
    }
    return "general".equals(kind) ? "General" : String.valueOf(kind);
  }

  /** Participants × products; a missing row is {@code none}, a row without a VEX answer {@code not-checked}. */
  static Matrix matrix(List<Map<String, Object>> statuses) {
    TreeSet<String> products = new TreeSet<>();
    Map<String, Map<String, Map<String, Object>>> byOrganization = new LinkedHashMap<>();
    for (Map<String, Object> s : statuses) {
      products.add((String) s.get("product"));
      byOrganization.computeIfAbsent((String) s.get("organization"), o -> new LinkedHashMap<>()).put((String) s.get("product"), s);
    }
    List<MatrixRow> rows = new ArrayList<>();
    byOrganization.forEach((organization, row) -> {
      List<Cell> cells = new ArrayList<>();
      for (String product : products) {
        Map<String, Object> s = row.get(product);
        if (s == null) {
          cells.add(new Cell("none", "—"));
        } else if (!Boolean.TRUE.equals(s.get("checked"))) {
          cells.add(new Cell("not-checked", "not checked"));
        } else {
          String vex = (String) s.get("vexStatus");
          String why = (String) s.get("justification");
          cells.add(new Cell(vex, vex.replace('_', ' ') + (why == null ? "" : " (" + why.replace('_', ' ') + ")")));
        }
      }
      rows.add(new MatrixRow(organization, cells));
    });
    return new Matrix(List.copyOf(products), rows);
  }

  /**
   * The actions the API would accept from {@code principal} now. The API stays the judge: a page that
   * is out of date gets the API's refusal, which the page shows.
   */
  static Actions actions(Cases.View view, Principal principal, List<Map<String, Object>> statuses) {
    Optional<org.accord.store.Cases.ParticipantRow> own = view.participants().stream()
        .filter(p -> p.participant().organization() == principal.organization().id()).findFirst();
    EmState em = view.row().em();
    var allowed = EmbargoManagement.allowed(em);
    boolean participant = own.isPresent();
    boolean propose = participant && (allowed.contains(EmEvent.PROPOSE) || allowed.contains(EmEvent.PROPOSE_REVISION));
    boolean answer = (participant || principal.isCoordinator()) && (em == EmState.PROPOSED || em == EmState.REVISE);
    boolean acknowledge = participant && own.get().acknowledged().isEmpty();
    List<String> ownProducts = statuses.stream().filter(s -> principal.organization().name().equals(s.get("organization")))
        .map(s -> (String) s.get("product")).distinct().sorted().toList();
    boolean owner = own.map(p -> p.participant().has(ParticipantRole.CASE_OWNER)).orElse(false);
    return new Actions(propose, answer, acknowledge, participant, true, owner || principal.isCoordinator(), ownProducts);
  }

  private static String when(Object iso, ZoneId zone) {
    return iso == null ? "—" : Zones.format(Instant.parse((String) iso), zone);
  }
}
