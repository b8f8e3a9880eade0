package org.accord.identity;

/**
 * Debian package versions, {@code [epoch:]upstream_version[-debian_revision]}, ordered as Debian Policy
 * section 5.6.12 specifies and dpkg implements ({@code verrevcmp} in lib/dpkg/version.c) [1][2].
 * Hand-written: there is no Java library for dpkg's ordering. Stateless and thread-safe.
 *
 * <p>Parsing: the epoch is the digits before the first colon (0 when absent); the revision is what
 * follows the last hyphen (absent means "", and dpkg treats an absent revision like {@code 0}); the
 * upstream version is in between. As dpkg does, Accord refuses an empty version, a non-numeric or empty
 * epoch, an empty revision after a hyphen, and characters outside {@code [A-Za-z0-9.+~-:]} (upstream)
 * or {@code [A-Za-z0-9.+~]} (revision). An upstream version that does not start with a digit is
 * accepted (dpkg only warns).
 *
 * <p>Order: epochs numerically, then upstream versions, then revisions, each with dpkg's string
 * comparison: alternate non-digit runs and digit runs; non-digit runs compare character by character
 * where {@code ~} sorts before everything, even the end of the run, letters sort before non-letters and
 * the end of a run sorts before any letter; digit runs compare numerically (any length). So {@code
 * 1.0~rc1 < 1.0 < 1.0a < 1.0+b1}. Parsing splits the three parts once; comparing walks them without
 * allocation.
 *
 * <p>[1] https://www.debian.org/doc/debian-policy/ch-controlfields.html#version [2]
 * https://git.dpkg.org/cgit/dpkg/dpkg.git/tree/lib/dpkg/version.c
 */
final class DebianScheme implements VersionScheme {
  static final DebianScheme INSTANCE = new DebianScheme();

  private DebianScheme() {}

  @Override
  public String name() {
    return "deb";
  }

  @Override
  public Version parse(String text) {
    String version = Schemes.prepare(this, text);
    String epoch = "";
    String rest = version;
    int colon = version.indexOf(':');
    if (colon >= 0) {
      String epochText = version.substring(0, colon);
      if (!Digits.isAllDigits(epochText)) {
        throw Schemes.invalid(this, text, "the epoch before ':' must be a number");
      }
      epoch = Digits.strip(epochText);
      rest = version.substring(colon + 1);
      if (rest.isEmpty()) {
        throw Schemes.invalid(this, text, "nothing after the epoch's colon");
      }
    }
    String upstream = rest;
    String revision = "";
    int hyphen = rest.lastIndexOf('-');
    if (hyphen >= 0) {
      upstream = rest.substring(0, hyphen);
      revision = rest.substring(hyphen + 1);
      if (revision.isEmpty()) {
        throw Schemes.invalid(this, text, "empty revision after the last '-'");
      }
    }
    if (upstream.isEmpty()) {
      throw Schemes.invalid(this, text, "empty upstream version");
    }
    for (int i = 0; i < upstream.length(); i++) {
      char c = upstream.charAt(i);
      if (!Digits.isDigit(c) && !Digits.isAsciiLetter(c) && ".+~-:".indexOf(c) < 0) {
        throw Schemes.invalid(this, text, "character '" + c + "' in the upstream version");
      }
    }
    for (int i = 0; i < revision.length(); i++) {
      char c = revision.charAt(i);
      if (!Digits.isDigit(c) && !Digits.isAsciiLetter(c) && ".+~".indexOf(c) < 0) {
        throw Schemes.invalid(this, text, "character '" + c + "' in the revision");
      }
    }
    return new DebianVersion(version, epoch, upstream, revision);
  }

  /**
   * dpkg's {@code verrevcmp}: the order of two upstream versions or two revisions. Also used by the
   * generic scheme.
   */
  static int verrevcmp(String a, String b) {
    int i = 0;
    int j = 0;
    int aLength = a.length();
    int bLength = b.length();
    while (i < aLength || j < bLength) {
      int firstDiff = 0;
      while ((i < aLength && !Digits.isDigit(a.charAt(i))) || (j < bLength && !Digits.isDigit(b.charAt(j)))) {
        int ac = order(a, i);
        int bc = order(b, j);
        if (ac != bc) {
          return ac - bc;
        }
        i++;
        j++;
      }
      while (i < aLength && a.charAt(i) == '0') {
        i++;
      }
      while (j < bLength && b.charAt(j) == '0') {
        j++;
      }
      while (i < aLength && j < bLength && Digits.isDigit(a.charAt(i)) && Digits.isDigit(b.charAt(j))) {
        if (firstDiff == 0) {
          firstDiff = a.charAt(i) - b.charAt(j);
        }
        i++;
        j++;
      }
      if (i < aLength && Digits.isDigit(a.charAt(i))) {
        return 1;
      }
      if (j < bLength && Digits.isDigit(b.charAt(j))) {
        return -1;
      }
      if (firstDiff != 0) {
        return firstDiff;
      }
    }
    return 0;
  }

  /** dpkg's character weight: end and digits 0, {@code ~} -1, letters themselves, others after letters. */
  private static int order(String s, int index) {
    if (index >= s.length()) {
      return 0;
    }
    char c = s.charAt(index);
    if (Digits.isDigit(c)) {
      return 0;
    }
    if (Digits.isAsciiLetter(c)) {
      return c;
    }
    if (c == '~') {
      return -1;
    }
    return c + 256;
  }

  private static final class DebianVersion extends AbstractVersion {
    private final String epoch;
    private final String upstream;
    private final String revision;

    DebianVersion(String text, String epoch, String upstream, String revision) {
      super(text, INSTANCE);
      this.epoch = epoch;
      this.upstream = upstream;
      this.revision = revision;
    }

    @Override
    int compareSame(AbstractVersion o) {
      DebianVersion other = (DebianVersion) o;
      int c = Digits.compare(epoch, other.epoch);
      if (c != 0) {
        return c;
      }
      c = verrevcmp(upstream, other.upstream);
      if (c != 0) {
        return Integer.signum(c);
      }
      return Integer.signum(verrevcmp(revision, other.revision));
    }
  }
}
