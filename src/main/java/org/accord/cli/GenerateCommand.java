package org.accord.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.accord.synthetic.SyntheticWorld;
import org.accord.synthetic.WorldWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code accord generate}: a synthetic ecosystem as real CycloneDX files plus an inventory. */
@Command(
    name = "generate",
    description = {
      "Write a synthetic ecosystem as SBOM and inventory files.",
      "",
      "One CycloneDX 1.6 JSON SBOM per product (the full transitive closure with its dependency graph) and "
          + "inventory.csv. Several ecosystems, power-law fan-in, depth up to about 10, a few cycles. The same "
          + "options and seed give the same bytes."
    },
    footer = {
      "",
      "Example:",
      "  accord generate --versions 20000 --edges 120000 --deployments 5000 \\",
      "      --seed 7 --out /tmp/world",
      "  accord ingest sbom /tmp/world/sboms/*/*.json",
      "  accord ingest inventory /tmp/world/inventory.csv"
    })
final class GenerateCommand extends AccordCommand implements StorelessCommand {
  @Option(names = "--versions", paramLabel = "N", defaultValue = "10000", description = "Library package versions. Default: ${DEFAULT-VALUE}.")
  int versions;

  @Option(names = "--edges", paramLabel = "N", defaultValue = "60000", description = "Library dependency edges. Default: ${DEFAULT-VALUE}.")
  long edges;

  @Option(names = "--deployments", paramLabel = "N", defaultValue = "2000", description = "Deployments. Default: ${DEFAULT-VALUE}.")
  int deployments;

  @Option(names = "--products", paramLabel = "N", description = "Product versions (default: versions / 100, at least 50).")
  Integer products;

  @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1", description = "Random seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--libracore", description = "Plant the LibraCore library and its fork, as in the demo.")
  boolean libraCore;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created; existing files are overwritten).")
  Path out;

  @Override
  protected int execute() {
    SyntheticWorld.Spec scaled = SyntheticWorld.Spec.scaled(versions, edges, deployments, seed);
    scaled =
        new SyntheticWorld.Spec(
            scaled.versions(), scaled.edges(), scaled.deployments(), scaled.seed(), scaled.vendors(),
            products == null ? scaled.products() : products, scaled.operators(), scaled.countries(),
            scaled.sectors(), libraCore);
    SyntheticWorld world = SyntheticWorld.generate(scaled);
    try {
      return write(world);
    } catch (IOException e) {
      throw new UserException("cannot write the world to " + out + ": " + InputFiles.reason(e), e);
    }
  }

  private int write(SyntheticWorld world) throws IOException {
    Path sboms = out.resolve("sboms");
    Files.createDirectories(sboms);
    long components = 0;
    try (Progress bar = Progress.of("generate", world.products().size(), Progress.enabled(json))) {
      for (int p = 0; p < world.products().size(); p++) {
        SyntheticWorld.Product product = world.products().get(p);
        Path dir = sboms.resolve(product.vendor().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
        Files.createDirectories(dir);
        String version = product.purl().substring(product.purl().lastIndexOf('@') + 1);
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(dir.resolve(product.name() + "-" + version + "-" + p + ".cdx.json")))) {
          WorldWriter.writeSbom(world, p, file);
        }
        components += world.closureOf(product).length;
        bar.step();
      }
    }
    try (Writer inventory = Files.newBufferedWriter(out.resolve("inventory.csv"), StandardCharsets.UTF_8)) {
      WorldWriter.writeInventory(world, inventory);
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("out", out.toString());
    summary.put("versions", world.versionCount());
    summary.put("edges", world.edgeCount());
    summary.put("packages", world.packages().size());
    summary.put("products", world.products().size());
    summary.put("sbom_components", components);
    summary.put("deployments", world.sites().size());
    if (json) {
      printJson(summary);
    } else {
      out().printf(
          "Wrote %d SBOMs (%d components in all) to %s and %d deployments to %s%n"
              + "World: %d library versions in %d packages, %d dependency edges.%n",
          world.products().size(), components, sboms, world.sites().size(), out.resolve("inventory.csv"),
          world.versionCount(), world.packages().size(), world.edgeCount());
    }
    return Main.OK;
  }
}
