package org.accord.disclosure.plan;

import java.time.Instant;
import java.util.Objects;
import org.accord.jurisdiction.BlockedJurisdiction;

/**
 * A party the plan put in no wave because it is in a jurisdiction the instance's sanctions pack blocks,
 * and where it went instead (ADR 0137). Immutable.
 *
 * @param recipient who it is and why the exposure suggested it
 * @param wouldBe the wave it would have been in
 * @param wouldBeDue when that wave is due
 * @param pack the sanctions pack's id
 * @param blocked the blocked jurisdiction and the measure
 */
public record Excluded(Recipient recipient, WaveKind wouldBe, Instant wouldBeDue, String pack, BlockedJurisdiction blocked) {
  public Excluded {
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(wouldBe, "wouldBe");
    Objects.requireNonNull(wouldBeDue, "wouldBeDue");
    Objects.requireNonNull(pack, "pack");
    Objects.requireNonNull(blocked, "blocked");
  }

  /** One sentence: who, where it would have been, and where it went. */
  public String text() {
    return recipient.organization() + " (" + blocked.country() + ") is in no wave: it would have been in " + wouldBe.label()
        + " at " + wouldBeDue + ", but " + blocked.country() + " is blocked by " + blocked.source() + " (" + pack
        + "); see the sanctioned_jurisdiction conflict for the routes that survive";
  }
}
