package org.accord.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.accord.TestPrincipals;
import org.accord.party.OrgKind;
import org.accord.party.Principal;
import org.accord.testing.Documents;
import org.accord.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Where-used says for each product whose SBOMs its paths rest on (issue 8, ADR 0101): the owner's, a
 * third party's, or both; names only uploaders the viewer may know; and a cached page never shows a
 * source from before a claim decision, though the decision leaves the graph as it is.
 */
class WhereUsedProvenanceTest {
  static final String LIBRA = "pkg:maven/org.libra/libracore";
  static final String SCADA = "pkg:generic/acme/scada@1.0";
  static final String HMI = "pkg:generic/acme/hmi@1.0";
  static final String ROUTER = "pkg:generic/acme/router@1.0";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  Accord accord;

  @AfterEach
  void close() {
    if (accord != null) {
      accord.close();
    }
  }

  void upload(Principal uploader, String product) {
    accord.ingestSbom(new ByteArrayInputStream(Documents.cycloneDx(product, "2.1.0").getBytes(StandardCharsets.UTF_8)), uploader);
  }

  /** A page of where-used as {@code viewer} gets it through the rendered-page cache, as the API serves it. */
  JsonNode page(Viewer viewer) throws Exception {
    WhereUsedQuery query = new WhereUsedQuery(LIBRA, null, WhereUsedQuery.Lists.PRODUCTS, 10, null, null, null);
    byte[] body = accord.exposure().whereUsedRendered(query, viewer, view -> {
      try {
        return JSON.writeValueAsBytes(view);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    return JSON.readTree(body);
  }

  static String source(JsonNode page, String product) {
    return page.get("productSources").get(product).get("sbomSource").asText();
  }

  static List<String> uploaders(JsonNode page, String product) {
    List<String> names = new ArrayList<>();
    page.get("productSources").get(product).get("sbomUploaders").forEach(n -> names.add(n.asText()));
    return names;
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void eachProductSaysWhetherItRestsOnTheOwnersSbomAThirdPartysOrBoth(String engine) throws Exception {
    accord = Accord.open(new Accord.Config(dir, engine.equals("postgresql") ? TestDatabases.freshPostgresUrl() : null));
    Principal coordinator = TestPrincipals.coordinator(accord, "CERT");
    Principal acme = TestPrincipals.member(accord, "Acme", OrgKind.VENDOR);
    Principal gridco = TestPrincipals.member(accord, "GridCo", OrgKind.OPERATOR);
    TestPrincipals.member(accord, "Hydra", OrgKind.OPERATOR);
    Viewer acmeView = new Viewer("Acme", false, false, Viewer.DEFAULT_K);
    Viewer gridcoView = new Viewer("GridCo", false, false, Viewer.DEFAULT_K);
    Viewer hydraView = new Viewer("Hydra", false, false, Viewer.DEFAULT_K);
    Viewer coordinatorView = new Viewer("CERT", true, false, Viewer.DEFAULT_K);

    // GridCo, an operator, holds its vendor's SBOMs of scada and router; Acme uploads scada's and hmi's.
    upload(gridco, "scada");
    upload(gridco, "router");
    JsonNode thirdParty = page(acmeView);
    assertThat(source(thirdParty, SCADA)).isEqualTo("third_party");
    assertThat(uploaders(thirdParty, SCADA)).as("Acme may not know the operator GridCo takes part").isEmpty();
    assertThat(uploaders(page(gridcoView), SCADA)).containsExactly("GridCo");
    assertThat(uploaders(page(coordinatorView), SCADA)).containsExactly("GridCo");
    upload(acme, "scada");
    upload(acme, "hmi");

    // No one owns the products yet: every SBOM is a third party's, Acme's too.
    JsonNode before = page(acmeView);
    assertThat(source(before, SCADA)).isEqualTo("third_party");
    assertThat(source(before, HMI)).isEqualTo("third_party");
    assertThat(uploaders(before, SCADA)).containsExactly("Acme");
    assertThat(uploaders(page(coordinatorView), SCADA)).containsExactly("Acme", "GridCo");

    // The coordinator approves Acme's claim: the graph does not change, the cached page must.
    long generation = accord.graph().generation();
    ExecutorService readers = Executors.newFixedThreadPool(2);
    AtomicBoolean stop = new AtomicBoolean();
    List<Future<?>> running = new ArrayList<>();
    for (Viewer viewer : List.of(acmeView, hydraView)) {
      running.add(readers.submit(() -> {
        while (!stop.get()) {
          page(viewer); // renders and caches pages while the decision commits
        }
        return null;
      }));
    }
    var claim = accord.claims().claim(acme, "pkg:generic/acme/", null);
    accord.claims().approve(coordinator, claim.id());
    JsonNode after = page(acmeView);
    stop.set(true);
    for (Future<?> reader : running) {
      reader.get();
    }
    readers.shutdown();
    assertThat(accord.graph().generation()).as("a claim decision changed the graph").isEqualTo(generation);
    assertThat(source(after, SCADA)).as("a page cached before the approval was served").isEqualTo("mixed");
    assertThat(source(after, HMI)).isEqualTo("owner");
    assertThat(source(after, ROUTER)).isEqualTo("third_party");
    assertThat(uploaders(after, HMI)).containsExactly("Acme");
    assertThat(source(page(acmeView), SCADA)).as("the cached page after the approval").isEqualTo("mixed");

    // The uncached path answers the same.
    WhereUsedView direct = accord.exposure().whereUsed(LIBRA, null, hydraView);
    assertThat(direct.productSources().get(SCADA)).isEqualTo(new ProductSources.Source("mixed", List.of("Acme")));

    // Another operator never learns that GridCo uploaded anything, on any page it gets.
    JsonNode hydra = page(hydraView);
    assertThat(uploaders(hydra, SCADA)).containsExactly("Acme");
    assertThat(uploaders(hydra, ROUTER)).isEmpty();
    assertThat(hydra.toString()).doesNotContain("GridCo");
    assertThat(uploaders(page(gridcoView), SCADA)).containsExactly("Acme", "GridCo");
    assertThat(uploaders(page(gridcoView), ROUTER)).containsExactly("GridCo");

    // A deployments-only page carries no product sources.
    WhereUsedQuery deployments = new WhereUsedQuery(LIBRA, null, WhereUsedQuery.Lists.DEPLOYMENTS, 10, null, null, null);
    assertThat(accord.exposure().whereUsed(deployments, acmeView).productSources()).isNull();
  }
}
