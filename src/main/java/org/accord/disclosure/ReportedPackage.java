package org.accord.disclosure;

import java.util.Objects;
import org.accord.identity.Purl;
import org.accord.identity.VersionRange;

/**
 * One package a report says is affected: the package, as a PURL without version, and the affected
 * versions, parsed in the package's ecosystem (from a {@code vers:} range, a native range, OSV events,
 * or a single version). Immutable and thread-safe.
 *
 * @param purl the package, without version
 * @param range the affected versions; {@link VersionRange#toVers()} gives them as a {@code vers:} string
 */
public record ReportedPackage(Purl purl, VersionRange range) {
  public ReportedPackage {
    Objects.requireNonNull(purl, "purl");
    Objects.requireNonNull(range, "range");
    if (purl.hasVersion()) {
      throw new IllegalArgumentException("a reported package's PURL has no version; the range says which");
    }
  }
}
