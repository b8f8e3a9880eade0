package org.accord.app;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Assembled case views, each kept under the revision of its case it was read at (ADR 0111). A view
 * is handed out only to a reader that has just read the same revision from the case row, so a write
 * (every case write records an event and bumps the revision, and so does a first view) makes the kept
 * view unreachable at once, in this process and in any other sharing the store. At most {@code
 * capacity} cases are kept; beyond that an arbitrary one is dropped (a miss only costs a read). It
 * holds only what a reader of the case was shown; visibility is checked on every read by the caller.
 * Thread-safe.
 */
final class CaseViews {
  /** The cases kept by default: the busy ones of an instance, a few MB at most. */
  static final int DEFAULT_CASES = 256;

  private record Kept(long revision, Cases.View view) {}

  private final int capacity;
  private final ConcurrentMap<Long, Kept> kept = new ConcurrentHashMap<>();

  CaseViews(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    this.capacity = capacity;
  }

  /** The view of case {@code pk} at {@code revision}, or null if none is kept at that revision. */
  Cases.View get(long pk, long revision) {
    Kept k = kept.get(pk);
    return k != null && k.revision() == revision ? k.view() : null;
  }

  /** Keeps {@code view} of case {@code pk} read at {@code revision}, unless a later revision is kept. */
  void put(long pk, long revision, Cases.View view) {
    kept.merge(pk, new Kept(revision, view), (old, now) -> now.revision() >= old.revision() ? now : old);
    if (kept.size() > capacity) {
      Iterator<Long> any = kept.keySet().iterator();
      while (kept.size() > capacity && any.hasNext()) {
        Long key = any.next();
        if (key != pk) {
          any.remove();
        }
      }
    }
  }

  /** How many cases are kept. */
  int size() {
    return kept.size();
  }
}
