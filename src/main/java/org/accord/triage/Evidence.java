package org.accord.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.accord.InvalidInputException;

/**
 * What is known about the exploitation of one CVE, independent of where it is stored: its KEV entry,
 * its EPSS score, references to public exploits, and which feeds were consulted.
 *
 * <p>{@code consulted} lists every feed that was looked at, whether or not it mentions the CVE: "not in
 * KEV catalog 2025.08.25" is evidence too, and a decision records it. Build one with {@link #of}, then
 * {@link #withKev}, {@link #withEpss} and {@link #withExploitReference}; or, from a store, with the
 * canonical constructor.
 *
 * <p>Immutable and thread-safe; no component is null.
 *
 * @param cve the CVE id
 * @param consulted the feeds consulted, in the order they were added; a present {@code kev} needs a
 *     {@link Provenance#KEV} feed here and a present {@code epss} a {@link Provenance#EPSS} feed
 * @param kev the CVE's KEV entry, if the KEV catalog lists it
 * @param epss the CVE's EPSS score, if the EPSS feed scores it
 * @param exploitReferences URLs of public exploits or proofs of concept (for example references an
 *     advisory tags as exploits)
 */
public record Evidence(
    String cve,
    List<Provenance> consulted,
    Optional<KevCatalog.Entry> kev,
    Optional<EpssFeed.Score> epss,
    List<String> exploitReferences) {

  /**
   * @throws InvalidInputException if {@code cve} is not a CVE id, or a KEV entry or EPSS score is given
   *     without the feed it came from, or belongs to another CVE
   */
  public Evidence {
    FeedInput.cve(cve, "cve");
    consulted = List.copyOf(consulted);
    Objects.requireNonNull(kev, "kev");
    Objects.requireNonNull(epss, "epss");
    exploitReferences = List.copyOf(exploitReferences);
    if (kev.isPresent()) {
      requireFeed(consulted, Provenance.KEV);
      requireSameCve(cve, kev.get().cveId());
    }
    if (epss.isPresent()) {
      requireFeed(consulted, Provenance.EPSS);
      requireSameCve(cve, epss.get().cve());
    }
  }

  /** No evidence yet about a CVE. */
  public static Evidence of(String cve) {
    return new Evidence(cve, List.of(), Optional.empty(), Optional.empty(), List.of());
  }

  /** This evidence plus what the KEV catalog says about the CVE (possibly: nothing). */
  public Evidence withKev(KevCatalog catalog) {
    return new Evidence(cve, plus(consulted, catalog.provenance()), catalog.find(cve), epss, exploitReferences);
  }

  /** This evidence plus the CVE's EPSS score, if the feed scores it. */
  public Evidence withEpss(EpssFeed feed) {
    return new Evidence(cve, plus(consulted, feed.provenance()), kev, feed.find(cve), exploitReferences);
  }

  /** This evidence plus a reference to a public exploit or proof of concept. */
  public Evidence withExploitReference(String url) {
    Objects.requireNonNull(url, "url");
    if (url.isBlank()) {
      throw new InvalidInputException("an exploit reference must not be blank", "exploit reference");
    }
    return new Evidence(cve, consulted, kev, epss, plus(exploitReferences, url.strip()));
  }

  private static <T> List<T> plus(List<T> list, T item) {
    List<T> copy = new ArrayList<>(list);
    copy.add(item);
    return copy;
  }

  private static void requireFeed(List<Provenance> consulted, String feed) {
    for (Provenance provenance : consulted) {
      if (provenance.feed().equals(feed)) {
        return;
      }
    }
    throw new InvalidInputException("evidence from " + feed + " needs that feed's provenance", "consulted");
  }

  private static void requireSameCve(String cve, String other) {
    if (!cve.equals(other)) {
      throw new InvalidInputException("evidence about " + other + " cannot describe " + cve, "cve");
    }
  }
}
