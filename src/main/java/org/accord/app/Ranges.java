package org.accord.app;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accord.InvalidInputException;
import org.accord.identity.Ecosystem;
import org.accord.identity.VersionRange;

/**
 * Parses the range a user types: a {@code vers:} specifier, or the interval notation people write in
 * issues and advisories, {@code [2.0,2.3.4)}, {@code (,1.5]}, {@code [1.0,2.0),[3.0,)} or {@code
 * [1.2]}. Interval notation is rewritten to vers constraints in the package's own scheme, so both
 * forms are evaluated by the same code.
 */
final class Ranges {
  private static final Pattern INTERVAL = Pattern.compile("\\s*([\\[(])\\s*([^,\\[\\]()]*?)\\s*(?:(,)\\s*([^,\\[\\]()]*?)\\s*)?([\\])])\\s*(,|$)");

  private Ranges() {}

  static VersionRange parse(Ecosystem ecosystem, String text) {
    if (text.startsWith("vers:")) {
      String scheme = text.substring(5, Math.max(5, text.indexOf('/')));
      if (!scheme.equals(ecosystem.versScheme())) {
        throw new InvalidInputException(
            "range scheme '" + scheme + "' does not match the package's scheme '" + ecosystem.versScheme() + "'", "range");
      }
      return VersionRange.parseVers(text);
    }
    if (text.startsWith("[") || text.startsWith("(")) {
      return VersionRange.parseVers("vers:" + ecosystem.versScheme() + "/" + String.join("|", intervals(text)));
    }
    throw new InvalidInputException(
        "unrecognised range '" + text + "': use vers:" + ecosystem.versScheme() + "/>=2.0|<2.3.4 or [2.0,2.3.4)", "range");
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
