package org.accord.app;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.accord.exposure.WhereUsed;

/**
 * One computed where-used answer, before any viewer's visibility, order, filter or page is applied,
 * with what each of those derives from it remembered: the row order of each (sort, filter), the rows
 * each viewer may see, the aggregate cells each k-anonymity setting shows. Cached by {@link
 * WhereUsedAnswers}, so the first page of a popular answer costs a lookup and a copy of 50 rows.
 * Thread-safe: the answer is immutable and the memo is a concurrent map (two threads may compute the
 * same entry; both results are equal).
 */
final class WhereUsedAnswer {
  /** Beyond this many remembered derivations the memo starts over (many distinct filters). */
  private static final int MAX_MEMO = 64;
  /** Nor may the remembered row orders hold more indexes than this many times the answer's rows. */
  private static final int MEMO_ROWS_PER_ROW = 4;

  final String cacheKey;
  final WhereUsed result;
  final String range;
  final boolean known;
  final List<String> suggestions;
  /** Null when there is nothing to say. */
  final String note;

  private final ConcurrentHashMap<String, Object> memo = new ConcurrentHashMap<>();
  private final AtomicLong memoRows = new AtomicLong();
  private volatile List<WhereUsed.DeploymentHit> deploymentRows;

  WhereUsedAnswer(String cacheKey, WhereUsed result, String range, boolean known, List<String> suggestions, String note) {
    this.cacheKey = cacheKey;
    this.result = result;
    this.range = range;
    this.known = known;
    this.suggestions = List.copyOf(suggestions);
    this.note = note;
  }

  /** Rows held, for the cache's bound. */
  long weight() {
    return 1L + result.matched().size() + result.products().size() + result.deployments().size();
  }

  /** The deployments as row objects, made once (the answer's list makes a row object per read). */
  List<WhereUsed.DeploymentHit> deploymentRows() {
    List<WhereUsed.DeploymentHit> rows = deploymentRows;
    if (rows == null) {
      rows = List.copyOf(result.deployments());
      deploymentRows = rows;
    }
    return rows;
  }

  @SuppressWarnings("unchecked")
  private <T> T remember(String key, Supplier<T> compute) {
    Object value = memo.get(key);
    if (value == null) {
      value = compute.get();
      long rows = value instanceof int[] order ? order.length : 1;
      if (memo.size() >= MAX_MEMO || memoRows.addAndGet(rows) > MEMO_ROWS_PER_ROW * weight()) {
        memo.clear();
        memoRows.set(rows);
      }
      memo.putIfAbsent(key, value);
    }
    return (T) value;
  }

  /** The indexes of the products that contain {@code filter} (lower-cased), in {@code sort} order. */
  int[] products(WhereUsedSort sort, String filter) {
    return remember("products|" + sort.text() + "|" + filter, () -> {
      List<WhereUsed.ProductHit> rows = result.products();
      List<Integer> order = new ArrayList<>(rows.size());
      for (int i = 0; i < rows.size(); i++) {
        if (filter.isEmpty() || productContains(rows.get(i), filter)) {
          order.add(i);
        }
      }
      order.sort((a, b) -> sort.products().compare(rows.get(a), rows.get(b)));
      return order.stream().mapToInt(Integer::intValue).toArray();
    });
  }

  /**
   * The indexes of the deployments {@code viewer} may see that contain {@code filter}, in {@code sort}
   * order.
   */
  int[] deployments(Viewer viewer, WhereUsedSort sort, String filter) {
    return remember("deployments|" + visibilityKey(viewer) + "|" + sort.text() + "|" + filter, () -> {
      List<WhereUsed.DeploymentHit> rows = deploymentRows();
      List<Integer> order = new ArrayList<>();
      for (int index : visible(viewer).rows()) {
        if (filter.isEmpty() || deploymentContains(rows.get(index), filter)) {
          order.add(index);
        }
      }
      order.sort((a, b) -> sort.deployments().compare(rows.get(a), rows.get(b)));
      return order.stream().mapToInt(Integer::intValue).toArray();
    });
  }

  /**
   * What one viewer may see of the deployments.
   *
   * @param rows the visible deployments' indexes, in answer order
   * @param hidden how many deployments are hidden from the viewer, k-anonymous ({@link HiddenCount}):
   *     {@code "<k"} when they belong to fewer than k operators, and never an exact number that would
   *     reveal the suppressed cells' sum (the total minus the shown cells)
   */
  record Visible(int[] rows, HiddenCount hidden) {}

  Visible visible(Viewer viewer) {
    return remember("visible|" + visibilityKey(viewer), () -> {
      List<WhereUsed.DeploymentHit> rows = deploymentRows();
      if (viewer.seesAllDeployments()) {
        int[] all = new int[rows.size()];
        Arrays.setAll(all, i -> i);
        return new Visible(all, HiddenCount.NONE);
      }
      Set<String> suppressed = new HashSet<>();
      for (WhereUsed.AggregateCell cell : result.aggregates()) {
        if (viewer.suppressesAggregates() && cell.suppressedBelow(viewer.k())) {
          suppressed.add(HiddenCount.cell(cell.sector(), cell.country()));
        }
      }
      List<Integer> visible = new ArrayList<>();
      HiddenCount.Counter hidden = new HiddenCount.Counter(suppressed, viewer.k());
      for (int i = 0; i < rows.size(); i++) {
        WhereUsed.DeploymentHit row = rows.get(i);
        if (viewer.seesDeploymentsOf(row.operator())) {
          visible.add(i);
        } else {
          hidden.add(row);
        }
      }
      return new Visible(visible.stream().mapToInt(Integer::intValue).toArray(), hidden.count());
    });
  }

  /**
   * The aggregate cells as the viewer may see them ({@code "<k"} for a suppressed cell's count, without
   * its operators), and their row, column and grand totals.
   *
   * @param cells {@code {sector, country, deployments[, operators]}} maps
   * @param totals {@code {bySector, byCountry, all}}: each total a number, or {@code "≥N"} with N the sum
   *     of the shown cells when a suppressed cell counts in it, so no total reveals a suppressed cell
   */
  record Aggregates(List<Map<String, Object>> cells, Map<String, Object> totals) {}

  Aggregates aggregates(Viewer viewer) {
    boolean suppress = viewer.suppressesAggregates();
    return remember("aggregates|" + (suppress ? viewer.k() : 0), () -> {
      List<Map<String, Object>> cells = new ArrayList<>();
      Map<String, Total> bySector = new TreeMap<>();
      Map<String, Total> byCountry = new TreeMap<>();
      Total all = new Total();
      for (WhereUsed.AggregateCell cell : result.aggregates()) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sector", cell.sector());
        json.put("country", cell.country());
        boolean hidden = suppress && cell.suppressedBelow(viewer.k());
        if (hidden) {
          json.put("deployments", "<" + viewer.k());
        } else {
          json.put("deployments", cell.deployments());
          json.put("operators", cell.operators());
        }
        cells.add(json);
        for (Total total : List.of(bySector.computeIfAbsent(cell.sector(), s -> new Total()),
            byCountry.computeIfAbsent(cell.country(), c -> new Total()), all)) {
          total.add(hidden ? 0 : cell.deployments(), hidden);
        }
      }
      Map<String, Object> totals = new LinkedHashMap<>();
      totals.put("bySector", Total.render(bySector));
      totals.put("byCountry", Total.render(byCountry));
      totals.put("all", all.value());
      return new Aggregates(List.copyOf(cells), totals);
    });
  }

  /** A row, column or grand total of aggregate cells. */
  private static final class Total {
    private long shown;
    private boolean partial;

    void add(int deployments, boolean suppressed) {
      shown += deployments;
      partial |= suppressed;
    }

    Object value() {
      return partial ? "≥" + shown : (Object) shown;
    }

    static Map<String, Object> render(Map<String, Total> totals) {
      Map<String, Object> out = new LinkedHashMap<>();
      totals.forEach((key, total) -> out.put(key, total.value()));
      return out;
    }
  }

  /** What of the deployments and aggregates a viewer sees, as a key: equal keys see the same. */
  static String visibilityKey(Viewer viewer) {
    String who = viewer.seesAllDeployments() ? "*" : "org:" + viewer.organization();
    return who + "|" + (viewer.suppressesAggregates() ? viewer.k() : 0);
  }

  /** The filter as rows are matched: lower-cased. */
  static String normalizeFilter(String filter) {
    return filter.strip().toLowerCase(Locale.ROOT);
  }

  private static boolean productContains(WhereUsed.ProductHit hit, String filter) {
    if (contains(hit.purl(), filter)) {
      return true;
    }
    for (String step : hit.path()) {
      if (contains(step, filter)) {
        return true;
      }
    }
    return false;
  }

  private static boolean deploymentContains(WhereUsed.DeploymentHit hit, String filter) {
    return contains(hit.operator(), filter) || contains(hit.site(), filter) || contains(hit.sector(), filter)
        || contains(hit.country(), filter) || contains(hit.criticality(), filter) || contains(hit.product(), filter);
  }

  private static boolean contains(String text, String lowerFilter) {
    return text.toLowerCase(Locale.ROOT).contains(lowerFilter);
  }
}
