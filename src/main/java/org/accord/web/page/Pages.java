package org.accord.web.page;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accord.web.WebServer;

/**
 * The one place that registers pages: each {@link Module} registers its routes, and {@link #render}
 * fills a template inside the shared shell. A later page (plan, exposure map, settings, the public
 * dashboard) is a new {@link Module} in {@link #MODULES}, a template in {@code src/main/jte}, and, if it
 * belongs in the menu, a {@link Nav} entry.
 *
 * <p>A page that needs a signed-in caller sends anyone else to {@code /signin} (303), whatever the page
 * shows; a thing the caller may not see answers exactly as a missing one, as in the API. Pages are
 * never cached ({@code Cache-Control: no-store}): they hold one member's view.
 *
 * <p>Thread-safe: the template engine and the modules are stateless.
 */
public final class Pages implements WebServer.RouteModule {
  /** A group of pages that registers its own routes. */
  interface Module {
    /** Registers the module's routes on {@code config}. */
    void register(JavalinConfig config, WebServer server);
  }

  private static final List<Module> MODULES = List.of(new SignInPage(), new CaseListPage(), new CasePage(),
      new TransparencyPage(), new PlanPage(), new ExposurePage(),
      new SettingsPage());

  /** Templates compiled at build time by jte-maven-plugin into this package (see the pom). */
  private static final TemplateEngine TEMPLATES =
      TemplateEngine.createPrecompiled(null, ContentType.Html, Pages.class.getClassLoader(), "org.accord.web.page.template");

  @Override
  public void register(JavalinConfig config, WebServer server) {
    for (Module module : MODULES) {
      module.register(config, server);
    }
  }

  /**
   * Renders {@code template} (a file under {@code src/main/jte}, such as {@code "cases.jte"}) with the
   * parameters {@code shell} and {@code model} as the answer, with {@code status}.
   */
  static void render(Context ctx, HttpStatus status, String template, Shell shell, Object model) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("shell", shell);
    parameters.put("model", model);
    StringOutput out = new StringOutput(16 * 1024);
    TEMPLATES.render(template, parameters, out);
    ctx.status(status).header("Cache-Control", "no-store").contentType("text/html; charset=utf-8").result(out.toString());
  }

  /**
   * Answers with {@code body}, HTML the caller has already escaped, inside the shell: for the plain
   * pages written before the shell (the anonymous report form).
   */
  public static void shellAround(WebServer server, Context ctx, String title, Nav active, String body) {
    render(ctx, HttpStatus.forStatus(ctx.statusCode()), "raw.jte", new Shell(title, active, server.caller(ctx)), body);
  }

  /** The signed-in caller; without one, a redirect to the sign-in page (which comes back here) and empty. */
  static Optional<WebServer.Caller> signedIn(WebServer server, Context ctx) {
    Optional<WebServer.Caller> caller = server.caller(ctx);
    if (caller.isEmpty()) {
      ctx.header("Cache-Control", "no-store");
      ctx.redirect("/signin?next=" + URLEncoder.encode(ctx.path(), StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
    }
    return caller;
  }
}
