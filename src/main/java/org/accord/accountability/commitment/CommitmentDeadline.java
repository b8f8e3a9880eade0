package org.accord.accountability.commitment;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.accord.triage.Severity;

/**
 * One deadline a commitment sets in a case for one participant (ADR 0141). Immutable and thread-safe;
 * nothing is null.
 *
 * @param commitment the commitment id
 * @param version the version in force when the case was opened
 * @param title the commitment's title
 * @param publisher the organization that published it
 * @param kind what was promised
 * @param severity the severity of the term that applies, empty for a term for any severity
 * @param within the time allowed
 * @param organization the bound participant's organization name
 * @param start when the clock started, empty while the starting event has not happened
 * @param due when the promise falls due, empty while the clock has not started
 * @param kept when the promise was kept, if it was
 * @param state where it stands at the time it was computed
 */
public record CommitmentDeadline(String commitment, int version, String title, String publisher, PledgeKind kind,
    Optional<Severity> severity, Duration within, String organization, Optional<Instant> start, Optional<Instant> due,
    Optional<Instant> kept, State state) {
  public CommitmentDeadline {
    Objects.requireNonNull(commitment, "commitment");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(publisher, "publisher");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(within, "within");
    Objects.requireNonNull(organization, "organization");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(due, "due");
    Objects.requireNonNull(kept, "kept");
    Objects.requireNonNull(state, "state");
  }

  /** Where a deadline stands. A late keeping stays late: it is never turned into met. */
  public enum State {
    /** The event that starts its clock has not happened. */
    WAITING,
    /** Its clock runs and it is not kept yet. */
    OPEN,
    /** Kept by its due time. */
    MET,
    /** Kept after its due time. */
    LATE,
    /** Not kept, and its due time has passed. */
    MISSED;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
