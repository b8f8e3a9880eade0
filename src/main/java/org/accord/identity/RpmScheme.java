package org.accord.identity;

/**
 * RPM package versions, {@code [epoch:]version[-release]}, ordered as RPM does: epochs numerically, then
 * versions and releases with {@code rpmvercmp} (rpmio/rpmvercmp.c, RPM 4.15 and later, with the tilde and
 * caret operators) [1][2]. Hand-written: there is no Java port of rpmvercmp. Stateless and thread-safe.
 *
 * <p>Parsing: the epoch is the digits before a colon (0 when absent); the release is what follows the
 * last hyphen; the version is in between. Empty versions or releases, non-numeric epochs and whitespace
 * are refused. A version without a release sorts before the same version with one.
 *
 * <p>rpmvercmp: skip separators (anything but ASCII letters, digits, {@code ~} and {@code ^}); a {@code
 * ~} sorts before everything, even the end ({@code 1.0~rc1 < 1.0}); a {@code ^} sorts after the end but
 * before anything else ({@code 1.0 < 1.0^git1 < 1.0.1}); then compare the next run of digits or letters:
 * a digit run beats a letter run, digit runs compare numerically, letter runs by {@code strcmp}; when one
 * side runs out, the side with characters left is newer.
 *
 * <p>[1] https://rpm-software-management.github.io/rpm/manual/dependencies.html [2]
 * https://github.com/rpm-software-management/rpm/blob/master/rpmio/rpmvercmp.cc
 */
final class RpmScheme implements VersionScheme {
  static final RpmScheme INSTANCE = new RpmScheme();

  private RpmScheme() {}

  @Override
  public String name() {
    return "rpm";
  }

  @Override
  public Version parse(String text) {
    String version = Schemes.prepareToken(this, text);
    String epoch = "";
    String rest = version;
    int digits = 0;
    while (digits < version.length() && Digits.isDigit(version.charAt(digits))) {
      digits++;
    }
    if (digits < version.length() && version.charAt(digits) == ':') {
      epoch = Digits.strip(version.substring(0, digits));
      rest = version.substring(digits + 1);
    } else if (version.indexOf(':') >= 0 && version.indexOf(':') < firstHyphenOrEnd(version)) {
      throw Schemes.invalid(this, text, "the epoch before ':' must be a number");
    }
    String release = "";
    int hyphen = rest.lastIndexOf('-');
    if (hyphen >= 0) {
      release = rest.substring(hyphen + 1);
      rest = rest.substring(0, hyphen);
      if (release.isEmpty()) {
        throw Schemes.invalid(this, text, "empty release after the last '-'");
      }
    }
    if (rest.isEmpty()) {
      throw Schemes.invalid(this, text, "empty version");
    }
    return new RpmVersion(version, epoch, rest, release);
  }

  private static int firstHyphenOrEnd(String s) {
    int hyphen = s.indexOf('-');
    return hyphen < 0 ? s.length() : hyphen;
  }

  /** rpmvercmp over two strings; returns -1, 0 or 1. */
  static int rpmvercmp(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    int i = 0;
    int j = 0;
    int aLength = a.length();
    int bLength = b.length();
    while (i < aLength || j < bLength) {
      while (i < aLength && !Digits.isAsciiAlnum(a.charAt(i)) && a.charAt(i) != '~' && a.charAt(i) != '^') {
        i++;
      }
      while (j < bLength && !Digits.isAsciiAlnum(b.charAt(j)) && b.charAt(j) != '~' && b.charAt(j) != '^') {
        j++;
      }
      char ca = i < aLength ? a.charAt(i) : 0;
      char cb = j < bLength ? b.charAt(j) : 0;
      if (ca == '~' || cb == '~') {
        if (ca != '~') {
          return 1;
        }
        if (cb != '~') {
          return -1;
        }
        i++;
        j++;
        continue;
      }
      if (ca == '^' || cb == '^') {
        if (i >= aLength) {
          return -1;
        }
        if (j >= bLength) {
          return 1;
        }
        if (ca != '^') {
          return 1;
        }
        if (cb != '^') {
          return -1;
        }
        i++;
        j++;
        continue;
      }
      if (i >= aLength || j >= bLength) {
        break;
      }
      int aStart = i;
      int bStart = j;
      boolean numeric = Digits.isDigit(ca);
      if (numeric) {
        while (i < aLength && Digits.isDigit(a.charAt(i))) {
          i++;
        }
        while (j < bLength && Digits.isDigit(b.charAt(j))) {
          j++;
        }
      } else {
        while (i < aLength && Digits.isAsciiLetter(a.charAt(i))) {
          i++;
        }
        while (j < bLength && Digits.isAsciiLetter(b.charAt(j))) {
          j++;
        }
      }
      if (j == bStart) {
        return numeric ? 1 : -1;
      }
      int c;
      if (numeric) {
        c = Digits.compare(Digits.strip(a, aStart, i), Digits.strip(b, bStart, j));
      } else {
        c = Integer.signum(a.substring(aStart, i).compareTo(b.substring(bStart, j)));
      }
      if (c != 0) {
        return c;
      }
    }
    if (i >= aLength && j >= bLength) {
      return 0;
    }
    return i >= aLength ? -1 : 1;
  }

  private static final class RpmVersion extends AbstractVersion {
    private final String epoch;
    private final String version;
    private final String release;

    RpmVersion(String text, String epoch, String version, String release) {
      super(text, INSTANCE);
      this.epoch = epoch;
      this.version = version;
      this.release = release;
    }

    @Override
    int compareSame(AbstractVersion o) {
      RpmVersion other = (RpmVersion) o;
      int c = Digits.compare(epoch, other.epoch);
      if (c != 0) {
        return c;
      }
      c = rpmvercmp(version, other.version);
      if (c != 0) {
        return c;
      }
      return rpmvercmp(release, other.release);
    }
  }
}
