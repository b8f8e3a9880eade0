package org.accord.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import io.javalin.http.staticfiles.Location;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.accord.party.Principal;

/**
 * The pages: the exposure explorer at {@code /}, its static assets, and the login that trades an API
 * token for an HttpOnly, SameSite=Strict session cookie. The pages hold no data; they call the API.
 */
final class PageRoutes implements WebServer.RouteModule {
  @Override
  public void register(JavalinConfig config, WebServer server) {
    config.staticFiles.add(
        files -> {
          files.hostedPath = "/static";
          files.directory = "/web/static";
          files.location = Location.CLASSPATH;
        });
    config.routes.get("/", ctx -> page(ctx, "/web/explorer.html"));
    config.routes.get("/favicon.ico", ctx -> ctx.status(HttpStatus.NO_CONTENT));
    config.routes.get("/session", ctx -> session(server, ctx));
    config.routes.post("/session", ctx -> login(server, ctx));
    config.routes.post("/logout", ctx -> logout(server, ctx));
  }

  private static void page(Context ctx, String resource) throws java.io.IOException {
    try (var in = PageRoutes.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("page resource missing: " + resource);
      }
      ctx.contentType("text/html; charset=utf-8").result(in.readAllBytes());
    }
  }

  /**
   * Who the cookie belongs to, with the CSRF token the page must echo; {@code {"authenticated":
   * false}} when there is no valid session.
   */
  private static void session(WebServer server, Context ctx) {
    Optional<Sessions.Session> session = server.sessions().find(ctx.cookie(Sessions.COOKIE));
    ctx.header("Cache-Control", "no-store");
    if (session.isEmpty()) {
      ctx.json(Map.of("authenticated", false));
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("authenticated", true);
    body.put("organization", session.get().principal().organization().name());
    body.put("coordinator", session.get().principal().isCoordinator());
    body.put("csrf", session.get().csrf());
    ctx.json(body);
  }

  private static void login(WebServer server, Context ctx) {
    String token = ctx.formParam("token");
    Optional<Principal> principal = server.accord().parties().authenticate(token == null ? null : token.strip());
    if (principal.isEmpty()) {
      ctx.redirect("/?login=failed", HttpStatus.SEE_OTHER);
      return;
    }
    Sessions.Session session = server.sessions().create(principal.get());
    Cookie cookie =
        new Cookie(
            Sessions.COOKIE, session.id(), "/", (int) Sessions.LIFETIME.toSeconds(), ctx.scheme().equals("https"), true,
            null, SameSite.STRICT);
    ctx.cookie(cookie);
    ctx.redirect("/", HttpStatus.SEE_OTHER);
  }

  private static void logout(WebServer server, Context ctx) {
    server.sessions().remove(ctx.cookie(Sessions.COOKIE));
    ctx.removeCookie(Sessions.COOKIE, "/");
    ctx.redirect("/", HttpStatus.SEE_OTHER);
  }
}
