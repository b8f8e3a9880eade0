package org.accord.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.accord.InvalidInputException;

/** Strict query parameters: what a route does not know is a 400, never silently ignored. Stateless. */
final class Parameters {
  private Parameters() {}

  /**
   * Refuses query parameters the route does not know, and parameters given more than once.
   *
   * @throws InvalidInputException naming them, with the accepted ones
   */
  static void requireKnown(Context ctx, List<String> accepted) {
    Map<String, List<String>> parameters = ctx.queryParamMap();
    List<String> unknown = new ArrayList<>(new TreeSet<>(parameters.keySet()));
    unknown.removeAll(accepted);
    if (!unknown.isEmpty()) {
      throw new InvalidInputException(
          "unknown query parameter" + (unknown.size() == 1 ? " " : "s ") + "'" + String.join("', '", unknown)
              + "'; accepted: " + String.join(", ", accepted),
          String.join(", ", unknown));
    }
    for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
      if (parameter.getValue().size() > 1) {
        throw new InvalidInputException("query parameter '" + parameter.getKey() + "' is given more than once", parameter.getKey());
      }
    }
  }
}
