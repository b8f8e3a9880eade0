package org.accord.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.accord.InvalidInputException;
import org.accord.app.IngestResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code accord ingest …}: load SBOMs and inventories into the store and the graph. */
@Command(
    name = "ingest",
    description = "Load SBOMs, inventories or advisories into the store.",
    subcommands = {IngestCommand.Sbom.class, IngestCommand.Inventory.class})
final class IngestCommand {

  @Command(
      name = "sbom",
      description = {
        "Ingest SBOM documents: CycloneDX 1.4-1.7 (JSON, XML) or SPDX 2.2/2.3 (JSON, tag-value).",
        "Each file is one transaction: a refused file changes nothing, and the files before it stay ingested.",
        "Re-ingesting the same bytes changes nothing; a new SBOM for the same product version replaces its edges."
      },
      footer = {"", "Example:", "  accord ingest sbom --org Acme build/bom.json build/other.cdx.xml"})
  static final class Sbom extends AccordCommand {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "SBOM files.")
    List<Path> files;

    @Option(names = "--org", paramLabel = "NAME", defaultValue = "local", description = "Uploading organization (created as a vendor if new). Default: ${DEFAULT-VALUE}.")
    String org;

    @Override
    protected int execute() throws IOException {
      List<Object> results = new ArrayList<>();
      boolean progress = Progress.enabled(json);
      try (Progress bar = Progress.of("ingest", files.size(), progress && files.size() > 1)) {
        for (Path file : files) {
          IngestResults.Sbom result;
          try (InputStream in = Progress.wrap(open(file), file.getFileName().toString(), Files.size(file), progress)) {
            result = context().accord().ingestSbom(in, org);
          } catch (InvalidInputException e) {
            throw new InvalidInputException(e.getMessage(), file + (e.location().isEmpty() ? "" : ", " + e.location()), e);
          }
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
        "Ingest deployment inventories: CSV with a header row or JSON, one row per deployment with",
        "operator, site, sector, country (ISO 3166-1 alpha-2), criticality and product (PURL with version).",
        "Sectors: energy, water, health, telecom, finance, transport, digital-identity, government,",
        "manufacturing, other. Criticality: essential, important, other. Errors name the line and field."
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
    protected int execute() throws IOException {
      List<Object> results = new ArrayList<>();
      for (Path file : files) {
        IngestResults.Inventory result;
        try (InputStream in = open(file)) {
          result = context().accord().ingestInventory(in, file.getFileName().toString(), org);
        } catch (InvalidInputException e) {
          throw new InvalidInputException(e.getMessage(), file + (e.location().isEmpty() ? "" : ", " + e.location()), e);
        }
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

  /** One file's result in {@code --json} output. */
  record FileResult<T>(String file, T result) {}

  static InputStream open(Path file) throws IOException {
    try {
      return new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16);
    } catch (NoSuchFileException e) {
      throw new UserException("no such file: " + file);
    }
  }
}
