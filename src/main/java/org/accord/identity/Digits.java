package org.accord.identity;

/**
 * Arbitrary-length unsigned decimal numbers held as digit strings without leading zeros, so no version
 * component overflows. Comparing two such strings is comparing lengths, then characters. Stateless.
 */
final class Digits {
  private Digits() {}

  /** The digits of {@code text[start, end)} without leading zeros ("" for zero). */
  static String strip(String text, int start, int end) {
    while (start < end && text.charAt(start) == '0') {
      start++;
    }
    return text.substring(start, end);
  }

  /** The digits of {@code text} without leading zeros ("" for zero). */
  static String strip(String text) {
    return strip(text, 0, text.length());
  }

  /** Compares two stripped digit strings numerically; returns -1, 0 or 1. */
  static int compare(String a, String b) {
    if (a.length() != b.length()) {
      return a.length() < b.length() ? -1 : 1;
    }
    return Integer.signum(a.compareTo(b));
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isAllDigits(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (!isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static boolean isAsciiAlnum(char c) {
    return isDigit(c) || isAsciiLetter(c);
  }
}
