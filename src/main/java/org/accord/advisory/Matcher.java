package org.accord.advisory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.accord.exposure.ExposureGraph;
import org.accord.exposure.RangeHits;

/**
 * Which package versions each known advisory affects: an in-memory index from package key to the
 * affected entries of every advisory, answering both directions of incremental matching.
 *
 * <ul>
 *   <li>A new advisory against the graph: {@link #match(ExposureGraph, long)} checks each affected
 *       package's versions in the graph with {@link ExposureGraph#versionsIn}.
 *   <li>A new package version against the advisories: {@link #advisoriesAffecting} checks the entries
 *       indexed under its package key.
 * </ul>
 *
 * <p>Advisories are known by a {@code long} key the caller chooses (the store's id). Withdrawn
 * advisories and entries that cannot be evaluated (no package, only GIT ranges) are not indexed.
 *
 * <p>Thread-safe: reads run concurrently with each other and with updates; updates ({@link #put},
 * {@link #remove}) are serialised and publish copy-on-write arrays, so a reader sees an advisory's
 * entries either all before or all after an update.
 */
public final class Matcher {

  /**
   * One affected entry of one advisory.
   *
   * @param advisoryKey the advisory's key
   * @param affected the affected package
   */
  public record Entry(long advisoryKey, AffectedPackage affected) {
    public Entry {
      Objects.requireNonNull(affected, "affected");
    }
  }

  /**
   * What matching found.
   *
   * @param componentIds matched component ids per advisory key, each in version order without repeats
   * @param checks how many (version, range) checks it took
   */
  public record Result(Map<Long, long[]> componentIds, long checks) {
    public Result {
      componentIds = Map.copyOf(componentIds);
    }

    /** How many (advisory, component) matches in all. */
    public long matches() {
      long total = 0;
      for (long[] ids : componentIds.values()) {
        total += ids.length;
      }
      return total;
    }
  }

  private static final Entry[] NO_ENTRIES = new Entry[0];

  private final ConcurrentHashMap<String, Entry[]> byPackage = new ConcurrentHashMap<>();
  private final Map<Long, List<String>> packagesByAdvisory = new HashMap<>();

  /** Indexes an advisory's evaluable entries under {@code key}, replacing what the key had; a withdrawn one is removed. */
  public synchronized void put(long key, Advisory advisory) {
    Objects.requireNonNull(advisory, "advisory");
    put(key, advisory.isWithdrawn() ? List.of() : advisory.affected());
  }

  /** Indexes the evaluable entries of a live advisory under {@code key}, replacing what the key had. */
  public synchronized void put(long key, List<AffectedPackage> entries) {
    remove(key);
    List<String> keys = new ArrayList<>();
    for (AffectedPackage affected : entries) {
      if (!affected.evaluable()) {
        continue;
      }
      Entry[] current = byPackage.getOrDefault(affected.packageKey(), NO_ENTRIES);
      Entry[] next = Arrays.copyOf(current, current.length + 1);
      next[current.length] = new Entry(key, affected);
      byPackage.put(affected.packageKey(), next);
      keys.add(affected.packageKey());
    }
    if (!keys.isEmpty()) {
      packagesByAdvisory.put(key, keys);
    }
  }

  /** Forgets an advisory. */
  public synchronized void remove(long key) {
    List<String> keys = packagesByAdvisory.remove(key);
    if (keys == null) {
      return;
    }
    for (String packageKey : keys) {
      Entry[] current = byPackage.get(packageKey);
      if (current == null) {
        continue;
      }
      Entry[] next = Arrays.stream(current).filter(entry -> entry.advisoryKey() != key).toArray(Entry[]::new);
      if (next.length == 0) {
        byPackage.remove(packageKey);
      } else {
        byPackage.put(packageKey, next);
      }
    }
  }

  /** The indexed entries for a package key, in indexing order. */
  public List<Entry> entriesFor(String packageKey) {
    return List.of(byPackage.getOrDefault(packageKey, NO_ENTRIES));
  }

  /** How many advisories have evaluable entries. */
  public synchronized int advisories() {
    return packagesByAdvisory.size();
  }

  /** The keys of the advisories whose entries affect this version of this package. */
  public List<Long> advisoriesAffecting(String packageKey, String version) {
    List<Long> keys = new ArrayList<>();
    for (Entry entry : byPackage.getOrDefault(packageKey, NO_ENTRIES)) {
      if (!keys.contains(entry.advisoryKey()) && entry.affected().affects(version)) {
        keys.add(entry.advisoryKey());
      }
    }
    return keys;
  }

  /** Matches one indexed advisory against the graph. */
  public Result match(ExposureGraph graph, long key) {
    List<String> keys;
    synchronized (this) {
      keys = packagesByAdvisory.getOrDefault(key, List.of());
    }
    Map<Long, long[]> found = new LinkedHashMap<>();
    long checks = 0;
    List<Long> ids = new ArrayList<>();
    for (String packageKey : new java.util.LinkedHashSet<>(keys)) {
      for (Entry entry : byPackage.getOrDefault(packageKey, NO_ENTRIES)) {
        if (entry.advisoryKey() != key) {
          continue;
        }
        RangeHits hits = graph.versionsIn(packageKey, entry.affected().range());
        checks += hits.checked();
        for (long id : hits.componentIds()) {
          if (!ids.contains(id)) {
            ids.add(id);
          }
        }
      }
    }
    if (!ids.isEmpty()) {
      found.put(key, ids.stream().mapToLong(Long::longValue).toArray());
    }
    return new Result(found, checks);
  }

  /** Matches every indexed advisory against the graph: a full rematch. */
  public Result matchAll(ExposureGraph graph) {
    Map<Long, LongList> found = new HashMap<>();
    long checks = 0;
    for (Map.Entry<String, Entry[]> pkg : byPackage.entrySet()) {
      for (Entry entry : pkg.getValue()) {
        LongList ids = found.computeIfAbsent(entry.advisoryKey(), k -> new LongList());
        checks += graph.componentsIn(pkg.getKey(), entry.affected().range(), ids::add);
      }
    }
    Map<Long, long[]> result = new HashMap<>();
    found.forEach((key, ids) -> {
      long[] distinct = ids.distinct();
      if (distinct.length > 0) {
        result.put(key, distinct);
      }
    });
    return new Result(result, checks);
  }

  /** A growable list of primitive longs. Not thread-safe. */
  private static final class LongList {
    private long[] values = new long[8];
    private int size;

    void add(long value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    /** The values sorted, without repeats (one advisory may reach a version through two entries). */
    long[] distinct() {
      long[] sorted = Arrays.copyOf(values, size);
      Arrays.sort(sorted);
      int unique = 0;
      for (int i = 0; i < sorted.length; i++) {
        if (i == 0 || sorted[i] != sorted[i - 1]) {
          sorted[unique++] = sorted[i];
        }
      }
      return Arrays.copyOf(sorted, unique);
    }
  }
}
