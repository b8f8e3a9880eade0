package org.accord.web.witness;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.accord.app.witness.Witnesses;
import org.accord.web.Parameters;
import org.accord.web.WebServer;

/**
 * The C2SP tlog-witness routes (ADR 0144), public as the protocol wants (the checkpoint's signature is
 * the only authentication): {@code POST /witness/add-checkpoint} with a body of at most {@link
 * Witnesses#MAX_BODY} bytes (413 above) and at most {@code perMinute} requests a minute from one address
 * (429 with Retry-After above), and {@code GET /witness/<hex SHA-256 of origin>/checkpoint}, the latest
 * cosigned checkpoint with this witness's cosignature, for monitors. Answers are one-line text.
 */
public final class WitnessRoutes implements WebServer.RouteModule {
  /** Requests a minute one address may send by default: one checkpoint a second from ten logs. */
  public static final int PER_MINUTE = 600;
  private static final long WINDOW_MILLIS = 60_000;
  /** The newest alerts the status route shows. */
  private static final int ALERTS = 100;

  private final int perMinute;
  private final Map<String, ArrayDeque<Long>> recent = new HashMap<>();

  public WitnessRoutes() {
    this(PER_MINUTE);
  }

  /** Routes allowing {@code perMinute} add-checkpoint requests a minute per address. */
  public WitnessRoutes(int perMinute) {
    if (perMinute < 1) {
      throw new IllegalArgumentException("perMinute is positive");
    }
    this.perMinute = perMinute;
  }

  @Override
  public void register(JavalinConfig config, WebServer server) {
    Witnesses witnesses = server.accord().witnesses();
    server.post(config, "/witness/add-checkpoint", Parameters.NONE, ctx -> add(server, witnesses, ctx));
    server.get(config, "/witness/{origin}/checkpoint", Parameters.NONE, ctx -> checkpoint(witnesses, ctx));
    server.get(config, WebServer.API + "/log/witnesses", Parameters.NONE, ctx -> status(server.accord().logWitnessing(), ctx));
  }

  @Override
  public java.util.List<String> publicApiPrefixes() {
    return java.util.List.of("/log/witnesses");
  }

  /**
   * This log's witnesses with the size each cosigned last and the last attempt's outcome, and the newest
   * witness alerts on both sides (ADR 0153). Public: only instance-wide facts of public logs.
   */
  private static void status(org.accord.app.witness.LogWitnessing witnessing, Context ctx) {
    ctx.header("Cache-Control", "no-cache");
    java.util.List<Map<String, Object>> witnesses = new java.util.ArrayList<>();
    for (var w : witnessing.witnesses()) {
      Map<String, Object> row = new java.util.LinkedHashMap<>();
      row.put("name", w.name());
      row.put("vkey", w.vkey());
      row.put("url", w.url());
      row.put("cosigned_size", w.cosignedSize());
      row.put("failures", w.failures());
      row.put("last_status", w.lastStatus().orElse(null));
      row.put("last_error", w.lastError().orElse(null));
      row.put("last_at", w.lastAt().orElse(null));
      witnesses.add(row);
    }
    java.util.List<Map<String, Object>> alerts = new java.util.ArrayList<>();
    for (var a : witnessing.alerts(ALERTS)) {
      Map<String, Object> row = new java.util.LinkedHashMap<>();
      row.put("kind", a.kind());
      row.put("subject", a.subject());
      row.put("size", a.size());
      row.put("status", a.status());
      row.put("reason", a.reason());
      row.put("first_at", a.firstAt());
      row.put("last_at", a.lastAt());
      row.put("times", a.times());
      alerts.add(row);
    }
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("witnesses", witnesses);
    body.put("alerts", alerts);
    ctx.json(body);
  }

  private void add(WebServer server, Witnesses witnesses, Context ctx) throws IOException {
    ctx.header("Cache-Control", "no-store");
    long retry = admit(ctx.ip(), server.accord().clock().millis());
    if (retry > 0) {
      ctx.header("Retry-After", Long.toString(retry));
      text(ctx, HttpStatus.TOO_MANY_REQUESTS, "too many add-checkpoint requests from this address: at most " + perMinute + " a minute");
      return;
    }
    byte[] body;
    try (InputStream in = ctx.bodyInputStream()) {
      body = in.readNBytes(Witnesses.MAX_BODY + 1);
    }
    if (body.length > Witnesses.MAX_BODY) {
      text(ctx, HttpStatus.CONTENT_TOO_LARGE, "invalid input: the body is larger than " + Witnesses.MAX_BODY + " bytes");
      return;
    }
    Witnesses.Answer answer = witnesses.addCheckpoint(body);
    ctx.status(answer.status()).contentType(answer.contentType()).result(answer.body().getBytes(StandardCharsets.UTF_8));
  }

  private static void checkpoint(Witnesses witnesses, Context ctx) {
    ctx.header("Cache-Control", "no-cache");
    var note = witnesses.checkpoint(ctx.pathParam("origin"));
    if (note.isEmpty() || note.get() == null) {
      text(ctx, HttpStatus.NOT_FOUND, "no checkpoint cosigned for this origin hash");
      return;
    }
    ctx.contentType("text/plain; charset=utf-8").result(note.get().getBytes(StandardCharsets.UTF_8));
  }

  /** Counts a request from {@code address}; 0 if admitted, else the seconds until one would be. */
  private long admit(String address, long now) {
    synchronized (recent) {
      ArrayDeque<Long> times = recent.computeIfAbsent(address, a -> new ArrayDeque<>());
      while (!times.isEmpty() && times.peekFirst() <= now - WINDOW_MILLIS) {
        times.pollFirst();
      }
      if (times.size() >= perMinute) {
        return Math.max(1, (times.peekFirst() + WINDOW_MILLIS - now + 999) / 1000);
      }
      times.addLast(now);
      if (recent.size() > 10_000) {
        // forget addresses whose last request left the window, so the map stays bounded by recent senders
        recent.values().removeIf(deque -> deque.peekLast() <= now - WINDOW_MILLIS);
      }
      return 0;
    }
  }

  private static void text(Context ctx, HttpStatus status, String line) {
    ctx.status(status).contentType("text/plain; charset=utf-8").result((line + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
