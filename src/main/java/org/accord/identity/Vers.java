package org.accord.identity;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.accord.InvalidInputException;
import org.accord.identity.Constraint.Op;

/**
 * Parsing, validation and percent-encoding of {@code vers:} strings, following the vers specification
 * (clause 5, "VERS specification", and "How to parse and validate VERS") [1]. Stateless.
 *
 * <p>Parsing goes left to right: refuse any ASCII whitespace; split once on {@code :} (the scheme must
 * be {@code vers}) and once on {@code /} (the type: lower-case letters, digits, {@code .} and {@code -},
 * starting with a letter; {@code invalid} is always refused); take {@code *} alone as "every version";
 * refuse leading, trailing and doubled {@code |}; read each constraint's comparator ({@code >=, <=, !=,
 * <, >}, or none for equality; a leading {@code =} is refused); percent-decode the version exactly once,
 * refusing malformed triplets and any encoding that differs from the canonical one (only {@code
 * > < = ! * | %}, space and non-ASCII bytes encoded, hex in upper case).
 *
 * <p>Validation (strict mode) then parses each version with the type's scheme and requires the
 * constraints to be sorted by version, each version to occur once, and the comparators to follow the
 * rules of clause 5.4: ignoring {@code !=}, an equality is followed only by an equality, {@code >} or
 * {@code >=}; ignoring {@code !=} and equalities, lower and upper bounds alternate. Lenient mode sorts
 * instead and skips these rules.
 *
 * <p>[1] https://github.com/package-url/vers-spec
 */
final class Vers {
  private static final String CANONICAL_ENCODED = "><=!*|% ";
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private Vers() {}

  /** The syntax-level result: the type and each constraint's comparator and decoded version. */
  record Components(String type, boolean star, List<String> comparators, List<String> versions) {}

  static VersionRange parse(String vers, boolean strict) {
    Components components = components(vers);
    String where = "vers '" + vers + "'";
    switch (components.type()) {
      case "all", "none" -> {
        if (!components.star()) {
          throw new InvalidInputException("'vers:" + components.type() + "' takes only '*'", where);
        }
        return components.type().equals("all") ? FixedRange.ALL : FixedRange.NONE;
      }
      case "example", "test" -> throw new InvalidInputException(
          "reserved vers type '" + components.type() + "' defines no version order", where);
      default -> {}
    }
    VersionScheme scheme;
    try {
      scheme = VersionScheme.forName(components.type());
    } catch (InvalidInputException e) {
      throw new InvalidInputException("unsupported vers type '" + components.type() + "'", where, e);
    }
    if (components.star()) {
      return ConstraintRange.star(scheme);
    }
    List<Constraint> constraints = new ArrayList<>();
    for (int i = 0; i < components.versions().size(); i++) {
      String text = components.versions().get(i);
      Version version;
      try {
        version = scheme.parse(text);
      } catch (InvalidInputException e) {
        throw new InvalidInputException(e.getMessage(), where, e);
      }
      constraints.add(new Constraint(op(components.comparators().get(i)), version));
    }
    if (!strict) {
      return ConstraintRange.sorted(scheme, constraints);
    }
    validate(constraints, where);
    return new ConstraintRange(scheme, false, constraints);
  }

  /** Clause 5.4: sorted, unique versions, valid comparator sequence. */
  private static void validate(List<Constraint> constraints, String where) {
    for (int i = 1; i < constraints.size(); i++) {
      int c = constraints.get(i - 1).version().compareTo(constraints.get(i).version());
      if (c > 0) {
        throw new InvalidInputException("non-canonical VERS: constraints are not sorted by version", where);
      }
      if (c == 0) {
        throw new InvalidInputException(
            "non-canonical VERS: version '" + constraints.get(i).version() + "' occurs more than once", where);
      }
    }
    Op previous = null;
    for (Constraint constraint : constraints) {
      Op op = constraint.op();
      if (op == Op.NE) {
        continue;
      }
      if (previous == Op.EQ && op != Op.EQ && !op.isLower()) {
        throw new InvalidInputException(
            "invalid VERS: an equality may be followed only by an equality, '>' or '>=', not '"
                + op.symbol() + constraint.version() + "'",
            where);
      }
      previous = op;
    }
    Op bound = null;
    for (Constraint constraint : constraints) {
      Op op = constraint.op();
      if (op == Op.NE || op == Op.EQ) {
        continue;
      }
      if (bound != null && bound.isLower() == op.isLower()) {
        throw new InvalidInputException(
            "invalid VERS: '" + bound.symbol() + "' and '" + op.symbol() + constraint.version()
                + "' must alternate lower and upper bounds",
            where);
      }
      bound = op;
    }
  }

  private static Op op(String symbol) {
    return switch (symbol) {
      case "" -> Op.EQ;
      case "!=" -> Op.NE;
      case "<" -> Op.LT;
      case "<=" -> Op.LE;
      case ">" -> Op.GT;
      default -> Op.GE;
    };
  }

  /**
   * Splits and decodes a vers string, with every syntax check but none that needs the version order.
   *
   * @throws InvalidInputException on a syntax error
   */
  static Components components(String vers) {
    if (vers == null) {
      throw new InvalidInputException("missing vers range");
    }
    String where = "vers '" + vers + "'";
    for (int i = 0; i < vers.length(); i++) {
      char c = vers.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B) {
        throw new InvalidInputException("non-canonical VERS: whitespace is not permitted", where);
      }
    }
    int colon = vers.indexOf(':');
    if (colon < 0 || !vers.substring(0, colon).equals("vers")) {
      throw new InvalidInputException("a vers range starts with 'vers:'", where);
    }
    int slash = vers.indexOf('/', colon + 1);
    if (slash < 0) {
      throw new InvalidInputException("missing '/' after the vers type", where);
    }
    String type = vers.substring(colon + 1, slash);
    if (!validType(type)) {
      throw new InvalidInputException(
          "invalid vers type '" + type + "' (lower-case letters, digits, '.' and '-', starting with a letter)",
          where);
    }
    if (type.equals("invalid")) {
      throw new InvalidInputException("the vers type 'invalid' is always invalid", where);
    }
    String constraints = vers.substring(slash + 1);
    if (constraints.isEmpty()) {
      throw new InvalidInputException("a vers range needs at least one constraint", where);
    }
    if (constraints.equals("*")) {
      return new Components(type, true, List.of(), List.of());
    }
    if (constraints.startsWith("|")) {
      throw new InvalidInputException("non-canonical VERS: leading pipe is not permitted", where);
    }
    if (constraints.endsWith("|")) {
      throw new InvalidInputException("non-canonical VERS: trailing pipe is not permitted", where);
    }
    List<String> comparators = new ArrayList<>();
    List<String> versions = new ArrayList<>();
    for (String constraint : constraints.split("\\|", -1)) {
      if (constraint.isEmpty()) {
        throw new InvalidInputException("non-canonical VERS: consecutive pipes are not permitted", where);
      }
      String comparator;
      if (constraint.startsWith(">=") || constraint.startsWith("<=") || constraint.startsWith("!=")) {
        comparator = constraint.substring(0, 2);
      } else if (constraint.startsWith("<") || constraint.startsWith(">")) {
        comparator = constraint.substring(0, 1);
      } else if (constraint.startsWith("=")) {
        throw new InvalidInputException(
            "invalid VERS: '" + constraint + "': equality is implicit, write the version without '='", where);
      } else {
        comparator = "";
      }
      String encoded = constraint.substring(comparator.length());
      if (encoded.isEmpty()) {
        throw new InvalidInputException("invalid VERS: empty version in '" + constraint + "'", where);
      }
      if (encoded.equals("*") || (constraint.equals("*"))) {
        throw new InvalidInputException("invalid VERS: '*' must be the only constraint", where);
      }
      String version = decode(encoded, where);
      if (!encode(version).equals(encoded)) {
        if (type.equals("datetime") && encoded.contains("%3")) {
          throw new InvalidInputException("non-canonical VERS: datetime time colons must be unencoded", where);
        }
        throw new InvalidInputException("non-canonical VERS: percent-encoding in version is not canonical", where);
      }
      if (type.equals("datetime") && (version.indexOf('t') >= 0 || version.indexOf('z') >= 0)) {
        throw new InvalidInputException("non-canonical VERS: datetime must use uppercase T and Z", where);
      }
      comparators.add(comparator);
      versions.add(version);
    }
    return new Components(type, false, comparators, versions);
  }

  private static boolean validType(String type) {
    if (type.isEmpty() || !(type.charAt(0) >= 'a' && type.charAt(0) <= 'z')) {
      return false;
    }
    for (int i = 0; i < type.length(); i++) {
      char c = type.charAt(i);
      if (!(c >= 'a' && c <= 'z') && !Digits.isDigit(c) && c != '.' && c != '-') {
        return false;
      }
    }
    return true;
  }

  /** Decodes each {@code %XX} triplet once, as UTF-8; refuses a malformed triplet. */
  static String decode(String encoded, String where) {
    if (encoded.indexOf('%') < 0) {
      return encoded;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%') {
        if (i + 2 >= encoded.length() || hex(encoded.charAt(i + 1)) < 0 || hex(encoded.charAt(i + 2)) < 0) {
          throw new InvalidInputException("non-canonical VERS: invalid percent-encoding in version", where);
        }
        bytes.write(hex(encoded.charAt(i + 1)) * 16 + hex(encoded.charAt(i + 2)));
        i += 2;
      } else {
        byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(utf8, 0, utf8.length);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return -1;
  }

  /** The canonical encoding of a version: {@code > < = ! * | %}, space, controls and non-ASCII encoded. */
  static String encode(String version) {
    StringBuilder out = null;
    for (int i = 0; i < version.length(); i++) {
      char c = version.charAt(i);
      boolean plain = c > 0x20 && c < 0x7F && CANONICAL_ENCODED.indexOf(c) < 0;
      if (plain) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      if (out == null) {
        out = new StringBuilder(version.length() + 8).append(version, 0, i);
      }
      int end = i + 1;
      if (Character.isHighSurrogate(c) && end < version.length()) {
        end++;
      }
      for (byte b : version.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
        out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
      }
      i = end - 1;
    }
    return out == null ? version : out.toString();
  }
}
