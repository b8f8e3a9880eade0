package org.accord.cli.history;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.accord.app.history.HistoryImports;
import org.accord.cli.AccordCommand;
import org.accord.cli.Main;
import org.accord.cli.Remote;
import org.accord.cli.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code accord import}: bring records from outside into the instance. */
@Command(name = "import", description = {"Import records from outside the instance.", "",
    "history: past vulnerabilities' timelines, as closed historical cases (ADR 0156)."},
    subcommands = {ImportCommand.History.class})
public final class ImportCommand {
  private ImportCommand() {}

  @Command(
      name = "history",
      description = {
        "Import past vulnerabilities' timelines as closed historical cases.",
        "",
        "FILE is CSV whose header line names, comma-separated and in this order: vulnerability, vendor, reported, "
            + "vendor_notified, vendor_responded, fix_ready, public, exploit_public, attacks_observed (ISO 8601 dates or instants, each optional), or a JSON array of objects with "
            + "those members. Each row becomes a closed historical case whose dates are the file's stated dates, never live "
            + "attestations: the log gets one public history.imported event (file name, SHA-256, rows' hash) and one "
            + "history.case_imported event per row (imported: true, stated_at). The indicators count them as imported.",
        "",
        "The coordinator imports any vendor's history; an organization's admin only rows whose vendor is its own "
            + "organization. A bad cell is refused with its line and column, and nothing is imported. A file, and a "
            + "vulnerability of a vendor, is imported once."
      },
      footer = {"", "Examples:", "  accord import history advisories.csv",
          "  accord import history vendora.json --org Vendora --json",
          "  accord import history advisories.csv --server https://accord.example"})
  public static final class History extends AccordCommand {
    @Parameters(paramLabel = "FILE", description = "The history file (CSV or JSON).")
    Path file;

    @Option(names = "--org", paramLabel = "NAME", description = "Import as this organization (local runs; default: the coordinator).")
    String organization;

    @Override
    protected boolean createsData() {
      return true;
    }

    @Override
    protected int execute() throws IOException {
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(file);
      } catch (IOException e) {
        throw new UserException("cannot read " + file + ": " + e.getMessage());
      }
      String name = file.getFileName() == null ? "history" : file.getFileName().toString();
      Map<String, Object> result;
      if (remote().isPresent()) {
        String type = name.toLowerCase(java.util.Locale.ROOT).endsWith(".json") ? "application/json" : "text/csv";
        result = remote().get().post("api/v1/history", Remote.query("name", name), new ByteArrayInputStream(bytes), type, Map.class);
      } else {
        HistoryImports.Imported imported = context().accord().historyImports().importFile(actingAs(organization), name, bytes);
        result = HistoryImports.describe(imported);
      }
      if (json) {
        printJson(result);
      } else {
        List<?> cases = (List<?>) result.get("cases");
        out().printf("Imported %d historical case(s) from %s (sha256 %s) for %s.%n", cases.size(), result.get("file"), result.get("sha256"),
            result.get("organization"));
      }
      return Main.OK;
    }
  }
}
