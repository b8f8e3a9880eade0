package org.accord.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.accord.InvalidInputException;
import org.accord.store.Tokens;

/** {@code POST /api/v1/tokens}: a coordinator creates an API token for an organization. */
final class TokenRoutes implements WebServer.RouteModule {
  private static final int MAX_BODY = 16 * 1024;

  @Override
  public void register(JavalinConfig config, WebServer server) {
    config.routes.post(WebServer.API + "/tokens", ctx -> create(server, ctx));
  }

  /**
   * Body {@code {"organization": NAME, "kind": KIND, "coordinator": false, "label": TEXT}}; answers 201
   * with the secret, shown this once.
   */
  private static void create(WebServer server, Context ctx) throws IOException {
    Tokens.Principal principal = WebServer.principal(ctx);
    if (!principal.coordinator()) {
      throw new ApiError(HttpStatus.FORBIDDEN, "only a coordinator may create tokens");
    }
    byte[] body = ctx.bodyInputStream().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      throw new InvalidInputException("the body is larger than " + MAX_BODY + " bytes", "body");
    }
    JsonNode json;
    try {
      json = server.json().readTree(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InvalidInputException("the body is not JSON: " + e.getOriginalMessage(), "body");
    }
    if (json == null || !json.isObject()) {
      throw new InvalidInputException("the body is a JSON object {\"organization\": NAME, ...}", "body");
    }
    for (var names = json.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("organization") && !name.equals("kind") && !name.equals("coordinator") && !name.equals("label")) {
        throw new InvalidInputException("unknown member '" + name + "'; use organization, kind, coordinator, label", name);
      }
    }
    String organization = text(json, "organization", null);
    if (organization == null || organization.isBlank()) {
      throw new InvalidInputException("missing organization", "organization");
    }
    JsonNode coordinatorNode = json.path("coordinator");
    if (!coordinatorNode.isMissingNode() && !coordinatorNode.isBoolean()) {
      throw new InvalidInputException("coordinator is true or false", "coordinator");
    }
    boolean coordinator = coordinatorNode.asBoolean(false);
    String token =
        server.accord().createToken(organization, text(json, "kind", "other"), coordinator, text(json, "label", ""));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("organization", organization.strip());
    answer.put("role", coordinator ? "coordinator" : "member");
    answer.put("token", token);
    ctx.status(HttpStatus.CREATED).json(answer);
  }

  private static String text(JsonNode json, String name, String fallback) {
    JsonNode node = json.path(name);
    if (node.isMissingNode() || node.isNull()) {
      return fallback;
    }
    if (!node.isTextual()) {
      throw new InvalidInputException(name + " is a string", name);
    }
    return node.asText();
  }
}
