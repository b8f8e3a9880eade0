package org.accord.sbom;

/** The SBOM serialisations Accord reads. */
public enum BomFormat {
  CYCLONEDX_JSON("CycloneDX JSON"),
  CYCLONEDX_XML("CycloneDX XML"),
  SPDX_JSON("SPDX JSON"),
  SPDX_TAG_VALUE("SPDX tag-value");

  private final String label;

  BomFormat(String label) {
    this.label = label;
  }

  /** A human-readable name such as {@code "CycloneDX JSON"}. */
  public String label() {
    return label;
  }
}
