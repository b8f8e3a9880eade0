package org.accord.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.accord.InvalidInputException;
import org.accord.advisory.CsafFinding;
import org.accord.advisory.CsafValidation;
import org.accord.advisory.CsafValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code accord advisory validate FILE…}: checks CSAF 2.0 documents against the CSAF JSON schema and
 * the mandatory tests of CSAF 2.0 §6.1. Works offline; opens no data directory.
 */
@Command(
    name = "validate",
    sortOptions = false,
    description = {
      "Validate CSAF 2.0 documents against the CSAF JSON schema and every mandatory test of CSAF 2.0 "
          + "section 6.1 (6.1.1 to 6.1.33, with the profile tests 6.1.27.1 to 6.1.27.11). Works offline: "
          + "the schemas and reference data ship with Accord.",
      "",
      "Each finding is printed as TEST PATH MESSAGE. TEST is the failed test, such as 6.1.1, or 'schema' "
          + "for a violation of the JSON schema (schema problems inside a CVSS object are test 6.1.8). "
          + "PATH is a JSONPath into the document. With several files, a last line counts the findings "
          + "by test.",
      "",
      "With --json: {\"file\", \"valid\", \"findings\": [{\"test\", \"path\", \"message\"}]} for one file, an "
          + "array of those for several; a file that cannot be read or parsed has \"error\" (naming line "
          + "and column for malformed JSON) instead of findings.",
      "",
      "Exit code: 0 when every document is valid; 1 when any is invalid, malformed or unreadable; 2 on a "
          + "usage error."
    },
    footer = {
      "",
      "Examples:",
      "  accord advisory validate advisory.json",
      "  accord advisory validate --json vex/*.json",
      "  curl -s https://example.com/csaf/2024/x.json | accord advisory validate -"
    })
final class AdvisoryValidateCommand extends AccordCommand {

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description = "CSAF 2.0 JSON documents to validate; '-' reads standard input.")
  List<Path> files;

  /** The JSON form of one file's result. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record FileReport(String file, boolean valid, String error, List<FindingJson> findings) {}

  /** The JSON form of one finding. */
  record FindingJson(String test, String path, String message) {}

  @Override
  protected int execute() {
    List<FileReport> reports = new ArrayList<>();
    for (Path file : files) {
      FileReport report = validate(file);
      reports.add(report);
      if (!json) {
        printHuman(report);
      }
    }
    long valid = reports.stream().filter(FileReport::valid).count();
    if (json) {
      printJson(reports.size() == 1 ? reports.get(0) : reports);
    } else if (reports.size() > 1) {
      out().printf("%d of %d documents valid%n", valid, reports.size());
      Map<String, Integer> byTest = new TreeMap<>(CsafValidator.TEST_ORDER);
      reports.forEach(report -> report.findings().forEach(finding -> byTest.merge(finding.test(), 1, Integer::sum)));
      if (!byTest.isEmpty()) {
        StringBuilder line = new StringBuilder("findings by test:");
        byTest.forEach((test, count) -> line.append(' ').append(test).append('=').append(count));
        out().println(line);
      }
    }
    return valid == reports.size() ? Main.OK : Main.USER_ERROR;
  }

  private FileReport validate(Path file) {
    String name = file.toString();
    try (InputStream in = name.equals("-") ? System.in : Files.newInputStream(file)) {
      CsafValidation validation = CsafValidator.validate(in);
      List<FindingJson> findings = new ArrayList<>();
      for (CsafFinding finding : validation.findings()) {
        findings.add(new FindingJson(finding.testId(), finding.jsonPath(), finding.message()));
      }
      return new FileReport(name, validation.valid(), null, findings);
    } catch (InvalidInputException e) {
      return new FileReport(name, false, e.describe(), List.of());
    } catch (NoSuchFileException e) {
      return new FileReport(name, false, "no such file", List.of());
    } catch (IOException | UncheckedIOException e) {
      return new FileReport(name, false, "cannot read: " + e.getMessage(), List.of());
    }
  }

  private void printHuman(FileReport report) {
    if (report.error() != null) {
      out().println(report.file() + ": error");
      err().println("accord: " + report.file() + ": " + report.error());
      return;
    }
    if (report.valid()) {
      out().println(report.file() + ": valid");
      return;
    }
    int count = report.findings().size();
    out().println(report.file() + ": invalid, " + count + (count == 1 ? " finding" : " findings"));
    for (FindingJson finding : report.findings()) {
      out().println(finding.test() + " " + finding.path() + " " + finding.message());
    }
  }
}
