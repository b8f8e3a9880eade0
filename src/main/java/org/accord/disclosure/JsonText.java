package org.accord.disclosure;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.accord.InvalidInputException;

/**
 * A JSON report body as a tree whose every value remembers the line it starts on, so intake errors can
 * name the line and field. Jackson's streaming parser does the reading (strict: duplicate keys refused,
 * nesting bounded by {@link #MAX_DEPTH}); Jackson's own tree keeps no locations, hence this small
 * tree. Stateless and thread-safe.
 */
final class JsonText {
  static final int MAX_DEPTH = 16;

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
      .build();

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
    try (JsonParser parser = FACTORY.createParser(text)) {
      if (parser.nextToken() == null) {
        throw new InvalidInputException("malformed JSON: no value", "line 1");
      }
      Node node = value(parser);
      if (parser.nextToken() != null) {
        throw error(parser, "unexpected content after the JSON value");
      }
      return node;
    } catch (StreamConstraintsException e) {
      throw new InvalidInputException("malformed JSON: nested deeper than " + MAX_DEPTH + " levels",
          "line " + Math.max(1, e.getLocation() == null ? 1 : e.getLocation().getLineNr()));
    } catch (JsonParseException e) {
      String message = e.getOriginalMessage();
      if (message.startsWith("Duplicate field")) {
        message = message.replace("Duplicate field", "the key") + " appears twice";
      }
      throw new InvalidInputException("malformed JSON: " + message, "line " + e.getLocation().getLineNr());
    } catch (IOException e) {
      throw new InvalidInputException("malformed JSON: " + e.getMessage(), "line 1");
    }
  }

  private static Node value(JsonParser parser) throws IOException {
    int line = parser.currentTokenLocation().getLineNr();
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> {
        Map<String, Node> members = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          members.put(name, value(parser));
        }
        return new Node(Collections.unmodifiableMap(members), line);
      }
      case START_ARRAY -> {
        List<Node> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          items.add(value(parser));
        }
        return new Node(Collections.unmodifiableList(items), line);
      }
      case VALUE_STRING -> {
        return new Node(parser.getText(), line);
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return new Node(parser.getDecimalValue(), line);
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new Node(token == JsonToken.VALUE_TRUE, line);
      }
      case VALUE_NULL -> {
        return new Node(NULL, line);
      }
      default -> throw error(parser, "unexpected " + token);
    }
  }

  private static InvalidInputException error(JsonParser parser, String message) {
    return new InvalidInputException("malformed JSON: " + message, "line " + parser.currentLocation().getLineNr());
  }
}
