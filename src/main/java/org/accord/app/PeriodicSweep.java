package org.accord.app;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.accord.InvalidInputException;
import org.slf4j.Logger;

/**
 * A clock-driven sweep run in the background on one daemon thread (the plan's waves, ADR 0134): the
 * first run at once, so what fell due while the instance was down is done when it starts; a failed run
 * is logged and retried at the next period; {@link #awaitRuns} lets tests wait without sleeping.
 * Thread-safe.
 */
final class PeriodicSweep implements AutoCloseable {
  private final String thread;
  private final Runnable work;
  private final Logger log;
  private ScheduledExecutorService sweeper;
  private boolean closed;
  /** The number of finished runs, and the monitor {@link #awaitRuns} waits on. */
  private final long[] runs = new long[1];

  PeriodicSweep(String thread, Runnable work, Logger log) {
    this.thread = thread;
    this.work = work;
    this.log = log;
  }

  /** Counts one finished run (a background one or a direct call of the sweep). */
  void ran() {
    synchronized (runs) {
      runs[0]++;
      runs.notifyAll();
    }
  }

  /** Waits until at least {@code count} runs have finished, at most {@code timeout}; whether they had. */
  boolean awaitRuns(long count, Duration timeout) throws InterruptedException {
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

  /** How many runs have finished. */
  long runs() {
    synchronized (runs) {
      return runs[0];
    }
  }

  /**
   * Runs the work every {@code period} until {@link #close()}; starting twice, or after close, does nothing.
   *
   * @throws IllegalArgumentException for a period that is not positive
   */
  synchronized void start(Duration period) {
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
    sweeper.scheduleWithFixedDelay(() -> {
      try {
        work.run();
      } catch (RuntimeException e) {
        log.warn("{} failed, will retry: {}", thread, e.getMessage());
      }
    }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
  }

  synchronized boolean isRunning() {
    return sweeper != null && !sweeper.isShutdown();
  }

  /**
   * A sweep's period from {@code environment}: {@code variable} in whole seconds, {@code fallback} when
   * unset, empty for 0 (no background sweep).
   *
   * @throws InvalidInputException naming the variable for anything but a whole number from 0 to 86400
   */
  static Optional<Duration> period(Map<String, String> environment, String variable, Duration fallback, String what) {
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
      throw new InvalidInputException(variable + " is " + what + " in whole seconds, 0 to 86400 (0: off), not '"
          + (text.length() > 20 ? text.substring(0, 20) + "..." : text) + "'", variable);
    }
    return seconds == 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
  }

  /** Stops the background runs, waiting for one in progress to finish. */
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
