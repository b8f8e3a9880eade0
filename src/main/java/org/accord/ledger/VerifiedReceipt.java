package org.accord.ledger;

import java.util.Objects;
import java.util.Optional;

/**
 * A receipt that verified: its entry is in the log at {@code index} under a checkpoint signed by the
 * log's key.
 *
 * @param index the entry's index
 * @param checkpoint the verified checkpoint the receipt proves against
 * @param leafHash the entry's leaf hash
 * @param event the event, when the entry is an event or the receipt reveals a committed one
 * @param committed whether the log holds a commitment to the event rather than the event
 */
public record VerifiedReceipt(
    long index, Checkpoint checkpoint, Hash leafHash, Optional<LedgerEvent.Decoded> event, boolean committed) {
  public VerifiedReceipt {
    Objects.requireNonNull(checkpoint, "checkpoint");
    Objects.requireNonNull(leafHash, "leafHash");
    Objects.requireNonNull(event, "event");
  }
}
