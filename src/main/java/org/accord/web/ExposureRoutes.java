package org.accord.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.accord.InvalidInputException;
import org.accord.app.Exposure;
import org.accord.app.IngestResults;
import org.accord.app.Viewer;
import org.accord.app.WhereUsedQuery;
import org.accord.party.Principal;

/** SBOM and inventory upload, where-used and the component catalogue under {@code /api/v1}. */
final class ExposureRoutes implements WebServer.RouteModule {
  private static final int DEFAULT_PACKAGE_LIMIT = 50;
  /**
   * Where-used answers are written without indentation: a popular answer is a megabyte, most of it
   * indentation when pretty-printed, and pages are served from memory (ADR 0073).
   */
  private static final ObjectWriter COMPACT =
      new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).writer();
  private static final Parameters WHERE_USED_PARAMETERS =
      Parameters.of("purl", "range", "view", "list", "limit", "cursor", "sort", "q", "format", "k");

  @Override
  public void register(JavalinConfig config, WebServer server) {
    server.post(config, WebServer.API + "/sboms", Parameters.of("org"), ctx -> uploadSbom(server, ctx));
    server.post(config, WebServer.API + "/inventories", Parameters.of("org"), ctx -> uploadInventory(server, ctx));
    server.get(config, WebServer.API + "/where-used", WHERE_USED_PARAMETERS, ctx -> whereUsed(server, ctx));
    server.get(config, WebServer.API + "/components", Parameters.of("q", "purl_prefix", "limit"), ctx -> components(server, ctx));
  }

  @Override
  public List<String> uploadPaths() {
    return List.of("/sboms", "/inventories");
  }

  private static void uploadSbom(WebServer server, Context ctx) {
    IngestResults.Sbom result = server.accord().ingestSbom(ctx.bodyInputStream(), WebServer.acting(server, ctx));
    ctx.status(result.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).json(result);
  }

  private static void uploadInventory(WebServer server, Context ctx) {
    String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
    String name = type.contains("json") ? "inventory.json" : type.contains("csv") ? "inventory.csv" : null;
    IngestResults.Inventory result = server.accord().ingestInventory(ctx.bodyInputStream(), name, WebServer.acting(server, ctx));
    ctx.status(result.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).json(result);
  }

  private static void whereUsed(WebServer server, Context ctx) {
    Principal principal = WebServer.principal(ctx);
    String view = ctx.queryParam("view");
    if (view != null && !view.isEmpty() && !view.equals("shared")) {
      throw new InvalidInputException("view must be 'shared' (or absent), not '" + view + "'", "view");
    }
    String format = ctx.queryParam("format");
    if (format != null && !format.isEmpty() && !format.equals("json") && !format.equals("csv")) {
      throw new InvalidInputException("format must be 'json' or 'csv', not '" + format + "'", "format");
    }
    Viewer viewer = new Viewer(principal.organization().name(), principal.isCoordinator(), "shared".equals(view), k(ctx, principal));
    WhereUsedQuery query =
        new WhereUsedQuery(
            ctx.queryParam("purl"),
            ctx.queryParam("range"),
            WhereUsedQuery.Lists.parse(ctx.queryParam("list")),
            WhereUsedQuery.parseLimit(ctx.queryParam("limit")),
            ctx.queryParam("cursor"),
            ctx.queryParam("sort"),
            ctx.queryParam("q"));
    if ("csv".equals(format)) {
      String csv = server.accord().exposure().whereUsedCsv(query, viewer);
      ctx.header("Content-Disposition", "attachment; filename=\"where-used-" + query.list().apiName() + ".csv\"");
      ctx.contentType("text/csv; charset=utf-8").result(csv);
      return;
    }
    byte[] body = server.accord().exposure().whereUsedRendered(query, viewer, answer -> {
      try {
        return COMPACT.writeValueAsBytes(answer);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write a where-used answer as JSON", e);
      }
    });
    ctx.contentType("application/json").result(body);
  }

  /**
   * The k of k-anonymity: {@link Viewer#DEFAULT_K} unless {@code k} is given; anyone may raise it (that
   * only hides more), only a coordinator, who sees every deployment anyway, may lower it.
   */
  private static int k(Context ctx, Principal principal) {
    String text = ctx.queryParam("k");
    if (text == null) {
      return Viewer.DEFAULT_K;
    }
    int k;
    try {
      k = Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException("k must be a whole number, not '" + text + "'", "k");
    }
    if (k < 1 || k < Viewer.DEFAULT_K && !principal.isCoordinator()) {
      throw new InvalidInputException(
          "k must be at least " + (principal.isCoordinator() ? 1 : Viewer.DEFAULT_K) + ", not " + k, "k");
    }
    return k;
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
    String name = ctx.queryParam("q");
    String prefix = ctx.queryParam("purl_prefix");
    if (name != null && prefix != null) {
      throw new InvalidInputException("give q (a name) or purl_prefix (a PURL prefix), not both", "q");
    }
    if (name == null && prefix == null) {
      throw new InvalidInputException("missing q (a package name) or purl_prefix (a PURL prefix)", "q");
    }
    Exposure exposure = server.accord().exposure();
    ctx.json(Map.of("packages", name != null ? exposure.searchPackages(name, limit) : exposure.packages(prefix, limit)));
  }
}
