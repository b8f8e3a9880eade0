package org.accord.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.accord.app.Accord;
import org.accord.app.Advisories;
import org.accord.party.OrgKind;
import org.accord.party.Principal;
import java.time.Duration;
import org.accord.synthetic.DemoDocuments;
import org.accord.synthetic.SyntheticWorld;
import org.accord.synthetic.WorldWriter;
import org.accord.triage.Provenance;
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
          + "5,000 deployments in 12 countries and 8 sectors, a national CERT per country (CERT-DE (demo), ...) and the "
          + "LibraCore maintainers' approved claim on the library. It is ingested through the normal SBOM and "
          + "inventory path, with the (fictional) LibraCore advisory CVE-2026-40001 as OSV and CSAF, one "
          + "vendor's VEX statement, a KEV catalog and EPSS scores through the normal import path; then it is "
          + "served and the URL and a coordinator token are printed.",
      "It uses the data directory every command uses (--data, else ACCORD_DATA, else accord-data in the "
          + "current directory); running it again reuses the demo world there. It refuses a directory that holds "
          + "other data."
    })
final class DemoCommand extends ServeCommand {
  /** The marker that tells a data directory holding the demo world from one holding real data. */
  static final String MARKER = "accord.demo";

  @Option(names = "--no-serve", description = "Load the world and exit without serving.")
  boolean noServe;

  /**
   * Refuses to build the demo world over other data: the directory must be empty or hold the demo
   * world (its marker file). Marks it as the demo's before the first document goes in.
   */
  private void requireDemoOrEmpty(Accord accord) {
    java.nio.file.Path marker = root().dataDir().resolve(MARKER);
    if (java.nio.file.Files.exists(marker)) {
      return;
    }
    org.accord.exposure.ExposureGraph.Stats stats = accord.graph().stats();
    if (stats.components() > 0 || stats.deployments() > 0) {
      throw new UserException(
          root().dataDir().toAbsolutePath().normalize() + " holds data that is not the demo world ("
              + stats.products() + " products, " + stats.deployments() + " deployments); the demo will not mix with it:"
              + " run it with --data on another directory, such as 'accord --data accord-demo demo'");
    }
    try {
      java.nio.file.Files.writeString(marker, "This data directory holds the Accord demo world (accord demo).\n");
    } catch (java.io.IOException e) {
      throw new UserException("cannot write " + marker + ": " + e.getMessage());
    }
  }

  /**
   * Imports the LibraCore advisory (OSV from its maintainers, CSAF from the coordinator), the supplier's
   * VEX statement, and the KEV and EPSS feeds, through the ordinary import paths. Loading the demo
   * again imports the same bytes, which are duplicates and change nothing. A feed newer than the demo's
   * (a real one loaded since) is kept.
   *
   * @return one line saying what the world now holds
   */
  private static String importDocuments(Accord accord, DemoDocuments documents) {
    Advisories advisories = accord.advisories();
    Advisories.Imported osv = advisories.ingest(utf8(documents.osv()), as(accord, DemoDocuments.MAINTAINERS, OrgKind.MAINTAINER), false);
    advisories.ingest(utf8(documents.csaf()), as(accord, DemoDocuments.COORDINATOR, OrgKind.CERT), false);
    advisories.ingest(utf8(documents.openVex()), as(accord, documents.vexProduct().vendor(), OrgKind.VENDOR), false);
    List<String> kept = new ArrayList<>();
    if (!newerFeed(advisories, documents.kevProvenance(), kept)) {
      advisories.ingestKev(utf8(documents.kev()));
    }
    if (!newerFeed(advisories, documents.epssProvenance(), kept)) {
      advisories.ingestEpss(utf8(documents.epss()));
    }
    return String.format(
        "Advisory %s: %s (OSV) and %s (CSAF), %d affected LibraCore versions in use; %s says %s is not affected; %s.",
        DemoDocuments.CVE, DemoDocuments.OSV_ID, DemoDocuments.CSAF_ID, osv.matched(), documents.vexProduct().vendor(),
        documents.vexProduct().purl(),
        kept.isEmpty() ? "KEV and EPSS feeds loaded" : "kept the newer " + String.join(" and ", kept) + " already loaded");
  }

  /** Whether the store holds a snapshot of this feed newer than the demo's; if so, notes it in {@code kept}. */
  private static boolean newerFeed(Advisories advisories, Provenance demo, List<String> kept) {
    Optional<Provenance> stored = advisories.latestFeed(demo.feed());
    if (stored.isPresent() && stored.get().published().isAfter(demo.published())) {
      kept.add(stored.get().describe());
      return true;
    }
    return false;
  }

  /**
   * The local coordinator acting for a party of the demo world, which the demo creates with its kind
   * (only the demo creates organizations as a side effect; uploads never do).
   */
  private static Principal as(Accord accord, String organization, OrgKind kind) {
    accord.parties().ensure(organization, kind);
    return accord.parties().actingFor(accord.parties().localCoordinator(), organization);
  }

  /**
   * Gives a product's vendor an approved claim on the product's package (every version), as the
   * coordinator would after vetting it, so the vendor's VEX statements decide its findings. Loading the
   * demo again finds the claim and changes nothing.
   */
  private static void own(Accord accord, SyntheticWorld.Product product) {
    String namespace = org.accord.identity.Purl.parse(product.purl()).packageKey();
    Principal coordinator = accord.parties().localCoordinator();
    boolean owned = accord.claims().claims(coordinator).stream()
        .anyMatch(c -> c.namespace().equals(namespace) && c.state() != org.accord.party.ClaimState.REJECTED);
    if (!owned) {
      var claim = accord.claims().claim(as(accord, product.vendor(), OrgKind.VENDOR), namespace, null);
      accord.claims().approve(coordinator, claim.id());
    }
  }

  /**
   * The parties a case about LibraCore would invite besides vendors and operators: a national CERT for
   * each country the world's deployments run in, and the LibraCore maintainers with an approved claim
   * on the library (ADR 0105). Loading the demo again finds them and changes nothing.
   */
  private static void parties(Accord accord, SyntheticWorld world) {
    Principal coordinator = accord.parties().localCoordinator();
    java.util.Set<String> known = new java.util.HashSet<>();
    accord.parties().organizations(coordinator).forEach(o -> known.add(o.name()));
    java.util.Set<String> countries = new java.util.TreeSet<>();
    world.sites().forEach(site -> countries.add(site.country()));
    for (String country : countries) {
      if (!known.contains(DemoDocuments.nationalCert(country))) {
        accord.parties().createOrganization(coordinator, DemoDocuments.nationalCert(country), OrgKind.CERT, country, null);
      }
    }
    Principal maintainers = as(accord, DemoDocuments.MAINTAINERS, OrgKind.MAINTAINER);
    boolean claimed = accord.claims().claims(coordinator).stream()
        .anyMatch(c -> c.namespace().equals(SyntheticWorld.LIBRACORE) && c.state() != org.accord.party.ClaimState.REJECTED);
    if (!claimed) {
      accord.claims().approve(coordinator, accord.claims().claim(maintainers, SyntheticWorld.LIBRACORE, null).id());
    }
  }

  private static ByteArrayInputStream utf8(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  protected int execute() throws InterruptedException {
    Accord accord = context().accord();
    requireDemoOrEmpty(accord);
    SyntheticWorld world = SyntheticWorld.generate(SyntheticWorld.Spec.demo());
    int added = 0;
    String loaded;
    try (Progress bar = Progress.of("demo", world.products().size() + 2, Progress.enabled(json))) {
      for (int p = 0; p < world.products().size(); p++) {
        ByteArrayOutputStream sbom = new ByteArrayOutputStream();
        WorldWriter.writeSbom(world, p, sbom);
        SyntheticWorld.Product product = world.products().get(p);
        if (!accord.ingestSbom(new ByteArrayInputStream(sbom.toByteArray()), as(accord, product.vendor(), OrgKind.VENDOR)).duplicate()) {
          added++;
        }
        own(accord, product);
        bar.step();
      }
      // an inventory's rows name the organization that uploads it: one inventory per operator, uploaded
      // by the coordinator acting for that operator
      java.util.Set<String> operators = new java.util.TreeSet<>();
      world.sites().forEach(site -> operators.add(site.operator()));
      for (String operator : operators) {
        StringWriter inventory = new StringWriter();
        WorldWriter.writeInventory(world, operator, inventory);
        accord.ingestInventory(
            new ByteArrayInputStream(inventory.toString().getBytes(StandardCharsets.UTF_8)), "inventory.csv", as(accord, operator, OrgKind.OPERATOR));
      }
      bar.step();
      parties(accord, world);
      loaded = importDocuments(accord, DemoDocuments.of(world));
      bar.step();
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the demo documents: " + e.getMessage(), e);
    }
    if (!json) {
      out().printf(
          "LibraCore world in %s: %d products (%d new), %d deployments.%n",
          root().dataDir().toAbsolutePath().normalize(), world.products().size(), added, world.sites().size());
      out().println(loaded);
    }
    String token = accord.parties()
        .createToken(as(accord, DemoDocuments.COORDINATOR, OrgKind.CERT), DemoDocuments.COORDINATOR, null, true, "demo", Duration.ofDays(90))
        .secret();
    if (noServe) {
      if (json) {
        printJson(java.util.Map.of("token", token));
      } else {
        out().println("Token (coordinator): " + token);
      }
      return Main.OK;
    }
    WebServer server = startServing(accord);
    announce(server, token);
    serveUntilStopped(server);
    return Main.OK;
  }
}
