package org.accord.cli;

import java.util.List;
import java.util.Map;
import org.accord.app.Findings;
import org.accord.app.Viewer;
import org.accord.exposure.WhereUsed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code accord findings}: which products and deployments each advisory affects, and their VEX status. */
@Command(
    name = "findings",
    description = {
      "Show which products and sites each advisory affects.",
      "",
      "For each advisory, every affected product version with one shortest dependency "
          + "path (how the vulnerable version got in), its deployments, and its VEX status. The status is "
          + "the most specific, latest VEX statement's (affected, not_affected, fixed, under_investigation), "
          + "or 'unknown' when no statement covers it: unknown means nobody has said, never 'not affected'. "
          + "Findings are derived from the current graph on every call, so they follow new SBOMs and "
          + "inventories."
    },
    footer = {
      "",
      "Examples:",
      "  accord findings --advisory CVE-2021-44228",
      "  accord findings --org GridCo --json",
      "  accord findings --open"
    })
final class FindingsCommand extends AccordCommand {
  @Option(names = "--advisory", paramLabel = "ID", description = "Only this advisory (id or alias, such as a CVE id).")
  String advisory;

  @Option(
      names = "--source",
      paramLabel = "ORG",
      description = "Only the advisory records this organization imported (records of one id from several organizations are listed side by side).")
  String source;

  @Option(
      names = "--org",
      paramLabel = "NAME",
      description = "Only findings in NAME's products (as supplier) or deployments (as operator).")
  String org;

  @Option(names = "--open", description = "Leave out findings a VEX statement marks not_affected or fixed.")
  boolean open;

  @Option(names = "--shared", description = "Show the view you may share: other operators' sites hidden, cells of fewer than --k operators as <k.")
  boolean shared;

  @Option(names = "--k", paramLabel = "K", defaultValue = "3", description = "Minimum distinct operators per shared cell. Default: ${DEFAULT-VALUE}.")
  int k;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "Rows per advisory in text output (JSON is complete). Default: ${DEFAULT-VALUE}.")
  int limit;

  @Override
  protected int execute() {
    Viewer viewer = new Viewer("", true, shared, k);
    Findings.View view = remote().isPresent()
        ? remoteFindings(remote().get())
        : context().accord().findings().findings(advisory, source, org, viewer);
    if (open) {
      view = onlyOpen(view);
    }
    if (json) {
      printJson(view);
      return Main.OK;
    }
    out().printf("%d findings (%d open, %d not affected or fixed) in %d advisories%n", view.findings(), view.open(), view.suppressed(), view.advisories().size());
    for (Findings.AdvisoryFindings entry : view.advisories()) {
      out().printf("%n%s from %s%s: %d matched package versions, %d findings%n", entry.advisory(), entry.source(),
          entry.summary().isEmpty() ? "" : " (" + entry.summary() + ")", entry.matched().size(), entry.findings().size());
      entry.notEvaluable().forEach(reason -> out().println("  not evaluated: " + reason));
      int shown = 0;
      for (Findings.Finding finding : entry.findings()) {
        if (shown++ == limit) {
          out().printf("  … %d more (use --limit or --json)%n", entry.findings().size() - limit);
          break;
        }
        out().printf("  [%s] %s%s%n", finding.status(), finding.product(), finding.supplier().isEmpty() ? "" : " (" + finding.supplier() + ")");
        out().println("      via " + String.join(" -> ", finding.path()));
        if (finding.statement() != null) {
          out().printf("      statement by %s%s%s%n", finding.statement().author(),
              finding.statement().justification().isEmpty() ? "" : ": " + finding.statement().justification(),
              finding.statement().impactStatement().isEmpty() && finding.statement().actionStatement().isEmpty() ? ""
                  : " (" + finding.statement().impactStatement() + finding.statement().actionStatement() + ")");
        }
        for (WhereUsed.DeploymentHit hit : finding.deployments()) {
          out().printf("      runs at %s / %s (%s, %s, %s)%n", hit.operator(), hit.site(), hit.sector(), hit.country(), hit.criticality());
        }
        if (finding.hiddenDeployments().any()) { // k-anonymous: a number, <k or ≥N (ADR 0097)
          out().printf("      and %s deployments of other operators%n", finding.hiddenDeployments());
        }
      }
      if (!entry.aggregates().isEmpty()) {
        out().println("  deployments by sector and country:");
        for (Map<String, Object> cell : entry.aggregates()) {
          out().printf("    %-18s %-3s %s%n", cell.get("sector"), cell.get("country"), cell.get("deployments"));
        }
      }
    }
    return Main.OK;
  }

  private static Findings.View onlyOpen(Findings.View view) {
    java.util.List<Findings.AdvisoryFindings> kept = new java.util.ArrayList<>();
    int total = 0;
    for (Findings.AdvisoryFindings entry : view.advisories()) {
      java.util.List<Findings.Finding> open = entry.findings().stream().filter(f -> !f.suppressed()).toList();
      total += open.size();
      kept.add(new Findings.AdvisoryFindings(entry.advisory(), entry.source(), entry.aliases(), entry.summary(), entry.matched(), entry.notEvaluable(),
          open, entry.aggregates(), entry.hiddenDeployments()));
    }
    return new Findings.View(kept, total, total, 0);
  }

  /** One page of {@code GET /api/v1/findings}. */
  record FindingsPage(List<Findings.AdvisoryFindings> advisories, int findings, int open, int suppressed, String cursor) {}

  /** Every page of the server's findings, following the cursors (ADR 0090). */
  private Findings.View remoteFindings(Remote remote) {
    List<Findings.AdvisoryFindings> advisories = new java.util.ArrayList<>();
    String cursor = null;
    FindingsPage page;
    do {
      page = remote.get(
          "api/v1/findings",
          Remote.query("advisory", advisory, "source", source, "org", org, "view", shared ? "shared" : null, "limit", "1000", "cursor", cursor),
          FindingsPage.class);
      advisories.addAll(page.advisories());
      cursor = page.cursor();
    } while (cursor != null);
    return new Findings.View(advisories, page.findings(), page.open(), page.suppressed());
  }
}
