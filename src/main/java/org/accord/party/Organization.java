package org.accord.party;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.accord.InvalidInputException;

/**
 * An organization taking part in an instance. Names are unique, case-sensitive as given, and are how
 * people name an organization on the command line and in the API; the id is the store's.
 *
 * @param id the store's id
 * @param name 1 to 200 characters, no control characters, no surrounding spaces
 * @param kind what the organization is
 * @param country an ISO 3166-1 alpha-2 code in upper case, or null when not given
 * @param contactEmail where the organization is reached, in lower case, or null when not given
 */
public record Organization(long id, String name, OrgKind kind, String country, String contactEmail) {
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  public Organization {
    name = requireName(name);
    Objects.requireNonNull(kind, "kind");
    country = country == null ? null : requireCountry(country);
    contactEmail = contactEmail == null ? null : Member.requireEmail(contactEmail, "email");
  }

  /** The country, if given. */
  public Optional<String> countryCode() {
    return Optional.ofNullable(country);
  }

  /**
   * {@code name} stripped, if it is a usable organization name.
   *
   * @throws InvalidInputException if it is empty, longer than 200 characters or holds a control
   *     character; location {@code name}
   */
  public static String requireName(String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("organization name is empty", "name");
    }
    String stripped = name.strip();
    if (stripped.length() > 200) {
      throw new InvalidInputException("organization name is longer than 200 characters", "name");
    }
    for (int i = 0; i < stripped.length(); i++) {
      if (Character.isISOControl(stripped.charAt(i))) {
        throw new InvalidInputException("organization name holds a control character at position " + (i + 1), "name");
      }
    }
    return stripped;
  }

  /**
   * {@code code} in upper case, if it is an ISO 3166-1 alpha-2 country code.
   *
   * @throws InvalidInputException otherwise, with location {@code country}
   */
  public static String requireCountry(String code) {
    String upper = code.strip().toUpperCase(Locale.ROOT);
    if (!COUNTRIES.contains(upper)) {
      throw new InvalidInputException(
          "'" + code + "' is not an ISO 3166-1 alpha-2 country code such as DE, FR or US", "country");
    }
    return upper;
  }
}
