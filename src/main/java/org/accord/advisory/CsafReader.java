package org.accord.advisory;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.accord.InvalidInputException;
import org.accord.identity.Ecosystem;
import org.accord.identity.OsvEvent;
import org.accord.identity.Purl;

/**
 * Reads a CSAF 2.0 document into an {@link Advisory} and, for the VEX profile, its {@link VexStatement}s.
 *
 * <p>How products become package versions: a product is identified by the PURL in its {@code
 * product_identification_helper}. A PURL with a version names that version; a PURL without one takes
 * the version from its {@code product_version} branch, or a {@code vers:} range from its {@code
 * product_version_range} branch. A relationship product ({@code default_component_of} and the others)
 * stands for its {@code product_reference}, the component. Products without a PURL (CPE or name only)
 * are kept in the document but match nothing; the import reports how many.
 *
 * <p>Affected versions: the products in {@code known_affected}, {@code first_affected} and {@code
 * last_affected}. A document that lists a package only as {@code fixed} or {@code first_fixed} (as
 * Red Hat's advisories do) affects the versions below each fixed version, the same reading Red Hat's
 * own CSAF-to-OSV converter applies ({@code introduced: 0, fixed: v}); see ADR 0060.
 *
 * <p>VEX statements (category {@code csaf_vex} only): one per vulnerability and product status entry,
 * {@code known_affected}/{@code first_affected}/{@code last_affected} as affected (the product's
 * remediations are the action statement), {@code known_not_affected} as not affected (the product's
 * flag is the justification, its impact threat the impact statement), {@code fixed}/{@code first_fixed}
 * as fixed, {@code under_investigation} as under investigation. For a relationship product the statement's
 * product is the platform ({@code relates_to_product_reference}) and the component its subcomponent,
 * when the platform has a PURL.
 *
 * <p>The document must pass the CSAF validator (schema and §6.1 mandatory tests) first. Stateless.
 */
final class CsafReader {
  private static final List<String> AFFECTED = List.of("known_affected", "first_affected", "last_affected");
  private static final List<String> FIXED = List.of("fixed", "first_fixed");

  private CsafReader() {}

  /** What a CSAF document holds. */
  record Result(Advisory advisory, List<VexStatement> statements, List<String> warnings) {}

  /** One product of the tree, as far as Accord can identify it. */
  private record Product(String id, String name, Purl purl, String versRange) {
    boolean identified() {
      return purl != null && (purl.hasVersion() || !versRange.isEmpty());
    }
  }

  private record Relationship(String productId, String componentId, String platformId) {}

  static Result read(JsonNode root, String text) {
    CsafValidation validation = CsafValidator.validate(root);
    if (!validation.valid()) {
      CsafFinding first = validation.findings().get(0);
      int more = validation.findings().size() - 1;
      throw new InvalidInputException(
          "invalid CSAF document: " + (first.testId().equals(CsafFinding.SCHEMA) ? "schema" : "test " + first.testId())
              + ": " + first.message()
              + (more > 0 ? " (and " + more + " more; 'accord advisory validate FILE' lists them all)" : ""),
          first.jsonPath());
    }
    List<String> warnings = new ArrayList<>();
    JsonNode document = root.get("document");
    JsonNode tracking = document.get("tracking");
    String id = tracking.get("id").asText().strip();
    String category = document.get("category").asText();

    Map<String, Product> products = products(root.path("product_tree"), warnings);
    Map<String, Relationship> relationships = new LinkedHashMap<>();
    for (JsonNode relationship : root.path("product_tree").path("relationships")) {
      String productId = relationship.path("full_product_name").path("product_id").asText();
      relationships.put(
          productId,
          new Relationship(
              productId,
              relationship.path("product_reference").asText(),
              relationship.path("relates_to_product_reference").asText()));
    }
    Map<String, Set<String>> groups = new HashMap<>();
    for (JsonNode group : root.path("product_tree").path("product_groups")) {
      Set<String> members = groups.computeIfAbsent(group.path("group_id").asText(), g -> new LinkedHashSet<>());
      group.path("product_ids").forEach(member -> members.add(member.asText()));
    }

    List<String> aliases = new ArrayList<>();
    List<SeverityScore> severities = new ArrayList<>();
    List<Reference> references = new ArrayList<>();
    for (JsonNode reference : document.path("references")) {
      addReference(references, reference);
    }
    Map<String, Accumulator> affected = new LinkedHashMap<>();
    Map<String, Accumulator> fixed = new LinkedHashMap<>();
    Set<String> unidentified = new LinkedHashSet<>();
    List<VexStatement> statements = new ArrayList<>();
    Optional<Instant> current = Optional.of(JsonFields.instant(tracking.get("current_release_date").asText(), "$.document.tracking.current_release_date"));
    JsonNode vulnerabilities = root.path("vulnerabilities");
    for (int v = 0; v < vulnerabilities.size(); v++) {
      JsonNode vulnerability = vulnerabilities.get(v);
      List<String> names = new ArrayList<>();
      if (vulnerability.hasNonNull("cve")) {
        names.add(vulnerability.get("cve").asText().strip());
      }
      for (JsonNode ident : vulnerability.path("ids")) {
        names.add(ident.path("text").asText().strip());
      }
      for (String name : names) {
        if (!name.equals(id) && !aliases.contains(name)) {
          aliases.add(name);
        }
      }
      for (JsonNode score : vulnerability.path("scores")) {
        for (String kind : List.of("cvss_v3", "cvss_v2")) {
          JsonNode cvss = score.path(kind);
          if (cvss.hasNonNull("vectorString")) {
            SeverityScore severity = new SeverityScore(kind.equals("cvss_v3") ? "CVSS_V3" : "CVSS_V2", cvss.get("vectorString").asText());
            if (!severities.contains(severity)) {
              severities.add(severity);
            }
          }
        }
      }
      for (JsonNode reference : vulnerability.path("references")) {
        addReference(references, reference);
      }
      JsonNode status = vulnerability.path("product_status");
      for (String list : AFFECTED) {
        for (JsonNode productId : status.path(list)) {
          collect(productId.asText(), products, relationships, affected, unidentified);
        }
      }
      for (String list : FIXED) {
        for (JsonNode productId : status.path(list)) {
          collect(productId.asText(), products, relationships, fixed, unidentified);
        }
      }
      if (category.equals("csaf_vex")) {
        String vulnerabilityName = names.isEmpty() ? id : names.get(0);
        List<String> otherNames = names.size() > 1 ? names.subList(1, names.size()) : List.of();
        Optional<Instant> stated =
            vulnerability.hasNonNull("release_date")
                ? Optional.of(JsonFields.instant(vulnerability.get("release_date").asText(), "$.vulnerabilities[" + v + "].release_date"))
                : current;
        statements.addAll(
            statements(vulnerability, vulnerabilityName, otherNames, stated, products, relationships, groups, "$.vulnerabilities[" + v + "]"));
      }
    }

    List<AffectedPackage> packages = new ArrayList<>();
    for (Accumulator accumulator : affected.values()) {
      packages.add(accumulator.build(List.of()));
    }
    for (Map.Entry<String, Accumulator> entry : fixed.entrySet()) {
      if (affected.containsKey(entry.getKey())) {
        continue;
      }
      List<EventRange> ranges = new ArrayList<>();
      for (String version : entry.getValue().versions) {
        ranges.add(new EventRange(EventRange.Type.ECOSYSTEM, "", List.of(OsvEvent.introduced("0"), OsvEvent.fixed(version))));
      }
      if (!ranges.isEmpty()) {
        packages.add(entry.getValue().emptyCopy().build(ranges));
      }
    }
    if (!unidentified.isEmpty()) {
      warnings.add(
          unidentified.size() + " product(s) in the product status have no PURL with a version or range and cannot match "
              + "package versions: " + String.join(", ", unidentified.stream().limit(5).toList())
              + (unidentified.size() > 5 ? ", …" : ""));
    }
    StringBuilder details = new StringBuilder();
    for (JsonNode note : document.path("notes")) {
      String noteCategory = note.path("category").asText();
      if (noteCategory.equals("summary") || noteCategory.equals("description") || noteCategory.equals("details")) {
        details.append(details.length() == 0 ? "" : "\n\n").append(note.path("text").asText().strip());
      }
    }
    Advisory advisory =
        new Advisory(
            id,
            AdvisoryFormat.CSAF,
            document.get("title").asText().strip(),
            details.toString(),
            aliases,
            Optional.of(JsonFields.instant(tracking.get("initial_release_date").asText(), "$.document.tracking.initial_release_date")),
            current,
            Optional.empty(),
            severities,
            references,
            packages,
            text);
    return new Result(advisory, statements, warnings);
  }

  private static void addReference(List<Reference> references, JsonNode reference) {
    String url = reference.path("url").asText();
    if (!url.isBlank() && references.stream().noneMatch(r -> r.url().equals(url))) {
      references.add(new Reference("WEB", url));
    }
  }

  /** Every product of the tree by id, from branches (with their version context) and full product names. */
  private static Map<String, Product> products(JsonNode tree, List<String> warnings) {
    Map<String, Product> products = new LinkedHashMap<>();
    record Frame(JsonNode branch, String path, String version, String range) {}
    Deque<Frame> pending = new ArrayDeque<>();
    JsonNode roots = tree.path("branches");
    for (int i = roots.size() - 1; i >= 0; i--) {
      pending.push(new Frame(roots.get(i), "$.product_tree.branches[" + i + "]", "", ""));
    }
    while (!pending.isEmpty()) {
      Frame frame = pending.pop();
      JsonNode branch = frame.branch();
      String version = frame.version();
      String range = frame.range();
      String branchCategory = branch.path("category").asText();
      String name = branch.path("name").asText().strip();
      if (branchCategory.equals("product_version")) {
        version = name;
      } else if (branchCategory.equals("product_version_range")) {
        if (name.startsWith("vers:")) {
          range = name;
        } else {
          warnings.add("product version range '" + name + "' at " + frame.path() + " is not a vers: range and is not evaluated");
        }
      }
      if (branch.path("product").isObject()) {
        Product product = product(branch.get("product"), frame.path() + ".product", version, range);
        products.put(product.id(), product);
      }
      JsonNode children = branch.path("branches");
      for (int i = children.size() - 1; i >= 0; i--) {
        pending.push(new Frame(children.get(i), frame.path() + ".branches[" + i + "]", version, range));
      }
    }
    JsonNode names = tree.path("full_product_names");
    for (int i = 0; i < names.size(); i++) {
      Product product = product(names.get(i), "$.product_tree.full_product_names[" + i + "]", "", "");
      products.put(product.id(), product);
    }
    JsonNode relationships = tree.path("relationships");
    for (int i = 0; i < relationships.size(); i++) {
      JsonNode name = relationships.get(i).path("full_product_name");
      Product product = product(name, "$.product_tree.relationships[" + i + "].full_product_name", "", "");
      if (product.purl() != null) {
        products.put(product.id(), product);
      }
    }
    return products;
  }

  private static Product product(JsonNode node, String path, String version, String range) {
    String id = node.path("product_id").asText();
    String name = node.path("name").asText().strip();
    String purlText = node.path("product_identification_helper").path("purl").asText("");
    if (purlText.isBlank()) {
      return new Product(id, name, null, "");
    }
    Purl purl;
    try {
      purl = Purl.parse(purlText);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(e.getMessage(), path + ".product_identification_helper.purl", e);
    }
    if (!purl.hasVersion() && !version.isEmpty() && range.isEmpty()) {
      purl = purl.withVersion(version);
    }
    return new Product(id, name, purl, purl.hasVersion() ? "" : range);
  }

  /** The product a status entry stands for when matching versions: a relationship's component. */
  private static Product resolve(String productId, Map<String, Product> products, Map<String, Relationship> relationships) {
    Product direct = products.get(productId);
    if (direct != null && direct.purl() != null) {
      return direct;
    }
    Relationship relationship = relationships.get(productId);
    if (relationship != null) {
      Product component = products.get(relationship.componentId());
      if (component != null) {
        return component;
      }
    }
    return direct;
  }

  private static void collect(
      String productId, Map<String, Product> products, Map<String, Relationship> relationships,
      Map<String, Accumulator> into, Set<String> unidentified) {
    Product product = resolve(productId, products, relationships);
    if (product == null || !product.identified()) {
      unidentified.add(product == null || product.name().isEmpty() ? productId : product.name());
      return;
    }
    Accumulator accumulator = into.computeIfAbsent(product.purl().packageKey(), key -> new Accumulator(product.purl()));
    if (product.purl().hasVersion()) {
      if (!accumulator.versions.contains(product.purl().version())) {
        accumulator.versions.add(product.purl().version());
      }
    } else if (!accumulator.vers.contains(product.versRange())) {
      accumulator.vers.add(product.versRange());
    }
  }

  /** The versions and ranges of one package, gathered across products. */
  private static final class Accumulator {
    final Purl purl;
    final List<String> versions = new ArrayList<>();
    final List<String> vers = new ArrayList<>();

    Accumulator(Purl purl) {
      this.purl = purl;
    }

    Accumulator emptyCopy() {
      return new Accumulator(purl);
    }

    AffectedPackage build(List<EventRange> ranges) {
      Ecosystem ecosystem = Ecosystem.fromPurlType(purl.type());
      try {
        return AffectedPackage.of(
            OsvPackages.osvEcosystem(purl), ecosystem, OsvPackages.osvName(purl), purl.packageKey(), ranges, versions, vers);
      } catch (InvalidInputException e) {
        throw new InvalidInputException(e.getMessage(), "$.product_tree (package " + purl.packageKey() + ", " + e.location() + ")", e);
      }
    }
  }

  private static List<VexStatement> statements(
      JsonNode vulnerability, String name, List<String> aliases, Optional<Instant> stated, Map<String, Product> products,
      Map<String, Relationship> relationships, Map<String, Set<String>> groups, String path) {
    List<VexStatement> statements = new ArrayList<>();
    JsonNode status = vulnerability.path("product_status");
    for (Map.Entry<String, List<String>> list :
        List.of(
            Map.entry("affected", AFFECTED),
            Map.entry("not_affected", List.of("known_not_affected")),
            Map.entry("fixed", FIXED),
            Map.entry("under_investigation", List.of("under_investigation")))) {
      for (String statusName : list.getValue()) {
        for (JsonNode productIdNode : status.path(statusName)) {
          String productId = productIdNode.asText();
          VexStatus vexStatus;
          try {
            vexStatus =
              switch (list.getKey()) {
                case "affected" -> new VexStatus.Affected(itemsFor(vulnerability.path("remediations"), productId, groups, true));
                case "not_affected" -> new VexStatus.NotAffected(
                    Justification.fromLabel(firstLabel(vulnerability.path("flags"), productId, groups)),
                    impact(vulnerability.path("threats"), productId, groups));
                case "fixed" -> new VexStatus.Fixed();
                default -> new VexStatus.UnderInvestigation();
              };
          } catch (InvalidInputException e) {
            throw new InvalidInputException(e.getMessage(), path + ".product_status." + statusName + " (product " + productId + ")", e);
          }
          statements.add(statement(name, aliases, productId, vexStatus, stated, products, relationships, path));
        }
      }
    }
    return statements;
  }

  private static VexStatement statement(
      String name, List<String> aliases, String productId, VexStatus status, Optional<Instant> stated,
      Map<String, Product> products, Map<String, Relationship> relationships, String path) {
    Relationship relationship = relationships.get(productId);
    String productIdentifier;
    String range = "";
    List<String> subcomponents = List.of();
    Product direct = products.get(productId);
    if (relationship != null && (direct == null || direct.purl() == null)) {
      Product component = products.get(relationship.componentId());
      Product platform = products.get(relationship.platformId());
      if (platform != null && platform.identified()) {
        productIdentifier = platform.purl().canonical();
        range = platform.versRange();
        subcomponents = component != null && component.purl() != null ? List.of(component.purl().canonical()) : List.of();
      } else if (component != null && component.identified()) {
        productIdentifier = component.purl().canonical();
        range = component.versRange();
      } else {
        productIdentifier = direct != null && !direct.name().isEmpty() ? direct.name() : productId;
      }
    } else if (direct != null && direct.identified()) {
      productIdentifier = direct.purl().canonical();
      range = direct.versRange();
    } else {
      productIdentifier = direct != null && !direct.name().isEmpty() ? direct.name() : productId;
    }
    try {
      return VexStatement.of(name, aliases, productIdentifier, range, subcomponents, status, stated);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(e.getMessage(), path + ".product_status (product " + productId + ")", e);
    }
  }

  /** The details of the items (remediations) for a product, as "category: details" joined by "; ". */
  private static String itemsFor(JsonNode items, String productId, Map<String, Set<String>> groups, boolean withCategory) {
    List<String> texts = new ArrayList<>();
    for (JsonNode item : items) {
      if (covers(item, productId, groups)) {
        String details = item.path("details").asText().strip();
        texts.add(withCategory ? item.path("category").asText() + ": " + details : details);
      }
    }
    return String.join("; ", texts);
  }

  private static String firstLabel(JsonNode flags, String productId, Map<String, Set<String>> groups) {
    for (JsonNode flag : flags) {
      if (covers(flag, productId, groups)) {
        return flag.path("label").asText();
      }
    }
    return "";
  }

  private static String impact(JsonNode threats, String productId, Map<String, Set<String>> groups) {
    List<String> texts = new ArrayList<>();
    for (JsonNode threat : threats) {
      if (threat.path("category").asText().equals("impact") && covers(threat, productId, groups)) {
        texts.add(threat.path("details").asText().strip());
      }
    }
    return String.join("; ", texts);
  }

  private static boolean covers(JsonNode item, String productId, Map<String, Set<String>> groups) {
    for (JsonNode id : item.path("product_ids")) {
      if (id.asText().equals(productId)) {
        return true;
      }
    }
    for (JsonNode group : item.path("group_ids")) {
      if (groups.getOrDefault(group.asText(), Set.of()).contains(productId)) {
        return true;
      }
    }
    return false;
  }
}
