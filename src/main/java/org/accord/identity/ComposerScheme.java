package org.accord.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Composer (Packagist) versions: normalised as Composer's {@code VersionParser::normalize} does, then
 * ordered with PHP's {@code version_compare}, which Composer's constraints use [1][2]. Hand-written: no
 * Java library implements either. Stateless and thread-safe.
 *
 * <p>Normalisation: strip a leading {@code v}, an {@code as} alias, a {@code @stability} flag and build
 * metadata; pad the numeric part to four numbers ({@code 1.2 -> 1.2.0.0}); date versions keep their
 * numbers ({@code 20100102}); expand stability suffixes ({@code a -> alpha}, {@code b -> beta}, {@code
 * rc -> RC}, {@code p/pl -> patch}) and keep {@code -dev}; {@code 1.x-dev} becomes {@code
 * 1.9999999.9999999.9999999-dev}; {@code dev-*} branches stay as they are. A version Composer cannot
 * normalise but that looks like one (letters, digits and {@code . _ + -}, starting with a digit) is
 * compared raw, without its {@code v}, as OSV's Packagist matching does; anything else is refused.
 *
 * <p>version_compare: insert {@code .} between digit/non-digit transitions and replace {@code - _ +} by
 * {@code .}; compare part by part: numbers numerically, words by their rank {@code dev < alpha = a <
 * beta = b < RC = rc < (number) < pl = p} (prefix match; an unknown word ranks below {@code dev}), a
 * number against a word as the number's rank; when one side has parts left, a number left makes it
 * newer and a word left is ranked against a number. Parts are split and ranked at parse time. Two
 * {@code dev-} branches that version_compare calls equal are ordered by name, so distinct branches stay
 * distinct.
 *
 * <p>[1] https://github.com/composer/semver/blob/main/src/VersionParser.php [2]
 * https://www.php.net/manual/en/function.version-compare.php (php-src ext/standard/versioning.c)
 */
final class ComposerScheme implements VersionScheme {
  static final ComposerScheme INSTANCE = new ComposerScheme();

  private static final String MODIFIER =
      "[._-]?(?:(stable|beta|b|RC|alpha|a|patch|pl|p)((?:[.-]?\\d+)*+)?)?([.-]?dev)?";
  private static final Pattern CLASSICAL =
      Pattern.compile("v?(\\d{1,5}+)(\\.\\d++)?(\\.\\d++)?(\\.\\d++)?" + MODIFIER, Pattern.CASE_INSENSITIVE);
  private static final Pattern DATE =
      Pattern.compile(
          "v?(\\d{4}(?:[.:-]?\\d{2}){1,6}(?:[.:-]?\\d{1,3}){0,2})" + MODIFIER, Pattern.CASE_INSENSITIVE);
  private static final Pattern ALIAS = Pattern.compile("([^,\\s]++) ++as ++([^,\\s]++)");
  private static final Pattern STABILITY_FLAG =
      Pattern.compile("@(?:stable|RC|beta|alpha|dev)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern BUILD = Pattern.compile("([^,\\s+]++)\\+[^\\s]++");
  private static final Pattern DEV_SUFFIX = Pattern.compile("(.*?)[.-]?dev", Pattern.CASE_INSENSITIVE);
  private static final Pattern BRANCH =
      Pattern.compile(
          "v?(\\d++)(\\.(?:\\d++|[xX*]))?(\\.(?:\\d++|[xX*]))?(\\.(?:\\d++|[xX*]))?", Pattern.CASE_INSENSITIVE);
  private static final Pattern RAW = Pattern.compile("[vV]?[0-9][A-Za-z0-9._+-]*");

  /** version_compare's rank of a number, and of the "#N#" sentinel it compares leftovers against. */
  private static final int NUMBER_RANK = 4;

  private ComposerScheme() {}

  @Override
  public String name() {
    return "composer";
  }

  @Override
  public Version parse(String text) {
    String version = Schemes.prepare(this, text);
    String normalized = normalize(version);
    if (normalized == null) {
      if (!RAW.matcher(version).matches()) {
        throw Schemes.invalid(this, text, "not a Composer version (such as 1.2.3, v1.2.3-beta1 or dev-main)");
      }
      normalized = version.charAt(0) == 'v' || version.charAt(0) == 'V' ? version.substring(1) : version;
    }
    return new ComposerVersion(version, normalized, parts(normalized));
  }

  /** Composer's VersionParser::normalize, or null where Composer would throw. */
  static String normalize(String input) {
    String version = input.strip();
    Matcher alias = ALIAS.matcher(version);
    if (alias.matches()) {
      version = alias.group(1);
    }
    Matcher flag = STABILITY_FLAG.matcher(version);
    if (flag.find()) {
      version = version.substring(0, flag.start());
    }
    if (version.equals("master") || version.equals("trunk") || version.equals("default")) {
      version = "dev-" + version;
    }
    if (version.toLowerCase(Locale.ROOT).startsWith("dev-")) {
      return "dev-" + version.substring(4);
    }
    Matcher build = BUILD.matcher(version);
    if (build.matches()) {
      version = build.group(1);
    }
    Matcher m = CLASSICAL.matcher(version);
    String normalized = null;
    int index = 0;
    if (m.matches()) {
      normalized =
          m.group(1)
              + (empty(m.group(2)) ? ".0" : m.group(2))
              + (empty(m.group(3)) ? ".0" : m.group(3))
              + (empty(m.group(4)) ? ".0" : m.group(4));
      index = 5;
    } else {
      m = DATE.matcher(version);
      if (m.matches()) {
        normalized = m.group(1).replaceAll("\\D", ".");
        index = 2;
      }
    }
    if (normalized != null) {
      if (!empty(m.group(index))) {
        if (m.group(index).equals("stable")) {
          return normalized;
        }
        String number = m.group(index + 1) == null ? "" : stripLeading(m.group(index + 1), ".-");
        normalized += "-" + expandStability(m.group(index)) + number;
      }
      if (!empty(m.group(index + 2))) {
        normalized += "-dev";
      }
      return normalized;
    }
    Matcher dev = DEV_SUFFIX.matcher(version);
    if (dev.matches()) {
      String branch = normalizeBranch(dev.group(1));
      if (!branch.contains("dev-")) {
        return branch;
      }
    }
    return null;
  }

  private static String normalizeBranch(String name) {
    Matcher m = BRANCH.matcher(name.strip());
    if (m.matches()) {
      StringBuilder version = new StringBuilder();
      for (int i = 1; i < 5; i++) {
        version.append(m.group(i) == null ? ".x" : m.group(i).replace('*', 'x').replace('X', 'x'));
      }
      return version.toString().replace("x", "9999999") + "-dev";
    }
    return "dev-" + name;
  }

  private static String expandStability(String stability) {
    return switch (stability.toLowerCase(Locale.ROOT)) {
      case "a" -> "alpha";
      case "b" -> "beta";
      case "p", "pl" -> "patch";
      case "rc" -> "RC";
      default -> stability.toLowerCase(Locale.ROOT);
    };
  }

  private static boolean empty(String group) {
    return group == null || group.isEmpty();
  }

  private static String stripLeading(String s, String characters) {
    int i = 0;
    while (i < s.length() && characters.indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    return s.substring(i);
  }

  /** PHP's canonical form split into parts: stripped digit strings, or Integer ranks for words. */
  static Object[] parts(String version) {
    StringBuilder canonical = new StringBuilder(version.length() + 8);
    canonical.append(version.charAt(0));
    char previous = version.charAt(0);
    for (int i = 1; i < version.length(); i++) {
      char c = version.charAt(i);
      char last = canonical.charAt(canonical.length() - 1);
      if (c == '-' || c == '_' || c == '+') {
        if (last != '.') {
          canonical.append('.');
        }
      } else if ((isNonDigit(previous) && isDigitPart(c)) || (isDigitPart(previous) && isNonDigit(c))) {
        if (last != '.') {
          canonical.append('.');
        }
        canonical.append(c);
      } else if (!Digits.isDigit(c) && !Digits.isAsciiLetter(c)) {
        if (last != '.') {
          canonical.append('.');
        }
      } else {
        canonical.append(c);
      }
      previous = c;
    }
    List<Object> parts = new ArrayList<>();
    for (String part : canonical.toString().split("\\.")) {
      if (part.isEmpty()) {
        continue;
      }
      parts.add(Digits.isDigit(part.charAt(0)) ? Digits.strip(leadingDigits(part)) : (Object) rank(part));
    }
    return parts.toArray();
  }

  private static boolean isDigitPart(char c) {
    return Digits.isDigit(c);
  }

  private static boolean isNonDigit(char c) {
    return !Digits.isDigit(c) && c != '.';
  }

  private static String leadingDigits(String part) {
    int end = 0;
    while (end < part.length() && Digits.isDigit(part.charAt(end))) {
      end++;
    }
    return part.substring(0, end);
  }

  /** PHP's special version forms, matched as prefixes in this order; -1 for anything else. */
  private static int rank(String word) {
    String[] names = {"dev", "alpha", "a", "beta", "b", "RC", "rc", "#", "pl", "p"};
    int[] ranks = {0, 1, 1, 2, 2, 3, 3, 4, 5, 5};
    for (int i = 0; i < names.length; i++) {
      if (word.startsWith(names[i])) {
        return ranks[i];
      }
    }
    return -1;
  }

  /** php_version_compare over pre-split parts, starting at {@code i} and {@code j}. */
  static int compareParts(Object[] a, int i, Object[] b, int j) {
    while (i < a.length && j < b.length) {
      int c = comparePart(a[i], b[j]);
      if (c != 0) {
        return c;
      }
      i++;
      j++;
    }
    if (i < a.length) {
      return a[i] instanceof String ? 1 : compareParts(a, i, new Object[] {NUMBER_RANK}, 0);
    }
    if (j < b.length) {
      return b[j] instanceof String ? -1 : compareParts(new Object[] {NUMBER_RANK}, 0, b, j);
    }
    return 0;
  }

  private static int comparePart(Object a, Object b) {
    if (a instanceof String da && b instanceof String db) {
      return Digits.compare(da, db);
    }
    int rankA = a instanceof String ? NUMBER_RANK : (Integer) a;
    int rankB = b instanceof String ? NUMBER_RANK : (Integer) b;
    return Integer.compare(rankA, rankB);
  }

  private static final class ComposerVersion extends AbstractVersion {
    private final String normalized;
    private final Object[] parts;
    private final boolean branch;

    ComposerVersion(String text, String normalized, Object[] parts) {
      super(text, INSTANCE);
      this.normalized = normalized;
      this.parts = parts;
      this.branch = normalized.startsWith("dev-");
    }

    @Override
    int compareSame(AbstractVersion o) {
      ComposerVersion other = (ComposerVersion) o;
      int c = compareParts(parts, 0, other.parts, 0);
      if (c == 0 && branch && other.branch) {
        c = Integer.signum(normalized.compareTo(other.normalized));
      }
      return c;
    }
  }
}
