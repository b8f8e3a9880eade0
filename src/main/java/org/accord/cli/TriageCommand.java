package org.accord.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.accord.InvalidInputException;
import org.accord.app.Priorities;
import org.accord.app.Viewer;
import org.accord.triage.EpssFeed;
import org.accord.triage.Evidence;
import org.accord.triage.Exploitation;
import org.accord.triage.KevCatalog;
import org.accord.triage.Provenance;
import org.accord.triage.SsvcTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code accord triage}: CVSS scores, SSVC decisions and exploitation evidence (subcommands, offline),
 * and exposure-weighted priority for a stored advisory ({@code --advisory ID --as ROLE}).
 */
@Command(
    name = "triage",
    description = {
      "Score and prioritise vulnerabilities.",
      "",
      "CVSS vectors, SSVC decisions and exploitation evidence (the subcommands), and exposure-weighted "
          + "priority per stakeholder.",
      "",
      "With --advisory and --as, decide how urgent a stored advisory is for a deployer (per affected "
          + "deployment, deployer table), a supplier (per affected product, supplier table) or a coordinator "
          + "(per product and overall, CISA coordinator table), and rank the answers. Decision points come "
          + "from the stored KEV/EPSS evidence (accord ingest kev|epss), from exposure (the deployments' "
          + "sector and criticality), from the advisory's CVSS vector, or, for what no data answers, from "
          + "--assume (else the most severe value, marked as assumed: with no KEV catalog or EPSS scores "
          + "loaded and no exploit reference, exploitation is assumed active). Findings a VEX statement marks not "
          + "affected or fixed are left out. This uses the data directory.",
      "",
      "The subcommands (cvss, ssvc, tables, exploitation) work offline on their arguments and files."
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
      "  accord triage --advisory CVE-2021-44228 --as deployer --org GridCo",
      "  accord triage --advisory GHSA-jfh8-c2jp-5v3q --as supplier --org Acme \\",
      "      --assume value-density=diffuse",
      "  accord triage --advisory CVE-2021-44228 --as coordinator --json",
      "  accord triage cvss CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
      "  accord triage ssvc --table deployer --exploitation active \\",
      "      --system-exposure open --automatable yes --human-impact high",
      "  accord triage exploitation --cve CVE-2021-44228 --kev kev.json"
    })
final class TriageCommand extends AccordCommand {

  @Option(names = "--advisory", paramLabel = "ID", description = "The stored advisory to prioritise (id or alias).")
  String advisory;

  @Option(names = "--as", paramLabel = "ROLE", description = "deployer, supplier or coordinator.")
  String role;

  @Option(
      names = "--source",
      paramLabel = "ORG",
      description = "The organization whose record of the advisory to decide on; needed when several organizations imported it.")
  String source;

  @Option(
      names = "--org",
      paramLabel = "NAME",
      description = "The deployer (its deployments) or supplier (its products) to decide for. Default: every one.")
  String org;

  @Option(
      names = "--assume",
      paramLabel = "POINT=VALUE",
      description = "A decision point value no data can give, such as system-exposure=controlled (repeatable).")
  Map<String, String> assumptions = new LinkedHashMap<>();

  @Option(
      names = "--epss-threshold",
      paramLabel = "P",
      defaultValue = "0.1",
      description = "EPSS probability above which a CVE counts as public-poc, 0 to 1. Default: ${DEFAULT-VALUE}.")
  double epssThreshold;

  @Option(names = "--table-file", paramLabel = "FILE", description = "Decide with your own table (risk appetite) instead of the role's.")
  Path tableFile;

  @Override
  protected int execute() {
    if (advisory == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "missing command (one of: cvss, ssvc, tables, exploitation) or --advisory ID --as ROLE");
    }
    if (role == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--advisory needs --as deployer|supplier|coordinator");
    }
    Priorities.Role stakeholder;
    try {
      stakeholder = Priorities.Role.fromId(role);
    } catch (InvalidInputException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    SsvcTable table = tableFile == null ? null : read(tableFile, in -> SsvcTable.load(in, tableFile.toString()));
    Priorities.View view;
    if (remote().isPresent()) {
      Remote.Query query = Remote.query(
          "advisory", advisory, "source", source, "as", stakeholder.id(), "org", org, "epss_threshold", explicit("--epss-threshold", Double.toString(epssThreshold)));
      assumptions.forEach((point, value) -> query.add("assume", point + ":" + value));
      view = table == null
          ? remote().get().get("api/v1/triage", query, Priorities.View.class)
          : read(tableFile, in -> remote().get().post("api/v1/triage", query, in, "application/json", Priorities.View.class));
    } else {
      view = context().accord().priorities().triage(
          new Priorities.Request(advisory, stakeholder, org, assumptions, epssThreshold, table, source), Viewer.local(false));
    }
    if (json) {
      printJson(view);
      return Main.OK;
    }
    out().printf("%s (sources: %s) as %s%s, table %s (sha256 %s…)%n", view.advisory(), String.join(", ", view.sources()), view.role(),
        view.organization().isEmpty() ? "" : " for " + view.organization(), view.table(), view.tableDigest().substring(0, 16));
    out().printf("exploitation: %s (%s: %s)%n", view.exploitation().value(), view.exploitation().source(), view.exploitation().reason());
    if (view.ranked().isEmpty()) {
      out().println("nothing to rank");
    }
    for (Priorities.Unit unit : view.ranked()) {
      out().printf("%n%d. %-12s %s%s%n", unit.rank(), unit.outcome(), unit.subject(),
          unit.kind().equals("deployment") ? " running " + unit.product() : "");
      java.util.List<String> pairs = new java.util.ArrayList<>();
      unit.inputs().forEach((point, value) -> pairs.add(point + "=" + value + ("assumed".equals(unit.derived().get(point)) ? "*" : "")));
      out().println("   inputs: " + String.join(" ", pairs) + (unit.derived().containsValue("assumed") ? "  (* assumed)" : ""));
      if (!unit.kind().equals("deployment")) {
        out().printf("   deployments: %s at %s operators%n", unit.deployments(), unit.entities());
      }
    }
    for (String note : view.notes()) {
      out().println("note: " + note);
    }
    return Main.OK;
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
    try {
      return InputFiles.read(file, reader);
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
