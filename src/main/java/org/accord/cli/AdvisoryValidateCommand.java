package org.accord.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.accord.InvalidInputException;
import org.accord.advisory.CsafFinding;
import org.accord.advisory.CsafValidation;
import org.accord.advisory.CsafValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code accord advisory validate FILE…}: checks CSAF 2.0 documents against the CSAF JSON schema and
 * the tests of CSAF 2.0 §6: mandatory (§6.1), optional (§6.2) and informative (§6.3). Only the schema
 * and the mandatory tests decide validity and the exit code, unless {@code --strict}. Works offline
 * unless {@code --resolve-urls}; opens no data directory.
 */
@Command(
    name = "validate",
    sortOptions = false,
    description = {
      "Validate CSAF 2.0 documents, as a CSAF full validator.",
      "",
      "Checks the CSAF JSON schema and the tests of CSAF 2.0 section 6: every "
          + "mandatory test (6.1.1 to 6.1.33, with the profile tests 6.1.27.1 to 6.1.27.11), every optional "
          + "test (6.2.1 to 6.2.20) and every informative test (6.3.1 to 6.3.11), as a CSAF full validator. "
          + "A document is valid when the schema and the mandatory tests pass; optional findings are "
          + "warnings and informative findings are information, which never make it invalid. Works "
          + "offline: the schemas, reference data and the American English spelling dictionary ship with "
          + "Accord.",
      "",
      "Each finding is printed as TEST PATH MESSAGE, with the level after the test for optional and "
          + "informative tests: '6.2.12 (optional) $.document.lang ...'. TEST is the failed test, or "
          + "'schema' for a violation of the JSON schema (schema problems inside a CVSS object are test "
          + "6.1.8). PATH is a JSONPath into the document. Checks that could not be made are listed after "
          + "the findings as 'not checked: TEST (COUNT): REASON'. With several files, a last line counts "
          + "the findings by test.",
      "",
      "URLs (tests 6.3.6 and 6.3.7) are not requested unless --resolve-urls: offline, only URLs that can "
          + "never resolve (not http or https, or a host under .invalid) are findings; the others are "
          + "reported as not checked. The spell check (6.3.8) supports documents in English (en, en-US); "
          + "another document language is a 6.3.8 finding, as the test prescribes.",
      "",
      "With --json: {\"file\", \"valid\", \"findings\": [{\"test\", \"level\", \"path\", \"message\"}], "
          + "\"unchecked\": [{\"test\", \"path\", \"reason\"}]} for one file, an array of those for several; "
          + "level is mandatory, optional or informative. A file that cannot be read or parsed has \"error\" "
          + "(naming line and column for malformed JSON) instead of findings.",
      "",
      "Exit code: 0 when every document is valid (with --strict: when no document has a finding of any "
          + "level); 1 when any is invalid (with --strict: has any finding), malformed or unreadable; 2 on a "
          + "usage error."
    },
    footer = {
      "",
      "Examples:",
      "  accord advisory validate advisory.json",
      "  accord advisory validate --strict --resolve-urls advisory.json",
      "  accord advisory validate --tests basic --json vex/*.json",
      "  curl -s https://example.com/csaf/2024/x.json | accord advisory validate -"
    })
final class AdvisoryValidateCommand extends AccordCommand implements StorelessCommand {

  /** How long --resolve-urls waits to connect, and again for an answer. */
  static final Duration URL_TIMEOUT = Duration.ofSeconds(10);

  /** The test sets of the CSAF 2.0 validator profiles (§9.1.14 to §9.1.16). */
  enum Tests {
    basic(CsafValidator.Extent.BASIC),
    extended(CsafValidator.Extent.EXTENDED),
    full(CsafValidator.Extent.FULL);

    final CsafValidator.Extent extent;

    Tests(CsafValidator.Extent extent) {
      this.extent = extent;
    }
  }

  @Option(
      names = "--strict",
      description =
          "Fail (exit 1) when a document has any finding, optional and informative ones included, not only "
              + "when it is invalid.")
  boolean strict;

  @Option(
      names = "--resolve-urls",
      description =
          "Request every URL of the documents (HTTP HEAD, then GET if HEAD is refused; redirects are not "
              + "followed, a 3xx status passes) for tests 6.3.6 and 6.3.7; each waits at most "
              + "10 s to connect and 10 s for an answer. Without it, no request is made.")
  boolean resolveUrls;

  @Option(
      names = "--tests",
      paramLabel = "SET",
      defaultValue = "full",
      description =
          "Which tests to run: basic (schema and mandatory tests), extended (and the optional tests) or "
              + "full (and the informative tests). Default: ${DEFAULT-VALUE}.")
  Tests tests;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description = "CSAF 2.0 JSON documents to validate; '-' reads standard input.")
  List<Path> files;

  /** The JSON form of one file's result. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record FileReport(
      String file, boolean valid, String error, List<FindingJson> findings, List<UncheckedJson> unchecked) {}

  /** The JSON form of one finding. */
  record FindingJson(String test, String level, String path, String message) {}

  /** The JSON form of one check that could not be made. */
  record UncheckedJson(String test, String path, String reason) {}

  @Override
  protected int execute() {
    CsafValidator.Options options = CsafValidator.Options.of(tests.extent);
    if (resolveUrls) {
      options = options.withUrlResolver(new HttpUrlResolver(URL_TIMEOUT, "Accord-CSAF-validator"));
    }
    List<FileReport> reports = new ArrayList<>();
    for (Path file : files) {
      FileReport report = validate(file, options);
      reports.add(report);
      if (!json) {
        printHuman(report);
      }
    }
    long valid = reports.stream().filter(FileReport::valid).count();
    long clean = reports.stream().filter(report -> report.valid() && report.findings().isEmpty()).count();
    if (json) {
      printJson(reports.size() == 1 ? reports.get(0) : reports);
    } else if (reports.size() > 1) {
      out().printf(
          "%d of %d documents valid%s%n",
          valid,
          reports.size(),
          valid == clean ? "" : " (" + clean + " without any finding)");
      Map<String, Integer> byTest = new TreeMap<>(CsafValidator.TEST_ORDER);
      reports.forEach(report -> report.findings().forEach(finding -> byTest.merge(finding.test(), 1, Integer::sum)));
      if (!byTest.isEmpty()) {
        StringBuilder line = new StringBuilder("findings by test:");
        byTest.forEach((test, count) -> line.append(' ').append(test).append('=').append(count));
        out().println(line);
      }
    }
    long passed = strict ? clean : valid;
    return passed == reports.size() ? Main.OK : Main.USER_ERROR;
  }

  private static FileReport validate(Path file, CsafValidator.Options options) {
    String name = file.toString();
    try (InputStream in = name.equals("-") ? System.in : Files.newInputStream(file)) {
      CsafValidation validation = CsafValidator.validate(in, options);
      List<FindingJson> findings = new ArrayList<>();
      for (CsafFinding finding : validation.findings()) {
        findings.add(new FindingJson(finding.testId(), finding.level().label(), finding.jsonPath(), finding.message()));
      }
      List<UncheckedJson> unchecked = new ArrayList<>();
      for (CsafValidation.Unchecked item : validation.unchecked()) {
        unchecked.add(new UncheckedJson(item.testId(), item.jsonPath(), item.reason()));
      }
      return new FileReport(name, validation.valid(), null, findings, unchecked);
    } catch (InvalidInputException e) {
      return new FileReport(name, false, e.describe(), List.of(), List.of());
    } catch (NoSuchFileException e) {
      return new FileReport(name, false, "no such file", List.of(), List.of());
    } catch (IOException e) {
      return new FileReport(name, false, "cannot read it: " + InputFiles.reason(e), List.of(), List.of());
    } catch (UncheckedIOException e) {
      return new FileReport(name, false, "cannot read it: " + InputFiles.reason(e.getCause()), List.of(), List.of());
    }
  }

  private void printHuman(FileReport report) {
    if (report.error() != null) {
      out().println(report.file() + ": error");
      err().println("accord: " + report.file() + ": " + report.error());
      return;
    }
    out().println(report.file() + ": " + (report.valid() ? "valid" : "invalid") + counts(report.findings()));
    for (FindingJson finding : report.findings()) {
      String level = finding.level().equals(CsafFinding.Level.MANDATORY.label()) ? "" : " (" + finding.level() + ")";
      out().println(finding.test() + level + " " + finding.path() + " " + finding.message());
    }
    Map<String, Integer> unchecked = new LinkedHashMap<>();
    for (UncheckedJson item : report.unchecked()) {
      unchecked.merge(item.test() + "\u0000" + item.reason(), 1, Integer::sum);
    }
    unchecked.forEach(
        (key, count) -> {
          String[] parts = key.split("\u0000", 2);
          String hint = resolveUrls || !(parts[0].equals("6.3.6") || parts[0].equals("6.3.7")) ? "" : "; --resolve-urls requests them";
          out().println("not checked: " + parts[0] + " (" + count + "): " + parts[1] + hint);
        });
  }

  /** {@code ", 2 findings"}, or by level when not all are mandatory: {@code ", 1 mandatory and 3 optional findings"}. */
  private static String counts(List<FindingJson> findings) {
    if (findings.isEmpty()) {
      return "";
    }
    Map<CsafFinding.Level, Integer> byLevel = new EnumMap<>(CsafFinding.Level.class);
    for (FindingJson finding : findings) {
      byLevel.merge(CsafFinding.Level.valueOf(finding.level().toUpperCase(Locale.ROOT)), 1, Integer::sum);
    }
    String noun = findings.size() == 1 ? " finding" : " findings";
    if (byLevel.keySet().equals(Set.of(CsafFinding.Level.MANDATORY))) {
      return ", " + findings.size() + noun;
    }
    List<String> parts = new ArrayList<>();
    byLevel.forEach((level, count) -> parts.add(count + " " + level.label()));
    String joined =
        parts.size() == 1
            ? parts.get(0)
            : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    return ", " + joined + noun;
  }
}
