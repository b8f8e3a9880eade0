package org.accord.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.accord.app.Parties;
import org.accord.party.ApiToken;
import org.accord.party.MemberRole;
import org.accord.party.OrgKind;
import org.accord.party.Principal;
import org.accord.store.Tokens;

/**
 * Organizations, members and API tokens (ADR 0081):
 *
 * <ul>
 *   <li>{@code POST /api/v1/orgs} {@code {"name", "kind", "country"?, "contactEmail"?}}: the
 *       coordinator creates an organization; 201.
 *   <li>{@code GET /api/v1/orgs}: the organizations the caller may know take part.
 *   <li>{@code POST /api/v1/orgs/{name}/members} {@code {"email", "admin"?}} and {@code GET} the
 *       same path: an organization's admins and the coordinator add and list members.
 *   <li>{@code POST /api/v1/tokens} {@code {"organization", "member"?, "coordinator"?, "expires"?,
 *       "label"?}}: a token, its secret shown this once; 201.
 *   <li>{@code GET /api/v1/tokens[?org=NAME]}: the tokens the caller may see, never a secret.
 *   <li>{@code DELETE /api/v1/tokens/{id}}: revokes; 404 for a token the caller may not see.
 * </ul>
 */
final class PartyRoutes implements WebServer.RouteModule {
  /** How long a token lives when the request does not say. */
  static final String DEFAULT_LIFETIME = "90d";

  @Override
  public void register(JavalinConfig config, WebServer server) {
    server.post(config, WebServer.API + "/orgs", Parameters.NONE, ctx -> createOrganization(server, ctx));
    server.get(config, WebServer.API + "/orgs", Parameters.NONE, ctx -> listOrganizations(server, ctx));
    server.post(config, WebServer.API + "/orgs/{name}/members", Parameters.NONE, ctx -> addMember(server, ctx));
    server.get(config, WebServer.API + "/orgs/{name}/members", Parameters.NONE, ctx -> listMembers(server, ctx));
    server.post(config, WebServer.API + "/tokens", Parameters.NONE, ctx -> createToken(server, ctx));
    server.get(config, WebServer.API + "/tokens", Parameters.of("org"), ctx -> listTokens(server, ctx));
    server.delete(config, WebServer.API + "/tokens/{id}", Parameters.NONE, ctx -> revokeToken(server, ctx));
  }

  private static void createOrganization(WebServer server, Context ctx) throws IOException {
    JsonNode body = JsonBody.object(server, ctx, Set.of("name", "kind", "country", "contactEmail"));
    var created = server.accord().parties().createOrganization(
        WebServer.principal(ctx), JsonBody.required(body, "name"), OrgKind.parse(JsonBody.required(body, "kind")), JsonBody.text(body, "country"),
        JsonBody.text(body, "contactEmail"));
    ctx.status(HttpStatus.CREATED).json(Parties.describe(created));
  }

  private static void listOrganizations(WebServer server, Context ctx) {
    ctx.json(Map.of("organizations", server.accord().parties().organizations(WebServer.principal(ctx)).stream().map(Parties::describe).toList()));
  }

  private static void addMember(WebServer server, Context ctx) throws IOException {
    JsonNode body = JsonBody.object(server, ctx, Set.of("email", "admin"));
    var member = server.accord().parties().addMember(
        WebServer.principal(ctx), ctx.pathParam("name"), JsonBody.required(body, "email"),
        JsonBody.flag(body, "admin") ? MemberRole.ADMIN : MemberRole.MEMBER);
    ctx.status(HttpStatus.CREATED).json(Parties.describe(member));
  }

  private static void listMembers(WebServer server, Context ctx) {
    var members = server.accord().parties().members(WebServer.principal(ctx), ctx.pathParam("name"));
    ctx.json(Map.of("members", members.stream().map(Parties::describe).toList()));
  }

  private static void createToken(WebServer server, Context ctx) throws IOException {
    JsonNode body = JsonBody.object(server, ctx, Set.of("organization", "member", "coordinator", "expires", "label"));
    String expires = JsonBody.text(body, "expires");
    Duration lifetime = ApiToken.parseLifetime(expires == null ? DEFAULT_LIFETIME : expires);
    String label = JsonBody.text(body, "label");
    Tokens.Created created = server.accord().parties().createToken(
        WebServer.principal(ctx), JsonBody.required(body, "organization"), JsonBody.text(body, "member"), JsonBody.flag(body, "coordinator"),
        label == null ? "" : label, lifetime);
    Map<String, Object> answer = new LinkedHashMap<>(Parties.describe(created.token(), server.accord().clock().instant()));
    answer.put("token", created.secret());
    ctx.status(HttpStatus.CREATED).json(answer);
  }

  private static void listTokens(WebServer server, Context ctx) {
    Principal principal = WebServer.principal(ctx);
    List<ApiToken> tokens = server.accord().parties().tokens(principal, ctx.queryParam("org"));
    var now = server.accord().clock().instant();
    ctx.json(Map.of("tokens", tokens.stream().map(t -> Parties.describe(t, now)).toList()));
  }

  private static void revokeToken(WebServer server, Context ctx) {
    ApiToken revoked = server.accord().parties().revokeToken(WebServer.principal(ctx), ctx.pathParam("id"));
    server.sessions().removeToken(revoked.id());
    ctx.json(Parties.describe(revoked, server.accord().clock().instant()));
  }
}
