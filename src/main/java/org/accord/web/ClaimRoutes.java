package org.accord.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.accord.InvalidInputException;
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
    config.routes.post(WebServer.API + "/claims", ctx -> claim(server, ctx));
    config.routes.get(WebServer.API + "/claims", ctx -> list(server, ctx));
    config.routes.post(WebServer.API + "/claims/{id}/approve", ctx -> approve(server, ctx));
    config.routes.post(WebServer.API + "/claims/{id}/reject", ctx -> reject(server, ctx));
  }

  private static void claim(WebServer server, Context ctx) throws IOException {
    noParameters(ctx);
    JsonNode body = body(server, ctx, Set.of("purl", "organization"));
    ProductClaim claim = server.accord().claims().claim(WebServer.principal(ctx), text(body, "purl"), text(body, "organization"));
    ctx.status(HttpStatus.CREATED).json(ProductClaims.describe(claim));
  }

  private static void list(WebServer server, Context ctx) {
    noParameters(ctx);
    ctx.json(Map.of("claims", server.accord().claims().claims(WebServer.principal(ctx)).stream().map(ProductClaims::describe).toList()));
  }

  private static void approve(WebServer server, Context ctx) throws IOException {
    noParameters(ctx);
    body(server, ctx, Set.of());
    ctx.json(ProductClaims.describe(server.accord().claims().approve(WebServer.principal(ctx), ctx.pathParam("id"))));
  }

  private static void reject(WebServer server, Context ctx) throws IOException {
    noParameters(ctx);
    JsonNode body = body(server, ctx, Set.of("reason"));
    ctx.json(ProductClaims.describe(server.accord().claims().reject(WebServer.principal(ctx), ctx.pathParam("id"), text(body, "reason"))));
  }

  private static void noParameters(Context ctx) {
    for (String name : ctx.queryParamMap().keySet()) {
      throw new InvalidInputException("unknown parameter '" + name + "'; this route takes none", name);
    }
  }

  /** The body as a JSON object holding only {@code allowed} members; an empty body is an empty object. */
  private static JsonNode body(WebServer server, Context ctx, Set<String> allowed) throws IOException {
    byte[] bytes = ctx.bodyInputStream().readAllBytes();
    if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
      return server.json().createObjectNode();
    }
    JsonNode json;
    try {
      json = server.json().readTree(bytes);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InvalidInputException("the body is not JSON: " + e.getOriginalMessage(), "body");
    }
    if (json == null || !json.isObject()) {
      throw new InvalidInputException("the body is a JSON object with " + new java.util.TreeSet<>(allowed), "body");
    }
    for (var names = json.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new InvalidInputException("unknown member '" + name + "'; use " + new java.util.TreeSet<>(allowed), name);
      }
    }
    return json;
  }

  private static String text(JsonNode json, String name) {
    JsonNode node = json.path(name);
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw new InvalidInputException(name + " is a string", name);
    }
    return node.asText();
  }
}
