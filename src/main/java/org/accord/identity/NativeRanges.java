package org.accord.identity;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accord.InvalidInputException;
import org.accord.identity.Constraint.Op;

/**
 * Converts native version range notations to vers constraints, as the vers type definitions and the
 * vers test suite describe [1]. Stateless.
 *
 * <p>Every notation becomes a list of constraints ("or" between alternatives, "and" within one simply
 * list their bounds), stably sorted by version with duplicates kept, which is the form the suite
 * expects. Notations:
 *
 * <ul>
 *   <li>npm (node-semver [2]): {@code ||} alternatives of space-separated comparators; {@code ^} and
 *       {@code ~} ranges, X-ranges ({@code 1.2.x}, {@code 1.x}, {@code *}) and hyphen ranges become
 *       {@code >=low|<high}; an operator before an X-range takes the X-range's bounds ({@code >= 2.2.x}
 *       is {@code >=2.2.0|<2.3.0}) and a partial version without wildcard is padded ({@code <=1.0} is
 *       {@code <=1.0.0}, {@code 2.1} is {@code 2.1.0}), as the vers npm type definition does.
 *   <li>cargo [3]: comma-separated requirements; a bare version is a caret requirement; {@code =},
 *       {@code >}, {@code <=} on partial versions follow Cargo's table.
 *   <li>composer [4]: {@code ||} (or {@code |}) alternatives; {@code ~} allows the last given part to
 *       grow, {@code ^} as npm, {@code 1.0.*} wildcards, hyphen ranges, {@code !=}.
 *   <li>pypi (PEP 440 specifiers): comma-separated, {@code ||} between alternatives; {@code ~=V} is
 *       {@code >=V|<bump(V)}; {@code ==V.*} is {@code >=V.dev0|<bump.dev0}; {@code ===} is equality.
 *   <li>gem: comma-separated requirements; {@code ~>V} is {@code >=V|<V.bump} with Gem::Version#bump.
 *   <li>nuget and maven: interval notation ({@code [1.0,2.0)}, {@code (,1.0]}, {@code [1.0]}); a bare
 *       NuGet version is a minimum, a bare Maven version is itself; Maven joins sets with commas.
 *   <li>conan (Conan 2 [5]): {@code ||} alternatives of space-separated conditions; {@code ~} and
 *       {@code ^} bound above by Conan's {@code upper_bound} (which excludes pre-releases with a trailing
 *       {@code -}); {@code *} is {@code >=0.0.0}; options after a comma are ignored.
 *   <li>nginx (security advisories [6]): {@code 0.7.52-0.8.39} ranges, {@code 1.4.1+} meaning the rest of
 *       a stable (even minor) branch or everything from a mainline (odd minor) version, comma-separated.
 *   <li>openssl: a comma-separated list of versions.
 *   <li>deb, rpm, apk, alpm, golang, generic and the other schemes: comma-separated {@code op version}
 *       terms with {@code = == != < <= > >=} and Debian's {@code << >>}.
 * </ul>
 *
 * <p>[1] https://github.com/package-url/vers-spec (types/*-definition.json, tests) [2]
 * https://github.com/npm/node-semver#ranges [3]
 * https://doc.rust-lang.org/cargo/reference/specifying-dependencies.html [4]
 * https://getcomposer.org/doc/articles/versions.md [5]
 * https://docs.conan.io/2/tutorial/versioning/version_ranges.html [6]
 * https://nginx.org/en/security_advisories.html
 */
final class NativeRanges {
  private static final Pattern OPERATOR_SPACE = Pattern.compile("(>=|<=|>|<|==|=|~>|~|\\^|!=)\\s+");
  private static final Pattern HYPHEN = Pattern.compile("^(\\S+)\\s+-\\s+(\\S+)$");
  private static final Pattern GEM_SEGMENT = Pattern.compile("[0-9]+|[a-zA-Z]+");

  private NativeRanges() {}

  static VersionRange parse(String schemeName, String nativeRange) {
    VersionScheme scheme = VersionScheme.forName(schemeName);
    if (nativeRange == null) {
      throw new InvalidInputException("missing native range");
    }
    String text = nativeRange.strip();
    List<String[]> terms; // each {op, version}; op "*" means every version
    try {
      terms =
          switch (scheme.name()) {
            case "npm" -> npm(text);
            case "cargo" -> cargo(text);
            case "composer" -> composer(text);
            case "pypi" -> pypi(text);
            case "gem" -> gem(text);
            case "nuget" -> intervals(text, false);
            case "maven" -> intervals(text, true);
            case "conan" -> conan(text);
            case "nginx" -> nginx(text);
            case "openssl" -> list(text, false);
            default -> list(text, true);
          };
    } catch (InvalidInputException e) {
      throw new InvalidInputException(e.getMessage(), scheme.name() + " range '" + nativeRange + "'", e);
    }
    if (terms.isEmpty() || terms.stream().anyMatch(t -> t[0].equals("*"))) {
      return ConstraintRange.star(scheme);
    }
    List<Constraint> constraints = new ArrayList<>();
    for (String[] term : terms) {
      Version version;
      try {
        version = scheme.parse(term[1]);
      } catch (InvalidInputException e) {
        throw new InvalidInputException(e.getMessage(), scheme.name() + " range '" + nativeRange + "'", e);
      }
      constraints.add(new Constraint(op(term[0]), version));
    }
    return ConstraintRange.sorted(scheme, constraints);
  }

  private static Op op(String symbol) {
    return switch (symbol) {
      case "", "=", "==", "===" -> Op.EQ;
      case "!=" -> Op.NE;
      case "<", "<<" -> Op.LT;
      case "<=" -> Op.LE;
      case ">", ">>" -> Op.GT;
      case ">=" -> Op.GE;
      default -> throw new InvalidInputException("unknown comparator '" + symbol + "'");
    };
  }

  private static String[] term(String op, String version) {
    return new String[] {op, version};
  }

  // ---------------------------------------------------------------- SemVer-like partial versions

  /**
   * A possibly partial SemVer version: missing parts are null, wildcards are "x". Also used by {@link
   * NpmComparators}.
   */
  record Partial(String major, String minor, String patch, String pre) {
    static Partial parse(String raw) {
      String text = raw;
      while (text.startsWith("=") || text.startsWith("v") || text.startsWith("V")) {
        text = text.substring(1);
      }
      int plus = text.indexOf('+');
      if (plus >= 0) {
        text = text.substring(0, plus);
      }
      String pre = null;
      int dash = text.indexOf('-');
      if (dash >= 0) {
        pre = text.substring(dash + 1);
        text = text.substring(0, dash);
      }
      String[] parts = text.split("\\.", -1);
      if (text.isEmpty() || parts.length > 3) {
        throw new InvalidInputException("'" + raw + "' is not a version");
      }
      String[] normalized = new String[3];
      for (int i = 0; i < parts.length; i++) {
        String part = parts[i];
        if (part.equals("x") || part.equals("X") || part.equals("*")) {
          normalized[i] = "x";
        } else if (Digits.isAllDigits(part)) {
          normalized[i] = part;
        } else {
          throw new InvalidInputException("'" + raw + "' is not a version");
        }
      }
      return new Partial(normalized[0], normalized[1], normalized[2], pre);
    }

    boolean has(String part) {
      return part != null && !part.equals("x");
    }

    /** How many leading parts are given (not missing, not wildcards). */
    int given() {
      if (!has(major)) {
        return 0;
      }
      if (!has(minor)) {
        return 1;
      }
      return has(patch) ? 3 : 2;
    }

    boolean wildcard() {
      return (major != null && major.equals("x")) || (minor != null && minor.equals("x"))
          || (patch != null && patch.equals("x"));
    }

    String number(String part) {
      return has(part) ? Digits.strip(part).isEmpty() ? "0" : Digits.strip(part) : "0";
    }

    /** The lowest version matching: missing and wildcard parts as 0, pre-release kept when complete. */
    String low() {
      String version = number(major) + "." + number(minor) + "." + number(patch);
      return given() == 3 && pre != null ? version + "-" + pre : version;
    }

    /** The version with part {@code index} (0 major, 1 minor, 2 patch) incremented and later parts 0. */
    String bump(int index) {
      String[] numbers = {number(major), number(minor), number(patch)};
      numbers[index] = increment(numbers[index]);
      for (int i = index + 1; i < 3; i++) {
        numbers[i] = "0";
      }
      return numbers[0] + "." + numbers[1] + "." + numbers[2];
    }

    /** The exclusive upper bound of the X-range this partial denotes (null: unbounded). */
    String xUpper() {
      int given = given();
      return given == 0 ? null : bump(given - 1);
    }
  }

  private static String increment(String digits) {
    return new BigInteger(digits.isEmpty() ? "0" : digits).add(BigInteger.ONE).toString();
  }

  private static List<String> split(String text, String separatorRegex) {
    List<String> parts = new ArrayList<>();
    for (String part : text.split(separatorRegex, -1)) {
      parts.add(part.strip());
    }
    return parts;
  }

  // ---------------------------------------------------------------- npm

  private static List<String[]> npm(String text) {
    List<String[]> terms = new ArrayList<>();
    for (String clause : split(text, "\\|\\|")) {
      if (clause.isEmpty() || clause.equals("*") || clause.equalsIgnoreCase("x")) {
        terms.add(term("*", ""));
        continue;
      }
      Matcher hyphen = HYPHEN.matcher(clause);
      if (hyphen.matches()) {
        Partial low = Partial.parse(hyphen.group(1));
        Partial high = Partial.parse(hyphen.group(2));
        terms.add(term(">=", low.low()));
        if (high.given() == 3) {
          terms.add(term("<=", high.low()));
        } else if (high.given() > 0) {
          terms.add(term("<", high.xUpper()));
        }
        continue;
      }
      for (String comparator : OPERATOR_SPACE.matcher(clause).replaceAll("$1").split("\\s+")) {
        npmComparator(comparator, terms);
      }
    }
    return terms;
  }

  private static void npmComparator(String comparator, List<String[]> terms) {
    String op = leadingOperator(comparator, ">=", "<=", ">", "<", "=", "~>", "~", "^");
    Partial version = Partial.parse(comparator.substring(op.length()));
    switch (op) {
      case "^" -> caret(version, terms);
      case "~", "~>" -> {
        terms.add(term(">=", version.low()));
        if (version.given() > 0) {
          terms.add(term("<", version.bump(version.given() >= 2 ? 1 : 0)));
        }
      }
      default -> {
        if (version.given() == 0) {
          terms.add(term("*", ""));
        } else if (version.wildcard()) {
          terms.add(term(">=", version.low()));
          terms.add(term("<", version.xUpper()));
        } else {
          terms.add(term(op.equals("=") ? "" : op, version.low()));
        }
      }
    }
  }

  /** node-semver and Cargo caret: the leftmost non-zero given part may not change. */
  private static void caret(Partial version, List<String[]> terms) {
    terms.add(term(">=", version.low()));
    int given = version.given();
    if (given == 0) {
      terms.remove(terms.size() - 1);
      terms.add(term("*", ""));
      return;
    }
    String major = version.number(version.major());
    String minor = version.number(version.minor());
    int index;
    if (!major.equals("0") || given == 1) {
      index = 0;
    } else if (!minor.equals("0") || given == 2) {
      index = 1;
    } else {
      index = 2;
    }
    terms.add(term("<", version.bump(index)));
  }

  private static String leadingOperator(String text, String... operators) {
    for (String op : operators) {
      if (text.startsWith(op)) {
        return op;
      }
    }
    return "";
  }

  // ---------------------------------------------------------------- cargo

  private static List<String[]> cargo(String text) {
    List<String[]> terms = new ArrayList<>();
    for (String requirement : split(text, ",")) {
      if (requirement.isEmpty() || requirement.equals("*")) {
        terms.add(term("*", ""));
        continue;
      }
      String op = leadingOperator(requirement, ">=", "<=", ">", "<", "=", "~", "^");
      Partial version = Partial.parse(requirement.substring(op.length()).strip());
      int given = version.given();
      if (given == 0) {
        terms.add(term("*", ""));
        continue;
      }
      switch (op) {
        case "", "^" -> caret(version, terms);
        case "~" -> {
          terms.add(term(">=", version.low()));
          terms.add(term("<", version.bump(given >= 2 ? 1 : 0)));
        }
        case "=" -> {
          if (given == 3) {
            terms.add(term("", version.low()));
          } else {
            terms.add(term(">=", version.low()));
            terms.add(term("<", version.xUpper()));
          }
        }
        case ">" -> terms.add(given == 3 ? term(">", version.low()) : term(">=", version.xUpper()));
        case "<=" -> terms.add(given == 3 ? term("<=", version.low()) : term("<", version.xUpper()));
        default -> terms.add(term(op, version.low())); // >= and < pad with zeros
      }
    }
    return terms;
  }

  // ---------------------------------------------------------------- composer

  private static List<String[]> composer(String text) {
    List<String[]> terms = new ArrayList<>();
    for (String clause : split(text, "\\|\\|?")) {
      Matcher hyphen = HYPHEN.matcher(clause);
      if (hyphen.matches()) {
        terms.add(term(">=", stripV(hyphen.group(1))));
        String high = stripV(hyphen.group(2));
        String[] parts = high.split("\\.");
        if (parts.length >= 3 || !Digits.isAllDigits(parts[parts.length - 1])) {
          terms.add(term("<=", high));
        } else {
          terms.add(term("<", bumpDotted(parts, parts.length - 1)));
        }
        continue;
      }
      for (String constraint :
          OPERATOR_SPACE.matcher(clause).replaceAll("$1").split("\\s*,\\s*|\\s+")) {
        if (constraint.isEmpty() || constraint.equals("*")) {
          terms.add(term("*", ""));
          continue;
        }
        String op = leadingOperator(constraint, ">=", "<=", "!=", "<>", ">", "<", "==", "=", "~", "^");
        String version = stripV(constraint.substring(op.length()));
        String[] parts = version.split("-", 2)[0].split("\\.");
        switch (op) {
          case "~" -> {
            terms.add(term(">=", version));
            terms.add(term("<", bumpDotted(parts, parts.length > 1 ? parts.length - 2 : 0)));
          }
          case "^" -> {
            int index = 0;
            while (index < parts.length - 1 && Digits.strip(parts[index]).isEmpty()) {
              index++;
            }
            terms.add(term(">=", version));
            terms.add(term("<", bumpDotted(parts, index)));
          }
          default -> {
            int star = indexOfWildcard(parts);
            if (star >= 0) {
              if (star == 0) {
                terms.add(term("*", ""));
              } else {
                String[] prefix = Arrays.copyOf(parts, star);
                terms.add(term(">=", String.join(".", prefix)));
                terms.add(term("<", bumpDotted(prefix, star - 1)));
              }
            } else {
              terms.add(term(op.equals("<>") ? "!=" : op, version));
            }
          }
        }
      }
    }
    return terms;
  }

  private static int indexOfWildcard(String[] parts) {
    for (int i = 0; i < parts.length; i++) {
      if (parts[i].equals("*") || parts[i].equalsIgnoreCase("x")) {
        return i;
      }
    }
    return -1;
  }

  private static String stripV(String version) {
    return version.startsWith("v") || version.startsWith("V") ? version.substring(1) : version;
  }

  /** Dotted numbers with part {@code index} incremented and the parts after it dropped. */
  private static String bumpDotted(String[] parts, int index) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i <= index; i++) {
      if (!Digits.isAllDigits(parts[i])) {
        throw new InvalidInputException("cannot bump non-numeric part '" + parts[i] + "'");
      }
      if (i > 0) {
        out.append('.');
      }
      String number = Digits.strip(parts[i]);
      out.append(i == index ? increment(number) : number.isEmpty() ? "0" : number);
    }
    return out.toString();
  }

  // ---------------------------------------------------------------- pypi

  private static List<String[]> pypi(String text) {
    List<String[]> terms = new ArrayList<>();
    for (String alternative : split(text, "\\|\\|")) {
      for (String specifier : split(alternative, ",")) {
        if (specifier.isEmpty()) {
          continue;
        }
        String op = leadingOperator(specifier, "===", "~=", "==", "!=", "<=", ">=", "<", ">");
        String version = specifier.substring(op.length()).strip();
        if (op.isEmpty()) {
          throw new InvalidInputException("'" + specifier + "' has no PEP 440 comparison operator");
        }
        if (version.endsWith(".*") && (op.equals("==") || op.equals("!="))) {
          String[] parts = version.substring(0, version.length() - 2).split("\\.");
          String low = String.join(".", parts) + ".dev0";
          String high = bumpDotted(parts, parts.length - 1) + ".dev0";
          if (op.equals("==")) {
            terms.add(term(">=", low));
            terms.add(term("<", high));
          } else {
            terms.add(term("<", low));
            terms.add(term(">=", high));
          }
        } else if (op.equals("~=")) {
          String release = version.split("[^0-9.]", 2)[0];
          String[] parts = release.split("\\.");
          if (parts.length < 2) {
            throw new InvalidInputException("'~=' needs a version with at least two release parts");
          }
          terms.add(term(">=", version));
          terms.add(term("<", bumpDotted(parts, parts.length - 2)));
        } else {
          terms.add(term(op, version));
        }
      }
    }
    return terms;
  }

  // ---------------------------------------------------------------- gem

  private static List<String[]> gem(String text) {
    List<String[]> terms = new ArrayList<>();
    for (String requirement : split(text, ",")) {
      if (requirement.isEmpty()) {
        continue;
      }
      String op = leadingOperator(requirement, "~>", ">=", "<=", "!=", ">", "<", "=");
      String version = requirement.substring(op.length()).strip();
      if (op.equals("~>")) {
        terms.add(term(">=", version));
        terms.add(term("<", gemBump(version)));
      } else {
        terms.add(term(op, version));
      }
    }
    return terms;
  }

  /** Gem::Version#bump: drop string segments, drop the last segment if several, increment the last. */
  private static String gemBump(String version) {
    List<String> segments = new ArrayList<>();
    for (String part : version.replace("-", ".pre.").split("\\.")) {
      Matcher m = GEM_SEGMENT.matcher(part);
      while (m.find()) {
        segments.add(m.group());
      }
    }
    while (segments.stream().anyMatch(s -> !Digits.isAllDigits(s))) {
      segments.remove(segments.size() - 1);
    }
    if (segments.size() > 1) {
      segments.remove(segments.size() - 1);
    }
    if (segments.isEmpty()) {
      throw new InvalidInputException("cannot bump '" + version + "'");
    }
    int last = segments.size() - 1;
    segments.set(last, increment(Digits.strip(segments.get(last))));
    List<String> numbers = new ArrayList<>();
    for (String segment : segments) {
      String stripped = Digits.strip(segment);
      numbers.add(stripped.isEmpty() ? "0" : stripped);
    }
    return String.join(".", numbers);
  }

  // ---------------------------------------------------------------- nuget and maven intervals

  private static List<String[]> intervals(String text, boolean maven) {
    List<String[]> terms = new ArrayList<>();
    String rest = text.replaceAll("\\s+", "");
    if (rest.isEmpty()) {
      return terms;
    }
    if (rest.charAt(0) != '[' && rest.charAt(0) != '(') {
      if (rest.contains(",")) {
        throw new InvalidInputException("a version set must be in brackets");
      }
      terms.add(term(maven ? "" : ">=", rest));
      return terms;
    }
    int i = 0;
    while (i < rest.length()) {
      char open = rest.charAt(i);
      if (open == ',' && maven) {
        i++;
        continue;
      }
      if (open != '[' && open != '(') {
        throw new InvalidInputException("expected '[' or '(' at position " + (i + 1));
      }
      int close = i + 1;
      while (close < rest.length() && rest.charAt(close) != ']' && rest.charAt(close) != ')') {
        close++;
      }
      if (close >= rest.length()) {
        throw new InvalidInputException("missing ']' or ')'");
      }
      String body = rest.substring(i + 1, close);
      boolean inclusiveLow = open == '[';
      boolean inclusiveHigh = rest.charAt(close) == ']';
      int comma = body.indexOf(',');
      if (comma < 0) {
        if (!inclusiveLow || !inclusiveHigh || body.isEmpty()) {
          throw new InvalidInputException("a single version must be written [version]");
        }
        terms.add(term("", body));
      } else {
        String low = body.substring(0, comma);
        String high = body.substring(comma + 1);
        if (low.isEmpty() && high.isEmpty()) {
          terms.add(term("*", ""));
        }
        if (!low.isEmpty()) {
          terms.add(term(inclusiveLow ? ">=" : ">", low));
        }
        if (!high.isEmpty()) {
          terms.add(term(inclusiveHigh ? "<=" : "<", high));
        }
      }
      i = close + 1;
      if (!maven && i < rest.length()) {
        throw new InvalidInputException("a NuGet range has one interval");
      }
    }
    return terms;
  }

  // ---------------------------------------------------------------- conan

  private static List<String[]> conan(String text) {
    List<String[]> terms = new ArrayList<>();
    String expression = text;
    int comma = expression.indexOf(',');
    if (comma >= 0) {
      expression = expression.substring(0, comma); // options such as include_prerelease
    }
    for (String alternative : split(expression, "\\|\\|")) {
      for (String condition : alternative.split("\\s+")) {
        conanCondition(condition.strip(), terms);
      }
    }
    return terms;
  }

  private static void conanCondition(String condition, List<String[]> terms) {
    if (condition.isEmpty() || condition.equals("*") || condition.equals("*-")) {
      terms.add(term(">=", "0.0.0"));
      return;
    }
    String op = leadingOperator(condition, ">=", "<=", ">", "<", "=", "~", "^");
    String version = condition.substring(op.length());
    if (version.isEmpty()) {
      throw new InvalidInputException("empty version in condition '" + condition + "'");
    }
    switch (op) {
      case "~", "^" -> {
        String lower = dropEmptyPre(version);
        String main = version.split("[-+]", 2)[0];
        String[] items = main.split("\\.");
        int index;
        if (op.equals("~")) {
          index = items.length > 1 ? 1 : 0;
        } else {
          index = items.length;
          for (int i = 0; i < items.length; i++) {
            if (!Digits.isAllDigits(items[i]) || !Digits.strip(items[i]).isEmpty()) {
              index = i;
              break;
            }
          }
          index = Math.min(index, items.length - 1);
        }
        terms.add(term(">=", lower));
        terms.add(term("<", bumpDotted(items, index) + "-"));
      }
      case "", "=" -> terms.add(term("", version));
      default -> terms.add(term(op, op.startsWith(">") ? dropEmptyPre(version) : version));
    }
  }

  /** Conan writes {@code 1-} for "1 and its pre-releases"; a lower bound means the same without it. */
  private static String dropEmptyPre(String version) {
    return version.endsWith("-") ? version.substring(0, version.length() - 1) : version;
  }

  // ---------------------------------------------------------------- nginx

  private static List<String[]> nginx(String text) {
    List<String[]> terms = new ArrayList<>();
    for (String part : split(text, ",")) {
      if (part.isEmpty()) {
        continue;
      }
      if (part.endsWith("+")) {
        String version = part.substring(0, part.length() - 1).strip();
        String[] numbers = version.split("\\.");
        terms.add(term(">=", version));
        if (numbers.length >= 2 && Digits.isAllDigits(numbers[1])) {
          int minor = Integer.parseInt(Digits.strip(numbers[1]).isEmpty() ? "0" : Digits.strip(numbers[1]));
          if (minor % 2 == 0) {
            // A stable branch ends where the next minor starts.
            terms.add(term("<", numbers[0] + "." + (minor + 1) + ".0"));
          }
        }
      } else if (part.contains("-")) {
        String[] bounds = part.split("-", 2);
        terms.add(term(">=", bounds[0].strip()));
        terms.add(term("<=", bounds[1].strip()));
      } else {
        terms.add(term("", part));
      }
    }
    return terms;
  }

  // ---------------------------------------------------------------- operator lists

  /** Comma-separated {@code op version} terms; without operators, a list of versions. */
  private static List<String[]> list(String text, boolean operators) {
    List<String[]> terms = new ArrayList<>();
    for (String part : split(text.replace("(", "").replace(")", ""), ",")) {
      if (part.isEmpty()) {
        continue;
      }
      if (part.equals("*")) {
        terms.add(term("*", ""));
        continue;
      }
      String op = operators ? leadingOperator(part, ">=", "<=", "<<", ">>", "==", "!=", ">", "<", "=") : "";
      String version = part.substring(op.length()).strip();
      if (version.isEmpty() || version.contains(" ")) {
        throw new InvalidInputException("'" + part + "' is not a comparator followed by one version");
      }
      terms.add(term(op, version));
    }
    return terms;
  }
}
