package org.accord.sbom;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Limits a reader enforces on untrusted input, so that a hostile or broken document is refused with a
 * clear error instead of exhausting memory or the stack.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxBytes the largest input accepted, in bytes; a longer input is refused as soon as the
 *     reader has consumed this many bytes
 * @param maxJsonDepth the deepest nesting of JSON objects and arrays accepted
 * @param maxXmlDepth the deepest nesting of XML elements accepted
 */
public record ReadLimits(long maxBytes, int maxJsonDepth, int maxXmlDepth) {
  /** 512 MiB: room for a CycloneDX JSON of well over a million components. */
  public static final long DEFAULT_MAX_BYTES = 512L * 1024 * 1024;
  /** 64 levels: about 30 levels of nested components, far more than any real SBOM uses. */
  public static final int DEFAULT_MAX_DEPTH = 64;

  private static final Pattern SIZE =
      Pattern.compile("(\\d+)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?", Pattern.CASE_INSENSITIVE);

  /**
   * @throws IllegalArgumentException if a limit is not positive
   */
  public ReadLimits {
    if (maxBytes <= 0 || maxJsonDepth <= 0 || maxXmlDepth <= 0) {
      throw new IllegalArgumentException("read limits must be positive");
    }
  }

  /** 512 MiB, JSON and XML depth 64. */
  public static ReadLimits defaults() {
    return new ReadLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_DEPTH);
  }

  /** These limits with another size limit. */
  public ReadLimits withMaxBytes(long bytes) {
    return new ReadLimits(bytes, maxJsonDepth, maxXmlDepth);
  }

  /** These limits with another nesting limit for both JSON and XML. */
  public ReadLimits withMaxDepth(int depth) {
    return new ReadLimits(maxBytes, depth, depth);
  }

  /**
   * Parses a size such as {@code 512MiB}, {@code 1g}, {@code 300 kB} or {@code 1048576}; units are
   * binary (k = 1024) and case-insensitive. For configuration options such as {@code --max-sbom-size}.
   *
   * @throws org.accord.InvalidInputException if the text is not a positive size
   */
  public static long parseSize(String text) {
    Objects.requireNonNull(text, "text");
    Matcher m = SIZE.matcher(text.strip());
    if (!m.matches()) {
      throw new org.accord.InvalidInputException(
          "'" + text + "' is not a size; write a number of bytes with an optional unit: 800k, 512MiB, 1g");
    }
    String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
    long shift =
        switch (unit.charAt(0)) {
          case 'k' -> 10;
          case 'm' -> 20;
          case 'g' -> 30;
          default -> 0;
        };
    long value;
    try {
      value = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      throw new org.accord.InvalidInputException("size '" + text + "' is too large");
    }
    if (value <= 0 || value > (Long.MAX_VALUE >> shift)) {
      throw new org.accord.InvalidInputException("size '" + text + "' must be positive and below 8 EiB");
    }
    return value << shift;
  }

  /** A size as people read it: {@code 512 MiB}, {@code 300 KiB}, {@code 17 bytes}. */
  static String describeSize(long bytes) {
    if (bytes >= (1L << 30) && bytes % (1L << 30) == 0) {
      return (bytes >> 30) + " GiB";
    }
    if (bytes >= (1L << 20) && bytes % (1L << 20) == 0) {
      return (bytes >> 20) + " MiB";
    }
    if (bytes >= (1L << 10) && bytes % (1L << 10) == 0) {
      return (bytes >> 10) + " KiB";
    }
    return bytes + " bytes";
  }
}
