package org.accord.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.accord.app.ProductClaims;
import org.accord.party.ProductClaim;

/**
 * Product claims (ADR 0091):
 *
 * <ul>
 *   <li>{@code POST /api/v1/claims} {@code {"purl", "organization"?}}: claims a product namespace for
 *       the caller's organization (the coordinator for any); 201, pending.
 *   <li>{@code GET /api/v1/claims}: the caller's organization's claims; every claim for the coordinator.
 *   <li>{@code POST /api/v1/claims/{id}/approve} and {@code POST /api/v1/claims/{id}/reject} {@code
 *       {"reason"?}}: the coordinator decides; 403 for anyone else, 404 for an unknown id.
 * </ul>
 */
final class ClaimRoutes implements WebServer.RouteModule {
  @Override
  public void register(JavalinConfig config, WebServer server) {
    server.post(config, WebServer.API + "/claims", Parameters.NONE, ctx -> claim(server, ctx));
    server.get(config, WebServer.API + "/claims", Parameters.NONE, ctx -> list(server, ctx));
    server.post(config, WebServer.API + "/claims/{id}/approve", Parameters.NONE, ctx -> approve(server, ctx));
    server.post(config, WebServer.API + "/claims/{id}/reject", Parameters.NONE, ctx -> reject(server, ctx));
  }

  private static void claim(WebServer server, Context ctx) throws IOException {
    JsonNode body = JsonBody.object(server, ctx, Set.of("purl", "organization"));
    ProductClaim claim = server.accord().claims().claim(WebServer.principal(ctx), JsonBody.text(body, "purl"), JsonBody.text(body, "organization"));
    ctx.status(HttpStatus.CREATED).json(ProductClaims.describe(claim));
  }

  private static void list(WebServer server, Context ctx) {
    ctx.json(Map.of("claims", server.accord().claims().claims(WebServer.principal(ctx)).stream().map(ProductClaims::describe).toList()));
  }

  private static void approve(WebServer server, Context ctx) throws IOException {
    JsonBody.object(server, ctx, Set.of());
    ctx.json(ProductClaims.describe(server.accord().claims().approve(WebServer.principal(ctx), ctx.pathParam("id"))));
  }

  private static void reject(WebServer server, Context ctx) throws IOException {
    JsonNode body = JsonBody.object(server, ctx, Set.of("reason"));
    ctx.json(ProductClaims.describe(server.accord().claims().reject(WebServer.principal(ctx), ctx.pathParam("id"), JsonBody.text(body, "reason"))));
  }
}
