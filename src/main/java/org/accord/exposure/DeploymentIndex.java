package org.accord.exposure;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The deployments of the graph: which component nodes run where, and the sector × country counting
 * of a where-used answer.
 *
 * <p>A BitSet marks the nodes that run anywhere, so the search pays one bit test per reached node
 * and a map lookup only for nodes that are deployed. Each node's deployments are kept sorted by
 * operator and site, so answers need no per-query sort of deployments. Each (sector, country) cell
 * and each (cell, operator) pair is interned to a dense int when a deployment is added, so counting
 * an answer's deployments and distinct operators per cell is two array increments and one bit test
 * per deployment: O(hits), no hashing, no sorting. Not thread-safe: the graph guards it.
 */
final class DeploymentIndex {
  private final List<Deployment> deployments = new ArrayList<>();
  private final IdIndex byId = new IdIndex(1024);
  private final Map<Integer, IntList> byNode = new HashMap<>();
  private final BitSet deployed = new BitSet();
  private final IntList cellOf = new IntList();
  private final IntList pairOf = new IntList();
  private final Dictionary cells = new Dictionary();
  private final Dictionary pairs = new Dictionary();

  private static final Comparator<Deployment> BY_OPERATOR_AND_SITE =
      Comparator.comparing(Deployment::operator).thenComparing(Deployment::site).thenComparingLong(Deployment::id);

  int size() {
    return deployments.size();
  }

  boolean isDeployed(int node) {
    return deployed.get(node);
  }

  /** The node's deployments, sorted by operator and site; null when none. */
  IntList of(int node) {
    return byNode.get(node);
  }

  Deployment get(int index) {
    return deployments.get(index);
  }

  /** Adds or updates a deployment that runs on {@code node}. */
  void put(Deployment deployment, int node, int previousNode) {
    String cellKey = deployment.sector() + '\u0000' + deployment.country();
    int cell = cells.id(cellKey);
    int pair = pairs.id(cell + "\u0000" + deployment.operator());
    int existing = byId.get(deployment.id());
    if (existing >= 0) {
      remove(previousNode, existing);
      deployments.set(existing, deployment);
      cellOf.set(existing, cell);
      pairOf.set(existing, pair);
      insertSorted(node, existing);
      return;
    }
    int index = deployments.size();
    deployments.add(deployment);
    cellOf.add(cell);
    pairOf.add(pair);
    byId.put(deployment.id(), index);
    insertSorted(node, index);
  }

  /** The store id of the product component a known deployment runs, or 0 if the deployment is new. */
  long previousProduct(long deploymentId) {
    int existing = byId.get(deploymentId);
    return existing < 0 ? 0 : deployments.get(existing).productComponentId();
  }

  private void remove(int node, int index) {
    IntList list = byNode.get(node);
    if (list != null) {
      list.removeValue(index);
      if (list.size() == 0) {
        byNode.remove(node);
        deployed.clear(node);
      }
    }
  }

  private void insertSorted(int node, int index) {
    IntList list = byNode.computeIfAbsent(node, n -> new IntList(2));
    Deployment deployment = deployments.get(index);
    int position = list.size();
    while (position > 0 && BY_OPERATOR_AND_SITE.compare(deployments.get(list.get(position - 1)), deployment) > 0) {
      position--;
    }
    list.insert(position, index);
    deployed.set(node);
  }

  /** Counts deployments and distinct operators per sector and country for one answer. */
  final class Counter {
    private final int[] deploymentsPerCell = new int[cells.size()];
    private final int[] operatorsPerCell = new int[cells.size()];
    private final long[] seenPairs = new long[(pairs.size() + 63) >>> 6];
    private final int[] cellOfDeployment = cellOf.raw();
    private final int[] pairOfDeployment = pairOf.raw();

    void add(int deploymentIndex) {
      int cell = cellOfDeployment[deploymentIndex];
      deploymentsPerCell[cell]++;
      int pair = pairOfDeployment[deploymentIndex];
      long bit = 1L << pair;
      if ((seenPairs[pair >>> 6] & bit) == 0) {
        seenPairs[pair >>> 6] |= bit;
        operatorsPerCell[cell]++;
      }
    }

    List<WhereUsed.AggregateCell> cells() {
      List<WhereUsed.AggregateCell> result = new ArrayList<>();
      for (int cell = 0; cell < deploymentsPerCell.length; cell++) {
        if (deploymentsPerCell[cell] > 0) {
          String[] key = cells.name(cell).split("\u0000", 2);
          result.add(new WhereUsed.AggregateCell(key[0], key[1], deploymentsPerCell[cell], operatorsPerCell[cell]));
        }
      }
      result.sort(Comparator.comparing(WhereUsed.AggregateCell::sector).thenComparing(WhereUsed.AggregateCell::country));
      return result;
    }
  }

  /** Interns strings to dense ints. */
  private static final class Dictionary {
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    int id(String name) {
      Integer id = ids.get(name);
      if (id == null) {
        id = names.size();
        ids.put(name, id);
        names.add(name);
      }
      return id;
    }

    String name(int id) {
      return names.get(id);
    }

    int size() {
      return names.size();
    }
  }
}
