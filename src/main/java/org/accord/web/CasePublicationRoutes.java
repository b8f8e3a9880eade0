package org.accord.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Publishing a case and its reveal bundle (ADR 0109).
 *
 * <ul>
 *   <li>{@code POST /api/v1/cases/{id}/publish}: the case owner or the coordinator publishes the case
 *       (other participants 403, anyone else the 404 of a missing case, a second time 409).
 *   <li>{@code GET /api/v1/cases/{id}/reveal}: public; the {@link org.accord.disclosure.RevealBundle}
 *       of a published case, which {@code accord verify case} checks offline. A case that is not
 *       published answers exactly as a missing one.
 * </ul>
 */
final class CasePublicationRoutes implements WebServer.RouteModule {
  private static final String CASES = WebServer.API + "/cases";

  @Override
  public void register(JavalinConfig config, WebServer server) {
    server.post(config, CASES + "/{id}/publish", Parameters.NONE, ctx -> publish(server, ctx));
    server.get(config, CASES + "/{id}/reveal", Parameters.NONE, ctx -> reveal(server, ctx));
  }

  @Override
  public List<String> publicApiPaths() {
    return List.of("/cases/{id}/reveal");
  }

  private static void publish(WebServer server, Context ctx) throws IOException {
    JsonBody.object(server, ctx, Set.of());
    ctx.json(server.accord().publication().publish(WebServer.principal(ctx), ctx.pathParam("id")));
  }

  private static void reveal(WebServer server, Context ctx) {
    ctx.contentType("application/json").result(server.accord().publication().reveal(ctx.pathParam("id")).toJson());
  }
}
