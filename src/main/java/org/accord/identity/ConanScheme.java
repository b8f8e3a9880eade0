package org.accord.identity;

import java.util.Arrays;

/**
 * Conan 2 package versions, as {@code conans.model.version.Version} parses and orders them [1].
 * Hand-written. Stateless and thread-safe.
 *
 * <p>A version is {@code main[-pre][+build]}: the build is what follows the last {@code +}, the
 * pre-release what follows the first {@code -} before it, each a nested version. Each of the three is a
 * dot-separated list of items, an item being a number when it is all digits and a string otherwise;
 * trailing zero items are ignored ({@code 1 == 1.0 == 1.0.0}). Items compare numerically when both are
 * numbers and as strings otherwise (Python's {@code str} comparison, so {@code 1.a > 1.1}); lists compare
 * item by item, a shorter list first when it is a prefix. Order: main items, then a pre-release before
 * the same main version without one (two pre-releases compare by pre-release), then the build (none
 * first).
 *
 * <p>[1] https://github.com/conan-io/conan/blob/develop2/conans/model/version.py
 */
final class ConanScheme implements VersionScheme {
  static final ConanScheme INSTANCE = new ConanScheme();

  private ConanScheme() {}

  @Override
  public String name() {
    return "conan";
  }

  @Override
  public Version parse(String text) {
    String version = Schemes.prepareToken(this, text);
    String main = version;
    Object[] build = null;
    Object[] pre = null;
    int plus = main.lastIndexOf('+');
    if (plus >= 0) {
      build = items(main.substring(plus + 1));
      main = main.substring(0, plus);
    }
    int dash = main.indexOf('-');
    if (dash >= 0) {
      pre = items(main.substring(dash + 1));
      main = main.substring(0, dash);
    }
    return new ConanVersion(version, items(main), pre, build);
  }

  /** The items of a dot-separated list, trailing zeros dropped: stripped digit strings are numbers. */
  private static Object[] items(String list) {
    String[] parts = list.split("\\.", -1);
    Object[] items = new Object[parts.length];
    for (int i = 0; i < parts.length; i++) {
      items[i] = Digits.isAllDigits(parts[i]) ? new Number(Digits.strip(parts[i])) : parts[i];
    }
    int length = items.length;
    while (length > 0 && items[length - 1] instanceof Number n && n.digits().isEmpty()) {
      length--;
    }
    return Arrays.copyOf(items, length);
  }

  /** A numeric item; {@code text} is how Python prints it (the digits, or 0). */
  private record Number(String digits) {
    String text() {
      return digits.isEmpty() ? "0" : digits;
    }
  }

  private static int compareItems(Object[] a, Object[] b) {
    int shared = Math.min(a.length, b.length);
    for (int i = 0; i < shared; i++) {
      int c;
      if (a[i] instanceof Number na && b[i] instanceof Number nb) {
        c = Digits.compare(na.digits(), nb.digits());
      } else {
        c = Integer.signum(text(a[i]).compareTo(text(b[i])));
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.length, b.length);
  }

  private static String text(Object item) {
    return item instanceof Number n ? n.text() : (String) item;
  }

  /** Compares nested versions where null (absent) sorts first. */
  private static int compareOptional(Object[] a, Object[] b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    return compareItems(a, b);
  }

  private static final class ConanVersion extends AbstractVersion {
    private final Object[] main;
    private final Object[] pre;
    private final Object[] build;

    ConanVersion(String text, Object[] main, Object[] pre, Object[] build) {
      super(text, INSTANCE);
      this.main = main;
      this.pre = pre;
      this.build = build;
    }

    @Override
    int compareSame(AbstractVersion o) {
      ConanVersion other = (ConanVersion) o;
      int c = compareItems(main, other.main);
      if (c != 0) {
        return c;
      }
      if ((pre == null) != (other.pre == null)) {
        return pre != null ? -1 : 1;
      }
      c = compareOptional(pre, other.pre);
      return c != 0 ? c : compareOptional(build, other.build);
    }
  }
}
