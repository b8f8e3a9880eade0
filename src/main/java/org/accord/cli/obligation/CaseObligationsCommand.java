package org.accord.cli.obligation;

import java.util.List;
import java.util.Map;
import org.accord.cli.CaseCommand;
import org.accord.cli.Main;
import org.accord.cli.Remote;
import picocli.CommandLine.Command;

/**
 * {@code accord case obligations ACC-…}: the case's obligations the caller may see (ADR 0138), through the
 * API like the other case commands (ADR 0099), or on the data directory.
 */
@Command(name = "obligations", description = {"List the obligations the adopted plan gives participants.",
    "Each is what a rule pack asks of one participant (notify an authority within a term), with its due time and state "
        + "(waiting, open, met, late, missed). You see your organization's; the case owner and the coordinator see all."},
    footer = {"", "Examples:", "  accord case obligations ACC-2026-0001", "  accord case obligations ACC-2026-0001 --json"})
public final class CaseObligationsCommand extends CaseCommand.OnCase {
  @Override
  protected int execute() {
    @SuppressWarnings("unchecked")
    Map<String, Object> answer = remote().isPresent() ? remote().get().get(path("/obligations"), Remote.query(), Map.class)
        : context().accord().obligations().list(actingAs(organization), id);
    if (json) {
      printJson(answer);
      return Main.OK;
    }
    List<Map<String, Object>> obligations = CaseCommand.castList(answer.get("obligations"));
    if (obligations.isEmpty()) {
      out().printf("%s has no obligation you may see.%n", answer.get("case"));
    }
    for (Map<String, Object> o : obligations) {
      out().printf("%s  %-7s %s%n", o.get("id"), o.get("state"), o.get("text"));
      if (o.get("done_at") != null) {
        out().printf("    done %s (recorded %s), evidence: %s%n", o.get("done_at"), o.get("recorded_at"), o.get("reference"));
      }
      if (o.get("missed_at") != null) {
        out().printf("    marked missed %s%n", o.get("missed_at"));
      }
    }
    return Main.OK;
  }
}
