package org.accord.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.accord.app.Accord;
import org.accord.synthetic.SyntheticWorld;
import org.accord.synthetic.WorldWriter;
import org.accord.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code accord demo}: the LibraCore world, ingested through the real path, then served. */
@Command(
    name = "demo",
    description = {
      "Build the LibraCore demo world, load it and serve it.",
      "",
      "The world comes from a fixed seed: about 20 LibraCore versions and a fork, 40 vendors, 300 products, "
          + "5,000 deployments in 12 countries and 8 sectors. It is ingested through the normal SBOM and "
          + "inventory path, then served; the URL and a coordinator token are printed.",
      "Uses ./accord-demo unless --data is given; running it again reuses what is there."
    })
final class DemoCommand extends ServeCommand {
  static final String DEMO_DATA = "accord-demo";

  @Option(names = "--no-serve", description = "Load the world and exit without serving.")
  boolean noServe;

  @Override
  protected int execute() throws InterruptedException {
    if (!spec.root().commandLine().getParseResult().hasMatchedOption("--data")) {
      root().dataDir = java.nio.file.Path.of(DEMO_DATA);
    }
    Accord accord = context().accord();
    SyntheticWorld world = SyntheticWorld.generate(SyntheticWorld.Spec.demo());
    int added = 0;
    try (Progress bar = Progress.of("demo", world.products().size() + 1, Progress.enabled(json))) {
      for (int p = 0; p < world.products().size(); p++) {
        ByteArrayOutputStream sbom = new ByteArrayOutputStream();
        WorldWriter.writeSbom(world, p, sbom);
        SyntheticWorld.Product product = world.products().get(p);
        if (!accord.ingestSbom(new ByteArrayInputStream(sbom.toByteArray()), product.vendor()).duplicate()) {
          added++;
        }
        bar.step();
      }
      StringWriter inventory = new StringWriter();
      WorldWriter.writeInventory(world, inventory);
      accord.ingestInventory(
          new ByteArrayInputStream(inventory.toString().getBytes(StandardCharsets.UTF_8)), "inventory.csv", "Accord Demo CERT");
      bar.step();
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the demo documents: " + e.getMessage(), e);
    }
    if (!json) {
      out().printf(
          "LibraCore world in %s: %d products (%d new), %d deployments.%n",
          root().dataDir().toAbsolutePath().normalize(), world.products().size(), added, world.sites().size());
    }
    String token = accord.createToken("Accord Demo CERT", "cert", true, "demo");
    if (noServe) {
      if (json) {
        printJson(java.util.Map.of("token", token));
      } else {
        out().println("Token (coordinator): " + token);
      }
      return Main.OK;
    }
    WebServer server = WebServer.start(accord, host, port);
    announce(server, token);
    serveUntilStopped(server);
    return Main.OK;
  }
}
