package org.accord.disclosure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.accord.exposure.WhereUsed;
import org.accord.identity.Purl;
import org.accord.party.OrgKind;
import org.accord.party.Organization;
import org.accord.party.ProductClaim;

/**
 * Who should take part in a case, derived from the exposure graph and the approved product claims
 * (issue 9, item 5; ADR 0105). Pure: the caller brings one where-used answer per affected package, the
 * approved claims, the live SBOM uploaders of the affected products and the organizations.
 *
 * <ul>
 *   <li>maintainers: the owner ({@link ProductClaim#owner}) of each affected package;
 *   <li>vendors: the owner of each affected product version, or without one its SBOM uploaders
 *       (unverified), with one dependency path per product;
 *   <li>operators: each operator of an affected deployment, with the deployments per sector, country and
 *       criticality;
 *   <li>CERTs and authorities: organizations of kind {@code cert} or {@code government} in a country with
 *       affected deployments.
 * </ul>
 *
 * <p>Visibility follows the where-used rules (ADR 0097): an audience that sees all deployments (the
 * coordinator) gets every operator by name; any other audience gets its own deployments by name and the
 * others only as k-anonymous sector × country counts ({@link Result#withheld()}), and a country's CERT
 * only for a country where it has deployments itself or where at least k operators run affected ones.
 * Uploaders the audience may not know of (operators, researchers) are not named to it.
 */
public final class ParticipantSuggestions {
  private ParticipantSuggestions() {}

  /**
   * Who is asking.
   *
   * @param organization the asking organization's name; empty for the local administrator
   * @param seesAll whether it may see every operator's deployments (the coordinator, unshared)
   * @param knowsAll whether it may know every organization (the coordinator)
   * @param k the minimum number of distinct operators a count shown to others needs
   */
  public record Audience(String organization, boolean seesAll, boolean knowsAll, int k) {
    public Audience {
      Objects.requireNonNull(organization, "organization");
      if (k < 1) {
        throw new IllegalArgumentException("k must be at least 1");
      }
    }

    boolean sees(String operator) {
      return seesAll || organization.equals(operator);
    }

    boolean knows(Organization org) {
      return knowsAll || organization.equals(org.name()) || org.kind().listedToOthers();
    }
  }

  /**
   * One affected package with its where-used answer.
   *
   * @param reported the package and range as the report gives them
   * @param whereUsed the graph's answer for it
   * @param note what where-used says when the package is unknown or no version is in the range; null
   *     otherwise
   */
  public record Affected(ReportedPackage reported, WhereUsed whereUsed, String note) {
    public Affected {
      Objects.requireNonNull(reported, "reported");
      Objects.requireNonNull(whereUsed, "whereUsed");
    }
  }

  /**
   * The suggestions, ordered by kind and then organization name, with what could not be suggested.
   *
   * @param suggestions one per organization and kind
   * @param withheld affected deployments of operators the audience may not see, per sector and country,
   *     k-anonymous; empty for the coordinator
   * @param notes what was not found (an unknown package, a range selecting no version, a country without
   *     a CERT), so an empty list is never silent
   */
  public record Result(List<Suggestion> suggestions, List<Suggestion.DeploymentCount> withheld, List<String> notes) {
    public Result {
      suggestions = List.copyOf(suggestions);
      withheld = List.copyOf(withheld);
      notes = List.copyOf(notes);
    }

    /** The suggestions of one kind, in order. */
    public List<Suggestion> of(SuggestionKind kind) {
      return suggestions.stream().filter(s -> s.kind() == kind).toList();
    }
  }

  /**
   * Derives the suggestions.
   *
   * @param affected one entry per affected package
   * @param approved the approved product claims
   * @param uploaders the organizations whose live SBOMs describe each affected product version, by PURL
   * @param organizations every organization of the instance
   * @param audience who is asking
   */
  public static Result suggest(
      List<Affected> affected, Collection<ProductClaim> approved, Map<String, List<Organization>> uploaders,
      Collection<Organization> organizations, Audience audience) {
    List<Suggestion> suggestions = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (Affected a : affected) {
      if (a.note() != null) {
        notes.add(a.note());
      } else if (a.whereUsed().products().isEmpty()) {
        notes.add("No product Accord knows contains " + a.reported().purl().packageKey() + " in " + a.reported().range().toVers());
      }
    }
    suggestions.addAll(maintainers(affected, approved, audience));
    suggestions.addAll(vendors(affected, approved, uploaders, audience, notes));
    List<WhereUsed.DeploymentHit> hits = deployments(affected);
    Map<String, Organization> byName = new LinkedHashMap<>();
    organizations.forEach(o -> byName.put(o.name(), o));
    suggestions.addAll(operators(hits, byName, audience));
    suggestions.addAll(certs(hits, organizations, audience, notes));
    suggestions.sort((x, y) -> x.kind() != y.kind() ? x.kind().compareTo(y.kind()) : x.organization().compareTo(y.organization()));
    List<WhereUsed.DeploymentHit> hidden = hits.stream().filter(h -> !audience.sees(h.operator())).toList();
    return new Result(suggestions, anonymous(hidden, audience.k()), notes);
  }

  private static List<Suggestion> maintainers(List<Affected> affected, Collection<ProductClaim> approved, Audience audience) {
    Map<String, Builder> byOrg = new TreeMap<>();
    for (Affected a : affected) {
      String key = a.reported().purl().packageKey();
      Optional<ProductClaim> owner = ProductClaim.owner(approved, key).filter(c -> audience.knows(c.organization()));
      if (owner.isPresent()) {
        Builder b = byOrg.computeIfAbsent(owner.get().organization().name(), n -> new Builder(owner.get().organization()));
        b.claims.add(owner.get().namespace());
        b.packages.add(key);
      }
    }
    List<Suggestion> out = new ArrayList<>();
    for (Builder b : byOrg.values()) {
      String reason = "holds the approved claim on " + String.join(", ", b.claims) + ", which covers the affected "
          + plural(b.packages.size(), "package") + " " + String.join(", ", b.packages);
      out.add(b.build(SuggestionKind.MAINTAINER, EnumSet.of(ParticipantRole.VENDOR), true, reason));
    }
    return out;
  }

  private static List<Suggestion> vendors(
      List<Affected> affected, Collection<ProductClaim> approved, Map<String, List<Organization>> uploaders, Audience audience,
      List<String> notes) {
    Map<String, Builder> byOrg = new TreeMap<>();
    Set<String> unnamed = new TreeSet<>();
    java.util.function.Function<String, Optional<ProductClaim>> owners = ProductClaim.owners(approved);
    for (Affected a : affected) {
      String component = a.reported().purl().packageKey();
      for (WhereUsed.ProductHit product : a.whereUsed().products()) {
        Optional<ProductClaim> owner = owners.apply(Purl.packageKeyOf(product.purl()));
        List<Organization> vendors = owner.map(c -> List.of(c.organization()).stream().filter(audience::knows).toList())
            .orElseGet(() -> uploaders.getOrDefault(product.purl(), List.of()).stream().filter(audience::knows).toList());
        if (vendors.isEmpty()) {
          unnamed.add(product.purl()); // once, however many affected packages it contains
        }
        for (Organization vendor : vendors) {
          Builder b = byOrg.computeIfAbsent(vendor.name(), n -> new Builder(vendor));
          owner.ifPresentOrElse(c -> b.claims.add(c.namespace()), () -> b.unverified = true);
          b.packages.add(component);
          b.paths.putIfAbsent(product.purl(), product.path());
        }
      }
    }
    if (!unnamed.isEmpty()) {
      notes.add(plural(unnamed.size(), "affected product version") + " with no owner and no SBOM uploader you may know of");
    }
    List<Suggestion> out = new ArrayList<>();
    for (Builder b : byOrg.values()) {
      Suggestion.ProductPath first = b.paths().get(0);
      String how = b.unverified
          ? (b.claims.isEmpty() ? "uploaded the SBOMs of " : "owns or uploaded the SBOMs of ") : "owns ";
      String reason = how + plural(b.paths.size(), "affected product version") + ", such as " + first.product()
          + " via " + String.join(" -> ", first.path())
          + (b.unverified ? " (unverified: no approved claim makes it the product's vendor)" : " (approved claim on "
              + String.join(", ", b.claims) + ")");
      out.add(b.build(SuggestionKind.VENDOR, EnumSet.of(ParticipantRole.VENDOR), !b.unverified, reason));
    }
    return out;
  }

  /** Every affected deployment once (two affected packages may reach the same one). */
  private static List<WhereUsed.DeploymentHit> deployments(List<Affected> affected) {
    if (affected.size() == 1) {
      // one answer lists each deployment once; copied so its rows are made once (ADR 0135)
      return new ArrayList<>(affected.get(0).whereUsed().deployments());
    }
    record Key(String operator, String site, String product) {}
    List<WhereUsed.DeploymentHit> hits = new ArrayList<>();
    Set<Key> seen = new HashSet<>();
    for (Affected a : affected) {
      for (WhereUsed.DeploymentHit hit : a.whereUsed().deployments()) {
        if (seen.add(new Key(hit.operator(), hit.site(), hit.product()))) {
          hits.add(hit);
        }
      }
    }
    return hits;
  }

  private static List<Suggestion> operators(List<WhereUsed.DeploymentHit> hits, Map<String, Organization> byName, Audience audience) {
    Map<String, List<WhereUsed.DeploymentHit>> grouped = new HashMap<>();
    for (WhereUsed.DeploymentHit hit : hits) {
      if (audience.sees(hit.operator())) {
        grouped.computeIfAbsent(hit.operator(), o -> new ArrayList<>()).add(hit);
      }
    }
    List<Suggestion> out = new ArrayList<>();
    new TreeMap<>(grouped).forEach((operator, own) -> {
      Organization org = byName.get(operator);
      Builder b = new Builder(operator, org == null ? OrgKind.OPERATOR : org.kind());
      own.forEach(h -> b.paths.putIfAbsent(h.product(), h.path()));
      b.cells.addAll(detailed(own));
      Set<String> sectors = new TreeSet<>();
      Set<String> countries = new TreeSet<>();
      Map<String, Integer> criticality = new TreeMap<>();
      for (WhereUsed.DeploymentHit h : own) {
        sectors.add(h.sector());
        countries.add(h.country());
        criticality.merge(h.criticality(), 1, Integer::sum);
      }
      List<String> levels = new ArrayList<>();
      criticality.forEach((level, n) -> levels.add(n + " " + level));
      String reason = "runs " + plural(own.size(), "affected deployment") + " (" + String.join(", ", levels) + ") in "
          + String.join(", ", countries) + ", sector " + String.join(", ", sectors);
      out.add(b.build(SuggestionKind.OPERATOR, EnumSet.of(ParticipantRole.DEPLOYER), true, reason));
    });
    return out;
  }

  private static List<Suggestion> certs(
      List<WhereUsed.DeploymentHit> hits, Collection<Organization> organizations, Audience audience, List<String> notes) {
    Map<String, List<WhereUsed.DeploymentHit>> grouped = new HashMap<>();
    hits.forEach(h -> grouped.computeIfAbsent(h.country(), c -> new ArrayList<>()).add(h));
    List<Suggestion> out = new ArrayList<>();
    new TreeMap<>(grouped).forEach((country, inCountry) -> {
      List<WhereUsed.DeploymentHit> own =
          audience.seesAll ? inCountry : inCountry.stream().filter(h -> audience.sees(h.operator())).toList();
      boolean countsShown = audience.seesAll || distinctOperators(inCountry) >= audience.k();
      if (!countsShown && own.isEmpty()) {
        return; // the country's deployments are too few operators to be told to this audience
      }
      // A non-coordinator gets the country's k-anonymous cells; its total is that of the cells shown,
      // "at least" when some are suppressed, so the difference never tells what a suppressed cell holds.
      List<Suggestion.DeploymentCount> cells =
          audience.seesAll ? detailed(inCountry) : countsShown ? anonymous(inCountry, audience.k()) : detailed(own);
      int shown = cells.stream().mapToInt(c -> c.deployments() == null ? 0 : c.deployments()).sum();
      boolean partial = cells.stream().anyMatch(c -> c.deployments() == null);
      String what = (partial ? "at least " : "") + plural(shown, "affected deployment") + (countsShown ? "" : " of yours");
      boolean found = false;
      for (Organization org : organizations) {
        if (!country.equals(org.country()) || (org.kind() != OrgKind.CERT && org.kind() != OrgKind.GOVERNMENT)) {
          continue;
        }
        found = true;
        boolean cert = org.kind() == OrgKind.CERT;
        Builder b = new Builder(org);
        b.cells.addAll(cells);
        String reason = (cert ? "CERT" : "government body") + " for " + country + ": " + what;
        out.add(b.build(cert ? SuggestionKind.CERT : SuggestionKind.AUTHORITY,
            EnumSet.of(cert ? ParticipantRole.COORDINATOR : ParticipantRole.OBSERVER), true, reason));
      }
      if (!found) {
        notes.add("No CERT or government body of " + country + " is known to Accord (" + what + " there)");
      }
    });
    return out;
  }

  private static int distinctOperators(List<WhereUsed.DeploymentHit> hits) {
    Set<String> operators = new HashSet<>();
    hits.forEach(h -> operators.add(h.operator()));
    return operators.size();
  }

  /** A cell of detailed counts; ordered by sector, country, then criticality. */
  private record Cell(String sector, String country, String criticality) implements Comparable<Cell> {
    private static final java.util.Comparator<Cell> ORDER =
        java.util.Comparator.comparing(Cell::sector).thenComparing(Cell::country).thenComparing(Cell::criticality);

    @Override
    public int compareTo(Cell other) {
      return ORDER.compare(this, other);
    }

    @Override
    public int hashCode() {
      return (31 * sector.hashCode() + country.hashCode()) * 31 + criticality.hashCode(); // not through the record's bootstrap
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Cell c && sector.equals(c.sector) && country.equals(c.country) && criticality.equals(c.criticality);
    }
  }

  /**
   * Counts per sector, country and criticality. Counted in a hash map on record keys and sorted once:
   * this runs over every affected deployment of a case, tens of thousands for a popular package (ADR 0135).
   */
  private static List<Suggestion.DeploymentCount> detailed(List<WhereUsed.DeploymentHit> hits) {
    Map<Cell, int[]> counts = new HashMap<>();
    for (WhereUsed.DeploymentHit h : hits) {
      counts.computeIfAbsent(new Cell(h.sector(), h.country(), h.criticality()), c -> new int[1])[0]++;
    }
    List<Suggestion.DeploymentCount> cells = new ArrayList<>();
    new TreeMap<>(counts).forEach((cell, n) -> cells.add(new Suggestion.DeploymentCount(cell.sector(), cell.country(), cell.criticality(), n[0])));
    return cells;
  }

  /** Counts per sector and country, null below k distinct operators. */
  private static List<Suggestion.DeploymentCount> anonymous(List<WhereUsed.DeploymentHit> hits, int k) {
    Map<String, Integer> counts = new TreeMap<>();
    Map<String, Set<String>> operators = new TreeMap<>();
    for (WhereUsed.DeploymentHit h : hits) {
      String key = h.sector() + '\u0000' + h.country();
      counts.merge(key, 1, Integer::sum);
      operators.computeIfAbsent(key, x -> new HashSet<>()).add(h.operator());
    }
    List<Suggestion.DeploymentCount> cells = new ArrayList<>();
    counts.forEach((key, n) -> {
      String[] parts = key.split("\u0000", 2);
      cells.add(new Suggestion.DeploymentCount(parts[0], parts[1], "", operators.get(key).size() >= k ? n : null));
    });
    return cells;
  }

  private static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** Collects one suggestion's evidence. */
  private static final class Builder {
    final String name;
    final OrgKind orgKind;
    final Set<String> claims = new TreeSet<>();
    final Set<String> packages = new LinkedHashSet<>();
    final Map<String, List<String>> paths = new TreeMap<>();
    final List<Suggestion.DeploymentCount> cells = new ArrayList<>();
    boolean unverified;

    Builder(Organization org) {
      this(org.name(), org.kind());
    }

    Builder(String name, OrgKind orgKind) {
      this.name = name;
      this.orgKind = orgKind;
    }

    List<Suggestion.ProductPath> paths() {
      List<Suggestion.ProductPath> out = new ArrayList<>();
      paths.forEach((product, path) -> out.add(new Suggestion.ProductPath(product, path)));
      return out;
    }

    Suggestion build(SuggestionKind kind, EnumSet<ParticipantRole> roles, boolean verified, String reason) {
      return new Suggestion(name, orgKind, kind, List.copyOf(roles), verified, reason,
          new Suggestion.Evidence(List.copyOf(claims), List.copyOf(packages), paths(), cells));
    }
  }
}
