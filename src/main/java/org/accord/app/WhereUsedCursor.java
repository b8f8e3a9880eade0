package org.accord.app;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.accord.InvalidInputException;

/**
 * The opaque cursor of a where-used page: which list, the offset of the next row, and a fingerprint of
 * the question (selection, order and filter), so a cursor cannot silently page a different answer.
 * Encoded as URL-safe base64 of {@code w1:LIST:OFFSET:FINGERPRINT}. Immutable.
 *
 * <p>Cursors are positions: when the graph changes between two pages, the next page is read from the
 * new answer at the same position (rows may shift by as many as changed). An answer changes only by
 * ingest, and a client that needs one consistent snapshot asks for the whole list ({@code format=csv}).
 *
 * @param list the list it pages
 * @param offset the index of the first row of the page it names
 * @param fingerprint the question's fingerprint
 */
record WhereUsedCursor(WhereUsedQuery.Lists list, int offset, String fingerprint) {
  private static final String PREFIX = "w1";

  static String fingerprint(String cacheKey, WhereUsedSort sort, String filter) {
    return Integer.toHexString((cacheKey + '\u0000' + sort.text() + '\u0000' + filter).hashCode());
  }

  String encode() {
    String text = PREFIX + ":" + list.apiName() + ":" + offset + ":" + fingerprint;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads a cursor.
   *
   * @throws InvalidInputException with location {@code cursor}, naming it, if it is not a cursor of this
   *     API
   */
  static WhereUsedCursor decode(String cursor) {
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", -1);
      if (parts.length == 4 && parts[0].equals(PREFIX)) {
        WhereUsedQuery.Lists list = WhereUsedQuery.Lists.parse(parts[1]);
        int offset = Integer.parseInt(parts[2]);
        if (list != WhereUsedQuery.Lists.BOTH && offset >= 0) {
          return new WhereUsedCursor(list, offset, parts[3]);
        }
      }
    } catch (IllegalArgumentException | InvalidInputException notACursor) {
      // refused below (NumberFormatException is an IllegalArgumentException)
    }
    throw new InvalidInputException("'" + cursor + "' is not a where-used cursor; use one from a previous answer's cursors", "cursor");
  }
}
