package org.accord.identity;

import java.util.ArrayList;
import java.util.List;

/**
 * Alpine Linux package versions, {@code digit{.digit}...{letter}{_suffix{#}}...{~hash}{-r#}}, validated
 * and ordered as apk-tools does ({@code src/version.c}, the token-based comparison of apk-tools 2.12 and
 * 3.x) [1]. Hand-written: there is no Java port of apk-tools. Stateless and thread-safe.
 *
 * <p>Parsing turns the version into tokens, once: the initial number; further {@code .}-separated
 * numbers; one lower-case letter; suffixes {@code _alpha _beta _pre _rc} (pre-releases) and {@code _cvs
 * _svn _git _hg _p} (post-releases), each with an optional number; a {@code ~} commit hash of hex digits;
 * and the package revision {@code -rN}. Tokens must come in that order (apk's state machine), or the
 * version is refused.
 *
 * <p>Order: tokens compare pairwise while both versions have a token of the same kind: numbers
 * numerically, except that a dotted number with a leading zero on either side compares as a string (as
 * Gentoo does); letters by character; suffixes by their rank {@code alpha < beta < pre < rc < (none) <
 * cvs < svn < git < hg < p}; hashes as strings. When the kinds differ, a pre-release suffix makes its
 * version the older one, and otherwise the version whose next token comes earlier in the grammar is the
 * newer ({@code 1.0 < 1.0.1}, {@code 1.0 < 1.0a}, {@code 1.0 < 1.0_p1}, {@code 1.0 < 1.0-r1}).
 *
 * <p>[1] https://gitlab.alpinelinux.org/alpine/apk-tools/-/blob/master/src/version.c
 */
final class ApkScheme implements VersionScheme {
  static final ApkScheme INSTANCE = new ApkScheme();

  static final int INITIAL_DIGIT = 0;
  static final int DIGIT = 1;
  static final int LETTER = 2;
  static final int SUFFIX = 3;
  static final int SUFFIX_NO = 4;
  static final int COMMIT_HASH = 5;
  static final int REVISION_NO = 6;
  static final int END = 7;

  /** Suffix ranks; NONE is the pivot between pre-release and post-release suffixes. */
  private static final String[] SUFFIXES = {"", "alpha", "beta", "pre", "rc", "", "cvs", "svn", "git", "hg", "p"};

  private static final int SUFFIX_NONE = 5;

  private ApkScheme() {}

  @Override
  public String name() {
    return "apk";
  }

  @Override
  public Version parse(String text) {
    String version = Schemes.prepare(this, text);
    List<Token> tokens = new ArrayList<>();
    int i = digitsEnd(version, 0);
    if (i == 0) {
      throw Schemes.invalid(this, text, "an Alpine version starts with a number");
    }
    tokens.add(new Token(INITIAL_DIGIT, version.substring(0, i), 0));
    int state = INITIAL_DIGIT;
    while (i < version.length()) {
      char c = version.charAt(i);
      if (c >= 'a' && c <= 'z') {
        if (state > DIGIT) {
          throw Schemes.invalid(this, text, "letter '" + c + "' out of place");
        }
        tokens.add(new Token(LETTER, String.valueOf(c), 0));
        state = LETTER;
        i++;
      } else if (c == '.' || Digits.isDigit(c)) {
        int start = c == '.' ? i + 1 : i;
        if (c == '.' && state > DIGIT) {
          throw Schemes.invalid(this, text, "'.' out of place");
        }
        int kind;
        if (state == INITIAL_DIGIT || state == DIGIT) {
          kind = DIGIT;
        } else if (state == SUFFIX) {
          kind = SUFFIX_NO;
        } else {
          throw Schemes.invalid(this, text, "number out of place");
        }
        int end = digitsEnd(version, start);
        if (end == start) {
          throw Schemes.invalid(this, text, "missing number after '.'");
        }
        tokens.add(new Token(kind, version.substring(start, end), 0));
        state = kind;
        i = end;
      } else if (c == '_') {
        if (state > SUFFIX_NO) {
          throw Schemes.invalid(this, text, "suffix out of place");
        }
        int start = i + 1;
        int end = start;
        while (end < version.length() && version.charAt(end) >= 'a' && version.charAt(end) <= 'z') {
          end++;
        }
        int rank = suffixRank(version.substring(start, end));
        if (rank < 0) {
          throw Schemes.invalid(this, text, "unknown suffix '_" + version.substring(start, end) + "'");
        }
        tokens.add(new Token(SUFFIX, version.substring(start, end), rank));
        state = SUFFIX;
        i = end;
      } else if (c == '~') {
        if (state >= COMMIT_HASH) {
          throw Schemes.invalid(this, text, "commit hash out of place");
        }
        int start = i + 1;
        int end = start;
        while (end < version.length() && isHex(version.charAt(end))) {
          end++;
        }
        if (end == start) {
          throw Schemes.invalid(this, text, "empty commit hash after '~'");
        }
        tokens.add(new Token(COMMIT_HASH, version.substring(start, end), 0));
        state = COMMIT_HASH;
        i = end;
      } else if (c == '-') {
        if (state >= REVISION_NO || !version.startsWith("-r", i)) {
          throw Schemes.invalid(this, text, "'-' must start the final '-rN' revision");
        }
        int start = i + 2;
        int end = digitsEnd(version, start);
        if (end == start) {
          throw Schemes.invalid(this, text, "missing number after '-r'");
        }
        tokens.add(new Token(REVISION_NO, version.substring(start, end), 0));
        state = REVISION_NO;
        i = end;
      } else {
        throw Schemes.invalid(this, text, "character '" + c + "' is not allowed");
      }
    }
    return new ApkVersion(version, tokens.toArray(new Token[0]));
  }

  private static int digitsEnd(String s, int start) {
    int end = start;
    while (end < s.length() && Digits.isDigit(s.charAt(end))) {
      end++;
    }
    return end;
  }

  private static boolean isHex(char c) {
    return Digits.isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static int suffixRank(String suffix) {
    for (int rank = 1; rank < SUFFIXES.length; rank++) {
      if (rank != SUFFIX_NONE && SUFFIXES[rank].equals(suffix)) {
        return rank;
      }
    }
    return -1;
  }

  /** One token: its kind, its raw text (digits, letter, suffix name or hash) and a suffix rank. */
  private record Token(int kind, String value, String number, int rank) {
    Token(int kind, String value, int rank) {
      this(kind, value, Digits.isAllDigits(value) ? Digits.strip(value) : "", rank);
    }
  }

  private static int compareTokens(Token a, Token b) {
    switch (a.kind()) {
      case DIGIT:
        if (a.value().charAt(0) == '0' || b.value().charAt(0) == '0') {
          return compareBytes(a.value(), b.value());
        }
        return Digits.compare(a.number(), b.number());
      case INITIAL_DIGIT:
      case SUFFIX_NO:
      case REVISION_NO:
        return Digits.compare(a.number(), b.number());
      case LETTER:
        return Integer.compare(a.value().charAt(0), b.value().charAt(0));
      case SUFFIX:
        return Integer.compare(a.rank(), b.rank());
      default:
        return compareBytes(a.value(), b.value());
    }
  }

  /** apk_blob_sort: byte order over the shared length, then the shorter first. */
  private static int compareBytes(String a, String b) {
    return Integer.signum(a.compareTo(b));
  }

  private static final class ApkVersion extends AbstractVersion {
    private final Token[] tokens;

    ApkVersion(String text, Token[] tokens) {
      super(text, INSTANCE);
      this.tokens = tokens;
    }

    @Override
    int compareSame(AbstractVersion o) {
      Token[] other = ((ApkVersion) o).tokens;
      int i = 0;
      while (true) {
        int aKind = i < tokens.length ? tokens[i].kind() : END;
        int bKind = i < other.length ? other[i].kind() : END;
        if (aKind != bKind || aKind == END) {
          if (aKind == bKind) {
            return 0;
          }
          if (aKind == SUFFIX && tokens[i].rank() < SUFFIX_NONE) {
            return -1;
          }
          if (bKind == SUFFIX && other[i].rank() < SUFFIX_NONE) {
            return 1;
          }
          return aKind > bKind ? -1 : 1;
        }
        int c = compareTokens(tokens[i], other[i]);
        if (c != 0) {
          return c;
        }
        i++;
      }
    }
  }
}
