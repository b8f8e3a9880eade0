package org.accord.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.accord.app.CaseTerms;
import org.accord.app.Cases;
import org.accord.app.ListPage;

/**
 * Disclosure cases (ADR 0104), for participants only: a case the caller does not take part in answers
 * 404 exactly as a missing one. An illegal transition of a case's machines is a 409 with the reason.
 *
 * <ul>
 *   <li>{@code POST /api/v1/cases} {@code {"title", "tlp"?, "roles"?}}: opens a case owned by the
 *       caller's organization; 201.
 *   <li>{@code GET /api/v1/cases?limit&cursor}: the caller's cases, a page of summaries (ADR 0111).
 *   <li>{@code GET /api/v1/cases/{id}}: one case with its participants and proposals.
 *   <li>{@code POST /api/v1/cases/{id}/participants} {@code {"organization", "roles", "member"?}}: the
 *       case owner or the coordinator invites; 201.
 *   <li>{@code POST /api/v1/cases/{id}/embargo} {@code {"end", "justification"?}}: proposes terms.
 *   <li>{@code POST /api/v1/cases/{id}/embargo/accept|reject|terminate}: answers and ends the embargo.
 *   <li>{@code POST /api/v1/cases/{id}/transitions} {@code {"event", "vendor"?}}: a VFDPXA event.
 *   <li>{@code GET /api/v1/cases/{id}/events}: the case's history.
 *   <li>{@code GET /api/v1/cases/{id}/alerts}: the embargo alerts addressed to the caller's organization.
 *   <li>{@code POST|GET /api/v1/cases/{id}/vulnerabilities} {@code {"alias"?, "affected": ["PURL RANGE"],
 *       "cvss"?, "tlp"?}}: the owner or coordinator adds (201); participants list (ADR 0107).
 *   <li>{@code GET /api/v1/cases/{id}/suggestions}: participants suggested from the affected packages.
 *   <li>{@code POST /api/v1/cases/{id}/plan} {@code {"strategy"?}}: computes and stores the draft
 *       notification plan (201, with the diff against the adopted one); {@code GET} shows draft and
 *       adopted; {@code POST .../plan/adopt} {@code {"draft": N}} adopts that draft (ADR 0134); {@code POST
 *       .../plan/conflicts/{cid}/acknowledge} acknowledges conflict {@code cid} of the adopted plan (ADR 0139).
 *   <li>{@code POST|GET /api/v1/cases/{id}/statuses} {@code {"organization"?, "product", "status"?,
 *       "justification"?, "involvement"?, "tlp"?}}: status per participant and product.
 *   <li>{@code POST /api/v1/cases/{id}/acknowledge}: the caller's participant acknowledges the case.
 *   <li>{@code GET /api/v1/cases/{id}/access-log}: who viewed what; the case owner and coordinator (ADR 0113).
 *   <li>{@code GET /api/v1/cases/{id}/terms}: the disclosure policy the case adopted with its deadline,
 *       and the facts it declared; {@code POST} {@code {"policy"?, "network_product"?,
 *       "significant_incident"?}} declares them, a member absent keeping its value and {@code null}
 *       clearing it (owner or coordinator; ADR 0152).
 *   <li>{@code GET /api/v1/cases/{id}/calendar.ics}: the case's deadlines the caller sees, as iCalendar
 *       ({@code text/calendar}, RFC 5545; ADR 0132).
 *   <li>{@code GET /api/v1/calendar.ics}: the deadlines of every case the caller sees, as iCalendar.
 * </ul>
 *
 * <p>The case, a vulnerability and a status take {@code "recipients": [EMAIL]} when labelled TLP:RED
 * (ADR 0112).
 */
final class CaseRoutes implements WebServer.RouteModule {
  private static final String CASES = WebServer.API + "/cases";
  private static final Parameters LIST_PARAMETERS = Parameters.of("limit", "cursor");
  /** The default page of the case list (ADR 0111). */
  static final int DEFAULT_LIMIT = 50;

  @Override
  public void register(JavalinConfig config, WebServer server) {
    server.post(config, CASES, Parameters.NONE, ctx -> create(server, ctx));
    server.get(config, CASES, LIST_PARAMETERS, ctx -> list(server, ctx));
    server.get(config, CASES + "/{id}", Parameters.of("tz"), ctx -> show(server, ctx));
    server.post(config, CASES + "/{id}/participants", Parameters.NONE, ctx -> invite(server, ctx));
    server.post(config, CASES + "/{id}/embargo", Parameters.NONE, ctx -> propose(server, ctx));
    server.post(config, CASES + "/{id}/embargo/accept", Parameters.NONE, ctx -> answer(server, ctx, "accept"));
    server.post(config, CASES + "/{id}/embargo/reject", Parameters.NONE, ctx -> answer(server, ctx, "reject"));
    server.post(config, CASES + "/{id}/embargo/terminate", Parameters.NONE, ctx -> answer(server, ctx, "terminate"));
    server.post(config, CASES + "/{id}/transitions", Parameters.NONE, ctx -> transition(server, ctx));
    server.get(config, CASES + "/{id}/events", Parameters.NONE, ctx -> events(server, ctx));
    server.get(config, CASES + "/{id}/alerts", Parameters.NONE,
        ctx -> ctx.json(items(ctx, "alerts", cases(server).alerts(WebServer.principal(ctx), ctx.pathParam("id")))));
    server.post(config, CASES + "/{id}/vulnerabilities", Parameters.NONE, ctx -> addVulnerability(server, ctx));
    server.get(config, CASES + "/{id}/vulnerabilities", Parameters.NONE, ctx -> vulnerabilities(server, ctx));
    server.get(config, CASES + "/{id}/suggestions", Parameters.NONE, ctx -> suggestions(server, ctx));
    server.post(config, CASES + "/{id}/plan", Parameters.NONE, ctx -> plan(server, ctx));
    server.get(config, CASES + "/{id}/plan", Parameters.NONE,
        ctx -> ctx.json(server.accord().plans().show(WebServer.principal(ctx), ctx.pathParam("id"))));
    server.post(config, CASES + "/{id}/plan/adopt", Parameters.NONE, ctx -> adopt(server, ctx));
    server.get(config, CASES + "/{id}/terms", Parameters.NONE,
        ctx -> ctx.json(server.accord().caseTerms().show(WebServer.principal(ctx), ctx.pathParam("id"))));
    server.post(config, CASES + "/{id}/terms", Parameters.NONE, ctx -> terms(server, ctx));
    server.post(config, CASES + "/{id}/plan/conflicts/{cid}/acknowledge", Parameters.NONE, ctx -> acknowledgeConflict(server, ctx));
    server.post(config, CASES + "/{id}/statuses", Parameters.NONE, ctx -> setStatus(server, ctx));
    server.get(config, CASES + "/{id}/statuses", Parameters.NONE, ctx -> statuses(server, ctx));
    server.post(config, CASES + "/{id}/acknowledge", Parameters.NONE, ctx -> acknowledge(server, ctx));
    server.get(config, CASES + "/{id}/access-log", Parameters.NONE, ctx -> accessLog(server, ctx));
    server.get(config, CASES + "/{id}/calendar.ics", Parameters.NONE, ctx -> calendar(ctx,
        server.accord().calendars().calendar(WebServer.principal(ctx), ctx.pathParam("id"), publicUrl(server, ctx))));
    server.get(config, WebServer.API + "/calendar.ics", Parameters.NONE, ctx -> calendar(ctx,
        server.accord().calendars().calendar(WebServer.principal(ctx), publicUrl(server, ctx))));
  }

  /** The instance's public URL for a calendar's links and UIDs: {@code ACCORD_PUBLIC_URL}'s origin, else the request's. */
  private static java.net.URI publicUrl(WebServer server, Context ctx) {
    return java.net.URI.create(PageRoutes.ownOrigin(server, ctx));
  }

  /**
   * An iCalendar answer, never stored by a cache: it is one member's, with embargo dates, and a
   * calendar app fetching it again gets the deadlines as they are then.
   */
  private static void calendar(Context ctx, String text) {
    ctx.header("Cache-Control", "no-store");
    ctx.contentType(org.accord.disclosure.DeadlineCalendar.MEDIA_TYPE).result(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static Cases cases(WebServer server) {
    return server.accord().cases();
  }

  private static void create(WebServer server, Context ctx) throws IOException {
    JsonNode body = JsonBody.object(server, ctx, Set.of("title", "tlp", "roles", "recipients"));
    Cases.View view = cases(server).create(WebServer.principal(ctx), JsonBody.required(body, "title"), JsonBody.text(body, "tlp"),
        JsonBody.texts(body, "roles"), JsonBody.texts(body, "recipients"));
    ctx.status(HttpStatus.CREATED).json(Cases.describe(view));
  }

  /** The caller's cases, a page of summaries at a time ({@code limit}, {@code cursor}, {@code total}; ADR 0111). */
  private void list(WebServer server, Context ctx) throws IOException {
    var principal = WebServer.principal(ctx);
    int limit = ListPage.parseLimit(ctx.queryParam("limit"), DEFAULT_LIMIT, Cases.LIST_MAX);
    String cursor = ctx.queryParam("cursor");
    ListPage<Cases.Summary> page = cases(server).list(principal, limit, cursor);
    // The service returns the same page object while no case changed: its JSON is kept beside it.
    String key = principal.organization().id() + ":" + (principal.member() == null ? "" : principal.member().id()) + ":"
        + principal.isCoordinator() + ":" + limit + ":" + cursor;
    Rendered kept = rendered(listed, key, page, () -> {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("cases", page.items().stream().map(Cases::describe).toList());
      body.put("total", page.total());
      body.put("limit", page.limit());
      body.put("cursor", page.cursor());
      return body;
    }, server);
    send(ctx, kept.json());
  }

  /**
   * Sends kept JSON bytes straight to the response stream (through Javalin's compression): {@code
   * ctx.result(bytes)} would copy them through a new 32 KiB buffer per answer, which was 40% of what
   * the served case list allocated (ADR 0111, addendum 2).
   */
  private static void send(Context ctx, byte[] json) throws IOException {
    ctx.contentType("application/json");
    ctx.outputStream().write(json);
  }

  /** The JSON of {@code answer} kept under {@code key}, rendered again unless it is of this very answer object. */
  private static <K> Rendered rendered(java.util.concurrent.ConcurrentMap<K, Rendered> map, K key, Object answer,
      java.util.function.Supplier<Object> body, WebServer server) throws IOException {
    Rendered kept = map.get(key);
    if (kept == null || kept.answer() != answer) {
      kept = new Rendered(answer, server.json().writeValueAsBytes(body.get()));
      if (map.size() >= RENDERED) {
        map.clear();
      }
      map.put(key, kept);
    }
    return kept;
  }

  /**
   * One case. The service hands out the same {@link Cases.View} while the case's revision stays (ADR
   * 0111); its JSON is kept beside it, so a reader of an unchanged case costs no serialization (half a
   * megabyte of work at 500 participants). The JSON is the same for every viewer who may see the case;
   * with {@code tz} (the embargo's end in the viewer's zone) it is rendered for that request.
   */
  private void show(WebServer server, Context ctx) throws IOException {
    Cases.View view = cases(server).show(WebServer.principal(ctx), ctx.pathParam("id"));
    String tz = ctx.queryParam("tz");
    if (tz != null) {
      ctx.json(Cases.describe(view, Cases.zone(tz, "tz")));
      return;
    }
    send(ctx, rendered(shown, view.row().pk(), view, () -> Cases.describe(view), server).json());
  }

  /** An answer object and its JSON; valid only for that very object. */
  private record Rendered(Object answer, byte[] json) {}

  /** The answers whose JSON is kept, at most, per map; beyond, the map starts over. */
  private static final int RENDERED = 256;

  private final java.util.concurrent.ConcurrentMap<Long, Rendered> shown = new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.concurrent.ConcurrentMap<String, Rendered> listed = new java.util.concurrent.ConcurrentHashMap<>();

  private static void invite(WebServer server, Context ctx) throws IOException {
    JsonNode body = JsonBody.object(server, ctx, Set.of("organization", "roles", "member"));
    Cases.View view = cases(server).invite(WebServer.principal(ctx), ctx.pathParam("id"), JsonBody.required(body, "organization"),
        JsonBody.texts(body, "roles"), JsonBody.text(body, "member"));
    ctx.status(HttpStatus.CREATED).json(Cases.describe(view));
  }

  private static void propose(WebServer server, Context ctx) throws IOException {
    JsonNode body = JsonBody.object(server, ctx, Set.of("end", "justification"));
    ctx.json(Cases.describe(cases(server).propose(WebServer.principal(ctx), ctx.pathParam("id"), JsonBody.required(body, "end"),
        JsonBody.text(body, "justification"))));
  }

  private static void answer(WebServer server, Context ctx, String what) throws IOException {
    JsonBody.object(server, ctx, Set.of());
    var principal = WebServer.principal(ctx);
    String id = ctx.pathParam("id");
    Cases.View view = switch (what) {
      case "accept" -> cases(server).accept(principal, id);
      case "reject" -> cases(server).reject(principal, id);
      default -> cases(server).terminate(principal, id);
    };
    ctx.json(Cases.describe(view));
  }

  private static void transition(WebServer server, Context ctx) throws IOException {
    JsonNode body = JsonBody.object(server, ctx, Set.of("event", "vendor"));
    ctx.json(Cases.describe(cases(server).transition(WebServer.principal(ctx), ctx.pathParam("id"), JsonBody.required(body, "event"),
        JsonBody.text(body, "vendor"))));
  }

  private static void events(WebServer server, Context ctx) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("case", ctx.pathParam("id"));
    answer.put("events", cases(server).events(WebServer.principal(ctx), ctx.pathParam("id")));
    ctx.json(answer);
  }

  private static Map<String, Object> items(Context ctx, String key, Object items) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("case", ctx.pathParam("id"));
    answer.put(key, items);
    return answer;
  }

  private static void addVulnerability(WebServer server, Context ctx) throws IOException {
    JsonNode body = JsonBody.object(server, ctx, Set.of("alias", "affected", "cvss", "tlp", "recipients"));
    var list = cases(server).addVulnerability(WebServer.principal(ctx), ctx.pathParam("id"), JsonBody.text(body, "alias"),
        JsonBody.texts(body, "affected"), JsonBody.text(body, "cvss"), JsonBody.text(body, "tlp"), JsonBody.texts(body, "recipients"));
    ctx.status(HttpStatus.CREATED).json(items(ctx, "vulnerabilities", list));
  }

  private static void vulnerabilities(WebServer server, Context ctx) {
    ctx.json(items(ctx, "vulnerabilities", cases(server).vulnerabilities(WebServer.principal(ctx), ctx.pathParam("id"))));
  }

  private static void suggestions(WebServer server, Context ctx) {
    ctx.json(cases(server).suggest(WebServer.principal(ctx), ctx.pathParam("id"), server.accord().suggestions()));
  }

  /** Computes and stores the case's draft plan (ADR 0134): 201 with the draft and its diff. */
  private static void plan(WebServer server, Context ctx) throws IOException {
    JsonNode body = JsonBody.object(server, ctx, Set.of("strategy"));
    ctx.status(HttpStatus.CREATED).json(server.accord().plans().draft(WebServer.principal(ctx), ctx.pathParam("id"), JsonBody.text(body, "strategy")));
  }

  private static void adopt(WebServer server, Context ctx) throws IOException {
    JsonNode body = JsonBody.object(server, ctx, Set.of("draft"));
    ctx.json(server.accord().plans().adopt(WebServer.principal(ctx), ctx.pathParam("id"), JsonBody.whole(body, "draft")));
  }

  /** Declares the case's terms (ADR 0152): a member absent keeps its value, null clears it. */
  private static void terms(WebServer server, Context ctx) throws IOException {
    JsonNode body = JsonBody.object(server, ctx, Set.of("policy", "network_product", "significant_incident"));
    CaseTerms.Change<String> policy = body.has("policy") ? CaseTerms.Change.to(JsonBody.text(body, "policy")) : CaseTerms.Change.keep();
    ctx.json(server.accord().caseTerms().declare(WebServer.principal(ctx), ctx.pathParam("id"), policy,
        fact(body, "network_product"), fact(body, "significant_incident")));
  }

  private static CaseTerms.Change<Boolean> fact(JsonNode body, String name) {
    if (!body.has(name)) {
      return CaseTerms.Change.keep();
    }
    return body.get(name).isNull() ? CaseTerms.Change.clear() : CaseTerms.Change.to(JsonBody.flag(body, name));
  }

  /** Acknowledges a conflict of the adopted plan by its number (ADR 0139); one that is not there, or not a number, is a 404. */
  private static void acknowledgeConflict(WebServer server, Context ctx) throws IOException {
    JsonBody.object(server, ctx, Set.of());
    ctx.json(server.accord().plans().acknowledge(WebServer.principal(ctx), ctx.pathParam("id"), ctx.pathParam("cid")));
  }

  private static void setStatus(WebServer server, Context ctx) throws IOException {
    JsonNode body = JsonBody.object(server, ctx,
        Set.of("organization", "product", "status", "justification", "involvement", "tlp", "recipients"));
    ctx.json(items(ctx, "statuses", cases(server).setStatus(WebServer.principal(ctx), ctx.pathParam("id"), JsonBody.text(body, "organization"),
        JsonBody.required(body, "product"), JsonBody.text(body, "status"), JsonBody.text(body, "justification"),
        JsonBody.text(body, "involvement"), JsonBody.text(body, "tlp"), JsonBody.texts(body, "recipients"))));
  }

  private static void statuses(WebServer server, Context ctx) {
    ctx.json(items(ctx, "statuses", cases(server).statuses(WebServer.principal(ctx), ctx.pathParam("id"))));
  }

  private static void accessLog(WebServer server, Context ctx) {
    ctx.json(items(ctx, "entries", cases(server).accessLog(WebServer.principal(ctx), ctx.pathParam("id"))));
  }

  private static void acknowledge(WebServer server, Context ctx) throws IOException {
    JsonBody.object(server, ctx, Set.of());
    ctx.json(Cases.describe(cases(server).acknowledge(WebServer.principal(ctx), ctx.pathParam("id"))));
  }
}
