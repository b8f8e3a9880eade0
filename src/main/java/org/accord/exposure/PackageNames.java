package org.accord.exposure;

import java.util.Locale;

/**
 * Name matching over package keys ({@code pkg:type/namespace/name}): the search ranking of {@link
 * ExposureGraph#searchPackages} and the similarity behind {@link ExposureGraph#similarPackages}.
 * Stateless.
 *
 * <p>Search: a query is matched, ignoring case, against a package's {@code namespace/name} (or, when it
 * starts with {@code pkg:}, against the whole key). Exact matches of the name, the {@code
 * namespace/name} or the key rank first, then prefixes, then substrings.
 *
 * <p>Similarity is the Jaro-Winkler similarity [1][2] of the lower-cased {@code namespace/name}, or of
 * the names alone when that is higher (so a right name under a wrong namespace or type is still found),
 * with a small bonus for the same type. Jaro-Winkler suits mistyped identifiers: it counts characters
 * that agree within a window of half the longer string (so a dropped or swapped letter costs little),
 * and rewards a common prefix, which package names of one family share. It is O(length²) per pair, a
 * microsecond for package names, so scanning a catalogue of 100,000 packages for suggestions takes well
 * under a second and runs only for unknown packages. No library on the classpath offers it (commons-text
 * is not a dependency), and the function is twenty lines.
 *
 * <p>[1] Jaro, M. A. "Advances in record-linkage methodology as applied to matching the 1985 census of
 * Tampa, Florida", JASA 84(406), 1989. [2] Winkler, W. E. "String comparator metrics and enhanced
 * decision rules in the Fellegi-Sunter model of record linkage", Proc. Section on Survey Research
 * Methods, ASA, 1990 (prefix scale 0.1, prefix up to 4 characters).
 */
final class PackageNames {
  /** Below this similarity a package is not worth suggesting. */
  static final double SUGGESTION_THRESHOLD = 0.80;

  private static final double SAME_TYPE_BONUS = 0.02;
  private static final double WINKLER_SCALE = 0.1;
  private static final int WINKLER_PREFIX = 4;

  /** Search ranks: lower is better; {@link #NO_MATCH} means not a match. */
  static final int EXACT = 0;
  static final int PREFIX = 1;
  static final int SUBSTRING = 2;
  static final int NO_MATCH = 3;

  private PackageNames() {}

  /** The lower-cased parts of one package key. */
  record Parts(String key, String type, String path, String name) {
    static Parts of(String packageKey) {
      String key = packageKey.toLowerCase(Locale.ROOT);
      int colon = key.indexOf(':');
      int slash = key.indexOf('/', colon + 1);
      String type = slash > colon ? key.substring(colon + 1, slash) : "";
      String path = slash > colon ? key.substring(slash + 1) : key;
      return new Parts(key, type, path, path.substring(path.lastIndexOf('/') + 1));
    }
  }

  /** How well {@code query} (lower-cased, not empty) matches a package for search. */
  static int rank(Parts pkg, String query) {
    if (query.startsWith("pkg:")) {
      return pkg.key().equals(query) ? EXACT : pkg.key().startsWith(query) ? PREFIX : pkg.key().contains(query) ? SUBSTRING : NO_MATCH;
    }
    if (pkg.name().equals(query) || pkg.path().equals(query)) {
      return EXACT;
    }
    if (pkg.name().startsWith(query) || pkg.path().startsWith(query)) {
      return PREFIX;
    }
    return pkg.path().contains(query) ? SUBSTRING : NO_MATCH;
  }

  /** How similar two packages' names are, 0 to a little over 1. */
  static double similarity(Parts wanted, Parts candidate) {
    double score = Math.max(jaroWinkler(wanted.path(), candidate.path()), jaroWinkler(wanted.name(), candidate.name()));
    return wanted.type().equals(candidate.type()) ? score + SAME_TYPE_BONUS : score;
  }

  /** The Jaro-Winkler similarity of two strings, 0 (nothing in common) to 1 (equal). */
  static double jaroWinkler(String a, String b) {
    if (a.equals(b)) {
      return 1.0;
    }
    if (a.isEmpty() || b.isEmpty()) {
      return 0.0;
    }
    // Jaro: characters match when equal and at most `window` apart; t is half the matched characters
    // that appear in a different order.
    int window = Math.max(0, Math.max(a.length(), b.length()) / 2 - 1);
    boolean[] takenInB = new boolean[b.length()];
    char[] matchedA = new char[Math.min(a.length(), b.length())];
    int matches = 0;
    for (int i = 0; i < a.length(); i++) {
      for (int j = Math.max(0, i - window), end = Math.min(b.length() - 1, i + window); j <= end; j++) {
        if (!takenInB[j] && a.charAt(i) == b.charAt(j)) {
          takenInB[j] = true;
          matchedA[matches++] = a.charAt(i);
          break;
        }
      }
    }
    if (matches == 0) {
      return 0.0;
    }
    int outOfOrder = 0;
    for (int j = 0, k = 0; j < b.length(); j++) {
      if (takenInB[j] && b.charAt(j) != matchedA[k++]) {
        outOfOrder++;
      }
    }
    double m = matches;
    double jaro = (m / a.length() + m / b.length() + (m - outOfOrder / 2.0) / m) / 3.0;
    // Winkler: boost by the common prefix, up to four characters.
    int prefix = 0;
    while (prefix < WINKLER_PREFIX && prefix < a.length() && prefix < b.length() && a.charAt(prefix) == b.charAt(prefix)) {
      prefix++;
    }
    return jaro + prefix * WINKLER_SCALE * (1.0 - jaro);
  }
}
