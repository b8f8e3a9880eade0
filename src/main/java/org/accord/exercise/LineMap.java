package org.accord.exercise;

import java.util.Map;

/**
 * The line each JSON Pointer (RFC 6901) of a document starts on, so an error found after parsing still
 * names its line. Immutable.
 */
public record LineMap(Map<String, Integer> lines) {
  public LineMap {
    lines = Map.copyOf(lines);
  }

  /** The line of {@code pointer}, or of its nearest ancestor that has one; 0 when none does. */
  public int lineOf(String pointer) {
    for (String p = pointer; ; p = p.substring(0, p.lastIndexOf('/'))) {
      Integer line = lines.get(p);
      if (line != null) {
        return line;
      }
      if (p.isEmpty()) {
        return 0;
      }
    }
  }
}
