package org.accord.exercise;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Something that happens to the crisis: at a set day, or a number of days after an event of the run.
 *
 * <p>Immutable. Which fields a kind uses is in {@link Kind}; the reader checks them (ADR 0148).
 *
 * @param kind what happens
 * @param atDay the day it happens, or NaN when it follows {@code on}
 * @param on the event it follows, or null when it has a day
 * @param afterDays how long after {@code on}; 0 without it
 * @param countries the countries it concerns, ISO 3166-1 alpha-2; empty for kinds about no country
 * @param delayDays the extra delay it causes ({@link Kind#SOVEREIGN_FORK}, {@link Kind#MAINTAINER_DISENGAGES}),
 *     infinite for "never"; 0 for other kinds
 * @param probability the chance it takes effect in a run ({@link Kind#STATE_FIRST_REPORTING}: that the
 *     state's early copy leaks); 1 for other kinds
 * @param note the facilitator's text, possibly empty
 * @param line the line of the scenario file it starts on, 0 when unknown
 */
public record Inject(
    Kind kind, double atDay, Trigger on, double afterDays, List<String> countries, double delayDays, double probability,
    String note, int line) {

  /** The kinds of inject, a closed set. */
  public enum Kind {
    /** The patch or the technical details leak: exploit development starts. */
    LEAK,
    /** A working exploit is public. */
    EXPLOIT_PUBLIC,
    /** Attacks are observed: the flaw goes into KEV. */
    ATTACKS_OBSERVED,
    /** Sanctions on {@code countries}: private notification to their parties is dropped or rerouted. */
    SANCTIONS,
    /** {@code countries} demand to be told first; the state's copy leaks with {@code probability}. */
    STATE_FIRST_REPORTING,
    /** A bloc ({@code countries}) moves to a sovereign fork, which gets the fix {@code delay_days} late or never. */
    SOVEREIGN_FORK,
    /** The maintainer disengages: the fix, if not ready yet, comes {@code delay_days} later. */
    MAINTAINER_DISENGAGES,
    /** A vendor tells only operators in {@code countries} before publication. */
    VENDOR_NARROWS;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the kind moves the run's public timeline (and so may follow only earlier events). */
    boolean timeline() {
      return this == LEAK || this == EXPLOIT_PUBLIC || this == ATTACKS_OBSERVED;
    }

    /** Whether the kind names countries. */
    boolean needsCountries() {
      return this == SANCTIONS || this == STATE_FIRST_REPORTING || this == SOVEREIGN_FORK || this == VENDOR_NARROWS;
    }
  }

  /** The run events an inject can follow. */
  public enum Trigger {
    FIX_READY, PUBLICATION, EXPLOIT_PUBLIC, ATTACKS_OBSERVED;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Inject {
    Objects.requireNonNull(kind, "kind");
    countries = List.copyOf(countries);
    Objects.requireNonNull(note, "note");
    if (Double.isNaN(atDay) == (on == null)) {
      throw new IllegalArgumentException("an inject has a day or an event to follow, not both");
    }
  }

  /** The day it happens in a run, given the run's event days. */
  public double day(double fixReady, double publication, double exploitPublic, double attacks) {
    if (on == null) {
      return atDay;
    }
    double base = switch (on) {
      case FIX_READY -> fixReady;
      case PUBLICATION -> publication;
      case EXPLOIT_PUBLIC -> exploitPublic;
      case ATTACKS_OBSERVED -> attacks;
    };
    return base + afterDays;
  }
}
