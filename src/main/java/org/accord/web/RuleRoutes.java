package org.accord.web;

import io.javalin.config.JavalinConfig;
import java.util.Map;
import org.accord.app.RulePacks;

/**
 * Jurisdiction rule packs (ADR 0130, 0131), readable by every authenticated caller:
 *
 * <ul>
 *   <li>{@code GET /api/v1/rules}: {@code {"packs": [summary…]}}, by id, shipped and the instance's own.
 *   <li>{@code GET /api/v1/rules/{id}}: {@code {"id", "origin", "file", "replaces_shipped", "pack"}},
 *       where {@code pack} is the pack as a pack file holds it; 404 for an unknown id.
 * </ul>
 */
final class RuleRoutes implements WebServer.RouteModule {
  @Override
  public void register(JavalinConfig config, WebServer server) {
    server.get(config, WebServer.API + "/rules", Parameters.NONE, ctx -> ctx.json(Map.of("packs",
        server.accord().rulePacks().list(WebServer.principal(ctx)).stream().map(RulePacks::summary).toList())));
    server.get(config, WebServer.API + "/rules/{id}", Parameters.NONE, ctx -> ctx.json(
        RulePacks.describe(server.accord().rulePacks().show(WebServer.principal(ctx), ctx.pathParam("id")))));
  }
}
