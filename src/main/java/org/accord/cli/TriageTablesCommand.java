package org.accord.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.accord.triage.SsvcTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code accord triage tables [NAME]}: list the built-in SSVC tables, or print one. */
@Command(
    name = "tables",
    mixinStandardHelpOptions = true,
    description = {
      "List the built-in SSVC tables, or print one as a template.",
      "",
      "Without NAME: each built-in table with its decision points (the options of 'accord triage ssvc') "
          + "and their values. With NAME: that table's document in Accord's format (accord-ssvc-table/1), "
          + "a template for a custom table with a different risk appetite: change the id, name and the "
          + "rows' outcomes, keep one row per combination, and pass it with --table-file."
    },
    footer = {
      "",
      "Examples:",
      "  accord triage tables",
      "  accord triage tables deployer > our-appetite.json"
    })
final class TriageTablesCommand extends AccordCommand implements StorelessCommand {

  @Parameters(arity = "0..1", paramLabel = "NAME", description = "A built-in table to print.")
  String name;

  @Override
  protected int execute() {
    if (name != null) {
      out().print(SsvcTable.builtin(name).text());
      return Main.OK;
    }
    List<Map<String, Object>> tables = new ArrayList<>();
    for (String id : SsvcTable.builtinIds()) {
      SsvcTable table = SsvcTable.builtin(id);
      if (json) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", table.id());
        entry.put("name", table.name());
        entry.put("source", table.source());
        entry.put("digest", table.digest());
        entry.put("decisionPoints", table.decisionPoints().stream().map(TriageTablesCommand::point).toList());
        entry.put("outcome", point(table.outcome()));
        entry.put("rows", table.rows().size());
        tables.add(entry);
      } else {
        out().println(table.id() + ": " + table.name() + " (" + table.rows().size() + " rows)");
        for (SsvcTable.DecisionPoint point : table.decisionPoints()) {
          out().println("  --" + point.id() + "  " + values(point));
        }
        out().println("  outcome " + table.outcome().id() + ": " + values(table.outcome()));
        out().println("  source: " + table.source());
        out().println();
      }
    }
    if (json) {
      printJson(tables);
    }
    return Main.OK;
  }

  private static Map<String, Object> point(SsvcTable.DecisionPoint point) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", point.id());
    out.put("name", point.name());
    out.put("ssvc", point.ssvc());
    out.put("values", point.values().stream().map(SsvcTable.Value::id).toList());
    return out;
  }

  private static String values(SsvcTable.DecisionPoint point) {
    return String.join(" | ", point.values().stream().map(SsvcTable.Value::id).toList());
  }
}
