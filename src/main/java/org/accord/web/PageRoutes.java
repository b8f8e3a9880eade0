package org.accord.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import io.javalin.http.staticfiles.Location;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.accord.party.Principal;

/**
 * The pages: the exposure explorer at {@code /}, its static assets, and the login that trades an API
 * token for an HttpOnly, SameSite=Strict session cookie (Secure when the public URL is https). Login
 * and logout check Origin and a CSRF token (ADR 0088). The pages hold no data; they call the API.
 */
public final class PageRoutes implements WebServer.RouteModule {
  @Override
  public void register(JavalinConfig config, WebServer server) {
    config.staticFiles.add(
        files -> {
          files.hostedPath = "/static";
          files.directory = "/web/static";
          files.location = Location.CLASSPATH;
        });
    server.get(config, "/", Parameters.of("login"), ctx -> page(ctx, "/web/explorer.html")); // ?login=failed after a refused sign-in
    server.get(config, "/favicon.ico", Parameters.NONE, ctx -> ctx.status(HttpStatus.NO_CONTENT));
    server.get(config, "/session", Parameters.NONE, ctx -> session(server, ctx));
    server.post(config, "/session", Parameters.NONE, ctx -> login(server, ctx));
    server.post(config, "/logout", Parameters.NONE, ctx -> logout(server, ctx));
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
   * Who the cookie belongs to, with the CSRF token the page must echo; without a valid session,
   * {@code {"authenticated": false, "login_csrf": TOKEN}}, where the token is bound to the pre-login
   * cookie this answer sets if the browser has none (ADR 0088).
   */
  private static void session(WebServer server, Context ctx) {
    Optional<Sessions.Session> session = server.sessions().find(ctx.cookie(Sessions.COOKIE));
    ctx.header("Cache-Control", "no-store");
    Map<String, Object> body = new LinkedHashMap<>();
    if (session.isEmpty()) {
      String preLogin = ctx.cookie(Sessions.PRE_LOGIN_COOKIE);
      if (preLogin == null || preLogin.length() < 32) {
        preLogin = Sessions.newPreLoginId();
        ctx.cookie(cookie(server, ctx, Sessions.PRE_LOGIN_COOKIE, preLogin, 3600));
      }
      body.put("authenticated", false);
      body.put("login_csrf", server.sessions().loginCsrf(preLogin));
      body.put("oidc", server.options().oidc() != null);
      ctx.json(body);
      return;
    }
    body.put("authenticated", true);
    body.put("organization", session.get().principal().organization().name());
    body.put("coordinator", session.get().principal().isCoordinator());
    body.put("csrf", session.get().csrf());
    ctx.json(body);
  }

  /**
   * Token login: the form must come from this server's own page (Origin, or Referer without it) and
   * carry the CSRF token bound to this browser's pre-login cookie; otherwise 403, so a foreign page
   * cannot log a victim in as the attacker.
   */
  private static void login(WebServer server, Context ctx) {
    requireSameOrigin(server, ctx, "login");
    if (!server.sessions().loginCsrfMatches(ctx.cookie(Sessions.PRE_LOGIN_COOKIE), ctx.formParam("csrf"))) {
      throw new ApiError(
          HttpStatus.FORBIDDEN,
          "login refused: the form's csrf field is missing or does not match this browser's pre-login cookie; reload the page and log in again");
    }
    String token = ctx.formParam("token");
    String presented = token == null ? null : token.strip();
    Optional<Principal> principal = server.accord().parties().authenticate(presented);
    // The sign-in page sends where to go next; the explorer's own form does not, and goes home.
    String next = localPath(ctx.formParam("next"));
    if (principal.isEmpty()) {
      ctx.redirect(next == null ? "/?login=failed" : "/signin?login=failed&next=" + java.net.URLEncoder.encode(next,
          java.nio.charset.StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
      return;
    }
    openSession(server, ctx, principal.get(), next == null ? "/" : next);
  }

  /** Opens a session for {@code principal}, sets its cookie, drops the pre-login cookie and goes home. */
  static void openSession(WebServer server, Context ctx, Principal principal) {
    openSession(server, ctx, principal, "/");
  }

  private static void openSession(WebServer server, Context ctx, Principal principal, String next) {
    Sessions.Session session = server.sessions().create(principal);
    ctx.cookie(cookie(server, ctx, Sessions.COOKIE, session.id(), server.sessions().cookieSeconds()));
    ctx.removeCookie(Sessions.PRE_LOGIN_COOKIE, "/");
    ctx.redirect(next, HttpStatus.SEE_OTHER);
  }

  /** A local path to return to: {@code /} followed by path characters only, never {@code //host}; else null. */
  public static String localPath(String path) {
    return path != null && LOCAL_PATH.matcher(path).matches() ? path : null;
  }

  private static final java.util.regex.Pattern LOCAL_PATH = java.util.regex.Pattern.compile("/(?![/\\\\])[A-Za-z0-9/_.~-]{0,200}");

  /** Logout needs the session's CSRF token (form field {@code csrf} or header {@code X-Accord-CSRF}). */
  private static void logout(WebServer server, Context ctx) {
    requireSameOrigin(server, ctx, "logout");
    Optional<Sessions.Session> session = server.sessions().find(ctx.cookie(Sessions.COOKIE));
    if (session.isPresent()) {
      String csrf = ctx.header("X-Accord-CSRF") != null ? ctx.header("X-Accord-CSRF") : ctx.formParam("csrf");
      if (!Sessions.csrfMatches(session.get(), csrf)) {
        throw new ApiError(HttpStatus.FORBIDDEN, "logout refused: the session's CSRF token is missing or wrong (form field csrf or header X-Accord-CSRF)");
      }
      server.sessions().remove(session.get().id());
    }
    ctx.removeCookie(Sessions.COOKIE, "/");
    ctx.redirect("/", HttpStatus.SEE_OTHER);
  }

  /** An HttpOnly, SameSite=Strict cookie; Secure when the public URL (or the request) is https. */
  public static Cookie cookie(WebServer server, Context ctx, String name, String value, int maxAgeSeconds) {
    return cookie(server, ctx, name, value, maxAgeSeconds, SameSite.STRICT);
  }

  /** As {@link #cookie(WebServer, Context, String, String, int)} with another SameSite policy. */
  static Cookie cookie(WebServer server, Context ctx, String name, String value, int maxAgeSeconds, SameSite sameSite) {
    boolean secure = server.options().secureCookies() || ctx.scheme().equals("https");
    return new Cookie(name, value, "/", maxAgeSeconds, secure, true, null, sameSite);
  }

  /** This server's origin: {@code ACCORD_PUBLIC_URL}'s when set, else the request's scheme and Host. */
  public static String ownOrigin(WebServer server, Context ctx) {
    String own = server.options().publicOrigin();
    if (own != null) {
      return own;
    }
    return WebOptions.origin(URI.create(ctx.scheme().toLowerCase(Locale.ROOT) + "://" + String.valueOf(ctx.host()).toLowerCase(Locale.ROOT)));
  }

  /**
   * Refuses (403) a request whose {@code Origin}, or {@code Referer} when there is no Origin, is not
   * this server's own origin: {@code ACCORD_PUBLIC_URL}'s when set, else the request's scheme and
   * Host.
   */
  public static void requireSameOrigin(WebServer server, Context ctx, String action) {
    String own = ownOrigin(server, ctx);
    String origin = ctx.header("Origin");
    String claimed = origin != null ? origin : ctx.header("Referer");
    String seen = null;
    if (claimed != null && !claimed.equals("null")) {
      try {
        URI uri = new URI(claimed.strip());
        seen = uri.getScheme() == null || uri.getHost() == null ? null : WebOptions.origin(uri);
      } catch (URISyntaxException e) {
        seen = null;
      }
    }
    if (seen == null || !seen.equals(own)) {
      throw new ApiError(
          HttpStatus.FORBIDDEN,
          action + " refused: the request's " + (origin != null ? "Origin" : "Referer") + " "
              + (claimed == null ? "header is missing" : "'" + claimed + "' is not this server's origin " + own)
              + "; use the form on this server's own page (behind a proxy, set ACCORD_PUBLIC_URL)");
    }
  }
}
