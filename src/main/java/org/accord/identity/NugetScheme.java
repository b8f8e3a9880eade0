package org.accord.identity;

/**
 * NuGet package versions: SemVer 2.0 extended to four numeric parts, as NuGet.Versioning parses and
 * compares them [1][2]. Hand-written: no Java library implements NuGet's rules. Stateless and
 * thread-safe.
 *
 * <p>Syntax: {@code Major[.Minor[.Patch[.Revision]]][-label(.label)*][+metadata]}; numeric parts may have
 * leading zeros and must fit a 32-bit int; missing parts are 0, so {@code 1.0}, {@code 1.0.0} and {@code
 * 1.0.0.0} are the same version. Labels and metadata are dot-separated {@code [0-9A-Za-z-]+}.
 *
 * <p>Order: the four numbers, then a version with release labels before the same version without; labels
 * compare one by one, a label that is a 32-bit integer numerically and before any other label, other
 * labels case-insensitively (ordinal, ignoring case); fewer labels sort first when all shared ones are
 * equal. Metadata is ignored.
 *
 * <p>[1] https://learn.microsoft.com/nuget/concepts/package-versioning [2] NuGet.Versioning
 * VersionComparer, https://github.com/NuGet/NuGet.Client
 */
final class NugetScheme implements VersionScheme {
  static final NugetScheme INSTANCE = new NugetScheme();

  private NugetScheme() {}

  @Override
  public String name() {
    return "nuget";
  }

  @Override
  public Version parse(String text) {
    String version = Schemes.prepare(this, text);
    String rest = version;
    int plus = rest.indexOf('+');
    if (plus >= 0) {
      checkLabels(text, rest.substring(plus + 1), "metadata");
      rest = rest.substring(0, plus);
    }
    String[] labels = new String[0];
    int dash = rest.indexOf('-');
    if (dash >= 0) {
      String release = rest.substring(dash + 1);
      checkLabels(text, release, "release label");
      labels = release.split("\\.");
      rest = rest.substring(0, dash);
    }
    String[] numbers = rest.split("\\.", -1);
    if (numbers.length > 4) {
      throw Schemes.invalid(this, text, "more than four numeric parts");
    }
    int[] parts = new int[4];
    for (int i = 0; i < numbers.length; i++) {
      if (!Digits.isAllDigits(numbers[i])) {
        throw Schemes.invalid(this, text, "numeric part '" + numbers[i] + "' is not a number");
      }
      String digits = Digits.strip(numbers[i]);
      if (digits.length() > 10 || Long.parseLong(digits.isEmpty() ? "0" : digits) > Integer.MAX_VALUE) {
        throw Schemes.invalid(this, text, "numeric part '" + numbers[i] + "' is larger than 2^31-1");
      }
      parts[i] = digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }
    Object[] keys = new Object[labels.length];
    for (int i = 0; i < labels.length; i++) {
      keys[i] = labelKey(labels[i]);
    }
    return new NugetVersion(version, parts, keys);
  }

  private void checkLabels(String text, String labels, String what) {
    if (labels.isEmpty()) {
      throw Schemes.invalid(this, text, "empty " + what);
    }
    for (String label : labels.split("\\.", -1)) {
      if (label.isEmpty()) {
        throw Schemes.invalid(this, text, "empty " + what + " part");
      }
      for (int i = 0; i < label.length(); i++) {
        char c = label.charAt(i);
        if (!Digits.isDigit(c) && !Digits.isAsciiLetter(c) && c != '-') {
          throw Schemes.invalid(this, text, "character '" + c + "' in " + what + " '" + label + "'");
        }
      }
    }
  }

  /** An Integer for a label .NET's Int32.TryParse accepts, else the label folded to upper case. */
  private static Object labelKey(String label) {
    if (Digits.isAllDigits(label)) {
      String digits = Digits.strip(label);
      if (digits.length() <= 10 && Long.parseLong(digits.isEmpty() ? "0" : digits) <= Integer.MAX_VALUE) {
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
      }
    }
    StringBuilder upper = new StringBuilder(label.length());
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      upper.append(c >= 'a' && c <= 'z' ? (char) (c - 32) : c);
    }
    return upper.toString();
  }

  private static final class NugetVersion extends AbstractVersion {
    private final int[] parts;
    private final Object[] labels;

    NugetVersion(String text, int[] parts, Object[] labels) {
      super(text, INSTANCE);
      this.parts = parts;
      this.labels = labels;
    }

    @Override
    int compareSame(AbstractVersion o) {
      NugetVersion other = (NugetVersion) o;
      for (int i = 0; i < 4; i++) {
        if (parts[i] != other.parts[i]) {
          return parts[i] < other.parts[i] ? -1 : 1;
        }
      }
      boolean pre = labels.length > 0;
      boolean otherPre = other.labels.length > 0;
      if (pre != otherPre) {
        return pre ? -1 : 1;
      }
      int shared = Math.min(labels.length, other.labels.length);
      for (int i = 0; i < shared; i++) {
        Object a = labels[i];
        Object b = other.labels[i];
        int c;
        if (a instanceof Integer ia) {
          c = b instanceof Integer ib ? Integer.compare(ia, ib) : -1;
        } else {
          c = b instanceof Integer ? 1 : Integer.signum(((String) a).compareTo((String) b));
        }
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(labels.length, other.labels.length);
    }
  }
}
