package org.accord.jurisdiction;

import org.accord.InvalidInputException;

/**
 * A country an instance's sanctions list blocks: no details go to parties there, and a plan names the
 * exposed operators there as a coverage gap or routes around them.
 *
 * @param country an ISO 3166-1 alpha-2 code
 * @param source the measure that blocks it, such as {@code Council Regulation (EU) No 833/2014}
 */
public record BlockedJurisdiction(String country, String source) {
  public BlockedJurisdiction {
    if (Countries.EU.equals(country)) {
      throw new InvalidInputException("a sanctions list blocks countries, not the EU", "country");
    }
    try {
      Countries.require(country);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(e.getMessage(), "country");
    }
    if (source == null || source.isBlank()) {
      throw new InvalidInputException("a blocked jurisdiction cites the measure that blocks it", "source");
    }
  }
}
