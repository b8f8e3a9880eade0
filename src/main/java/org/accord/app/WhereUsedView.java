package org.accord.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.accord.exposure.WhereUsed;

/**
 * A where-used answer as one viewer may see it, shaped for JSON: the same document on the command
 * line ({@code --json}) and in the API.
 *
 * @param packageKey the package asked about
 * @param range the range asked for, in {@code vers:} form, or empty for every version
 * @param matched the matched package-version PURLs
 * @param products affected product versions with one shortest path each
 * @param deployments the affected deployments this viewer may see
 * @param aggregates counts by sector and country; a suppressed cell's {@code deployments} is the
 *     string {@code "<k"}
 * @param hiddenDeployments how many affected deployments this viewer may not see individually
 */
public record WhereUsedView(
    String packageKey,
    String range,
    List<String> matched,
    List<WhereUsed.ProductHit> products,
    List<WhereUsed.DeploymentHit> deployments,
    List<Map<String, Object>> aggregates,
    int hiddenDeployments) {

  static WhereUsedView of(WhereUsed result, String range, Viewer viewer) {
    List<WhereUsed.DeploymentHit> visible = new ArrayList<>();
    for (WhereUsed.DeploymentHit hit : result.deployments()) {
      if (viewer.seesDeploymentsOf(hit.operator())) {
        visible.add(hit);
      }
    }
    List<Map<String, Object>> cells = new ArrayList<>();
    for (WhereUsed.AggregateCell cell : result.aggregates()) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("sector", cell.sector());
      json.put("country", cell.country());
      if (viewer.suppressesAggregates() && cell.suppressedBelow(viewer.k())) {
        json.put("deployments", "<" + viewer.k());
      } else {
        json.put("deployments", cell.deployments());
        json.put("operators", cell.operators());
      }
      cells.add(json);
    }
    return new WhereUsedView(
        result.packageKey(),
        range,
        result.matched(),
        result.products(),
        visible,
        cells,
        result.deployments().size() - visible.size());
  }
}
