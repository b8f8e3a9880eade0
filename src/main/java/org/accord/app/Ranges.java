package org.accord.app;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accord.InvalidInputException;
import org.accord.identity.Ecosystem;
import org.accord.identity.VersionRange;

/**
 * Parses the range a user types: a {@code vers:} specifier, the ecosystem's own notation (npm {@code
 * ^2.0.0}, PyPI {@code >=2.0,<2.3.4}, Maven {@code [2.0,2.3.4)}), or the interval notation people write
 * in issues for any ecosystem, {@code [2.0,2.3.4)}, {@code (,1.5]}, {@code [1.0,2.0),[3.0,)} or {@code
 * [1.2]}, which is rewritten to vers constraints in the package's own scheme.
 */
final class Ranges {
  private static final Pattern INTERVAL = Pattern.compile("\\s*([\\[(])\\s*([^,\\[\\]()]*?)\\s*(?:(,)\\s*([^,\\[\\]()]*?)\\s*)?([\\])])\\s*(,|$)");

  private Ranges() {}

  static VersionRange parse(Ecosystem ecosystem, String text) {
    String scheme = ecosystem.scheme().name();
    if (text.startsWith("vers:")) {
      int slash = text.indexOf('/');
      String named = slash < 0 ? "" : text.substring(5, slash);
      if (!named.equals(scheme) && !named.equals("all") && !named.equals("none")) {
        throw new InvalidInputException(
            "range scheme '" + named + "' does not match the package's scheme '" + scheme + "'", "range");
      }
      return withLocation(() -> VersionRange.parseVersLenient(text));
    }
    try {
      return VersionRange.fromNative(scheme, text);
    } catch (InvalidInputException nativeFailed) {
      if (text.startsWith("[") || text.startsWith("(")) {
        return withLocation(() -> VersionRange.parseVersLenient("vers:" + scheme + "/" + String.join("|", intervals(text))));
      }
      throw new InvalidInputException(
          "unrecognised range '" + text + "' (" + nativeFailed.getMessage() + "): use vers:" + scheme
              + "/>=2.0|<2.3.4, an interval such as [2.0,2.3.4), or the ecosystem's own notation",
          "range");
    }
  }

  private static VersionRange withLocation(java.util.function.Supplier<VersionRange> parse) {
    try {
      return parse.get();
    } catch (InvalidInputException e) {
      throw new InvalidInputException(e.getMessage(), "range", e);
    }
  }

  private static List<String> intervals(String text) {
    List<String> constraints = new ArrayList<>();
    Matcher matcher = INTERVAL.matcher(text);
    int position = 0;
    while (position < text.length()) {
      if (!matcher.find(position) || matcher.start() != position) {
        throw new InvalidInputException("malformed interval at character " + (position + 1) + " of '" + text + "'", "range");
      }
      boolean lowerInclusive = matcher.group(1).equals("[");
      String lower = matcher.group(2);
      boolean comma = matcher.group(3) != null;
      String upper = comma ? matcher.group(4) : null;
      boolean upperInclusive = matcher.group(5).equals("]");
      if (!comma) {
        if (lower.isEmpty() || !lowerInclusive || !upperInclusive) {
          throw new InvalidInputException("an exact version is written [1.2], not '" + matcher.group().strip() + "'", "range");
        }
        constraints.add("=" + lower);
      } else {
        if (lower.isEmpty() && upper.isEmpty()) {
          constraints.add("*");
        }
        if (!lower.isEmpty()) {
          constraints.add((lowerInclusive ? ">=" : ">") + lower);
        }
        if (!upper.isEmpty()) {
          constraints.add((upperInclusive ? "<=" : "<") + upper);
        }
      }
      position = matcher.end();
    }
    return constraints;
  }
}
