package org.accord.web.page;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.accord.ForbiddenException;
import org.accord.InvalidInputException;
import org.accord.NotFoundException;
import org.accord.party.Principal;
import org.accord.web.Parameters;
import org.accord.web.WebServer;

/**
 * {@code GET /cases/{id}/plan[?tz=ZONE]}: the case's notification plan for those the API shows it to
 * (the case owner and the coordinator, {@code GET /api/v1/cases/{id}/plan}): the adopted plan, else the
 * draft, its waves on a time axis drawn on the server as SVG (no script, nothing from elsewhere), each
 * wave's recipients with the reasons they are in it, the conflicts with their alternatives, the
 * obligations with their deadlines and met or missed state ({@code app.obligation.Obligations}), the
 * case's disclosure policy and its deadline ({@code app.CaseTerms}), and a link to the case's
 * iCalendar export. It calls the same services with the viewer's principal: a hidden or missing case is
 * the missing case's 404 page, and a participant that may not plan gets the API's 403 reason.
 */
public final class PlanPage implements Pages.Module {
  /** The drawing's width and height in SVG units; CSS scales it to the column. */
  static final int WIDTH = 720;
  static final int HEIGHT = 120;

  @Override
  public void register(JavalinConfig config, WebServer server) {
    server.get(config, "/cases/{id}/plan", Parameters.of("tz"), ctx -> show(server, ctx));
  }

  /** A recipient and why it is in its wave. */
  public record Recipient(String organization, String kind, String country, boolean participant, List<String> reasons) {}

  /** A conflict with the alternatives that survive it. */
  public record Conflict(int index, String kind, String text, List<String> alternatives) {}

  /** A wave: when it is due (in the viewer's zone), its gate and channel, and whether it went out. */
  public record Wave(int number, String kind, String due, String gate, String channel, String tlp, String sent, List<Recipient> recipients,
      List<Conflict> conflicts) {}

  /** An obligation with its deadline and state ({@code pending}, {@code met}, {@code missed}, ...). */
  public record Obligation(String organization, String citation, String stage, String due, String state, String text) {}

  /** A mark on the time axis: its x in SVG units, its label, and its class ({@code wave}, {@code now}, {@code deadline}, {@code embargo}). */
  public record Mark(int x, String label, String kind, String when) {}

  /** The time axis: the marks and the first and last times it spans. */
  public record Axis(List<Mark> marks, String from, String to) {
    public int width() {
      return WIDTH;
    }

    public int height() {
      return HEIGHT;
    }
  }

  /** Everything the plan page shows; {@code plan} is null when the case has no plan yet. */
  public record Model(String id, String title, String state, String strategy, String computedBy, String computedAt, List<Wave> waves,
      List<Conflict> conflicts, List<Obligation> obligations, String policy, String policyDeadline, String policyReason,
      String embargoEnd, Axis axis, String calendar, String zone) {}

  /** The refusal page's model: the API's reason. */
  public record Refused(String id, String reason) {}

  @SuppressWarnings("unchecked")
  private static void show(WebServer server, Context ctx) {
    var caller = Pages.signedIn(server, ctx);
    if (caller.isEmpty()) {
      return;
    }
    Principal principal = caller.get().principal();
    String id = ctx.pathParam("id");
    ZoneId zone = Zones.of(ctx.queryParam("tz"));
    var accord = server.accord();
    Map<String, Object> plans;
    Map<String, Object> terms;
    Map<String, Object> obligations;
    String title;
    try {
      plans = accord.plans().show(principal, id);
      title = accord.cases().show(principal, id).row().title();
      terms = accord.caseTerms().show(principal, id);
      obligations = accord.obligations().list(principal, id);
    } catch (NotFoundException | InvalidInputException e) {
      Pages.render(ctx, HttpStatus.NOT_FOUND, "casemissing.jte", new Shell("Case " + id, Nav.CASES, caller), new CasePage.Missing(id));
      return;
    } catch (ForbiddenException e) {
      Pages.render(ctx, HttpStatus.FORBIDDEN, "planrefused.jte", new Shell("Plan of case " + id, Nav.CASES, caller),
          new Refused(id, e.getMessage()));
      return;
    }
    Map<String, Object> plan = (Map<String, Object>) (plans.get("adopted") != null ? plans.get("adopted") : plans.get("draft"));
    Instant now = accord.clock().instant();
    List<Wave> waves = new ArrayList<>();
    List<Conflict> conflicts = new ArrayList<>();
    String state = null;
    String strategy = null;
    String computedBy = null;
    String computedAt = null;
    List<Instant[]> times = new ArrayList<>();
    if (plan != null) {
      state = (String) plan.get("state");
      strategy = (String) plan.get("strategy");
      computedBy = (String) plan.get("computed_by");
      computedAt = Zones.format(Instant.parse((String) plan.get("computed_at")), zone);
      for (Map<String, Object> w : maps(plan.get("waves"))) {
        List<Recipient> recipients = new ArrayList<>();
        for (Map<String, Object> r : maps(w.get("recipients"))) {
          recipients.add(new Recipient((String) r.get("organization"), (String) r.get("kind"), (String) r.get("country"),
              Boolean.TRUE.equals(r.get("participant")), maps(r.get("reasons")).stream().map(PlanPage::reason).toList()));
        }
        List<Conflict> waveConflicts = maps(w.get("conflicts")).stream()
            .map(c -> new Conflict(((Number) c.get("index")).intValue(), (String) c.get("kind"), (String) c.get("text"), List.of())).toList();
        Instant due = Instant.parse((String) w.get("due"));
        String sent = w.get("sent_at") == null ? null : Zones.format(Instant.parse((String) w.get("sent_at")), zone);
        waves.add(new Wave(((Number) w.get("number")).intValue(), (String) w.get("kind"), Zones.format(due, zone), (String) w.get("gate"),
            (String) w.get("channel"), (String) w.get("tlp"), sent, recipients, waveConflicts));
      }
      for (Map<String, Object> c : maps(plan.get("conflicts"))) {
        conflicts.add(new Conflict(((Number) c.get("index")).intValue(), (String) c.get("kind"), (String) c.get("text"),
            maps(c.get("alternatives")).stream().map(a -> (String) a.get("text")).toList()));
      }
    }
    List<Obligation> shownObligations = new ArrayList<>();
    for (Map<String, Object> o : maps(obligations.get("obligations"))) {
      shownObligations.add(new Obligation((String) o.get("organization"), (String) o.get("citation"), (String) o.get("stage"),
          o.get("due") == null ? "—" : Zones.format(Instant.parse((String) o.get("due")), zone), (String) o.get("state"), (String) o.get("text")));
    }
    Map<String, Object> policy = (Map<String, Object>) terms.get("policy");
    String deadline = policy == null ? null : (String) policy.get("deadline");
    String embargoEnd = (String) terms.get("embargo_end");
    Axis axis = axis(plan == null ? List.of() : maps(plan.get("waves")), now, deadline, embargoEnd, zone);
    Model model = new Model(id, title, state, strategy, computedBy, computedAt, waves, conflicts, shownObligations,
        policy == null ? null : Objects.toString(policy.get("title"), (String) policy.get("id")),
        deadline == null ? null : Zones.format(Instant.parse(deadline), zone), policy == null ? null : (String) policy.get("reason"),
        embargoEnd == null ? null : Zones.format(Instant.parse(embargoEnd), zone), axis,
        "/api/v1/cases/" + id + "/calendar.ics", zone.getId());
    Pages.render(ctx, HttpStatus.OK, "planpage.jte", new Shell("Plan of case " + id + ": " + title, Nav.CASES, caller), model);
  }

  /** The marks on the time axis: now, each wave, the policy deadline and the embargo's end, placed linearly. */
  static Axis axis(List<Map<String, Object>> waves, Instant now, String deadline, String embargoEnd, ZoneId zone) {
    record Point(Instant at, String label, String kind) {}
    List<Point> points = new ArrayList<>();
    points.add(new Point(now, "now", "now"));
    for (Map<String, Object> w : waves) {
      points.add(new Point(Instant.parse((String) w.get("due")), "wave " + w.get("number"), "wave"));
    }
    if (deadline != null) {
      points.add(new Point(Instant.parse(deadline), "policy deadline", "deadline"));
    }
    if (embargoEnd != null) {
      points.add(new Point(Instant.parse(embargoEnd), "embargo ends", "embargo"));
    }
    Instant first = points.stream().map(Point::at).min(Instant::compareTo).orElseThrow();
    Instant last = points.stream().map(Point::at).max(Instant::compareTo).orElseThrow();
    long span = Math.max(1, last.toEpochMilli() - first.toEpochMilli());
    int margin = 40;
    List<Mark> marks = points.stream()
        .sorted((a, b) -> a.at().compareTo(b.at()))
        .map(p -> new Mark(margin + (int) ((WIDTH - 2L * margin) * (p.at().toEpochMilli() - first.toEpochMilli()) / span), p.label(), p.kind(),
            Zones.format(p.at(), zone)))
        .toList();
    return new Axis(marks, Zones.format(first, zone), Zones.format(last, zone));
  }

  /** One reason as a sentence: why the recipient is in the plan. */
  static String reason(Map<String, Object> r) {
    String kind = (String) r.get("kind");
    return switch (kind) {
      case "maintains" -> "maintains " + String.join(", ", strings(r.get("packages")));
      case "coordinates" -> "coordinates the case";
      case "ships" -> "ships " + r.get("product") + (Boolean.TRUE.equals(r.get("direct")) ? " (direct dependency)" : " (through " + r.get("path") + ")");
      case "runs" -> "runs " + maps(r.get("deployments")).size() + " deployment group(s)" + (Boolean.TRUE.equals(r.get("essential")) ? ", essential" : "");
      default -> kind.toLowerCase(Locale.ROOT);
    };
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> maps(Object list) {
    return list == null ? List.of() : (List<Map<String, Object>>) list;
  }

  private static List<String> strings(Object list) {
    return list == null ? List.of() : ((List<?>) list).stream().map(String::valueOf).toList();
  }
}
