package org.accord.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * TEXT columns that hold a JSON list of strings (aliases, subcomponents, warnings), written and read
 * back with Jackson. Stateless and thread-safe.
 */
final class JsonColumns {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private JsonColumns() {}

  /** The values as a JSON array. */
  static String toJson(List<String> values) {
    try {
      return JSON.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The JSON array read back.
   *
   * @param column what the text is, for the message, such as {@code warnings column}
   * @throws IllegalStateException naming {@code column} when the text is not a JSON list of strings
   */
  static List<String> fromJson(String json, String column) {
    try {
      return JSON.readValue(json, STRINGS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("corrupt " + column + ": " + e.getMessage(), e);
    }
  }
}
