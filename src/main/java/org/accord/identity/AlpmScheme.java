package org.accord.identity;

import java.util.regex.Pattern;

/**
 * Arch Linux package versions, {@code [epoch:]version[-release]}, ordered by pacman's {@code
 * alpm_pkg_vercmp} (lib/libalpm/version.c), whose string comparison is a modified {@code rpmvercmp} [1].
 * Hand-written. Stateless and thread-safe.
 *
 * <p>Accepted: {@code [epoch:]pkgver[-pkgrel]} as makepkg allows them, a numeric epoch, a pkgver of
 * letters, digits and {@code . _ + ~} that starts with a letter or digit, and a numeric pkgrel (with an
 * optional {@code .N} sub-release).
 *
 * <p>Epochs (0 when absent) and versions compare with the string comparison; releases compare only when
 * both versions have one ({@code 1.5 == 1.5-1}). The comparison differs from RPM's: no {@code ~} or
 * {@code ^} operators; if the separators before two segments differ in length the shorter wins; and at
 * the end a leftover letter segment loses ({@code 1.5b < 1.5}) while a leftover separated segment wins
 * ({@code 1.5 < 1.5.a}). Because a missing release matches any release, equality is not transitive
 * ({@code 1.5 == 1.5-1} and {@code 1.5 == 1.5-2}, yet {@code 1.5-1 < 1.5-2}); that is pacman's behaviour
 * and the vers suite's, and Accord keeps it. Sorting a mix of versions with and without a release may
 * therefore depend on input order.
 *
 * <p>[1] https://gitlab.archlinux.org/pacman/pacman/-/blob/master/lib/libalpm/version.c
 */
final class AlpmScheme implements VersionScheme {
  static final AlpmScheme INSTANCE = new AlpmScheme();

  /** makepkg's rules: numeric epoch, pkgver starting with a letter or digit, numeric pkgrel. */
  private static final Pattern PATTERN =
      Pattern.compile("(?:[0-9]+:)?[A-Za-z0-9][A-Za-z0-9._+~]*(?:-[0-9]+(?:\\.[0-9]+)?)?");

  private AlpmScheme() {}

  @Override
  public String name() {
    return "alpm";
  }

  @Override
  public Version parse(String text) {
    String version = Schemes.prepare(this, text);
    if (!PATTERN.matcher(version).matches()) {
      throw Schemes.invalid(
          this, text, "not an Arch version ([epoch:]pkgver[-pkgrel], pkgver of letters, digits and . _ + ~)");
    }
    int s = 0;
    while (s < version.length() && Digits.isDigit(version.charAt(s))) {
      s++;
    }
    String epoch = "0";
    String rest = version;
    if (s < version.length() && version.charAt(s) == ':') {
      epoch = s == 0 ? "0" : version.substring(0, s);
      rest = version.substring(s + 1);
    }
    String release = null;
    int hyphen = rest.lastIndexOf('-');
    if (hyphen >= 0) {
      release = rest.substring(hyphen + 1);
      rest = rest.substring(0, hyphen);
    }
    return new AlpmVersion(version, epoch, rest, release);
  }

  /** pacman's rpmvercmp; returns -1, 0 or 1. */
  static int vercmp(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    int one = 0;
    int two = 0;
    int ptr1 = 0;
    int ptr2 = 0;
    while (one < a.length() && two < b.length()) {
      while (one < a.length() && !Digits.isAsciiAlnum(a.charAt(one))) {
        one++;
      }
      while (two < b.length() && !Digits.isAsciiAlnum(b.charAt(two))) {
        two++;
      }
      if (one >= a.length() || two >= b.length()) {
        break;
      }
      if (one - ptr1 != two - ptr2) {
        return one - ptr1 < two - ptr2 ? -1 : 1;
      }
      ptr1 = one;
      ptr2 = two;
      boolean numeric = Digits.isDigit(a.charAt(ptr1));
      if (numeric) {
        while (ptr1 < a.length() && Digits.isDigit(a.charAt(ptr1))) {
          ptr1++;
        }
        while (ptr2 < b.length() && Digits.isDigit(b.charAt(ptr2))) {
          ptr2++;
        }
      } else {
        while (ptr1 < a.length() && Digits.isAsciiLetter(a.charAt(ptr1))) {
          ptr1++;
        }
        while (ptr2 < b.length() && Digits.isAsciiLetter(b.charAt(ptr2))) {
          ptr2++;
        }
      }
      if (two == ptr2) {
        return numeric ? 1 : -1;
      }
      int c =
          numeric
              ? Digits.compare(Digits.strip(a, one, ptr1), Digits.strip(b, two, ptr2))
              : Integer.signum(a.substring(one, ptr1).compareTo(b.substring(two, ptr2)));
      if (c != 0) {
        return c;
      }
      one = ptr1;
      two = ptr2;
    }
    boolean oneEnded = one >= a.length();
    boolean twoEnded = two >= b.length();
    if (oneEnded && twoEnded) {
      return 0;
    }
    if ((oneEnded && !Digits.isAsciiLetter(b.charAt(two))) || (!oneEnded && Digits.isAsciiLetter(a.charAt(one)))) {
      return -1;
    }
    return 1;
  }

  private static final class AlpmVersion extends AbstractVersion {
    private final String epoch;
    private final String version;
    private final String release;

    AlpmVersion(String text, String epoch, String version, String release) {
      super(text, INSTANCE);
      this.epoch = epoch;
      this.version = version;
      this.release = release;
    }

    @Override
    int compareSame(AbstractVersion o) {
      AlpmVersion other = (AlpmVersion) o;
      int c = vercmp(epoch, other.epoch);
      if (c == 0) {
        c = vercmp(version, other.version);
        if (c == 0 && release != null && other.release != null) {
          c = vercmp(release, other.release);
        }
      }
      return c;
    }
  }
}
