package org.accord.ledger;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The JSON Canonicalization Scheme, RFC 8785: one byte sequence per JSON value, so that a hash of an
 * event means the same thing to everyone who serializes it.
 *
 * <p>Values are plain Java: {@link Map} with {@link String} keys, {@link List} (or any {@link
 * Collection}), {@link String}, {@link Boolean}, {@code null}, and numbers ({@link Integer}, {@link
 * Long}, {@link Short}, {@link Byte}, {@link BigInteger}, {@link Double}, {@link Float}, {@link
 * BigDecimal}). Anything else is refused.
 *
 * <p>Stateless and thread-safe. Methods throw {@link IllegalArgumentException} naming the problem and
 * where it is (a JSON-pointer-like path) for values JSON cannot hold canonically: NaN and infinities,
 * integers beyond ±2^53 (which an IEEE double, and so JCS, cannot represent exactly; put them in a
 * string), lone surrogates, non-string keys.
 *
 * <p>How: members are sorted by their names as UTF-16 code-unit sequences (Java's {@link
 * String#compareTo}) [1 §3.2.3]; strings are written with the minimal escapes of ECMAScript's {@code
 * JSON.stringify} [1 §3.2.2.2]; numbers are written as ECMAScript's {@code Number.prototype.toString}
 * writes the IEEE double nearest to them [1 §3.2.2.3][2 §6.1.6.1.20]: the shortest digit string that
 * reads back as the same double (found by rounding the exact binary value to 1, 2, … 17 significant
 * digits, trying the nearest, floor and ceiling candidates, and taking the closest that round-trips),
 * then plain notation for exponents in [-6, 21) and {@code e+}/{@code e-} notation outside. No
 * whitespace is written. See ADR 0021 for why this is hand-written.
 *
 * <p>[1] RFC 8785, JSON Canonicalization Scheme (JCS).
 * <br>[2] ECMA-262, ECMAScript Language Specification, Number::toString.
 */
public final class CanonicalJson {
  private static final long MAX_SAFE_INTEGER = 1L << 53;
  private static final BigInteger MAX_SAFE = BigInteger.valueOf(MAX_SAFE_INTEGER);

  private CanonicalJson() {}

  /** The canonical UTF-8 bytes of a value. */
  public static byte[] bytes(Object value) {
    return string(value).getBytes(StandardCharsets.UTF_8);
  }

  /** The canonical form of a value, as a string. */
  public static String string(Object value) {
    StringBuilder out = new StringBuilder(256);
    write(value, out, "$");
    return out.toString();
  }

  /**
   * Parses JSON text into plain values (see {@link CanonicalJson}), refusing duplicate member names
   * and lone surrogates.
   *
   * @throws IllegalArgumentException naming the problem and its character offset
   */
  public static Object parse(String json) {
    return JsonParser.parse(Objects.requireNonNull(json, "json"));
  }

  /** Parses JSON text and writes it canonically. */
  public static String canonicalize(String json) {
    return string(parse(json));
  }

  /**
   * A deep, unmodifiable copy of a value after checking that it canonicalizes: maps keep their
   * entries, numbers their type.
   */
  public static Object copy(Object value) {
    string(value);
    return copyOf(value);
  }

  private static Object copyOf(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        copy.put((String) entry.getKey(), copyOf(entry.getValue()));
      }
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof Collection<?> items) {
      List<Object> copy = new ArrayList<>(items.size());
      for (Object item : items) {
        copy.add(copyOf(item));
      }
      return Collections.unmodifiableList(copy);
    }
    return value;
  }

  private static void write(Object value, StringBuilder out, String path) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String text) {
      writeString(text, out, path);
    } else if (value instanceof Boolean flag) {
      out.append(flag ? "true" : "false");
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      long number = ((Number) value).longValue();
      if (number > MAX_SAFE_INTEGER || number < -MAX_SAFE_INTEGER) {
        throw new IllegalArgumentException(
            path + ": integer " + number + " is beyond ±2^53, which JSON numbers cannot hold exactly; use a string");
      }
      out.append(number);
    } else if (value instanceof BigInteger big) {
      if (big.abs().compareTo(MAX_SAFE) > 0) {
        throw new IllegalArgumentException(
            path + ": integer " + big + " is beyond ±2^53, which JSON numbers cannot hold exactly; use a string");
      }
      out.append(big);
    } else if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
      double number = ((Number) value).doubleValue();
      if (Double.isNaN(number) || Double.isInfinite(number)) {
        throw new IllegalArgumentException(path + ": " + value + " has no JSON form");
      }
      out.append(number(number));
    } else if (value instanceof Map<?, ?> map) {
      TreeMap<String, Object> sorted = new TreeMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String key)) {
          throw new IllegalArgumentException(path + ": object key " + entry.getKey() + " is not a string");
        }
        sorted.put(key, entry.getValue());
      }
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, Object> entry : sorted.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        writeString(entry.getKey(), out, path);
        out.append(':');
        write(entry.getValue(), out, path + "." + entry.getKey());
      }
      out.append('}');
    } else if (value instanceof Collection<?> items) {
      out.append('[');
      int i = 0;
      for (Object item : items) {
        if (i > 0) {
          out.append(',');
        }
        write(item, out, path + "[" + i + "]");
        i++;
      }
      out.append(']');
    } else {
      throw new IllegalArgumentException(path + ": a " + value.getClass().getSimpleName() + " is not a JSON value");
    }
  }

  private static void writeString(String text, StringBuilder out, String path) {
    out.append('"');
    int plain = 0;
    while (plain < text.length()) {
      char c = text.charAt(plain);
      if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
        break;
      }
      plain++;
    }
    out.append(text, 0, plain);
    for (int i = plain; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
          } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            throw new IllegalArgumentException(path + ": string contains a lone surrogate U+" + String.format("%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** ECMAScript's Number.prototype.toString for a finite double. */
  static String number(double value) {
    if (value == 0) {
      return "0";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e21 && Math.abs(value) <= MAX_SAFE_INTEGER) {
      return Long.toString((long) value);
    }
    String sign = value < 0 ? "-" : "";
    double magnitude = Math.abs(value);
    BigDecimal shortest = shortest(magnitude);
    String digits = shortest.unscaledValue().toString();
    int k = digits.length();
    int n = k - shortest.scale();
    StringBuilder out = new StringBuilder(sign);
    if (k <= n && n <= 21) {
      out.append(digits).append("0".repeat(n - k));
    } else if (0 < n && n <= 21) {
      out.append(digits, 0, n).append('.').append(digits, n, k);
    } else if (-6 < n && n <= 0) {
      out.append("0.").append("0".repeat(-n)).append(digits);
    } else {
      int exponent = n - 1;
      out.append(digits.charAt(0));
      if (k > 1) {
        out.append('.').append(digits, 1, k);
      }
      out.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
    }
    return out.toString();
  }

  /** The shortest decimal that reads back as {@code value} (positive, finite), closest on ties, trailing zeros stripped. */
  private static BigDecimal shortest(double value) {
    BigDecimal exact = new BigDecimal(value);
    for (int precision = 1; precision <= 17; precision++) {
      BigDecimal best = null;
      for (RoundingMode mode : new RoundingMode[] {RoundingMode.HALF_EVEN, RoundingMode.FLOOR, RoundingMode.CEILING}) {
        BigDecimal candidate = exact.round(new MathContext(precision, mode));
        if (candidate.doubleValue() != value) {
          continue;
        }
        if (best == null) {
          best = candidate;
          continue;
        }
        int closer = candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs());
        if (closer < 0 || (closer == 0 && !candidate.unscaledValue().testBit(0) && best.unscaledValue().testBit(0))) {
          best = candidate;
        }
      }
      if (best != null) {
        return best.stripTrailingZeros();
      }
    }
    throw new IllegalStateException("no 17-digit decimal reads back as " + value);
  }
}
