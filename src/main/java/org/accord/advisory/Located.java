package org.accord.advisory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A JSON node together with its JSONPath, so that tests can walk a document of any shape without
 * checking types at each step and still say where a problem is. Navigating into something that is not
 * there, or is not of the expected type, yields a missing node rather than an exception.
 */
record Located(JsonNode node, String path) {
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  static Located root(JsonNode node) {
    return new Located(node, "$");
  }

  /** The member {@code name} of this object, or a missing node when absent or this is no object. */
  Located field(String name) {
    JsonNode child = node.isObject() ? node.get(name) : null;
    return new Located(child == null ? MissingNode.getInstance() : child, childPath(path, name));
  }

  /** The items of this array, or none when this is no array. */
  List<Located> items() {
    if (!node.isArray()) {
      return List.of();
    }
    List<Located> items = new ArrayList<>(node.size());
    for (int index = 0; index < node.size(); index++) {
      items.add(new Located(node.get(index), path + "[" + index + "]"));
    }
    return items;
  }

  /** Whether the node exists (and is not JSON null). */
  boolean present() {
    return !node.isMissingNode() && !node.isNull();
  }

  /** Whether this object has the member {@code name} (with a non-null value). */
  boolean has(String name) {
    return field(name).present();
  }

  /** The string value, or null when this is not a JSON string. */
  String text() {
    return node.isTextual() ? node.textValue() : null;
  }

  /** The string value of member {@code name}, or null when absent or not a string. */
  String text(String name) {
    return field(name).text();
  }

  static String childPath(String parent, String name) {
    if (PLAIN_NAME.matcher(name).matches()) {
      return parent + "." + name;
    }
    return parent + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
  }
}
