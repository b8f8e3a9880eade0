package org.accord.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.accord.InvalidInputException;

/**
 * The query parameters a route accepts, declared once where the route is registered ({@link
 * WebServer#get}, {@link WebServer#post}, {@link WebServer#delete}): anything else is a 400 naming it,
 * never silently ignored, and a parameter given twice is a 400 unless declared repeatable (ADR 0096).
 * Immutable.
 */
public final class Parameters {
  /** For routes that take no query parameters. */
  public static final Parameters NONE = new Parameters(List.of(), Set.of());

  private final List<String> names;
  private final Set<String> repeatable;

  private Parameters(List<String> names, Set<String> repeatable) {
    this.names = List.copyOf(names);
    this.repeatable = Set.copyOf(repeatable);
  }

  /** A route's parameters, each at most once. */
  public static Parameters of(String... names) {
    return new Parameters(List.of(names), Set.of());
  }

  /** These parameters plus {@code names}, which may be given more than once. */
  Parameters repeatable(String... names) {
    List<String> all = new ArrayList<>(this.names);
    all.addAll(List.of(names));
    Set<String> many = new java.util.HashSet<>(repeatable);
    many.addAll(List.of(names));
    return new Parameters(all, many);
  }

  /** The accepted names, in declaration order. */
  List<String> names() {
    return names;
  }

  /**
   * Refuses query parameters this declaration does not name, and parameters given more than once
   * that are not repeatable.
   *
   * @throws InvalidInputException naming them, with the accepted ones
   */
  void check(Context ctx) {
    Map<String, List<String>> parameters = ctx.queryParamMap();
    if (parameters.isEmpty()) {
      return;
    }
    List<String> unknown = new ArrayList<>(new TreeSet<>(parameters.keySet()));
    unknown.removeAll(names);
    if (!unknown.isEmpty()) {
      throw new InvalidInputException(
          "unknown query parameter" + (unknown.size() == 1 ? " " : "s ") + "'" + String.join("', '", unknown) + "'; "
              + (names.isEmpty() ? "this route takes none" : "accepted: " + String.join(", ", names)),
          String.join(", ", unknown));
    }
    for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
      if (parameter.getValue().size() > 1 && !repeatable.contains(parameter.getKey())) {
        throw new InvalidInputException("query parameter '" + parameter.getKey() + "' is given more than once", parameter.getKey());
      }
    }
  }

  @Override
  public String toString() {
    return names.toString();
  }
}
