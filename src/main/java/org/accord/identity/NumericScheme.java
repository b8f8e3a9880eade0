package org.accord.identity;

/**
 * Versions that are dot-separated non-negative integers, in two vers types: {@code intdot}, the vers
 * specification's general type, whose interpretation "stops at the first character that is not a digit
 * or a dot" [1], and {@code nginx}, whose releases are plain {@code MAJOR.MINOR.PATCH} numbers [2].
 * Hand-written. Stateless and thread-safe.
 *
 * <p>Order: numbers compare one by one, numerically and ignoring leading zeros; missing numbers are 0, so
 * {@code 1.2 == 1.2.0}. For {@code nginx} the whole text must be numbers and dots; for {@code intdot}
 * anything after the numeric prefix is ignored, but the version must start with a digit.
 *
 * <p>[1] https://github.com/package-url/vers-spec (VERS types, "intdot") [2]
 * https://nginx.org/en/security_advisories.html
 */
final class NumericScheme implements VersionScheme {
  static final NumericScheme INTDOT = new NumericScheme("intdot", true);
  static final NumericScheme NGINX = new NumericScheme("nginx", false);

  private final String name;
  private final boolean prefixOnly;

  private NumericScheme(String name, boolean prefixOnly) {
    this.name = name;
    this.prefixOnly = prefixOnly;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Version parse(String text) {
    String version = Schemes.prepare(this, text);
    int end = 0;
    while (end < version.length() && (Digits.isDigit(version.charAt(end)) || version.charAt(end) == '.')) {
      end++;
    }
    if (end == 0 || !Digits.isDigit(version.charAt(0)) || (!prefixOnly && end != version.length())) {
      throw Schemes.invalid(this, text, "not a version of dot-separated numbers");
    }
    String numeric = version.substring(0, end);
    if (!prefixOnly && (numeric.endsWith(".") || numeric.contains(".."))) {
      throw Schemes.invalid(this, text, "empty number between dots");
    }
    String[] parts = numeric.split("\\.");
    int length = parts.length;
    String[] numbers = new String[length];
    for (int i = 0; i < length; i++) {
      numbers[i] = Digits.strip(parts[i]);
    }
    while (length > 1 && numbers[length - 1].isEmpty()) {
      length--;
    }
    return new NumericVersion(version, this, java.util.Arrays.copyOf(numbers, length));
  }

  /** The numbers of a parsed version, without leading zeros ("" is zero). */
  static String[] numbers(Version version) {
    return ((NumericVersion) version).numbers;
  }

  private static final class NumericVersion extends AbstractVersion {
    private final String[] numbers;

    NumericVersion(String text, NumericScheme scheme, String[] numbers) {
      super(text, scheme);
      this.numbers = numbers;
    }

    @Override
    int compareSame(AbstractVersion o) {
      String[] other = ((NumericVersion) o).numbers;
      int length = Math.max(numbers.length, other.length);
      for (int i = 0; i < length; i++) {
        int c = Digits.compare(i < numbers.length ? numbers[i] : "", i < other.length ? other[i] : "");
        if (c != 0) {
          return c;
        }
      }
      return 0;
    }
  }
}
