package org.accord.identity;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenSSL release versions: the legacy letter releases ({@code 0.9.8za}, {@code 1.1.1w}) and the
 * SemVer-like releases since 3.0 ({@code 3.0.13}, {@code 3.2.0-alpha1}) [1]. Hand-written. Stateless and
 * thread-safe.
 *
 * <p>Order: the dotted numbers numerically (missing ones are 0), then the patch letters (none first, then
 * in byte order: {@code a < ... < z < za < zb}, the sequence OpenSSL used), then a pre-release ({@code
 * -alphaN}, {@code -betaN}) before its release.
 *
 * <p>[1] https://openssl-library.org/policies/general/versioning-policy/
 */
final class OpensslScheme implements VersionScheme {
  static final OpensslScheme INSTANCE = new OpensslScheme();

  private static final Pattern PATTERN = Pattern.compile("([0-9]+(?:\\.[0-9]+)*)([a-z]*)(?:-(alpha|beta)([0-9]*))?");

  private OpensslScheme() {}

  @Override
  public String name() {
    return "openssl";
  }

  @Override
  public Version parse(String text) {
    String version = Schemes.prepare(this, text);
    Matcher m = PATTERN.matcher(version);
    if (!m.matches()) {
      throw Schemes.invalid(this, text, "not an OpenSSL version (such as 1.1.1w or 3.0.13)");
    }
    String[] parts = m.group(1).split("\\.");
    String[] numbers = new String[parts.length];
    for (int i = 0; i < parts.length; i++) {
      numbers[i] = Digits.strip(parts[i]);
    }
    int preRank = m.group(3) == null ? 2 : m.group(3).equals("alpha") ? 0 : 1;
    String preNumber = m.group(4) == null ? "" : Digits.strip(m.group(4));
    return new OpensslVersion(version, numbers, m.group(2), preRank, preNumber);
  }

  private static final class OpensslVersion extends AbstractVersion {
    private final String[] numbers;
    private final String letters;
    private final int preRank;
    private final String preNumber;

    OpensslVersion(String text, String[] numbers, String letters, int preRank, String preNumber) {
      super(text, INSTANCE);
      this.numbers = numbers;
      this.letters = letters;
      this.preRank = preRank;
      this.preNumber = preNumber;
    }

    @Override
    int compareSame(AbstractVersion o) {
      OpensslVersion other = (OpensslVersion) o;
      int length = Math.max(numbers.length, other.numbers.length);
      for (int i = 0; i < length; i++) {
        String a = i < numbers.length ? numbers[i] : "";
        String b = i < other.numbers.length ? other.numbers[i] : "";
        int c = Digits.compare(a, b);
        if (c != 0) {
          return c;
        }
      }
      int c = Integer.signum(letters.compareTo(other.letters));
      if (c != 0) {
        return c;
      }
      c = Integer.compare(preRank, other.preRank);
      return c != 0 ? c : Digits.compare(preNumber, other.preNumber);
    }
  }
}
