package org.accord.advisory;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.accord.InvalidInputException;

/**
 * Typed access to the members of a parsed JSON document for the advisory readers, refusing a wrong
 * type with the member's JSONPath as the location. Stateless.
 */
final class JsonFields {
  private JsonFields() {}

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
