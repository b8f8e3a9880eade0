package org.accord.accountability.history;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.accord.InvalidInputException;

/**
 * Reads a history file (ADR 0156): CSV with the header {@link #HEADER}, or a JSON array of objects with
 * the same members. Dates are ISO 8601 dates (UTC midnight) or instants, each optional;
 * {@code vulnerability} and {@code vendor} are required, and one vulnerability names one vendor once
 * per file. Every error names its line and column (CSV) or its object and member (JSON); the whole
 * file is refused on the first error, so nothing is half-read. Stateless and thread-safe.
 */
public final class HistoryFile {
  /** The CSV header, in order. */
  public static final List<String> HEADER = header();

  /** The most rows one file may hold. */
  public static final int MAX_ROWS = 10_000;

  private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
  private static final ObjectMapper JSON = new ObjectMapper();

  private HistoryFile() {}

  /**
   * Reads {@code bytes}: JSON when its first non-blank character is {@code [}, CSV otherwise.
   *
   * @param now dates after this are refused: history is what has happened
   * @throws InvalidInputException naming the line and column (or object and member) at fault
   */
  public static List<HistoryRow> read(byte[] bytes, Instant now) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return text.stripLeading().startsWith("[") ? json(text, now) : csv(text, now);
  }

  private static List<HistoryRow> csv(String text, Instant now) {
    List<HistoryRow> rows = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    try (MappingIterator<String[]> it = CSV.readerFor(String[].class).with(CsvSchema.emptySchema()).readValues(text)) {
      if (!it.hasNext()) {
        throw new InvalidInputException("the file is empty; the first line is the header " + String.join(",", HEADER), "line 1");
      }
      List<String> header = Arrays.stream(it.next()).map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
      if (!header.equals(HEADER)) {
        throw new InvalidInputException("the header must be " + String.join(",", HEADER) + ", not " + String.join(",", header), "line 1");
      }
      while (it.hasNext()) {
        String[] cells = it.next();
        int line = it.getParser().currentTokenLocation().getLineNr();
        if (cells.length == 1 && cells[0].isBlank()) {
          continue;
        }
        if (cells.length != HEADER.size()) {
          throw new InvalidInputException("the line has " + cells.length + " columns, the header " + HEADER.size(), "line " + line);
        }
        final int at = line;
        rows.add(row(at, i -> cells[i], i -> "line " + at + ", column " + (i + 1) + " (" + HEADER.get(i) + ")", now, seen));
        if (rows.size() > MAX_ROWS) {
          throw new InvalidInputException("a file holds at most " + MAX_ROWS + " rows", "line " + line);
        }
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidInputException invalid) {
        throw invalid;
      }
      throw new InvalidInputException("not CSV: " + e.getMessage(), "file", e);
    }
    return rows;
  }

  private static List<HistoryRow> json(String text, Instant now) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation l = e.getLocation();
      throw new InvalidInputException("not JSON: " + e.getOriginalMessage(),
          l == null ? "file" : "line " + l.getLineNr() + ", column " + l.getColumnNr());
    }
    if (!root.isArray()) {
      throw new InvalidInputException("a JSON history file is an array of objects", "$");
    }
    if (root.size() > MAX_ROWS) {
      throw new InvalidInputException("a file holds at most " + MAX_ROWS + " rows", "$");
    }
    List<HistoryRow> rows = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int n = 0; n < root.size(); n++) {
      JsonNode o = root.get(n);
      final int index = n;
      if (!o.isObject()) {
        throw new InvalidInputException("each element is an object", "$[" + n + "]");
      }
      for (Iterator<String> names = o.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!HEADER.contains(name)) {
          throw new InvalidInputException("unknown member; the members are " + String.join(", ", HEADER), "$[" + n + "]." + name);
        }
      }
      rows.add(row(n + 1, i -> {
        JsonNode v = o.get(HEADER.get(i));
        if (v != null && !v.isNull() && !v.isTextual()) {
          throw new InvalidInputException("must be a string", "$[" + index + "]." + HEADER.get(i));
        }
        return v == null || v.isNull() ? "" : v.asText();
      }, i -> "$[" + index + "]." + HEADER.get(i), now, seen));
    }
    return rows;
  }

  private static HistoryRow row(int line, java.util.function.IntFunction<String> cell, java.util.function.IntFunction<String> where,
      Instant now, Set<String> seen) {
    String vulnerability = cell.apply(0).strip();
    String vendor = cell.apply(1).strip();
    if (vulnerability.isEmpty()) {
      throw new InvalidInputException("a vulnerability is required", where.apply(0));
    }
    if (vulnerability.length() > 200) {
      throw new InvalidInputException("at most 200 characters", where.apply(0));
    }
    if (vendor.isEmpty()) {
      throw new InvalidInputException("a vendor is required", where.apply(1));
    }
    if (vendor.length() > 200) {
      throw new InvalidInputException("at most 200 characters", where.apply(1));
    }
    if (!seen.add(vulnerability.toLowerCase(Locale.ROOT) + "\n" + vendor.toLowerCase(Locale.ROOT))) {
      throw new InvalidInputException(vulnerability + " of " + vendor + " is stated twice in the file", where.apply(0));
    }
    EnumMap<Stated, Instant> stated = new EnumMap<>(Stated.class);
    Stated[] all = Stated.values();
    for (int i = 0; i < all.length; i++) {
      String text = cell.apply(i + 2).strip();
      if (text.isEmpty()) {
        continue;
      }
      Instant at;
      try {
        at = text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
      } catch (DateTimeParseException e) {
        throw new InvalidInputException("'" + text + "' is not an ISO 8601 date (2021-12-09) or instant (2021-12-09T12:00:00Z)",
            where.apply(i + 2));
      }
      if (at.isAfter(now)) {
        throw new InvalidInputException(text + " is in the future; history states what has happened", where.apply(i + 2));
      }
      if (at.isBefore(Instant.parse("1970-01-01T00:00:00Z"))) {
        throw new InvalidInputException(text + " is before 1970", where.apply(i + 2));
      }
      stated.put(all[i], at);
    }
    return new HistoryRow(line, vulnerability, vendor, stated);
  }

  private static List<String> header() {
    List<String> out = new ArrayList<>(List.of("vulnerability", "vendor"));
    Arrays.stream(Stated.values()).forEach(s -> out.add(s.label()));
    return List.copyOf(out);
  }
}
