package org.accord.advisory;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.accord.InvalidInputException;

/**
 * Reading one JSON document, and typed access to its members for the advisory readers, refusing a
 * wrong type with the member's JSONPath as the location. Stateless.
 */
final class JsonFields {
  private JsonFields() {}

  /** Opens a parser over the input, for {@link #readDocument}, which closes it. */
  interface ParserSource {
    JsonParser open() throws IOException;
  }

  /**
   * Reads exactly one JSON value with {@code mapper} (whose limits apply) from the parser {@code
   * source} opens, and closes it.
   *
   * @throws InvalidInputException for empty input, malformed JSON or content after the value, located
   *     by line and column
   * @throws UncheckedIOException when reading fails
   */
  static JsonNode readDocument(ObjectMapper mapper, ParserSource source) {
    try (JsonParser parser = source.open()) {
      JsonNode node = mapper.readTree(parser);
      if (node == null || node.isMissingNode()) {
        throw new InvalidInputException("empty document: expected a JSON object", "line 1, column 1");
      }
      if (parser.nextToken() != null) {
        throw new InvalidInputException(
            "malformed JSON: more content after the document", where(parser.currentTokenLocation()));
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new InvalidInputException("malformed JSON: " + problem(e), where(e.getLocation()), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Jackson's message for a person: without the "(start marker at [Source: …])" tail of a truncated
   * document, which names a source Accord never shows.
   */
  private static String problem(JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
    message = message.replaceFirst("\\s*\\(start marker at .*\\)\\s*$", "");
    return message.startsWith("Unexpected end-of-input") ? message + " (is the file truncated?)" : message;
  }

  private static String where(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return "line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  /** A required non-blank string member. */
  static String requiredText(JsonNode object, String field, String path) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      throw new InvalidInputException("missing required field '" + field + "'", path);
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new InvalidInputException("'" + field + "' must be a non-empty string", path + "." + field);
    }
    return value.asText().strip();
  }

  /** An optional string member; empty when absent or null. */
  static String text(JsonNode object, String field, String path) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      return "";
    }
    if (!value.isTextual()) {
      throw new InvalidInputException("'" + field + "' must be a string", path + "." + field);
    }
    return value.asText();
  }

  /** An optional array member; empty when absent or null. */
  static List<JsonNode> array(JsonNode object, String field, String path) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw new InvalidInputException("'" + field + "' must be an array", path + "." + field);
    }
    List<JsonNode> items = new ArrayList<>(value.size());
    value.forEach(items::add);
    return items;
  }

  /** An optional object member; null when absent or JSON null. */
  static JsonNode object(JsonNode object, String field, String path) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isObject()) {
      throw new InvalidInputException("'" + field + "' must be an object", path + "." + field);
    }
    return value;
  }

  /** An optional array of strings. */
  static List<String> strings(JsonNode object, String field, String path) {
    List<String> strings = new ArrayList<>();
    List<JsonNode> items = array(object, field, path);
    for (int i = 0; i < items.size(); i++) {
      if (!items.get(i).isTextual()) {
        throw new InvalidInputException("'" + field + "' must hold strings", path + "." + field + "[" + i + "]");
      }
      strings.add(items.get(i).asText());
    }
    return strings;
  }

  /** An optional RFC 3339 timestamp member. */
  static Optional<Instant> timestamp(JsonNode object, String field, String path) {
    String text = text(object, field, path);
    if (text.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(instant(text, path + "." + field));
  }

  /** Parses an RFC 3339 timestamp such as {@code 2021-12-10T00:40:56Z} or with an offset. */
  static Instant instant(String text, String where) {
    try {
      return OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("'" + text + "' is not an RFC 3339 timestamp such as 2024-01-31T12:00:00Z", where, e);
    }
  }

  /** Prefixes a relative location (such as {@code ranges[0]}) with a JSONPath. */
  static String under(String path, String relative) {
    if (relative.isEmpty()) {
      return path;
    }
    return relative.startsWith("[") ? path + relative : path + "." + relative;
  }

  /** Rethrows an error from a nested builder with its location under {@code path}. */
  static InvalidInputException relocate(InvalidInputException e, String path) {
    String location = e.location();
    if (location.startsWith("$")) {
      return e;
    }
    return new InvalidInputException(e.getMessage(), under(path, location), e);
  }
}
