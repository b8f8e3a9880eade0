package org.accord.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.accord.app.Reports;

/**
 * Vulnerability reports (ADR 0106). A report its caller may not see (neither its reporter's
 * organization nor the coordinator) answers 404 exactly as a missing one; an illegal RM transition is
 * a 409 with the reason.
 *
 * <ul>
 *   <li>{@code POST /api/v1/reports}: the body is the report, JSON or Markdown (told apart as {@code
 *       ReportReader} does: a body starting with {@code {} is JSON), at most 64 KiB; 201 with the id
 *       and the state.
 *   <li>{@code GET /api/v1/reports}, {@code GET /api/v1/reports/{id}}: the caller's reports (all for
 *       the coordinator), one report.
 *   <li>{@code POST /api/v1/reports/{id}/transitions} {@code {"event", "case"?}}: the coordinator moves
 *       its RM state; {@code accept} opens a case, {@code duplicate} attaches to {@code case}.
 * </ul>
 */
final class ReportRoutes implements WebServer.RouteModule {
  private static final String REPORTS = WebServer.API + "/reports";

  @Override
  public void register(JavalinConfig config, WebServer server) {
    server.post(config, REPORTS, Parameters.NONE, ctx -> submit(server, ctx));
    server.get(config, REPORTS, Parameters.NONE, ctx -> list(server, ctx));
    server.get(config, REPORTS + "/{id}", Parameters.NONE, ctx -> show(server, ctx));
    server.post(config, REPORTS + "/{id}/transitions", Parameters.NONE, ctx -> transition(server, ctx));
  }

  private static Reports reports(WebServer server) {
    return server.accord().reports();
  }

  private static void submit(WebServer server, Context ctx) throws IOException {
    byte[] body = ctx.bodyInputStream().readAllBytes();
    Reports.View view = reports(server).submit(WebServer.principal(ctx), body);
    ctx.status(HttpStatus.CREATED).json(Reports.describe(view));
  }

  private static void list(WebServer server, Context ctx) {
    ctx.json(Map.of("reports", reports(server).list(WebServer.principal(ctx)).stream().map(Reports::describe).toList()));
  }

  private static void show(WebServer server, Context ctx) {
    ctx.json(Reports.describe(reports(server).show(WebServer.principal(ctx), ctx.pathParam("id"))));
  }

  private static void transition(WebServer server, Context ctx) throws IOException {
    JsonNode body = JsonBody.object(server, ctx, Set.of("event", "case"));
    ctx.json(Reports.describe(reports(server).transition(WebServer.principal(ctx), ctx.pathParam("id"),
        JsonBody.required(body, "event"), JsonBody.text(body, "case"))));
  }
}
