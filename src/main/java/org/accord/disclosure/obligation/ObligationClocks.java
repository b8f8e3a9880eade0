package org.accord.disclosure.obligation;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.accord.jurisdiction.ClockStart;

/**
 * When the case's clocks started for one party, as the case records them (ADR 0138). Immutable.
 *
 * <p>The same reading as the plan's (ADR 0137), with what happened in place of what was planned:
 * awareness is when the party was invited to the case (a wave going out invites it; an organization
 * already taking part, when it was invited); exploitation observed is the later of the case's A event
 * and that awareness (a party cannot report what it does not know); a corrective measure is the case's
 * first F (it stands for the party's own fix, which the case does not record per vendor).
 *
 * @param aware when the party was invited to the case; empty while it does not take part
 * @param attacked when attacks were first observed in the case (its A event), if they were
 * @param fixReady when a fix was first ready in the case (a vendor's F), if one was
 */
public record ObligationClocks(Optional<Instant> aware, Optional<Instant> attacked, Optional<Instant> fixReady) {
  public ObligationClocks {
    Objects.requireNonNull(aware, "aware");
    Objects.requireNonNull(attacked, "attacked");
    Objects.requireNonNull(fixReady, "fixReady");
  }

  /**
   * The instants at which each clock started for the party; a clock that has not started is absent.
   *
   * @param afterRule for {@link ClockStart#AFTER_RULE}: when the earlier rule's notification was made
   *     (its recorded time) or, while it is not recorded, due; empty when neither is known
   */
  public Map<ClockStart, Instant> started(Optional<Instant> afterRule) {
    Map<ClockStart, Instant> out = new EnumMap<>(ClockStart.class);
    aware.ifPresent(a -> out.put(ClockStart.AWARENESS, a));
    if (aware.isPresent() && attacked.isPresent()) {
      out.put(ClockStart.EXPLOITATION_OBSERVED, attacked.get().isAfter(aware.get()) ? attacked.get() : aware.get());
    }
    fixReady.ifPresent(f -> out.put(ClockStart.CORRECTIVE_MEASURE_AVAILABLE, f));
    afterRule.ifPresent(a -> out.put(ClockStart.AFTER_RULE, a));
    return out;
  }
}
