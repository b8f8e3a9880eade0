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
