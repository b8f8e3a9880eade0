package org.accord.web.escalation;

import io.javalin.config.JavalinConfig;
import java.util.Map;
import org.accord.app.ListPage;
import org.accord.app.escalation.Alerts;
import org.accord.web.Parameters;
import org.accord.web.WebServer;

/**
 * Anomaly alerts (ADR 0155): {@code GET /api/v1/alerts?limit} answers {@code {"alerts": […]}}, the
 * alerts on the cases the caller sees, newest first. An alert of a hidden case is not listed.
 */
public final class AlertRoutes implements WebServer.RouteModule {
  private static final int DEFAULT_LIMIT = 100;

  @Override
  public void register(JavalinConfig config, WebServer server) {
    server.get(config, "/api/v1/alerts", Parameters.of("limit"), ctx -> {
      int limit = ListPage.parseLimit(ctx.queryParam("limit"), DEFAULT_LIMIT, Alerts.LIST_MAX);
      ctx.json(Map.of("alerts", server.accord().alerts().list(WebServer.principal(ctx), limit)));
    });
  }
}
