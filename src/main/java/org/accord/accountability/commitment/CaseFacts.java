package org.accord.accountability.commitment;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.accord.sbom.Sector;
import org.accord.triage.Severity;

/**
 * What commitments need to know of one case, taken from its stored state and its events (ADR 0141).
 * Immutable and thread-safe; nothing is null.
 *
 * @param opened when the case was opened (the report received by its owner)
 * @param severity the highest CVSS severity of its vulnerabilities, empty when none has a vector
 * @param products canonical package URLs of its affected packages and of the products with a status
 * @param participants its participants
 * @param facts the events that start and keep commitments' clocks, in any order
 */
public record CaseFacts(Instant opened, Optional<Severity> severity, Set<String> products, List<Party> participants, List<Fact> facts) {
  public CaseFacts {
    Objects.requireNonNull(opened, "opened");
    Objects.requireNonNull(severity, "severity");
    products = Set.copyOf(products);
    participants = List.copyOf(participants);
    facts = List.copyOf(facts);
  }

  /**
   * A participant of the case.
   *
   * @param organization its organization's store id
   * @param name its organization's name
   * @param vendor whether it takes part as a vendor (has a fix path)
   * @param invited when it received the report: invited (the case owner: when the case was opened)
   * @param acknowledged when it acknowledged the report, if it did
   * @param sectors the sectors of its organization's deployments
   */
  public record Party(long organization, String name, boolean vendor, Instant invited, Optional<Instant> acknowledged, Set<Sector> sectors) {
    public Party {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(invited, "invited");
      Objects.requireNonNull(acknowledged, "acknowledged");
      sectors = Set.copyOf(sectors);
    }
  }

  /** A case event that starts or keeps a commitment's clock; a closed set. */
  public sealed interface Fact {
    /** When it happened. */
    Instant at();

    /** A vendor's fix became ready (Vultron F, {@code case.state_changed} fix_ready). */
    record FixReady(long vendor, Instant at) implements Fact {}

    /** The case was published ({@code case.published}). */
    record Published(Instant at) implements Fact {}

    /** An organization proposed embargo terms ({@code case.embargo_proposed}). */
    record EmbargoProposed(long by, Instant at) implements Fact {}

    /** An organization joined the embargo: consented to or accepted its terms. */
    record EmbargoJoined(long by, Instant at) implements Fact {}

    /** An organization set a VEX status in the case ({@code case.status_set}). */
    record StatusSet(long by, Instant at) implements Fact {}

    /** An organization notified others downstream: invited a participant, or sent a plan wave. */
    record Notified(long by, Instant at) implements Fact {}
  }
}
