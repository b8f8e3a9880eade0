package org.accord.disclosure.plan;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.accord.disclosure.Tlp;

/**
 * The facts of a case a plan is computed from. Immutable.
 *
 * @param now when the plan is computed (the instance clock): the first wave's due time
 * @param embargoEnd when the embargo in force ends, if terms are in force
 * @param fixReady when a fix became ready (a vendor reached F), if it did
 * @param exploited when attacks were first observed (the A event), if they were
 * @param publicAware whether the vulnerability is already public (P)
 * @param caseTlp the case's TLP label: no wave before publication shares under a lower one
 */
public record PlanFacts(
    Instant now, Optional<Instant> embargoEnd, Optional<Instant> fixReady, Optional<Instant> exploited, boolean publicAware,
    Tlp caseTlp) {
  public PlanFacts {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(embargoEnd, "embargoEnd");
    Objects.requireNonNull(fixReady, "fixReady");
    Objects.requireNonNull(exploited, "exploited");
    Objects.requireNonNull(caseTlp, "caseTlp");
  }
}
