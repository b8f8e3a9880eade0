package org.accord.synthetic;

import org.accord.exposure.ComponentNode;
import org.accord.exposure.Deployment;
import org.accord.exposure.ExposureGraph;
import org.accord.identity.Ecosystem;
import org.accord.identity.Purl;

/**
 * A generated world as an in-memory exposure graph, without a store: the exercise simulator and the
 * benchmarks use it to run on a generated world directly. Component ids are the world's version ids
 * plus one, then the products; the graph is the one a store loaded with the same world would build.
 */
public final class WorldGraph {
  private WorldGraph() {}

  /** Builds the graph of {@code world}; compaction runs inline. */
  public static ExposureGraph of(SyntheticWorld world) {
    ExposureGraph.Builder builder = ExposureGraph.builder((type, a, b) -> Ecosystem.fromPurlType(type).scheme().compare(a, b));
    int n = world.versionCount();
    for (int v = 0; v < n; v++) {
      Purl purl = Purl.parse(world.versionPurl(v));
      builder.addComponent(new ComponentNode(v + 1, purl.canonical(), purl.packageKey(), purl.version()));
      for (int dep : world.dependenciesOf(v)) {
        builder.addEdge(v + 1, dep + 1);
      }
    }
    for (int p = 0; p < world.products().size(); p++) {
      long id = n + p + 1L;
      Purl purl = Purl.parse(world.products().get(p).purl());
      builder.addComponent(new ComponentNode(id, purl.canonical(), purl.packageKey(), purl.version())).addProduct(id);
      for (int dep : world.products().get(p).directDependencies()) {
        builder.addEdge(id, dep + 1);
      }
    }
    long deploymentId = 1;
    for (SyntheticWorld.Site site : world.sites()) {
      builder.addDeployment(new Deployment(deploymentId++, site.operator(), site.site(), site.sector(), site.country(),
          site.criticality(), n + site.product() + 1L));
    }
    return builder.inlineCompaction().build();
  }
}
