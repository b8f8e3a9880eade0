package org.accord.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Locale;
import java.util.Map;
import org.accord.InvalidInputException;
import org.accord.app.IngestResults;
import org.accord.app.Viewer;
import org.accord.store.Tokens;

/** SBOM and inventory upload, where-used and the component catalogue under {@code /api/v1}. */
final class ExposureRoutes implements WebServer.RouteModule {
  private static final int DEFAULT_PACKAGE_LIMIT = 50;

  @Override
  public void register(JavalinConfig config, WebServer server) {
    config.routes.post(WebServer.API + "/sboms", ctx -> uploadSbom(server, ctx));
    config.routes.post(WebServer.API + "/inventories", ctx -> uploadInventory(server, ctx));
    config.routes.get(WebServer.API + "/where-used", ctx -> whereUsed(server, ctx));
    config.routes.get(WebServer.API + "/components", ctx -> components(server, ctx));
  }

  private static void uploadSbom(WebServer server, Context ctx) {
    IngestResults.Sbom result = server.accord().ingestSbom(ctx.bodyInputStream(), WebServer.actingOrganization(ctx));
    ctx.status(result.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).json(result);
  }

  private static void uploadInventory(WebServer server, Context ctx) {
    String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
    String name = type.contains("json") ? "inventory.json" : type.contains("csv") ? "inventory.csv" : null;
    IngestResults.Inventory result = server.accord().ingestInventory(ctx.bodyInputStream(), name, WebServer.actingOrganization(ctx));
    ctx.status(result.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).json(result);
  }

  private static void whereUsed(WebServer server, Context ctx) {
    Tokens.Principal principal = WebServer.principal(ctx);
    boolean shared = "shared".equals(ctx.queryParam("view"));
    Viewer viewer = new Viewer(principal.orgName(), principal.coordinator(), shared, Viewer.DEFAULT_K);
    ctx.json(server.accord().exposure().whereUsed(ctx.queryParam("purl"), ctx.queryParam("range"), viewer));
  }

  private static void components(WebServer server, Context ctx) {
    int limit = DEFAULT_PACKAGE_LIMIT;
    String limitText = ctx.queryParam("limit");
    if (limitText != null) {
      try {
        limit = Integer.parseInt(limitText);
      } catch (NumberFormatException e) {
        throw new InvalidInputException("limit must be a number, not '" + limitText + "'", "limit");
      }
    }
    ctx.json(Map.of("packages", server.accord().exposure().packages(ctx.queryParam("purl_prefix"), limit)));
  }
}
