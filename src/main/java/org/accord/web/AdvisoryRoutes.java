package org.accord.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.accord.InvalidInputException;
import org.accord.advisory.AdvisoryFormat;
import org.accord.app.Advisories;
import org.accord.app.Findings;
import org.accord.app.ListPage;
import org.accord.app.Priorities;
import org.accord.app.Viewer;
import org.accord.party.Principal;
import org.accord.triage.SsvcTable;

/**
 * Advisories, findings, exposure-weighted triage and evidence feeds under {@code /api/v1}.
 *
 * <p>Visibility: the caller's organization imports, and sees public advisories and its own private
 * ones. Records of one id from several organizations are kept side by side, each with its {@code
 * source}; {@code source=ORG} picks one's (ADR 0100); findings and triage follow the where-used rules (other operators' sites only as k-anonymous
 * counts unless the caller is a coordinator). Evidence feeds are instance-wide, so only a coordinator
 * may import them.
 */
final class AdvisoryRoutes implements WebServer.RouteModule {
  private static final int DEFAULT_LIMIT = 100;
  private static final int DEFAULT_FINDINGS_LIMIT = 20;
  private static final int MAX_LIMIT = 1000;
  private static final Parameters UPLOAD_PARAMETERS = Parameters.of("private", "org");
  private static final Parameters LIST_PARAMETERS = Parameters.of("id", "view", "limit", "cursor");
  private static final Parameters SHOW_PARAMETERS = Parameters.of("format", "author", "namespace", "source");
  private static final Parameters FINDINGS_PARAMETERS = Parameters.of("advisory", "source", "org", "view", "limit", "cursor");
  private static final Parameters TRIAGE_PARAMETERS =
      Parameters.of("advisory", "source", "as", "org", "epss_threshold", "view").repeatable("assume");

  @Override
  public void register(JavalinConfig config, WebServer server) {
    server.post(config, WebServer.API + "/advisories", UPLOAD_PARAMETERS, ctx -> upload(server, ctx));
    server.get(config, WebServer.API + "/advisories", LIST_PARAMETERS, ctx -> list(server, ctx));
    server.get(config, WebServer.API + "/advisories/{id}", SHOW_PARAMETERS, ctx -> advisory(server, ctx));
    server.get(config, WebServer.API + "/findings", FINDINGS_PARAMETERS, ctx -> findings(server, ctx));
    server.get(config, WebServer.API + "/triage", TRIAGE_PARAMETERS, ctx -> triage(server, ctx, null));
    server.post(config, WebServer.API + "/triage", TRIAGE_PARAMETERS, ctx -> triage(server, ctx, SsvcTable.load(ctx.bodyInputStream(), "body")));
    server.post(config, WebServer.API + "/evidence/kev", Parameters.NONE, ctx -> kev(server, ctx));
    server.post(config, WebServer.API + "/evidence/epss", Parameters.NONE, ctx -> epss(server, ctx));
  }

  @Override
  public List<String> uploadPaths() {
    return List.of("/advisories", "/evidence/kev", "/evidence/epss");
  }

  private static Viewer viewer(Context ctx) {
    Principal principal = WebServer.principal(ctx);
    return new Viewer(principal.organization().name(), principal.isCoordinator(), "shared".equals(ctx.queryParam("view")), Viewer.DEFAULT_K);
  }

  private static void upload(WebServer server, Context ctx) {
    Principal principal = WebServer.principal(ctx);
    boolean privately = flag(ctx, "private");
    Advisories.Imported result =
        server.accord().advisories().ingest(
            ctx.bodyInputStream(), WebServer.acting(server, ctx), privately);
    ctx.status(result.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).json(result);
  }

  /** The advisories the caller sees, a page at a time ({@code limit}, {@code cursor}, {@code total}; ADR 0090). */
  private static void list(WebServer server, Context ctx) {
    Viewer viewer = viewer(ctx);
    String id = ctx.queryParam("id");
    ListPage<Advisories.Summary> page =
        ListPage.of(
            server.accord().advisories().list(viewer, id, Integer.MAX_VALUE),
            ListPage.parseLimit(ctx.queryParam("limit"), DEFAULT_LIMIT, MAX_LIMIT),
            ctx.queryParam("cursor"),
            "advisories",
            question(viewer, id));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("advisories", page.items());
    body.put("total", page.total());
    body.put("limit", page.limit());
    body.put("cursor", page.cursor());
    ctx.json(body);
  }

  private static void advisory(WebServer server, Context ctx) {
    String format = ctx.queryParam("format");
    Viewer viewer = viewer(ctx);
    if (format == null || format.isBlank()) {
      ctx.json(server.accord().advisories().show(ctx.pathParam("id"), ctx.queryParam("source"), viewer));
      return;
    }
    String document =
        server.accord().advisories().export(
            ctx.pathParam("id"), ctx.queryParam("source"), AdvisoryFormat.fromLabel(format), viewer, ctx.queryParam("author"), ctx.queryParam("namespace"),
            version());
    ctx.contentType("application/json").result(document);
  }

  /**
   * Findings, a page of advisories at a time, each with all its findings; {@code findings}, {@code open}
   * and {@code suppressed} count the whole answer, {@code total} its advisories (ADR 0090).
   */
  private static void findings(WebServer server, Context ctx) {
    Viewer viewer = viewer(ctx);
    String advisory = ctx.queryParam("advisory");
    String org = ctx.queryParam("org");
    String source = ctx.queryParam("source");
    Findings.View view = server.accord().findings().findings(advisory, source, org, viewer);
    ListPage<Findings.AdvisoryFindings> page =
        ListPage.of(
            view.advisories(),
            ListPage.parseLimit(ctx.queryParam("limit"), DEFAULT_FINDINGS_LIMIT, MAX_LIMIT),
            ctx.queryParam("cursor"),
            "findings",
            question(viewer, advisory, source, org));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("advisories", page.items());
    body.put("findings", view.findings());
    body.put("open", view.open());
    body.put("suppressed", view.suppressed());
    body.put("total", page.total());
    body.put("limit", page.limit());
    body.put("cursor", page.cursor());
    ctx.json(body);
  }

  private static String question(Viewer viewer, String... filters) {
    StringBuilder text = new StringBuilder(viewer.toString());
    for (String filter : filters) {
      text.append('\u0000').append(filter == null ? "" : filter.strip());
    }
    return text.toString();
  }

  /** Exposure-weighted triage; {@code table} is the caller's own decision table (POST), or null for the role's. */
  private static void triage(WebServer server, Context ctx, SsvcTable table) {
    Principal principal = WebServer.principal(ctx);
    String advisory = ctx.queryParam("advisory");
    if (advisory == null || advisory.isBlank()) {
      throw new InvalidInputException("missing advisory", "advisory");
    }
    Priorities.Role role = Priorities.Role.fromId(ctx.queryParam("as"));
    String org = ctx.queryParam("org");
    if ((org == null || org.isBlank()) && !principal.isCoordinator() && role != Priorities.Role.COORDINATOR) {
      org = principal.organization().name(); // a deployer or supplier decides for itself unless it coordinates
    }
    Map<String, String> assumptions = new LinkedHashMap<>();
    for (String assume : ctx.queryParams("assume")) {
      int colon = assume.indexOf(':');
      if (colon <= 0) {
        throw new InvalidInputException("assume is POINT:VALUE, such as system-exposure:controlled, not '" + assume + "'", "assume");
      }
      assumptions.put(assume.substring(0, colon).strip(), assume.substring(colon + 1).strip());
    }
    double threshold = 0.1;
    String thresholdText = ctx.queryParam("epss_threshold");
    if (thresholdText != null) {
      try {
        threshold = Double.parseDouble(thresholdText);
      } catch (NumberFormatException e) {
        throw new InvalidInputException("epss_threshold must be a number from 0 to 1, not '" + thresholdText + "'", "epss_threshold");
      }
    }
    ctx.json(server.accord().priorities().triage(new Priorities.Request(advisory, role, org, assumptions, threshold, table, ctx.queryParam("source")), viewer(ctx)));
  }

  private static void kev(WebServer server, Context ctx) {
    requireCoordinator(ctx);
    Advisories.FeedImported result = server.accord().advisories().ingestKev(ctx.bodyInputStream());
    ctx.status(result.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).json(result);
  }

  private static void epss(WebServer server, Context ctx) {
    requireCoordinator(ctx);
    Advisories.FeedImported result = server.accord().advisories().ingestEpss(ctx.bodyInputStream());
    ctx.status(result.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).json(result);
  }

  private static void requireCoordinator(Context ctx) {
    if (!WebServer.principal(ctx).isCoordinator()) {
      throw new ApiError(HttpStatus.FORBIDDEN, "only a coordinator may import evidence feeds, which every decision on this instance uses");
    }
  }

  private static boolean flag(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      return false;
    }
    if (List.of("true", "1", "yes").contains(value.strip())) {
      return true;
    }
    if (List.of("false", "0", "no").contains(value.strip())) {
      return false;
    }
    throw new InvalidInputException(name + " must be true or false, not '" + value + "'", name);
  }

  private static String version() {
    String version = AdvisoryRoutes.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }
}
