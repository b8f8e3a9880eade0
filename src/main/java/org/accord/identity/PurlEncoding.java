package org.accord.identity;

import java.nio.charset.StandardCharsets;

/**
 * The purl specification's percent-encoding of one component or segment. Stateless and thread-safe.
 *
 * <p>Every UTF-8 octet is written as an upper-case {@code %XX} triplet except the characters the spec
 * says must stay bare: ASCII letters and digits, the punctuation {@code . - _ ~}, and the colon [1].
 * packageurl-java 1.5.0 also encodes the colon, which the current spec and its test suite reject, so
 * Accord encodes canonical strings itself.
 *
 * <p>[1] ECMA-427 / purl-spec, "Character encoding": https://github.com/package-url/purl-spec
 */
final class PurlEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PurlEncoding() {}

  static void encode(StringBuilder out, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (isBare(c)) {
        out.append(c);
      } else if (c < 0x80) {
        appendTriplet(out, c);
      } else {
        int end = i + 1;
        if (Character.isHighSurrogate(c) && end < value.length()) {
          end++;
        }
        for (byte b : value.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
          appendTriplet(out, b & 0xFF);
        }
        i = end - 1;
      }
    }
  }

  private static boolean isBare(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '.'
        || c == '-'
        || c == '_'
        || c == '~'
        || c == ':';
  }

  private static void appendTriplet(StringBuilder out, int octet) {
    out.append('%').append(HEX[octet >> 4]).append(HEX[octet & 0xF]);
  }
}
