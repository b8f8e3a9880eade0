package org.accord.web.page;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.accord.InvalidInputException;
import org.accord.app.Cases;
import org.accord.app.ListPage;
import org.accord.disclosure.EmState;
import org.accord.disclosure.ParticipantRole;
import org.accord.web.Parameters;
import org.accord.web.WebServer;

/**
 * {@code GET /cases[?role=&state=&ending=on&awaiting=on&tz=]}: the signed-in member's inbox of cases,
 * the same cases {@code GET /api/v1/cases} lists to it, filtered on the server by the member's role in
 * the case, the embargo state, an embargo ending within {@link #ENDING_SOON}, and a product of the
 * member's organization whose status is not checked yet. An unknown filter value is a 400 naming it.
 */
public final class CaseListPage implements Pages.Module {
  /** How near an embargo's end must be to count as "ending soon". */
  static final Duration ENDING_SOON = Duration.ofDays(7);

  /** One row of the list. */
  public record Row(String id, String title, String tlp, String em, String embargoEnd, String roles, int participants,
      boolean awaiting, boolean endingSoon) {}

  /** The filters as chosen, and the rows they keep. */
  public record Model(List<Row> rows, int total, String role, String state, boolean ending, boolean awaiting,
      List<String> roles, List<String> states, String zone) {}

  @Override
  public void register(JavalinConfig config, WebServer server) {
    server.get(config, "/cases", Parameters.of("role", "state", "ending", "awaiting", "tz"), ctx -> show(server, ctx));
  }

  private static void show(WebServer server, Context ctx) {
    var caller = Pages.signedIn(server, ctx);
    if (caller.isEmpty()) {
      return;
    }
    var principal = caller.get().principal();
    String role = blankToNull(ctx.queryParam("role"));
    if (role != null && ParticipantRole.fromLabel(role).isEmpty()) {
      throw new InvalidInputException("unknown role '" + shorten(role) + "'", "role");
    }
    String state = blankToNull(ctx.queryParam("state"));
    if (state != null && Arrays.stream(EmState.values()).noneMatch(s -> label(s).equals(state))) {
      throw new InvalidInputException("unknown embargo state '" + shorten(state) + "'", "state");
    }
    boolean ending = "on".equals(ctx.queryParam("ending"));
    boolean awaiting = "on".equals(ctx.queryParam("awaiting"));
    ZoneId zone = Zones.of(ctx.queryParam("tz"));
    Cases cases = server.accord().cases();
    ListPage<Cases.Summary> page = cases.list(principal, Cases.LIST_MAX, null);
    Set<String> unchecked = cases.awaitingStatus(principal);
    Instant now = server.accord().clock().instant();
    List<Row> rows = page.items().stream()
        .map(s -> row(s, unchecked.contains(s.row().id().toString()), now, zone))
        .filter(r -> role == null || Arrays.asList(r.roles().split(", ")).contains(role))
        .filter(r -> state == null || r.em().equals(state))
        .filter(r -> !ending || r.endingSoon())
        .filter(r -> !awaiting || r.awaiting())
        .toList();
    List<String> roles = Arrays.stream(ParticipantRole.values()).map(ParticipantRole::label).toList();
    List<String> states = Arrays.stream(EmState.values()).map(CaseListPage::label).toList();
    Pages.render(ctx, HttpStatus.OK, "caselist.jte", new Shell("Cases", Nav.CASES, caller),
        new Model(rows, page.items().size(), role, state, ending, awaiting, roles, states, zone.getId()));
  }

  private static Row row(Cases.Summary summary, boolean awaiting, Instant now, ZoneId zone) {
    var row = summary.row();
    Instant end = row.terms().map(t -> t.end()).orElse(null);
    boolean inForce = row.em().inForce();
    boolean soon = end != null && inForce && !end.isBefore(now) && Duration.between(now, end).compareTo(ENDING_SOON) <= 0;
    return new Row(row.id().toString(), row.title(), row.tlp().label(), label(row.em()),
        end == null ? null : Zones.format(end, zone), String.join(", ", summary.roles().stream().map(ParticipantRole::label).sorted().toList()),
        summary.participants(), awaiting, soon);
  }

  static String label(EmState state) {
    return state.name().toLowerCase(Locale.ROOT);
  }

  static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  static String shorten(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "..." : text;
  }
}
