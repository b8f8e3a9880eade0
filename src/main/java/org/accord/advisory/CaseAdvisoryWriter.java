package org.accord.advisory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.accord.identity.Ecosystem;
import org.accord.identity.Purl;

/**
 * Writes the documents a disclosure case publishes (ADR 0121), from a {@link CaseAdvisory}: a CSAF 2.0
 * security advisory ({@code csaf_security_advisory}, final at TLP:CLEAR, or interim at TLP:AMBER for the
 * case's closed sharing group), an OSV record, and per participant OpenVEX and CycloneDX VEX documents.
 * The tests check each against its official schema, and the CSAF documents against {@link CsafValidator}'s
 * §6.1 mandatory tests. Pure and stateless.
 *
 * <p>CSAF layout: the product tree has a branch per affected package and version range (vendor = PURL
 * namespace, as {@link CsafVexWriter} lays it out) and one per product a participant gave a status for; each
 * case vulnerability is one CSAF vulnerability (its CVE, or its alias as an {@code ids} entry) with:
 * the affected ranges {@code known_affected}; each status in the list of its VEX status, "not yet
 * checked" in {@code under_investigation} (never {@code known_not_affected}); a flag per not-affected
 * justification; the CVSS v3 score; and one involvement per participant and involvement status, naming
 * the participant only when {@link CaseAdvisory.Status#named()}.
 */
public final class CaseAdvisoryWriter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** FIRST's TLP definitions, which CSAF 2.0's {@code distribution.tlp.url} defaults to. */
  private static final String TLP_URL = "https://www.first.org/tlp/";

  private CaseAdvisoryWriter() {}

  /** The two CSAF documents of a case's life. */
  public enum Stage {
    /** Before publication: {@code interim}, TLP:AMBER, for the case's sharing group only. */
    INTERIM,
    /** At publication: {@code final}, TLP:CLEAR (CSAF 2.0's label {@code WHITE}). */
    FINAL
  }

  /**
   * The CSAF file name of a tracking id (CSAF 2.0 §5.1): lower case, each character other than
   * {@code a-z 0-9 + -} replaced by {@code _}, then {@code .json}.
   */
  public static String csafFileName(String trackingId) {
    return trackingId.toLowerCase(Locale.ROOT).replaceAll("[^+\\-a-z0-9]+", "_") + ".json";
  }

  /** The OSV id of a case: {@code x_} and the case id, since {@code ACC} is no registered OSV prefix. */
  public static String osvId(String caseId) {
    return "x_" + caseId;
  }

  /**
   * Whether the case states anything a CSAF security advisory can carry: at least one affected package or
   * status. A case without either has nothing to advise on, and no CSAF or VEX document is written.
   */
  public static boolean hasProducts(CaseAdvisory advisory) {
    return !advisory.statuses().isEmpty() || advisory.vulnerabilities().stream().anyMatch(v -> !v.affected().isEmpty());
  }

  /**
   * The CSAF 2.0 security advisory.
   *
   * @throws IllegalArgumentException if the case has no products ({@link #hasProducts})
   */
  public static String csaf(CaseAdvisory advisory, Stage stage) {
    if (!hasProducts(advisory)) {
      throw new IllegalArgumentException(advisory.caseId() + " has no affected package and no status: nothing for CSAF to state");
    }
    CsafVexWriter.Tree tree = new CsafVexWriter.Tree();
    // Products first, so ids follow the tree: the affected ranges, then the statuses' products.
    List<Map<String, String>> rangeIds = new ArrayList<>();
    for (CaseAdvisory.Vulnerability vulnerability : advisory.vulnerabilities()) {
      Map<String, String> ids = new LinkedHashMap<>();
      vulnerability.affected().forEach((purl, vers) -> ids.put(purl + " " + vers, tree.product(purl, vers)));
      rangeIds.add(ids);
    }
    // One status per product: the latest set wins, so no product is in two lists (§6.1.6).
    Map<String, CaseAdvisory.Status> byProduct = new LinkedHashMap<>();
    for (CaseAdvisory.Status status : advisory.statuses()) {
      String id = tree.product(status.product(), "");
      CaseAdvisory.Status earlier = byProduct.get(id);
      if (earlier == null || !status.updated().isBefore(earlier.updated())) {
        byProduct.put(id, status);
      }
    }

    ObjectNode root = NODES.objectNode();
    ObjectNode document = root.putObject("document");
    if (!advisory.credits().isEmpty()) {
      ArrayNode acknowledgments = document.putArray("acknowledgments");
      for (CaseAdvisory.Credit credit : advisory.credits()) {
        acknowledgments.addObject().put("organization", credit.organization()).put("summary", credit.summary());
      }
    }
    document.put("category", "csaf_security_advisory");
    document.put("csaf_version", "2.0");
    ObjectNode distribution = document.putObject("distribution");
    if (stage == Stage.FINAL) {
      distribution.put("text", "TLP:CLEAR. Disclosure is not limited (FIRST TLP 2.0; CSAF 2.0 names this label WHITE).");
      distribution.putObject("tlp").put("label", "WHITE").put("url", TLP_URL);
    } else {
      distribution.put("text", "TLP:AMBER. Interim document for the participants of " + advisory.caseId()
          + " only; the sharing group is the case (CSAF 2.1 distribution.sharing_group).");
      distribution.putObject("tlp").put("label", "AMBER").put("url", TLP_URL);
      distribution.putObject("sharing_group")
          .put("id", advisory.sharingGroup().toString())
          .put("name", "Participants of " + advisory.caseId());
    }
    document.put("lang", "en");
    document.putArray("notes").addObject().put("category", "summary").put("title", "Summary").put("text", summary(advisory));
    document.putObject("publisher").put("category", "coordinator").put("name", advisory.publisher()).put("namespace", advisory.namespace());
    document.put("title", advisory.caseId() + ": " + advisory.title());
    ObjectNode tracking = document.putObject("tracking");
    String date = advisory.released().toString();
    tracking.put("current_release_date", date);
    tracking.putObject("generator").put("date", date).putObject("engine").put("name", "Accord").put("version", advisory.toolVersion());
    tracking.put("id", advisory.caseId());
    tracking.put("initial_release_date", date);
    tracking.putArray("revision_history").addObject().put("date", date).put("number", "1")
        .put("summary", stage == Stage.FINAL ? "Published at the end of coordinated disclosure" : "Interim state for the case's participants");
    tracking.put("status", stage == Stage.FINAL ? "final" : "interim");
    tracking.put("version", "1");

    ObjectNode productTree = root.putObject("product_tree");
    productTree.set("branches", tree.branches.get("branches"));

    ArrayNode vulnerabilities = root.putArray("vulnerabilities");
    List<CaseAdvisory.Vulnerability> entries = advisory.vulnerabilities().isEmpty()
        ? List.of(new CaseAdvisory.Vulnerability("", Map.of(), Optional.empty()))
        : advisory.vulnerabilities();
    for (int i = 0; i < entries.size(); i++) {
      vulnerabilities.add(vulnerability(advisory, entries.get(i), i < rangeIds.size() ? rangeIds.get(i) : Map.of(), byProduct));
    }
    return AdvisoryExport.print(root);
  }

  private static ObjectNode vulnerability(CaseAdvisory advisory, CaseAdvisory.Vulnerability entry, Map<String, String> ranges,
      Map<String, CaseAdvisory.Status> statuses) {
    ObjectNode vulnerability = NODES.objectNode();
    if (entry.alias().matches("CVE-\\d{4}-\\d{4,}")) {
      vulnerability.put("cve", entry.alias());
    } else {
      vulnerability.putArray("ids").addObject().put("system_name", "Accord")
          .put("text", entry.alias().isEmpty() ? advisory.caseId() : entry.alias());
    }
    Map<String, Set<String>> lists = new LinkedHashMap<>();
    ranges.values().forEach(id -> lists.computeIfAbsent("known_affected", k -> new LinkedHashSet<>()).add(id));
    Map<String, Set<String>> flags = new LinkedHashMap<>();
    statuses.forEach((id, status) -> {
      VexStatus vex = status.stated();
      String list = vex instanceof VexStatus.NotAffected ? "known_not_affected"
          : vex instanceof VexStatus.Affected ? "known_affected"
          : vex instanceof VexStatus.Fixed ? "fixed" : "under_investigation";
      lists.computeIfAbsent(list, k -> new LinkedHashSet<>()).add(id);
      if (vex instanceof VexStatus.NotAffected notAffected) {
        notAffected.justification().ifPresent(j -> flags.computeIfAbsent(j.label(), k -> new LinkedHashSet<>()).add(id));
      }
    });
    if (!flags.isEmpty()) {
      ArrayNode flagNodes = vulnerability.putArray("flags");
      flags.forEach((label, ids) -> ids(flagNodes.addObject().put("label", label), "product_ids", ids));
    }
    ArrayNode involvements = NODES.arrayNode();
    Set<String> seen = new LinkedHashSet<>();
    for (CaseAdvisory.Status status : statuses.values()) {
      String summary = status.named()
          ? status.organization() + " (" + status.party().label() + ") is " + status.involvement().replace('_', ' ')
          : "A participant (" + status.party().label() + ") is " + status.involvement().replace('_', ' ');
      if (seen.add(status.party() + "|" + status.involvement() + "|" + summary)) {
        involvements.addObject().put("party", status.party().label()).put("status", status.involvement()).put("summary", summary);
      }
    }
    if (!involvements.isEmpty()) {
      vulnerability.set("involvements", involvements);
    }
    vulnerability.putArray("notes").addObject().put("category", "description").put("title", "Description")
        .put("text", description(advisory, entry));
    ObjectNode productStatus = vulnerability.putObject("product_status");
    for (String list : List.of("fixed", "known_affected", "known_not_affected", "under_investigation")) {
      if (lists.containsKey(list)) {
        ids(productStatus, list, lists.get(list));
      }
    }
    score(entry, lists).ifPresent(score -> vulnerability.putArray("scores").add(score));
    return vulnerability;
  }

  /** The CVSS v3 score for the products concerned; other versions are left out (CSAF 2.0 holds v2 and v3 only). */
  private static Optional<ObjectNode> score(CaseAdvisory.Vulnerability entry, Map<String, Set<String>> lists) {
    if (entry.cvss().isEmpty() || !entry.cvss().get().matches("CVSS:3\\.[01]/.*")) {
      return Optional.empty();
    }
    Set<String> products = new LinkedHashSet<>(lists.getOrDefault("known_affected", Set.of()));
    if (products.isEmpty()) {
      lists.values().forEach(products::addAll);
    }
    if (products.isEmpty()) {
      return Optional.empty();
    }
    String vector = entry.cvss().get();
    CvssVector parsed = CvssVector.parse(vector);
    BigDecimal base = CvssScores.exact(parsed).base();
    ObjectNode score = NODES.objectNode();
    ids(score, "products", products);
    score.putObject("cvss_v3").put("version", parsed.version()).put("vectorString", vector).put("baseScore", base)
        .put("baseSeverity", CvssScores.severity(base));
    return Optional.of(score);
  }

  private static String summary(CaseAdvisory advisory) {
    return advisory.title() + ". Coordinated as case " + advisory.caseId() + " on Accord; the statuses below are the participants' own.";
  }

  private static String description(CaseAdvisory advisory, CaseAdvisory.Vulnerability entry) {
    StringBuilder text = new StringBuilder(advisory.title());
    if (!entry.affected().isEmpty()) {
      text.append(". Affected: ");
      List<String> parts = new ArrayList<>();
      entry.affected().forEach((purl, vers) -> parts.add(purl + " " + vers));
      text.append(String.join(", ", parts));
    }
    return text.append('.').toString();
  }

  private static void ids(ObjectNode node, String field, Set<String> ids) {
    ArrayNode array = node.putArray(field);
    ids.forEach(array::add);
  }

  /** The OSV record (schema 1.6): the affected ranges of every vulnerability, its aliases and the first CVSS. */
  public static String osv(CaseAdvisory advisory) {
    List<AffectedPackage> affected = new ArrayList<>();
    List<SeverityScore> severities = new ArrayList<>();
    for (CaseAdvisory.Vulnerability vulnerability : advisory.vulnerabilities()) {
      vulnerability.affected().forEach((key, vers) -> {
        Purl purl = Purl.parse(key);
        Ecosystem ecosystem = Ecosystem.fromPurlType(purl.type());
        affected.add(AffectedPackage.of(ecosystem == Ecosystem.GENERIC ? "" : OsvPackages.osvEcosystem(purl), ecosystem,
            OsvPackages.osvName(purl), purl.packageKey(), List.of(), List.of(), List.of(vers)));
      });
      vulnerability.cvss().ifPresent(vector -> {
        String type = vector.startsWith("CVSS:3.") ? "CVSS_V3" : vector.startsWith("CVSS:4.0/") ? "CVSS_V4" : "";
        if (!type.isEmpty() && severities.stream().noneMatch(s -> s.type().equals(type))) {
          severities.add(new SeverityScore(type, vector));
        }
      });
    }
    List<String> aliases = advisory.names().stream().filter(n -> !n.equals(advisory.caseId())).toList();
    Advisory record = new Advisory(osvId(advisory.caseId()), AdvisoryFormat.CSAF, advisory.title(),
        advisory.title() + ". Coordinated as case " + advisory.caseId() + " on Accord.", aliases,
        Optional.of(advisory.released()), Optional.of(advisory.released()), Optional.empty(), severities, List.of(), affected, "");
    ObjectNode root = (ObjectNode) OsvWriter.write(record, context(advisory, advisory.publisher()));
    ObjectNode accord = (ObjectNode) root.path("database_specific").path("accord");
    accord.remove("source_format");
    accord.remove("exported");
    accord.put("case", advisory.caseId());
    return AdvisoryExport.print(root);
  }

  /**
   * The VEX documents of one participant's statuses, in {@code format} ({@link AdvisoryFormat#OPENVEX}
   * or {@link AdvisoryFormat#CYCLONEDX_VEX}): one statement per product, about the case's vulnerability
   * under its {@link CaseAdvisory#primaryName()}, the other names as aliases; "not yet checked" is
   * {@code under_investigation} ({@code in_triage} in CycloneDX), never not affected.
   *
   * @throws IllegalArgumentException if the organization has no status in the case, or the format is no VEX format
   */
  public static String vex(CaseAdvisory advisory, String organization, AdvisoryFormat format) {
    if (format != AdvisoryFormat.OPENVEX && format != AdvisoryFormat.CYCLONEDX_VEX) {
      throw new IllegalArgumentException("not a VEX format: " + format.label());
    }
    String name = advisory.primaryName();
    List<String> others = advisory.names().stream().filter(n -> !n.equals(name)).toList();
    List<VexStatement> statements = new ArrayList<>();
    for (CaseAdvisory.Status status : advisory.statuses()) {
      if (status.organization().equals(organization)) {
        statements.add(VexStatement.of(name, others, status.product(), "", List.of(), status.stated(), Optional.of(status.updated())));
      }
    }
    if (statements.isEmpty()) {
      throw new IllegalArgumentException(organization + " has no status in " + advisory.caseId());
    }
    Advisory record = new Advisory(name, AdvisoryFormat.CSAF, advisory.title(), "", others, Optional.of(advisory.released()),
        Optional.of(advisory.released()), Optional.empty(), List.of(), List.of(), List.of(), "");
    return AdvisoryExport.write(record, statements, format, context(advisory, organization));
  }

  private static AdvisoryExport.Context context(CaseAdvisory advisory, String author) {
    return new AdvisoryExport.Context(author, advisory.namespace(), advisory.released(), advisory.toolVersion());
  }
}
