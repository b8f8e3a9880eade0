package org.accord.advisory;

import java.util.Objects;

/**
 * One way a JSON document breaks a JSON Schema, as {@link SchemaValidator} reports it. Immutable and
 * thread-safe.
 *
 * @param path where in the instance, as a JSONPath such as {@code $.document.tracking.version} ({@code $}
 *     for the whole document), or as a JSON Pointer such as {@code /rules/0/trigger} ({@code ""} for the
 *     whole document) when the validator was built with {@link SchemaValidator.Builder#pointers}; never
 *     null
 * @param keyword the schema keyword that failed, such as {@code required} or {@code pattern}; never
 *     null, possibly empty
 * @param message what is wrong, as the schema library words it; never null
 */
public record SchemaViolation(String path, String keyword, String message) {
  public SchemaViolation {
    Objects.requireNonNull(path, "path");
    keyword = keyword == null ? "" : keyword;
    Objects.requireNonNull(message, "message");
  }
}
