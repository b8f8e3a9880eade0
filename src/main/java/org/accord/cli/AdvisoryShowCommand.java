package org.accord.cli;

import java.util.List;
import org.accord.app.Advisories;
import org.accord.app.Viewer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code accord advisory show ID} and {@code accord advisory list}. */
final class AdvisoryShowCommand {
  private AdvisoryShowCommand() {}

  @Command(
      name = "show",
      description = {
        "Show a stored advisory.",
        "",
        "Every record of it you may see, one per source (the importing organization; "
            + "records of one id from several organizations are kept side by side), each with its ids, "
            + "severities, each affected package with its ranges (as vers), the parts that cannot be "
            + "evaluated (GIT ranges), the matched package versions and the VEX statements."
      },
      footer = {"", "Examples:", "  accord advisory show CVE-2021-44228", "  accord advisory show CVE-2021-44228 --source 'Example CERT'"})
  static final class Show extends AccordCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "Advisory id or alias.")
    String id;

    @Option(names = "--source", paramLabel = "ORG", description = "Only the record this organization imported.")
    String source;

    @Override
    protected int execute() {
      Advisories.Shown shown = remote().isPresent()
          ? remote().get().get("api/v1/advisories/" + Remote.segment(id), Remote.query("source", source), Advisories.Shown.class)
          : context().accord().advisories().show(id, source, Viewer.local(false));
      if (json) {
        printJson(shown);
        return Main.OK;
      }
      boolean first = true;
      for (Advisories.View view : shown.records()) {
        if (!first) {
          out().println();
        }
        first = false;
        print(view);
      }
      return Main.OK;
    }

    private void print(Advisories.View view) {
      out().printf("%s from %s (%s, %s%s)%n", view.id(), view.source(), view.format(), view.visibility(),
          view.withdrawn().isEmpty() ? "" : ", withdrawn " + view.withdrawn());
      if (!view.summary().isEmpty()) {
        out().println("  " + view.summary());
      }
      if (!view.aliases().isEmpty()) {
        out().println("  aliases: " + String.join(", ", view.aliases()));
      }
      view.severities().forEach(s -> out().println("  severity: " + s.type() + " " + s.score()));
      out().printf("%nAffected packages: %d%n", view.affected().size());
      for (Advisories.AffectedView affected : view.affected()) {
        out().printf("  %s %s%n", affected.packageKey().isEmpty() ? "(no package)" : affected.packageKey(), affected.range());
        affected.notEvaluable().forEach(reason -> out().println("    not evaluated: " + reason));
      }
      out().printf("%nMatched package versions: %d%n", view.matched().size());
      view.matched().stream().limit(50).forEach(purl -> out().println("  " + purl));
      out().printf("%nVEX statements: %d%n", view.statements().size());
      for (Advisories.StatementView statement : view.statements()) {
        out().printf("  %s: %s%s%s by %s%n", statement.product(), statement.status(),
            statement.justification().isEmpty() ? "" : " (" + statement.justification() + ")",
            statement.subcomponents().isEmpty() ? "" : " for " + String.join(", ", statement.subcomponents()), statement.author());
      }
    }
  }

  @Command(
      name = "list",
      description = {
        "List stored advisories, newest import first.",
        "",
        "Each with its source (the importing organization), its format, its visibility and how "
            + "many package versions it matched."
      })
  static final class ListCommand extends AccordCommand {
    @Option(names = "--id", paramLabel = "ID", description = "Only advisories with this id or alias.")
    String name;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "At most this many. Default: ${DEFAULT-VALUE}.")
    int limit;

    @Override
    protected int execute() {
      List<Advisories.Summary> summaries = remote().isPresent()
          ? remote().get().get("api/v1/advisories", Remote.query("id", name, "limit", Integer.toString(limit)), Listed.class).advisories()
          : context().accord().advisories().list(Viewer.local(false), name, limit);
      if (json) {
        printJson(summaries);
        return Main.OK;
      }
      for (Advisories.Summary summary : summaries) {
        out().printf("%-24s %-20s %-5s %-7s %5d matched  %s%s%n", summary.id(), summary.source(), summary.format(), summary.visibility(), summary.matched(),
            summary.withdrawn() ? "[withdrawn] " : "", summary.summary());
      }
      return Main.OK;
    }

    /** The API's answer: {@code {"advisories": [...]}}. */
    record Listed(List<Advisories.Summary> advisories) {}
  }
}
