package org.accord.app.replicas;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.accord.store.Database;
import org.accord.store.replicas.ChangeListener;
import org.accord.store.replicas.Changes;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this replica's in-memory indexes current from the change feed (ADR 0146).
 *
 * <p>A writer records each change in its own transaction ({@link #record}) and, after the commit,
 * calls {@link #catchUp()}, which applies every committed change up to the newest in id order, its own
 * included. A background thread does the same when PostgreSQL notifies {@code accord_changes}, and at
 * least every {@link #POLL_MILLIS} ms, so a missed notification costs at most that much lag. The
 * indexes built at start read the store and the feed's position in one snapshot ({@link #startAt}), so
 * nothing is applied twice or missed.
 *
 * <p>How: the feed table's writers hold one transaction-level advisory lock from the insert to the
 * commit ({@link Changes}), so ids commit in order and reading {@code id > applied} never skips a
 * change that commits later. A writer that must see every other replica's changes before it decides
 * (an ingest computes removed edges; an advisory import matches against the graph) takes the lock at
 * the start of its transaction with {@link #lockWriters} and then catches up.
 *
 * <p>On SQLite there is one process, so the payload of a change is needed only by the writer that holds
 * it in memory: {@link #record} keeps the value and writes a short payload.
 *
 * <p>Thread-safe. Appliers run one at a time, in id order, on whichever thread catches up.
 */
public final class ChangeFeed implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);
  /** The longest a replica goes without looking at the feed, whatever notifications say. */
  public static final int POLL_MILLIS = 1000;
  private static final int BATCH = 500;

  /** Applies one change of a kind to this replica's indexes. */
  @FunctionalInterface
  public interface Applier {
    /**
     * @param payload the stored payload
     * @param local what the writer recorded, when this replica wrote the change; else null
     */
    void apply(String payload, Object local);
  }

  private final Changes changes;
  private final Clock clock;
  private final Map<ChangeKind, Applier> appliers = new EnumMap<>(ChangeKind.class);
  private final ConcurrentMap<Long, Object> locals = new ConcurrentHashMap<>();
  private final Object applyLock = new Object();
  private final Object progress = new Object();
  private volatile long applied;
  private volatile long latestSeen;
  private volatile boolean caughtUp;
  private volatile String unreachable;
  private volatile long lastAppliedAt;
  private volatile boolean running;
  private Thread thread;
  private final ChangeListener listener;

  public ChangeFeed(Database database, Clock clock) {
    this.changes = new Changes(database);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.listener = new ChangeListener(database);
  }

  /** Registers how changes of {@code kind} are applied; before {@link #start}. */
  public void on(ChangeKind kind, Applier applier) {
    appliers.put(kind, applier);
  }

  /** Sets the position of indexes built from a snapshot that held every change up to {@code id}. */
  public void startAt(long id) {
    applied = id;
    latestSeen = id;
  }

  /** Whether other processes share the store (PostgreSQL), so changes arrive from elsewhere. */
  public boolean shared() {
    return changes.shared();
  }

  /**
   * Takes the feed writers' lock in {@code handle}'s transaction and applies every change committed
   * before it: from here until the commit no other replica commits a change, and this replica's
   * indexes hold every committed one.
   */
  public void lockWriters(Handle handle) {
    if (changes.shared()) {
      changes.lockWriters(handle);
      catchUp();
    }
  }

  /**
   * Records a change in {@code handle}'s transaction; {@link #catchUp()} after the commit applies it
   * here with {@code local}, other replicas apply {@code payload}.
   *
   * @param payload supplies the payload other replicas apply; asked only when the store is shared
   * @return the change's id
   */
  public long record(Handle handle, ChangeKind kind, java.util.function.Supplier<String> payload, Object local) {
    long id = changes.append(handle, kind.name(), changes.shared() ? payload.get() : "{}", clock.millis());
    if (local != null) {
      locals.put(id, local);
    }
    return id;
  }

  /**
   * Applies every committed change after {@link #applied()} in id order, and returns the id applied.
   *
   * @throws RuntimeException if the store cannot be read; what was applied stays applied
   */
  public long catchUp() {
    synchronized (applyLock) {
      while (true) {
        List<Changes.Change> batch = changes.after(applied, BATCH);
        for (Changes.Change change : batch) {
          Object local = locals.remove(change.id());
          ChangeKind kind;
          try {
            kind = ChangeKind.valueOf(change.kind());
          } catch (IllegalArgumentException newer) {
            kind = null; // written by a newer version: it cannot change what this one holds
          }
          Applier applier = kind == null ? null : appliers.get(kind);
          if (applier != null) {
            applier.apply(change.payload(), local);
          }
          advance(change.id());
        }
        if (batch.size() < BATCH) {
          break;
        }
      }
      locals.keySet().removeIf(id -> id <= applied); // recorded by a transaction that rolled back
      unreachable = null;
      return applied;
    }
  }

  private void advance(long id) {
    synchronized (progress) {
      applied = id;
      latestSeen = Math.max(latestSeen, id);
      lastAppliedAt = clock.millis();
      progress.notifyAll();
    }
  }

  /** The id of the newest change this replica applied. */
  public long applied() {
    return applied;
  }

  /** The newest id this replica knows was committed (applied or not): for the apply lag. */
  public long latestSeen() {
    return latestSeen;
  }

  /** When this replica last applied a change, epoch ms; 0 if never. */
  public long lastAppliedAt() {
    return lastAppliedAt;
  }

  /** Whether the replica has caught up with the feed since it started. */
  public boolean caughtUp() {
    return caughtUp;
  }

  /** Why the feed cannot be read now (PostgreSQL unreachable), or null when it can. */
  public String unreachable() {
    return unreachable;
  }

  /**
   * Waits until change {@code id} is applied here, at most {@code timeout}; whether it is. Catches up
   * at once if the background thread has not yet.
   */
  public boolean awaitApplied(long id, Duration timeout) throws InterruptedException {
    long until = System.nanoTime() + timeout.toNanos();
    while (applied < id) {
      try {
        catchUp(); // at once, rather than after the background thread's next look
      } catch (RuntimeException e) {
        // unreachable for now: wait and look again
      }
      long left = until - System.nanoTime();
      if (applied >= id) {
        break;
      }
      if (left <= 0) {
        return false;
      }
      synchronized (progress) {
        if (applied < id) {
          TimeUnit.NANOSECONDS.timedWait(progress, Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
        }
      }
    }
    return true;
  }

  /** Catches up once now, then follows the feed on a daemon thread until {@link #close()}. */
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    thread = new Thread(this::follow, "accord-change-feed");
    thread.setDaemon(true);
    thread.start();
  }

  private void follow() {
    while (running) {
      try {
        catchUp();
        caughtUp = true;
        latestSeen = Math.max(latestSeen, changes.shared() ? changes.latest() : applied);
        listener.await(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        unreachable = "the database cannot be read: " + e.getMessage();
        LOG.warn("change feed: {}", unreachable);
        try {
          Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException stop) {
          return;
        }
      }
    }
  }

  @Override
  public void close() {
    Thread running;
    synchronized (this) {
      this.running = false;
      running = thread;
    }
    if (running != null) {
      running.interrupt();
      try {
        running.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    listener.close();
  }
}
