package org.accord.identity;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gentoo ebuild versions, ordered by the algorithms of the Package Manager Specification, section 3.3
 * "Version comparison" [1]. Hand-written. Stateless and thread-safe.
 *
 * <p>Syntax: {@code N(.N)*[letter](_suffix[N])*[-rN]} with suffixes {@code alpha, beta, pre, rc, p}.
 *
 * <p>Order (PMS algorithms 3.1 to 3.7): the first numbers numerically; each further number pair
 * numerically unless either starts with {@code 0}, in which case both lose their trailing zeros and
 * compare as strings ({@code 1.01 < 1.1}); more numbers win ({@code 5 < 5.0}); then the letter (none
 * first); then suffixes pairwise by rank {@code alpha < beta < pre < rc < p} and number (0 when absent),
 * a leftover {@code _p} winning and any other leftover suffix losing; then the revision (0 when absent,
 * so {@code 1.0 == 1.0-r0}). Numbers have no size limit.
 *
 * <p>[1] https://projects.gentoo.org/pms/latest/pms.html#version-comparison
 */
final class GentooScheme implements VersionScheme {
  static final GentooScheme INSTANCE = new GentooScheme();

  private static final Pattern PATTERN =
      Pattern.compile("([0-9]+(?:\\.[0-9]+)*)([a-z]?)((?:_(?:alpha|beta|pre|rc|p)[0-9]*)*)(?:-r([0-9]+))?");
  private static final Pattern SUFFIX = Pattern.compile("_(alpha|beta|pre|rc|p)([0-9]*)");
  private static final String[] SUFFIX_ORDER = {"alpha", "beta", "pre", "rc", "p"};
  private static final int RANK_P = 4;

  private GentooScheme() {}

  @Override
  public String name() {
    return "gentoo";
  }

  @Override
  public Version parse(String text) {
    String version = Schemes.prepare(this, text);
    Matcher m = PATTERN.matcher(version);
    if (!m.matches()) {
      throw Schemes.invalid(this, text, "not a Gentoo version (N(.N)*[letter](_suffix[N])*[-rN])");
    }
    String[] numbers = m.group(1).split("\\.");
    char letter = m.group(2).isEmpty() ? 0 : m.group(2).charAt(0);
    Matcher suffixes = SUFFIX.matcher(m.group(3));
    java.util.List<int[]> ranks = new java.util.ArrayList<>();
    java.util.List<String> suffixNumbers = new java.util.ArrayList<>();
    while (suffixes.find()) {
      ranks.add(new int[] {java.util.Arrays.asList(SUFFIX_ORDER).indexOf(suffixes.group(1))});
      suffixNumbers.add(Digits.strip(suffixes.group(2)));
    }
    int[] suffixRanks = ranks.stream().mapToInt(r -> r[0]).toArray();
    String revision = m.group(4) == null ? "" : Digits.strip(m.group(4));
    return new GentooVersion(version, numbers, letter, suffixRanks, suffixNumbers.toArray(new String[0]), revision);
  }

  private static String stripTrailingZeros(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '0') {
      end--;
    }
    return s.substring(0, end);
  }

  private static final class GentooVersion extends AbstractVersion {
    private final String[] numbers;
    private final char letter;
    private final int[] suffixRanks;
    private final String[] suffixNumbers;
    private final String revision;

    GentooVersion(
        String text, String[] numbers, char letter, int[] suffixRanks, String[] suffixNumbers, String revision) {
      super(text, INSTANCE);
      this.numbers = numbers;
      this.letter = letter;
      this.suffixRanks = suffixRanks;
      this.suffixNumbers = suffixNumbers;
      this.revision = revision;
    }

    @Override
    int compareSame(AbstractVersion o) {
      GentooVersion other = (GentooVersion) o;
      int c = Digits.compare(Digits.strip(numbers[0]), Digits.strip(other.numbers[0]));
      if (c != 0) {
        return c;
      }
      int shared = Math.min(numbers.length, other.numbers.length);
      for (int i = 1; i < shared; i++) {
        String a = numbers[i];
        String b = other.numbers[i];
        if (a.charAt(0) == '0' || b.charAt(0) == '0') {
          c = Integer.signum(stripTrailingZeros(a).compareTo(stripTrailingZeros(b)));
        } else {
          c = Digits.compare(Digits.strip(a), Digits.strip(b));
        }
        if (c != 0) {
          return c;
        }
      }
      if (numbers.length != other.numbers.length) {
        return numbers.length < other.numbers.length ? -1 : 1;
      }
      if (letter != other.letter) {
        return letter < other.letter ? -1 : 1;
      }
      int sharedSuffixes = Math.min(suffixRanks.length, other.suffixRanks.length);
      for (int i = 0; i < sharedSuffixes; i++) {
        if (suffixRanks[i] != other.suffixRanks[i]) {
          return suffixRanks[i] < other.suffixRanks[i] ? -1 : 1;
        }
        c = Digits.compare(suffixNumbers[i], other.suffixNumbers[i]);
        if (c != 0) {
          return c;
        }
      }
      if (suffixRanks.length > sharedSuffixes) {
        return suffixRanks[sharedSuffixes] == RANK_P ? 1 : -1;
      }
      if (other.suffixRanks.length > sharedSuffixes) {
        return other.suffixRanks[sharedSuffixes] == RANK_P ? -1 : 1;
      }
      return Digits.compare(revision, other.revision);
    }
  }
}
