package org.accord.disclosure;

import java.util.Locale;

/**
 * Why an organization is suggested as a participant of a case (issue 9, item 5; ADR 0105). The order
 * of the constants is the order suggestions are listed in.
 */
public enum SuggestionKind {
  /** Holds the approved product claim covering an affected package: it can fix the component. */
  MAINTAINER,
  /** Owns (or, unverified, uploaded the SBOM of) a product version that contains an affected version. */
  VENDOR,
  /** Runs deployments of an affected product version. */
  OPERATOR,
  /** A CERT of a country where affected deployments run. */
  CERT,
  /** A government body of a country where affected deployments run. */
  AUTHORITY;

  /** The lower-case label shown in the API and on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
