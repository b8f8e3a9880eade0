package org.accord.accountability.history;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.accord.accountability.indicators.CaseTimeline;

/**
 * One vulnerability's timeline as a history file states it: a vulnerability, its vendor and the dates
 * known. Immutable and thread-safe.
 *
 * @param line the line (CSV) or the 1-based object number (JSON) it was read from
 * @param vulnerability such as {@code CVE-2021-44228}
 * @param vendor the vendor's name, as the indicators name the organization
 * @param stated the dates stated, each the first time the file gives for it
 */
public record HistoryRow(int line, String vulnerability, String vendor, Map<Stated, Instant> stated) {
  public HistoryRow {
    Objects.requireNonNull(vulnerability, "vulnerability");
    Objects.requireNonNull(vendor, "vendor");
    EnumMap<Stated, Instant> copy = new EnumMap<>(Stated.class);
    copy.putAll(stated);
    stated = Collections.unmodifiableMap(copy);
  }

  /** The date stated for {@code what}, if any. */
  public Optional<Instant> at(Stated what) {
    return Optional.ofNullable(stated.get(what));
  }

  /**
   * The row as its {@code history.case_imported} event and its stored copy hold it: the case id, the
   * vulnerability, the vendor, the line, {@code imported: true} and {@code stated_at} (each stated date
   * as an instant). {@link #fromData} reads it back.
   */
  public Map<String, Object> toData(String caseId, String sha256) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("case", caseId);
    out.put("vulnerability", vulnerability);
    out.put("vendor", vendor);
    out.put("source_sha256", sha256);
    out.put("line", line);
    out.put("imported", true);
    Map<String, Object> at = new LinkedHashMap<>();
    stated.forEach((k, v) -> at.put(k.label(), v.toString()));
    out.put("stated_at", at);
    return out;
  }

  /**
   * Reads back what {@link #toData} wrote, as {@link org.accord.ledger.CanonicalJson} or Jackson parse
   * it (numbers of any type). A member that is missing or malformed is left out: the fold reads what the
   * log holds, and never fails on it.
   *
   * @return empty when the data is not an imported history row
   */
  public static Optional<HistoryRow> fromData(Map<String, Object> data) {
    if (!Boolean.TRUE.equals(data.get("imported")) || !(data.get("vulnerability") instanceof String v)
        || !(data.get("vendor") instanceof String vendor)) {
      return Optional.empty();
    }
    EnumMap<Stated, Instant> stated = new EnumMap<>(Stated.class);
    if (data.get("stated_at") instanceof Map<?, ?> at) {
      for (Stated s : Stated.values()) {
        if (at.get(s.label()) instanceof String text) {
          try {
            stated.put(s, Instant.parse(text));
          } catch (java.time.format.DateTimeParseException e) {
            // not an instant: the date is not counted
          }
        }
      }
    }
    int line = data.get("line") instanceof Number n ? n.intValue() : 0;
    return Optional.of(new HistoryRow(line, v, vendor, stated));
  }

  /**
   * The historical case this row is: a closed case of one vendor, marked imported. The vendor is aware
   * (V) from its notification (Vultron: notifying the vendor makes it aware), or from its fix when no
   * notification is stated; X implies P, as for live cases. No embargo is stated, so none is judged.
   */
  public CaseTimeline timeline(String caseId) {
    CaseTimeline.Builder b = new CaseTimeline.Builder(caseId).imported().vendor(vendor);
    at(Stated.REPORTED).ifPresent(t -> b.add("case.created", t.toEpochMilli(), Map.of()));
    at(Stated.VENDOR_NOTIFIED).ifPresent(t -> {
      b.add("case.participant_invited", t.toEpochMilli(), Map.of("organization", vendor, "roles", java.util.List.of("vendor")));
      b.add("case.state_changed", t.toEpochMilli(), Map.of("event", "vendor_aware", "vendor", vendor));
    });
    at(Stated.VENDOR_RESPONDED).ifPresent(t -> b.add("case.acknowledged", t.toEpochMilli(), Map.of("organization", vendor)));
    at(Stated.FIX_READY).ifPresent(t -> b.add("case.state_changed", t.toEpochMilli(), Map.of("event", "fix_ready", "vendor", vendor)));
    at(Stated.PUBLIC).ifPresent(t -> b.add("case.state_changed", t.toEpochMilli(), Map.of("event", "public_aware")));
    at(Stated.EXPLOIT_PUBLIC).ifPresent(t -> b.add("case.state_changed", t.toEpochMilli(), Map.of("event", "exploit_public")));
    at(Stated.ATTACKS_OBSERVED).ifPresent(t -> b.add("case.state_changed", t.toEpochMilli(), Map.of("event", "attacks_observed")));
    return b.build();
  }
}
