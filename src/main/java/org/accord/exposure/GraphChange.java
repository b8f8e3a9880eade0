package org.accord.exposure;

import java.util.List;

/**
 * What one committed ingest changed, for {@link ExposureGraph#apply}. Every id is a store id.
 *
 * @param components components new to the catalogue (components already in the graph are ignored)
 * @param products component ids that are now product roots
 * @param addedEdges dependency edges {@code parent -> child} now asserted by a live document
 * @param removedEdges edges no live document asserts any more
 * @param deployments deployments created or updated
 */
public record GraphChange(
    List<ComponentNode> components,
    List<Long> products,
    List<Edge> addedEdges,
    List<Edge> removedEdges,
    List<Deployment> deployments) {

  public GraphChange {
    components = List.copyOf(components);
    products = List.copyOf(products);
    addedEdges = List.copyOf(addedEdges);
    removedEdges = List.copyOf(removedEdges);
    deployments = List.copyOf(deployments);
  }

  /** A dependency (or lineage) edge from the dependent {@code parentId} to {@code childId}. */
  public record Edge(long parentId, long childId) {}

  /** A change that adds only deployments. */
  public static GraphChange ofDeployments(List<Deployment> deployments) {
    return new GraphChange(List.of(), List.of(), List.of(), List.of(), deployments);
  }
}
