package org.accord.web.history;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import org.accord.app.history.HistoryImports;
import org.accord.web.Parameters;
import org.accord.web.WebServer;

/**
 * {@code POST /api/v1/history?name=FILE}: imports a history file, the request body (CSV or a JSON array;
 * ADR 0156), as the authenticated admin's organization or the coordinator. 201 with the historical
 * cases; 400 naming the line and column; 403 for another organization's vendor; 409 for a file or a
 * vulnerability imported before.
 */
public final class HistoryRoutes implements WebServer.RouteModule {
  @Override
  public void register(JavalinConfig config, WebServer server) {
    server.post(config, WebServer.API + "/history", Parameters.of("name"), ctx -> importFile(server, ctx));
  }

  @Override
  public List<String> uploadPaths() {
    return List.of("/history"); // a file, bounded by the read limits like other documents
  }

  private static void importFile(WebServer server, Context ctx) {
    HistoryImports.Imported imported = server.accord().historyImports().importFile(WebServer.principal(ctx), ctx.queryParam("name"),
        ctx.bodyAsBytes());
    ctx.status(HttpStatus.CREATED).json(HistoryImports.describe(imported));
  }
}
