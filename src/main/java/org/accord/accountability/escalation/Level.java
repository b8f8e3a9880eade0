package org.accord.accountability.escalation;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.accord.InvalidInputException;

/**
 * The rungs of the escalation ladder, lowest first (issue 12 item 5). A deadline climbs them in this
 * order; each is taken at most once per deadline.
 */
public enum Level {
  /** A reminder to the participant that owes the deadline. */
  REMINDER,
  /** A notice to the admins of the participant's organization. */
  ORGANIZATION,
  /** A notice to the case owner and the coordinator. */
  CASE_OWNER,
  /** A mark on the public scorecard: a public event naming the organization and the promise, never the case. */
  SCORECARD;

  /** The label in settings, events and answers ({@code reminder}, {@code organization}, {@code case_owner}, {@code scorecard}). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The level spelt {@code label}.
   *
   * @throws InvalidInputException naming {@code field} for any other text
   */
  public static Level parse(String label, String field) {
    String clean = label == null ? "" : label.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    return Arrays.stream(values()).filter(l -> l.name().equals(clean)).findFirst()
        .orElseThrow(() -> new InvalidInputException("unknown escalation level '" + label + "'; the levels are "
            + Arrays.stream(values()).map(Level::label).collect(Collectors.joining(", ")), field));
  }
}
