package org.accord.sbom;

import java.util.Objects;
import org.accord.identity.Purl;

/**
 * A component as one SBOM lists it.
 *
 * <p>Immutable and thread-safe; no component is null.
 *
 * @param ref the document-local reference (CycloneDX {@code bom-ref}, SPDX {@code SPDXID}); unique in
 *     its document. A component that declares no ref gets its location as ref, such as {@code
 *     $.components[3]} or {@code /bom/components/component[4]}
 * @param purl its identity: the declared PURL, canonicalised, or a {@link Purl#generic generic} one
 *     (with a warning on the BOM) when the component has none or an invalid one
 * @param name the declared name, for display; possibly empty
 * @param supplier the organisation that supplies the component as the document names it (CycloneDX
 *     {@code supplier.name}, else {@code manufacturer.name} or {@code publisher}; SPDX {@code
 *     PackageSupplier} without its {@code Organization:}/{@code Person:} prefix); empty when unknown
 */
public record BomComponent(String ref, Purl purl, String name, String supplier) {
  public BomComponent {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(purl, "purl");
    name = name == null ? "" : name;
    supplier = supplier == null ? "" : supplier;
  }

  /** A component whose supplier is unknown. */
  public BomComponent(String ref, Purl purl, String name) {
    this(ref, purl, name, "");
  }
}
