package org.accord.exposure;

import java.util.ArrayList;
import java.util.Arrays;
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
 * operator and site, so answers need no per-query sort of deployments. Sector, country and operator
 * are interned to small ints; counting distinct operators per cell then sorts one {@code long[]} of
 * (cell, operator) pairs instead of building a set per cell. Not thread-safe: the graph guards it.
 */
final class DeploymentIndex {
  private final List<Deployment> deployments = new ArrayList<>();
  private final IdIndex byId = new IdIndex(1024);
  private final Map<Integer, IntList> byNode = new HashMap<>();
  private final BitSet deployed = new BitSet();
  private final IntList cellOf = new IntList();
  private final IntList operatorOf = new IntList();
  private final Dictionary sectors = new Dictionary();
  private final Dictionary countries = new Dictionary();
  private final Dictionary operators = new Dictionary();

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
    int cell = cell(sectors.id(deployment.sector()), countries.id(deployment.country()));
    int operator = operators.id(deployment.operator());
    int existing = byId.get(deployment.id());
    if (existing >= 0) {
      remove(previousNode, existing);
      deployments.set(existing, deployment);
      cellOf.set(existing, cell);
      operatorOf.set(existing, operator);
      insertSorted(node, existing);
      return;
    }
    int index = deployments.size();
    deployments.add(deployment);
    cellOf.add(cell);
    operatorOf.add(operator);
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

  private static int cell(int sector, int country) {
    return sector << 16 | country;
  }

  /** Counts deployments and distinct operators per sector and country for one answer. */
  final class Counter {
    private long[] pairs = new long[16];
    private int size;

    void add(int deploymentIndex) {
      if (size == pairs.length) {
        pairs = Arrays.copyOf(pairs, size * 2);
      }
      pairs[size++] = (long) cellOf.get(deploymentIndex) << 32 | operatorOf.get(deploymentIndex);
    }

    List<WhereUsed.AggregateCell> cells() {
      Arrays.sort(pairs, 0, size);
      List<WhereUsed.AggregateCell> cells = new ArrayList<>();
      int i = 0;
      while (i < size) {
        int cell = (int) (pairs[i] >>> 32);
        int count = 0;
        int distinct = 0;
        long previous = -1;
        while (i < size && (int) (pairs[i] >>> 32) == cell) {
          count++;
          if (pairs[i] != previous) {
            distinct++;
            previous = pairs[i];
          }
          i++;
        }
        cells.add(new WhereUsed.AggregateCell(sectors.name(cell >>> 16), countries.name(cell & 0xffff), count, distinct));
      }
      cells.sort(Comparator.comparing(WhereUsed.AggregateCell::sector).thenComparing(WhereUsed.AggregateCell::country));
      return cells;
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
  }
}
