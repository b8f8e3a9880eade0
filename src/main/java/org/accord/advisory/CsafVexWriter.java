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
import java.util.Set;
import org.accord.InvalidInputException;
import org.accord.identity.Purl;

/**
 * Builds a CSAF 2.0 document in the VEX profile ({@code csaf_vex}, CSAF 2.0 §4.5) that passes the CSAF
 * schema and the §6.1 mandatory tests (the tests check this with {@link CsafValidator}).
 *
 * <p>Layout: the product tree has one vendor / product name / version (or version range) branch per
 * PURL, the vendor being the PURL namespace; a statement about a subcomponent becomes a {@code
 * default_component_of} relationship between component and product, and its status is stated for the
 * relationship's product. One vulnerability per CVE of the advisory (one for the advisory when it has
 * no CVE), carrying the advisory's other ids, a description note, the CVSS v3 score, and the product
 * status: affected products get a remediation (the action statement; {@code vendor_fix} when it names
 * fixed versions, {@code none_available} when it says none is known), not-affected products a flag
 * (the justification) and/or an impact threat (the impact statement), as §6.1.27.9 and §6.1.27.10
 * require. Stateless.
 */
final class CsafVexWriter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> REMEDIATIONS = List.of("mitigation", "no_fix_planned", "none_available", "vendor_fix", "workaround");

  private CsafVexWriter() {}

  /** The product tree under construction: products and relationships by a key, with their ids. */
  static final class Tree {
    final ObjectNode branches = NODES.objectNode();
    final Map<String, String> productIds = new LinkedHashMap<>();
    final ArrayNode relationships = NODES.arrayNode();
    final Map<String, String> relationshipIds = new LinkedHashMap<>();
    int next = 1;

    String nextId() {
      return String.format(Locale.ROOT, "CSAFPID-%04d", next++);
    }

    /** The id of a product branch for a PURL (with version, or version-less with an optional range) or a name. */
    String product(String product, String range) {
      String key = product + "|" + range;
      String existing = productIds.get(key);
      if (existing != null) {
        return existing;
      }
      String id = nextId();
      productIds.put(key, id);
      ObjectNode leaf;
      if (product.startsWith("pkg:")) {
        Purl purl = Purl.parse(product);
        String vendor = purl.namespace().isEmpty() ? purl.type() : purl.namespace();
        ObjectNode productName = branch(branch(branches, "vendor", vendor), "product_name", purl.name());
        if (purl.hasVersion()) {
          leaf = branch(productName, "product_version", purl.version());
        } else if (!range.isEmpty()) {
          leaf = branch(productName, "product_version_range", range);
        } else {
          leaf = productName;
        }
        String name = purl.name() + (purl.hasVersion() ? " " + purl.version() : range.isEmpty() ? "" : " " + range);
        ObjectNode node = leaf.putObject("product").put("product_id", id).put("name", name);
        node.putObject("product_identification_helper").put("purl", product);
      } else {
        leaf = branch(branch(branches, "vendor", "unknown vendor"), "product_name", product);
        leaf.putObject("product").put("product_id", id).put("name", product);
      }
      return id;
    }

    String relationship(String componentId, String productId, String name) {
      String key = componentId + "|" + productId;
      String existing = relationshipIds.get(key);
      if (existing != null) {
        return existing;
      }
      String id = nextId();
      relationshipIds.put(key, id);
      ObjectNode relationship = relationships.addObject();
      relationship.put("category", "default_component_of");
      relationship.putObject("full_product_name").put("name", name).put("product_id", id);
      relationship.put("product_reference", componentId);
      relationship.put("relates_to_product_reference", productId);
      return id;
    }

    /** The child branch of {@code parent} with this category and name, created if absent. */
    private static ObjectNode branch(ObjectNode parent, String category, String name) {
      ArrayNode children = parent.has("branches") ? (ArrayNode) parent.get("branches") : parent.putArray("branches");
      for (JsonNode child : children) {
        if (child.path("category").asText().equals(category) && child.path("name").asText().equals(name)) {
          return (ObjectNode) child;
        }
      }
      return children.addObject().put("category", category).put("name", name);
    }
  }

  static JsonNode write(Advisory advisory, List<VexStatement> statements, AdvisoryExport.Context context) {
    Tree tree = new Tree();
    Map<VexStatement, String> productIdOf = new LinkedHashMap<>();
    for (VexStatement statement : statements) {
      String productId = tree.product(statement.product(), statement.productRange());
      if (statement.subcomponents().isEmpty()) {
        productIdOf.put(statement, productId);
      } else {
        // One relationship per subcomponent; the statement holds for each.
        String sub = statement.subcomponents().get(0);
        String componentId = tree.product(sub, "");
        productIdOf.put(statement, tree.relationship(componentId, productId, sub + " as a component of " + statement.product()));
        for (String other : statement.subcomponents().subList(1, statement.subcomponents().size())) {
          VexStatement copy =
              new VexStatement(statement.vulnerability(), statement.aliases(), statement.product(), statement.productKey(),
                  statement.productVersion(), statement.productRange(), List.of(other), statement.status(), statement.timestamp());
          productIdOf.put(copy, tree.relationship(tree.product(other, ""), productId, other + " as a component of " + statement.product()));
        }
      }
    }

    List<String> cves = advisory.cves();
    List<String> entryNames = cves.isEmpty() ? List.of(advisory.id()) : cves;
    ArrayNode vulnerabilities = NODES.arrayNode();
    for (String entryName : entryNames) {
      Map<String, VexStatement> byProduct = new LinkedHashMap<>();
      productIdOf.forEach(
          (statement, productId) -> {
            boolean belongs =
                entryNames.size() == 1 || statement.names().contains(entryName) || statement.names().stream().noneMatch(cves::contains);
            if (belongs) {
              byProduct.remove(productId);
              byProduct.put(productId, statement);
            }
          });
      if (!byProduct.isEmpty()) {
        vulnerabilities.add(vulnerability(advisory, entryName, byProduct));
      }
    }
    if (vulnerabilities.isEmpty()) {
      throw new InvalidInputException("no statement about " + advisory.id() + " names one of its CVEs, so there is nothing to write as CSAF VEX", "format");
    }

    ObjectNode root = NODES.objectNode();
    ObjectNode document = root.putObject("document");
    document.put("category", "csaf_vex");
    document.put("csaf_version", "2.0");
    document.put("lang", "en");
    ObjectNode publisher = document.putObject("publisher");
    publisher.put("category", "coordinator");
    publisher.put("name", context.author());
    publisher.put("namespace", context.namespace());
    document.put("title", (advisory.summary().isEmpty() ? advisory.id() : advisory.id() + ": " + advisory.summary()) + " (VEX)");
    ObjectNode tracking = document.putObject("tracking");
    String now = context.now().toString();
    tracking.putObject("generator").put("date", now).putObject("engine").put("name", "Accord").put("version", context.toolVersion());
    tracking.put("current_release_date", now);
    // The VEX document is a document of its own: re-importing it must not replace the advisory it is about.
    tracking.put("id", advisory.id().strip() + "-VEX");
    tracking.put("initial_release_date", now);
    tracking.putArray("revision_history").addObject().put("date", now).put("number", "1")
        .put("summary", "VEX statements exported by Accord");
    tracking.put("status", "final");
    tracking.put("version", "1");
    ObjectNode productTree = root.putObject("product_tree");
    productTree.set("branches", tree.branches.get("branches"));
    if (!tree.relationships.isEmpty()) {
      productTree.set("relationships", tree.relationships);
    }
    root.set("vulnerabilities", vulnerabilities);
    return root;
  }

  private static ObjectNode vulnerability(Advisory advisory, String entryName, Map<String, VexStatement> byProduct) {
    ObjectNode vulnerability = NODES.objectNode();
    if (entryName.startsWith("CVE-")) {
      vulnerability.put("cve", entryName);
    }
    ArrayNode ids = NODES.arrayNode();
    for (String name : advisory.names()) {
      if (!name.startsWith("CVE-")) {
        ids.addObject().put("system_name", CycloneDxVexWriter.source(name)).put("text", name);
      }
    }
    if (!ids.isEmpty()) {
      vulnerability.set("ids", ids);
    }
    String description = !advisory.details().isEmpty() ? advisory.details() : !advisory.summary().isEmpty() ? advisory.summary() : advisory.id();
    vulnerability.putArray("notes").addObject().put("category", "description").put("text", description).put("title", "Description");

    Map<String, Set<String>> status = new LinkedHashMap<>();
    Map<String, Set<String>> flags = new LinkedHashMap<>();
    Map<String, Set<String>> impacts = new LinkedHashMap<>();
    Map<String, Set<String>> remediations = new LinkedHashMap<>();
    byProduct.forEach(
        (productId, statement) -> {
          VexStatus vex = statement.status();
          String list =
              vex instanceof VexStatus.NotAffected ? "known_not_affected"
                  : vex instanceof VexStatus.Affected ? "known_affected"
                  : vex instanceof VexStatus.Fixed ? "fixed" : "under_investigation";
          status.computeIfAbsent(list, k -> new LinkedHashSet<>()).add(productId);
          if (vex instanceof VexStatus.NotAffected notAffected) {
            notAffected.justification().ifPresent(j -> flags.computeIfAbsent(j.label(), k -> new LinkedHashSet<>()).add(productId));
            if (!notAffected.impactStatement().isBlank()) {
              impacts.computeIfAbsent(notAffected.impactStatement(), k -> new LinkedHashSet<>()).add(productId);
            }
          } else if (vex instanceof VexStatus.Affected affected) {
            remediations.computeIfAbsent(affected.actionStatement(), k -> new LinkedHashSet<>()).add(productId);
          }
        });
    ObjectNode productStatus = vulnerability.putObject("product_status");
    for (String list : List.of("fixed", "known_affected", "known_not_affected", "under_investigation")) {
      if (status.containsKey(list)) {
        ArrayNode products = productStatus.putArray(list);
        status.get(list).forEach(products::add);
      }
    }
    if (!flags.isEmpty()) {
      ArrayNode flagNodes = vulnerability.putArray("flags");
      flags.forEach((label, products) -> ids(flagNodes.addObject().put("label", label), products));
    }
    if (!remediations.isEmpty()) {
      ArrayNode remediationNodes = vulnerability.putArray("remediations");
      remediations.forEach(
          (action, products) -> {
            String category = "mitigation";
            String details = action.isBlank() ? "No action statement was given; contact the supplier." : action;
            int colon = action.indexOf(": ");
            if (colon > 0 && REMEDIATIONS.contains(action.substring(0, colon))) {
              category = action.substring(0, colon);
              details = action.substring(colon + 2).isBlank() ? details : action.substring(colon + 2);
            } else if (action.startsWith("Upgrade to a fixed version")) {
              category = "vendor_fix";
            } else if (action.startsWith("No fixed version is known")) {
              category = "none_available";
            }
            ids(remediationNodes.addObject().put("category", category).put("details", details), products);
          });
    }
    List<SeverityScore> cvss3 = new ArrayList<>();
    for (SeverityScore severity : advisory.severities()) {
      if (severity.score().startsWith("CVSS:3.0/") || severity.score().startsWith("CVSS:3.1/")) {
        cvss3.add(severity);
        break;
      }
    }
    if (!cvss3.isEmpty()) {
      String vector = cvss3.get(0).score();
      try {
        CvssVector parsed = CvssVector.parse(vector);
        BigDecimal base = CvssScores.exact(parsed).base();
        ObjectNode score = vulnerability.putArray("scores").addObject();
        ArrayNode products = score.putArray("products");
        byProduct.keySet().forEach(products::add);
        score.putObject("cvss_v3")
            .put("version", parsed.version())
            .put("vectorString", vector)
            .put("baseScore", base)
            .put("baseSeverity", CvssScores.severity(base));
      } catch (RuntimeException unscorable) {
        // a vector the CSAF schema cannot hold is left out rather than written invalid
      }
    }
    if (!impacts.isEmpty()) {
      ArrayNode threats = vulnerability.putArray("threats");
      impacts.forEach((details, products) -> ids(threats.addObject().put("category", "impact").put("details", details), products));
    }
    return vulnerability;
  }

  private static void ids(ObjectNode node, Set<String> products) {
    ArrayNode ids = node.putArray("product_ids");
    products.forEach(ids::add);
  }
}
