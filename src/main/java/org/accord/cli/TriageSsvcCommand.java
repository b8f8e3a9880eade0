package org.accord.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.accord.triage.Exploitation;
import org.accord.triage.SsvcDecision;
import org.accord.triage.SsvcTable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** {@code accord triage ssvc}: decide with an SSVC decision table. */
@Command(
    name = "ssvc",
    mixinStandardHelpOptions = true,
    description = {
      "Decide with an SSVC decision table, built in or your own.",
      "",
      "Give one --<decision-point> VALUE option per decision point of the chosen table; values may be "
          + "given by id, SSVC key or name (active, A, \"Active\"). Exploitation can instead come from "
          + "evidence: give --cve with --kev, --epss and/or --exploit-ref and leave out --exploitation; the "
          + "decision then records the feeds' versions and dates. --json prints the decision record: "
          + "table, table digest, outcome, inputs, evidence and rationale."
    },
    footer = {
      "",
      "Decision-point options of the built-in tables",
      "('accord triage tables' lists them with their values):",
      "  deployer             --exploitation --system-exposure",
      "                       --automatable --human-impact",
      "  supplier             --exploitation --utility",
      "                       --technical-impact --public-safety-impact",
      "  coordinator-triage   --report-public --supplier-contacted",
      "                       --report-credibility --supplier-cardinality",
      "                       --supplier-engagement --utility",
      "                       --public-safety-impact",
      "  coordinator-publish  --supplier-involvement --exploitation",
      "                       --public-value-added",
      "  cisa-coordinator     --exploitation --automatable --technical-impact",
      "                       --mission-and-well-being-impact",
      "A custom table (--table-file) has the options its decision point ids name.",
      "",
      "Exit codes: 0 decided; 1 bad table file or feed;",
      "2 missing, unknown or invalid options.",
      "",
      "Examples:",
      "  accord triage ssvc --table deployer --exploitation active \\",
      "      --system-exposure open --automatable yes --human-impact very-high",
      "  accord triage ssvc --table cisa-coordinator --cve CVE-2021-44228 \\",
      "      --kev kev.json --epss epss.csv.gz --automatable yes \\",
      "      --technical-impact total --mission-and-well-being-impact high --json",
      "  accord triage ssvc --table-file our-appetite.json \\",
      "      --exploitation none --system-exposure open"
    })
final class TriageSsvcCommand extends AccordCommand implements StorelessCommand {

  static final class TableChoice {
    @Option(
        names = "--table",
        paramLabel = "NAME",
        required = true,
        description = "A built-in table: deployer, supplier, coordinator-triage, coordinator-publish, cisa-coordinator.")
    String builtin;

    @Option(
        names = "--table-file",
        paramLabel = "FILE",
        required = true,
        description = "A custom table in Accord's format (accord-ssvc-table/1); see 'accord triage tables NAME' for a template.")
    Path file;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  TableChoice table;

  @Mixin TriageCommand.EvidenceOptions evidence = new TriageCommand.EvidenceOptions();

  @Unmatched List<String> pointArguments = new ArrayList<>();

  @Override
  protected int execute() {
    SsvcTable chosen =
        table.builtin != null
            ? SsvcTable.builtin(table.builtin)
            : TriageCommand.read(table.file, in -> SsvcTable.load(in, table.file.toString()));
    CommandLine commandLine = spec.commandLine();
    Map<String, String> inputs = decisionPoints(chosen, commandLine);
    boolean fromEvidence = evidence.requested(commandLine);
    if (fromEvidence && inputs.containsKey(SsvcTable.EXPLOITATION)) {
      throw new CommandLine.ParameterException(
          commandLine, "give --exploitation or evidence (--cve with --kev/--epss/--exploit-ref), not both");
    }
    List<String> missing = new ArrayList<>();
    for (SsvcTable.DecisionPoint point : chosen.decisionPoints()) {
      boolean derived = fromEvidence && point.id().equals(SsvcTable.EXPLOITATION);
      if (!inputs.containsKey(point.id()) && !derived) {
        missing.add("--" + point.id());
      }
    }
    if (!missing.isEmpty()) {
      throw new CommandLine.ParameterException(
          commandLine,
          "table " + chosen.id() + " needs " + String.join(", ", missing)
              + (missing.contains("--" + SsvcTable.EXPLOITATION) ? " (or --cve with evidence for exploitation)" : ""));
    }
    SsvcDecision decision;
    if (fromEvidence) {
      Exploitation.Assessment assessment = evidence.assess();
      decision = chosen.decide(inputs, assessment);
    } else {
      decision = chosen.decide(inputs);
    }
    if (json) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("table", decision.table());
      out.put("tableDigest", decision.tableDigest());
      out.put("outcome", decision.outcome());
      out.put("inputs", decision.inputs());
      out.put("evidence", TriageCommand.json(decision.evidence()));
      out.put("rationale", decision.rationale());
      printJson(out);
    } else {
      SsvcTable.Value outcome = chosen.outcome().value(decision.outcome()).orElseThrow();
      out().println("outcome:  " + outcome.id() + " (" + chosen.outcome().name() + ")");
      out().println("table:    " + chosen.id() + ", " + chosen.name() + " (sha256 " + chosen.digest().substring(0, 16) + "…)");
      List<String> pairs = new ArrayList<>();
      decision.inputs().forEach((point, value) -> pairs.add(point + "=" + value));
      out().println("inputs:   " + String.join(" ", pairs));
      for (String line : decision.rationale()) {
        out().println("because:  " + line);
      }
    }
    return Main.OK;
  }

  /** Parses the unmatched {@code --point value} and {@code --point=value} arguments against the table. */
  private Map<String, String> decisionPoints(SsvcTable chosen, CommandLine commandLine) {
    Map<String, String> inputs = new LinkedHashMap<>();
    for (int i = 0; i < pointArguments.size(); i++) {
      String argument = pointArguments.get(i);
      if (!argument.startsWith("--") || argument.length() == 2) {
        throw new CommandLine.ParameterException(
            commandLine, "unexpected argument '" + argument + "'; decision points are given as --<decision-point> VALUE");
      }
      String name;
      String value;
      int equals = argument.indexOf('=');
      if (equals > 0) {
        name = argument.substring(2, equals);
        value = argument.substring(equals + 1);
      } else {
        name = argument.substring(2);
        if (i + 1 >= pointArguments.size() || pointArguments.get(i + 1).startsWith("--")) {
          throw new CommandLine.ParameterException(commandLine, "--" + name + " needs a value");
        }
        value = pointArguments.get(++i);
      }
      SsvcTable.DecisionPoint point =
          chosen
              .decisionPoint(name)
              .orElseThrow(
                  () ->
                      new CommandLine.ParameterException(
                          commandLine,
                          "unknown option --" + name + "; table " + chosen.id() + " has "
                              + String.join(", ", chosen.decisionPoints().stream().map(p -> "--" + p.id()).toList())));
      if (inputs.containsKey(point.id())) {
        throw new CommandLine.ParameterException(commandLine, "--" + name + " is given twice");
      }
      if (point.value(value).isEmpty()) {
        throw new CommandLine.ParameterException(
            commandLine,
            "invalid value '" + value + "' for --" + name + " (one of "
                + String.join(", ", point.values().stream().map(SsvcTable.Value::id).toList()) + ")");
      }
      inputs.put(point.id(), value);
    }
    return inputs;
  }
}
