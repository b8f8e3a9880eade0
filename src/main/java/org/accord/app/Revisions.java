package org.accord.app;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Answers kept under the store revision they were read at (ADR 0111): a case view under its case's
 * {@code revision}, a case list page under the sum of all cases' revisions. A kept answer is handed out
 * only to a reader that has just read the same revision from the store, so a write (every case write
 * records an event and bumps its case's revision, and so does a first view) makes it unreachable at
 * once, in this process and in any other sharing the store. The answer is read after the revision, so
 * it is never older than the revision it is kept under. At most {@code capacity} keys are kept; beyond
 * that arbitrary ones are dropped (a miss only costs a read). Visibility is the caller's to check on
 * every read. Thread-safe.
 *
 * @param <K> the key, such as a case's row id
 * @param <V> the answer
 */
final class Revisions<K, V> {
  private record Kept<V>(long revision, V value) {}

  private final int capacity;
  private final ConcurrentMap<K, Kept<V>> kept = new ConcurrentHashMap<>();

  Revisions(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    this.capacity = capacity;
  }

  /** The answer for {@code key} at {@code revision}, or null if none is kept at that revision. */
  V get(K key, long revision) {
    Kept<V> k = kept.get(key);
    return k != null && k.revision() == revision ? k.value() : null;
  }

  /** Keeps {@code value} for {@code key} read at {@code revision}, unless a later revision is kept. */
  void put(K key, long revision, V value) {
    kept.merge(key, new Kept<>(revision, value), (old, now) -> now.revision() >= old.revision() ? now : old);
    if (kept.size() > capacity) {
      Iterator<K> any = kept.keySet().iterator();
      while (kept.size() > capacity && any.hasNext()) {
        if (!any.next().equals(key)) {
          any.remove();
        }
      }
    }
  }

  /** How many keys are kept. */
  int size() {
    return kept.size();
  }
}
