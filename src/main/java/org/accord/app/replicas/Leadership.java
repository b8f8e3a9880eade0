package org.accord.app.replicas;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.accord.store.Database;
import org.accord.store.replicas.SessionLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which background jobs this replica leads (ADR 0147): each {@link Job} runs on the one replica that
 * holds its PostgreSQL session-level advisory lock, on a connection of its own. A thread tries the
 * free locks every {@link #TRY_MILLIS} ms and checks that the held ones' sessions are alive, so when a
 * leader dies (its session ends and PostgreSQL releases the lock) another replica takes over within
 * about that long. A job asks {@link #leads(Job)} before each unit of work.
 *
 * <p>On SQLite the data-directory lock already makes this process the only one: it leads every job,
 * with no thread.
 *
 * <p>Thread-safe. {@link #close()} releases every lock, which hands the jobs over at once.
 */
public final class Leadership implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);
  /** How often free locks are tried and held ones checked. */
  public static final int TRY_MILLIS = 1000;

  private final Database database;
  private final boolean shared;
  private final Map<Job, SessionLock> held = new ConcurrentHashMap<>();
  private final Map<Job, Runnable> onGain = new EnumMap<>(Job.class);
  private volatile boolean running;
  private Thread thread;

  public Leadership(Database database) {
    this.database = database;
    this.shared = database.dialect() == Database.Dialect.POSTGRESQL;
  }

  /** Runs {@code action} each time this replica becomes {@code job}'s leader; before {@link #start}. */
  public synchronized void onGain(Job job, Runnable action) {
    onGain.put(job, action);
  }

  /** Whether this replica leads {@code job} now. Always true on SQLite. */
  public boolean leads(Job job) {
    return !shared || (running && held.containsKey(job));
  }

  /** Tries for every job now, then keeps trying on a daemon thread until {@link #close()}. */
  public synchronized void start() {
    if (running || !shared) {
      running = true;
      return;
    }
    running = true;
    tryAll();
    thread = new Thread(this::loop, "accord-leadership");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    while (running) {
      try {
        Thread.sleep(TRY_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
      tryAll();
    }
  }

  private void tryAll() {
    for (Job job : Job.values()) {
      if (!running) {
        return;
      }
      SessionLock lock = held.get(job);
      if (lock != null) {
        if (!lock.alive(2)) {
          LOG.warn("lost the {} lock: its database session ended", job.label());
          held.remove(job);
          lock.close();
        }
        continue;
      }
      try {
        Optional<SessionLock> taken = SessionLock.tryAcquire(database, job.lockKey());
        if (taken.isPresent()) {
          Runnable action;
          synchronized (this) {
            if (!running) {
              taken.get().close();
              return;
            }
            held.put(job, taken.get());
            action = onGain.get(job);
          }
          LOG.info("this replica leads {}", job.label());
          if (action != null) {
            action.run();
          }
        }
      } catch (RuntimeException e) {
        LOG.warn("cannot try the {} lock: {}", job.label(), e.getMessage());
      }
    }
  }

  /** Releases every lock: the jobs pass to other replicas at their next try. */
  @Override
  public void close() {
    Thread looping;
    synchronized (this) {
      running = false;
      looping = thread;
    }
    if (looping != null) {
      looping.interrupt();
      try {
        looping.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (Job job : Job.values()) {
      SessionLock lock = held.remove(job);
      if (lock != null) {
        lock.close();
      }
    }
  }
}
