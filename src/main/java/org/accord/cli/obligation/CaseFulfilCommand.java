package org.accord.cli.obligation;

import java.util.LinkedHashMap;
import java.util.Map;
import org.accord.cli.CaseCommand;
import org.accord.cli.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code accord case fulfil ACC-… OBLIGATION --reference R [--done-at T]}: the obligation's organization
 * records it done with evidence (ADR 0138).
 */
@Command(name = "fulfil", description = {"Record your obligation done, with evidence.",
    "Only the organization that owes it may (not the case owner, not the coordinator). Done after its due time, or after it "
        + "was marked missed, it is recorded as late. A record is never replaced."},
    footer = {"", "Examples:", "  accord case fulfil ACC-2026-0001 obl_3f2a9c0e41d7 --reference ENISA-42",
        "  accord case fulfil ACC-2026-0001 obl_3f2a9c0e41d7 --reference MIIT-7 --json",
        "    --done-at 2027-03-02T09:30:00Z"})
public final class CaseFulfilCommand extends CaseCommand.OnCase {
  @Parameters(index = "1", paramLabel = "OBLIGATION", description = "The obligation's id (obl_…), as accord case obligations lists it.")
  String obligation;

  @Option(names = "--reference", required = true, paramLabel = "REF", description = "The evidence: a ticket number, a message id, a URL.")
  String reference;

  @Option(names = "--done-at", paramLabel = "INSTANT", description = "When it was done, ISO 8601 in UTC (default: now).")
  String doneAt;

  @Override
  protected boolean createsData() {
    return true;
  }

  @Override
  protected int execute() {
    Map<String, Object> answer;
    if (remote().isPresent()) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("reference", reference);
      if (doneAt != null) {
        body.put("done_at", doneAt);
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> posted = remote().get().postJson(path("/obligations/" + org.accord.cli.Remote.segment(obligation) + "/fulfil"), body, Map.class);
      answer = posted;
    } else {
      answer = context().accord().obligations().fulfil(actingAs(organization), id, obligation, reference, doneAt);
    }
    if (json) {
      printJson(answer);
      return Main.OK;
    }
    out().printf("Recorded %s as %s: %s%n", answer.get("id"), answer.get("state"), answer.get("text"));
    return Main.OK;
  }
}
