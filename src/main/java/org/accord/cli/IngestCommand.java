package org.accord.cli;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.accord.InvalidInputException;
import org.accord.app.Advisories;
import org.accord.app.IngestResults;
import org.accord.sbom.BomReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code accord ingest …}: load SBOMs and inventories into the store and the graph. */
@Command(
    name = "ingest",
    description = "Load SBOMs, inventories, advisories and feeds into the store.",
    subcommands = {
      IngestCommand.Sbom.class,
      IngestCommand.Inventory.class,
      IngestCommand.Advisory.class,
      IngestCommand.Kev.class,
      IngestCommand.Epss.class
    })
final class IngestCommand {

  @Command(
      name = "sbom",
      description = {
        "Ingest SBOM documents (CycloneDX, SPDX).",
        "",
        BomReader.SUPPORTED_VERSIONS + "; the format is read from the content, not from the file name.",
        "Each file is one transaction: a refused file changes nothing, and the files before it stay ingested. "
            + "Re-ingesting the same bytes changes nothing; a new SBOM for the same product version replaces "
            + "that version's edges."
      },
      footer = {"", "Example:", "  accord ingest sbom --org Acme build/bom.json build/other.cdx.xml"})
  static final class Sbom extends AccordCommand {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "SBOM files.")
    List<Path> files;

    @Option(names = "--org", paramLabel = "NAME", defaultValue = "local", description = "Organization the SBOM is attributed to (must exist: accord org create). Default: ${DEFAULT-VALUE}.")
    String org;

    @Override
    protected boolean createsData() {
      return true;
    }

    @Override
    protected int execute() {
      List<Object> results = new ArrayList<>();
      boolean progress = Progress.enabled(json);
      try (Progress bar = Progress.of("ingest", files.size(), progress && files.size() > 1)) {
        for (Path file : files) {
          IngestResults.Sbom result = read(file, in -> {
            try (InputStream shown = Progress.wrap(in, file.getFileName().toString(), Files.size(file), progress)) {
              return remote().isPresent()
                  ? remote().get().post("api/v1/sboms", Remote.query("org", explicit("--org", org)), shown, "application/octet-stream", IngestResults.Sbom.class)
                  : context().accord().ingestSbom(shown, actingAs(org));
            }
          });
          results.add(new FileResult<>(file.toString(), result));
          bar.step();
          if (!json) {
            out().printf(
                "%s: %s %s, %d components, %d edges%s%s%n",
                file,
                result.duplicate() ? "already ingested as document" : "document",
                result.documentId(),
                result.components(),
                result.edges(),
                result.warnings().isEmpty() ? "" : ", " + result.warnings().size() + " warnings",
                result.replacedDocumentId() > 0 ? " (replaces document " + result.replacedDocumentId() + ")" : "");
            for (String warning : result.warnings()) {
              out().println("  warning: " + warning);
            }
          }
        }
      }
      if (json) {
        printJson(results);
      }
      return Main.OK;
    }
  }

  @Command(
      name = "inventory",
      description = {
        "Ingest deployment inventories (CSV or JSON).",
        "",
        "One row per deployment, with operator, site, sector, country (ISO 3166-1 alpha-2), criticality and "
            + "product (the product's PURL with its version). CSV has a header row; JSON is an array of rows or "
            + "an object with a \"deployments\" array.",
        "Sectors: energy, water, health, telecom, finance, transport, digital-identity, government, "
            + "manufacturing, other. Criticality: essential, important, other.",
        "Errors name the line (or index) and the field; a refused file changes nothing."
      },
      footer = {
        "",
        "Example CSV:",
        "  operator,site,sector,country,criticality,product",
        "  GridCo,Hamburg North,energy,DE,essential,pkg:generic/acme/scada-hub@4.2.0"
      })
  static final class Inventory extends AccordCommand {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Inventory files (.csv or .json).")
    List<Path> files;

    @Option(names = "--org", paramLabel = "NAME", defaultValue = "local", description = "Uploading organization. Default: ${DEFAULT-VALUE}.")
    String org;

    @Override
    protected boolean createsData() {
      return true;
    }

    @Override
    protected int execute() {
      List<Object> results = new ArrayList<>();
      for (Path file : files) {
        IngestResults.Inventory result = read(file, in -> remote().isPresent()
            ? remote().get().post("api/v1/inventories", Remote.query("org", explicit("--org", org)), in,
                file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json") ? "application/json" : "text/csv",
                IngestResults.Inventory.class)
            : context().accord().ingestInventory(in, file.getFileName().toString(), actingAs(org)));
        results.add(new FileResult<>(file.toString(), result));
        if (!json) {
          out().printf(
              "%s: %s %d, %d deployments of %d operators%n",
              file,
              result.duplicate() ? "already ingested as inventory" : "inventory",
              result.inventoryId(),
              result.deployments(),
              result.operators());
        }
      }
      if (json) {
        printJson(results);
      }
      return Main.OK;
    }
  }

  @Command(
      name = "advisory",
      description = {
        "Import advisories and VEX documents.",
        "",
        "OSV, CSAF 2.0 (any profile; the VEX profile also gives VEX "
            + "statements), OpenVEX 0.2.0/0.0.1 and CycloneDX VEX. The format is read from the document. A DIR "
            + "is walked for *.json files; a ZIP's *.json entries are read with size limits. Each document is "
            + "one transaction: a refused one changes nothing and the others are still imported. Each advisory "
            + "is matched against the graph at once; its findings are in 'accord findings'. Exit code 1 when "
            + "any document was refused."
      },
      footer = {
        "",
        "Examples:",
        "  accord ingest advisory GHSA-jfh8-c2jp-5v3q.json",
        "  accord ingest advisory --org CERT-EU osv-dump/ ecosystems/Maven/all.zip",
        "  accord ingest advisory --private --org LibraCore draft-advisory.json"
      })
  static final class Advisory extends AccordCommand {
    @Parameters(arity = "1..*", paramLabel = "FILE|DIR|ZIP", description = "Advisory or VEX documents, directories or ZIP archives.")
    List<Path> paths;

    @Option(names = "--org", paramLabel = "NAME", defaultValue = "local", description = "Importing organization. Default: ${DEFAULT-VALUE}.")
    String org;

    @Option(names = "--private", description = "Make the advisories visible to the importing organization only.")
    boolean privately;

    @Override
    protected boolean createsData() {
      return true;
    }

    @Override
    protected int execute() {
      List<Object> results = new ArrayList<>();
      int[] refused = {0};
      org.accord.party.Principal importer = remote().isPresent() ? null : actingAs(org);
      AdvisorySources.forEach(
          paths,
          source -> {
            try {
              Advisories.Imported result = source.read(in -> remote().isPresent()
                  ? remote().get().post("api/v1/advisories", Remote.query("org", explicit("--org", org), "private", privately ? "true" : null),
                      in, "application/json", Advisories.Imported.class)
                  : context().accord().advisories().ingest(in, importer, privately));
              results.add(new FileResult<>(source.name(), result));
              if (!json) {
                out().println(source.name() + ": " + describe(result));
                for (String warning : result.warnings()) {
                  out().println("  note: " + warning);
                }
              }
            } catch (InvalidInputException e) {
              refused[0]++;
              results.add(new FileError(source.name(), e.getMessage(), e.location()));
              if (!json) {
                err().println("accord: " + InputFiles.located(source.name(), e).describe());
              }
            } catch (UserException e) {
              refused[0]++;
              results.add(new FileError(source.name(), e.getMessage(), ""));
              if (!json) {
                err().println("accord: " + e.getMessage());
              }
            }
          });
      if (json) {
        printJson(results);
      } else if (results.size() > 1) {
        out().printf("%d documents, %d imported, %d refused%n", results.size(), results.size() - refused[0], refused[0]);
      }
      return refused[0] == 0 ? Main.OK : Main.USER_ERROR;
    }

    private static String describe(Advisories.Imported result) {
      StringBuilder out = new StringBuilder();
      if (!result.advisory().isEmpty()) {
        out.append(result.advisory()).append(" (").append(result.format()).append(", ").append(result.visibility())
            .append(result.withdrawn() ? ", withdrawn" : "").append("): ")
            .append(result.packages()).append(" affected packages (").append(result.evaluable()).append(" evaluable), ")
            .append(result.matched()).append(" matched package versions");
      } else {
        out.append(result.format()).append(" VEX document");
      }
      if (result.statements() > 0) {
        out.append(", ").append(result.statements()).append(" VEX statements");
      }
      if (result.duplicate()) {
        out.append(" (already imported, nothing changed)");
      } else if (result.replaced()) {
        out.append(" (replaces the earlier document)");
      }
      return out.toString();
    }
  }

  @Command(
      name = "kev",
      description = {
        "Import the CISA Known Exploited Vulnerabilities catalog.",
        "",
        "The JSON feed, known_exploited_vulnerabilities.json. "
            + "It replaces the stored catalog unless it is older; triage then reads Exploitation=active for "
            + "listed CVEs and records the catalog version and release date with every decision."
      },
      footer = {"", "Example:", "  accord ingest kev known_exploited_vulnerabilities.json"})
  static final class Kev extends AccordCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "The KEV catalog JSON.")
    Path file;

    @Override
    protected boolean createsData() {
      return true;
    }

    @Override
    protected int execute() {
      return report(this, read(file, in -> remote().isPresent()
          ? remote().get().post("api/v1/evidence/kev", Remote.query(), in, "application/json", Advisories.FeedImported.class)
          : context().accord().advisories().ingestKev(in)));
    }
  }

  @Command(
      name = "epss",
      description = {
        "Import a FIRST EPSS score file.",
        "",
        "The daily file epss_scores-YYYY-MM-DD.csv, plain or gzip: a comment line with the model version and "
            + "score date, then the rows cve,epss,percentile. It replaces the stored scores "
            + "unless it is older; triage counts a CVE above the EPSS threshold as Exploitation=public-poc and "
            + "records the model version and date."
      },
      footer = {"", "Example:", "  accord ingest epss epss_scores-2025-08-25.csv.gz"})
  static final class Epss extends AccordCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "The EPSS CSV, plain or gzip.")
    Path file;

    @Override
    protected boolean createsData() {
      return true;
    }

    @Override
    protected int execute() {
      return report(this, read(file, in -> remote().isPresent()
          ? remote().get().post("api/v1/evidence/epss", Remote.query(), in, "text/csv", Advisories.FeedImported.class)
          : context().accord().advisories().ingestEpss(in)));
    }
  }

  private static int report(AccordCommand command, Advisories.FeedImported result) {
    if (command.json) {
      command.printJson(result);
    } else {
      command.out().printf(
          "%s %s (%s): %d entries%s%n", result.feed(), result.version(), result.published(), result.entries(),
          result.duplicate() ? " (already imported, nothing changed)" : "");
    }
    return Main.OK;
  }

  /** A refused document in {@code --json} output. */
  record FileError(String file, String error, String location) {}

  /** One file's result in {@code --json} output. */
  record FileResult<T>(String file, T result) {}

  /**
   * Reads one named file with {@code reader}: a file that cannot be read is a {@link UserException}, a
   * refused one an {@link InvalidInputException} located in the file; both name it.
   */
  static <T> T read(Path file, InputFiles.CheckedReader<T> reader) {
    try {
      return InputFiles.readChecked(file, reader);
    } catch (InvalidInputException e) {
      throw InputFiles.located(file.toString(), e);
    }
  }
}
