package org.accord.disclosure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.accord.InvalidInputException;

/**
 * A strict, bounded JSON reader (RFC 8259) that remembers the line of every value, so intake errors can
 * name the line and field. The disclosure core is JDK-only (ADR 0103), and a report body is small, so
 * a recursive-descent reader of about a hundred lines serves better than a library here. Refuses
 * duplicate keys, trailing content, and nesting deeper than {@link #MAX_DEPTH}. Stateless and
 * thread-safe; one {@link Scan} per call.
 */
final class JsonText {
  static final int MAX_DEPTH = 16;

  private JsonText() {}

  /**
   * A value and the line it starts on. {@code value} is a {@link String}, {@link BigDecimal}, {@link
   * Boolean}, {@link #NULL}, an unmodifiable {@code List<Node>} or an unmodifiable, ordered {@code
   * Map<String, Node>}.
   */
  record Node(Object value, int line) {}

  /** JSON's {@code null}. */
  static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };

  /** @throws InvalidInputException with location {@code line N} for malformed JSON */
  static Node parse(String text) {
    Scan scan = new Scan(text);
    scan.spaces();
    Node node = scan.value(0);
    scan.spaces();
    if (scan.i < text.length()) {
      throw scan.error("unexpected content after the JSON value");
    }
    return node;
  }

  private static final class Scan {
    private final String text;
    private int i;
    private int line = 1;

    Scan(String text) {
      this.text = text;
    }

    InvalidInputException error(String message) {
      return new InvalidInputException("malformed JSON: " + message, "line " + line);
    }

    void spaces() {
      while (i < text.length()) {
        char c = text.charAt(i);
        if (c == '\n') {
          line++;
        } else if (c != ' ' && c != '\t' && c != '\r') {
          return;
        }
        i++;
      }
    }

    Node value(int depth) {
      if (depth > MAX_DEPTH) {
        throw error("nested deeper than " + MAX_DEPTH + " levels");
      }
      if (i >= text.length()) {
        throw error("a value is missing at the end");
      }
      int at = line;
      char c = text.charAt(i);
      return switch (c) {
        case '{' -> new Node(object(depth), at);
        case '[' -> new Node(array(depth), at);
        case '"' -> new Node(string(), at);
        case 't' -> new Node(literal("true", Boolean.TRUE), at);
        case 'f' -> new Node(literal("false", Boolean.FALSE), at);
        case 'n' -> new Node(literal("null", NULL), at);
        default -> {
          if (c == '-' || (c >= '0' && c <= '9')) {
            yield new Node(number(), at);
          }
          throw error("unexpected '" + c + "'");
        }
      };
    }

    private Object literal(String word, Object value) {
      if (!text.startsWith(word, i)) {
        throw error("unexpected '" + text.charAt(i) + "'");
      }
      i += word.length();
      return value;
    }

    private BigDecimal number() {
      int start = i;
      if (text.charAt(i) == '-') {
        i++;
      }
      while (i < text.length() && "0123456789.eE+-".indexOf(text.charAt(i)) >= 0) {
        i++;
      }
      String literal = text.substring(start, i);
      if (!literal.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
        throw error("invalid number '" + literal + "'");
      }
      return new BigDecimal(literal);
    }

    private String string() {
      StringBuilder out = new StringBuilder();
      i++;
      while (true) {
        if (i >= text.length()) {
          throw error("a string is not closed");
        }
        char c = text.charAt(i++);
        if (c == '"') {
          return out.toString();
        }
        if (c < 0x20) {
          throw error("a control character in a string (write \\n for a line break)");
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        if (i >= text.length()) {
          throw error("a string is not closed");
        }
        char escape = text.charAt(i++);
        switch (escape) {
          case '"', '\\', '/' -> out.append(escape);
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'u' -> {
            if (i + 4 > text.length()) {
              throw error("an incomplete \\u escape");
            }
            try {
              out.append((char) Integer.parseInt(text.substring(i, i + 4), 16));
            } catch (NumberFormatException e) {
              throw error("an invalid \\u escape");
            }
            i += 4;
          }
          default -> throw error("an invalid escape '\\" + escape + "'");
        }
      }
    }

    private List<Node> array(int depth) {
      List<Node> items = new ArrayList<>();
      i++;
      spaces();
      if (i < text.length() && text.charAt(i) == ']') {
        i++;
        return Collections.unmodifiableList(items);
      }
      while (true) {
        spaces();
        items.add(value(depth + 1));
        spaces();
        if (i < text.length() && text.charAt(i) == ',') {
          i++;
        } else if (i < text.length() && text.charAt(i) == ']') {
          i++;
          return Collections.unmodifiableList(items);
        } else {
          throw error("expected ',' or ']' in an array");
        }
      }
    }

    private Map<String, Node> object(int depth) {
      Map<String, Node> members = new LinkedHashMap<>();
      i++;
      spaces();
      if (i < text.length() && text.charAt(i) == '}') {
        i++;
        return Collections.unmodifiableMap(members);
      }
      while (true) {
        spaces();
        if (i >= text.length() || text.charAt(i) != '"') {
          throw error("expected a quoted key in an object");
        }
        String key = string();
        if (members.containsKey(key)) {
          throw error("the key '" + key + "' appears twice");
        }
        spaces();
        if (i >= text.length() || text.charAt(i) != ':') {
          throw error("expected ':' after the key '" + key + "'");
        }
        i++;
        spaces();
        members.put(key, value(depth + 1));
        spaces();
        if (i < text.length() && text.charAt(i) == ',') {
          i++;
        } else if (i < text.length() && text.charAt(i) == '}') {
          i++;
          return Collections.unmodifiableMap(members);
        } else {
          throw error("expected ',' or '}' in an object");
        }
      }
    }
  }
}
