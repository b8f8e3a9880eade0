package org.accord.identity;

import java.util.ArrayList;
import java.util.List;
import org.accord.InvalidInputException;
import org.accord.identity.Constraint.Op;

/**
 * Reads a version range as a person types it for one ecosystem, or refuses it with the position and
 * character at fault and the forms the ecosystem accepts. Stateless and thread-safe.
 *
 * <p>Accepted in every ecosystem (ADR 0071):
 *
 * <ul>
 *   <li>a {@code vers:} range of the ecosystem's type, such as {@code vers:maven/>=2.0|<2.3.4};
 *   <li>intervals, {@code [2.0,2.3.4)}, {@code (,1.5]}, {@code [1.2]}, several joined by commas;
 *   <li>comparators, {@code >=2.0 <2.3.4} or {@code >=2.0,<2.3.4}: a space or a comma means "and";
 *       {@code ||} means "or";
 *   <li>{@code *}: every version; a bare version: exactly that version, except where the ecosystem
 *       gives it another meaning (npm: {@code 1.2} is {@code 1.2.x}; Cargo: a caret requirement;
 *       NuGet: a minimum).
 * </ul>
 *
 * <p>Each comparator means what its ecosystem says: npm by node-semver ({@link NpmComparators}: {@code
 * ^ ~ x-ranges}, hyphen ranges), Cargo, Composer ({@code ^ ~ 1.0.*}, hyphen ranges, {@code |}), PyPI
 * ({@code ~= ==2.* !=2.1.* ===}) and RubyGems ({@code ~>}) by {@link NativeRanges}; the others compare
 * with {@code >= > <= < = == !=} (Debian also {@code << >>}) in the ecosystem's version order.
 *
 * <p>How: one left-to-right scan with positions. A comparator is an operator (longest match from the
 * ecosystem's list), optional spaces, and a version made of the ecosystem's version characters; a
 * version typed in comparator form must start with a digit (or {@code v} and a digit, or a wildcard
 * where the ecosystem has them), so a word is never taken for a version by accident. Each comparator
 * becomes a range; the comparators of one alternative are intersected ({@link IntersectionRange}) and
 * the alternatives united ({@link UnionRange}), which is exact where a flat vers constraint list would
 * not be (overlapping alternatives). A range that can contain no version at all ({@code >=3 <2}) is
 * refused too, since its answer would be an empty list that looks like "not exposed".
 */
public final class RangeNotation {
  private static final String COMMON_OPERATORS = ">= > <= < = !=";

  private RangeNotation() {}

  /** How one ecosystem writes comparators. */
  private record Syntax(
      String versionPunctuation,
      List<String> operators,
      boolean wildcards,
      boolean hyphenRanges,
      boolean singleBarOr,
      Meaning meaning,
      List<String> ownForms) {}

  /** Who decides what one comparator means. */
  private enum Meaning {
    /** node-semver, through {@link NpmComparators}. */
    NPM,
    /** {@link NativeRanges} (Cargo, Composer, PyPI, RubyGems). */
    NATIVE,
    /** A plain comparison in the ecosystem's order; a bare version is that version. */
    COMPARE,
    /** As {@link #COMPARE}, but a bare version is a minimum (NuGet). */
    COMPARE_BARE_MINIMUM
  }

  private static final List<String> PLAIN = List.of(">=", "<=", "!=", "==", ">", "<", "=");

  private static Syntax syntax(Ecosystem ecosystem) {
    return switch (ecosystem) {
      case NPM -> new Syntax(".+-", List.of(">=", "<=", "~>", ">", "<", "=", "~", "^"), true, true, false, Meaning.NPM,
          List.of("^1.2.3", "~1.2", "1.2.x or 1.2 (every 1.2 version)", "1.2.0 - 2.3.4"));
      case CARGO -> new Syntax(".+-", List.of(">=", "<=", "~>", ">", "<", "=", "~", "^"), true, false, false, Meaning.NATIVE,
          List.of("^1.2", "~1.2", "=1.2.3", "1.2 (a caret requirement, as Cargo reads it)", "1.*"));
      case COMPOSER -> new Syntax(".+_-", List.of(">=", "<=", "!=", "<>", "==", ">", "<", "=", "~", "^"), true, true, true,
          Meaning.NATIVE, List.of("^1.2", "~1.2", "1.0.*", "1.0 - 2.0", "a single | also means or"));
      case PYPI -> new Syntax(".!+_-", List.of("===", "~=", "==", "!=", "<=", ">=", "<", ">"), true, false, false,
          Meaning.NATIVE, List.of("~=2.2", "==2.*", "!=2.1.*", "===2.0"));
      case GEM -> new Syntax(".-", List.of("~>", ">=", "<=", "!=", ">", "<", "="), false, false, false, Meaning.NATIVE,
          List.of("~> 2.0", "~> 2.0.1"));
      case NUGET -> new Syntax(".+-", PLAIN, false, false, false, Meaning.COMPARE_BARE_MINIMUM,
          List.of("1.0 (a bare version is a minimum, as NuGet reads it)"));
      case GOLANG -> new Syntax(".+-", PLAIN, false, false, false, Meaning.COMPARE, List.of(">=v1.2.0 <v1.3.0"));
      case DEB -> new Syntax(".+~:-", List.of(">=", "<=", ">>", "<<", "!=", "==", ">", "<", "="), false, false, false,
          Meaning.COMPARE, List.of(">> 1.0-1, << 2.0 (Debian's strict comparators)", "1:2.0-1 (an epoch)"));
      case RPM -> new Syntax("._+~^:-", PLAIN, false, false, false, Meaning.COMPARE, List.of());
      case APK -> new Syntax("._+-", PLAIN, false, false, false, Meaning.COMPARE, List.of(">=1.2.3-r0"));
      case MAVEN -> new Syntax("._+-", PLAIN, false, false, false, Meaning.COMPARE, List.of());
      case GENERIC -> new Syntax("._+~:-", PLAIN, false, false, false, Meaning.COMPARE, List.of());
    };
  }

  /**
   * The forms this ecosystem's ranges may take, each with an example, for help texts and for error
   * messages.
   */
  public static List<String> acceptedForms(Ecosystem ecosystem) {
    Syntax syntax = syntax(ecosystem);
    String type = ecosystem.purlType();
    List<String> forms = new ArrayList<>();
    forms.add("vers:" + type + "/>=2.0|<2.3.4");
    forms.add("intervals [2.0,2.3.4) (,1.5] [1.2], several joined by commas");
    forms.add("comparators " + String.join(" ", syntax.operators()) + ": >=2.0 <2.3.4 or >=2.0,<2.3.4 (space or comma = and)");
    forms.add("<1.0 || >=2.0 (|| = or)");
    forms.addAll(syntax.ownForms());
    if (syntax.meaning() == Meaning.COMPARE || ecosystem == Ecosystem.PYPI || ecosystem == Ecosystem.GEM
        || ecosystem == Ecosystem.COMPOSER) {
      forms.add("2.1.0 (exactly that version)");
    }
    forms.add("* (every version)");
    return List.copyOf(forms);
  }

  /** {@link #acceptedForms} as one line. */
  public static String acceptedFormsLine(Ecosystem ecosystem) {
    return "accepted for " + ecosystem.purlType() + ": " + String.join("; ", acceptedForms(ecosystem));
  }

  /**
   * Parses a range typed for {@code ecosystem}.
   *
   * @throws InvalidInputException with location {@code range}, naming the position and character at
   *     fault (or the version the scheme refuses) and listing the accepted forms; also when the range
   *     can contain no version
   */
  public static VersionRange parse(Ecosystem ecosystem, String text) {
    if (text == null || text.isBlank()) {
      throw refuse(ecosystem, text == null ? "" : text, "the range is empty");
    }
    int start = skipSpaces(text, 0);
    VersionRange range;
    if (text.startsWith("vers:", start)) {
      range = vers(ecosystem, text, start);
    } else if (text.charAt(start) == '[' || text.charAt(start) == '(') {
      range = new Scan(ecosystem, text).intervals(start);
    } else {
      range = new Scan(ecosystem, text).alternatives(start);
    }
    if (range.toVers().equals(FixedRange.NONE.toVers()) && !text.strip().equals("vers:none/*")) {
      throw refuse(ecosystem, text,
          "the range can contain no version: its conditions exclude each other (for either of two, join them with ||)");
    }
    return range;
  }

  // ------------------------------------------------------------------------------------------ vers

  private static VersionRange vers(Ecosystem ecosystem, String text, int start) {
    String vers = text.strip();
    for (int i = 0; i < vers.length(); i++) {
      if (Character.isWhitespace(vers.charAt(i))) {
        throw refuse(ecosystem, text, at(text, start + i) + ": a vers range has no spaces");
      }
    }
    int slash = vers.indexOf('/');
    String type = slash < 0 ? "" : vers.substring(5, slash);
    if (!type.equals(ecosystem.scheme().name()) && !type.equals("all") && !type.equals("none")) {
      throw refuse(ecosystem, text, "vers type '" + type + "' at position " + (start + 6)
          + " does not match the package's type '" + ecosystem.scheme().name() + "'");
    }
    try {
      return VersionRange.parseVersLenient(vers);
    } catch (InvalidInputException e) {
      throw refuse(ecosystem, text, badVersVersion(ecosystem.scheme(), text, start + slash + 1) + e.getMessage());
    }
  }

  /** {@code "'c' at position p: "} for the first vers constraint whose version the scheme refuses, else "". */
  private static String badVersVersion(VersionScheme scheme, String text, int from) {
    int constraint = from;
    for (String part : text.strip().substring(from - skipSpaces(text, 0)).split("\\|", -1)) {
      int version = 0;
      while (version < part.length() && "<>=!".indexOf(part.charAt(version)) >= 0) {
        version++;
      }
      try {
        if (!part.equals("*")) {
          scheme.parse(Vers.decode(part.substring(version), ""));
        }
      } catch (InvalidInputException | IndexOutOfBoundsException refused) {
        return at(text, constraint + version) + ": ";
      }
      constraint += part.length() + 1;
    }
    return "";
  }

  // ------------------------------------------------------------------------------------------ errors

  /** {@code 'c' at position p}, 1-based; {@code end of range} past the end. */
  private static String at(String text, int index) {
    if (index >= text.length()) {
      return "end of range at position " + (index + 1);
    }
    char c = text.charAt(index);
    String shown = Character.isWhitespace(c) ? "space" : "'" + c + "'";
    return shown + " at position " + (index + 1);
  }

  private static InvalidInputException refuse(Ecosystem ecosystem, String text, String problem) {
    return new InvalidInputException(
        problem + " in range '" + text + "'; " + acceptedFormsLine(ecosystem), "range");
  }

  private static int skipSpaces(String text, int from) {
    int i = from;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  // ------------------------------------------------------------------------------------------ scanning

  /** One left-to-right scan of a range's text. Not thread-safe; one per parse. */
  private static final class Scan {
    private final Ecosystem ecosystem;
    private final Syntax syntax;
    private final VersionScheme scheme;
    private final String text;
    private int i;

    Scan(Ecosystem ecosystem, String text) {
      this.ecosystem = ecosystem;
      this.syntax = syntax(ecosystem);
      this.scheme = ecosystem.scheme();
      this.text = text;
    }

    private InvalidInputException unexpected(int index, String why) {
      return refuse(ecosystem, text, "unexpected " + at(text, index) + (why.isEmpty() ? "" : ": " + why));
    }

    private boolean end() {
      return i >= text.length();
    }

    private char peek() {
      return text.charAt(i);
    }

    private void spaces() {
      i = skipSpaces(text, i);
    }

    private boolean versionChar(char c, boolean wildcards) {
      return Character.isLetterOrDigit(c) && c < 128
          || syntax.versionPunctuation().indexOf(c) >= 0
          || (wildcards && c == '*');
    }

    /** Reads a run of version characters; empty when none. */
    private String version(boolean wildcards) {
      int start = i;
      while (!end() && versionChar(peek(), wildcards)) {
        i++;
      }
      return text.substring(start, i);
    }

    // ---- comparators

    VersionRange alternatives(int from) {
      i = from;
      List<VersionRange> alternatives = new ArrayList<>();
      while (true) {
        alternatives.add(clause());
        spaces();
        if (end()) {
          return VersionRange.union(alternatives);
        }
        int or = orLength();
        if (or == 0) {
          throw unexpected(i, "");
        }
        int bar = i;
        i += or;
        spaces();
        if (end() || orLength() > 0) {
          throw refuse(ecosystem, text, "nothing follows the '||' at position " + (bar + 1));
        }
      }
    }

    /** 2 for {@code ||}, 1 for a single {@code |} where it means "or", else 0. */
    private int orLength() {
      if (text.startsWith("||", i)) {
        return 2;
      }
      return syntax.singleBarOr() && !end() && peek() == '|' ? 1 : 0;
    }

    /** Comparators joined by spaces or commas, up to {@code ||} or the end. */
    private VersionRange clause() {
      List<AbstractRange> terms = new ArrayList<>();
      spaces();
      if (end() || orLength() > 0) {
        throw unexpected(i, "a comparator is missing here");
      }
      while (true) {
        terms.add(term());
        int before = i;
        spaces();
        if (end() || orLength() > 0) {
          break;
        }
        if (peek() == ',') {
          int comma = i++;
          spaces();
          if (end() || orLength() > 0 || peek() == ',') {
            throw refuse(ecosystem, text, "nothing follows the ',' at position " + (comma + 1));
          }
        } else if (i == before) {
          throw unexpected(i, "comparators are separated by a space or a comma");
        }
      }
      return IntersectionRange.of(scheme, terms);
    }

    /** One comparator: operator, optional spaces, version; or a hyphen range; or {@code *}. */
    private AbstractRange term() {
      int start = i;
      String op = "";
      for (String candidate : syntax.operators()) {
        if (text.startsWith(candidate, i)) {
          op = candidate;
          break;
        }
      }
      i += op.length();
      spaces();
      int versionStart = i;
      if (op.isEmpty() && !end() && peek() == '*' && !syntax.wildcards()) {
        i++;
        if (end() || Character.isWhitespace(peek()) || peek() == ',' || peek() == '|') {
          return ConstraintRange.star(scheme);
        }
        throw unexpected(versionStart, "'*' alone means every version; " + ecosystem.purlType() + " versions have no wildcards");
      }
      String version = version(syntax.wildcards());
      if (version.isEmpty()) {
        if (end()) {
          throw refuse(ecosystem, text,
              (op.isEmpty() ? "a version is missing" : "a version is missing after '" + op + "' at position " + (start + 1))
                  + " at the end");
        }
        throw unexpected(i, op.isEmpty() ? "" : "a version should follow '" + op + "'");
      }
      requireVersionStart(op, version, versionStart);
      if (!end() && peek() == '*') {
        throw unexpected(i, ecosystem.purlType() + " versions have no wildcards");
      }
      int afterVersion = i;
      spaces();
      if (syntax.hyphenRanges() && op.isEmpty() && i > afterVersion && text.startsWith("-", i)
          && i + 1 < text.length() && Character.isWhitespace(text.charAt(i + 1))) {
        int hyphen = i++;
        spaces();
        int toStart = i;
        String to = version(syntax.wildcards());
        if (to.isEmpty()) {
          throw end()
              ? refuse(ecosystem, text, "the range after '-' at position " + (hyphen + 1) + " has no upper end")
              : unexpected(i, "an upper version should follow ' - '");
        }
        requireVersionStart("", to, toStart);
        return meaning(version + " - " + to, "", version, to, start);
      }
      i = afterVersion;
      return meaning(op + version, op, version, null, start);
    }

    /**
     * A version typed in comparator form starts with a digit, {@code v} and a digit, or a wildcard: a
     * word such as {@code latest} or {@code >=2.0} glued to something is not read as a version.
     */
    private void requireVersionStart(String op, String version, int at) {
      char first = version.charAt(0);
      boolean digit = first >= '0' && first <= '9';
      boolean prefixed = (first == 'v' || first == 'V') && version.length() > 1 && Character.isDigit(version.charAt(1));
      boolean wildcard = syntax.wildcards()
          && (first == '*' || ((first == 'x' || first == 'X') && (version.length() == 1 || version.charAt(1) == '.')));
      if (!digit && !prefixed && !wildcard) {
        throw unexpected(at, "a version starts with a digit (write [" + version + "] or vers:"
            + scheme.name() + "/" + version + " for a version that does not)");
      }
      int star = version.indexOf('*');
      boolean prefixMatch = (op.equals("==") || op.equals("!=")) && star == version.length() - 1 && version.endsWith(".*");
      if (ecosystem == Ecosystem.PYPI && star >= 0 && !prefixMatch) {
        throw unexpected(at + star, "PEP 440 allows '*' only as a trailing '.*' after == or !=");
      }
    }

    /** The range one comparator denotes, by the ecosystem's rules. */
    private AbstractRange meaning(String term, String op, String version, String to, int start) {
      try {
        return switch (syntax.meaning()) {
          case NPM -> to != null ? NpmComparators.hyphen(version, to) : NpmComparators.comparator(op, version);
          case NATIVE -> nativeTerm(term, op, version);
          case COMPARE, COMPARE_BARE_MINIMUM -> ConstraintRange.sorted(scheme, List.of(new Constraint(compareOp(op), scheme.parse(version))));
        };
      } catch (InvalidInputException e) {
        throw refuse(ecosystem, text, "'" + term + "' at position " + (start + 1) + ": " + e.getMessage());
      }
    }

    private AbstractRange nativeTerm(String term, String op, String version) {
      if (ecosystem == Ecosystem.PYPI && op.isEmpty()) {
        return (AbstractRange) NativeRanges.parse(scheme.name(), "==" + version); // a bare version is that version
      }
      if (ecosystem == Ecosystem.CARGO && op.equals("~>")) {
        return (AbstractRange) NativeRanges.parse(scheme.name(), "~" + version); // the older semver crates' spelling of ~
      }
      return (AbstractRange) NativeRanges.parse(scheme.name(), term);
    }

    private Op compareOp(String op) {
      return switch (op) {
        case "" -> syntax.meaning() == Meaning.COMPARE_BARE_MINIMUM ? Op.GE : Op.EQ;
        case "=", "==" -> Op.EQ;
        case "!=" -> Op.NE;
        case "<", "<<" -> Op.LT;
        case "<=" -> Op.LE;
        case ">", ">>" -> Op.GT;
        default -> Op.GE;
      };
    }

    // ---- intervals

    /** Intervals such as {@code [1.0,2.0),[3.0,)}: Maven's and NuGet's notation, for every ecosystem. */
    VersionRange intervals(int from) {
      i = from;
      List<VersionRange> sets = new ArrayList<>();
      while (true) {
        sets.add(interval());
        spaces();
        if (end()) {
          return VersionRange.union(sets);
        }
        if (peek() != ',') {
          throw unexpected(i, "intervals are joined by commas");
        }
        i++;
        spaces();
        if (end()) {
          throw refuse(ecosystem, text, "nothing follows the last ',' at position " + i);
        }
      }
    }

    private AbstractRange interval() {
      int open = i;
      if (end() || (peek() != '[' && peek() != '(')) {
        throw end() ? refuse(ecosystem, text, "an interval is missing at the end") : unexpected(i, "an interval starts with '[' or '('");
      }
      boolean lowInclusive = peek() == '[';
      i++;
      spaces();
      int lowAt = i;
      String low = version(false);
      spaces();
      boolean comma = !end() && peek() == ',';
      String high = "";
      int highAt = i;
      if (comma) {
        i++;
        spaces();
        highAt = i;
        high = version(false);
        spaces();
      }
      if (end()) {
        throw refuse(ecosystem, text, "the interval opened at position " + (open + 1) + " is not closed with ']' or ')'");
      }
      if (peek() != ']' && peek() != ')') {
        throw unexpected(i, comma ? "an interval ends with ']' or ')'" : "expected ',' or the interval's end");
      }
      boolean highInclusive = peek() == ']';
      i++;
      List<Constraint> bounds = new ArrayList<>();
      if (!comma) {
        if (low.isEmpty() || !lowInclusive || !highInclusive) {
          throw refuse(ecosystem, text, "the interval at position " + (open + 1) + " is not valid: one version is written [1.2]");
        }
        bounds.add(new Constraint(Op.EQ, parseAt(low, lowAt)));
        return ConstraintRange.sorted(scheme, bounds);
      }
      if (low.isEmpty() && high.isEmpty()) {
        return ConstraintRange.star(scheme);
      }
      Version lower = low.isEmpty() ? null : parseAt(low, lowAt);
      Version upper = high.isEmpty() ? null : parseAt(high, highAt);
      if (lower != null && upper != null) {
        int order = lower.compareTo(upper);
        if (order > 0 || (order == 0 && !(lowInclusive && highInclusive))) {
          throw refuse(ecosystem, text, "the interval at position " + (open + 1) + " is empty: " + low
              + (order > 0 ? " is above " : " equals ") + high);
        }
      }
      if (lower != null) {
        bounds.add(new Constraint(lowInclusive ? Op.GE : Op.GT, lower));
      }
      if (upper != null) {
        bounds.add(new Constraint(highInclusive ? Op.LE : Op.LT, upper));
      }
      return ConstraintRange.sorted(scheme, bounds);
    }

    private Version parseAt(String version, int at) {
      try {
        return scheme.parse(version);
      } catch (InvalidInputException e) {
        throw refuse(ecosystem, text, "version '" + version + "' at position " + (at + 1) + ": " + e.getMessage());
      }
    }
  }
}
