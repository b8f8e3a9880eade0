package org.accord.app;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The event type namespaces that Accord writes itself, from its own changes, through the outbox (ADR
 * 0086). Nobody may append an event of these types directly ({@code accord log append}, {@code POST
 * /api/v1/log/entries}): an auditor reading {@code sbom.ingested} must be able to trust that Accord
 * stored that SBOM, and Accord writes every one of these events with the change it attests. This enum
 * is the one list; the outbox refuses to stage an event outside it, and direct appends refuse one
 * inside it.
 */
public enum EventNamespace {
  SBOM,
  INVENTORY,
  ADVISORY,
  VEX,
  ORG,
  MEMBER,
  TOKEN,
  CLAIM,
  EVIDENCE,
  TRIAGE,
  CASE,
  REPORT,
  /** The logs this instance witnesses (ADR 0144). */
  WITNESS,
  /** Commitments: {@code commitment.published}, {@code .superseded}, {@code .joined} (ADR 0140). */
  COMMITMENT,
  /** Public scorecard marks: {@code scorecard.marked}, a deadline that climbed to the top of its escalation ladder (ADR 0155). */
  SCORECARD,
  /** History imports: {@code history.imported}, {@code history.case_imported} (ADR 0156). */
  HISTORY;

  /** The namespace as event types write it, such as {@code sbom}. */
  public String prefix() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The namespace an event type is in, if Accord reserves it: {@code sbom} and {@code sbom.*}. */
  public static Optional<EventNamespace> of(String type) {
    if (type == null) {
      return Optional.empty();
    }
    return Arrays.stream(values())
        .filter(ns -> type.equals(ns.prefix()) || type.startsWith(ns.prefix() + "."))
        .findFirst();
  }

  /** The reserved prefixes with their dot, for messages and documentation: {@code sbom.}, … */
  public static List<String> prefixes() {
    return Arrays.stream(values()).map(ns -> ns.prefix() + ".").toList();
  }
}
