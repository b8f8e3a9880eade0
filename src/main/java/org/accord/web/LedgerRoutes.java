package org.accord.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accord.InvalidInputException;
import org.accord.NotFoundException;
import org.accord.app.LedgerAppends;
import org.accord.app.LedgerService;
import org.accord.ledger.Hash;
import org.accord.ledger.Receipt;
import org.accord.ledger.VerificationException;
import org.accord.ledger.Verifier;
import org.accord.party.Principal;

/**
 * The transparency log over HTTP. Public, so that any tlog client can audit it: the C2SP tlog-tiles
 * layout under {@code /log} ({@code /log/checkpoint}, {@code /log/tile/<L>/<N>[.p/<W>]}, {@code
 * /log/tile/entries/<N>[.p/<W>]}), and JSON proofs, receipts and the verifier key under {@code
 * /api/v1/log}. Appending ({@code POST /api/v1/log/entries}, {@code ?private=true} for commitments)
 * and revealing a private entry ({@code GET /api/v1/log/reveal/{index}}) need a coordinator token.
 * Private events are otherwise served only as their commitments.
 */
final class LedgerRoutes implements WebServer.RouteModule {
  static final String TILES = "/log";
  private static final int MAX_APPEND = 10_000;

  @Override
  public void register(JavalinConfig config, WebServer server) {
    LedgerService ledger = server.accord().ledger();
    server.get(config, TILES + "/checkpoint", Parameters.NONE, ctx -> checkpoint(ledger, ctx));
    server.get(config, TILES + "/tile/<path>", Parameters.NONE, ctx -> tile(ledger, ctx));
    server.get(config, WebServer.API + "/log/key", Parameters.NONE, ctx -> key(ledger, ctx));
    server.get(config, WebServer.API + "/log/proof/inclusion", Parameters.of("index", "size"), ctx -> inclusion(ledger, ctx));
    server.get(config, WebServer.API + "/log/proof/consistency", Parameters.of("from", "to"), ctx -> consistency(ledger, ctx));
    server.get(config, WebServer.API + "/log/receipts/{index}", Parameters.of("format"), ctx -> receipt(ledger, ctx, false));
    server.get(config, WebServer.API + "/log/reveal/{index}", Parameters.of("format"), ctx -> receipt(ledger, ctx, true));
    server.post(config, WebServer.API + "/log/entries", Parameters.of("type", "subject", "private"),
        ctx -> append(ledger, server.accord().clock(), ctx));
  }

  @Override
  public List<String> publicApiPrefixes() {
    return List.of("/log/key", "/log/proof/", "/log/receipts/");
  }

  private static void checkpoint(LedgerService ledger, Context ctx) {
    ctx.header("Cache-Control", "no-cache");
    ctx.contentType("text/plain; charset=utf-8").result(ledger.checkpoint().getBytes(StandardCharsets.UTF_8));
  }

  private static void tile(LedgerService ledger, Context ctx) {
    Optional<byte[]> resource;
    try {
      resource = ledger.fetch("tile/" + ctx.pathParam("path"));
    } catch (IllegalArgumentException e) {
      ctx.header("Cache-Control", "no-store");
      ctx.status(HttpStatus.NOT_FOUND).contentType("text/plain; charset=utf-8").result(e.getMessage() + "\n");
      return;
    }
    if (resource.isEmpty()) {
      ctx.header("Cache-Control", "no-store");
      ctx.status(HttpStatus.NOT_FOUND).contentType("text/plain; charset=utf-8").result("no such tile in this log\n");
      return;
    }
    ctx.header("Cache-Control", "public, max-age=31536000, immutable");
    ctx.contentType("application/octet-stream").result(resource.get());
  }

  private static void key(LedgerService ledger, Context ctx) throws VerificationException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("origin", ledger.origin());
    body.put("verifier_key", ledger.verifierKey().format());
    body.put("size", ledger.size());
    body.put("published_size", Verifier.readCheckpoint(ledger.checkpoint()).size());
    ctx.json(body);
  }

  private static void inclusion(LedgerService ledger, Context ctx) throws VerificationException {
    long index = number(ctx, "index", null);
    long size = number(ctx, "size", Verifier.readCheckpoint(ledger.checkpoint()).size());
    List<Hash> proof = proof(() -> ledger.inclusionProof(index, size));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("index", index);
    body.put("size", size);
    body.put("root", ledger.root(size).base64());
    body.put("proof", proof.stream().map(Hash::base64).toList());
    ctx.json(body);
  }

  private static void consistency(LedgerService ledger, Context ctx) throws VerificationException {
    long from = number(ctx, "from", null);
    long to = number(ctx, "to", Verifier.readCheckpoint(ledger.checkpoint()).size());
    List<Hash> proof = proof(() -> ledger.consistencyProof(from, to));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("from", from);
    body.put("to", to);
    body.put("proof", proof.stream().map(Hash::base64).toList());
    ctx.json(body);
  }

  /**
   * A fresh receipt; {@code reveal} (the coordinator-only {@code /log/reveal/} route) adds a private
   * entry's salt and event, as {@code accord log receipt --reveal} does.
   */
  private static void receipt(LedgerService ledger, Context ctx, boolean reveal) {
    if (reveal && !WebServer.principal(ctx).isCoordinator()) {
      throw new ApiError(HttpStatus.FORBIDDEN, "only a coordinator may reveal a private entry");
    }
    long index;
    try {
      index = Long.parseLong(ctx.pathParam("index"));
    } catch (NumberFormatException e) {
      throw new InvalidInputException("entry index must be a number, not '" + ctx.pathParam("index") + "'", "index");
    }
    Receipt receipt = ledger.receipt(index, reveal).orElseThrow(() -> new NotFoundException("the log has no entry " + index));
    if ("tlog-proof".equals(ctx.queryParam("format"))) {
      ctx.contentType("text/plain; charset=utf-8").result(receipt.tlogProof().format());
    } else {
      ctx.contentType("application/json").result(receipt.toJson());
    }
  }

  private static void append(LedgerService ledger, java.time.Clock clock, Context ctx) {
    Principal principal = WebServer.principal(ctx);
    if (!principal.isCoordinator()) {
      throw new ApiError(HttpStatus.FORBIDDEN, "only a coordinator token may append to the log directly");
    }
    List<LedgerService.Append> appends = LedgerAppends.parseAll(
        ctx.body(), new LedgerAppends.Defaults(ctx.queryParam("type"), ctx.queryParam("subject"), "true".equals(ctx.queryParam("private")), clock.instant()));
    if (appends.size() > MAX_APPEND) {
      throw new InvalidInputException("at most " + MAX_APPEND + " events per request, not " + appends.size(), "body");
    }
    List<Receipt> receipts = ledger.appendAll(appends);
    StringBuilder body = new StringBuilder("{\"receipts\":[");
    for (int i = 0; i < receipts.size(); i++) {
      body.append(i == 0 ? "" : ",").append(receipts.get(i).toJson());
    }
    ctx.status(HttpStatus.CREATED).contentType("application/json").result(body.append("]}").toString());
  }

  private static long number(Context ctx, String name, Long fallback) {
    String text = ctx.queryParam(name);
    if (text == null || text.isBlank()) {
      if (fallback == null) {
        throw new InvalidInputException("query parameter '" + name + "' is required", name);
      }
      return fallback;
    }
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException("'" + name + "' must be a whole number, not '" + text + "'", name);
    }
  }

  private static List<Hash> proof(java.util.function.Supplier<List<Hash>> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage(), "");
    }
  }
}
