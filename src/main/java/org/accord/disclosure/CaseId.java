package org.accord.disclosure;

import org.accord.InvalidInputException;

/**
 * A case's public identifier, {@code ACC-2026-0001}: the prefix {@code ACC}, the year the case was
 * opened, and its sequence number in that year, written with at least four digits (zero-padded below
 * 1000, never with a leading zero above 9999). Only that canonical text is accepted, so two spellings
 * never name one case. Immutable and thread-safe.
 *
 * @param year the year the case was opened, 2000 to 9999
 * @param sequence the case's number within the year, 1 or more
 */
public record CaseId(int year, long sequence) implements Comparable<CaseId> {
  private static final String PREFIX = "ACC-";
  private static final int MAX_SEQUENCE_DIGITS = 12;

  public CaseId {
    if (year < 2000 || year > 9999) {
      throw new InvalidInputException("a case id's year must be from 2000 to 9999, not " + year, "case_id");
    }
    if (sequence < 1 || sequence > 999_999_999_999L) {
      throw new InvalidInputException("a case id's sequence number must be from 1 to 999999999999, not " + sequence,
          "case_id");
    }
  }

  /**
   * The id written as {@code text}.
   *
   * @throws InvalidInputException with location {@code case_id}, quoting the text and the expected form
   */
  public static CaseId parse(String text) {
    if (text == null || text.isEmpty()) {
      throw refuse("", "it is empty");
    }
    if (!text.startsWith(PREFIX)) {
      throw refuse(text, "it must start with 'ACC-'");
    }
    int dash = text.indexOf('-', PREFIX.length());
    if (dash != PREFIX.length() + 4 || !digits(text, PREFIX.length(), dash)) {
      throw refuse(text, "the year must be four digits after 'ACC-'");
    }
    int digits = text.length() - dash - 1;
    if (digits < 4 || digits > MAX_SEQUENCE_DIGITS || !digits(text, dash + 1, text.length())) {
      throw refuse(text, "the sequence number must be 4 to " + MAX_SEQUENCE_DIGITS + " digits after the year");
    }
    if (digits > 4 && text.charAt(dash + 1) == '0') {
      throw refuse(text, "a sequence number of more than four digits has no leading zero");
    }
    try {
      return new CaseId(Integer.parseInt(text.substring(PREFIX.length(), dash)), Long.parseLong(text.substring(dash + 1)));
    } catch (InvalidInputException e) {
      throw refuse(text, e.getMessage().substring("a case id's ".length()));
    }
  }

  private static boolean digits(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return from < to;
  }

  private static InvalidInputException refuse(String text, String why) {
    String shown = text.length() <= 40 ? text : text.substring(0, 40) + "...";
    return new InvalidInputException("invalid case id '" + shown + "': " + why + " (as in ACC-2026-0001)", "case_id");
  }

  /** The canonical text, such as {@code ACC-2026-0001}. */
  @Override
  public String toString() {
    return String.format("%s%04d-%04d", PREFIX, year, sequence);
  }

  @Override
  public int compareTo(CaseId other) {
    int byYear = Integer.compare(year, other.year);
    return byYear != 0 ? byYear : Long.compare(sequence, other.sequence);
  }
}
