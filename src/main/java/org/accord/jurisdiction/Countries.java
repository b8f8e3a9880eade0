package org.accord.jurisdiction;

import java.util.Collection;
import java.util.Set;
import org.accord.InvalidInputException;
import org.accord.party.Organization;

/**
 * Country codes in rule packs: ISO 3166-1 alpha-2 codes, as {@link Organization#country()} holds them,
 * plus {@code EU} (ISO's exceptionally reserved code) for the member states of the European Union.
 */
public final class Countries {
  /** The group code for the European Union. */
  public static final String EU = "EU";

  /** The 27 member states of the European Union (Greece is {@code GR} in ISO 3166-1, not {@code EL}). */
  public static final Set<String> EU_MEMBERS =
      Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT",
          "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");

  private Countries() {}

  /**
   * {@code code} if it is an ISO 3166-1 alpha-2 code or {@code EU}.
   *
   * @throws InvalidInputException otherwise, with an empty location (the caller knows the field)
   */
  public static String require(String code) {
    if (EU.equals(code)) {
      return code;
    }
    if (code == null || !code.equals(code.strip().toUpperCase(java.util.Locale.ROOT))) {
      throw new InvalidInputException("'" + code + "' is not an upper-case ISO 3166-1 alpha-2 country code or EU", "");
    }
    try {
      return Organization.requireCountry(code);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(e.getMessage() + " (or EU for the European Union)", "");
    }
  }

  /** Whether {@code country} (an ISO code, or null when unknown) is one of {@code codes} or in a group among them. */
  public static boolean covers(Collection<String> codes, String country) {
    if (country == null) {
      return false;
    }
    return codes.contains(country) || codes.contains(EU) && EU_MEMBERS.contains(country);
  }
}
