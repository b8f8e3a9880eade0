package org.accord.disclosure.obligation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.accord.InvalidInputException;

/**
 * How far one participant's obligation has got (ADR 0138): its due time, what the participant recorded,
 * and whether the sweep marked it missed; {@link #state} decides its {@link ObligationState}. Immutable.
 *
 * <p>The rules: an obligation is due at its due time inclusive, so it is overdue only once the clock is
 * past it. Recording it is met when the time it was done is at or before the due time (or there is no
 * due time); done later, or recorded after the obligation was marked missed, it is late: a missed mark is
 * a case event already in the ledger, and a claim made afterwards does not turn it into met (the time the
 * participant gives is kept beside the time Accord recorded it). The time done may not be in the future.
 *
 * @param due when it falls due; empty while its clock has not started or when the law states no term
 * @param fulfilment what the participant recorded, if it did
 * @param missedAt when the sweep marked it missed, if it did
 */
public record Progress(Optional<Instant> due, Optional<Fulfilment> fulfilment, Optional<Instant> missedAt) {
  /** The longest evidence reference accepted, in characters. */
  public static final int MAX_REFERENCE = 500;

  public Progress {
    Objects.requireNonNull(due, "due");
    Objects.requireNonNull(fulfilment, "fulfilment");
    Objects.requireNonNull(missedAt, "missedAt");
  }

  /**
   * What a participant recorded: the evidence and the times.
   *
   * @param reference the evidence, such as the authority's ticket number or a message id
   * @param doneAt when the participant says it was done
   * @param recordedAt when Accord recorded it (the instance clock)
   * @param late whether it counts as late ({@link Progress})
   */
  public record Fulfilment(String reference, Instant doneAt, Instant recordedAt, boolean late) {
    public Fulfilment {
      Objects.requireNonNull(reference, "reference");
      Objects.requireNonNull(doneAt, "doneAt");
      Objects.requireNonNull(recordedAt, "recordedAt");
    }
  }

  /** The state at {@code now}. */
  public ObligationState state(Instant now) {
    if (fulfilment.isPresent()) {
      return fulfilment.get().late() ? ObligationState.LATE : ObligationState.MET;
    }
    if (missedAt.isPresent() || overdue(now)) {
      return ObligationState.MISSED;
    }
    return due.isEmpty() ? ObligationState.WAITING : ObligationState.OPEN;
  }

  /** Whether the due time has passed at {@code now} with nothing recorded and no missed mark yet: what the sweep marks. */
  public boolean overdue(Instant now) {
    return fulfilment.isEmpty() && missedAt.isEmpty() && due.isPresent() && now.isAfter(due.get());
  }

  /**
   * Records the obligation done, as its participant says.
   *
   * @param reference the evidence; blank is refused, at most {@value #MAX_REFERENCE} characters, no control characters
   * @param doneAt when it was done; null means {@code now}
   * @param now the instance clock's now
   * @return the fulfilment, late or not
   * @throws InvalidInputException naming {@code reference} or {@code done_at}
   * @throws IllegalStateException if it was already recorded (the caller checks first and answers 409)
   */
  public Fulfilment fulfil(String reference, Instant doneAt, Instant now) {
    if (fulfilment.isPresent()) {
      throw new IllegalStateException("already recorded");
    }
    String evidence = reference == null ? "" : reference.strip();
    if (evidence.isEmpty()) {
      throw new InvalidInputException("missing reference: give the evidence (a ticket number, a message id, a URL)", "reference");
    }
    if (evidence.length() > MAX_REFERENCE) {
      throw new InvalidInputException("reference is longer than " + MAX_REFERENCE + " characters", "reference");
    }
    if (evidence.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidInputException("reference may not contain control characters", "reference");
    }
    Instant done = doneAt == null ? now : doneAt;
    if (done.isAfter(now)) {
      throw new InvalidInputException("done_at " + done + " is in the future (now is " + now + ")", "done_at");
    }
    boolean late = missedAt.isPresent() || due.map(done::isAfter).orElse(false);
    return new Fulfilment(evidence, done, now, late);
  }
}
