package org.accord.identity;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python package versions as PEP 440 defines them [1], with the normalisations it requires and the sort
 * order of the reference implementation, {@code packaging.version} [2]. Stateless and thread-safe.
 *
 * <p>Syntax: {@code [N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]}, case-insensitive, with PEP 440's
 * accepted spellings normalised: a leading {@code v}; {@code -}, {@code _} or {@code .} (or nothing)
 * around the pre, post and dev markers; {@code alpha/beta/c/pre/preview} for {@code a/b/rc/rc/rc};
 * {@code rev/r} for {@code post}; an implicit post release {@code 1.0-1}; a missing pre, post or dev
 * number meaning 0; {@code -} and {@code _} in local labels meaning {@code .}.
 *
 * <p>Order: epoch, then the release with trailing zeros ignored ({@code 1.0 == 1.0.0}), then the
 * pre-release (a dev-only release sorts before every pre-release of its release, and a release without a
 * pre-release after them), then the post release (none first), then the dev release (none last), then
 * the local label (none first; segment by segment, numeric segments after alphanumeric ones, which
 * compare as lower-case strings). All of this is folded, at parse time, into an epoch, a release array
 * and a few ranks, so comparing two versions reads no text. Numbers have no size limit.
 *
 * <p>[1] https://peps.python.org/pep-0440/ [2] https://github.com/pypa/packaging (version.py, _cmpkey)
 */
final class Pep440Scheme implements VersionScheme {
  static final Pep440Scheme INSTANCE = new Pep440Scheme();

  /** packaging's VERSION_PATTERN, anchored. */
  private static final Pattern PATTERN =
      Pattern.compile(
          "v?"
              + "(?:(?<epoch>[0-9]+)!)?"
              + "(?<release>[0-9]+(?:\\.[0-9]+)*)"
              + "(?<pre>[-_.]?(?<prel>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<pren>[0-9]+)?)?"
              + "(?<post>(?:-(?<postn1>[0-9]+))|(?:[-_.]?(?<postl>post|rev|r)[-_.]?(?<postn2>[0-9]+)?))?"
              + "(?<dev>[-_.]?(?<devl>dev)[-_.]?(?<devn>[0-9]+)?)?"
              + "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?",
          Pattern.CASE_INSENSITIVE);

  /** Pre-release ranks: a dev-only release sorts first, a plain release after every pre-release. */
  private static final int PRE_DEV_ONLY = -1;
  private static final int PRE_A = 0;
  private static final int PRE_B = 1;
  private static final int PRE_RC = 2;
  private static final int PRE_NONE = 3;

  private Pep440Scheme() {}

  @Override
  public String name() {
    return "pypi";
  }

  @Override
  public Version parse(String text) {
    String version = Schemes.prepare(this, text);
    Matcher m = PATTERN.matcher(version);
    if (!m.matches()) {
      throw Schemes.invalid(this, text, "not a PEP 440 version ([N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local])");
    }
    String epoch = m.group("epoch") == null ? "" : Digits.strip(m.group("epoch"));
    String[] parts = m.group("release").split("\\.");
    int length = parts.length;
    while (length > 1 && Digits.strip(parts[length - 1]).isEmpty()) {
      length--;
    }
    String[] release = new String[length];
    for (int i = 0; i < length; i++) {
      release[i] = Digits.strip(parts[i]);
    }
    boolean hasPre = m.group("pre") != null;
    boolean hasPost = m.group("post") != null;
    boolean hasDev = m.group("dev") != null;
    int preRank;
    String preNumber = "";
    if (hasPre) {
      preRank =
          switch (m.group("prel").toLowerCase(Locale.ROOT)) {
            case "a", "alpha" -> PRE_A;
            case "b", "beta" -> PRE_B;
            default -> PRE_RC;
          };
      preNumber = number(m.group("pren"));
    } else {
      preRank = !hasPost && hasDev ? PRE_DEV_ONLY : PRE_NONE;
    }
    String postNumber = null;
    if (hasPost) {
      postNumber = number(m.group("postn1") != null ? m.group("postn1") : m.group("postn2"));
    }
    String devNumber = hasDev ? number(m.group("devn")) : null;
    Object[] local = null;
    if (m.group("local") != null) {
      String[] labels = m.group("local").toLowerCase(Locale.ROOT).split("[-_.]");
      local = new Object[labels.length];
      for (int i = 0; i < labels.length; i++) {
        local[i] = Digits.isAllDigits(labels[i]) ? (Object) new Numeric(Digits.strip(labels[i])) : labels[i];
      }
    }
    return new Pep440Version(version, epoch, release, preRank, preNumber, postNumber, devNumber, local);
  }

  private static String number(String digits) {
    return digits == null ? "" : Digits.strip(digits);
  }

  /** A numeric local-label segment; sorts after every alphanumeric segment. */
  private record Numeric(String digits) {}

  private static final class Pep440Version extends AbstractVersion {
    private final String epoch;
    private final String[] release;
    private final int preRank;
    private final String preNumber;
    private final String postNumber; // null: no post release, sorts first
    private final String devNumber; // null: no dev release, sorts last
    private final Object[] local; // null: no local label, sorts first

    Pep440Version(
        String text,
        String epoch,
        String[] release,
        int preRank,
        String preNumber,
        String postNumber,
        String devNumber,
        Object[] local) {
      super(text, INSTANCE);
      this.epoch = epoch;
      this.release = release;
      this.preRank = preRank;
      this.preNumber = preNumber;
      this.postNumber = postNumber;
      this.devNumber = devNumber;
      this.local = local;
    }

    @Override
    int compareSame(AbstractVersion o) {
      Pep440Version other = (Pep440Version) o;
      int c = Digits.compare(epoch, other.epoch);
      if (c != 0) {
        return c;
      }
      int shared = Math.min(release.length, other.release.length);
      for (int i = 0; i < shared; i++) {
        c = Digits.compare(release[i], other.release[i]);
        if (c != 0) {
          return c;
        }
      }
      if (release.length != other.release.length) {
        // Trailing zeros were trimmed, so the longer release has a non-zero part left.
        return release.length < other.release.length ? -1 : 1;
      }
      c = Integer.compare(preRank, other.preRank);
      if (c != 0) {
        return c;
      }
      if (preRank >= PRE_A && preRank <= PRE_RC) {
        c = Digits.compare(preNumber, other.preNumber);
        if (c != 0) {
          return c;
        }
      }
      c = compareMissingFirst(postNumber, other.postNumber);
      if (c != 0) {
        return c;
      }
      c = compareMissingLast(devNumber, other.devNumber);
      if (c != 0) {
        return c;
      }
      return compareLocal(local, other.local);
    }

    private static int compareMissingFirst(String a, String b) {
      if (a == null || b == null) {
        return a == null ? (b == null ? 0 : -1) : 1;
      }
      return Digits.compare(a, b);
    }

    private static int compareMissingLast(String a, String b) {
      if (a == null || b == null) {
        return a == null ? (b == null ? 0 : 1) : -1;
      }
      return Digits.compare(a, b);
    }

    private static int compareLocal(Object[] a, Object[] b) {
      if (a == null || b == null) {
        return a == null ? (b == null ? 0 : -1) : 1;
      }
      int shared = Math.min(a.length, b.length);
      for (int i = 0; i < shared; i++) {
        int c = compareLabel(a[i], b[i]);
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(a.length, b.length);
    }

    private static int compareLabel(Object a, Object b) {
      if (a instanceof Numeric na) {
        return b instanceof Numeric nb ? Digits.compare(na.digits(), nb.digits()) : 1;
      }
      return b instanceof Numeric ? -1 : Integer.signum(((String) a).compareTo((String) b));
    }
  }
}
