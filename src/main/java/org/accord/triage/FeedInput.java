package org.accord.triage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.accord.InvalidInputException;

/** Shared input hygiene for the feed and table readers: size and depth limits, dates, CVE ids. */
final class FeedInput {
  private FeedInput() {}

  /** CVE ids as KEV's schema defines them. */
  static final Pattern CVE = Pattern.compile("CVE-[0-9]{4}-[0-9]{4,19}");

  private static final int MAX_JSON_DEPTH = 32;
  private static final int MAX_STRING = 1 << 20;

  /** A JSON mapper with depth and string limits and strict duplicate-key detection, for streaming reads. */
  static final ObjectMapper JSON =
      new ObjectMapper(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_DEPTH).maxStringLength(MAX_STRING).build())
                  .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .build())
          .configure(JsonParser.Feature.AUTO_CLOSE_SOURCE, false);

  /** As {@link #JSON}, and a whole-document read refuses content after the value. */
  static final ObjectMapper JSON_DOCUMENT = JSON.copy().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** Where a JSON error is, for an error location: its line and column when Jackson knows them. */
  static String where(com.fasterxml.jackson.core.JsonProcessingException e) {
    com.fasterxml.jackson.core.JsonLocation location = e.getLocation();
    if (location == null || location.getLineNr() < 1) {
      return "JSON document";
    }
    return "line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  /**
   * Jackson's message for a person: without the "(start marker at [Source: …])" tail of a truncated
   * document, and saying so when the bytes are not UTF-8.
   */
  static String problem(com.fasterxml.jackson.core.JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
    message = message.replaceFirst("\\s*\\(start marker at .*\\)\\s*$", "");
    if (message.startsWith("Invalid UTF-8")) {
      return "it is not UTF-8 text: " + message;
    }
    return message.startsWith("Unexpected end-of-input") ? message + " (is the file truncated?)" : message;
  }

  /**
   * What a file that starts with {@code line} seems to be, for a refusal: "JSON", "the KEV catalog's
   * CSV form", "an EPSS score file", or the line itself, shortened.
   */
  static String lookOf(String line) {
    String start = line.stripLeading();
    if (start.startsWith("{") || start.startsWith("[")) {
      return "JSON ('" + shorten(start) + "')";
    }
    if (start.startsWith("cveID,")) {
      return "the KEV catalog's CSV form ('" + shorten(start) + "')";
    }
    if (start.startsWith("#model_version") || start.startsWith("cve,epss")) {
      return "an EPSS score file ('" + shorten(start) + "')";
    }
    if (start.startsWith("<")) {
      return "XML ('" + shorten(start) + "')";
    }
    return "text starting '" + shorten(start) + "'";
  }

  private static String shorten(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }

  /** Wraps a stream so that reading more than {@code limit} bytes fails with a clear message. */
  static InputStream bounded(InputStream in, long limit, String what) {
    return new FilterInputStream(in) {
      private long count;

      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          count(1);
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
          count(n);
        }
        return n;
      }

      private void count(int n) {
        count += n;
        if (count > limit) {
          throw new InvalidInputException(what + " is larger than " + (limit >> 20) + " MiB", what);
        }
      }
    };
  }

  /** The stream, gunzipped if it starts with the gzip magic number (EPSS publishes .csv.gz). */
  static InputStream maybeGunzip(InputStream in) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in);
    buffered.mark(2);
    int first = buffered.read();
    int second = buffered.read();
    buffered.reset();
    if (first == 0x1f && second == 0x8b) {
      return new GZIPInputStream(buffered);
    }
    return buffered;
  }

  private static final DateTimeFormatter OFFSET_WITHOUT_COLON = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx");

  /**
   * A feed timestamp: an ISO instant ({@code 2025-08-25T17:04:19.9796Z}), an offset time with or without
   * a colon ({@code 2022-03-05T00:00:00+0000}) or a plain date (taken as midnight UTC).
   */
  static Instant timestamp(String text, String location) {
    String value = text.strip();
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException ignored) {
      // try the next form
    }
    try {
      return OffsetDateTime.parse(value, OFFSET_WITHOUT_COLON).toInstant();
    } catch (DateTimeParseException ignored) {
      // try the next form
    }
    try {
      return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("'" + text + "' is not a date or date-time", location);
    }
  }

  /** A calendar date {@code YYYY-MM-DD}. */
  static LocalDate date(String text, String location) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("'" + text + "' is not a date (expected YYYY-MM-DD)", location);
    }
  }

  /** Checks a CVE id and returns it. */
  static String cve(String text, String location) {
    if (text == null || !CVE.matcher(text).matches()) {
      throw new InvalidInputException("'" + text + "' is not a CVE id (expected CVE-YYYY-NNNN)", location);
    }
    return text;
  }
}
