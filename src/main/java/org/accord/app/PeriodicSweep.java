package org.accord.app;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.accord.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sweep run in the background while the instance serves (the RSVP deadlines of ADR 0116, the
 * reminders of ADR 0126): on one daemon thread, first at once and then every period until {@link
 * #close()}; a failed run is logged and tried again at the next period. Thread-safe.
 */
public final class PeriodicSweep implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PeriodicSweep.class);

  private final String thread;
  private final String what;
  private final Runnable sweep;
  private ScheduledExecutorService sweeper;
  private boolean closed;
  /** Whether this replica runs the sweep now (ADR 0147): a run is skipped while another replica leads it. */
  private volatile java.util.function.BooleanSupplier gate = () -> true;
  /** The number of finished background runs, and the monitor {@link #awaitRuns} waits on. */
  private final long[] runs = new long[1];

  /**
   * @param thread the thread's name
   * @param what what the sweep does, for the log ("RSVP deadline sweep")
   * @param sweep one run
   */
  public PeriodicSweep(String thread, String what, Runnable sweep) {
    this.thread = thread;
    this.what = what;
    this.sweep = sweep;
  }

  /**
   * Runs the sweep every {@code period}, the first at once. Starting twice, or after close, does nothing.
   *
   * @throws IllegalArgumentException for a period that is not positive
   */
  public synchronized void start(Duration period) {
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("the sweep period must be positive, not " + period);
    }
    if (sweeper != null || closed) {
      return;
    }
    sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread t = new Thread(task, thread);
      t.setDaemon(true);
      return t;
    });
    sweeper.scheduleWithFixedDelay(this::runQuietly, 0, period.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Whether the background sweep runs. */
  public synchronized boolean isRunning() {
    return sweeper != null && !sweeper.isShutdown();
  }

  /** Runs each background sweep only while {@code leads} says this replica leads it (ADR 0147). */
  public void gate(java.util.function.BooleanSupplier leads) {
    this.gate = Objects.requireNonNull(leads, "leads");
  }

  private void runQuietly() {
    try {
      if (gate.getAsBoolean()) {
        sweep.run();
      }
    } catch (RuntimeException e) {
      LOG.warn("{} failed, will retry: {}", what, e.getMessage());
    }
    synchronized (runs) {
      runs[0]++;
      runs.notifyAll();
    }
  }

  /** How many background runs have finished. */
  public long runs() {
    synchronized (runs) {
      return runs[0];
    }
  }

  /**
   * Waits until at least {@code count} background runs have finished, at most {@code timeout}; whether
   * they had. For tests of the background thread, which must not sleep.
   */
  public boolean awaitRuns(long count, Duration timeout) throws InterruptedException {
    long until = System.nanoTime() + timeout.toNanos();
    synchronized (runs) {
      while (runs[0] < count) {
        long left = until - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(runs, left);
      }
      return true;
    }
  }

  /**
   * A background sweep's period from {@code environment}: {@code variable} seconds, {@code fallback}
   * when unset, empty for 0 (no background sweep).
   *
   * @throws InvalidInputException naming the variable for anything but a whole number from 0 to 86400
   */
  public static Optional<Duration> period(Map<String, String> environment, String variable, Duration fallback, String what) {
    String text = environment.get(variable);
    if (text == null || text.isBlank()) {
      return Optional.of(fallback);
    }
    long seconds;
    try {
      seconds = Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      seconds = -1;
    }
    if (seconds < 0 || seconds > 86_400) {
      throw new InvalidInputException(variable + " is the " + what + "'s period in whole seconds, 0 to 86400 (0: off), not '"
          + (text.length() > 20 ? text.substring(0, 20) + "..." : text) + "'", variable);
    }
    return seconds == 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
  }

  /** Stops the background sweep, waiting for a run in progress to finish. */
  @Override
  public void close() {
    ScheduledExecutorService running;
    synchronized (this) {
      closed = true;
      running = sweeper;
    }
    if (running != null) {
      running.shutdown();
      try {
        running.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
