package org.accord.web;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import org.accord.InvalidInputException;

/**
 * The OpenID Connect provider people sign in with: its issuer (whose {@code
 * .well-known/openid-configuration} describes it) and this server's client registration there. A
 * value; the secret is never printed by {@link #toString()}.
 *
 * @param issuer the issuer URL, as in the provider's discovery document
 * @param clientId the client id registered for Accord
 * @param clientSecret the client secret
 */
public record OidcSettings(URI issuer, String clientId, String clientSecret) {
  public OidcSettings {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
  }

  /**
   * The provider named by {@code ACCORD_OIDC_ISSUER}, {@code ACCORD_OIDC_CLIENT_ID} and {@code
   * ACCORD_OIDC_CLIENT_SECRET}, or null when none of them is set.
   *
   * @throws InvalidInputException naming the variables missing when only some are set
   */
  static OidcSettings fromEnvironment(Map<String, String> environment) {
    String issuer = blankToNull(environment.get("ACCORD_OIDC_ISSUER"));
    String id = blankToNull(environment.get("ACCORD_OIDC_CLIENT_ID"));
    String secret = blankToNull(environment.get("ACCORD_OIDC_CLIENT_SECRET"));
    if (issuer == null && id == null && secret == null) {
      return null;
    }
    if (issuer == null || id == null || secret == null) {
      throw new InvalidInputException(
          "OpenID Connect login needs all of ACCORD_OIDC_ISSUER, ACCORD_OIDC_CLIENT_ID and ACCORD_OIDC_CLIENT_SECRET",
          issuer == null ? "ACCORD_OIDC_ISSUER" : id == null ? "ACCORD_OIDC_CLIENT_ID" : "ACCORD_OIDC_CLIENT_SECRET");
    }
    URI uri = URI.create(issuer);
    if (uri.getScheme() == null || uri.getHost() == null) {
      throw new InvalidInputException("ACCORD_OIDC_ISSUER must be the provider's issuer URL, not '" + issuer + "'", "ACCORD_OIDC_ISSUER");
    }
    return new OidcSettings(uri, id, secret);
  }

  @Override
  public String toString() {
    return "OidcSettings[issuer=" + issuer + ", clientId=" + clientId + "]";
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
