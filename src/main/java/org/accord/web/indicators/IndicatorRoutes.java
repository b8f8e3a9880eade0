package org.accord.web.indicators;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.List;
import org.accord.accountability.indicators.Indicators;
import org.accord.app.indicators.IndicatorService;
import org.accord.ledger.CanonicalJson;
import org.accord.web.Parameters;
import org.accord.web.WebServer;

/**
 * {@code GET /api/v1/indicators?org=&from=&to=&cases=true}: public; the indicators of the published
 * cases (ADR 0142), computed from what their reveal bundles show, as canonical JSON, which {@code
 * accord verify indicators} recomputes from the published files. A bad date is a 400 naming {@code
 * from} or {@code to}.
 */
public final class IndicatorRoutes implements WebServer.RouteModule {
  private volatile IndicatorService service;

  @Override
  public void register(JavalinConfig config, WebServer server) {
    server.get(config, WebServer.API + "/indicators", Parameters.of("org", "from", "to", "cases"), ctx -> indicators(server, ctx));
  }

  @Override
  public List<String> publicApiPaths() {
    return List.of("/indicators");
  }

  private void indicators(WebServer server, Context ctx) {
    IndicatorService indicators = service;
    if (indicators == null) {
      synchronized (this) {
        if (service == null) {
          service = new IndicatorService(server.accord());
        }
        indicators = service;
      }
    }
    Indicators.Scope scope = IndicatorService.scope(ctx.queryParam("org"), ctx.queryParam("from"), ctx.queryParam("to"),
        "true".equalsIgnoreCase(ctx.queryParam("cases")));
    ctx.contentType("application/json").result(CanonicalJson.string(Indicators.toJson(indicators.report(scope))));
  }
}
