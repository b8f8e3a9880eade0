package org.accord.web.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.accord.InvalidInputException;
import org.accord.app.exercise.Exercises;
import org.accord.app.exercise.Tabletop;
import org.accord.exercise.ScenarioReader;
import org.accord.party.OrgKind;
import org.accord.web.JsonBody;
import org.accord.web.Parameters;
import org.accord.web.WebServer;

/**
 * Exercises over HTTP (ADR 0158). {@code POST /api/v1/exercises} simulates the posted scenario (YAML or
 * JSON, at most {@link ScenarioReader#MAX_BYTES} bytes) over the server's graph and answers the report;
 * {@code POST /api/v1/exercises/tabletops} starts a live tabletop and answers its sandbox's URL and the
 * exercise tokens; {@code POST /api/v1/exercises/{id}/end} ends it with the after-action report; {@code
 * GET /api/v1/exercises/{id}} and {@code .../report.html} serve what is stored. Facilitators only start
 * and end; an exercise is seen by its organization and the coordinator, a 404 to anyone else.
 */
public final class ExerciseRoutes implements WebServer.RouteModule {
  private static final String PATH = WebServer.API + "/exercises";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void register(JavalinConfig config, WebServer server) {
    server.post(config, PATH, Parameters.of("runs", "seed"), ctx -> simulate(server, ctx));
    server.post(config, PATH + "/tabletops", Parameters.NONE, ctx -> start(server, ctx));
    server.get(config, PATH + "/{id}", Parameters.NONE, ctx -> show(server, ctx));
    server.get(config, PATH + "/{id}/report.html", Parameters.NONE, ctx -> html(server, ctx));
    server.post(config, PATH + "/{id}/end", Parameters.of("runs", "seed"), ctx -> end(server, ctx));
  }

  @Override
  public List<String> uploadPaths() {
    return List.of("/exercises", "/exercises/tabletops");
  }

  private static void simulate(WebServer server, Context ctx) throws IOException {
    byte[] body;
    try (InputStream in = ctx.bodyInputStream()) {
      body = in.readNBytes(ScenarioReader.MAX_BYTES + 1);
    }
    if (body.length > ScenarioReader.MAX_BYTES) {
      ctx.status(HttpStatus.CONTENT_TOO_LARGE).json(Map.of("error", "a scenario is at most " + ScenarioReader.MAX_BYTES + " bytes",
          "location", "body"));
      return;
    }
    Exercises.Stored stored = server.accord().exercises().simulate(WebServer.principal(ctx), file(ctx), body,
        number(ctx, "runs", 1000), number(ctx, "seed", 1));
    ctx.status(HttpStatus.CREATED).json(describe(stored));
  }

  private static void start(WebServer server, Context ctx) throws IOException {
    JsonNode json = JsonBody.object(server, ctx, Set.of("scenario", "file", "seats", "scale"));
    String scenario = JsonBody.required(json, "scenario");
    List<Tabletop.Seat> seats = new ArrayList<>();
    JsonNode list = json.path("seats");
    if (!list.isArray()) {
      throw new InvalidInputException("seats must be a list of {organization, kind, country, email}", "seats");
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode seat = list.get(i);
      String where = "seats[" + i + "]";
      if (!seat.path("organization").isTextual() || !seat.path("email").isTextual() || !seat.path("kind").isTextual()) {
        throw new InvalidInputException("a seat needs organization, kind and email", where);
      }
      seats.add(new Tabletop.Seat(seat.get("organization").asText(), OrgKind.parse(seat.get("kind").asText()),
          seat.path("country").isTextual() ? seat.get("country").asText() : null, seat.get("email").asText()));
    }
    double scale = json.path("scale").isNumber() ? json.get("scale").asDouble() : 86_400;
    String file = json.path("file").isTextual() ? json.get("file").asText() : "scenario.yaml";
    Tabletop tabletop = server.accord().exercises().start(WebServer.principal(ctx), file,
        scenario.getBytes(StandardCharsets.UTF_8), seats, scale);
    // The sandbox's own server: every route and page of Accord, over the sandbox instance, without these routes.
    List<WebServer.RouteModule> modules = WebServer.standardModules().stream().filter(m -> !(m instanceof ExerciseRoutes)).toList();
    String host = ctx.req().getLocalAddr();
    WebServer sandbox;
    try {
      sandbox = WebServer.start(tabletop.sandbox(), host, 0, modules, server.options());
    } catch (RuntimeException e) {
      server.accord().exercises().end(WebServer.principal(ctx), tabletop.id(), 1, 1);
      throw e;
    }
    tabletop.onClose(sandbox::close);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", tabletop.id());
    out.put("url", "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + sandbox.port());
    out.put("case", tabletop.caseId());
    out.put("scale", tabletop.clock().scale());
    out.put("facilitator_token", tabletop.controlToken());
    List<Object> passes = new ArrayList<>();
    for (Tabletop.Pass pass : tabletop.passes()) {
      passes.add(Map.of("organization", pass.organization(), "email", pass.email(), "token", pass.token()));
    }
    out.put("passes", passes);
    ctx.status(HttpStatus.CREATED).json(out);
  }

  private static void end(WebServer server, Context ctx) throws IOException {
    Exercises.Stored stored;
    try {
      stored = server.accord().exercises().end(WebServer.principal(ctx), ctx.pathParam("id"), number(ctx, "runs", 1000),
          number(ctx, "seed", 1));
    } catch (IllegalStateException e) {
      ctx.status(HttpStatus.CONFLICT).json(Map.of("error", e.getMessage()));
      return;
    }
    ctx.json(describe(stored));
  }

  private static void show(WebServer server, Context ctx) throws IOException {
    ctx.json(describe(server.accord().exercises().find(WebServer.principal(ctx), ctx.pathParam("id"))));
  }

  private static void html(WebServer server, Context ctx) {
    Exercises.Stored stored = server.accord().exercises().find(WebServer.principal(ctx), ctx.pathParam("id"));
    if (stored.row().reportHtml() == null) {
      ctx.status(HttpStatus.CONFLICT).json(Map.of("error", "exercise " + stored.id() + " has no report yet: it is running"));
      return;
    }
    ctx.contentType("text/html; charset=utf-8").result(stored.row().reportHtml());
  }

  private static Map<String, Object> describe(Exercises.Stored stored) throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", stored.id());
    out.put("kind", stored.row().kind());
    out.put("scenario", stored.row().scenario());
    out.put("state", stored.row().state());
    out.put("created", java.time.Instant.ofEpochMilli(stored.row().createdAt()).toString());
    out.put("ended", stored.row().endedAt() == null ? null : java.time.Instant.ofEpochMilli(stored.row().endedAt()).toString());
    out.put("report", stored.row().reportJson() == null ? null : JSON.readTree(stored.row().reportJson()));
    return out;
  }

  private static String file(Context ctx) {
    String type = ctx.contentType();
    return type != null && type.contains("json") ? "scenario.json" : "scenario.yaml";
  }

  private static int number(Context ctx, String name, int fallback) {
    String text = ctx.queryParam(name);
    if (text == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(name + " must be a whole number", name);
    }
  }
}
