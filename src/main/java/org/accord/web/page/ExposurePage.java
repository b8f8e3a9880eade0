package org.accord.web.page;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.accord.InvalidInputException;
import org.accord.app.Viewer;
import org.accord.app.WhereUsedQuery;
import org.accord.app.WhereUsedView;
import org.accord.web.Parameters;
import org.accord.web.WebServer;

/**
 * {@code GET /exposure?purl=&range=&view=shared}: where a package is used, as {@code GET
 * /api/v1/where-used} answers the same viewer: a sector × country heat map of the affected deployments
 * and each affected product's dependency path drawn as a chain. The heat map is the API's aggregates
 * with the API's k rule ({@link Viewer}, k = {@link Viewer#DEFAULT_K}): a member, and anyone asking for
 * the shared view, sees a cell of fewer than k operators as {@code <k}, never its count. The full
 * explorer stays at {@code /}. A bad PURL or range is a 400 naming it, as in the API.
 */
public final class ExposurePage implements Pages.Module {
  /** The most products whose paths are drawn. */
  static final int PATHS = 25;

  @Override
  public void register(JavalinConfig config, WebServer server) {
    server.get(config, "/exposure", Parameters.of("purl", "range", "view"), ctx -> show(server, ctx));
  }

  /** A heat-map cell: the text shown and its shade, 0 (none) to 4; {@code suppressed} for a {@code <k} cell. */
  public record Cell(String text, int shade, boolean suppressed) {}

  /** A sector's row of the heat map. */
  public record Row(String sector, List<Cell> cells) {}

  /** A product and its dependency path, from the product to the package. */
  public record Chain(String product, List<String> links) {}

  /** Everything on the page; {@code asked} is false before a search. */
  public record Model(boolean asked, String purl, String range, boolean shared, boolean sharedForced, int k, String note,
      int matched, List<String> countries, List<Row> rows, List<Chain> chains, int products, String hidden) {}

  private static void show(WebServer server, Context ctx) {
    var caller = Pages.signedIn(server, ctx);
    if (caller.isEmpty()) {
      return;
    }
    var principal = caller.get().principal();
    String purl = CaseListPage.blankToNull(ctx.queryParam("purl"));
    String range = CaseListPage.blankToNull(ctx.queryParam("range"));
    String view = ctx.queryParam("view");
    if (view != null && !view.isEmpty() && !view.equals("shared")) {
      throw new InvalidInputException("view must be 'shared' (or absent), not '" + CaseListPage.shorten(view) + "'", "view");
    }
    boolean shared = "shared".equals(view);
    Viewer viewer = new Viewer(principal.organization().name(), principal.isCoordinator(), shared, Viewer.DEFAULT_K);
    boolean forced = !principal.isCoordinator();
    Shell shell = new Shell("Exposure", Nav.EXPOSURE_MAP, caller);
    if (purl == null) {
      Pages.render(ctx, HttpStatus.OK, "exposure.jte", shell,
          new Model(false, null, range, shared, forced, Viewer.DEFAULT_K, null, 0, List.of(), List.of(), List.of(), 0, null));
      return;
    }
    WhereUsedView answer = server.accord().exposure().whereUsed(WhereUsedQuery.of(purl, range), viewer);
    TreeSet<String> sectors = new TreeSet<>();
    TreeSet<String> countries = new TreeSet<>();
    long max = 1;
    for (Map<String, Object> cell : answer.aggregates()) {
      sectors.add(String.valueOf(cell.get("sector")));
      countries.add(String.valueOf(cell.get("country")));
      if (cell.get("deployments") instanceof Number n) {
        max = Math.max(max, n.longValue());
      }
    }
    List<String> columns = List.copyOf(countries);
    List<Row> rows = new ArrayList<>();
    for (String sector : sectors) {
      List<Cell> cells = new ArrayList<>();
      for (String country : columns) {
        Object value = answer.aggregates().stream()
            .filter(c -> sector.equals(String.valueOf(c.get("sector"))) && country.equals(String.valueOf(c.get("country"))))
            .map(c -> c.get("deployments")).findFirst().orElse(null);
        if (value == null) {
          cells.add(new Cell("0", 0, false));
        } else if (value instanceof Number n) {
          cells.add(new Cell(n.toString(), (int) Math.max(1, Math.ceil(4.0 * n.longValue() / max)), false));
        } else {
          cells.add(new Cell(String.valueOf(value), 0, true));
        }
      }
      rows.add(new Row(sector, cells));
    }
    List<Chain> chains = new ArrayList<>();
    int products = 0;
    if (answer.products() != null) {
      products = answer.products().size();
      answer.products().stream().limit(PATHS).forEach(p -> chains.add(new Chain(p.purl(), p.path())));
    }
    Pages.render(ctx, HttpStatus.OK, "exposure.jte", shell, new Model(true, purl, range, shared, forced, Viewer.DEFAULT_K,
        answer.note(), answer.matched().size(), columns, rows, chains, products, String.valueOf(answer.hiddenDeployments())));
  }
}
