package org.accord.sbom;

import java.util.Objects;
import org.accord.identity.Purl;

/**
 * A component as one SBOM lists it.
 *
 * @param ref the document-local reference (CycloneDX {@code bom-ref}, SPDX {@code SPDXID}); unique in
 *     its document
 * @param purl its identity: the declared PURL, canonicalised, or a {@link Purl#generic generic} one
 *     (with a warning on the BOM) when the component has none or an invalid one
 * @param name the declared name, for display; possibly empty
 */
public record BomComponent(String ref, Purl purl, String name) {
  public BomComponent {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(purl, "purl");
    name = name == null ? "" : name;
  }
}
