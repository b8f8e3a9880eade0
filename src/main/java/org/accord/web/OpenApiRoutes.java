package org.accord.web;

import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.io.InputStream;

/** Serves the OpenAPI 3.1 description of the API at {@code /api/openapi.json}. */
final class OpenApiRoutes implements WebServer.RouteModule {
  static final String RESOURCE = "/web/openapi.json";

  @Override
  public void register(JavalinConfig config, WebServer server) {
    byte[] document = load();
    server.get(config, "/api/openapi.json", Parameters.NONE, ctx -> ctx.contentType("application/json").result(document));
  }

  static byte[] load() {
    try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("OpenAPI document missing: " + RESOURCE);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the OpenAPI document: " + e.getMessage(), e);
    }
  }
}
