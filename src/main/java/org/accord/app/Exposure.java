package org.accord.app;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.accord.InvalidInputException;
import org.accord.exposure.ExposureGraph;
import org.accord.exposure.WhereUsed;
import org.accord.identity.Ecosystem;
import org.accord.identity.Purl;
import org.accord.identity.RangeNotation;
import org.accord.identity.Version;
import org.accord.identity.VersionRange;
import org.accord.identity.VersionScheme;

/**
 * Exposure queries over the graph, with the user's input parsed and the viewer's visibility applied.
 *
 * <p>Where-used answers are cached per selection (package and normalised range) for the current graph
 * generation, with what each viewer, order, filter and page derives from them ({@link
 * WhereUsedAnswers}, ADR 0073), so paging through a popular answer recomputes nothing. Thread-safe.
 */
public final class Exposure {
  /** Orders versions by their ecosystem's scheme, chosen from the PURL type. */
  static final ExposureGraph.VersionOrder VERSION_ORDER =
      (type, a, b) -> Ecosystem.fromPurlType(type).scheme().compare(a, b);

  /** At most this many suggestions for an unknown package. */
  static final int SUGGESTIONS = 5;

  private final ExposureGraph graph;
  /** Up to 256 answers and 2M rows (each with its derived orders, see WhereUsedAnswer); 4,096 pages, 64 MiB. */
  private final WhereUsedAnswers answers = new WhereUsedAnswers(256, 2_000_000L, 4096, 64L << 20);
  /** Parsed selections by the text asked, so a hot page does not parse its PURL and range again. */
  private final ConcurrentHashMap<String, Selection> selections = new ConcurrentHashMap<>();
  private static final int MAX_SELECTIONS = 1024;
  /** A rendered answer larger than this is not kept: whole answers are big and cheap to page instead. */
  private static final int MAX_KEPT_RENDERING = 1 << 20;

  private final ProductSources sources;

  Exposure(ExposureGraph graph, ProductSources sources) {
    this.graph = graph;
    this.sources = sources;
  }

  /**
   * Answers where-used in full: {@link #whereUsed(WhereUsedQuery, Viewer)} for {@link
   * WhereUsedQuery#of}.
   */
  public WhereUsedView whereUsed(String purlText, String rangeText, Viewer viewer) {
    return whereUsed(WhereUsedQuery.of(purlText, rangeText), viewer);
  }

  /**
   * As {@link #whereUsed(String, String, Viewer)}, computed afresh without the answer cache and without
   * the products' SBOM sources (a database read): for benchmarks that measure the index itself.
   */
  public WhereUsedView whereUsedUncached(String purlText, String rangeText, Viewer viewer) {
    WhereUsedQuery query = WhereUsedQuery.of(purlText, rangeText);
    return WhereUsedView.of(compute(select(query.purl(), query.range())), query, viewer);
  }

  /**
   * Answers where-used: the matched versions, the affected products and the deployments the viewer may
   * see (each list filtered, sorted and paged as the query says), the aggregates as the viewer may see
   * them, and for an unknown package or a range that selects no version, a note.
   *
   * @throws InvalidInputException if the PURL, range, sort, cursor or list is invalid; the location
   *     names the parameter
   */
  public WhereUsedView whereUsed(WhereUsedQuery query, Viewer viewer) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(viewer, "viewer");
    return WhereUsedView.of(answer(selection(query.purl(), query.range()), graph.generation()), query, viewer)
        .withSources(sources, viewer);
  }

  /**
   * As {@link #whereUsed(WhereUsedQuery, Viewer)}, rendered by {@code render} (the edge's JSON writer).
   * The rendering of a page (a query with a limit) is remembered for the current graph generation, so
   * the same page for the same kind of viewer is served without shaping or rendering it again.
   *
   * @param render turns the view into the bytes to send; must be a pure function of the view
   * @throws InvalidInputException as {@link #whereUsed(WhereUsedQuery, Viewer)}
   */
  public byte[] whereUsedRendered(WhereUsedQuery query, Viewer viewer, Function<WhereUsedView, byte[]> render) {
    Objects.requireNonNull(viewer, "viewer");
    long generation = graph.generation();
    WhereUsedAnswer answer = answer(selection(query.purl(), query.range()), generation);
    if (query.limit() == 0) {
      return render.apply(WhereUsedView.of(answer, query, viewer).withSources(sources, viewer));
    }
    // Everything a page depends on, so equal keys mean equal documents: the products' SBOM sources
    // change with claim decisions that leave the graph's generation as it is, so their version (read
    // before they are) is part of the key, as is what the viewer may know of uploaders.
    String key = String.join("\u0000", answer.cacheKey, WhereUsedAnswer.visibilityKey(viewer), knowsKey(viewer),
        Long.toString(sources.version()), query.list().name(), query.sort(), WhereUsedAnswer.normalizeFilter(query.filter()),
        query.cursor(), Integer.toString(query.limit()));
    byte[] page = answers.page(key, generation);
    if (page == null) {
      page = render.apply(WhereUsedView.of(answer, query, viewer).withSources(sources, viewer));
      if (page.length <= MAX_KEPT_RENDERING) {
        answers.putPage(key, page, generation);
      }
    }
    return page;
  }

  /** Which uploaders a viewer may know ({@link Findings#knows}): all for a coordinator, else its own and listed kinds. */
  private static String knowsKey(Viewer viewer) {
    return viewer.coordinator() ? "knows:*" : "knows:" + viewer.organization();
  }

  /**
   * One where-used list, every row (no paging), filtered and sorted as the query says, as CSV with a
   * header row; see {@link WhereUsedCsv}.
   *
   * @throws InvalidInputException if the query is invalid or names no single list (location {@code list})
   */
  public String whereUsedCsv(WhereUsedQuery query, Viewer viewer) {
    if (query.list() == WhereUsedQuery.Lists.BOTH) {
      throw new InvalidInputException("CSV holds one list: add list=products or list=deployments", "list");
    }
    WhereUsedQuery whole = new WhereUsedQuery(query.purl(), query.range(), query.list(), 0, "", query.sort(), query.filter());
    WhereUsedView view = whereUsed(whole, viewer);
    return query.list() == WhereUsedQuery.Lists.PRODUCTS ? WhereUsedCsv.products(view.products()) : WhereUsedCsv.deployments(view.deployments());
  }

  /**
   * The whole where-used answer for a package and a range (before any viewer's visibility), from the
   * cache when it holds one: for services that apply their own visibility rules, such as {@link
   * Suggestions}.
   *
   * @throws InvalidInputException if the PURL or range is invalid
   */
  WhereUsedAnswer answer(String purlText, String rangeText) {
    return answer(selection(purlText, rangeText), graph.generation());
  }

  /** The answer for a selection, from the cache when it holds one for {@code generation} (read before). */
  private WhereUsedAnswer answer(Selection selection, long generation) {
    WhereUsedAnswer cached = answers.answer(selection.cacheKey(), generation);
    if (cached != null) {
      return cached;
    }
    WhereUsedAnswer answer = compute(selection);
    answers.putAnswer(answer, generation);
    return answer;
  }

  private WhereUsedAnswer compute(Selection selection) {
    String key = selection.packageKey();
    WhereUsed result = graph.whereUsed(key, selection.filter());
    boolean known = !result.matched().isEmpty() || graph.hasPackage(key);
    List<String> suggestions = known ? List.of() : graph.similarPackages(key, SUGGESTIONS);
    String note = null;
    if (!known) {
      note = "Accord has no package " + key + (suggestions.isEmpty()
          ? "; check the spelling, or search the catalogue by name"
          : "; did you mean " + joinOr(suggestions) + "?");
    } else if (result.matched().isEmpty()) {
      List<String> versions = graph.versionsOf(key);
      String selected = selection.rangeLabel().isEmpty() ? "version " + selection.exactVersion() : selection.rangeLabel();
      note = "No known version of " + key + " is in " + selected + ": Accord knows " + versions.size()
          + (versions.size() == 1 ? " version (" + versions.get(0) + ")" : " versions (" + versions.get(0) + " to " + versions.get(versions.size() - 1) + ")")
          + ", none of them in it";
    }
    return new WhereUsedAnswer(selection.cacheKey(), result, selection.rangeLabel(), known, suggestions, note);
  }

  private static String joinOr(List<String> items) {
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1);
  }

  /**
   * Which versions a where-used query selects: the package and a filter over version strings.
   *
   * @param packageKey the package, without version
   * @param filter accepts the selected versions
   * @param rangeLabel the range in {@code vers:} form, or empty
   * @param exactVersion the PURL's version when it selects one version (no range), else empty
   */
  public record Selection(String packageKey, Predicate<String> filter, String rangeLabel, String exactVersion) {
    /** What identifies the selection's answer: package, range and version. */
    String cacheKey() {
      return packageKey + '\u0000' + rangeLabel + '\u0000' + exactVersion;
    }
  }

  /** {@link #select}, remembered by the text asked (parsing depends on nothing that changes). */
  private Selection selection(String purlText, String rangeText) {
    String key = purlText + '\u0000' + rangeText;
    Selection selection = selections.get(key);
    if (selection == null) {
      selection = select(purlText, rangeText);
      if (selections.size() >= MAX_SELECTIONS) {
        selections.clear();
      }
      selections.put(key, selection);
    }
    return selection;
  }

  /**
   * Parses a where-used query's PURL and range: the range as its ecosystem writes ranges ({@link
   * RangeNotation}); without a range, the PURL's version alone, or every version.
   *
   * @throws InvalidInputException if the PURL or range is invalid; the location says which
   */
  public Selection select(String purlText, String rangeText) {
    Purl purl = Purl.parse(requireText(purlText, "purl"));
    Ecosystem ecosystem = Ecosystem.fromPurlType(purl.type());
    VersionScheme scheme = ecosystem.scheme();
    if (rangeText != null && !rangeText.isBlank()) {
      VersionRange range = RangeNotation.parse(ecosystem, rangeText);
      return new Selection(purl.packageKey(), version -> contains(scheme, range, version), range.toVers(), "");
    }
    if (purl.hasVersion()) {
      Version wanted = parseVersion(scheme, purl.version(), "purl");
      return new Selection(purl.packageKey(), version -> sameVersion(scheme, wanted, version), "", purl.version());
    }
    return new Selection(purl.packageKey(), version -> true, "", "");
  }

  /** Packages whose PURL starts with {@code prefix}, with their versions; see {@link ExposureGraph#packagesByPrefix}. */
  public List<ExposureGraph.PackageSummary> packages(String prefix, int limit) {
    String clean = requireText(prefix, "purl_prefix");
    if (!clean.startsWith("pkg:")) {
      throw new InvalidInputException("a PURL prefix starts with 'pkg:', such as pkg:maven/org.libra/", "purl_prefix");
    }
    return graph.packagesByPrefix(clean, Math.max(1, Math.min(limit, 1000)));
  }

  /**
   * Packages whose name or {@code namespace/name} contains {@code text}, ignoring case, exact and prefix
   * matches first; see {@link ExposureGraph#searchPackages}.
   *
   * @throws InvalidInputException if the text is blank (location {@code q})
   */
  public List<ExposureGraph.PackageSummary> searchPackages(String text, int limit) {
    return graph.searchPackages(requireText(text, "q"), Math.max(1, Math.min(limit, 1000)));
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
