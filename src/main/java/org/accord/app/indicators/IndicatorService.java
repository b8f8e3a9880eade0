package org.accord.app.indicators;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.accord.InvalidInputException;
import org.accord.accountability.indicators.CaseTimeline;
import org.accord.accountability.indicators.Indicators;
import org.accord.app.Accord;
import org.accord.disclosure.RevealBundle;
import org.accord.ledger.LedgerEvent;
import org.accord.ledger.VerificationException;
import org.accord.store.indicators.IndicatorReads;

/**
 * The public indicators (ADR 0142, 0143): computed from the published cases' reveal bundles and the
 * imported historical cases (ADR 0156, public {@code history.case_imported} events) only,
 * exactly what {@code accord verify indicators} recomputes from the published files. Orchestration
 * only: the bundle is {@link org.accord.app.CasePublication#reveal}'s, the fold and the figures the
 * core's. A published case's bundle never changes (events after publication are not in it), so each
 * case is folded once and kept. Thread-safe.
 */
public final class IndicatorService {
  private final Accord accord;
  private final ConcurrentMap<String, CaseTimeline> folded = new ConcurrentHashMap<>();

  public IndicatorService(Accord accord) {
    this.accord = accord;
  }

  /** The report of the published cases in {@code scope}. */
  public Indicators.Report report(Indicators.Scope scope) {
    List<String> published = accord.database().jdbi().withHandle(IndicatorReads::publishedCases);
    List<CaseTimeline> cases = new ArrayList<>(published.size());
    for (String id : published) {
      cases.add(folded.computeIfAbsent(id, this::fold));
    }
    cases.addAll(accord.historyImports().timelines()); // imported history (ADR 0156), public in the log
    return Indicators.compute(cases, scope);
  }

  /** One published case from what its bundle reveals. */
  private CaseTimeline fold(String id) {
    RevealBundle bundle = accord.publication().reveal(id);
    List<LedgerEvent> events = new ArrayList<>();
    for (RevealBundle.Event e : bundle.events()) {
      if (e.reveal().isPresent()) {
        try {
          events.add(LedgerEvent.decode(e.reveal().get().event()).event());
        } catch (VerificationException ex) {
          throw new IllegalStateException("the log's own event of " + id + " at " + e.index() + " does not decode", ex);
        }
      }
    }
    return CaseTimeline.of(id, events);
  }

  /**
   * The scope as the CLI and the API take it.
   *
   * @param from a date ({@code 2026-01-01}, UTC midnight) or an instant; may be null
   * @param to the same, exclusive; may be null
   * @throws InvalidInputException naming {@code from} or {@code to} when one does not parse or the
   *     period is empty
   */
  public static Indicators.Scope scope(String organization, String from, String to, boolean cases) {
    Optional<Instant> start = instant(from, "from");
    Optional<Instant> end = instant(to, "to");
    if (start.isPresent() && end.isPresent() && !start.get().isBefore(end.get())) {
      throw new InvalidInputException("the period is empty: " + start.get() + " is not before " + end.get(), "to");
    }
    return new Indicators.Scope(Optional.ofNullable(organization), start, end, cases);
  }

  private static Optional<Instant> instant(String text, String field) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String t = text.strip();
    try {
      return Optional.of(t.length() == 10 ? LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(t));
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("'" + t + "' is not a date (2026-01-31) or an instant (2026-01-31T12:00:00Z)", field);
    }
  }
}
