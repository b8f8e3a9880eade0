package org.accord.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.accord.InvalidInputException;
import org.accord.app.Reports;
import org.accord.disclosure.ReportReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code accord report submit|list|show|transition}: vulnerability reports (ADR 0106), on the data
 * directory (as the local coordinator acting for {@code --org}) or through {@code --server}.
 */
@Command(
    name = "report",
    description = {
      "Submit vulnerability reports and move them through RM.",
      "",
      "A report is JSON or Markdown (at most 64 KiB). The coordinator and the maintainers of the affected packages "
          + "receive it, and each moves its own state: validate or invalidate, then accept (the first opens the case) or "
          + "defer, then close; duplicate --case attaches it to a case."
    },
    subcommands = {ReportCommand.Submit.class, ReportCommand.ListReports.class, ReportCommand.Show.class,
        ReportCommand.Transition.class})
final class ReportCommand {
  private ReportCommand() {}

  /** The API's answer to a list of reports. */
  record Listed(List<Map<String, Object>> reports) {}

  @Command(name = "submit", description = "Submit a report from a file; your organization sends it.",
      footer = {"", "Example:", "  accord report submit finding.md --org 'Finder Lab'"})
  static final class Submit extends AccordCommand {
    @Parameters(paramLabel = "FILE", description = "The report, JSON or Markdown.")
    Path file;

    @Option(names = "--org", paramLabel = "NAME", description = "Send it as this organization (on the data directory).")
    String organization;

    @Override
    protected boolean createsData() {
      return true;
    }

    @Override
    protected int execute() {
      byte[] body;
      try {
        if (Files.size(file) > ReportReader.MAX_BYTES) {
          throw new InvalidInputException("the report has " + Files.size(file) + " bytes; at most " + ReportReader.MAX_BYTES
              + " are accepted", file.toString());
        }
        body = Files.readAllBytes(file);
      } catch (IOException e) {
        throw new InvalidInputException("cannot read the report: " + e.getMessage(), file.toString());
      }
      Map<String, Object> answer = remote().isPresent()
          ? remote().get().post("api/v1/reports", Remote.query(), new ByteArrayInputStream(body),
              body.length > 0 && new String(body, java.nio.charset.StandardCharsets.UTF_8).stripLeading().startsWith("{")
                  ? "application/json" : "text/markdown", Map.class)
          : Reports.describe(context().accord().reports().submit(actingAs(organization), body));
      print(this, answer, "Submitted");
      return Main.OK;
    }
  }

  @Command(name = "list", description = "List the reports you may see (all, for the coordinator).")
  static final class ListReports extends AccordCommand {
    @Option(names = "--org", paramLabel = "NAME", description = "As this organization (on the data directory).")
    String organization;

    @Override
    protected int execute() {
      List<Map<String, Object>> reports = remote().isPresent()
          ? remote().get().get("api/v1/reports", Remote.query(), Listed.class).reports()
          : context().accord().reports().list(actingAs(organization)).stream().map(Reports::describe).toList();
      if (json) {
        printJson(Map.of("reports", reports));
        return Main.OK;
      }
      for (Map<String, Object> r : reports) {
        out().printf("%-28s %-9s %-14s %s%n", r.get("id"), r.get("state"), r.get("case") == null ? "-" : r.get("case"), r.get("title"));
      }
      return Main.OK;
    }
  }

  @Command(name = "show", description = "Show one report.")
  static final class Show extends AccordCommand {
    @Parameters(index = "0", paramLabel = "REPORT-ID", description = "The report, such as RPT-0123456789abcdef01234567.")
    String id;

    @Option(names = "--org", paramLabel = "NAME", description = "As this organization (on the data directory).")
    String organization;

    @Override
    protected int execute() {
      Map<String, Object> answer = remote().isPresent()
          ? remote().get().get("api/v1/reports/" + Remote.segment(id), Remote.query(), Map.class)
          : Reports.describe(context().accord().reports().show(actingAs(organization), id));
      print(this, answer, "Report");
      return Main.OK;
    }
  }

  @Command(name = "transition", description = {"Move your own Report Management state for a report you received.",
      "validate, invalidate, accept (opens a case, or keeps the linked one), defer, close; duplicate --case ACC-... "
          + "attaches it to that case (valid, then deferred)."},
      footer = {"", "Examples:", "  accord report transition RPT-0123456789abcdef01234567 validate",
          "  accord report transition \"$REPORT\" duplicate --case ACC-2026-0001",
          "  accord report transition \"$REPORT\" accept --org 'LibraCore Project'"})
  static final class Transition extends AccordCommand {
    @Parameters(index = "0", paramLabel = "REPORT-ID", description = "The report.")
    String id;

    @Parameters(index = "1", paramLabel = "EVENT", description = "validate, invalidate, accept, defer, close or duplicate.")
    String event;

    @Option(names = "--case", paramLabel = "CASE-ID", description = "The case a duplicate belongs to.")
    String caseId;

    @Option(names = "--org", paramLabel = "NAME", description = "As this organization, which received the report (on the data directory).")
    String organization;

    @Override
    protected boolean createsData() {
      return true;
    }

    @Override
    protected int execute() {
      Map<String, Object> answer;
      if (remote().isPresent()) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", event);
        if (caseId != null) {
          body.put("case", caseId);
        }
        answer = remote().get().postJson("api/v1/reports/" + Remote.segment(id) + "/transitions", body, Map.class);
      } else {
        answer = Reports.describe(context().accord().reports().transition(actingAs(organization), id, event, caseId));
      }
      print(this, answer, "Recorded " + event + " on");
      return Main.OK;
    }
  }

  private static void print(AccordCommand command, Map<String, Object> r, String verb) {
    if (command.json) {
      command.printJson(r);
      return;
    }
    command.out().printf("%s %s: %s (%s)%n", verb, r.get("id"), r.get("title"), r.get("state"));
    if (r.get("case") != null) {
      command.out().printf("  %s %s%n", Boolean.TRUE.equals(r.get("duplicate")) ? "duplicate of" : "case", r.get("case"));
    }
  }
}
