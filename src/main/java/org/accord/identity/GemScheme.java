package org.accord.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * RubyGems versions, as {@code Gem::Version} parses and orders them [1]. Hand-written: there is no Java
 * port of Gem::Version. Stateless and thread-safe.
 *
 * <p>Syntax: {@code Gem::Version::ANCHORED_VERSION_PATTERN}, digits first, then dot-separated
 * alphanumeric segments, optionally a {@code -} suffix (which RubyGems rewrites to {@code .pre.}).
 *
 * <p>Order: the version is split into runs of digits (numbers) and runs of letters (strings); in
 * RubyGems' "canonical segments" trailing zeros are dropped from the numeric part and from the part
 * starting at the first string, so {@code 1.0 == 1} and {@code 1.0.a == 1.a}. Segments then compare one
 * by one, a missing segment counting as 0: numbers numerically, strings in byte order, and a string
 * before any number (so {@code 1.0.a} is a pre-release of {@code 1.0}).
 *
 * <p>[1] https://github.com/rubygems/rubygems/blob/master/lib/rubygems/version.rb
 */
final class GemScheme implements VersionScheme {
  static final GemScheme INSTANCE = new GemScheme();

  private static final Pattern PATTERN =
      Pattern.compile("[0-9]+(?>\\.[0-9a-zA-Z]+)*(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?");

  private GemScheme() {}

  @Override
  public String name() {
    return "gem";
  }

  @Override
  public Version parse(String text) {
    String version = Schemes.prepare(this, text);
    if (!PATTERN.matcher(version).matches()) {
      throw Schemes.invalid(this, text, "not a RubyGems version (digits, then dot-separated alphanumerics)");
    }
    String expanded = version.replace("-", ".pre.");
    List<Object> segments = new ArrayList<>();
    int i = 0;
    while (i < expanded.length()) {
      char c = expanded.charAt(i);
      int start = i;
      if (Digits.isDigit(c)) {
        while (i < expanded.length() && Digits.isDigit(expanded.charAt(i))) {
          i++;
        }
        segments.add(new Number(Digits.strip(expanded, start, i)));
      } else if (Digits.isAsciiLetter(c)) {
        while (i < expanded.length() && Digits.isAsciiLetter(expanded.charAt(i))) {
          i++;
        }
        segments.add(expanded.substring(start, i));
      } else {
        i++;
      }
    }
    return new GemVersion(version, canonical(segments));
  }

  /** Drops trailing zeros from the numeric prefix and from the part from the first string on. */
  private static Object[] canonical(List<Object> segments) {
    int firstString = segments.size();
    for (int i = 0; i < segments.size(); i++) {
      if (segments.get(i) instanceof String) {
        firstString = i;
        break;
      }
    }
    List<Object> numeric = new ArrayList<>(segments.subList(0, firstString));
    List<Object> strings = new ArrayList<>(segments.subList(firstString, segments.size()));
    dropTrailingZeros(numeric);
    dropTrailingZeros(strings);
    numeric.addAll(strings);
    return numeric.toArray();
  }

  private static void dropTrailingZeros(List<Object> segments) {
    while (!segments.isEmpty() && segments.get(segments.size() - 1) instanceof Number n && n.isZero()) {
      segments.remove(segments.size() - 1);
    }
  }

  /** A numeric segment: digits without leading zeros. */
  private record Number(String digits) {
    boolean isZero() {
      return digits.isEmpty();
    }
  }

  private static final Number ZERO = new Number("");

  private static final class GemVersion extends AbstractVersion {
    private final Object[] segments;

    GemVersion(String text, Object[] segments) {
      super(text, INSTANCE);
      this.segments = segments;
    }

    @Override
    int compareSame(AbstractVersion o) {
      Object[] other = ((GemVersion) o).segments;
      int limit = Math.max(segments.length, other.length);
      for (int i = 0; i < limit; i++) {
        Object a = i < segments.length ? segments[i] : ZERO;
        Object b = i < other.length ? other[i] : ZERO;
        if (a instanceof Number na) {
          if (b instanceof Number nb) {
            int c = Digits.compare(na.digits(), nb.digits());
            if (c != 0) {
              return c;
            }
          } else {
            return 1;
          }
        } else if (b instanceof Number) {
          return -1;
        } else {
          int c = ((String) a).compareTo((String) b);
          if (c != 0) {
            return Integer.signum(c);
          }
        }
      }
      return 0;
    }
  }
}
