package org.accord.exercise;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.accord.InvalidInputException;
import org.accord.disclosure.plan.ShippedStrategy;

/**
 * The notification strategies an exercise compares. The first two are the plan's own ({@link
 * ShippedStrategy}, ADR 0133), with its wave offsets; the third is a simulation strategy (ADR 0148).
 */
public enum Strategy {
  /** The plan's staged waves: maintainers, direct vendors after {@link ShippedStrategy#VENDOR_LEAD}, all
   * vendors once the fix is ready, essential operators {@link ShippedStrategy#OPERATOR_LEAD} before the
   * embargo ends, then publication. Parties in a sanctioned country are dropped until publication. */
  COORDINATED,
  /** Everyone at once, with publication at the same time. */
  IMMEDIATE,
  /** As coordinated, but a foundation relays each wave to the parties of sanctioned countries, after its
   * relay delay, instead of dropping them. */
  FOUNDATION_MEDIATED;

  /** The label in scenarios, the API and the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The plan strategy this one follows, for the wave offsets. */
  public ShippedStrategy plan() {
    return this == IMMEDIATE ? ShippedStrategy.IMMEDIATE : ShippedStrategy.COORDINATED;
  }

  /**
   * The strategy labelled {@code label} (case and {@code _}/{@code -} ignored).
   *
   * @throws InvalidInputException naming the field {@code strategy} and the known labels when none is
   */
  public static Strategy parse(String label) {
    String wanted = label == null ? "" : label.strip().replace('_', '-');
    for (Strategy s : values()) {
      if (s.label().equalsIgnoreCase(wanted)) {
        return s;
      }
    }
    throw new InvalidInputException("'" + label + "' is not a strategy; use one of "
        + Arrays.stream(values()).map(Strategy::label).collect(Collectors.joining(", ")), "strategy");
  }
}
