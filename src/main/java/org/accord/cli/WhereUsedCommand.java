package org.accord.cli;

import java.util.List;
import java.util.Map;
import org.accord.app.Viewer;
import org.accord.app.WhereUsedView;
import org.accord.exposure.WhereUsed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code accord where-used PURL [--range VERS]}. */
@Command(
    name = "where-used",
    description = {
      "Show where a package runs, and how it got there.",
      "",
      "Lists the matched versions, every affected product and site with one shortest dependency path (how it "
          + "got in), and the counts by sector and country."
    },
    footer = {
      "",
      "Examples:",
      "  accord where-used pkg:maven/org.libra/libracore --range '[2.0,2.3.4)'",
      "  accord where-used pkg:maven/org.libra/libracore \\",
      "      --range 'vers:maven/>=2.0|<2.3.4' --json",
      "  accord where-used pkg:npm/lodash@4.17.20"
    })
final class WhereUsedCommand extends AccordCommand {
  @Parameters(index = "0", paramLabel = "PURL", description = "Package URL; with a version and no --range, that version only.")
  String purl;

  @Option(names = "--range", paramLabel = "VERS", description = "vers: range or interval such as [2.0,2.3.4).")
  String range;

  @Option(names = "--shared", description = "Show the view you may share: cells with fewer than --k operators show as <k, and no site details.")
  boolean shared;

  @Option(names = "--k", paramLabel = "K", defaultValue = "3", description = "Minimum distinct operators per shared cell. Default: ${DEFAULT-VALUE}.")
  int k;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "Rows per table in text output (JSON is complete). Default: ${DEFAULT-VALUE}.")
  int limit;

  @Override
  protected int execute() {
    Viewer viewer = new Viewer("", true, shared, k);
    WhereUsedView result = context().accord().exposure().whereUsed(purl, range, viewer);
    if (json) {
      printJson(result);
      return Main.OK;
    }
    out().printf("%s%s: %d matched versions%n", result.packageKey(), result.range().isEmpty() ? "" : " " + result.range(), result.matched().size());
    if (!result.matched().isEmpty()) {
      out().println("  " + String.join(", ", result.matched().stream().map(p -> p.substring(p.lastIndexOf('@') + 1)).toList()));
    }
    out().printf("%nAffected products: %d%n", result.products().size());
    for (WhereUsed.ProductHit hit : head(result.products())) {
      out().println("  " + String.join(" -> ", hit.path()));
    }
    more(result.products());
    out().printf("%nAffected deployments: %d%s%n", result.deployments().size(), result.hiddenDeployments() > 0 ? " (+" + result.hiddenDeployments() + " not shown)" : "");
    for (WhereUsed.DeploymentHit hit : head(result.deployments())) {
      out().printf("  %s / %s (%s, %s, %s): %s%n", hit.operator(), hit.site(), hit.sector(), hit.country(), hit.criticality(), hit.product());
    }
    more(result.deployments());
    if (!result.aggregates().isEmpty()) {
      out().printf("%nBy sector and country:%n");
      for (Map<String, Object> cell : result.aggregates()) {
        out().printf("  %-18s %-3s %s%n", cell.get("sector"), cell.get("country"), cell.get("deployments"));
      }
    }
    return Main.OK;
  }

  private <T> List<T> head(List<T> rows) {
    return rows.subList(0, Math.min(rows.size(), Math.max(0, limit)));
  }

  private void more(List<?> rows) {
    if (rows.size() > limit) {
      out().printf("  … %d more (use --limit or --json)%n", rows.size() - limit);
    }
  }
}
