package org.accord.app;

import java.util.Locale;
import org.accord.InvalidInputException;

/**
 * A where-used request as both edges pass it on: the package and range, and how to shape the answer
 * (which list, a page of it, its order and a text filter). Immutable.
 *
 * <p>Null strings are read as absent and stored as {@code ""}; nothing else may be null.
 *
 * @param purl the package URL; with a version and no range it selects that version
 * @param range the range as typed (see {@link org.accord.identity.RangeNotation}); empty for none
 * @param list which lists to return
 * @param limit rows per list and page, 1 to {@link #MAX_LIMIT}; 0 for the whole answer
 * @param cursor where the page starts, from a previous answer's {@code cursors}; empty for the first page
 * @param sort a field name, {@code -} in front for descending; empty for the default order
 * @param filter a case-insensitive substring every returned row contains in one of its text fields;
 *     empty for every row
 */
public record WhereUsedQuery(
    String purl, String range, Lists list, int limit, String cursor, String sort, String filter) {
  /** The largest page. */
  public static final int MAX_LIMIT = 1000;

  /** Which lists an answer carries. */
  public enum Lists {
    /** Products and deployments. */
    BOTH,
    /** Only the affected products. */
    PRODUCTS,
    /** Only the affected deployments. */
    DEPLOYMENTS;

    /** The API name, such as {@code products}. */
    public String apiName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads {@code products} or {@code deployments}; null or empty is {@link #BOTH}.
     *
     * @throws InvalidInputException naming the value, with location {@code list}
     */
    public static Lists parse(String text) {
      if (text == null || text.isEmpty()) {
        return BOTH;
      }
      return switch (text) {
        case "products" -> PRODUCTS;
        case "deployments" -> DEPLOYMENTS;
        default -> throw new InvalidInputException("list must be 'products' or 'deployments', not '" + text + "'", "list");
      };
    }
  }

  /**
   * Normalises absent strings to {@code ""}.
   *
   * @throws InvalidInputException if {@code limit} is outside 0 to {@link #MAX_LIMIT}, or a cursor is
   *     given without a limit
   */
  public WhereUsedQuery {
    purl = purl == null ? "" : purl;
    range = range == null ? "" : range;
    list = list == null ? Lists.BOTH : list;
    cursor = cursor == null ? "" : cursor.strip();
    sort = sort == null ? "" : sort.strip();
    filter = filter == null ? "" : filter;
    if (limit < 0 || limit > MAX_LIMIT) {
      throw new InvalidInputException("limit must be 1 to " + MAX_LIMIT + ", not " + limit, "limit");
    }
    if (!cursor.isEmpty() && limit == 0) {
      throw new InvalidInputException("a cursor pages an answer: give limit too", "cursor");
    }
  }

  /** The whole answer for a package and range, in the default order. */
  public static WhereUsedQuery of(String purl, String range) {
    return new WhereUsedQuery(purl, range, Lists.BOTH, 0, "", "", "");
  }

  /**
   * Reads a {@code limit} parameter: absent is 0 (the whole answer), else a number 1 to {@link #MAX_LIMIT}.
   *
   * @throws InvalidInputException naming the value, with location {@code limit}
   */
  public static int parseLimit(String text) {
    if (text == null) {
      return 0;
    }
    try {
      int limit = Integer.parseInt(text.strip());
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException notANumber) {
      // refused below
    }
    throw new InvalidInputException("limit must be a number from 1 to " + MAX_LIMIT + ", not '" + text + "'", "limit");
  }
}
