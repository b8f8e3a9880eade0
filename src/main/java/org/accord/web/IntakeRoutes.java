package org.accord.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.accord.app.Reports;
import org.accord.store.Reports.MessageRow;

/**
 * Anonymous intake (ADR 0106): plain server-rendered pages, no script. {@code GET /report} is the form;
 * {@code POST /report} (same-origin only, as the login form) stores the report and shows the follow-up
 * link {@code /report/follow/{secret}} once; there the finder sees the state and the messages and adds
 * one. A wrong secret is the one 404. Too many reports from one address are 429 with Retry-After.
 * {@code POST /api/v1/reports/{id}/messages} is the coordinator's reply.
 */
final class IntakeRoutes implements WebServer.RouteModule {
  @Override
  public void register(JavalinConfig config, WebServer server) {
    server.get(config, "/report", Parameters.NONE, ctx -> html(server, ctx, FORM));
    server.post(config, "/report", Parameters.NONE, ctx -> submit(server, ctx));
    server.get(config, "/report/follow/{secret}", Parameters.NONE, ctx -> follow(server, ctx));
    server.post(config, "/report/follow/{secret}", Parameters.NONE, ctx -> message(server, ctx));
    server.post(config, WebServer.API + "/reports/{id}/messages", Parameters.NONE, ctx -> reply(server, ctx));
  }

  private static final String FORM = """
      <h1>Report a vulnerability</h1>
      <p>No account needed. You get a private follow-up link once; keep it.</p>
      <form method="post" action="/report" class="stack">
      <div class="field wide"><label for="report-title">Title</label><input id="report-title" name="title" required></div>
      <div class="field wide"><label for="report-description">Description</label>
      <textarea id="report-description" name="description" rows="10" required></textarea></div>
      <div class="field wide"><label for="report-affected">Affected packages, one per line: purl and version range</label>
      <textarea id="report-affected" name="affected" rows="4" placeholder="pkg:maven/org.libra/libracore [2.0,2.3.4)" required></textarea></div>
      <div class="field wide"><label for="report-cvss">CVSS vector (optional)</label><input id="report-cvss" name="cvss"></div>
      <p><button type="submit">Send report</button></p>
      </form>
      """;

  private static void submit(WebServer server, Context ctx) {
    PageRoutes.requireSameOrigin(server, ctx, "report");
    String markdown = ctx.formParam("report");
    if (markdown == null) {
      StringBuilder text = new StringBuilder();
      text.append("# ").append(oneLine(ctx.formParam("title"))).append('\n')
          .append(orEmpty(ctx.formParam("description")).replace("\r\n", "\n")).append("\n## Affected\n");
      for (String line : orEmpty(ctx.formParam("affected")).split("\r?\n")) {
        if (!line.isBlank()) {
          text.append("- ").append(line.strip()).append('\n');
        }
      }
      String cvss = ctx.formParam("cvss");
      if (cvss != null && !cvss.isBlank()) {
        text.append("## CVSS\n").append(cvss.strip()).append('\n');
      }
      markdown = text.toString();
    }
    Reports.Anonymous sent;
    try {
      sent = server.accord().reports().submitAnonymous(ctx.ip(), markdown.getBytes(StandardCharsets.UTF_8));
    } catch (Reports.RateLimited e) {
      ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
      ctx.status(HttpStatus.TOO_MANY_REQUESTS);
      html(server, ctx, "<h1>Too many reports</h1><p>" + escape(e.getMessage()) + "</p>");
      return;
    }
    String link = "/report/follow/" + sent.secret();
    ctx.status(HttpStatus.CREATED);
    ctx.header("Cache-Control", "no-store");
    html(server, ctx, "<h1>Report received</h1><p>Your report " + escape(sent.view().row().id()) + " was received.</p>"
        + "<p>Your private follow-up link, shown only this once; keep it secret:</p>"
        + "<p><a href=\"" + link + "\">" + link + "</a></p>");
  }

  private static void follow(WebServer server, Context ctx) {
    Reports.View view = server.accord().reports().follow(ctx.pathParam("secret"));
    ctx.header("Cache-Control", "no-store");
    StringBuilder page = new StringBuilder("<h1>").append(escape(view.row().title())).append("</h1>")
        .append("<p>Report ").append(escape(view.row().id())).append(": ")
        .append(view.state().name().toLowerCase(java.util.Locale.ROOT)).append("</p><h2>Messages</h2><ul>");
    for (MessageRow m : server.accord().reports().messages(view)) {
      page.append("<li>").append(m.author().name().toLowerCase(java.util.Locale.ROOT)).append(", ").append(m.at())
          .append(": ").append(escape(m.body())).append("</li>");
    }
    page.append("</ul><form method=\"post\" class=\"stack\"><div class=\"field wide\"><label for=\"follow-text\">Your message</label>")
        .append("<textarea id=\"follow-text\" name=\"text\" rows=\"5\" required></textarea></div>")
        .append("<p><button type=\"submit\">Send message</button></p></form>");
    html(server, ctx, page.toString());
  }

  private static void message(WebServer server, Context ctx) {
    PageRoutes.requireSameOrigin(server, ctx, "message");
    String secret = ctx.pathParam("secret");
    server.accord().reports().finderMessage(secret, ctx.formParam("text"));
    ctx.status(HttpStatus.SEE_OTHER).header("Location", "/report/follow/" + secret);
  }

  private static void reply(WebServer server, Context ctx) throws IOException {
    JsonNode body = JsonBody.object(server, ctx, Set.of("text"));
    ctx.status(HttpStatus.CREATED).json(Reports.describe(server.accord().reports().reply(WebServer.principal(ctx),
        ctx.pathParam("id"), JsonBody.required(body, "text"))));
  }

  /** The page inside the shared shell (ADR 0150), under the menu's "Report a vulnerability". */
  private static void html(WebServer server, Context ctx, String body) {
    org.accord.web.page.Pages.shellAround(server, ctx, "Report a vulnerability", org.accord.web.page.Nav.REPORT, body);
  }

  private static String oneLine(String text) {
    return orEmpty(text).replaceAll("[\\r\\n]+", " ");
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
  }
}
