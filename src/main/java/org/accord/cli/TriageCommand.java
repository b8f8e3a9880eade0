package org.accord.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.accord.InvalidInputException;
import org.accord.triage.EpssFeed;
import org.accord.triage.Evidence;
import org.accord.triage.Exploitation;
import org.accord.triage.KevCatalog;
import org.accord.triage.Provenance;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code accord triage}: CVSS scores, SSVC decisions and exploitation evidence. Needs no data directory. */
@Command(
    name = "triage",
    description = {
      "Score and prioritise vulnerabilities: CVSS vectors, SSVC decisions, exploitation evidence.",
      "",
      "CVSS 3.0, 3.1 and 4.0 scores; SSVC decision tables (CERT/CC deployer, supplier, coordinator triage "
          + "and publish, CISA coordinator, or your own); SSVC Exploitation derived from the CISA KEV catalog "
          + "and FIRST EPSS scores. These commands work offline on their arguments and files; they do not "
          + "open the data directory."
    },
    subcommands = {
      TriageCvssCommand.class,
      TriageSsvcCommand.class,
      TriageTablesCommand.class,
      TriageExploitationCommand.class
    },
    footer = {
      "",
      "Examples:",
      "  accord triage cvss CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
      "  accord triage ssvc --table deployer --exploitation active \\",
      "      --system-exposure open --automatable yes --human-impact high",
      "  accord triage exploitation --cve CVE-2021-44228 --kev kev.json"
    })
final class TriageCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "missing subcommand: cvss, ssvc, tables or exploitation; see 'accord triage --help'");
  }

  /** The evidence options shared by {@code ssvc} and {@code exploitation}. */
  static final class EvidenceOptions {
    @Option(names = "--cve", paramLabel = "CVE", description = "The CVE whose exploitation evidence to look up, such as CVE-2021-44228.")
    String cve;

    @Option(
        names = "--kev",
        paramLabel = "FILE",
        description = "CISA KEV catalog, JSON (known_exploited_vulnerabilities.json). A listed CVE is exploitation=active.")
    Path kev;

    @Option(
        names = "--epss",
        paramLabel = "FILE",
        description = "FIRST EPSS scores, CSV or .csv.gz (epss_scores-YYYY-MM-DD.csv.gz). Above the threshold is public-poc.")
    Path epss;

    @Option(
        names = "--epss-threshold",
        paramLabel = "P",
        defaultValue = "0.1",
        description = "EPSS probability above which a CVE counts as public-poc, 0 to 1. Default: ${DEFAULT-VALUE}.")
    double epssThreshold;

    @Option(
        names = "--exploit-ref",
        paramLabel = "URL",
        description = "A reference to a public exploit or proof of concept (repeatable). Any makes it public-poc.")
    List<String> exploitReferences = new ArrayList<>();

    /** Whether any evidence source was given. */
    boolean anySource() {
      return kev != null || epss != null || !exploitReferences.isEmpty();
    }

    /** Checks the combination of options; returns false when no evidence was asked for. */
    boolean requested(CommandLine commandLine) {
      if (cve == null && !anySource()) {
        return false;
      }
      if (cve == null) {
        throw new CommandLine.ParameterException(commandLine, "--kev, --epss and --exploit-ref need --cve");
      }
      if (!anySource()) {
        throw new CommandLine.ParameterException(
            commandLine, "--cve needs at least one evidence source: --kev, --epss or --exploit-ref");
      }
      if (!(epssThreshold >= 0.0 && epssThreshold <= 1.0)) {
        throw new CommandLine.ParameterException(commandLine, "--epss-threshold must be between 0 and 1");
      }
      return true;
    }

    /** Reads the feeds and derives Exploitation. */
    Exploitation.Assessment assess() {
      Evidence evidence = Evidence.of(cve.strip().toUpperCase(java.util.Locale.ROOT));
      if (kev != null) {
        evidence = evidence.withKev(read(kev, KevCatalog::read));
      }
      if (epss != null) {
        evidence = evidence.withEpss(read(epss, EpssFeed::read));
      }
      for (String reference : exploitReferences) {
        evidence = evidence.withExploitReference(reference);
      }
      return Exploitation.assess(evidence, epssThreshold);
    }
  }

  /** Opens a file and parses it, naming the file in any error. */
  static <T> T read(Path file, Function<InputStream, T> reader) {
    try (InputStream in = Files.newInputStream(file)) {
      return reader.apply(in);
    } catch (NoSuchFileException e) {
      throw new UserException("no such file: " + file);
    } catch (IOException e) {
      throw new UserException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (InvalidInputException e) {
      String location =
          e.location().startsWith(file.toString()) ? e.location()
              : e.location().isEmpty() ? file.toString() : file + " " + e.location();
      throw new InvalidInputException(e.getMessage(), location, e);
    }
  }

  /** A provenance as JSON-friendly fields. */
  static Map<String, Object> json(Provenance provenance) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("feed", provenance.feed());
    out.put("version", provenance.version());
    out.put("published", provenance.published().toString());
    return out;
  }

  static List<Map<String, Object>> json(List<Provenance> provenance) {
    return provenance.stream().map(TriageCommand::json).toList();
  }
}
