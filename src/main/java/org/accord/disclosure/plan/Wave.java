package org.accord.disclosure.plan;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.accord.disclosure.Tlp;

/**
 * One wave of a notification plan: who is told, not before when, on which channel, under which TLP
 * label. Immutable.
 *
 * @param number the wave's place in the plan, from 1
 * @param kind what the wave is for
 * @param due when the wave goes out: not before this time, and once {@code gate} is met
 * @param gate a case fact the wave waits for, if any: a wave gated on a fix goes out at {@code due}
 *     or when the fix is ready, whichever is later
 * @param channel how it reaches its recipients
 * @param tlp the label of what the wave shares
 * @param recipients who it tells, ordered by organization name; empty only for the publication wave
 */
public record Wave(
    int number, WaveKind kind, Instant due, Optional<Gate> gate, WaveChannel channel, Tlp tlp, List<Recipient> recipients) {
  public Wave {
    if (number < 1) {
      throw new IllegalArgumentException("waves are numbered from 1");
    }
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(due, "due");
    Objects.requireNonNull(gate, "gate");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(tlp, "tlp");
    recipients = List.copyOf(recipients);
  }

  /**
   * Whether the wave may go out at {@code now}: its due time has come (inclusive) and its gate, if any,
   * is met, so a wave gated on a fix goes out at its due time or when the fix is ready, whichever is later.
   *
   * @param fixReady whether some vendor of the case has reached F
   */
  public boolean releasable(Instant now, boolean fixReady) {
    return !due.isAfter(now) && (gate.isEmpty() || fixReady);
  }

  /** A case fact a wave waits for. */
  public enum Gate {
    /** A fix is ready: some vendor of the case reached F (Vultron VFD, ADR 0102). */
    FIX_READY;

    /** The lower-case label shown in the API and on the command line. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
