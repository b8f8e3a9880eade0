package org.accord.party;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.accord.InvalidInputException;

/**
 * What an organization is in the disclosure process. The kind decides defaults (who is listed to
 * other parties, who is suggested for a case), never authority: authority comes from roles, approved
 * claims and the coordinator.
 */
public enum OrgKind {
  /** Maintains an open-source component. */
  MAINTAINER,
  /** An open-source foundation hosting components. */
  FOUNDATION,
  /** Ships products that contain components. */
  VENDOR,
  /** Runs products at sites; its deployments are sensitive. */
  OPERATOR,
  /** A computer emergency response team. */
  CERT,
  /** A government body (regulator, national authority). */
  GOVERNMENT,
  /** Finds and reports vulnerabilities. */
  RESEARCHER;

  /** The lower-case name used on the command line, in the API and in the store. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Whether other parties may see that an organization of this kind takes part. Operators and
   * researchers are not listed: which operators use an instance is itself exposure information, and a
   * researcher may report without being known.
   */
  public boolean listedToOthers() {
    return this != OPERATOR && this != RESEARCHER;
  }

  /**
   * The kind named by {@code text}, in any case.
   *
   * @throws InvalidInputException naming the accepted kinds, with location {@code kind}
   */
  public static OrgKind parse(String text) {
    if (text != null) {
      for (OrgKind kind : values()) {
        if (kind.label().equals(text.strip().toLowerCase(Locale.ROOT))) {
          return kind;
        }
      }
    }
    throw new InvalidInputException(
        "unknown organization kind '" + text + "'; use one of " + labels(), "kind");
  }

  /** Every kind's label, comma-separated, for help texts and errors. */
  public static String labels() {
    return Arrays.stream(values()).map(OrgKind::label).collect(Collectors.joining(", "));
  }
}
