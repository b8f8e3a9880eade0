package org.accord.app;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.accord.InvalidInputException;
import org.accord.exposure.ExposureGraph;
import org.accord.exposure.WhereUsed;
import org.accord.identity.Ecosystem;
import org.accord.identity.Purl;
import org.accord.identity.Version;
import org.accord.identity.VersionRange;
import org.accord.identity.VersionScheme;

/**
 * Exposure queries over the graph, with the user's input parsed and the viewer's visibility applied.
 * Thread-safe.
 */
public final class Exposure {
  /** Orders versions by their ecosystem's scheme, chosen from the PURL type. */
  static final ExposureGraph.VersionOrder VERSION_ORDER =
      (type, a, b) -> Ecosystem.fromPurlType(type).scheme().compare(a, b);

  private final ExposureGraph graph;

  Exposure(ExposureGraph graph) {
    this.graph = graph;
  }

  /**
   * Answers where-used.
   *
   * @param purlText a package URL; with a version and no range it selects that version, without
   *     either it selects every version
   * @param rangeText a {@code vers:} range, a Maven-style interval such as {@code [2.0,2.3.4)}, or null
   * @throws InvalidInputException if the PURL or range is invalid; the message says which part
   */
  public WhereUsedView whereUsed(String purlText, String rangeText, Viewer viewer) {
    Objects.requireNonNull(viewer, "viewer");
    Selection selection = select(purlText, rangeText);
    WhereUsed result = graph.whereUsed(selection.packageKey(), selection.filter());
    return WhereUsedView.of(result, selection.rangeLabel(), viewer);
  }

  /**
   * Which versions a where-used query selects: the package and a filter over version strings.
   *
   * @param packageKey the package, without version
   * @param filter accepts the selected versions
   * @param rangeLabel the range in {@code vers:} form, or empty
   */
  public record Selection(String packageKey, Predicate<String> filter, String rangeLabel) {}

  /**
   * Parses a where-used query's PURL and range, as {@link #whereUsed} does.
   *
   * @throws InvalidInputException if the PURL or range is invalid
   */
  public Selection select(String purlText, String rangeText) {
    Purl purl = Purl.parse(requireText(purlText, "purl"));
    Ecosystem ecosystem = Ecosystem.fromPurlType(purl.type());
    VersionScheme scheme = ecosystem.scheme();
    if (rangeText != null && !rangeText.isBlank()) {
      VersionRange range = Ranges.parse(ecosystem, rangeText.strip());
      return new Selection(purl.packageKey(), version -> contains(scheme, range, version), range.toVers());
    }
    if (purl.hasVersion()) {
      Version wanted = parseVersion(scheme, purl.version(), "purl");
      return new Selection(purl.packageKey(), version -> sameVersion(scheme, wanted, version), "");
    }
    return new Selection(purl.packageKey(), version -> true, "");
  }

  /** Packages whose PURL starts with {@code prefix}, with their versions; see {@link ExposureGraph#packagesByPrefix}. */
  public List<ExposureGraph.PackageSummary> packages(String prefix, int limit) {
    String clean = requireText(prefix, "purl_prefix");
    if (!clean.startsWith("pkg:")) {
      throw new InvalidInputException("a PURL prefix starts with 'pkg:', such as pkg:maven/org.libra/", "purl_prefix");
    }
    return graph.packagesByPrefix(clean, Math.max(1, Math.min(limit, 1000)));
  }

  private static boolean contains(VersionScheme scheme, VersionRange range, String version) {
    try {
      return range.contains(scheme.parse(version));
    } catch (InvalidInputException unparsable) {
      return false; // a version its own scheme cannot read is in no range
    }
  }

  private static boolean sameVersion(VersionScheme scheme, Version wanted, String version) {
    try {
      return scheme.parse(version).compareTo(wanted) == 0;
    } catch (InvalidInputException unparsable) {
      return version.equals(wanted.text());
    }
  }

  private static Version parseVersion(VersionScheme scheme, String version, String where) {
    try {
      return scheme.parse(version);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(e.getMessage(), where, e);
    }
  }

  private static String requireText(String text, String name) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException("missing " + name, name);
    }
    return text.strip();
  }
}
