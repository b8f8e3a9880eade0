package org.accord.triage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.accord.InvalidInputException;

/**
 * One day's FIRST EPSS scores: for each CVE the estimated probability of exploitation activity in the
 * next 30 days and its percentile, with the model version and score date from the file's first line.
 *
 * <p>Immutable and thread-safe.
 */
public final class EpssFeed {

  /*
   * Format (FIRST, "EPSS data and statistics", epss_scores-YYYY-MM-DD.csv.gz): a comment line
   * "#model_version:v2025.03.14,score_date:2025-08-25T12:55:00Z", a header "cve,epss,percentile", then
   * one row per CVE with two decimal fractions. No field is quoted, so a line split is the whole CSV
   * grammar needed; a CSV library would add a dependency for nothing. Gzip is detected by its magic
   * number, so the downloaded file can be read as is.
   */

  private static final long MAX_BYTES = 512L << 20;
  private static final int MAX_LINE = 256;

  /**
   * One CVE's score.
   *
   * @param cve the CVE id
   * @param epss the probability of exploitation activity in the next 30 days, 0 to 1
   * @param percentile the share of CVEs scored at or below this one, 0 to 1
   */
  public record Score(String cve, double epss, double percentile) {
    public Score {
      Objects.requireNonNull(cve, "cve");
    }
  }

  private final Provenance provenance;
  private final Map<String, Score> scores;

  private EpssFeed(Provenance provenance, Map<String, Score> scores) {
    this.provenance = provenance;
    this.scores = Map.copyOf(scores);
  }

  /** The model version and score date from the file's first line. */
  public Provenance provenance() {
    return provenance;
  }

  /** How many CVEs the feed scores. */
  public int size() {
    return scores.size();
  }

  /** Every score, in no particular order; for storing the feed. */
  public java.util.Collection<Score> scores() {
    return scores.values();
  }

  /** The score of a CVE, or empty when the feed does not score it. */
  public Optional<Score> find(String cve) {
    return Optional.ofNullable(scores.get(cve));
  }

  /**
   * Reads an EPSS CSV file, plain or gzip-compressed. Does not close the stream.
   *
   * @throws InvalidInputException when the text is not UTF-8, the first line is not the {@code
   *     #model_version:…,score_date:…} comment, the header is not {@code cve,epss,percentile}, or a row
   *     is malformed, out of range or repeats a CVE; the location names the line
   * @throws UncheckedIOException when the stream cannot be read
   */
  public static EpssFeed read(InputStream in) {
    Objects.requireNonNull(in, "in");
    try {
      BufferedReader reader =
          new BufferedReader(
              new InputStreamReader(
                  FeedInput.maybeGunzip(FeedInput.bounded(in, MAX_BYTES, "EPSS feed")), StandardCharsets.UTF_8.newDecoder()));
      String first = reader.readLine();
      if (first != null && first.startsWith("\uFEFF")) {
        first = first.substring(1);
      }
      Provenance provenance = provenance(first);
      String header = reader.readLine();
      if (header == null || !header.strip().equals("cve,epss,percentile")) {
        throw new InvalidInputException("expected the header 'cve,epss,percentile', found '" + header + "'", "line 2");
      }
      Map<String, Score> scores = new HashMap<>();
      Map<String, Integer> lines = new HashMap<>();
      int lineNumber = 2;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        String at = "line " + lineNumber;
        if (line.length() > MAX_LINE) {
          throw new InvalidInputException("line is longer than " + MAX_LINE + " characters", at);
        }
        String[] fields = line.strip().split(",", -1);
        if (fields.length != 3) {
          throw new InvalidInputException(
              "expected 3 fields (cve,epss,percentile), found " + fields.length, at);
        }
        String cve = FeedInput.cve(fields[0].strip(), at + ", field cve");
        double epss = fraction(fields[1], at + ", field epss");
        double percentile = fraction(fields[2], at + ", field percentile");
        Integer earlier = lines.putIfAbsent(cve, lineNumber);
        if (earlier != null) {
          throw new InvalidInputException(cve + " is scored twice (also on line " + earlier + ")", at);
        }
        scores.put(cve, new Score(cve, epss, percentile));
      }
      return new EpssFeed(provenance, scores);
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      throw new InvalidInputException("the EPSS feed is not valid gzip: " + e.getMessage(), "EPSS feed", e);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new InvalidInputException("the EPSS feed is not UTF-8 text; save it as UTF-8", "", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Provenance provenance(String line) {
    if (line == null) {
      throw new InvalidInputException("the EPSS feed is empty; expected the comment '#model_version:…,score_date:…'", "line 1");
    }
    if (!line.startsWith("#")) {
      throw new InvalidInputException(
          "expected the comment '#model_version:…,score_date:…' as the first line of an EPSS score file, found "
              + (line.startsWith("cve,") ? "the header '" + line + "' (the comment that dates the scores is missing)" : FeedInput.lookOf(line)),
          "line 1");
    }
    String model = null;
    String date = null;
    for (String part : line.substring(1).split(",")) {
      int colon = part.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = part.substring(0, colon).strip();
      String value = part.substring(colon + 1).strip();
      if (key.equals("model_version")) {
        model = value;
      } else if (key.equals("score_date")) {
        date = value;
      }
    }
    if (model == null || model.isEmpty()) {
      throw new InvalidInputException("the first line has no model_version", "line 1");
    }
    if (date == null || date.isEmpty()) {
      throw new InvalidInputException("the first line has no score_date", "line 1");
    }
    return new Provenance(Provenance.EPSS, model, FeedInput.timestamp(date, "line 1, score_date"));
  }

  private static double fraction(String text, String location) {
    double value;
    try {
      value = Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException("'" + text + "' is not a number", location);
    }
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new InvalidInputException(text + " is outside 0..1", location);
    }
    return value;
  }
}
