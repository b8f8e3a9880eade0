package org.accord.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.accord.InvalidInputException;
import org.accord.exposure.WhereUsed;

/**
 * A where-used answer as one viewer may see it, shaped for JSON: the same document on the command
 * line ({@code --json}) and in the API. Immutable.
 *
 * @param packageKey the package asked about
 * @param range the range asked for, in {@code vers:} form, or empty for every version
 * @param known whether the catalogue has any version of the package
 * @param note what an empty answer means (an unknown package, with suggestions, or a range that selects
 *     none of the known versions); null when the answer speaks for itself
 * @param suggestions the known packages whose names are nearest, for an unknown package; else empty
 * @param matched the matched package-version PURLs
 * @param totals the number of matched versions and of rows in each returned list, after the filter and
 *     before paging
 * @param cursors only when a page was asked for: the cursor of each returned list's next page, or null
 *     at its end
 * @param products affected product versions with one shortest path each; null when only deployments
 *     were asked for
 * @param deployments the affected deployments this viewer may see; null when only products were asked
 *     for
 * @param aggregates counts by sector and country; a suppressed cell's {@code deployments} is the
 *     string {@code "<k"}
 * @param aggregateTotals {@code bySector}, {@code byCountry} and {@code all}: a number, or {@code "≥N"}
 *     (the shown cells' sum) where a suppressed cell counts
 * @param hiddenDeployments how many affected deployments this viewer may not see individually,
 *     k-anonymous ({@link HiddenCount}): a number, {@code "<k"} when they belong to fewer than k
 *     operators, or {@code "≥N"} when some sit in suppressed cells (N counts those in shown cells)
 * @param productSources per product version in {@code products} (this page's), whose SBOMs its paths
 *     rest on: {@code sbomSource} ({@code owner}, {@code third_party}, {@code mixed} or {@code none}, see
 *     {@link org.accord.party.SbomSource}) and {@code sbomUploaders}, the organizations whose live SBOMs
 *     describe it that the viewer may know; null when products were not asked for
 */
public record WhereUsedView(
    String packageKey,
    String range,
    boolean known,
    @JsonInclude(JsonInclude.Include.NON_NULL) String note,
    List<String> suggestions,
    List<String> matched,
    Totals totals,
    @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> cursors,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<WhereUsed.ProductHit> products,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<WhereUsed.DeploymentHit> deployments,
    List<Map<String, Object>> aggregates,
    Map<String, Object> aggregateTotals,
    HiddenCount hiddenDeployments,
    @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, ProductSources.Source> productSources) {

  /** This view with the sources of its page's products, or as it is when it lists no products. */
  WhereUsedView withSources(ProductSources sources, Viewer viewer) {
    if (products == null) {
      return this;
    }
    List<String> purls = new ArrayList<>(products.size());
    for (WhereUsed.ProductHit hit : products) {
      purls.add(hit.purl());
    }
    return new WhereUsedView(packageKey, range, known, note, suggestions, matched, totals, cursors, products, deployments,
        aggregates, aggregateTotals, hiddenDeployments, sources.of(purls, viewer));
  }

  /**
   * Counts of an answer.
   *
   * @param matched matched versions
   * @param products products after the filter; null when products were not asked for
   * @param deployments visible deployments after the filter; null when deployments were not asked for
   */
  public record Totals(
      int matched,
      @JsonInclude(JsonInclude.Include.NON_NULL) Integer products,
      @JsonInclude(JsonInclude.Include.NON_NULL) Integer deployments) {}

  /** Shapes a cached answer for one query and viewer. */
  static WhereUsedView of(WhereUsedAnswer answer, WhereUsedQuery query, Viewer viewer) {
    WhereUsedQuery.Lists lists = query.list();
    WhereUsedCursor cursor = null;
    if (!query.cursor().isEmpty()) {
      cursor = WhereUsedCursor.decode(query.cursor());
      if (lists != WhereUsedQuery.Lists.BOTH && lists != cursor.list()) {
        throw new InvalidInputException(
            "the cursor pages " + cursor.list().apiName() + ", not " + lists.apiName(), "cursor");
      }
      lists = cursor.list(); // a cursor pages its own list
    }
    WhereUsedSort sort = WhereUsedSort.parse(query.sort(), lists);
    String filter = WhereUsedAnswer.normalizeFilter(query.filter());
    String fingerprint = WhereUsedCursor.fingerprint(answer.cacheKey, sort, filter);
    if (cursor != null && !cursor.fingerprint().equals(fingerprint)) {
      throw new InvalidInputException(
          "the cursor belongs to another question (package, range, sort or filter changed): start again without it",
          "cursor");
    }
    boolean paged = query.limit() > 0;
    Map<String, String> cursors = paged ? new LinkedHashMap<>() : null;

    List<WhereUsed.ProductHit> products = null;
    Integer productTotal = null;
    if (lists != WhereUsedQuery.Lists.DEPLOYMENTS) {
      int[] order = answer.products(sort, filter);
      productTotal = order.length;
      products = page(order, answer.result.products(), WhereUsedQuery.Lists.PRODUCTS, cursor, query.limit(), fingerprint, cursors);
    }
    List<WhereUsed.DeploymentHit> deployments = null;
    Integer deploymentTotal = null;
    if (lists != WhereUsedQuery.Lists.PRODUCTS) {
      int[] order = answer.deployments(viewer, sort, filter);
      deploymentTotal = order.length;
      deployments = page(order, answer.deploymentRows(), WhereUsedQuery.Lists.DEPLOYMENTS, cursor, query.limit(), fingerprint, cursors);
    }
    WhereUsedAnswer.Aggregates aggregates = answer.aggregates(viewer);
    return new WhereUsedView(
        answer.result.packageKey(),
        answer.range,
        answer.known,
        answer.note,
        answer.suggestions,
        answer.result.matched(),
        new Totals(answer.result.matched().size(), productTotal, deploymentTotal),
        cursors,
        products,
        deployments,
        aggregates.cells(),
        aggregates.totals(),
        answer.visible(viewer).hidden(),
        null);
  }

  /** The rows of one page (or all, unpaged), recording the next page's cursor. */
  private static <T> List<T> page(
      int[] order, List<T> rows, WhereUsedQuery.Lists list, WhereUsedCursor cursor, int limit, String fingerprint,
      Map<String, String> cursors) {
    int from = cursor == null ? 0 : Math.min(cursor.offset(), order.length);
    int to = limit == 0 ? order.length : (int) Math.min(order.length, (long) from + limit);
    List<T> page = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      page.add(rows.get(order[i]));
    }
    if (cursors != null) {
      cursors.put(list.apiName(), to < order.length ? new WhereUsedCursor(list, to, fingerprint).encode() : null);
    }
    return page;
  }
}
