package org.accord.exercise;

import org.accord.InvalidInputException;

/**
 * A scenario that cannot be used. The location names the file, the line and the field, as
 * {@code scenarios/x.yaml:12#/injects/3/countries/0}; the message says what is wrong (and, for schema
 * problems, how many more there are).
 */
public final class ScenarioException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final String pointer;

  public ScenarioException(String file, int line, String pointer, String message) {
    super(message, file + (line > 0 ? ":" + line : "") + (pointer.isEmpty() ? "" : "#" + pointer));
    this.file = file;
    this.line = line;
    this.pointer = pointer;
  }

  public String file() {
    return file;
  }

  /** The line, 1-based; 0 when unknown. */
  public int line() {
    return line;
  }

  /** The JSON Pointer of the field; empty for the whole document. */
  public String pointer() {
    return pointer;
  }
}
