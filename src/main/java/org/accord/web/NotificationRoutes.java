package org.accord.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.accord.app.ListPage;
import org.accord.app.Notifications;

/**
 * Notifications (ADR 0119, 0120):
 *
 * <ul>
 *   <li>{@code GET /api/v1/inbox[?order=unread|newest&limit=N&cursor=C]}: the caller's own inbox, unread
 *       first (default) or newest first, with the unread count; a machine token has none (403).
 *   <li>{@code POST /api/v1/inbox/{id}/read}: marks one of the caller's notifications read; anyone
 *       else's answers as a missing one (404).
 *   <li>{@code GET} and {@code PUT /api/v1/members/me/notifications} {@code {"channels": ["email",
 *       "webhook", "inbox"], "digest": "immediate"|"daily"}}: the caller's channels and digest.
 *   <li>{@code GET /api/v1/notifications/dead-letters[?limit=N&cursor=C]}: the coordinator's list of
 *       notifications given up, without their content.
 *   <li>{@code GET} and {@code PUT /api/v1/orgs/{name}/webhook} {@code {"url", "secret"?}}: an
 *       organization's webhook, for its admins and the coordinator; the secret is shown once, when set.
 * </ul>
 */
final class NotificationRoutes implements WebServer.RouteModule {
  private static final int PAGE_DEFAULT = 50;

  @Override
  public void register(JavalinConfig config, WebServer server) {
    server.get(config, WebServer.API + "/inbox", Parameters.of("order", "limit", "cursor"), ctx -> inbox(server, ctx));
    server.post(config, WebServer.API + "/inbox/{id}/read", Parameters.NONE, ctx ->
        ctx.json(Notifications.describe(server.accord().notifications().markRead(WebServer.principal(ctx), ctx.pathParam("id")))));
    server.get(config, WebServer.API + "/members/me/notifications", Parameters.NONE, ctx ->
        ctx.json(Notifications.describe(server.accord().notifications().preferences(WebServer.principal(ctx), null))));
    server.put(config, WebServer.API + "/members/me/notifications", Parameters.NONE, ctx -> setPreferences(server, ctx));
    server.get(config, WebServer.API + "/notifications/dead-letters", Parameters.of("limit", "cursor"), ctx -> deadLetters(server, ctx));
    server.get(config, WebServer.API + "/orgs/{name}/webhook", Parameters.NONE, ctx ->
        ctx.json(server.accord().notifications().webhook(WebServer.principal(ctx), ctx.pathParam("name"))));
    server.put(config, WebServer.API + "/orgs/{name}/webhook", Parameters.NONE, ctx -> setWebhook(server, ctx));
  }

  private static void inbox(WebServer server, Context ctx) {
    Notifications.Inbox inbox = server.accord().notifications().inbox(WebServer.principal(ctx),
        Notifications.InboxOrder.parse(ctx.queryParam("order")), ListPage.parseLimit(ctx.queryParam("limit"), PAGE_DEFAULT,
            Notifications.PAGE_MAX), ctx.queryParam("cursor"));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("notifications", inbox.page().items().stream().map(Notifications::describe).toList());
    out.put("total", inbox.page().total());
    out.put("unread", inbox.unread());
    out.put("cursor", inbox.page().cursor());
    ctx.json(out);
  }

  private static void setPreferences(WebServer server, Context ctx) throws IOException {
    JsonNode body = JsonBody.object(server, ctx, Set.of("channels", "digest"));
    ctx.json(Notifications.describe(server.accord().notifications().setPreferences(WebServer.principal(ctx), null,
        JsonBody.texts(body, "channels"), JsonBody.text(body, "digest"))));
  }

  private static void deadLetters(WebServer server, Context ctx) {
    var page = server.accord().notifications().deadLetters(WebServer.principal(ctx),
        ListPage.parseLimit(ctx.queryParam("limit"), PAGE_DEFAULT, Notifications.PAGE_MAX), ctx.queryParam("cursor"));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("dead_letters", page.items().stream().map(Notifications::describe).toList());
    out.put("total", page.total());
    out.put("cursor", page.cursor());
    ctx.json(out);
  }

  private static void setWebhook(WebServer server, Context ctx) throws IOException {
    JsonNode body = JsonBody.object(server, ctx, Set.of("url", "secret"));
    ctx.json(server.accord().notifications().setWebhook(WebServer.principal(ctx), ctx.pathParam("name"), JsonBody.text(body, "url"),
        JsonBody.text(body, "secret")));
  }
}
