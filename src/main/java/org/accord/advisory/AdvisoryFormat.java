package org.accord.advisory;

import java.util.Locale;
import org.accord.InvalidInputException;

/**
 * The document formats Accord reads and writes for advisories and VEX statements. Each has a short
 * label, used on the command line ({@code --format}) and in the API ({@code ?format=}).
 */
public enum AdvisoryFormat {
  /** OSV JSON, the Open Source Vulnerability format (ossf/osv-schema). */
  OSV("osv"),
  /** CSAF 2.0 JSON (OASIS); written in the VEX profile ({@code csaf_vex}). */
  CSAF("csaf"),
  /** OpenVEX 0.2.0 JSON (0.0.1 documents are read too). */
  OPENVEX("openvex"),
  /** CycloneDX JSON with a {@code vulnerabilities} array (VEX); written as CycloneDX 1.6. */
  CYCLONEDX_VEX("cyclonedx-vex");

  private final String label;

  AdvisoryFormat(String label) {
    this.label = label;
  }

  /** The label, such as {@code cyclonedx-vex}. */
  public String label() {
    return label;
  }

  /**
   * The format with this label, case-insensitively.
   *
   * @throws InvalidInputException naming the labels when none matches
   */
  public static AdvisoryFormat fromLabel(String label) {
    String clean = label == null ? "" : label.strip().toLowerCase(Locale.ROOT);
    for (AdvisoryFormat format : values()) {
      if (format.label.equals(clean)) {
        return format;
      }
    }
    throw new InvalidInputException(
        "unknown format '" + label + "' (one of osv, csaf, openvex, cyclonedx-vex)", "format");
  }
}
