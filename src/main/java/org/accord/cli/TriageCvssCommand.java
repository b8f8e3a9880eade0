package org.accord.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.accord.triage.Cvss;
import org.accord.triage.CvssScore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code accord triage cvss VECTOR}: parse and score a CVSS vector. */
@Command(
    name = "cvss",
    mixinStandardHelpOptions = true,
    description = {
      "Score a CVSS 3.0, 3.1 or 4.0 vector and give its severity.",
      "",
      "For CVSS 3.x the score is the environmental score if any environmental metric is set, else the "
          + "temporal score if any temporal metric is set, else the base score. For CVSS 4.0 it is the one "
          + "score the specification defines for the metrics given (CVSS-B, -BT, -BE or -BTE). Metrics may "
          + "come in any order. A missing, repeated or unknown metric, or an unknown value, is an error "
          + "naming the metric (exit 1)."
    },
    footer = {
      "",
      "Output: the score, the severity and the vector in canonical order. With --json:",
      "  {\"version\": \"3.1\", \"score\": 9.8, \"severity\": \"CRITICAL\"}",
      "(severity in capitals, as in FIRST's CVSS JSON schemas:",
      "NONE, LOW, MEDIUM, HIGH, CRITICAL).",
      "",
      "Examples:",
      "  accord triage cvss CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
      "  accord triage cvss --json \\",
      "      CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"
    })
final class TriageCvssCommand extends AccordCommand implements StorelessCommand {

  @Parameters(paramLabel = "VECTOR", description = "The vector, such as CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H.")
  String vector;

  @Override
  protected int execute() {
    CvssScore score = Cvss.parse(vector);
    if (json) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("version", score.version());
      out.put("score", score.score());
      out.put("severity", score.severity().name());
      printJson(out);
    } else {
      out().printf(java.util.Locale.ROOT, "%.1f %s (CVSS %s) %s%n", score.score(), score.severity().label(), score.version(), score.vector());
    }
    return Main.OK;
  }
}
