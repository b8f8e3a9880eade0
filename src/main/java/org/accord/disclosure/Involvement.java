package org.accord.disclosure;

import java.util.Locale;
import org.accord.InvalidInputException;

/**
 * How far a participant has engaged with a case: the CSAF 2.0 {@code
 * /vulnerabilities[]/involvements[]/status} values [1], with the same spelling as labels.
 *
 * <p>[1] OASIS CSAF 2.0, §3.2.3.5 "Vulnerabilities Property - Involvements",
 * https://docs.oasis-open.org/csaf/csaf/v2.0/os/csaf-v2.0-os.html
 */
public enum Involvement {
  /** No one has tried to reach the participant yet. */
  NOT_CONTACTED,
  /** Contact was attempted, and not answered. */
  CONTACT_ATTEMPTED,
  /** The participant was reached and the exchange is open. */
  OPEN,
  /** The participant is working on it. */
  IN_PROGRESS,
  /** The participant has finished its part. */
  COMPLETED,
  /** The participant disputes the report. */
  DISPUTED;

  /** The CSAF label, such as {@code contact_attempted}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The status with this CSAF label (case-insensitive).
   *
   * @throws InvalidInputException naming the value and the accepted labels, location {@code involvement}
   */
  public static Involvement parse(String label) {
    if (label != null) {
      for (Involvement involvement : values()) {
        if (involvement.label().equalsIgnoreCase(label.strip())) {
          return involvement;
        }
      }
    }
    StringBuilder names = new StringBuilder();
    for (Involvement involvement : values()) {
      names.append(names.length() == 0 ? "" : ", ").append(involvement.label());
    }
    throw new InvalidInputException("unknown involvement status '" + label + "'; accepted: " + names, "involvement");
  }
}
