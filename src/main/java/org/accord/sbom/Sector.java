package org.accord.sbom;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.accord.InvalidInputException;

/**
 * The sector a deployment serves, from a fixed vocabulary (close to the sectors of the EU NIS2
 * directive's annexes, coarsened). Used to aggregate exposure by sector and country.
 */
public enum Sector {
  ENERGY,
  WATER,
  HEALTH,
  TELECOM,
  FINANCE,
  TRANSPORT,
  DIGITAL_IDENTITY,
  GOVERNMENT,
  MANUFACTURING,
  OTHER;

  private final String label = name().toLowerCase(Locale.ROOT).replace('_', '-');

  /** The label used in files and APIs, such as {@code digital-identity}. */
  public String label() {
    return label;
  }

  /**
   * Parses a label; case, surrounding spaces and the choice of {@code -}, {@code _} or a space as
   * separator do not matter ({@code "Digital Identity"} is {@link #DIGITAL_IDENTITY}).
   *
   * @throws InvalidInputException if the text names no sector; the message lists the vocabulary
   */
  public static Sector parse(String text) {
    if (text != null) {
      String normalized = text.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
      for (Sector sector : values()) {
        if (sector.label.equals(normalized)) {
          return sector;
        }
      }
    }
    throw new InvalidInputException(
        Warnings.quote(String.valueOf(text)) + " is not a sector; use one of " + vocabulary());
  }

  /** The labels, comma-separated, for messages. */
  static String vocabulary() {
    return Arrays.stream(values()).map(Sector::label).collect(Collectors.joining(", "));
  }
}
