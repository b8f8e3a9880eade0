package org.accord.app.exercise;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The accelerated clock of a tabletop's sandbox (ADR 0158): it reads {@code origin} when it is made, then
 * advances {@code scale} times as fast as {@code base}. Injected as the sandbox instance's one clock, so
 * every stored time, deadline and event in the sandbox runs on exercise time. Immutable, thread-safe.
 */
public final class ScaledClock extends Clock {
  private final Clock base;
  private final Instant origin;
  private final long startedAt;
  private final double scale;

  /**
   * @param base the real clock it accelerates
   * @param origin what it reads now
   * @param scale exercise seconds per real second, positive
   */
  public ScaledClock(Clock base, Instant origin, double scale) {
    this(base, origin, base.millis(), scale);
  }

  private ScaledClock(Clock base, Instant origin, long startedAt, double scale) {
    if (!(scale > 0) || Double.isInfinite(scale)) {
      throw new IllegalArgumentException("scale must be a positive number: " + scale);
    }
    this.base = Objects.requireNonNull(base, "base");
    this.origin = Objects.requireNonNull(origin, "origin");
    this.startedAt = startedAt;
    this.scale = scale;
  }

  /** Exercise seconds per real second. */
  public double scale() {
    return scale;
  }

  /** The instant it read when made: day 0 of the exercise. */
  public Instant origin() {
    return origin;
  }

  /** Exercise days since {@link #origin()}. */
  public double day() {
    return (millis() - origin.toEpochMilli()) / 86_400_000.0;
  }

  @Override
  public long millis() {
    return origin.toEpochMilli() + (long) ((base.millis() - startedAt) * scale);
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this; // exercise time is UTC, as every stored time is
  }
}
