package org.accord.sbom;

import java.util.Locale;

/** How critical a deployment is to its operator's service. */
public enum Criticality {
  ESSENTIAL,
  IMPORTANT,
  OTHER;

  /** The label used in files and output, such as {@code essential}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a label, case-insensitively. @throws IllegalArgumentException if unknown */
  public static Criticality parse(String label) {
    String clean = label == null ? "" : label.strip().toLowerCase(Locale.ROOT);
    for (Criticality criticality : values()) {
      if (criticality.label().equals(clean)) {
        return criticality;
      }
    }
    throw new IllegalArgumentException("unknown criticality '" + label + "'");
  }
}
