package org.accord.web.page;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.accord.web.OidcRoutes;
import org.accord.web.PageRoutes;
import org.accord.web.Parameters;
import org.accord.web.Sessions;
import org.accord.web.WebServer;

/**
 * {@code GET /signin[?next=PATH][&login=failed]}: the sign-in page. The token form posts to {@code POST
 * /session} with the CSRF token bound to this browser's pre-login cookie (ADR 0088); with OIDC
 * configured, a link starts the code flow. After a token sign-in the browser returns to {@code next}
 * when it is a path on this server.
 */
public final class SignInPage implements Pages.Module {
  /** What the template shows. */
  public record Model(String csrf, String next, boolean failed, boolean oidc, String oidcStart) {}

  @Override
  public void register(JavalinConfig config, WebServer server) {
    server.get(config, "/signin", Parameters.of("next", "login"), ctx -> show(server, ctx));
  }

  private static void show(WebServer server, Context ctx) {
    String preLogin = ctx.cookie(Sessions.PRE_LOGIN_COOKIE);
    if (preLogin == null || preLogin.length() < 32) {
      preLogin = Sessions.newPreLoginId();
      ctx.cookie(PageRoutes.cookie(server, ctx, Sessions.PRE_LOGIN_COOKIE, preLogin, 3600));
    }
    String next = PageRoutes.localPath(ctx.queryParam("next"));
    Model model = new Model(server.sessions().loginCsrf(preLogin), next == null ? "/cases" : next,
        "failed".equals(ctx.queryParam("login")), server.options().oidc() != null, OidcRoutes.START);
    Pages.render(ctx, HttpStatus.OK, "signin.jte", new Shell("Sign in", null, server.caller(ctx)), model);
  }
}
