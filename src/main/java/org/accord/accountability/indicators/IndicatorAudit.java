package org.accord.accountability.indicators;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.accord.disclosure.CaseRevealVerifier;
import org.accord.disclosure.RevealBundle;
import org.accord.ledger.CanonicalJson;
import org.accord.ledger.Checkpoint;
import org.accord.ledger.Commitment;
import org.accord.ledger.EntryBundle;
import org.accord.ledger.Hash;
import org.accord.ledger.LedgerEvent;
import org.accord.ledger.LogReport;
import org.accord.ledger.MerkleLog;
import org.accord.ledger.NoteVerifier;
import org.accord.ledger.TileId;
import org.accord.ledger.TileSource;
import org.accord.ledger.VerificationException;
import org.accord.ledger.Verifier;

/**
 * The auditor's recomputation of published indicators (ADR 0143) from the published files alone: the
 * tiled log with its signed checkpoint, the reveal bundles of the published cases, and the figures as
 * served ({@code GET /api/v1/indicators}). Trusts nothing but the log's verifier key. Stateless and
 * thread-safe.
 *
 * <p>In order: (1) the whole log is audited tile by tile against its signed checkpoint ({@link
 * Verifier#verifyLog}), so a changed entry or tile fails; its public {@code case.published} entries
 * are the set of published cases, so a bundle cannot be left out without being reported; (2) each
 * bundle is verified ({@link CaseRevealVerifier}), and each of its entries, the publication's included,
 * must be the log's entry at its index; (3) the revealed events are folded ({@link CaseTimeline}) and
 * the indicators recomputed in the published figures' own scope; (4) every figure that differs, is
 * missing or is extra is reported by its JSON path. A failed check of the log or a bundle throws; a
 * difference in the figures is returned.
 */
public final class IndicatorAudit {
  private static final String HISTORY_CASE = org.accord.accountability.history.HistoryEvent.CASE_IMPORTED.type();

  private IndicatorAudit() {}

  /**
   * What the audit found.
   *
   * @param checkpoint the log's checkpoint the audit read
   * @param cases the published cases recomputed
   * @param differences each figure that differs, as {@code PATH: published X, recomputed Y}; empty when every
   *     published figure was reproduced
   * @param recomputed the recomputed figures, as JSON-ready values
   */
  public record Result(Checkpoint checkpoint, int cases, List<String> differences, Map<String, Object> recomputed) {
    public Result {
      differences = List.copyOf(differences);
    }

    /** Whether every published figure was reproduced. */
    public boolean reproduced() {
      return differences.isEmpty();
    }
  }

  /**
   * Audits {@code published} (the served JSON) against the log and the bundles.
   *
   * @throws VerificationException naming what failed: the log, a bundle (by case and event index), a
   *     missing bundle, or unreadable figures
   */
  public static Result audit(TileSource log, NoteVerifier key, Collection<RevealBundle> bundles, String published)
      throws VerificationException {
    Object figures;
    try {
      figures = CanonicalJson.parse(published.strip());
    } catch (IllegalArgumentException e) {
      throw new VerificationException("the published indicators are not valid JSON: " + e.getMessage(), "indicators");
    }
    if (!(figures instanceof Map<?, ?> map)) {
      throw new VerificationException("the published indicators are not a JSON object", "indicators");
    }
    Indicators.Scope scope = scope(map);

    LogReport report = Verifier.verifyLog(log, key, Optional.empty());
    Checkpoint checkpoint = report.checkpoint();
    List<Hash> leaves = new ArrayList<>();
    Map<String, Long> publications = new TreeMap<>();
    List<CaseTimeline> history = new ArrayList<>();
    readEntries(log, checkpoint.size(), leaves, publications, history);

    Map<String, RevealBundle> byCase = new TreeMap<>();
    for (RevealBundle b : bundles) {
      if (byCase.put(b.caseId().toString(), b) != null) {
        throw new VerificationException("two bundles for " + b.caseId(), "bundles");
      }
    }
    TreeSet<String> missing = new TreeSet<>(publications.keySet());
    missing.removeAll(byCase.keySet());
    if (!missing.isEmpty()) {
      throw new VerificationException("the log publishes " + missing.size() + " case(s) with no bundle given: " + missing, "bundles");
    }
    List<CaseTimeline> cases = new ArrayList<>(byCase.size());
    for (RevealBundle bundle : byCase.values()) {
      String at = bundle.caseId().toString();
      CaseRevealVerifier.Result verified = located(() -> CaseRevealVerifier.verify(bundle, bundle.caseId(), key, Optional.empty()), at);
      Long index = publications.get(at);
      if (index == null || index != verified.publishedIndex()) {
        throw new VerificationException("the bundle's case.published entry (index " + verified.publishedIndex() + ") is not the log's"
            + (index == null ? ": the log publishes no such case" : " (index " + index + ")"), at);
      }
      List<LedgerEvent> events = new ArrayList<>();
      for (RevealBundle.Event e : bundle.events()) {
        if (e.index() >= leaves.size() || !MerkleLog.leafHash(e.entry()).equals(leaves.get((int) e.index()))) {
          throw new VerificationException("the entry is not the log's entry at its index", at + ", event at index " + e.index());
        }
        if (e.reveal().isPresent()) {
          events.add(located(() -> LedgerEvent.decode(e.reveal().get().event()), at).event());
        }
      }
      cases.add(CaseTimeline.of(at, events));
    }
    cases.addAll(history);
    Map<String, Object> recomputed = Indicators.toJson(Indicators.compute(cases, scope));
    List<String> differences = new ArrayList<>();
    diff("$", map, CanonicalJson.parse(CanonicalJson.string(recomputed)), differences);
    return new Result(checkpoint, cases.size(), differences, recomputed);
  }

  /** The scope the published figures name: {@code scope.organization}, {@code .from}, {@code .to}; case timelines if listed. */
  static Indicators.Scope scope(Map<?, ?> figures) throws VerificationException {
    if (!(figures.get("scope") instanceof Map<?, ?> scope)) {
      throw new VerificationException("the published indicators name no \"scope\" object", "indicators");
    }
    try {
      return new Indicators.Scope(Optional.ofNullable((String) scope.get("organization")), instant(scope.get("from")),
          instant(scope.get("to")), figures.containsKey("case_timelines"));
    } catch (ClassCastException | DateTimeParseException | IllegalArgumentException e) {
      throw new VerificationException("the published \"scope\" is malformed: " + e.getMessage(), "indicators");
    }
  }

  private static Optional<Instant> instant(Object value) {
    return value == null ? Optional.empty() : Optional.of(Instant.parse((String) value));
  }

  /**
   * Every entry's leaf hash, the index of each public {@code case.published} entry by case, and each
   * public {@code history.case_imported} entry folded as its historical case (ADR 0156).
   */
  private static void readEntries(TileSource log, long size, List<Hash> leaves, Map<String, Long> publications,
      List<CaseTimeline> history)
      throws VerificationException {
    for (long t = 0; t * TileId.FULL_WIDTH < size; t++) {
      int width = (int) Math.min(TileId.FULL_WIDTH, size - t * TileId.FULL_WIDTH);
      TileId id = TileId.entries(t, width);
      byte[] bytes;
      try {
        bytes = log.fetch(id.path()).orElseThrow(() -> new VerificationException("entry bundle is missing", id.path()));
      } catch (IOException e) {
        throw new VerificationException("cannot read the entry bundle: " + e.getMessage(), id.path());
      }
      List<byte[]> entries = EntryBundle.decode(bytes);
      for (int k = 0; k < width; k++) {
        byte[] entry = entries.get(k);
        long index = t * TileId.FULL_WIDTH + k;
        leaves.add(MerkleLog.leafHash(entry));
        if (Commitment.parseEntry(entry).isPresent()) {
          continue;
        }
        try {
          LedgerEvent event = LedgerEvent.decode(entry).event();
          if (event.type().equals(RevealBundle.PUBLISHED) && event.data().get("case") instanceof String c) {
            publications.putIfAbsent(c, index);
          } else if (event.type().equals(HISTORY_CASE) && event.data().get("case") instanceof String c) {
            org.accord.accountability.history.HistoryRow.fromData(event.data()).ifPresent(r -> history.add(r.timeline(c)));
          }
        } catch (VerificationException e) {
          // not an Accord event (an entry appended in another format): not a publication
        }
      }
    }
  }

  /** Adds each leaf where {@code published} and {@code recomputed} differ. */
  private static void diff(String path, Object published, Object recomputed, List<String> out) {
    if (published instanceof Map<?, ?> a && recomputed instanceof Map<?, ?> b) {
      TreeSet<String> keys = new TreeSet<>();
      a.keySet().forEach(k -> keys.add((String) k));
      b.keySet().forEach(k -> keys.add((String) k));
      for (String k : keys) {
        diff(path + "." + k, a.get(k), b.get(k), out);
      }
    } else if (published instanceof List<?> a && recomputed instanceof List<?> b) {
      for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
        diff(path + "[" + i + "]", i < a.size() ? a.get(i) : null, i < b.size() ? b.get(i) : null, out);
      }
    } else if (!same(published, recomputed)) {
      out.add(path + ": published " + text(published) + ", recomputed " + text(recomputed));
    }
  }

  private static boolean same(Object a, Object b) {
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      return x.compareTo(y) == 0;
    }
    return a == null ? b == null : a.equals(b);
  }

  private static String text(Object value) {
    return value == null ? "(none)" : value instanceof String ? "\"" + value + "\"" : CanonicalJson.string(value);
  }

  @FunctionalInterface
  private interface Check<T> {
    T run() throws VerificationException;
  }

  private static <T> T located(Check<T> check, String where) throws VerificationException {
    try {
      return check.run();
    } catch (VerificationException e) {
      throw new VerificationException(e.getMessage(), e.location().isEmpty() ? where : where + ", " + e.location());
    }
  }
}
