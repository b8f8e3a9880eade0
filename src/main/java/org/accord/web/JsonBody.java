package org.accord.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import org.accord.InvalidInputException;

/**
 * The small JSON bodies of management routes (organizations, members, tokens, claims): one object
 * holding only the members a route names, each read with a typed accessor that names the member in
 * its error. Bodies are bounded before any route runs ({@code RequestGuard}: these are not document
 * uploads).
 */
public final class JsonBody {
  private JsonBody() {}

  /**
   * The body as a JSON object holding only {@code allowed} members; an empty body is an empty object.
   *
   * @throws InvalidInputException if the body is not JSON, not an object, or has another member
   */
  public static JsonNode object(WebServer server, Context ctx, Set<String> allowed) throws IOException {
    byte[] bytes = ctx.bodyInputStream().readAllBytes();
    if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
      return server.json().createObjectNode();
    }
    JsonNode json;
    try {
      json = server.json().readTree(bytes);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InvalidInputException("the body is not JSON: " + e.getOriginalMessage(), "body");
    }
    if (json == null || !json.isObject()) {
      throw new InvalidInputException("the body is a JSON object with " + new TreeSet<>(allowed), "body");
    }
    for (var names = json.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new InvalidInputException("unknown member '" + name + "'; use " + new TreeSet<>(allowed), name);
      }
    }
    return json;
  }

  /** A string member that must be present and not blank. */
  public static String required(JsonNode json, String name) {
    String value = text(json, name);
    if (value == null || value.isBlank()) {
      throw new InvalidInputException("missing " + name, name);
    }
    return value;
  }

  /** A string member, or null when absent or null. */
  public static String text(JsonNode json, String name) {
    JsonNode node = json.path(name);
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw new InvalidInputException(name + " is a string", name);
    }
    return node.asText();
  }

  /** A whole-number member, or null when absent or null. */
  public static Long whole(JsonNode json, String name) {
    JsonNode node = json.path(name);
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw new InvalidInputException(name + " is a whole number", name);
    }
    return node.asLong();
  }

  /** A boolean member, false when absent or null. */
  static boolean flag(JsonNode json, String name) {
    JsonNode node = json.path(name);
    if (node.isMissingNode() || node.isNull()) {
      return false;
    }
    if (!node.isBoolean()) {
      throw new InvalidInputException(name + " is true or false", name);
    }
    return node.asBoolean();
  }

  /** An array of strings, or null when absent or null. */
  static java.util.List<String> texts(JsonNode json, String name) {
    JsonNode node = json.path(name);
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (!node.isArray()) {
      throw new InvalidInputException(name + " is an array of strings", name);
    }
    java.util.List<String> values = new java.util.ArrayList<>();
    for (JsonNode item : node) {
      if (!item.isTextual()) {
        throw new InvalidInputException(name + " is an array of strings", name);
      }
      values.add(item.asText());
    }
    return values;
  }
}
