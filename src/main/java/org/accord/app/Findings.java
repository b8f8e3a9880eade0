package org.accord.app;

import java.util.ArrayList;
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
import org.accord.advisory.AffectedPackage;
import org.accord.advisory.VexStatement;
import org.accord.exposure.ExposureGraph;
import org.accord.exposure.WhereUsed;
import org.accord.identity.Purl;
import org.accord.party.Authority;
import org.accord.party.Organization;
import org.accord.party.ProductClaim;
import org.accord.store.AdvisoryStore;
import org.accord.store.Claims;
import org.accord.store.SbomDocuments;
import org.accord.store.Database;
import org.accord.store.VexStore;
import org.jdbi.v3.core.Handle;

/**
 * Findings: for each advisory, the products and deployments that reach an affected package version,
 * with one shortest path each and the VEX status that applies.
 *
 * <p>Always current: the store keeps only which package versions each advisory affects (kept current
 * by {@link Advisories}); products, deployments and paths are derived from the exposure graph at read
 * time with a where-used query over the matched versions, so a new SBOM, a replaced SBOM or a new
 * inventory changes the findings at once. A finding's status is its most specific, latest applicable
 * VEX statement's ({@link VexStatement#decide}); without one it is {@code unknown}, never a status a
 * statement could have given. Only statements with authority over the product count: those uploaded by
 * the product's owner (the organization holding an approved claim on its namespace, ADR 0091) or by a
 * coordinator, so no third party can suppress another vendor's findings, and uploading an SBOM first
 * gives no authority. Private statements count only for their uploader and the coordinator, so a
 * status never reveals a statement the viewer may not read. Each finding names the organizations
 * whose live SBOMs describe the product (those the viewer may know) and whether the owner's is among
 * them.
 *
 * <p>Visibility as for where-used ({@link Viewer}): products and suppliers are visible to every
 * authenticated party; a deployment's operator and site only to that operator (and a coordinator), the
 * others are counted as hidden and enter the sector by country counts, with cells of fewer than k
 * operators suppressed. Thread-safe.
 */
public final class Findings {
  /** The status of a finding no VEX statement covers. */
  public static final String UNKNOWN = "unknown";

  private final Database database;
  private final ExposureGraph graph;
  private final Advisories advisories;

  Findings(Database database, ExposureGraph graph, Advisories advisories) {
    this.database = database;
    this.graph = graph;
    this.advisories = advisories;
  }

  /**
   * The findings as a viewer sees them.
   *
   * @param advisories per advisory with findings
   * @param findings how many (advisory, product, package) findings in all
   * @param open findings whose status is unknown, affected or under investigation
   * @param suppressed findings a statement marks not affected or fixed
   */
  public record View(List<AdvisoryFindings> advisories, int findings, int open, int suppressed) {}

  /**
   * One advisory record's findings: records of the same id from several sources are answered side by
   * side, each with its own findings, never merged (ADR 0100).
   *
   * @param advisory the advisory's id
   * @param source the organization whose record the findings rest on
   * @param aliases its other names
   * @param summary its summary
   * @param matched the affected package versions in the graph (PURLs)
   * @param notEvaluable parts of the advisory that cannot match (GIT ranges, entries without package)
   * @param findings one per affected product (and affected package)
   * @param aggregates deployments by sector and country over all findings; a suppressed cell's {@code
   *     deployments} is {@code "<k"}
   * @param hiddenDeployments deployments counted but not shown to this viewer, k-anonymous ({@link
   *     HiddenCount}: a number, {@code "<k"} or {@code "≥N"})
   */
  public record AdvisoryFindings(
      String advisory, String source, List<String> aliases, String summary, List<String> matched, List<String> notEvaluable,
      List<Finding> findings, List<Map<String, Object>> aggregates, HiddenCount hiddenDeployments) {}

  /**
   * One finding: an affected product version and how the vulnerable version got into it.
   *
   * @param component the matched package version (the end of {@code path})
   * @param product the product version
   * @param supplier the product's owner (approved claim); empty when none, or hidden from the viewer
   * @param sbomSource {@code owner} when only the owner's own SBOM describes the product, {@code
   *     third_party} when only others' do, {@code mixed} when both do, {@code none} when no live SBOM
   *     does ({@link org.accord.party.SbomSource})
   * @param sbomUploaders the organizations whose live SBOMs describe the product, those the viewer may
   *     know take part
   * @param path PURLs from the product down to the component
   * @param status {@code unknown}, or the statement's status: {@code affected}, {@code not_affected},
   *     {@code fixed}, {@code under_investigation}
   * @param statement the deciding statement; null when the status is {@code unknown}
   * @param deployments the product's deployments this viewer may see
   * @param hiddenDeployments the product's deployments this viewer may not see, k-anonymous ({@link
   *     HiddenCount})
   */
  public record Finding(
      String component, String product, String supplier, String sbomSource, List<String> sbomUploaders, List<String> path,
      String status,
      Advisories.StatementView statement, List<WhereUsed.DeploymentHit> deployments, HiddenCount hiddenDeployments) {
    /** Whether a statement suppresses the finding (not affected, fixed). */
    public boolean suppressed() {
      return status.equals("not_affected") || status.equals("fixed");
    }
  }

  /** The findings of one advisory (every source's record), or of every advisory the viewer may see. */
  public View findings(String advisoryId, String organization, Viewer viewer) {
    return findings(advisoryId, null, organization, viewer);
  }

  /**
   * The findings of one advisory, or of every advisory the viewer may see, one entry per advisory record
   * (so per source, ADR 0100).
   *
   * @param advisoryId an advisory id or alias, or null for all
   * @param source when not blank, only the records of this source (organization); with an advisory id,
   *     an unknown or invisible source is answered as a missing advisory
   * @param organization when given, only findings in this organization's products (as supplier) or
   *     deployments (as operator): the viewer's own organization, or any existing one for a coordinator
   * @throws org.accord.NotFoundException if the advisory does not exist or is not visible, or the
   *     organization does not exist or is another's (the same answer)
   */
  public View findings(String advisoryId, String source, String organization, Viewer viewer) {
    Objects.requireNonNull(viewer, "viewer");
    return database.jdbi().withHandle(
        handle -> {
          String org = organizationFilter(handle, organization, viewer);
          List<AdvisoryStore.Row> rows = new ArrayList<>();
          if (advisoryId != null && !advisoryId.isBlank()) {
            rows.addAll(advisories.visibleRecords(handle, advisoryId, source, viewer));
          } else {
            for (long pk : AdvisoryStore.matchedAdvisories(handle, Advisories.scopes(handle, viewer))) {
              AdvisoryStore.byPk(handle, pk)
                  .map(row -> Advisories.labelled(handle, List.of(row), viewer).get(0))
                  .filter(row -> source == null || source.isBlank() || row.owner().equals(source.strip()))
                  .ifPresent(rows::add);
            }
          }
          List<AdvisoryFindings> result = new ArrayList<>();
          int total = 0;
          int open = 0;
          int suppressed = 0;
          for (AdvisoryStore.Row row : rows) {
            Raw raw = compute(handle, row, viewer);
            AdvisoryFindings shown = show(raw, org, viewer);
            if (org != null && shown.findings().isEmpty() && advisoryId == null) {
              continue;
            }
            result.add(shown);
            for (Finding finding : shown.findings()) {
              total++;
              if (finding.suppressed()) {
                suppressed++;
              } else {
                open++;
              }
            }
          }
          return new View(result, total, open, suppressed);
        });
  }

  /** One finding before visibility: every deployment, and the deciding statement if any. */
  record RawFinding(
      String component, String product, String supplier, String sbomSource, List<String> sbomUploaders, List<String> path,
      Optional<VexStore.StoredStatement> statement, List<WhereUsed.DeploymentHit> deployments) {
    String status() {
      return statement.map(s -> s.statement().status().label()).orElse(UNKNOWN);
    }
  }

  /** One advisory's findings before visibility. */
  record Raw(AdvisoryStore.Row row, List<String> names, List<String> matched, List<String> notEvaluable, List<RawFinding> findings) {}

  /** Derives an advisory's findings from its stored matches and the graph, with the statements the viewer may see. */
  Raw compute(Handle handle, AdvisoryStore.Row row, Viewer viewer) {
    List<AdvisoryStore.Match> matches = AdvisoryStore.matches(handle, row.pk());
    Map<String, Set<String>> versionsByPackage = new LinkedHashMap<>();
    List<String> matched = new ArrayList<>();
    for (AdvisoryStore.Match match : matches) {
      versionsByPackage.computeIfAbsent(match.packageKey(), key -> new LinkedHashSet<>()).add(match.version());
      matched.add(match.purl());
    }
    List<String> notEvaluable = new ArrayList<>();
    for (AffectedPackage affected : AdvisoryStore.affectedOf(handle, row.pk())) {
      notEvaluable.addAll(affected.notEvaluable());
    }
    List<String> names = new ArrayList<>();
    names.add(row.advisoryId());
    names.addAll(row.aliases());
    List<VexStore.StoredStatement> stored = Advisories.statements(handle, names, viewer);

    record Key(String product, String packageKey) {}
    Map<Key, List<String>> paths = new LinkedHashMap<>();
    Map<Key, List<WhereUsed.DeploymentHit>> deployments = new LinkedHashMap<>();
    for (Map.Entry<String, Set<String>> pkg : versionsByPackage.entrySet()) {
      Set<String> versions = pkg.getValue();
      WhereUsed whereUsed = graph.whereUsed(pkg.getKey(), versions::contains);
      for (WhereUsed.ProductHit hit : whereUsed.products()) {
        Key key = new Key(hit.purl(), pkg.getKey());
        paths.putIfAbsent(key, hit.path());
        deployments.putIfAbsent(key, new ArrayList<>());
      }
      for (WhereUsed.DeploymentHit hit : whereUsed.deployments()) {
        Key key = new Key(hit.product(), pkg.getKey());
        paths.putIfAbsent(key, hit.path());
        deployments.computeIfAbsent(key, k -> new ArrayList<>()).add(hit);
      }
    }
    List<ProductClaim> owners = Claims.approved(handle);
    Map<String, List<Organization>> uploaders =
        SbomDocuments.liveUploaders(handle, paths.keySet().stream().map(Key::product).toList());
    Map<String, Purl> parsed = new HashMap<>();
    List<RawFinding> findings = new ArrayList<>();
    for (Map.Entry<Key, List<String>> entry : paths.entrySet()) {
      List<String> path = entry.getValue();
      String component = path.get(path.size() - 1);
      String product = entry.getKey().product();
      Optional<VexStore.StoredStatement> decided = Optional.empty();
      String productKey = Purl.packageKeyOf(product);
      Optional<ProductClaim> owner = ProductClaim.owner(owners, productKey);
      String supplier = owner.map(c -> c.organization()).filter(o -> knows(viewer, o)).map(Organization::name).orElse("");
      ProductSources.Source sbom = ProductSources.source(owner, uploaders.getOrDefault(product, List.of()), viewer);
      List<VexStore.StoredStatement> trusted = new ArrayList<>();
      for (VexStore.StoredStatement candidate : stored) {
        if (Authority.decidesVex(candidate.uploader(), candidate.coordinator(), owner)) {
          trusted.add(candidate);
        }
      }
      List<VexStatement> statements = trusted.stream().map(VexStore.StoredStatement::statement).toList();
      if (!statements.isEmpty()) {
        Purl productPurl = parsed.computeIfAbsent(product, Purl::parse);
        Purl componentPurl = parsed.computeIfAbsent(component, Purl::parse);
        Optional<VexStatement> statement = VexStatement.decide(statements, productPurl, componentPurl);
        if (statement.isPresent()) {
          for (VexStore.StoredStatement candidate : trusted) {
            if (candidate.statement() == statement.get()) {
              decided = Optional.of(candidate);
            }
          }
        }
      }
      findings.add(
          new RawFinding(component, product, supplier, sbom.sbomSource(), sbom.sbomUploaders(), path, decided, deployments.get(entry.getKey())));
    }
    return new Raw(row, names, matched, notEvaluable, findings);
  }

  /**
   * The organization an {@code org=} filter names, checked: none (null) when blank; the viewer's own;
   * or, for a coordinator, any existing one. Another organization is answered exactly as an unknown
   * one, so the filter tells no one which organizations take part (issue 8, ADR 0097).
   *
   * @throws org.accord.NotFoundException if it does not exist or the viewer may not ask about it
   */
  static String organizationFilter(Handle handle, String organization, Viewer viewer) {
    if (organization == null || organization.isBlank()) {
      return null;
    }
    String name = organization.strip();
    if (!viewer.mayFilterBy(name) || org.accord.store.Organizations.find(handle, name).isEmpty()) {
      throw new org.accord.NotFoundException("no organization named '" + name + "'");
    }
    return name;
  }

  /** Applies the organization filter and the viewer's visibility. */
  static AdvisoryFindings show(Raw raw, String org, Viewer viewer) {
    Map<String, WhereUsed.DeploymentHit> counted = new LinkedHashMap<>();
    List<RawFinding> kept = new ArrayList<>();
    for (RawFinding finding : raw.findings()) {
      boolean supplies = org == null || org.equals(finding.supplier());
      boolean operates = org != null && finding.deployments().stream().anyMatch(d -> d.operator().equals(org));
      if (!supplies && !operates) {
        continue;
      }
      kept.add(finding);
      for (WhereUsed.DeploymentHit hit : finding.deployments()) {
        if (supplies || hit.operator().equals(org)) {
          counted.putIfAbsent(hit.operator() + '\u0000' + hit.site() + '\u0000' + hit.product(), hit);
        }
      }
    }
    Set<String> suppressed = suppressedCells(counted.values(), viewer);
    HiddenCount.Counter hiddenTotal = new HiddenCount.Counter(suppressed, viewer.k());
    for (WhereUsed.DeploymentHit hit : counted.values()) {
      if (!viewer.seesDeploymentsOf(hit.operator())) {
        hiddenTotal.add(hit);
      }
    }
    List<Finding> findings = new ArrayList<>();
    for (RawFinding finding : kept) {
      boolean supplies = org == null || org.equals(finding.supplier());
      List<WhereUsed.DeploymentHit> visible = new ArrayList<>();
      HiddenCount.Counter hidden = new HiddenCount.Counter(suppressed, viewer.k());
      for (WhereUsed.DeploymentHit hit : finding.deployments()) {
        if (!supplies && !hit.operator().equals(org)) {
          continue;
        }
        if (viewer.seesDeploymentsOf(hit.operator())) {
          visible.add(hit);
        } else {
          hidden.add(hit);
        }
      }
      findings.add(
          new Finding(
              finding.component(), finding.product(), finding.supplier(), finding.sbomSource(), finding.sbomUploaders(),
              finding.path(), finding.status(), finding.statement().map(s -> Advisories.StatementView.of(s, true)).orElse(null),
              visible, hidden.count()));
    }
    return new AdvisoryFindings(
        raw.row().advisoryId(), raw.row().owner(), raw.row().aliases(), raw.row().summary(), raw.matched(), raw.notEvaluable(), findings,
        aggregates(counted.values(), viewer), hiddenTotal.count());
  }

  /** The sector × country cells of these deployments that the viewer's answer shows as {@code "<k"}. */
  static Set<String> suppressedCells(Iterable<WhereUsed.DeploymentHit> deployments, Viewer viewer) {
    Map<String, Set<String>> operators = new HashMap<>();
    for (WhereUsed.DeploymentHit hit : deployments) {
      operators.computeIfAbsent(HiddenCount.cell(hit.sector(), hit.country()), k -> new HashSet<>()).add(hit.operator());
    }
    Set<String> suppressed = new HashSet<>();
    operators.forEach((cell, distinct) -> {
      if (viewer.suppressesAggregates() && distinct.size() < viewer.k()) {
        suppressed.add(cell);
      }
    });
    return suppressed;
  }

  /** Whether the viewer may know that {@code organization} takes part (as {@link Authority#maySee}). */
  static boolean knows(Viewer viewer, Organization organization) {
    return viewer.coordinator() || viewer.organization().equals(organization.name()) || organization.kind().listedToOthers();
  }

  /** Deployments by sector and country, each cell suppressed below k operators when the viewer must not see it. */
  static List<Map<String, Object>> aggregates(Iterable<WhereUsed.DeploymentHit> deployments, Viewer viewer) {
    Map<String, int[]> counts = new TreeMap<>();
    Map<String, Set<String>> operators = new HashMap<>();
    for (WhereUsed.DeploymentHit hit : deployments) {
      String key = hit.sector() + '\u0000' + hit.country();
      counts.computeIfAbsent(key, k -> new int[1])[0]++;
      operators.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(hit.operator());
    }
    List<Map<String, Object>> cells = new ArrayList<>();
    for (Map.Entry<String, int[]> entry : counts.entrySet()) {
      String[] parts = entry.getKey().split("\u0000", 2);
      Map<String, Object> cell = new LinkedHashMap<>();
      cell.put("sector", parts[0]);
      cell.put("country", parts[1]);
      int distinct = operators.get(entry.getKey()).size();
      if (viewer.suppressesAggregates() && distinct < viewer.k()) {
        cell.put("deployments", "<" + viewer.k());
      } else {
        cell.put("deployments", entry.getValue()[0]);
        cell.put("operators", distinct);
      }
      cells.add(cell);
    }
    return cells;
  }
}
