package org.accord.app;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The where-used caches, valid for one graph generation ({@link
 * org.accord.exposure.ExposureGraph#generation()}): computed answers, keyed by selection (package and
 * normalised range), and rendered pages, keyed by answer and page. When the graph changes, every entry
 * is dropped, so nothing is served that is older than the graph. Both are least-recently-used and
 * bounded: answers by count and rows held, pages by count and bytes. Thread-safe (one monitor; a lookup
 * is a hash probe, negligible beside serving the answer). Two threads that miss the same key both
 * compute it; the later one's result is kept. ADR 0073.
 */
final class WhereUsedAnswers {
  private final Lru<WhereUsedAnswer> answers;
  private final Lru<byte[]> pages;
  private long generation = Long.MIN_VALUE;

  /**
   * @param maxAnswers answers kept at most
   * @param maxRows rows (matched versions, products, deployments) kept at most over all answers
   * @param maxPages rendered pages kept at most
   * @param maxPageBytes bytes kept at most over all rendered pages
   */
  WhereUsedAnswers(int maxAnswers, long maxRows, int maxPages, long maxPageBytes) {
    this.answers = new Lru<>(maxAnswers, maxRows, WhereUsedAnswer::weight);
    this.pages = new Lru<>(maxPages, maxPageBytes, page -> page.length);
  }

  /** The cached answer for {@code key} at {@code generation}, or null. */
  synchronized WhereUsedAnswer answer(String key, long generation) {
    return generation == this.generation ? answers.get(key) : null;
  }

  /** Keeps an answer computed at {@code generation} (read before it was computed). */
  synchronized void putAnswer(WhereUsedAnswer answer, long generation) {
    if (current(generation)) {
      answers.put(answer.cacheKey, answer);
    }
  }

  /** The rendered page for {@code key} at {@code generation}, or null. */
  synchronized byte[] page(String key, long generation) {
    return generation == this.generation ? pages.get(key) : null;
  }

  /** Keeps a rendered page of an answer computed at {@code generation}. */
  synchronized void putPage(String key, byte[] page, long generation) {
    if (current(generation)) {
      pages.put(key, page);
    }
  }

  /**
   * Whether something computed at {@code generation} may be kept: not when it is older than the
   * cache's; when newer, the cache is emptied and moves to it.
   */
  private boolean current(long generation) {
    if (generation < this.generation) {
      return false;
    }
    if (generation > this.generation) {
      answers.clear();
      pages.clear();
      this.generation = generation;
    }
    return true;
  }

  /** How many answers are held; for tests. */
  synchronized int size() {
    return answers.entries.size();
  }

  /** A least-recently-used map bounded in entries and in a weight summed over them. Not thread-safe. */
  private static final class Lru<V> {
    final LinkedHashMap<String, V> entries = new LinkedHashMap<>(64, 0.75f, true);
    final int maxEntries;
    final long maxWeight;
    final ToLongFunction<V> weigher;
    long weight;

    Lru(int maxEntries, long maxWeight, ToLongFunction<V> weigher) {
      this.maxEntries = maxEntries;
      this.maxWeight = maxWeight;
      this.weigher = weigher;
    }

    V get(String key) {
      return entries.get(key);
    }

    void put(String key, V value) {
      V previous = entries.put(key, value);
      weight += weigher.applyAsLong(value) - (previous == null ? 0 : weigher.applyAsLong(previous));
      Iterator<Map.Entry<String, V>> eldest = entries.entrySet().iterator();
      while ((entries.size() > maxEntries || weight > maxWeight) && entries.size() > 1) {
        weight -= weigher.applyAsLong(eldest.next().getValue());
        eldest.remove();
      }
    }

    void clear() {
      entries.clear();
      weight = 0;
    }
  }
}
