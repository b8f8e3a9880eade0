package org.accord.app;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.accord.InvalidInputException;

/**
 * One page of a list answer (findings, advisories), in the style of where-used (ADR 0072, ADR 0090):
 * the rows from a position, how many rows the whole answer has, and the opaque cursor of the next page
 * (null on the last). A cursor is base64url of {@code l1:KIND:OFFSET:FINGERPRINT}; the fingerprint
 * covers the question (filters and viewer), so a cursor cannot silently page another list. Immutable.
 *
 * @param items the rows of this page
 * @param total how many rows the whole answer has
 * @param limit the page size asked for
 * @param cursor the cursor of the next page, or null when this is the last
 * @param <T> the row type
 */
public record ListPage<T>(List<T> items, int total, int limit, String cursor) {
  private static final String PREFIX = "l1";

  public ListPage {
    items = List.copyOf(items);
  }

  /**
   * The page of {@code all} that {@code cursor} names (the first page when null).
   *
   * @param kind which list this is, such as {@code findings}; a cursor of another kind is refused
   * @param question the filters and viewer the list answers, fingerprinted into the cursor
   * @throws InvalidInputException with location {@code cursor} if the cursor is not one of this list
   *     for this question
   */
  public static <T> ListPage<T> of(List<T> all, int limit, String cursor, String kind, String question) {
    Objects.requireNonNull(all, "all");
    int from = Math.min(offset(cursor, kind, question), all.size());
    int to = (int) Math.min((long) from + limit, all.size());
    return window(all.subList(from, to), all.size(), limit, from, kind, question);
  }

  /**
   * The position {@code cursor} names (0 when null), for a list the store pages itself (ADR 0111).
   *
   * @throws InvalidInputException with location {@code cursor} as {@link #of} does
   */
  public static int offset(String cursor, String kind, String question) {
    return cursor == null || cursor.isEmpty() ? 0 : decode(cursor, kind, fingerprint(kind, question));
  }

  /**
   * The page of rows {@code items} the store read from {@code offset} of a list of {@code total}
   * rows; its cursor names the next position while there are rows beyond the page.
   */
  public static <T> ListPage<T> window(List<T> items, int total, int limit, int offset, String kind, String question) {
    long to = (long) offset + items.size();
    String next = to < total && !items.isEmpty() ? encode(kind, (int) to, fingerprint(kind, question)) : null;
    return new ListPage<>(items, total, limit, next);
  }

  private static String fingerprint(String kind, String question) {
    return Integer.toHexString((kind + '\u0000' + question).hashCode());
  }

  /**
   * Reads a {@code limit} parameter.
   *
   * @param text the parameter, or null for {@code fallback}
   * @throws InvalidInputException with location {@code limit} unless it is a whole number from 1 to
   *     {@code max}
   */
  public static int parseLimit(String text, int fallback, int max) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      int limit = Integer.parseInt(text.strip());
      if (limit >= 1 && limit <= max) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new InvalidInputException("limit must be a whole number from 1 to " + max + ", not '" + text + "'", "limit");
  }

  private static String encode(String kind, int offset, String fingerprint) {
    String text = PREFIX + ":" + kind + ":" + offset + ":" + fingerprint;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static int decode(String cursor, String kind, String fingerprint) {
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", -1);
      if (parts.length == 4 && parts[0].equals(PREFIX) && parts[1].equals(kind)) {
        int offset = Integer.parseInt(parts[2]);
        if (offset >= 0 && parts[3].equals(fingerprint)) {
          return offset;
        }
        if (offset >= 0) {
          throw new InvalidInputException(
              "cursor '" + cursor + "' pages another question; ask again without a cursor, or keep the parameters the cursor came with",
              "cursor");
        }
      }
    } catch (IllegalArgumentException notACursor) {
      // refused below (NumberFormatException is an IllegalArgumentException)
    }
    throw new InvalidInputException("'" + cursor + "' is not a " + kind + " cursor; use the cursor of a previous " + kind + " answer", "cursor");
  }
}
