package org.accord.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 JSON parser into plain Java values, with the I-JSON restrictions (RFC 7493) that
 * RFC 8785 relies on: no duplicate member names, no lone surrogates. Objects become unmodifiable
 * {@link LinkedHashMap}s, arrays unmodifiable lists, numbers {@link BigDecimal} (exact, so nothing is
 * lost before canonicalization decides), {@code null} Java null.
 *
 * <p>Hand-written because this package imports the JDK only; see ADR 0021. Nesting is limited to
 * {@link #MAX_DEPTH}. Not thread-safe; one instance per document.
 */
final class JsonParser {
  static final int MAX_DEPTH = 64;

  private final String text;
  private int at;
  private int depth;

  private JsonParser(String text) {
    this.text = text;
  }

  /**
   * Parses one JSON document.
   *
   * @throws IllegalArgumentException naming the problem and its character offset
   */
  static Object parse(String text) {
    JsonParser parser = new JsonParser(text);
    parser.skipSpace();
    Object value = parser.value();
    parser.skipSpace();
    if (parser.at != text.length()) {
      throw parser.error("unexpected text after the JSON value");
    }
    return value;
  }

  private Object value() {
    if (at >= text.length()) {
      throw error("unexpected end of input");
    }
    char c = text.charAt(at);
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error("unexpected character '" + c + "'");
    }
  }

  private Map<String, Object> object() {
    enter();
    at++;
    Map<String, Object> members = new LinkedHashMap<>();
    skipSpace();
    if (peek() == '}') {
      at++;
      depth--;
      return Collections.unmodifiableMap(members);
    }
    while (true) {
      skipSpace();
      if (peek() != '"') {
        throw error("expected a member name in quotes");
      }
      int nameAt = at;
      String name = string();
      skipSpace();
      expect(':');
      skipSpace();
      Object value = value();
      if (members.containsKey(name)) {
        at = nameAt;
        throw error("duplicate member name \"" + name + "\"");
      }
      members.put(name, value);
      skipSpace();
      char c = peek();
      at++;
      if (c == '}') {
        break;
      }
      if (c != ',') {
        at--;
        throw error("expected ',' or '}' in an object");
      }
    }
    depth--;
    return Collections.unmodifiableMap(members);
  }

  private List<Object> array() {
    enter();
    at++;
    List<Object> items = new ArrayList<>();
    skipSpace();
    if (peek() == ']') {
      at++;
      depth--;
      return Collections.unmodifiableList(items);
    }
    while (true) {
      skipSpace();
      items.add(value());
      skipSpace();
      char c = peek();
      at++;
      if (c == ']') {
        break;
      }
      if (c != ',') {
        at--;
        throw error("expected ',' or ']' in an array");
      }
    }
    depth--;
    return Collections.unmodifiableList(items);
  }

  private String string() {
    at++;
    StringBuilder out = new StringBuilder();
    while (true) {
      if (at >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(at++);
      if (c == '"') {
        break;
      }
      if (c < 0x20) {
        at--;
        throw error("unescaped control character in a string");
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (at >= text.length()) {
        throw error("unterminated escape");
      }
      char e = text.charAt(at++);
      switch (e) {
        case '"' -> out.append('"');
        case '\\' -> out.append('\\');
        case '/' -> out.append('/');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (at + 4 > text.length()) {
            throw error("truncated \\u escape");
          }
          int code = 0;
          for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(at + i), 16);
            if (digit < 0) {
              throw error("bad \\u escape");
            }
            code = code * 16 + digit;
          }
          at += 4;
          out.append((char) code);
        }
        default -> {
          at--;
          throw error("bad escape '\\" + e + "'");
        }
      }
    }
    String value = out.toString();
    checkSurrogates(value);
    return value;
  }

  private void checkSurrogates(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw error("string contains a lone surrogate U+" + String.format("%04X", (int) c));
      }
    }
  }

  private BigDecimal number() {
    int start = at;
    if (peek() == '-') {
      at++;
    }
    if (peek() == '0') {
      at++;
    } else if (isDigit(peek())) {
      while (isDigit(peek())) {
        at++;
      }
    } else {
      throw error("a number needs digits");
    }
    if (peek() == '.') {
      at++;
      if (!isDigit(peek())) {
        throw error("a fraction needs digits");
      }
      while (isDigit(peek())) {
        at++;
      }
    }
    if (peek() == 'e' || peek() == 'E') {
      at++;
      if (peek() == '+' || peek() == '-') {
        at++;
      }
      if (!isDigit(peek())) {
        throw error("an exponent needs digits");
      }
      while (isDigit(peek())) {
        at++;
      }
    }
    try {
      return new BigDecimal(text.substring(start, at));
    } catch (NumberFormatException | ArithmeticException e) {
      at = start;
      throw error("number out of range");
    }
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, at)) {
      throw error("unexpected word");
    }
    at += word.length();
    return value;
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw error("nested deeper than " + MAX_DEPTH + " levels");
    }
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    at++;
  }

  private char peek() {
    return at < text.length() ? text.charAt(at) : '\0';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private void skipSpace() {
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      at++;
    }
  }

  private IllegalArgumentException error(String message) {
    return new IllegalArgumentException("JSON: " + message + " at character " + at);
  }
}
