package org.accord.notification;

import java.time.Duration;
import java.util.Objects;

/**
 * When a failed delivery is tried again, and when it is given up (ADR 0119). Immutable.
 *
 * <p>Exponential backoff with "equal jitter" [1]: after the n-th failed attempt the next waits
 * {@code d/2 + u·d/2} with {@code d = min(cap, base·2^(n-1))} and {@code u} uniform in [0, 1). The
 * exponent spreads the load on a receiver that is down; the jitter keeps many notifications that
 * failed together from retrying together; the half that is not random keeps a retry from coming at
 * once. After {@link #maxAttempts} failed attempts the notification is a dead letter.
 *
 * <p>[1] M. Brooker, "Exponential Backoff And Jitter", AWS Architecture Blog, 2015.
 *
 * @param base the wait bound after the first failure
 * @param cap the largest wait bound
 * @param maxAttempts how many attempts a notification gets, at least 1
 */
public record Backoff(Duration base, Duration cap, int maxAttempts) {
  /** 30 s, doubling to at most 1 h, 8 attempts: about 3 hours before a notification is dead. */
  public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1), 8);

  public Backoff {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(cap, "cap");
    if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0 || maxAttempts < 1) {
      throw new IllegalArgumentException("a backoff needs 0 < base <= cap and at least one attempt");
    }
  }

  /**
   * The wait before the next attempt after {@code failed} failed attempts.
   *
   * @param failed how many attempts failed so far, at least 1
   * @param random a number in [0, 1), the jitter
   */
  public Duration delay(int failed, double random) {
    if (failed < 1 || random < 0 || random >= 1) {
      throw new IllegalArgumentException("failed >= 1 and 0 <= random < 1");
    }
    long bound = base.toMillis() << Math.min(failed - 1, 30);
    if (bound <= 0 || bound > cap.toMillis()) {
      bound = cap.toMillis();
    }
    return Duration.ofMillis(bound / 2 + (long) (random * (bound - bound / 2)));
  }

  /** Whether a notification that failed {@code failed} times is given up. */
  public boolean exhausted(int failed) {
    return failed >= maxAttempts;
  }
}
