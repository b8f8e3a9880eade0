package org.accord.exposure;

import java.util.Objects;

/**
 * A package version in the global catalogue, as the graph needs it.
 *
 * @param id the store id, positive
 * @param purl the canonical PURL with version
 * @param packageKey the PURL without version, qualifiers or subpath
 * @param version the version, possibly empty
 */
public record ComponentNode(long id, String purl, String packageKey, String version) {
  public ComponentNode {
    Objects.requireNonNull(purl, "purl");
    Objects.requireNonNull(packageKey, "packageKey");
    Objects.requireNonNull(version, "version");
  }
}
