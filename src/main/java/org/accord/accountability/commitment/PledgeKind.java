package org.accord.accountability.commitment;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.accord.InvalidInputException;

/**
 * What a pledge promises, a closed set. Each kind names the case event its clock starts from and the
 * event that keeps it (ADR 0141). Immutable and thread-safe.
 */
public enum PledgeKind {
  /** Acknowledge a report within the term, counted from when the organization received it (was invited). */
  ACKNOWLEDGE_REPORT("from report received to acknowledged", false),
  /** Have a fix ready (Vultron F) within the term, counted from when the vendor received the report. */
  FIX_READY("from report received to fix ready", true),
  /** Notify downstream (invite another party, or send a plan wave) within the term after the fix. */
  NOTIFY_DOWNSTREAM("from fix ready to downstream notified", true),
  /** Publish a VEX status for its products within the term after the case is published. */
  PUBLISH_VEX("from publication to VEX status published", false),
  /** Join an embargo it is invited to within the term (its RSVP window). */
  JOIN_EMBARGO("from embargo invitation to embargo joined", false);

  private final String clock;
  private final boolean vendorOnly;

  PledgeKind(String clock, boolean vendorOnly) {
    this.clock = clock;
    this.vendorOnly = vendorOnly;
  }

  /** The kind as files and answers spell it: {@code fix-ready}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Which events start and stop its clock, for people. */
  public String clock() {
    return clock;
  }

  /** Whether only a vendor participant (one with a fix path) can keep it. */
  public boolean vendorOnly() {
    return vendorOnly;
  }

  /**
   * The kind {@code text} names; case and {@code -}/{@code _} do not matter.
   *
   * @throws InvalidInputException naming {@code location} and the kinds there are
   */
  public static PledgeKind parse(String text, String location) {
    String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    for (PledgeKind kind : values()) {
      if (kind.label().equals(wanted)) {
        return kind;
      }
    }
    throw new InvalidInputException("'" + text + "' is not a pledge kind; use one of "
        + Arrays.stream(values()).map(PledgeKind::label).collect(Collectors.joining(", ")), location);
  }
}
