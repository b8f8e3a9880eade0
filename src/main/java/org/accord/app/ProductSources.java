package org.accord.app;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.accord.identity.Purl;
import org.accord.party.Organization;
import org.accord.party.ProductClaim;
import org.accord.party.SbomSource;
import org.accord.store.Claims;
import org.accord.store.Database;
import org.accord.store.SbomDocuments;
import org.jdbi.v3.core.Handle;

/**
 * Where product versions' SBOMs come from ({@link SbomSource}), as one viewer may know it: for the
 * where-used answers (ADR 0101) and findings. The rule is the {@code party} core's; this class reads
 * the approved claims and live uploaders and applies the viewer's visibility.
 *
 * <p>A {@link #version()} counts changes that may change a source (a claim decided, an SBOM stored), so
 * caches of rendered answers can key on it: the graph's generation does not move when a claim is
 * approved. The approved claims are kept in memory for the current version, so a page costs one query
 * (its products' live uploaders). Thread-safe.
 */
public final class ProductSources {
  /**
   * One product version's SBOM source.
   *
   * @param sbomSource {@code owner}, {@code third_party}, {@code mixed} or {@code none} ({@link SbomSource#label()})
   * @param sbomUploaders the organizations whose live SBOMs describe it, those the viewer may know
   */
  public record Source(String sbomSource, List<String> sbomUploaders) {}

  private record Owners(long version, List<ProductClaim> claims) {}

  private final Database database;
  private final AtomicLong version = new AtomicLong();
  private volatile Owners owners = new Owners(-1, List.of());

  ProductSources(Database database) {
    this.database = database;
  }

  /** The provenance version: changes after every committed claim decision and SBOM ingest. */
  long version() {
    return version.get();
  }

  /** Records that a claim decision or an SBOM ingest committed; call after the commit. */
  void changed() {
    version.incrementAndGet();
  }

  /**
   * The sources of {@code productPurls} (product versions) for {@code viewer}; one query for the
   * uploaders (per 500 products), the claims from memory unless they changed.
   */
  Map<String, Source> of(Collection<String> productPurls, Viewer viewer) {
    if (productPurls.isEmpty()) {
      return Map.of();
    }
    long at = version.get(); // read before loading, so a change meanwhile is loaded again next time
    return database.jdbi().withHandle(handle -> {
      List<ProductClaim> claims = approved(handle, at);
      Map<String, List<Organization>> uploaders = SbomDocuments.liveUploaders(handle, productPurls);
      Map<String, Source> sources = new LinkedHashMap<>();
      for (String product : productPurls) {
        Optional<ProductClaim> owner = ProductClaim.owner(claims, Purl.packageKeyOf(product));
        sources.put(product, source(owner, uploaders.getOrDefault(product, List.of()), viewer));
      }
      return sources;
    });
  }

  private List<ProductClaim> approved(Handle handle, long at) {
    Owners known = owners;
    if (known.version() == at) {
      return known.claims();
    }
    List<ProductClaim> claims = List.copyOf(Claims.approved(handle));
    owners = new Owners(at, claims);
    return claims;
  }

  /** One product's source as {@code viewer} may know it: uploaders it may not know are left out. */
  static Source source(Optional<ProductClaim> owner, List<Organization> uploaders, Viewer viewer) {
    return new Source(
        SbomSource.of(owner, uploaders).label(),
        uploaders.stream().filter(o -> Findings.knows(viewer, o)).map(Organization::name).toList());
  }
}
