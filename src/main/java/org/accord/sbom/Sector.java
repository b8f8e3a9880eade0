package org.accord.sbom;

import java.util.Locale;

/** The fixed sector vocabulary of deployment inventories. */
public enum Sector {
  ENERGY,
  WATER,
  HEALTH,
  TELECOM,
  FINANCE,
  TRANSPORT,
  DIGITAL_IDENTITY,
  GOVERNMENT,
  MANUFACTURING,
  OTHER;

  /** The label used in files and output, such as {@code digital-identity}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Parses a label, case-insensitively.
   *
   * @throws IllegalArgumentException naming the allowed labels if it is unknown
   */
  public static Sector parse(String label) {
    String clean = label == null ? "" : label.strip().toLowerCase(Locale.ROOT);
    for (Sector sector : values()) {
      if (sector.label().equals(clean)) {
        return sector;
      }
    }
    throw new IllegalArgumentException("unknown sector '" + label + "'");
  }
}
