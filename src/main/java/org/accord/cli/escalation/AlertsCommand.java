package org.accord.cli.escalation;

import java.util.List;
import java.util.Map;
import org.accord.cli.AccordCommand;
import org.accord.cli.CaseCommand;
import org.accord.cli.Main;
import org.accord.cli.Remote;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code accord alerts}: the anomaly alerts on the cases the caller sees (ADR 0155), through the API or on the data directory. */
@Command(name = "alerts", description = {"List the anomaly alerts on the cases you see, newest first.",
    "Three kinds: embargo_breach (attacks observed or an exploit public while an embargo held), silent_participant (a pledge"
        + " deadline missed) and exposure_persists. Alerts of cases you may not see are not listed."},
    footer = {"", "Examples:", "  accord alerts", "  accord alerts --limit 20 --json"})
public final class AlertsCommand extends AccordCommand {
  @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "At most N alerts, 1 to 500 (default ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--org", paramLabel = "NAME", description = "Act for this organization (on the data directory; default: the coordinator's).")
  String organization;

  @Override
  protected int execute() {
    @SuppressWarnings("unchecked")
    Map<String, Object> answer = remote().isPresent()
        ? remote().get().get("api/v1/alerts", Remote.query("limit", Integer.toString(limit)), Map.class)
        : Map.of("alerts", context().accord().alerts().list(actingAs(organization), limit));
    if (json) {
      printJson(answer);
      return Main.OK;
    }
    List<Map<String, Object>> alerts = CaseCommand.castList(answer.get("alerts"));
    if (alerts.isEmpty()) {
      out().println("No alerts on the cases you see.");
    }
    for (Map<String, Object> a : alerts) {
      out().printf("%s  %s  %-18s %s%n", a.get("raised"), a.get("case"), a.get("kind"), a.get("message"));
    }
    return Main.OK;
  }
}
