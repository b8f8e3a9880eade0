package org.accord.exposure;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The deployments of a where-used answer: an immutable list that holds, per row, a reference to the
 * (immutable) deployment and to the hit it runs, and makes each {@link WhereUsed.DeploymentHit} when
 * it is read.
 *
 * <p>Why: a popular package's answer has tens of thousands of deployments, and building a row object
 * for each inside the query (under the graph's read lock) was most of the query's time and garbage. A
 * snapshot of references taken under the lock keeps the answer consistent however the graph changes
 * afterwards; readers that want every row (JSON output) pay per row as they write it, and readers that
 * want counts or one operator's rows pay only for what they touch. Thread-safe.
 */
final class DeploymentHits extends AbstractList<WhereUsed.DeploymentHit> implements RandomAccess {
  private final Deployment[] deployments;
  private final int[] hitOf;
  private final String[] products;
  private final List<List<String>> paths;

  DeploymentHits(Deployment[] deployments, int[] hitOf, String[] products, List<List<String>> paths) {
    this.deployments = deployments;
    this.hitOf = hitOf;
    this.products = products;
    this.paths = paths;
  }

  @Override
  public WhereUsed.DeploymentHit get(int index) {
    Deployment deployment = deployments[index];
    int hit = hitOf[index];
    return new WhereUsed.DeploymentHit(
        deployment.operator(), deployment.site(), deployment.sector(), deployment.country(),
        deployment.criticality(), products[hit], paths.get(hit));
  }

  @Override
  public int size() {
    return deployments.length;
  }
}
