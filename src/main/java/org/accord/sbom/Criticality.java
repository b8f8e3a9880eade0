package org.accord.sbom;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.accord.InvalidInputException;

/**
 * How critical a deployment is to its operator's service, after the EU NIS2 directive's split into
 * essential and important entities; everything else is {@link #OTHER}.
 */
public enum Criticality {
  ESSENTIAL,
  IMPORTANT,
  OTHER;

  private final String label = name().toLowerCase(Locale.ROOT);

  /** The label used in files and APIs: {@code essential}, {@code important} or {@code other}. */
  public String label() {
    return label;
  }

  /**
   * Parses a label, ignoring case and surrounding spaces.
   *
   * @throws InvalidInputException if the text is none of the labels; the message lists them
   */
  public static Criticality parse(String text) {
    if (text != null) {
      String normalized = text.strip().toLowerCase(Locale.ROOT);
      for (Criticality criticality : values()) {
        if (criticality.label.equals(normalized)) {
          return criticality;
        }
      }
    }
    throw new InvalidInputException(
        Warnings.quote(String.valueOf(text))
            + " is not a criticality; use one of "
            + Arrays.stream(values()).map(Criticality::label).collect(Collectors.joining(", ")));
  }
}
