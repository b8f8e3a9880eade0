package org.accord.sbom;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import org.accord.InvalidInputException;

/** Small helpers over Jackson's streaming {@link JsonParser} shared by the JSON readers. Stateless. */
final class Json {
  private Json() {}

  /**
   * The refusal of a document Jackson could not parse, located by line and column: "{@code what}:
   * Jackson's message", without the "(start marker at [Source: …])" tail of a truncated document; or
   * "not UTF-8 text: …" when that is why.
   */
  static InvalidInputException malformed(String what, com.fasterxml.jackson.core.JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
    message = message.replaceFirst("\\s*\\(start marker at .*\\)\\s*$", "");
    if (message.startsWith("Unexpected end-of-input")) {
      message += " (is the file truncated?)";
    }
    return new InvalidInputException(
        message.startsWith("Invalid UTF-8") ? "not UTF-8 text: " + message : what + ": " + message,
        BomReader.at(e.getLocation()),
        e);
  }

  /** {@code $.components[3] (line 12, column 7)}. */
  static String location(String path, JsonLocation at) {
    if (at == null || at.getLineNr() < 0) {
      return path;
    }
    return path + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
  }

  static InvalidInputException error(String path, JsonLocation at, String message) {
    return new InvalidInputException(message, location(path, at));
  }

  /** The current token as a string: its text, or null for JSON null; anything else is refused. */
  static String text(JsonParser parser, String path) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_STRING) {
      return parser.getText();
    }
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    throw error(path, parser.currentTokenLocation(), "expected a string but found " + describe(token));
  }

  /**
   * As {@link #text(JsonParser, String)} for member {@code field} of the object at {@code path}; the
   * member's path is built only if the value is refused (this runs once per field per component).
   */
  static String text(JsonParser parser, Path path, String field) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_STRING) {
      return parser.getText();
    }
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    throw error(path + "." + field, parser.currentTokenLocation(), "expected a string but found " + describe(token));
  }

  /**
   * A JSON path built lazily: an array element is its array's path and an index, turned into text
   * only when a message or a ref needs it. Readers create one per component, so this avoids a string
   * concatenation per component and field on the hot path.
   */
  static final class Path {
    private final String prefix;
    private final int index;
    private String text;

    /** The element {@code index} of the array at {@code prefix}. */
    Path(String prefix, int index) {
      this.prefix = prefix;
      this.index = index;
    }

    /** A member path such as {@code $.metadata.component}. */
    Path(String text) {
      this.prefix = text;
      this.index = -1;
      this.text = text;
    }

    @Override
    public String toString() {
      if (text == null) {
        text = prefix + "[" + index + "]";
      }
      return text;
    }
  }

  /** Refuses the current token unless it is {@code expected}; JSON null is refused too. */
  static void expect(JsonParser parser, JsonToken expected, String path) {
    JsonToken token = parser.currentToken();
    if (token != expected) {
      throw error(
          path,
          parser.currentTokenLocation(),
          "expected " + describe(expected) + " but found " + describe(token));
    }
  }

  /** Whether the current token opens an array; JSON null counts as absent (false); else refused. */
  static boolean arrayOrNull(JsonParser parser, String path) {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return false;
    }
    expect(parser, JsonToken.START_ARRAY, path);
    return true;
  }

  /** Whether the current token opens an object; JSON null counts as absent (false); else refused. */
  static boolean objectOrNull(JsonParser parser, String path) {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return false;
    }
    expect(parser, JsonToken.START_OBJECT, path);
    return true;
  }

  /**
   * The refusal for a Jackson parser limit: nesting deeper than {@code maxDepth} (the limit a hostile
   * document is most likely to hit), or another {@code StreamReadConstraints} limit, such as a string
   * value longer than Jackson's 20 million characters.
   */
  static InvalidInputException limitExceeded(
      com.fasterxml.jackson.core.exc.StreamConstraintsException e, JsonParser parser, int maxDepth) {
    String where = parser == null ? BomReader.at(e.getLocation()) : BomReader.at(parser.currentLocation());
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (message.contains("nesting depth")) {
      return new InvalidInputException(
          "JSON nested too deep: more than " + maxDepth + " levels of objects and arrays", where);
    }
    return new InvalidInputException("JSON exceeds a parser limit: " + message, where);
  }

  static String describe(JsonToken token) {
    if (token == null) {
      return "the end of the input";
    }
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
    };
  }
}
