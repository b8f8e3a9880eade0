package org.accord.cli;

import java.util.List;
import java.util.Map;
import org.accord.app.Viewer;
import org.accord.app.WhereUsedQuery;
import org.accord.app.ProductSources;
import org.accord.app.WhereUsedView;
import org.accord.party.SbomSource;
import org.accord.exposure.WhereUsed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code accord where-used PURL [--range RANGE]}. */
@Command(
    name = "where-used",
    description = {
      "Show where a package runs, and how it got there.",
      "",
      "Lists the matched versions, every affected product and site with one shortest dependency path (how it "
          + "got in), and the counts by sector and country. An unknown package, or a range that selects none of "
          + "the known versions, gets a NOTE with the nearest package names (\"known\": false in JSON); the exit "
          + "code is still 0, since that is an answer."
    },
    footer = {
      "",
      "RANGE, in every ecosystem:",
      "  vers:maven/>=2.0|<2.3.4      a vers range",
      "  [2.0,2.3.4) (,1.5] [1.2]     intervals; several joined by commas",
      "  '>=2.0 <2.3.4' >=2.0,<2.3.4  comparators >= > <= < = != (a space or a",
      "                               comma means and)",
      "  '<1.0 || >=2.0'              either",
      "  2.1.0                        exactly that version (but npm 2.1 is 2.1.x,",
      "                               Cargo 2.1 is ^2.1, NuGet 2.1 is >=2.1)",
      "  '*'                          every version",
      "and each ecosystem's own syntax: npm '^1.2 || ~2.0.1', 1.2.x, '1.0 - 2.0';",
      "PyPI ~=2.2, ==2.*; Cargo ^1.2, ~1.2; RubyGems '~> 2.0'; Composer",
      "'^1.2 | 1.0.*'; Debian '<< 2.0'; Go >=v1.2.0. Anything else is refused,",
      "naming the character at fault.",
      "",
      "Examples:",
      "  accord where-used pkg:maven/org.libra/libracore --range '[2.0,2.3.4)'",
      "  accord where-used pkg:maven/org.libra/libracore --range '>=2.0 <2.3.4'",
      "  accord where-used pkg:maven/org.libra/libracore --range '>=2.0' \\",
      "      --sort -depth --filter energy --limit 10",
      "  accord where-used pkg:maven/org.libra/libracore --csv deployments",
      "  accord where-used pkg:npm/lodash@4.17.20 --json"
    })
final class WhereUsedCommand extends AccordCommand {
  /** The lists {@code --csv} can write. */
  enum CsvList {
    products(WhereUsedQuery.Lists.PRODUCTS),
    deployments(WhereUsedQuery.Lists.DEPLOYMENTS);

    final WhereUsedQuery.Lists list;

    CsvList(WhereUsedQuery.Lists list) {
      this.list = list;
    }
  }

  @Parameters(index = "0", paramLabel = "PURL", description = "Package URL; with a version and no --range, that version only.")
  String purl;

  @Option(names = "--range", paramLabel = "RANGE", description = "Versions to match: see RANGE below.")
  String range;

  @Option(names = "--shared", description = "Show the view you may share: cells with fewer than --k operators show as <k, and no site details.")
  boolean shared;

  @Option(names = "--k", paramLabel = "K", defaultValue = "3", description = "Minimum distinct operators per shared cell. Default: ${DEFAULT-VALUE}.")
  int k;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
      description = "Rows per table in text output (JSON and CSV are complete). Default: ${DEFAULT-VALUE}.")
  int limit;

  @Option(names = "--sort", paramLabel = "FIELD",
      description = "Order rows by FIELD, descending with a leading '-': purl or depth for products; operator, site, "
          + "sector, country, criticality, product or depth for deployments. Default: depth, then purl / operator and site.")
  String sort;

  @Option(names = "--filter", paramLabel = "TEXT",
      description = "Keep rows that contain TEXT (ignoring case) in a text field: purl or path; operator, site, sector, "
          + "country, criticality or product.")
  String filter;

  @Option(names = "--csv", paramLabel = "LIST",
      description = "Print one list as CSV instead (every row, after --sort and --filter): ${COMPLETION-CANDIDATES}.")
  CsvList csv;

  @Override
  protected int execute() {
    Viewer viewer = new Viewer("", true, shared, k);
    WhereUsedQuery.Lists lists = csv == null ? WhereUsedQuery.Lists.BOTH : csv.list;
    // Text shows the first --limit rows of each list and the totals; JSON and CSV are complete.
    int page = json || csv != null ? 0 : Math.max(1, Math.min(limit, WhereUsedQuery.MAX_LIMIT));
    if (remote().isPresent()) {
      Remote.Query parameters = Remote.query(
          "purl", purl, "range", range, "view", shared ? "shared" : null, "list", csv == null ? null : lists.apiName(),
          "limit", page == 0 ? null : Integer.toString(page), "sort", sort, "q", filter, "format", csv == null ? null : "csv",
          "k", explicit("--k", Integer.toString(k)));
      if (csv != null) {
        out().print(remote().get().getText("api/v1/where-used", parameters));
        return Main.OK;
      }
      return print(remote().get().get("api/v1/where-used", parameters, WhereUsedView.class));
    }
    WhereUsedQuery query = new WhereUsedQuery(purl, range, lists, page, "", sort, filter);
    if (csv != null) {
      out().print(context().accord().exposure().whereUsedCsv(query, viewer));
      return Main.OK;
    }
    return print(context().accord().exposure().whereUsed(query, viewer));
  }

  private int print(WhereUsedView result) {
    if (json) {
      printJson(result);
      return Main.OK;
    }
    if (result.note() != null) {
      out().println("NOTE: " + result.note());
      out().println();
    }
    out().printf("%s%s: %d matched versions%n", result.packageKey(), result.range().isEmpty() ? "" : " " + result.range(), result.matched().size());
    if (!result.matched().isEmpty()) {
      out().println("  " + String.join(", ", result.matched().stream().map(p -> p.substring(p.lastIndexOf('@') + 1)).toList()));
    }
    String filtered = filter == null || filter.isBlank() ? "" : " containing '" + filter.strip() + "'";
    int products = result.totals().products();
    out().printf("%nAffected products%s: %d%n", filtered, products);
    for (WhereUsed.ProductHit hit : head(result.products())) {
      out().println("  " + String.join(" -> ", hit.path()) + provenance(result, hit.purl()));
    }
    more(products);
    int deployments = result.totals().deployments();
    out().printf("%nAffected deployments%s: %d%s%n", filtered, deployments,
        result.hiddenDeployments().any() ? " (+" + result.hiddenDeployments() + " not shown)" : ""); // <k or ≥N when k-anonymity asks
    for (WhereUsed.DeploymentHit hit : head(result.deployments())) {
      out().printf("  %s / %s (%s, %s, %s): %s%n", hit.operator(), hit.site(), hit.sector(), hit.country(), hit.criticality(), hit.product());
    }
    more(deployments);
    if (!result.aggregates().isEmpty()) {
      out().printf("%nBy sector and country:%n");
      for (Map<String, Object> cell : result.aggregates()) {
        out().printf("  %-18s %-3s %s%n", cell.get("sector"), cell.get("country"), cell.get("deployments"));
      }
      out().printf("  by sector:  %s%n", totals(result.aggregateTotals().get("bySector")));
      out().printf("  by country: %s%n", totals(result.aggregateTotals().get("byCountry")));
      out().printf("  all:        %s%n", result.aggregateTotals().get("all"));
    }
    return Main.OK;
  }

  /** Whose SBOMs a product's path rests on, compactly: " [third-party SBOM: GridCo]" (ADR 0101). */
  static String provenance(WhereUsedView result, String product) {
    ProductSources.Source source = result.productSources() == null ? null : result.productSources().get(product);
    if (source == null) {
      return "";
    }
    String names = source.sbomUploaders().isEmpty() ? "" : ": " + String.join(", ", source.sbomUploaders());
    return switch (SbomSource.fromLabel(source.sbomSource())) {
      case OWNER -> " [owner SBOM" + names + "]";
      case THIRD_PARTY -> " [third-party SBOM" + names + "]";
      case MIXED -> " [owner and third-party SBOMs" + names + "]";
      case NONE -> " [no SBOM]";
    };
  }

  private static String totals(Object byKey) {
    StringBuilder out = new StringBuilder();
    ((Map<?, ?>) byKey).forEach((key, total) -> out.append(out.length() == 0 ? "" : ", ").append(key).append(' ').append(total));
    return out.toString();
  }

  private <T> List<T> head(List<T> rows) {
    return rows.subList(0, Math.min(rows.size(), Math.max(0, limit)));
  }

  private void more(int total) {
    if (total > limit) {
      out().printf("  … %d more (use --limit, --filter, --csv or --json)%n", total - Math.max(0, limit));
    }
  }
}
