package org.accord.app;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.accord.party.Principal;
import org.accord.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-case access log (ADR 0113): who (organization, member) viewed what of a case, and when, by
 * the instance clock. Recording a view never touches the database: it merges into a bounded map of
 * pending entries, keyed by case, viewer and kind of view, that a background thread writes in one
 * batch every {@link #FLUSH_MILLIS} ms. Repeated views by the same viewer of the same thing within one
 * window become one row with the first and last time and a count.
 *
 * <p>How and why: a read must stay a read (the case view's p99 is held at 100 ms under 100 readers,
 * ADR 0108), so a synchronous insert per view is out. A {@link ConcurrentHashMap} merge is lock-free
 * for distinct keys; the flusher removes each key atomically ({@code remove} returns the value it
 * took), so a view recorded during a flush lands in the next window and none is counted twice. The
 * map holds at most {@link #MAX_PENDING} keys; past that, views are counted per case as unrecorded and
 * written as such, so the log says that something is missing rather than silently dropping it.
 *
 * <p>Loss: on a crash, the views of the last window (at most {@link #FLUSH_MILLIS} ms) are lost; on
 * {@link #close()} everything pending is written. The thread starts on the first recorded view and
 * stops on close. Thread-safe.
 */
public final class CaseAccessLog implements AutoCloseable {
  /** How often pending views are written, in milliseconds: the window in which repeats coalesce. */
  public static final long FLUSH_MILLIS = 1_000;
  /** The most distinct pending (case, viewer, kind) keys held between two flushes. */
  public static final int MAX_PENDING = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(CaseAccessLog.class);

  /** What of a case was viewed. */
  public enum Seen {
    /** The case's header in the case list. */
    LIST,
    /** The case itself ({@code GET /api/v1/cases/{id}}). */
    CASE,
    EVENTS,
    VULNERABILITIES,
    STATUSES,
    SUGGESTIONS,
    /** Its messages: threads, a thread's page, a message, an attachment or a search (ADR 0117). */
    MESSAGES,
    /** Its deadlines as iCalendar (ADR 0132). */
    CALENDAR,
    /** This log. */
    ACCESS_LOG;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private record Key(long casePk, long organization, long member, Seen what) {}

  private record Pending(long first, long last, long views) {
    Pending plus(Pending other) {
      return new Pending(Math.min(first, other.first), Math.max(last, other.last), views + other.views);
    }
  }

  /** No member: a machine token. Member ids are positive. */
  private static final long NO_MEMBER = -1;

  private final Database database;
  private final Clock clock;
  private final ConcurrentHashMap<Key, Pending> pending = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Long, Pending> unrecorded = new ConcurrentHashMap<>();
  private final Object flushing = new Object();
  /** Writes what is pending every {@link #FLUSH_MILLIS}, from the first view on. */
  private final PeriodicSweep flusher = new PeriodicSweep("accord-case-access-log", "case access log", this::flushQuietly);
  private volatile boolean started;
  private volatile boolean closed;

  CaseAccessLog(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** Records that {@code viewer} saw {@code what} of the case with row id {@code casePk}; never blocks on I/O. */
  public void record(Principal viewer, long casePk, Seen what) {
    if (closed) {
      return;
    }
    long now = clock.millis();
    Pending one = new Pending(now, now, 1);
    Key key = new Key(casePk, viewer.organization().id(), viewer.member() == null ? NO_MEMBER : viewer.member().id(), what);
    if (pending.size() >= MAX_PENDING && !pending.containsKey(key)) {
      unrecorded.merge(casePk, one, Pending::plus);
    } else {
      pending.merge(key, one, Pending::plus);
    }
    if (!started) {
      start();
    }
  }

  private synchronized void start() {
    if (started || closed) {
      return;
    }
    flusher.start(Duration.ofMillis(FLUSH_MILLIS));
    started = true;
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (RuntimeException e) {
      LOG.warn("case access log: cannot write pending views, will retry: {}", e.getMessage());
    }
  }

  /**
   * Writes every pending view now, in one transaction. A failed write puts the entries back, to be
   * written by the next flush.
   */
  public void flush() {
    synchronized (flushing) {
      List<org.accord.store.CaseAccessLog.Entry> entries = new ArrayList<>();
      List<Key> keys = new ArrayList<>();
      List<Pending> values = new ArrayList<>();
      for (Key key : pending.keySet()) {
        Pending p = pending.remove(key);
        if (p != null) {
          keys.add(key);
          values.add(p);
          entries.add(new org.accord.store.CaseAccessLog.Entry(key.casePk(), key.organization(),
              key.member() == NO_MEMBER ? null : key.member(), key.what().label(), p.first(), p.last(), p.views()));
        }
      }
      List<Long> lostCases = new ArrayList<>();
      List<Pending> lost = new ArrayList<>();
      for (Long casePk : unrecorded.keySet()) {
        Pending p = unrecorded.remove(casePk);
        if (p != null) {
          lostCases.add(casePk);
          lost.add(p);
          entries.add(new org.accord.store.CaseAccessLog.Entry(casePk, null, null, "unrecorded", p.first(), p.last(), p.views()));
        }
      }
      if (entries.isEmpty()) {
        return;
      }
      try {
        database.jdbi().useTransaction(handle -> org.accord.store.CaseAccessLog.insert(handle, entries));
      } catch (RuntimeException e) {
        for (int i = 0; i < keys.size(); i++) {
          pending.merge(keys.get(i), values.get(i), Pending::plus);
        }
        for (int i = 0; i < lostCases.size(); i++) {
          unrecorded.merge(lostCases.get(i), lost.get(i), Pending::plus);
        }
        throw e;
      }
    }
  }

  /** Stops the thread and writes what is pending. Views recorded after this are not kept. */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
    }
    flusher.close();
    flushQuietly();
  }
}
