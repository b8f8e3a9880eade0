package org.accord.web.accountability;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.accord.accountability.commitment.PledgeDocument;
import org.accord.app.ListPage;
import org.accord.app.accountability.Commitments;
import org.accord.web.JsonBody;
import org.accord.web.Parameters;
import org.accord.web.WebServer;

/**
 * Commitments (ADR 0140, 0141). Commitments are promises made in public: every authenticated caller reads
 * them; writing one is an act of the caller's own organization's admin, whatever the body says.
 *
 * <ul>
 *   <li>{@code POST /api/v1/commitments}: a commitment document ({@link PledgeDocument}); with {@code
 *       supersedes} the next version of one's own commitment. 201 with the version; 403 for a document in
 *       another organization's name or a member who is not an admin; 409 when the version superseded is
 *       not the current one.
 *   <li>{@code GET /api/v1/commitments?organization&kind&limit}: the current versions, newest first.
 *   <li>{@code GET /api/v1/commitments/{id}}: the current version, every version before it, and the
 *       members of an arrangement.
 *   <li>{@code POST /api/v1/commitments/{id}/members} with an empty body: the caller's organization joins
 *       the arrangement's current version (its admin only); 201. The body names no organization.
 *   <li>{@code GET /api/v1/cases/{id}/commitments}: the deadlines the commitments binding the case's
 *       participants set in it; 404 exactly as the case for one who may not see it.
 * </ul>
 */
public final class CommitmentRoutes implements WebServer.RouteModule {
  private static final String COMMITMENTS = WebServer.API + "/commitments";
  private static final int DEFAULT_LIMIT = 100;

  @Override
  public void register(JavalinConfig config, WebServer server) {
    server.post(config, COMMITMENTS, Parameters.NONE, ctx -> publish(server, ctx));
    server.get(config, COMMITMENTS, Parameters.of("organization", "kind", "limit"), ctx -> list(server, ctx));
    server.get(config, COMMITMENTS + "/{id}", Parameters.NONE, ctx -> show(server, ctx));
    server.post(config, COMMITMENTS + "/{id}/members", Parameters.NONE, ctx -> join(server, ctx));
    server.get(config, WebServer.API + "/cases/{id}/commitments", Parameters.NONE, ctx -> ofCase(server, ctx));
  }

  private static Commitments commitments(WebServer server) {
    return server.accord().commitments();
  }

  private static void publish(WebServer server, Context ctx) throws IOException {
    var document = JsonBody.object(server, ctx, PledgeDocument.MEMBERS);
    Commitments.Written written = commitments(server).publish(WebServer.principal(ctx), document);
    Map<String, Object> body = Commitments.describe(written.version());
    body.put("log_index", written.logIndex());
    ctx.status(HttpStatus.CREATED).json(body);
  }

  private static void list(WebServer server, Context ctx) {
    int limit = ListPage.parseLimit(ctx.queryParam("limit"), DEFAULT_LIMIT, Commitments.LIST_MAX);
    ctx.json(Map.of("commitments", commitments(server).list(ctx.queryParam("organization"), ctx.queryParam("kind"), limit)
        .stream().map(Commitments::describe).toList()));
  }

  private static void show(WebServer server, Context ctx) {
    ctx.json(Commitments.describe(commitments(server).show(ctx.pathParam("id"))));
  }

  private static void join(WebServer server, Context ctx) throws IOException {
    JsonBody.object(server, ctx, Set.of()); // who joins is the caller's organization, never a member of the body
    var principal = WebServer.principal(ctx);
    Commitments.Written written = commitments(server).join(principal, ctx.pathParam("id"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("commitment", written.version().commitment());
    body.put("version", written.version().version());
    body.put("organization", principal.organization().name());
    body.put("log_index", written.logIndex());
    ctx.status(HttpStatus.CREATED).json(body);
  }

  private static void ofCase(WebServer server, Context ctx) {
    String id = ctx.pathParam("id");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("case", id);
    body.put("deadlines", commitments(server).ofCase(WebServer.principal(ctx), id).stream().map(Commitments::describe).toList());
    ctx.json(body);
  }
}
