package org.accord.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.accord.InvalidInputException;
import org.accord.app.CaseMessages;
import org.accord.app.ListPage;

/**
 * Case messages (ADR 0117, 0118). A case the caller does not see answers 404 exactly as a missing one;
 * so does a thread, message or attachment it does not see.
 *
 * <ul>
 *   <li>{@code GET /api/v1/cases/{id}/threads}: the threads the caller sees a message in, with its
 *       unread count.
 *   <li>{@code GET /api/v1/cases/{id}/threads/{thread}/messages?limit&cursor}: a page of a thread, oldest
 *       first.
 *   <li>{@code POST /api/v1/cases/{id}/threads/{thread}/read} {@code {"through"?}}: moves the caller's
 *       read marker (to the newest message without {@code through}).
 *   <li>{@code POST /api/v1/cases/{id}/messages} {@code {"body", "thread"?, "audience"?, "tlp"?,
 *       "recipients"?, "attachments"?: [{"name", "content_base64", "content_type"?, "tlp"?}]}}: posts;
 *       201. {@code audience} is {@code "all"} (the default) or an array of participant organization
 *       names; {@code thread} is {@code general} (the default), {@code product:PURL}, {@code
 *       vendor:NAME} or a thread id. A document upload: its body may exceed the small-route limit.
 *   <li>{@code GET /api/v1/cases/{id}/messages?q&limit}: search, newest first, with the visible total.
 *   <li>{@code GET /api/v1/cases/{id}/messages/{message}}: one message with its versions and readers.
 *   <li>{@code POST /api/v1/cases/{id}/messages/{message}/versions} {@code {"body"}}: the author edits;
 *       201.
 *   <li>{@code GET /api/v1/cases/{id}/messages/{message}/attachments/{n}}: the bytes, served as the
 *       type they were found to be, as a download ({@code Content-Disposition: attachment}).
 * </ul>
 */
final class MessageRoutes implements WebServer.RouteModule {
  private static final String CASES = WebServer.API + "/cases";
  /** The default page of a thread. */
  static final int DEFAULT_LIMIT = 50;

  @Override
  public void register(JavalinConfig config, WebServer server) {
    server.get(config, CASES + "/{id}/threads", Parameters.NONE,
        ctx -> ctx.json(Map.of("threads", messages(server).threads(WebServer.principal(ctx), ctx.pathParam("id")))));
    server.get(config, CASES + "/{id}/threads/{thread}/messages", Parameters.of("limit", "cursor"), ctx -> page(server, ctx));
    server.post(config, CASES + "/{id}/threads/{thread}/read", Parameters.NONE, ctx -> read(server, ctx));
    server.post(config, CASES + "/{id}/messages", Parameters.NONE, ctx -> post(server, ctx));
    server.get(config, CASES + "/{id}/messages", Parameters.of("q", "limit"), ctx -> search(server, ctx));
    server.get(config, CASES + "/{id}/messages/{message}", Parameters.NONE,
        ctx -> ctx.json(messages(server).message(WebServer.principal(ctx), ctx.pathParam("id"), ctx.pathParam("message"))));
    server.post(config, CASES + "/{id}/messages/{message}/versions", Parameters.NONE, ctx -> edit(server, ctx));
    server.get(config, CASES + "/{id}/messages/{message}/attachments/{n}", Parameters.NONE, ctx -> attachment(server, ctx));
  }

  @Override
  public List<String> uploadPaths() {
    return List.of("/cases/{id}/messages");
  }

  private static CaseMessages messages(WebServer server) {
    return server.accord().messages();
  }

  private static void page(WebServer server, Context ctx) {
    int limit = ListPage.parseLimit(ctx.queryParam("limit"), DEFAULT_LIMIT, CaseMessages.PAGE_MAX);
    ctx.json(messages(server).page(WebServer.principal(ctx), ctx.pathParam("id"), ctx.pathParam("thread"), limit, ctx.queryParam("cursor")));
  }

  private static void read(WebServer server, Context ctx) throws IOException {
    JsonNode body = JsonBody.object(server, ctx, Set.of("through"));
    ctx.json(messages(server).markRead(WebServer.principal(ctx), ctx.pathParam("id"), ctx.pathParam("thread"),
        JsonBody.text(body, "through")));
  }

  private static void search(WebServer server, Context ctx) {
    int limit = ListPage.parseLimit(ctx.queryParam("limit"), DEFAULT_LIMIT, CaseMessages.SEARCH_MAX);
    ctx.json(messages(server).search(WebServer.principal(ctx), ctx.pathParam("id"), ctx.queryParam("q"), limit));
  }

  private static void post(WebServer server, Context ctx) throws IOException {
    JsonNode body = JsonBody.object(server, ctx, Set.of("body", "thread", "audience", "tlp", "recipients", "attachments"));
    List<String> audience;
    JsonNode to = body.path("audience");
    if (to.isTextual() && to.asText().strip().equals("all") || to.isMissingNode() || to.isNull()) {
      audience = null;
    } else if (to.isArray()) {
      audience = JsonBody.texts(body, "audience");
    } else {
      throw new InvalidInputException("audience is \"all\" or an array of participant organization names", "audience");
    }
    CaseMessages.Draft draft = new CaseMessages.Draft(JsonBody.text(body, "thread"), audience, JsonBody.text(body, "tlp"),
        JsonBody.texts(body, "recipients"), JsonBody.text(body, "body"), attachments(body, messages(server).limits()));
    ctx.status(HttpStatus.CREATED).json(messages(server).post(WebServer.principal(ctx), ctx.pathParam("id"), draft));
  }

  /** The attachments of a post, their bytes decoded from base64 once their encoded size fits the limit. */
  private static List<CaseMessages.Attachment> attachments(JsonNode body, CaseMessages.Limits limits) {
    JsonNode list = body.path("attachments");
    if (list.isMissingNode() || list.isNull()) {
      return null;
    }
    if (!list.isArray()) {
      throw new InvalidInputException("attachments is an array of {name, content_base64, content_type?, tlp?}", "attachments");
    }
    List<CaseMessages.Attachment> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String field = "attachments[" + i + "]";
      JsonNode one = list.get(i);
      if (!one.isObject()) {
        throw new InvalidInputException(field + " is an object {name, content_base64, content_type?, tlp?}", field);
      }
      for (var names = one.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!Set.of("name", "content_base64", "content_type", "tlp").contains(name)) {
          throw new InvalidInputException("unknown member '" + name + "'", field + "." + name);
        }
      }
      JsonNode content = one.path("content_base64");
      if (!content.isTextual()) {
        throw new InvalidInputException("content_base64 is the file's bytes in base64", field + ".content_base64");
      }
      String encoded = content.asText();
      if ((long) encoded.length() * 3 / 4 > limits.attachmentMaxBytes() + 3) {
        throw new InvalidInputException("the attachment is larger than " + limits.attachmentMaxBytes() + " bytes", field + ".content");
      }
      byte[] bytes;
      try {
        bytes = Base64.getMimeDecoder().decode(encoded.getBytes(StandardCharsets.US_ASCII));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("content_base64 is not base64: " + e.getMessage(), field + ".content_base64");
      }
      out.add(new CaseMessages.Attachment(text(one, "name", field), text(one, "content_type", field), text(one, "tlp", field), bytes));
    }
    return out;
  }

  private static String text(JsonNode object, String name, String field) {
    JsonNode node = object.path(name);
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw new InvalidInputException(name + " is a string", field + "." + name);
    }
    return node.asText();
  }

  private static void edit(WebServer server, Context ctx) throws IOException {
    JsonNode body = JsonBody.object(server, ctx, Set.of("body"));
    ctx.status(HttpStatus.CREATED).json(messages(server).edit(WebServer.principal(ctx), ctx.pathParam("id"), ctx.pathParam("message"),
        JsonBody.text(body, "body")));
  }

  private static void attachment(WebServer server, Context ctx) {
    CaseMessages.Download download = messages(server).attachment(WebServer.principal(ctx), ctx.pathParam("id"),
        ctx.pathParam("message"), ctx.pathParam("n"));
    String type = download.type().contentType() + (download.type().contentType().startsWith("text/") ? "; charset=utf-8" : "");
    // Always a download, never rendered in the page's origin; nosniff is set on every answer.
    String ascii = download.name().replaceAll("[^A-Za-z0-9._-]", "_");
    ctx.header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
        + java.net.URLEncoder.encode(download.name(), StandardCharsets.UTF_8).replace("+", "%20"));
    ctx.header("Digest", "sha-256=" + Base64.getEncoder().encodeToString(java.util.HexFormat.of().parseHex(download.sha256())));
    ctx.contentType(type).result(download.content());
  }
}
