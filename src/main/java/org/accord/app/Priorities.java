package org.accord.app;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.accord.InvalidInputException;
import org.accord.advisory.Advisory;
import org.accord.advisory.SeverityScore;
import org.accord.exposure.WhereUsed;
import org.accord.store.AdvisoryStore;
import org.accord.store.Database;
import org.accord.triage.Cvss;
import org.accord.triage.CvssScore;
import org.accord.triage.Deployment;
import org.accord.triage.Exploitation;
import org.accord.triage.ImpactAssessment;
import org.accord.triage.Provenance;
import org.accord.triage.SsvcDecision;
import org.accord.triage.SsvcTable;

/**
 * Exposure-weighted priority: for one advisory and one stakeholder role, an SSVC decision per affected
 * deployment (deployer), per affected product (supplier) or per product and overall (coordinator),
 * ranked, with every decision point filled from evidence, exposure, the advisory's CVSS vector or an
 * explicit assumption, and each one's reason recorded.
 *
 * <p>Where each decision point comes from (ADR 0063):
 *
 * <ul>
 *   <li>Exploitation: the stored KEV and EPSS snapshots and the advisory's exploit references, per CVE
 *       alias, by {@link Exploitation#assess}; the worst over the advisory's CVEs. With no feed loaded
 *       and no exploit reference (or no CVE to look up), {@code active}, marked as assumed.
 *   <li>Mission prevalence, public well-being, mission and well-being impact, public safety impact,
 *       supplier cardinality: {@link ImpactAssessment} over the deployments in scope (the one
 *       deployment for a deployer; all deployments of the product for a supplier or coordinator).
 *   <li>Human impact (deployer): from that assessment: very high when public well-being is
 *       irreversible, high when mission prevalence is essential, medium when public well-being is
 *       material, else low.
 *   <li>Automatable and technical impact: from the advisory's CVSS 3.x or 4.0 vector (4.0's AU when
 *       present; otherwise network, low complexity, no privileges, no interaction; total when both
 *       confidentiality and integrity impact are high).
 *   <li>Utility: automatable with value density, as SSVC defines it.
 *   <li>Anything else (system exposure, value density, or a point with no data): the request's
 *       assumption, or the most severe value, marked as assumed.
 * </ul>
 *
 * <p>Findings a VEX statement marks not affected or fixed are left out and counted. Deployments the
 * viewer may not see still weigh in a supplier's or coordinator's impact assessment, under
 * pseudonyms, and their counts are shown only when no cell of fewer than k entities would be revealed.
 * Thread-safe.
 */
public final class Priorities {

  /** The stakeholder roles, each with the built-in table it decides with by default. */
  public enum Role {
    DEPLOYER("deployer"),
    SUPPLIER("supplier"),
    COORDINATOR("cisa-coordinator");

    private final String table;

    Role(String table) {
      this.table = table;
    }

    /** The built-in SSVC table this role decides with. */
    public String table() {
      return table;
    }

    /** The role's id: deployer, supplier or coordinator. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The role with this id.
     *
     * @throws InvalidInputException for another id
     */
    public static Role fromId(String id) {
      for (Role role : values()) {
        if (role.id().equals(id == null ? "" : id.strip().toLowerCase(Locale.ROOT))) {
          return role;
        }
      }
      throw new InvalidInputException("unknown role '" + id + "' (one of deployer, supplier, coordinator)", "as");
    }
  }

  /**
   * What to decide.
   *
   * @param advisory the advisory id or alias
   * @param role the stakeholder role
   * @param organization the deployer's or supplier's organization; null for every one the viewer sees
   * @param assumptions decision point id to value, overriding what would be derived or assumed
   * @param epssThreshold EPSS probabilities above this count as a public PoC
   * @param table a custom table (a risk appetite); null for the role's built-in table
   * @param source the source (organization) whose record of the advisory to decide on; empty for every
   *     source's record the viewer sees, combined (ADR 0100)
   */
  public record Request(
      String advisory, Role role, String organization, Map<String, String> assumptions, double epssThreshold, SsvcTable table,
      String source) {
    /** A request about the advisory's only source's record. */
    public Request(
        String advisory, Role role, String organization, Map<String, String> assumptions, double epssThreshold, SsvcTable table) {
      this(advisory, role, organization, assumptions, epssThreshold, table, "");
    }

    public Request {
      source = source == null ? "" : source.strip();
      Objects.requireNonNull(advisory, "advisory");
      Objects.requireNonNull(role, "role");
      assumptions = Map.copyOf(assumptions);
      if (!(epssThreshold >= 0.0 && epssThreshold <= 1.0)) {
        throw new InvalidInputException("the EPSS threshold must be between 0 and 1, not " + epssThreshold, "epss_threshold");
      }
    }
  }

  /**
   * The answer.
   *
   * @param advisory the advisory's id
   * @param sources the organizations whose records of the advisory the decision rests on (ADR 0100)
   * @param role the role
   * @param organization the organization decided for; empty for all
   * @param table the table's id
   * @param tableDigest its SHA-256
   * @param exploitation the Exploitation value, where it came from and why
   * @param ranked one decision per deployment or product, most urgent first
   * @param suppressed findings left out because a VEX statement marks them not affected or fixed
   * @param notes anything the reader should know (no findings, hidden deployments, …)
   */
  public record View(
      String advisory, List<String> sources, String role, String organization, String table, String tableDigest, ExploitationView exploitation,
      List<Unit> ranked, int suppressed, List<String> notes) {}

  /**
   * How Exploitation was set.
   *
   * @param value the value id
   * @param source {@code evidence}, or {@code assumed}: given by the request, or, when no KEV catalog
   *     or EPSS scores are loaded and there is no exploit reference, the most severe value ({@code
   *     active})
   * @param reason why
   * @param evidence the feeds consulted, with version and publication time; empty when assumed
   */
  public record ExploitationView(String value, String source, String reason, List<Map<String, Object>> evidence) {}

  /**
   * One decision.
   *
   * @param rank 1 for the most urgent
   * @param kind {@code deployment}, {@code product} or {@code overall}
   * @param subject what it is about: {@code operator / site} for a deployment, the product PURL, or the
   *     advisory for the overall decision
   * @param product the product version (empty for the overall decision)
   * @param outcome the table's outcome value id
   * @param inputs every decision point's value id, in table order
   * @param derived how each input was set: {@code evidence}, {@code exposure}, {@code cvss}, {@code
   *     derived} or {@code assumed}
   * @param rationale why each derived input has its value
   * @param deployments how many deployments weighed in (an int, or {@code "<k"})
   * @param entities how many distinct operators run them (an int, or {@code "<k"})
   * @param sources the advisory records' sources (organizations) whose affected ranges the unit's
   *     findings rest on (ADR 0100)
   */
  public record Unit(
      int rank, String kind, String subject, String product, String outcome, Map<String, String> inputs,
      Map<String, String> derived, List<String> rationale, Object deployments, Object entities, List<String> sources) {
    Unit resting(java.util.Collection<String> on) {
      return new Unit(rank, kind, subject, product, outcome, inputs, derived, rationale, deployments, entities, List.copyOf(on));
    }
  }

  /** CVSS-derived values more severe than their alternative (automatable yes, technical impact total). */
  private static final Set<String> SEVERE = Set.of("yes", "total");

  private static boolean suppresses(Findings.RawFinding finding) {
    return finding.statement().isPresent() && finding.statement().get().statement().status().suppresses();
  }

  private final Database database;
  private final Advisories advisories;
  private final Findings findings;

  Priorities(Database database, Advisories advisories, Findings findings) {
    this.database = database;
    this.advisories = advisories;
    this.findings = findings;
  }

  /**
   * Decides.
   *
   * <p>With records of the advisory from several sources (ADR 0100), the decision combines them all
   * unless {@code source} picks one: the union of their findings (each unit names the sources it rests
   * on), the most severe exploitation and CVSS-derived points (the rationale names the source); a note
   * says so. No source is dropped.
   *
   * @throws org.accord.NotFoundException if the advisory does not exist or is not visible, or has no
   *     record of the requested source
   * @throws InvalidInputException if an assumption names no decision point of the table or has no such
   *     value, or the table needs a point nothing can fill
   */
  public View triage(Request request, Viewer viewer) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(viewer, "viewer");
    SsvcTable table = request.table() != null ? request.table() : SsvcTable.builtin(request.role().table());
    for (String point : request.assumptions().keySet()) {
      if (table.decisionPoint(point).isEmpty()) {
        throw new InvalidInputException(
            "table " + table.id() + " has no decision point '" + point + "' (it has "
                + String.join(", ", table.decisionPoints().stream().map(SsvcTable.DecisionPoint::id).toList()) + ")",
            "assume");
      }
    }
    return database.jdbi().withHandle(
        handle -> {
          String org = Findings.organizationFilter(handle, request.organization(), viewer);
          // Every visible source's record (or the requested source's), combined (ADR 0100): the union of
          // their findings, each unit naming the sources it rests on; the most severe exploitation and
          // CVSS-derived points, the rationale naming the source.
          List<AdvisoryStore.Row> rows = advisories.visibleRecords(handle, request.advisory(), request.source(), viewer);
          List<String> sources = Advisories.sources(rows);
          Advisory advisory = null;
          Exploitation.Assessment exploitation = null;
          Map<String, String[]> fromCvss = new HashMap<>();
          Map<String, Findings.RawFinding> merged = new LinkedHashMap<>();
          Map<String, Set<String>> findingSources = new HashMap<>();
          for (AdvisoryStore.Row row : rows) {
            Advisory record = Advisories.advisory(handle, row);
            advisory = advisory == null ? record : advisory;
            Exploitation.Assessment assessed = exploitation(handle, record, request.epssThreshold());
            if (exploitation == null || assessed.exploitation().ordinal() > exploitation.exploitation().ordinal()) {
              exploitation = assessed;
            }
            fromCvss(record).forEach((point, value) -> {
              String[] labelled = sources.size() > 1 ? new String[] {value[0], value[1], "source " + row.owner() + ": " + value[2]} : value;
              fromCvss.merge(point, labelled, (old, candidate) -> SEVERE.contains(candidate[0]) && !SEVERE.contains(old[0]) ? candidate : old);
            });
            for (Findings.RawFinding finding : findings.compute(handle, row, viewer).findings()) {
              String key = finding.product() + '\u0000' + finding.component();
              Findings.RawFinding kept = merged.get(key);
              if (kept == null || suppresses(kept) && !suppresses(finding)) { // open under any source: open
                merged.put(key, finding);
              }
              findingSources.computeIfAbsent(key, k -> new java.util.TreeSet<>()).add(row.owner());
            }
          }
          List<Findings.RawFinding> combined = new ArrayList<>(merged.values());
          boolean exploitationAssumed = request.assumptions().containsKey(SsvcTable.EXPLOITATION);
          Inputs inputs = new Inputs(table, request.assumptions(), fromCvss, exploitation, exploitationAssumed);

          List<Findings.RawFinding> open = new ArrayList<>();
          int suppressed = 0;
          for (Findings.RawFinding finding : combined) {
            if (suppresses(finding)) {
              suppressed++;
            } else {
              open.add(finding);
            }
          }
          Pseudonyms pseudonyms = new Pseudonyms(viewer);
          List<Unit> units = new ArrayList<>();
          List<String> notes = new ArrayList<>();
          switch (request.role()) {
            case DEPLOYER -> {
              Map<String, WhereUsed.DeploymentHit> mine = new LinkedHashMap<>();
              Map<String, Set<String>> deploymentSources = new HashMap<>();
              boolean hidden = false;
              for (Findings.RawFinding finding : open) {
                for (WhereUsed.DeploymentHit hit : finding.deployments()) {
                  if (org != null && !hit.operator().equals(org)) {
                    continue;
                  }
                  if (!viewer.seesDeploymentsOf(hit.operator())) {
                    hidden = true;
                    continue;
                  }
                  mine.putIfAbsent(hit.operator() + '\u0000' + hit.site() + '\u0000' + hit.product(), hit);
                  deploymentSources.computeIfAbsent(hit.operator() + '\u0000' + hit.site() + '\u0000' + hit.product(), k -> new java.util.TreeSet<>())
                      .addAll(findingSources.get(finding.product() + '\u0000' + finding.component()));
                }
              }
              if (hidden) { // never how many (issue 8): the count of others' deployments is not the deployer's to know
                notes.add("affected deployments of other operators are not shown; a deployer sees its own");
              }
              for (WhereUsed.DeploymentHit hit : mine.values()) {
                ImpactAssessment impact = ImpactAssessment.of(List.of(deployment(hit, hit.operator())), List.of());
                units.add(inputs.decide("deployment", hit.operator() + " / " + hit.site(), hit.product(), impact, 1, 1, viewer)
                    .resting(deploymentSources.getOrDefault(hit.operator() + '\u0000' + hit.site() + '\u0000' + hit.product(), Set.of())));
              }
            }
            case SUPPLIER, COORDINATOR -> {
              Map<String, List<Findings.RawFinding>> byProduct = new LinkedHashMap<>();
              for (Findings.RawFinding finding : open) {
                if (request.role() == Role.SUPPLIER && org != null && !org.equals(finding.supplier())) {
                  continue;
                }
                byProduct.computeIfAbsent(finding.product(), p -> new ArrayList<>()).add(finding);
              }
              List<Deployment> everyDeployment = new ArrayList<>();
              Set<String> everySupplier = new LinkedHashSet<>();
              Set<String> seen = new LinkedHashSet<>();
              for (Map.Entry<String, List<Findings.RawFinding>> product : byProduct.entrySet()) {
                List<Deployment> deployments = new ArrayList<>();
                Set<String> productSeen = new LinkedHashSet<>();
                for (Findings.RawFinding finding : product.getValue()) {
                  for (WhereUsed.DeploymentHit hit : finding.deployments()) {
                    String key = hit.operator() + '\u0000' + hit.site() + '\u0000' + hit.product();
                    if (productSeen.add(key)) {
                      Deployment deployment = deployment(hit, pseudonyms.name(hit.operator()));
                      deployments.add(deployment);
                      if (seen.add(key)) {
                        everyDeployment.add(deployment);
                      }
                    }
                  }
                }
                String supplier = product.getValue().get(0).supplier();
                everySupplier.add(supplier);
                ImpactAssessment impact = ImpactAssessment.of(deployments, supplier.isEmpty() ? List.of() : List.of(supplier));
                int entities = (int) deployments.stream().map(Deployment::entity).distinct().count();
                Set<String> productSources = new java.util.TreeSet<>();
                product.getValue().forEach(f -> productSources.addAll(findingSources.get(f.product() + '\u0000' + f.component())));
                units.add(inputs.decide("product", product.getKey(), product.getKey(), impact, deployments.size(), entities, viewer)
                    .resting(productSources));
              }
              if (request.role() == Role.COORDINATOR) {
                ImpactAssessment impact = ImpactAssessment.of(everyDeployment, everySupplier);
                int entities = (int) everyDeployment.stream().map(Deployment::entity).distinct().count();
                Set<String> overallSources = new java.util.TreeSet<>();
                open.forEach(f -> overallSources.addAll(findingSources.get(f.product() + '\u0000' + f.component())));
                units.add(inputs.decide("overall", advisory.id(), "", impact, everyDeployment.size(), entities, viewer)
                    .resting(overallSources));
              }
            }
          }
          if (sources.size() > 1) {
            notes.add("combines the records of " + sources.size() + " sources (" + String.join(", ", sources) + "): their findings"
                + " united, exploitation and CVSS-derived points the most severe; decide on one with source");
          }
          if (combined.isEmpty()) {
            notes.add("no product or deployment in the graph reaches a version this advisory affects");
          } else if (units.isEmpty()) {
            notes.add("no open finding in scope" + (org == null ? "" : " for " + org));
          }
          if (suppressed > 0) {
            notes.add(suppressed + " finding(s) left out: a VEX statement marks them not affected or fixed");
          }
          List<String> outcomes = table.outcome().values().stream().map(SsvcTable.Value::id).toList();
          List<Unit> sorted = new ArrayList<>(units);
          sorted.sort(
              Comparator.comparingInt((Unit unit) -> -outcomes.indexOf(unit.outcome()))
                  .thenComparing(unit -> unit.kind().equals("overall") ? 1 : 0)
                  .thenComparingInt(unit -> -(unit.deployments() instanceof Integer count ? count : 0))
                  .thenComparing(Unit::subject));
          List<Unit> ranked = new ArrayList<>();
          for (int i = 0; i < sorted.size(); i++) {
            Unit unit = sorted.get(i);
            ranked.add(new Unit(i + 1, unit.kind(), unit.subject(), unit.product(), unit.outcome(), unit.inputs(), unit.derived(),
                unit.rationale(), unit.deployments(), unit.entities(), unit.sources()));
          }
          ExploitationView exploitationView =
              exploitationAssumed
                  ? new ExploitationView(request.assumptions().get(SsvcTable.EXPLOITATION), "assumed", "given by the request", List.of())
                  : new ExploitationView(exploitation.exploitation().id(), exploitation.source().id(), exploitation.reason(),
                      provenance(exploitation.provenance()));
          return new View(
              advisory.id(), sources, request.role().id(), org == null ? "" : org, table.id(), table.digest(), exploitationView, ranked,
              suppressed, notes);
        });
  }

  /** Fills a table's decision points and decides, for one unit. */
  private static final class Inputs {
    private final SsvcTable table;
    private final Map<String, String> assumptions;
    private final Map<String, String[]> fromCvss;
    private final Exploitation.Assessment exploitation;
    private final boolean exploitationAssumed;

    Inputs(SsvcTable table, Map<String, String> assumptions, Map<String, String[]> fromCvss, Exploitation.Assessment exploitation,
        boolean exploitationAssumed) {
      this.table = table;
      this.assumptions = assumptions;
      this.fromCvss = fromCvss;
      this.exploitation = exploitation;
      this.exploitationAssumed = exploitationAssumed;
    }

    Unit decide(String kind, String subject, String product, ImpactAssessment impact, int deployments, int entities, Viewer viewer) {
      Map<String, String> inputs = new LinkedHashMap<>();
      Map<String, String> derived = new LinkedHashMap<>();
      List<String> rationale = new ArrayList<>();
      Map<String, String> exposure = impact.inputsFor(table);
      List<String> missing = new ArrayList<>();
      // where the counts are k-anonymous ("<k"), the explanation must not state them either (issue 8)
      boolean countsVisible = !viewer.suppressesAggregates() || entities >= viewer.k() || deployments == 0;
      for (SsvcTable.DecisionPoint point : table.decisionPoints()) {
        String id = point.id();
        if (assumptions.containsKey(id)) {
          inputs.put(id, assumptions.get(id));
          derived.put(id, "assumed");
          rationale.add(id + "=" + assumptions.get(id) + ": given by the request");
        } else if (id.equals(SsvcTable.EXPLOITATION)) {
          derived.put(id, exploitation.source().id());
        } else if (exposure.containsKey(id)) {
          inputs.put(id, exposure.get(id));
          derived.put(id, "exposure");
          for (String line : impact.rationale()) {
            if (line.startsWith(id + "=")) {
              rationale.add(countsVisible ? line
                  : id + "=" + exposure.get(id) + ": from the deployments of fewer than " + viewer.k()
                      + " operators (counts withheld for k-anonymity)");
            }
          }
        } else if (id.equals("human-impact")) {
          String value = humanImpact(impact);
          inputs.put(id, value);
          derived.put(id, "exposure");
          rationale.add(id + "=" + value + ": mission prevalence " + impact.missionPrevalence() + ", public well-being impact "
              + impact.publicWellBeingImpact() + " (ADR 0063)");
        } else if (fromCvss.containsKey(id)) {
          inputs.put(id, fromCvss.get(id)[0]);
          derived.put(id, fromCvss.get(id)[1]);
          rationale.add(id + "=" + fromCvss.get(id)[0] + ": " + fromCvss.get(id)[2]);
        } else if (id.equals("utility")) {
          String automatable = assumptions.getOrDefault("automatable", fromCvss.containsKey("automatable") ? fromCvss.get("automatable")[0] : "yes");
          String density = assumptions.getOrDefault("value-density", "concentrated");
          String value =
              automatable.equals("yes") ? density.equals("concentrated") ? "super-effective" : "efficient"
                  : density.equals("concentrated") ? "efficient" : "laborious";
          inputs.put(id, value);
          derived.put(id, "derived");
          rationale.add(id + "=" + value + ": automatable " + automatable + ", value density " + density
              + (assumptions.containsKey("value-density") ? "" : " (assumed: the most severe, override with value-density)"));
        } else if (MOST_SEVERE.containsKey(id)) {
          inputs.put(id, MOST_SEVERE.get(id));
          derived.put(id, "assumed");
          rationale.add(id + "=" + MOST_SEVERE.get(id) + ": no data, so the most severe value is assumed; override with --assume "
              + id + "=VALUE");
        } else {
          missing.add(id);
        }
      }
      if (!missing.isEmpty()) {
        throw new InvalidInputException(
            "table " + table.id() + " needs " + String.join(", ", missing) + ", which neither evidence nor exposure can fill;"
                + " give " + (missing.size() == 1 ? "it" : "them") + " with --assume POINT=VALUE (API: assume=POINT:VALUE)",
            "assume");
      }
      SsvcDecision decision;
      if (table.decisionPoint(SsvcTable.EXPLOITATION).isPresent() && !exploitationAssumed) {
        decision = table.decide(inputs, exploitation);
        rationale.addAll(0, decision.rationale());
      } else {
        decision = table.decide(inputs);
      }
      return new Unit(
          0, kind, subject, product, decision.outcome(), decision.inputs(), derived, rationale,
          countsVisible ? deployments : "<" + viewer.k(), countsVisible ? entities : "<" + viewer.k(), List.of());
    }
  }

  /** The most severe value of the points exposure and evidence cannot answer, assumed when not given. */
  private static final Map<String, String> MOST_SEVERE =
      Map.of(
          "system-exposure", "open",
          "value-density", "concentrated",
          "automatable", "yes",
          "technical-impact", "total");

  /** SSVC Human Impact from the exposure assessment of one deployment (ADR 0063). */
  static String humanImpact(ImpactAssessment impact) {
    if (impact.publicWellBeingImpact().equals("irreversible")) {
      return "very-high";
    }
    if (impact.missionPrevalence().equals("essential")) {
      return "high";
    }
    if (impact.publicWellBeingImpact().equals("material")) {
      return "medium";
    }
    return "low";
  }

  /**
   * Automatable and technical impact from the advisory's first CVSS 3.x or 4.0 vector, each as
   * {value, source, reason}; empty when there is none.
   */
  static Map<String, String[]> fromCvss(Advisory advisory) {
    Map<String, String[]> values = new HashMap<>();
    for (SeverityScore severity : advisory.severities()) {
      if (!severity.scoredByTriage()) {
        continue;
      }
      CvssScore score = Cvss.parse(severity.score());
      Map<String, String> metrics = new HashMap<>();
      for (String part : score.vector().split("/")) {
        int colon = part.indexOf(':');
        if (colon > 0) {
          metrics.put(part.substring(0, colon), part.substring(colon + 1));
        }
      }
      boolean v4 = score.version().startsWith("4");
      String automatable;
      String automatableReason;
      if (v4 && metrics.containsKey("AU") && !metrics.get("AU").equals("X")) {
        automatable = metrics.get("AU").equals("Y") ? "yes" : "no";
        automatableReason = "CVSS 4.0 supplemental metric AU:" + metrics.get("AU");
      } else {
        boolean remote = "N".equals(metrics.get("AV")) && "L".equals(metrics.get("AC")) && "N".equals(metrics.get("PR"))
            && "N".equals(metrics.get("UI")) && (!v4 || "N".equals(metrics.get("AT")));
        automatable = remote ? "yes" : "no";
        automatableReason = remote
            ? "network attack vector, low complexity, no privileges and no user interaction in " + score.vector()
            : "the attack needs more than a network request without privileges or interaction (" + score.vector() + ")";
      }
      boolean total = v4 ? "H".equals(metrics.get("VC")) && "H".equals(metrics.get("VI"))
          : "H".equals(metrics.get("C")) && "H".equals(metrics.get("I"));
      values.put("automatable", new String[] {automatable, "cvss", automatableReason});
      values.put("technical-impact", new String[] {total ? "total" : "partial", "cvss",
          (total ? "high confidentiality and integrity impact in " : "not both confidentiality and integrity impact high in ")
              + score.vector()});
      return values;
    }
    return values;
  }

  /** SSVC Exploitation from the stored evidence, the worst over the advisory's CVEs. */
  private Exploitation.Assessment exploitation(org.jdbi.v3.core.Handle handle, Advisory advisory, double threshold) {
    List<String> cves = advisory.cves();
    List<String> references = advisory.exploitReferences();
    if (cves.isEmpty()) {
      return references.isEmpty()
          ? Exploitation.Assessment.assumed(
              advisory.id(), advisory.id() + " names no CVE, so no KEV or EPSS entry can apply, and has no exploit reference")
          : new Exploitation.Assessment(advisory.id(), Exploitation.PUBLIC_POC, Exploitation.Source.EVIDENCE,
              advisory.id() + " has a public exploit reference: " + references.get(0), List.of());
    }
    Exploitation.Assessment worst = null;
    for (String cve : cves) {
      Exploitation.Assessment assessment = Exploitation.assess(advisories.evidence(handle, cve, references), threshold);
      if (worst == null || assessment.exploitation().ordinal() > worst.exploitation().ordinal()) {
        worst = assessment;
      }
    }
    return worst;
  }

  private static Deployment deployment(WhereUsed.DeploymentHit hit, String entity) {
    Deployment.Sector sector;
    Deployment.Criticality criticality;
    try {
      sector = Deployment.Sector.fromId(hit.sector());
    } catch (InvalidInputException unknown) {
      sector = Deployment.Sector.OTHER;
    }
    try {
      criticality = Deployment.Criticality.fromId(hit.criticality());
    } catch (InvalidInputException unknown) {
      criticality = Deployment.Criticality.OTHER;
    }
    return new Deployment(entity, sector, criticality);
  }

  /** Operators the viewer may not see, named "operator #n" in order of appearance within one answer. */
  private static final class Pseudonyms {
    private final Viewer viewer;
    private final Map<String, String> names = new HashMap<>();

    Pseudonyms(Viewer viewer) {
      this.viewer = viewer;
    }

    String name(String operator) {
      if (viewer.seesDeploymentsOf(operator)) {
        return operator;
      }
      return names.computeIfAbsent(operator, o -> "operator #" + (names.size() + 1));
    }
  }

  static List<Map<String, Object>> provenance(List<Provenance> provenance) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Provenance feed : provenance) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("feed", feed.feed());
      json.put("version", feed.version());
      json.put("published", feed.published().toString());
      out.add(json);
    }
    return out;
  }
}
