package org.accord.ledger;

/**
 * The name of one C2SP tlog-tiles resource: a hash tile {@code tile/<L>/<N>[.p/<W>]} or an entry
 * bundle {@code tile/entries/<N>[.p/<W>]}.
 *
 * <p>A hash tile at level {@code L} holds up to 256 consecutive Merkle tree hashes at tree height
 * {@code 8·L}: at level 0 the leaf hashes, above that the roots of full tiles one level down. Tile
 * {@code N} starts at node {@code 256·N} of its height. A tile of fewer than 256 hashes is
 * <em>partial</em> and carries its width; the first {@code W} hashes of a tile never change, so a
 * partial tile is a prefix of the full one. The index is written as zero-padded three-digit path
 * elements, all but the last prefixed with {@code x}: index 1234067 is {@code x001/x234/067} [1].
 *
 * <p>Immutable and thread-safe. {@link #parse(String)} throws {@link IllegalArgumentException} for a
 * path that is not in canonical form, naming the offending element.
 *
 * <p>[1] C2SP tlog-tiles, https://c2sp.org/tlog-tiles, "Merkle Tree" and "Log entries".
 *
 * @param level the tile level, 0 to 63, or {@link #ENTRIES} for an entry bundle
 * @param index the tile index within its level
 * @param width the number of hashes (or entries), 1 to 256; 256 is a full tile
 */
public record TileId(int level, long index, int width) {
  /** The level value that marks an entry bundle. */
  public static final int ENTRIES = -1;
  /** Hashes in a full tile. */
  public static final int FULL_WIDTH = 256;
  /** Tree levels one tile spans. */
  public static final int HEIGHT = 8;
  /** The highest level a tile may have. */
  public static final int MAX_LEVEL = 63;

  public TileId {
    if (level < ENTRIES || level > MAX_LEVEL) {
      throw new IllegalArgumentException("tile level " + level + " is not between 0 and 63");
    }
    if (index < 0) {
      throw new IllegalArgumentException("tile index " + index + " is negative");
    }
    if (width < 1 || width > FULL_WIDTH) {
      throw new IllegalArgumentException("tile width " + width + " is not between 1 and 256");
    }
  }

  /** A hash tile. */
  public static TileId hashes(int level, long index, int width) {
    return new TileId(level, index, width);
  }

  /** An entry bundle. */
  public static TileId entries(long index, int width) {
    return new TileId(ENTRIES, index, width);
  }

  /** Whether this names an entry bundle rather than a hash tile. */
  public boolean isEntries() {
    return level == ENTRIES;
  }

  /** Whether the tile has fewer than 256 hashes. */
  public boolean isPartial() {
    return width < FULL_WIDTH;
  }

  /** The same tile at full width. */
  public TileId full() {
    return new TileId(level, index, FULL_WIDTH);
  }

  /**
   * The width of the partial tile at {@code level} in a tree of {@code size} leaves, 0 if there is
   * none: {@code floor(size / 256^level) mod 256}.
   */
  public static int partialWidth(long size, int level) {
    int shift = HEIGHT * level;
    return shift >= 64 ? 0 : (int) ((size >>> shift) & 0xFF);
  }

  /** The number of full tiles at {@code level} in a tree of {@code size} leaves. */
  public static long fullTiles(long size, int level) {
    int shift = HEIGHT * (level + 1);
    return shift >= 64 ? 0 : size >>> shift;
  }

  /** The path below the log prefix, such as {@code tile/1/x001/234.p/5} or {@code tile/entries/000}. */
  public String path() {
    StringBuilder path = new StringBuilder("tile/");
    path.append(isEntries() ? "entries" : Integer.toString(level)).append('/').append(encodeIndex(index));
    if (isPartial()) {
      path.append(".p/").append(width);
    }
    return path.toString();
  }

  @Override
  public String toString() {
    return path();
  }

  /** An index as three-digit path elements, {@code x}-prefixed except the last. */
  public static String encodeIndex(long index) {
    if (index < 0) {
      throw new IllegalArgumentException("tile index " + index + " is negative");
    }
    String digits = Long.toString(index);
    int pad = (3 - digits.length() % 3) % 3;
    digits = "0".repeat(pad) + digits;
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < digits.length(); i += 3) {
      if (i > 0) {
        out.append('/');
      }
      if (i + 3 < digits.length()) {
        out.append('x');
      }
      out.append(digits, i, i + 3);
    }
    return out.toString();
  }

  /**
   * Parses a tile path, with or without the leading {@code tile/}. Only the canonical form is
   * accepted: no extra leading path elements, no leading zeroes in the level or width.
   */
  public static TileId parse(String path) {
    String rest = path.startsWith("tile/") ? path.substring("tile/".length()) : path;
    int slash = rest.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("tile path '" + path + "' has no index");
    }
    String levelText = rest.substring(0, slash);
    int level;
    if (levelText.equals("entries")) {
      level = ENTRIES;
    } else {
      level = parseSmall(levelText, "level", path);
      if (level > MAX_LEVEL) {
        throw new IllegalArgumentException("tile level " + level + " in '" + path + "' is above 63");
      }
    }
    String indexText = rest.substring(slash + 1);
    int width = FULL_WIDTH;
    int partial = indexText.indexOf(".p/");
    if (partial >= 0) {
      width = parseSmall(indexText.substring(partial + 3), "width", path);
      if (width < 1 || width > 255) {
        throw new IllegalArgumentException("partial tile width " + width + " in '" + path + "' is not between 1 and 255");
      }
      indexText = indexText.substring(0, partial);
    }
    String[] elements = indexText.split("/", -1);
    long index = 0;
    for (int i = 0; i < elements.length; i++) {
      String element = elements[i];
      boolean last = i == elements.length - 1;
      if (!last) {
        if (!element.startsWith("x")) {
          throw new IllegalArgumentException("tile index element '" + element + "' in '" + path + "' must start with x");
        }
        element = element.substring(1);
      }
      if (element.length() != 3 || !element.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new IllegalArgumentException("tile index element '" + elements[i] + "' in '" + path + "' is not three digits");
      }
      if (index > (Long.MAX_VALUE - 999) / 1000) {
        throw new IllegalArgumentException("tile index in '" + path + "' is too large");
      }
      index = index * 1000 + Integer.parseInt(element);
    }
    if (!encodeIndex(index).equals(indexText)) {
      throw new IllegalArgumentException("tile index in '" + path + "' is not in canonical form (" + encodeIndex(index) + ")");
    }
    return new TileId(level, index, width);
  }

  private static int parseSmall(String text, String what, String path) {
    if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(c -> c >= '0' && c <= '9')
        || (text.length() > 1 && text.charAt(0) == '0')) {
      throw new IllegalArgumentException("tile " + what + " '" + text + "' in '" + path + "' is not a decimal without leading zeroes");
    }
    return Integer.parseInt(text);
  }
}
