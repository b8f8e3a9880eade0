package org.accord.web.obligation;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Set;
import org.accord.web.JsonBody;
import org.accord.web.Parameters;
import org.accord.web.WebServer;

/**
 * The obligations of a case (ADR 0138):
 *
 * <ul>
 *   <li>{@code GET /api/v1/cases/{id}/obligations}: the obligations the caller may see (its own
 *       organization's; all for the case owner and the coordinator), each with its due time and state;
 *   <li>{@code POST /api/v1/cases/{id}/obligations/{oid}/fulfil} {@code {"reference", "done_at"?}}: its
 *       organization records it done; another's answers as a missing one (404), the case owner's and the
 *       coordinator's attempt is a 403, a second record a 409.
 * </ul>
 *
 * A hidden case answers as a missing one. Conflicts are acknowledged on the plan's routes ({@code
 * web.CaseRoutes}, ADR 0139).
 */
public final class ObligationRoutes implements WebServer.RouteModule {
  private static final String CASES = "/api/v1/cases";

  @Override
  public void register(JavalinConfig config, WebServer server) {
    server.get(config, CASES + "/{id}/obligations", Parameters.NONE,
        ctx -> ctx.json(server.accord().obligations().list(WebServer.principal(ctx), ctx.pathParam("id"))));
    server.post(config, CASES + "/{id}/obligations/{oid}/fulfil", Parameters.NONE, ctx -> fulfil(server, ctx));
  }

  /** The body's members are checked after the case and the obligation: a hidden one answers 404 whatever the body says. */
  private static void fulfil(WebServer server, Context ctx) throws IOException {
    JsonNode body = JsonBody.object(server, ctx, Set.of("reference", "done_at"));
    ctx.json(server.accord().obligations().fulfil(WebServer.principal(ctx), ctx.pathParam("id"), ctx.pathParam("oid"),
        JsonBody.text(body, "reference"), JsonBody.text(body, "done_at")));
  }
}
